"""Choosing what a chart shows when a package is broad, and saying what it left out.

Organizations are ranked the same way everywhere: those the reader picked or that are curated
first, then those with most countries, then by name. A grid keeps the organizations and the
countries that fit a readable size; a timeline keeps the lanes of the first organizations.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd


def rank_organizations(
    matrix: pd.DataFrame, first: Collection[str] = (), keep_order: bool = False
) -> list[str]:
    """Organization ids of `matrix` (columns organization, country, Organization), best first.

    The `first` ones come first, by size, or in the order given with `keep_order`."""
    if matrix.empty:
        return []
    groups = matrix.groupby("organization", sort=False)
    ids = groups.size().index
    given = {org: i for i, org in enumerate(dict.fromkeys(first))}
    order = pd.DataFrame(
        {
            "later": ~ids.isin(list(first)),
            "given": ids.map(given).fillna(len(given)) if keep_order else 0,
            "countries": -groups["country"].nunique(),
            "label": groups["Organization"].first().str.lower(),
        }
    )
    return list(order.sort_values(["later", "given", "countries", "label"]).index)


def focus_organizations(
    curated: list[str], sizes: pd.Series, lead: Collection[str], max_countries: int
) -> tuple[list[str], list[str]]:
    """The organizations pages lead with, and the large ones left one click away.

    `sizes`: countries ever in each organization (by id). The lead ones come first (in their
    order), then the other curated ones (in theirs); large ones (more than `max_countries`
    countries, curated or not) are left out of the first list and make the second: the curated
    ones (the NAM) first, then the biggest.
    """
    large = sizes[sizes > max_countries].sort_values(ascending=False, kind="stable")
    large = large.iloc[(~large.index.isin(curated)).argsort(kind="stable")]
    big = set(large.index)
    ordered = [o for o in lead if o in curated] + [o for o in curated if o not in lead]
    return [o for o in ordered if o not in big], list(large.index)


@dataclass(frozen=True)
class Grid:
    """The part of an as-of matrix a grid shows, and how much there was."""

    rows: pd.DataFrame
    by: str  # the column drawn as rows: "Country" or "Organization"
    organizations: int
    organizations_total: int
    countries: int
    countries_total: int

    @property
    def complete(self) -> bool:
        return (self.organizations, self.countries) == (
            self.organizations_total,
            self.countries_total,
        )


def choose_grid(
    matrix: pd.DataFrame,
    first: Collection[str],
    max_rows: int,
    max_columns: int,
    max_cells: int,
    keep_order: bool = False,
) -> Grid:
    """The organizations and countries a readable grid shows.

    The longer dimension is drawn as rows (up to `max_rows`), the other as columns (up to
    `max_columns`), within `max_cells`. Organizations are taken in rank order; countries by how
    many of the chosen organizations that come `first` they have a status in, then how many of
    all the chosen ones, then by name. `keep_order` as for `rank_organizations`.
    """
    ranked = rank_organizations(matrix, first, keep_order)
    n_countries = matrix["country"].nunique()
    by = "Organization" if len(ranked) > n_countries else "Country"
    if by == "Country":  # organizations are the columns: choose them first
        organizations = ranked[:max_columns]
        room = min(max_rows, max_cells // max(len(organizations), 1))
    else:  # organizations are the rows, up to what leaves room for the columns
        columns = min(max_columns, n_countries)
        organizations = ranked[: min(max_rows, max_cells // max(columns, 1))]
        room = columns
    chosen = matrix[matrix["organization"].isin(organizations)]
    in_first = chosen["organization"].isin(list(first))
    counts = chosen.assign(_first=in_first.to_numpy()).groupby("country")
    counts = counts.agg(
        n_first=("_first", "sum"), n=("organization", "nunique"), name=("Country", "first")
    )
    counts = counts.assign(
        name=counts["name"].str.lower(), n_first=-counts["n_first"], n=-counts["n"]
    )
    countries = list(counts.sort_values(["n_first", "n", "name"]).index[:room])
    rows = chosen[chosen["country"].isin(countries)]
    rank = {org: i for i, org in enumerate(organizations)}
    rows = rows.iloc[rows["organization"].map(rank).argsort(kind="stable")]
    return Grid(rows, by, len(organizations), len(ranked), len(countries), n_countries)


def grid_note(grid: Grid) -> str:
    """What a grid left out: 'Showing 50 of 412 organizations … and 30 of 195 countries …'."""
    if grid.complete:
        return ""
    parts = []
    if grid.organizations < grid.organizations_total:
        parts.append(
            f"{grid.organizations:,} of {grid.organizations_total:,} organizations (those "
            "picked or curated first, then those with most countries)"
        )
    if grid.countries < grid.countries_total:
        parts.append(
            f"{grid.countries:,} of {grid.countries_total:,} countries (those in most of the "
            "picked or curated organizations, then in most of the others)"
        )
    return (
        f"Showing {' and '.join(parts)}. Filter by organization or country to see others; "
        "the counts below cover all."
    )


def choose_lanes(frame: pd.DataFrame, order: list[str], max_lanes: int) -> pd.DataFrame:
    """Timeline bars of the first `max_lanes` lanes: organizations in `order`, countries by name.

    `frame` has the columns organization, Country and Lane; the result is sorted lane by lane.
    """
    rank = {org: i for i, org in enumerate(order)}
    keyed = frame.assign(
        _rank=frame["organization"].map(rank).fillna(len(rank)),
        _org=frame["Organization"].str.lower(),
        _country=frame["Country"].str.lower(),
    )
    keyed = keyed.sort_values(["_rank", "_org", "_country", "Start"], kind="stable")
    lanes = list(dict.fromkeys(keyed["Lane"]))[:max_lanes]
    kept = keyed[keyed["Lane"].isin(lanes)]
    return kept.drop(columns=["_rank", "_org", "_country"]).reset_index(drop=True)
