"""Choosing what a chart shows at breadth: organizations by rank, a readable grid, lanes."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.derive.ranking import (
    choose_grid,
    choose_lanes,
    focus_organizations,
    grid_note,
    rank_organizations,
)


def matrix(members: dict[str, str]) -> pd.DataFrame:
    """One row per (organization, country) from {'org': 'countries as letters'}."""
    pairs = [(org, c) for org, countries in members.items() for c in countries]
    return pd.DataFrame(
        {
            "organization": [o for o, _ in pairs],
            "country": [c for _, c in pairs],
            "Organization": [o.upper() for o, _ in pairs],
            "Country": [f"Country {c}" for _, c in pairs],
            "Status": "Member",
        }
    )


# a: 3 countries, b: 2, c: 1 (curated), d: 2
GRID = matrix({"a": "xyz", "b": "xw", "c": "v", "d": "yz"})


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ((), ["a", "b", "d", "c"]),  # most countries first, ties by name
        (("c",), ["c", "a", "b", "d"]),  # picked or curated ones before the others
        (("d", "c"), ["d", "c", "a", "b"]),  # the first ones by size too
    ],
)
def test_rank_organizations(first, expected):
    assert rank_organizations(GRID, first) == expected


def test_rank_of_nothing_is_empty():
    assert rank_organizations(GRID.head(0)) == []


def test_a_grid_that_fits_is_shown_whole_with_countries_as_rows():
    grid = choose_grid(GRID, (), max_rows=10, max_columns=10, max_cells=100)
    assert grid.complete
    assert grid.by == "Country"  # 5 countries, 4 organizations: the longer one down the side
    assert len(grid.rows) == len(GRID)
    assert list(dict.fromkeys(grid.rows["organization"])) == ["a", "b", "d", "c"]
    assert grid_note(grid) == ""


def test_a_wide_grid_keeps_the_first_organizations_and_their_most_present_countries():
    grid = choose_grid(GRID, ("c",), max_rows=2, max_columns=2, max_cells=100)
    assert (grid.organizations, grid.organizations_total) == (2, 4)
    assert set(grid.rows["organization"]) == {"c", "a"}
    assert (grid.countries, grid.countries_total) == (2, 5)
    # every country is in one of c and a: ties go by name
    assert set(grid.rows["country"]) == {"v", "x"}
    note = grid_note(grid)
    assert note.startswith("Showing 2 of 4 organizations")
    assert "and 2 of 5 countries" in note


def test_more_organizations_than_countries_puts_organizations_down_the_side():
    many = matrix({f"o{i:02d}": "xy" if i % 2 else "x" for i in range(40)})
    grid = choose_grid(many, (), max_rows=25, max_columns=30, max_cells=1500)
    assert grid.by == "Organization"
    assert grid.organizations == 25
    assert grid.countries == 2
    assert grid.rows["organization"].iloc[0] == "o01"  # those with two countries first


def test_one_country_in_many_organizations_shows_them_all_as_rows():
    one = matrix({f"o{i:02d}": "x" for i in range(80)})
    grid = choose_grid(one, (), max_rows=120, max_columns=30, max_cells=1500)
    assert grid.by == "Organization"
    assert grid.complete


def test_the_cell_budget_limits_rows():
    wide = matrix({f"o{i:02d}": "abcdefghij" for i in range(100)})  # 100 orgs × 10 countries
    grid = choose_grid(wide, (), max_rows=120, max_columns=30, max_cells=500)
    assert grid.by == "Organization"
    assert grid.organizations * grid.countries <= 500
    assert grid.countries == 10


def test_lanes_follow_the_order_of_organizations_then_countries():
    frame = pd.DataFrame(
        {
            "organization": ["b", "a", "a", "c", "b"],
            "Organization": ["B", "A", "A", "C", "B"],
            "Country": ["Zed", "Yon", "Ex", "Vee", "Ex"],
            "Start": pd.to_datetime(["2000", "2001", "2002", "2003", "2004"]),
        }
    )
    frame["Lane"] = frame["Organization"] + " · " + frame["Country"]
    kept = choose_lanes(frame, ["b", "a"], max_lanes=3)
    assert list(kept["Lane"]) == ["B · Ex", "B · Zed", "A · Ex"]
    everything = choose_lanes(frame, [], max_lanes=10)
    assert list(everything["Lane"]) == ["A · Ex", "A · Yon", "B · Ex", "B · Zed", "C · Vee"]


def test_countries_in_the_first_organizations_come_first():
    # every country is in two organizations; only z and y are in the curated one
    grid = matrix({"curated": "zy", "big": "abcxyz", "other": "abcx"})
    chosen = choose_grid(grid, ("curated",), max_rows=3, max_columns=3, max_cells=100)
    assert chosen.by == "Country"
    assert list(dict.fromkeys(chosen.rows["organization"])) == ["curated", "big", "other"]
    assert set(chosen.rows["country"]) == {"y", "z", "a"}  # then by how many, then by name
    assert "those in most of the picked or curated organizations" in grid_note(chosen)


def test_rank_can_keep_the_given_order_of_the_first_ones():
    assert rank_organizations(GRID, ("c", "d"), keep_order=True)[:2] == ["c", "d"]
    assert rank_organizations(GRID, ("d", "c"), keep_order=True)[:2] == ["d", "c"]


def test_focus_leads_with_the_lead_ones_and_leaves_large_ones_apart():
    sizes = pd.Series({"nam": 120, "sco": 27, "cis": 12, "eaeu": 9, "brics": 21, "un": 190})
    first, large = focus_organizations(
        ["sco", "brics", "cis", "eaeu", "nam"], sizes, ("sco", "brics", "eaeu"), 60
    )
    assert first == ["sco", "brics", "eaeu", "cis"]
    assert large == ["nam", "un"]  # the curated ones first, then the biggest
