"""Aggregations behind charts and tables: small frames in, small frames out."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.config import COW_LABEL, COW_SOURCE_ID
from dashboard.derive.summaries import (
    agreement_points,
    as_of_matrix,
    bilateral,
    compare_countries,
    event_markers,
    latest_trade,
    recent_changes,
    sector_counts,
    status_counts,
    status_totals,
    timeline_frame,
    year_counts,
)
from tests.conftest import NAMES, ORGS


@pytest.fixture
def pkg(mini_pkg):
    return mini_pkg


def test_as_of_matrix_and_counts(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2020, 1, 1), NAMES, ORGS)
    assert set(zip(matrix["Country"], matrix["Status"], strict=True)) == {
        ("Belarus", "Observer"),
        ("Russia", "Founding member"),
        ("Belarus", "Founding member"),
    }
    counts = status_counts(matrix).set_index("Organization")
    assert counts.loc["SCO", "Total"] == 2
    assert counts.loc["EAEU", "Founding member"] == 1


def test_compare_countries_marks_shared_and_different(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), {**NAMES, **ORGS}, ORGS)
    table = compare_countries(matrix, ("IRN", "BLR"), NAMES).set_index("Organization")
    assert table.loc["SCO", "Same status"] == "yes"
    assert table.loc["EAEU", "Iran"] == "Observer"
    assert table.loc["EAEU", "Same status"] == "no"
    assert table.loc["EAEU", "All in it"] == "yes"


def test_timeline_runs_open_spans_to_today_and_limits_lanes(pkg):
    frame, lanes = timeline_frame(pkg["memberships"], date(2026, 11, 23), NAMES, ORGS, 2)
    assert lanes == 5
    assert frame["Lane"].nunique() == 2
    assert (frame.loc[frame["Until"] == "today", "End"] == pd.Timestamp("2026-11-23")).all()
    assert "2024-12" in set(frame["From"])  # dates as written


def test_agreement_points_single_then_aggregated(pkg):
    single = agreement_points(pkg["agreements"], max_points=100)
    assert len(single) == 5  # undated treaty left out; health agreement has two sectors
    assert set(single["Count"]) == {1}
    grouped = agreement_points(pkg["agreements"], max_points=2)  # months still too many: years
    assert grouped["Count"].sum() == 5
    assert set(grouped["When"]) == {"2025", "2023"}


def test_agreement_points_scale_to_large_input():
    n = 50_000
    big = pd.DataFrame(
        {
            "title": [f"A{i}" for i in range(n)],
            "signed_date": ["2020-01"] * n,
            "signed_date_ts": pd.to_datetime(["2020-01-01"] * n),
            "sectors": [("trade", "health")] * n,
        }
    )
    points = agreement_points(big, max_points=1500)
    assert len(points) == 2
    assert set(points["When"]) == {"2020-01"}
    assert points["Count"].sum() == 2 * n


def test_counts(pkg):
    sectors = sector_counts(pkg["agreements"]).set_index("Sector")["Count"]
    assert sectors["Health"] == 1
    assert sectors.sum() == 6
    years = year_counts(pkg["agreements"]).set_index("Year")["Count"]
    assert years.to_dict() == {2023: 2, 2025: 1}


def test_event_markers_filter_by_participant(pkg):
    assert list(event_markers(pkg["events"], ("sco",))["Event"]) == ["SCO summit"]
    assert len(event_markers(pkg["events"])) == 2


def test_recent_changes_newest_first_and_not_future(pkg):
    recent = recent_changes(
        pkg["memberships"], pkg["agreements"], {**NAMES, **ORGS}, date(2025, 1, 1), 3
    )
    assert list(recent["Date"]) == ["2024-12", "2024-07-04", "2023-12-25"]
    assert recent.iloc[0]["What"] == "Iran becomes observer of EAEU"


def test_bilateral(pkg):
    assert set(bilateral(pkg["agreements"], ("IRN", "BLR"))["id"]) == {
        "ab-health",
        "ab-tourism",
        "ab-treaty",
    }


def test_bilateral_of_no_agreements_keeps_the_columns(pkg):
    empty = pkg["agreements"].iloc[0:0]
    assert list(bilateral(empty, ("IRN", "BLR")).columns) == list(empty.columns)


def test_status_totals_and_latest_trade(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    totals = status_totals(matrix).set_index(["Organization", "Status"])["Count"]
    assert totals[("SCO", "Member")] == 2
    assert totals.sum() == len(matrix)
    trade = latest_trade(pkg["trade"], ("IRN", "BLR"))
    assert trade["year"] == 2024
    assert latest_trade(pkg["trade"], ("IRN", "RUS")) is None


def test_comparing_a_country_with_no_status_keeps_its_column(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    table = compare_countries(matrix, ("IRN", "XXX"), NAMES).set_index("Organization")
    assert list(table.columns) == ["Iran", "XXX", "All in it", "Same status"]
    assert set(table["XXX"]) == {"—"}
    assert set(table["All in it"]) == {"no"}


def test_matrix_and_timeline_rows_carry_their_record(pkg):
    """A span that cites COW carries its mark; the others (MINI's own sources) carry none."""
    spans = pkg["memberships"].copy()
    from_cow = {"rus-sco-founder", "blr-sco-obs"}
    spans["source_ids"] = [
        (COW_SOURCE_ID,) if span in from_cow else ids
        for span, ids in zip(spans["id"], spans["source_ids"], strict=True)
    ]
    matrix = as_of_matrix(spans, date(2026, 1, 1), NAMES, ORGS)
    pairs = matrix["Country"] + " in " + matrix["Organization"]
    assert dict(zip(pairs, matrix["Record"], strict=True)) == {
        "Belarus in SCO": "",
        "Iran in SCO": "",
        "Russia in SCO": COW_LABEL,
        "Belarus in EAEU": "",
        "Iran in EAEU": "",
    }
    frame, _ = timeline_frame(spans, date(2026, 1, 1), NAMES, ORGS, 10)
    assert list(zip(frame["Lane"], frame["Status"], frame["Record"], strict=True)) == [
        ("EAEU · Belarus", "Founding member", ""),
        ("EAEU · Iran", "Observer", ""),
        ("SCO · Belarus", "Dialogue partner", ""),
        ("SCO · Belarus", "Observer", COW_LABEL),
        ("SCO · Belarus", "Member", ""),
        ("SCO · Iran", "Member", ""),
        ("SCO · Russia", "Founding member", COW_LABEL),
    ]


def test_timeline_lanes_follow_the_given_order(pkg):
    frame, lanes = timeline_frame(
        pkg["memberships"], date(2026, 1, 1), NAMES, ORGS, 3, order=["eaeu", "sco"]
    )
    assert lanes == 5
    assert list(dict.fromkeys(frame["Lane"])) == ["EAEU · Belarus", "EAEU · Iran", "SCO · Belarus"]
