"""The memberships page's builders on a layered package: labels, counts, grid and lanes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.config import COW_LABEL
from dashboard.derive.filters import MembershipFilter
from dashboard.viewmodels import memberships
from tests.layered import layered_package


@pytest.fixture
def pkg(tmp_path: Path):
    return layered_package(tmp_path)


def test_options_offer_searchable_names_and_the_records(pkg):
    options = memberships.options(pkg)
    assert options.choices["wpact"] == "WPact — Warsaw Treaty Organization"
    assert options.choices["sco"] == "SCO — Shanghai Cooperation Organisation"
    assert list(options.choices) == sorted(
        options.choices, key=lambda o: options.choices[o].lower()
    )
    assert options.records.labels()["eaeu"] == "EAEU (partial)"


def test_matrix_labels_partial_organizations_and_dates_every_count(pkg):
    params = MembershipFilter()
    shown = memberships.rows(pkg, params)
    grid = memberships.matrix(pkg, shown, params, date(2026, 1, 1))
    counts = grid.counts.set_index("organization")
    assert counts.loc["eaeu", "Organization"] == "EAEU (partial)"
    assert counts.loc["eaeu", "Coverage"] == "Partial"
    assert counts.loc["eaeu", "Checked up to"].startswith("2026-10; 1 span from COW IGO v3")
    assert counts.loc["sco", "Checked up to"] == "2026-11-23"
    assert list(grid.counts.columns[:5]) == [
        "organization",
        "Organization",
        "Total",
        "Checked up to",
        "Coverage",
    ]
    assert list(grid.counts["organization"]) == ["sco", "eaeu"]  # the lead order: SCO, …, EAEU
    assert grid.note == ""  # everything fits


def test_matrix_of_1985_shows_the_warsaw_pact_with_the_gdr_marked_as_cow(pkg):
    params = MembershipFilter(organizations=("wpact",))
    shown = memberships.rows(pkg, params)
    grid = memberships.matrix(pkg, shown, params, date(1985, 6, 30))
    data = grid.figure.spec["datasets"]
    rows = next(iter(data.values()))
    assert {(r["Organization"], r["Country"]) for r in rows} == {
        ("WPact", "German Democratic Republic"),
        ("WPact", "Poland"),
    }
    assert {r["Record"] for r in rows} == {COW_LABEL}
    counts = grid.counts.set_index("organization")
    assert counts.loc["wpact", "Checked up to"] == "2014 (COW IGO v3, year precision)"


def test_timeline_puts_picked_and_curated_organizations_first(pkg):
    params = MembershipFilter()
    shown = memberships.rows(pkg, params)
    timeline = memberships.timeline(pkg, shown, params, date(2026, 11, 23))
    lanes = next(iter(timeline.figure.spec["datasets"].values()))
    organizations = list(dict.fromkeys(r["Organization"] for r in lanes))
    assert organizations == ["SCO", "EAEU", "WPact"]  # curated, in the lead order, then COW's
    assert timeline.lanes == timeline.shown


def test_spans_table_marks_rows_from_cow(pkg):
    params = MembershipFilter(countries=("DDR", "BLR"))
    shown = memberships.rows(pkg, params)
    page = memberships.listing(pkg).page(shown, "organization", False)
    records = dict(
        zip(
            page.frame["Country"] + "/" + page.frame["Organization"],
            page.frame["Record"],
            strict=True,
        )
    )
    assert records["German Democratic Republic/WPact"] == COW_LABEL
    assert records["Belarus/SCO"] == ""


def test_large_organizations_are_left_out_unless_picked(pkg):
    everything = memberships.rows(pkg, MembershipFilter())
    without = memberships.rows(pkg, MembershipFilter(leave_out=("wpact",)))
    assert set(everything["organization"]) - set(without["organization"]) == {"wpact"}
    picked = memberships.rows(pkg, MembershipFilter(organizations=("wpact",), leave_out=("wpact",)))
    assert set(picked["organization"]) == {"wpact"}  # what is picked is shown, large or not
