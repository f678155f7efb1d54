"""What the memberships page shows, derived from the package and the page's parameters.

Pure functions of (package, parameters): the cache layer computes each once per parameter set
and shares it between sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import charts, exports, tables
from dashboard import vocabularies as v
from dashboard.config import MAX_MATRIX_CELLS, MAX_TIMELINE_LANES
from dashboard.filters import MembershipFilter, filter_memberships
from dashboard.frames import country_names, membership_table, organization_names
from dashboard.package import DataPackage
from dashboard.summaries import (
    as_of_matrix,
    compare_countries,
    distinct_items,
    event_markers,
    limit_matrix,
    status_counts,
    timeline_frame,
)


def _names(pkg: DataPackage, column: str, names: dict[str, str]):
    return lambda rows: rows[column].map(names).fillna(rows[column]).str.lower()


ORDER_LABELS = {
    "organization": "Organization",
    "country": "Country",
    "status": "Status",
    "start_date": "From",
    "end_date": "Until",
}
DEFAULT_SORT = {"m-sort": "organization", "m-order": "asc"}


def orders(pkg: DataPackage) -> dict[str, tables.SortKey]:
    countries, orgs = country_names(pkg), organization_names(pkg)

    def within(rows: pd.DataFrame, first: pd.Series) -> pd.Series:
        country = rows["country"].map(countries).fillna(rows["country"]).str.lower()
        start = rows["start_date_ts"].dt.strftime("%Y-%m-%d").fillna("")
        return first + "\x00" + country + "\x00" + start

    return {
        "organization": lambda rows: within(rows, _names(pkg, "organization", orgs)(rows)),
        "country": _names(pkg, "country", countries),
        "status": lambda rows: rows["status"].map(v.MEMBERSHIP_STATUSES),
        "start_date": lambda rows: rows["start_date_ts"],
        "end_date": lambda rows: rows["end_date_ts"],
    }


@dataclass(frozen=True)
class Options:
    """The choices the filters offer, and the names behind codes."""

    countries: dict[str, str]
    organizations: dict[str, str]
    present: list[str]  # countries with a span, by name


@dataclass(frozen=True)
class Matrix:
    """Who held which status on one day: the capped grid, its counts, what was left out."""

    figure: charts.Figure | None
    counts: pd.DataFrame
    shown_organizations: int
    total_organizations: int


@dataclass(frozen=True)
class Timeline:
    figure: charts.Figure
    lanes: int


def options(pkg: DataPackage) -> Options:
    countries, orgs = country_names(pkg), organization_names(pkg)
    spans = pkg["memberships"]
    present = sorted(set(spans["country"]), key=lambda c: countries.get(c, c))
    return Options(countries, orgs, present)


def rows(pkg: DataPackage, params: MembershipFilter) -> pd.DataFrame:
    """The spans matching the filters."""
    return filter_memberships(pkg["memberships"], params, country_names(pkg))


def cited(pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter) -> str:
    del pkg, params  # cache key
    return exports.sources_line(distinct_items(shown["source_ids"]))


def matrix(pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, day: date) -> Matrix:
    del params  # cache key
    grid = as_of_matrix(shown, day, country_names(pkg), organization_names(pkg))
    if grid.empty:
        return Matrix(None, pd.DataFrame(), 0, 0)
    capped, total = limit_matrix(grid, MAX_MATRIX_CELLS)
    title = f"Status as of {day.isoformat()}"
    figure = charts.Figure.of(
        charts.status_matrix_chart(capped, title), title, f"memberships-{day.isoformat()}"
    )
    return Matrix(figure, status_counts(grid), capped["Organization"].nunique(), total)


def timeline(
    pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, today: date
) -> Timeline:
    del params  # cache key
    bars, lanes = timeline_frame(
        shown, today, country_names(pkg), organization_names(pkg), MAX_TIMELINE_LANES
    )
    summits = pkg["events"][pkg["events"]["kind"] == "summit"]
    markers = event_markers(summits, tuple(shown["organization"].unique()))
    title = "Status spans; dashed: summits"
    chart = charts.membership_timeline_chart(bars, markers, title)
    return Timeline(charts.Figure.of(chart, "Membership timeline", "membership-timeline"), lanes)


def comparison(pkg: DataPackage, day: date, compared: tuple[str, ...]) -> pd.DataFrame:
    countries = country_names(pkg)
    everyone = as_of_matrix(pkg["memberships"], day, countries, organization_names(pkg))
    return compare_countries(everyone, compared, countries)


def table_page(
    pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, order: str, descending: bool
) -> tables.TablePage:
    del params  # cache key
    return tables.first_page(shown, orders(pkg), order, descending, _display(pkg))


def table_csv(pkg: DataPackage, shown: pd.DataFrame, order: str, descending: bool) -> bytes:
    """Every matching span as CSV (built when the download is asked for)."""
    return tables.all_rows_csv(shown, orders(pkg), order, descending, _display(pkg))


def _display(pkg: DataPackage):
    def display(rows: pd.DataFrame) -> pd.DataFrame:
        return membership_table(rows, pkg, keep_order=True)

    return display
