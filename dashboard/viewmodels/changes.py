"""What the "What changed" page shows, derived from the package and the page's parameters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging
from dashboard.derive.changes import (
    CHANGE_KINDS,
    ChangeFilter,
    all_changes,
    change_table,
    changes_by_month,
    filter_changes,
)
from dashboard.derive.cited import cited_countries, cited_organizations, with_cited
from dashboard.derive.display import (
    country_names,
    organization_names,
    party_names,
    per_distinct,
    source_labels,
    source_urls,
    sources_line,
)
from dashboard.derive.summaries import distinct_items
from dashboard.draw import charts, timelines
from dashboard.viewmodels.focus import organization_choices, search_codes
from dashboard.viewmodels.shared import shared

ORDER_LABELS = {
    "date": "Date",
    "kind": "Kind",
    "country": "Country",
    "organization": "Organization",
}
_KIND_ORDER = {k: i for i, k in enumerate(CHANGE_KINDS)}


def orders(pkg: DataPackage) -> dict[str, paging.SortKey]:
    names = party_names(pkg)

    def by_name(column: str) -> paging.SortKey:
        return lambda rows: per_distinct(rows[column], lambda c: names.get(c, c).lower())

    return {
        "date": lambda rows: rows["date_ts"],
        "kind": lambda rows: rows["kind"].map(_KIND_ORDER),
        "country": by_name("country"),
        "organization": by_name("organization"),
    }


@dataclass(frozen=True)
class Options:
    """The choices the filters offer."""

    organizations: dict[str, str]
    countries: dict[str, str]  # those some change names, by name
    choices: dict[str, str] | None = None  # organization id → 'SCO — Shanghai Cooperation …'
    codes: dict[str, tuple[str, ...]] | None = None  # what a picker's search may type whole


@dataclass(frozen=True)
class Figures:
    """Counts and the chart of one filtered view."""

    count: int
    memberships: int
    agreements: int
    events: int
    by_month: charts.Figure | None
    cited: str


@shared()
def everything(pkg: DataPackage) -> pd.DataFrame:
    """Every dated change of the package (computed once per package)."""
    return all_changes(pkg["memberships"], pkg["agreements"], pkg["events"])


@shared(rows=True)
def options(pkg: DataPackage, every: pd.DataFrame) -> Options:
    countries = with_cited(country_names(pkg), cited_countries(pkg))
    named = {c for involved in every["involved"] for c in involved if c in countries}
    return Options(
        with_cited(organization_names(pkg), cited_organizations(pkg)),
        {c: countries[c] for c in sorted(named, key=lambda c: countries[c])},
        organization_choices(pkg),
        search_codes(pkg),
    )


@shared(large=True, rows=True)
def rows(pkg: DataPackage, every: pd.DataFrame, params: ChangeFilter) -> pd.DataFrame:
    """The changes in the period that match the filters."""
    del pkg  # cache key
    return filter_changes(every, params)


@shared(rows=True)
def figures(pkg: DataPackage, shown: pd.DataFrame, params: ChangeFilter) -> Figures:
    kinds = shown["kind"]
    by_month = None
    if not shown.empty:
        period = " to ".join(d.isoformat() for d in (params.start, params.end) if d)
        title = f"Changes by month{', ' + period if period else ''}"
        chart = timelines.change_month_chart(changes_by_month(shown), CHANGE_KINDS, title)
        by_month = charts.Figure.of(chart, title, "changes-by-month")
    return Figures(
        count=len(shown),
        memberships=int(kinds.isin(("joined", "status_changed", "left", "suspended")).sum()),
        agreements=int(kinds.isin(("signed", "in_force")).sum()),
        events=int((kinds == "event").sum()),
        by_month=by_month,
        cited=sources_line(distinct_items(shown["source_ids"]), labels=source_labels(pkg)),
    )


@shared()
def listing(pkg: DataPackage) -> paging.Listing:
    """The changes table: oldest first, each change in words, with its sources."""
    names, urls = party_names(pkg), source_urls(pkg)

    def display(rows: pd.DataFrame) -> pd.DataFrame:
        return change_table(rows, names, urls)

    counts = ("{n:,} change", "{n:,} changes")
    return paging.Listing("changes", orders(pkg), ORDER_LABELS, ("date", "asc"), display, counts)
