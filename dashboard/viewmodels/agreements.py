"""What the agreements page shows, derived from the package and the page's parameters.

Pure functions of (package, parameters): the cache layer computes each once per parameter set
and shares it between sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.config import MAX_AGREEMENT_POINTS
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging
from dashboard.derive.display import (
    agreement_detail,
    agreement_table,
    party_countries,
    party_names,
    source_labels,
    sources_line,
)
from dashboard.derive.filters import AgreementFilter, filter_agreements
from dashboard.derive.summaries import (
    agreement_points,
    distinct_items,
    event_markers,
    item_counts,
    sector_counts,
    year_counts,
)
from dashboard.draw import charts, scales, timelines
from dashboard.viewmodels.focus import search_codes
from dashboard.viewmodels.shared import shared

# Orders a reader may sort the table by: id (a data column, as in the URL) → key of the rows
ORDERS: dict[str, paging.SortKey] = {
    "signed_date": lambda rows: rows["signed_date_ts"],
    "in_force_date": lambda rows: rows["in_force_date"],
    "title": lambda rows: rows["title"].str.lower(),
    "kind": lambda rows: rows["kind"].map(v.AGREEMENT_KINDS),
    "status": lambda rows: rows["status"].map(v.AGREEMENT_STATUSES),
}
ORDER_LABELS = {
    "signed_date": "Signed",
    "in_force_date": "In force",
    "title": "Title",
    "kind": "Kind",
    "status": "Status",
}


@dataclass(frozen=True)
class Options:
    """The choices the filters offer."""

    sectors: list[str]
    per_sector: dict[str, int]
    parties: list[str]
    names: dict[str, str]
    codes: dict[str, tuple[str, ...]] | None = None  # what a picker's search may type whole


@dataclass(frozen=True)
class Figures:
    """The headline numbers and charts of one filtered view."""

    count: int
    in_force: int
    planned: int
    sectors: int
    timeline: charts.Figure | None
    by_sector: charts.Figure | None
    by_year: charts.Figure | None
    cited: str


@shared()
def options(pkg: DataPackage) -> Options:
    agreements = pkg["agreements"]
    names = party_names(pkg)
    per_sector = item_counts(agreements["sectors"])
    sectors = [s for s in v.SECTORS if s in per_sector.index]
    parties = sorted(distinct_items(agreements["parties"]), key=lambda p: names.get(p, p))
    per = {s: int(per_sector[s]) for s in sectors}
    return Options(sectors, per, parties, names, search_codes(pkg))


# The columns filters, counts and charts read; long texts (summary, note) stay behind and are
# joined back for the rows a table page or a download shows, by the index they keep.
SLIM = ("id", "title", "kind", "parties", "sectors", "signed_date", "signed_date_ts")
SLIM += ("in_force_date", "status", "source_ids")


@shared(large=True)
def rows(pkg: DataPackage, params: AgreementFilter) -> pd.DataFrame:
    """The agreements matching the filters (the columns in SLIM, the package's index)."""
    columns = [*SLIM, "summary"] if params.query.strip() else list(SLIM)
    return filter_agreements(pkg["agreements"][columns], params)


def full_rows(pkg: DataPackage, shown: pd.DataFrame) -> pd.DataFrame:
    """Every column of the given rows, from the package."""
    return pkg["agreements"].loc[shown.index]


@shared(rows=True)
def figures(pkg: DataPackage, shown: pd.DataFrame, params: AgreementFilter) -> Figures:
    cited = sources_line(distinct_items(shown["source_ids"]), labels=source_labels(pkg))
    statuses = shown["status"]
    timeline = by_sector = by_year = None
    if not shown.empty:
        points = agreement_points(shown, MAX_AGREEMENT_POINTS)
        if not points.empty:
            events = pkg["events"][pkg["events"]["kind"] != "summit"]
            markers = event_markers(events, params.parties)
            title = "Agreements by date signed; dashed: events"
            timeline = charts.Figure.of(
                timelines.agreement_timeline_chart(points, markers, title),
                title,
                "agreements-timeline",
            )
        sector_chart = charts.count_bar_chart(
            sector_counts(shown), "Sector", "By sector", scales.sector_scale()
        )
        by_sector = charts.Figure.of(sector_chart, "Agreements by sector", "agreements-by-sector")
        by_year = charts.Figure.of(
            charts.year_bar_chart(year_counts(shown), "By year signed"),
            "Agreements by year",
            "agreements-by-year",
        )
    return Figures(
        count=len(shown),
        in_force=int((statuses == "in_force").sum()),
        planned=int(statuses.isin(["planned", "under_negotiation"]).sum()),
        sectors=len(distinct_items(shown["sectors"])),
        timeline=timeline,
        by_sector=by_sector,
        by_year=by_year,
        cited=cited,
    )


@dataclass(frozen=True)
class Detail:
    """One agreement in full: every field, the countries among its parties, its sources."""

    fields: pd.DataFrame
    countries: pd.DataFrame  # Country and ISO3, for links to their profiles
    sources: pd.DataFrame


@shared()
def detail(pkg: DataPackage, agreement_id: str) -> Detail | None:
    """Every field of one agreement, by id (None when the package has no such agreement)."""
    agreements = pkg["agreements"]
    chosen = agreements[agreements["id"] == agreement_id]
    if chosen.empty:
        return None
    row = chosen.iloc[0]
    fields, sources = agreement_detail(row, pkg)
    return Detail(fields, party_countries(row["parties"], pkg), sources)


@shared()
def listing(pkg: DataPackage) -> paging.Listing:
    """The agreements table: newest first, each row with its parties' names and sources."""

    def display(rows: pd.DataFrame) -> pd.DataFrame:
        return agreement_table(full_rows(pkg, rows), pkg, keep_order=True)

    counts = ("{n:,} agreement", "{n:,} agreements")
    return paging.Listing(
        "agreements", ORDERS, ORDER_LABELS, ("signed_date", "desc"), display, counts
    )
