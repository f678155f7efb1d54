"""Chart builders, checked by their Vega-Lite spec, never by pixels."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.config import SECTOR_COLORS, STATUS_COLORS
from dashboard.derive.summaries import (
    agreement_points,
    as_of_matrix,
    event_markers,
    sector_counts,
    timeline_frame,
    year_counts,
)
from dashboard.draw import charts
from tests.conftest import NAMES, ORGS


@pytest.fixture
def pkg(mini_pkg):
    return mini_pkg


def test_status_scale_is_fixed_and_colour_blind_safe():
    scale = charts.status_scale().to_dict()
    assert scale["range"] == list(STATUS_COLORS.values())
    assert scale["domain"][0] == "Founding member"


def test_status_matrix_spec(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    spec = charts.status_matrix_chart(matrix, "t").to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["color"]["field"] == "Status"
    assert spec["encoding"]["color"]["scale"]["range"] == list(STATUS_COLORS.values())
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"Since", "Sources"}


def test_membership_timeline_spec(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    markers = event_markers(pkg["events"], ("sco",))
    spec = charts.membership_timeline_chart(bars, markers, "t").to_dict()
    bar, rule = spec["layer"]
    assert bar["mark"]["type"] == "bar"
    assert bar["encoding"]["x2"]["field"] == "End"
    assert {t["field"] for t in bar["encoding"]["tooltip"]} >= {"From", "Until", "Sources"}
    assert rule["mark"]["type"] == "rule"


def test_timeline_without_markers_has_one_layer(pkg):
    bars, _ = timeline_frame(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 50)
    spec = charts.membership_timeline_chart(bars, event_markers(pkg["events"].head(0)), "t")
    assert len(spec.to_dict()["layer"]) == 1


def test_agreement_timeline_spec(pkg):
    points = agreement_points(pkg["agreements"], 100)
    spec = charts.agreement_timeline_chart(points, event_markers(pkg["events"]), "t").to_dict()
    dots = spec["layer"][0]
    assert dots["mark"]["type"] == "circle"
    assert dots["encoding"]["color"]["scale"]["range"] == list(SECTOR_COLORS.values())
    assert dots["encoding"]["size"]["field"] == "Count"


def test_count_charts(pkg):
    by_sector = charts.count_bar_chart(
        sector_counts(pkg["agreements"]), "Sector", "t", charts.sector_scale()
    ).to_dict()
    assert by_sector["encoding"]["y"]["sort"] == "-x"
    by_year = charts.year_bar_chart(year_counts(pkg["agreements"]), "t").to_dict()
    assert by_year["encoding"]["x"]["field"] == "Year"


def test_status_bar_chart_spec(pkg):
    from dashboard.derive.summaries import status_totals

    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    spec = charts.status_bar_chart(status_totals(matrix), "t").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["color"]["scale"]["range"] == list(STATUS_COLORS.values())


def test_status_matrix_orientation_and_order(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    by_country = charts.status_matrix_chart(matrix, "t").to_dict()
    assert by_country["encoding"]["y"]["field"] == "Country"
    assert by_country["encoding"]["y"]["sort"] == "ascending"
    assert by_country["encoding"]["x"]["axis"]["labelAngle"] == -40  # few columns
    by_org = charts.status_matrix_chart(matrix, "t", rows="Organization").to_dict()
    assert by_org["encoding"]["y"]["field"] == "Organization"
    assert by_org["encoding"]["y"]["sort"] == list(dict.fromkeys(matrix["Organization"]))
    assert {t["field"] for t in by_org["encoding"]["tooltip"]} >= {"Record"}


def test_status_bar_chart_keeps_a_given_order_and_shows_check_dates(pkg):
    from dashboard.derive.summaries import status_totals

    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    totals = status_totals(matrix).assign(**{"Checked up to": "2026-11-23"})
    spec = charts.status_bar_chart(totals, "t", order=["EAEU", "SCO"]).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["EAEU", "SCO"]
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"Checked up to"}
