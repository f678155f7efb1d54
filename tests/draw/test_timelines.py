"""Charts along time, checked by their Vega-Lite spec: they zoom to the data shown."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.config import SECTOR_COLORS
from dashboard.derive.summaries import agreement_points, event_markers, timeline_frame
from dashboard.draw import timelines
from tests.conftest import NAMES, ORGS


@pytest.fixture
def pkg(mini_pkg):
    return mini_pkg


def test_membership_timeline_spec(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    markers = event_markers(pkg["events"], ("sco",))
    spec = timelines.membership_timeline_chart(bars, markers, "t").to_dict()
    bar, rule = spec["layer"]
    assert bar["mark"]["type"] == "bar"
    assert bar["encoding"]["x2"]["field"] == "End"
    assert {t["field"] for t in bar["encoding"]["tooltip"]} >= {"From", "Until", "Sources"}
    assert rule["mark"]["type"] == "rule"


def test_timeline_without_markers_has_one_layer(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    spec = timelines.membership_timeline_chart(bars, event_markers(pkg["events"].head(0)), "t")
    assert len(spec.to_dict()["layer"]) == 1


def test_agreement_timeline_spec(pkg):
    points = agreement_points(pkg["agreements"], 100)
    spec = timelines.agreement_timeline_chart(points, event_markers(pkg["events"]), "t").to_dict()
    dots = spec["layer"][0]
    assert dots["mark"]["type"] == "circle"
    assert dots["encoding"]["color"]["scale"]["range"] == list(SECTOR_COLORS.values())
    assert dots["encoding"]["size"]["field"] == "Count"


def _domain(encoding: dict) -> list[tuple[int, int, int]]:
    return [(d["year"], d["month"], d["date"]) for d in encoding["scale"]["domain"]]


def _markers(*days: str) -> pd.DataFrame:
    dates = pd.to_datetime(list(days))
    return pd.DataFrame({"Date": dates, "Event": "e", "When": list(days), "Where": ""})


def test_agreement_timeline_zooms_to_one_month_and_keeps_only_its_events():
    points = pd.DataFrame(
        {
            "Date": pd.to_datetime(["2025-12-03", "2025-12-20"]),
            "Sector": ["Trade", "Health"],
            "Count": [1, 1],
            "When": ["2025-12-03", "2025-12-20"],
            "Titles": ["a", "b"],
        }
    )
    markers = _markers("1962-06-01", "2025-12-10", "2026-06-01")
    spec = timelines.agreement_timeline_chart(points, markers, "t").to_dict()
    dots, rules = spec["layer"]
    assert dots["encoding"]["x"]["type"] == "temporal"
    assert _domain(dots["encoding"]["x"]) == [(2025, 11, 13), (2026, 1, 9)]
    assert "format" not in dots["encoding"]["x"]["axis"]  # a month: Vega labels days, not years
    kept = [d for name, rows in spec["datasets"].items() for d in rows if "Event" in d]
    assert [d["When"] for d in kept] == ["2025-12-10"]  # the 1962 summit no longer sets the axis
    assert rules["encoding"]["x"]["scale"] == dots["encoding"]["x"]["scale"]


def test_membership_timeline_zooms_to_the_filtered_period(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    window = (date(2024, 1, 1), date(2024, 12, 31))
    markers = _markers("2001-06-15", "2024-07-04")
    spec = timelines.membership_timeline_chart(bars, markers, "t", window).to_dict()
    bar, rule = spec["layer"]
    low, high = _domain(bar["encoding"]["x"])
    assert low[:2] >= (2023, 12)
    assert high[:2] <= (2025, 1)
    assert bar["mark"]["clip"] is True  # spans reaching past the period are cut at its edges
    assert [d["When"] for rows in spec["datasets"].values() for d in rows if "Event" in d] == [
        "2024-07-04"
    ]
    assert bar["encoding"]["color"]["legend"]["values"][-1] == "Suspended"


def test_a_long_timeline_labels_years(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    spec = timelines.membership_timeline_chart(bars, _markers(), "t").to_dict()
    x = spec["layer"][0]["encoding"]["x"]
    assert x["axis"]["format"] == "%Y"
    assert _domain(x)[0][0] <= bars["Start"].min().year


def test_change_chart_lists_every_kind():
    from dashboard.derive.changes import CHANGE_KINDS

    counts = pd.DataFrame(
        {"Month": pd.to_datetime(["2025-01-01"]), "Kind": ["Joined"], "Count": [1]}
    )
    spec = timelines.change_month_chart(counts, CHANGE_KINDS, "t").to_dict()
    legend = spec["encoding"]["color"]["legend"]
    assert len(legend["values"]) == len(CHANGE_KINDS)
    assert legend["labelLimit"] == 0
