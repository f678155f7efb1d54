"""What the memberships page shows, derived from the package and the page's parameters.

Pure functions of (package, parameters): the cache layer computes each once per parameter set
and shares it between sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.config import (
    MAX_MATRIX_CELLS,
    MAX_MATRIX_COLUMNS,
    MAX_MATRIX_ROWS,
    MAX_TIMELINE_LANES,
)
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging, playback
from dashboard.derive.cited import cited_countries, cited_organizations, with_cited
from dashboard.derive.coverage import (
    Records,
    counts_caption,
    coverage_labels,
    organization_records,
)
from dashboard.derive.display import (
    country_names,
    membership_table,
    organization_names,
    source_labels,
    sources_line,
)
from dashboard.derive.filters import MembershipFilter, filter_memberships
from dashboard.derive.ranking import choose_grid, grid_note, rank_organizations
from dashboard.derive.summaries import (
    as_of_matrix,
    compare_countries,
    distinct_items,
    event_markers,
    status_counts,
    timeline_frame,
)
from dashboard.draw import charts, timelines
from dashboard.viewmodels.focus import focus, organization_choices, search_codes, some_names
from dashboard.viewmodels.shared import shared

LARGE = "large"  # the value of `include` that brings the large organizations back


def _names(pkg: DataPackage, column: str, names: dict[str, str]):
    return lambda rows: rows[column].map(names).fillna(rows[column]).str.lower()


ORDER_LABELS = {
    "organization": "Organization",
    "country": "Country",
    "status": "Status",
    "start_date": "From",
    "end_date": "Until",
}


def orders(pkg: DataPackage) -> dict[str, paging.SortKey]:
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
    choices: dict[str, str]  # organization id → 'SCO — Shanghai Cooperation Organisation'
    records: Records  # each organization's label, coverage and check date
    large: tuple[str, ...] = ()  # ids of the large organizations, left out unless included
    large_names: str = ""  # their short names, for the switch that includes them
    codes: dict[str, tuple[str, ...]] | None = None  # what a search may type: short names, ISO2


@dataclass(frozen=True)
class Matrix:
    """Who held which status on one day: the capped grid, its counts, what was left out."""

    figure: charts.Figure | None
    counts: pd.DataFrame  # every organization, with its coverage and check date
    note: str = ""  # what the grid left out
    caption: str = ""  # under the counts: what '(partial)' means, how current the data is


@dataclass(frozen=True)
class Timeline:
    """Status spans lane by lane, and what the lanes left out."""

    figure: charts.Figure
    lanes: int
    shown: int = 0

    @property
    def note(self) -> str:
        """What the timeline left out, or ''."""
        if self.lanes <= self.shown:
            return ""
        return (
            f"Showing {self.shown} of {self.lanes:,} lanes (organizations picked or curated "
            "first, then those with most countries); filter to see the others."
        )


@shared()
def options(pkg: DataPackage) -> Options:
    countries = with_cited(country_names(pkg), cited_countries(pkg))
    orgs = with_cited(organization_names(pkg), cited_organizations(pkg))
    spans = pkg["memberships"]
    present = sorted(set(spans["country"]), key=lambda c: countries.get(c, c))
    choices = organization_choices(pkg)
    chosen = focus(pkg)
    return Options(
        countries,
        orgs,
        present,
        choices,
        organization_records(pkg),
        chosen.large,
        some_names(chosen.names),
        search_codes(pkg),
    )


def _first(pkg: DataPackage, params: MembershipFilter) -> list[str]:
    """Organizations a chart shows first: those picked, then SCO, BRICS, the EAEU and the other
    curated ones (in that order), the large curated ones (the NAM) last of them."""
    return [*params.organizations, *focus(pkg).first, *organization_records(pkg).curated()]


@shared(large=True)
def rows(pkg: DataPackage, params: MembershipFilter) -> pd.DataFrame:
    """The spans matching the filters."""
    return filter_memberships(pkg["memberships"], params, country_names(pkg))


@shared(rows=True)
def cited(pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter) -> str:
    del params  # cache key
    return sources_line(distinct_items(shown["source_ids"]), labels=source_labels(pkg))


@shared(rows=True)
def matrix(pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, day: date) -> Matrix:
    """The status grid of one day (as much as stays readable) and the counts of every
    organization, partial ones labelled, each with its check date."""
    records = organization_records(pkg)
    grid = as_of_matrix(shown, day, country_names(pkg), records.labels())
    if grid.empty:
        return Matrix(None, pd.DataFrame())
    first = _first(pkg, params)
    chosen = choose_grid(
        grid, first, MAX_MATRIX_ROWS, MAX_MATRIX_COLUMNS, MAX_MATRIX_CELLS, keep_order=True
    )
    title = f"Status as of {day.isoformat()}"
    figure = charts.Figure.of(  # on the page the heading above it says the day; exports do
        charts.status_matrix_chart(chosen.rows, "", chosen.by),
        title,
        f"memberships-{day.isoformat()}",
    )
    counts = status_counts(grid)
    rank = {org: i for i, org in enumerate(rank_organizations(grid, first, keep_order=True))}
    counts = counts.iloc[counts["organization"].map(rank).argsort(kind="stable")]
    coverage, checked = coverage_labels(records, counts["organization"])
    statuses = [c for c in counts.columns if c not in ("organization", "Organization", "Total")]
    counts = counts.assign(Coverage=coverage, **{"Checked up to": checked})
    counts = counts[
        ["organization", "Organization", "Total", "Checked up to", "Coverage", *statuses]
    ]
    return Matrix(
        figure,
        counts.reset_index(drop=True),
        grid_note(chosen),
        counts_caption(records, list(counts["organization"])),
    )


@shared(rows=True)
def timeline(
    pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, today: date
) -> Timeline:
    """Status spans lane by lane: organizations picked or curated first, then the largest."""
    records = organization_records(pkg)
    labels = records.labels()
    ranked = shown[["organization", "country"]].assign(
        Organization=shown["organization"].map(labels).fillna(shown["organization"])
    )
    order = rank_organizations(ranked, _first(pkg, params), keep_order=True)
    bars, lanes = timeline_frame(
        shown, today, country_names(pkg), organization_names(pkg), MAX_TIMELINE_LANES, order
    )
    summits = pkg["events"][pkg["events"]["kind"] == "summit"]
    markers = event_markers(summits, tuple(shown["organization"].unique()))
    title = "Status spans; dashed: summits"
    window = (params.start, params.end)
    chart = timelines.membership_timeline_chart(bars, markers, title, window)
    figure = charts.Figure.of(chart, "Membership timeline", "membership-timeline")
    return Timeline(figure, lanes, bars["Lane"].nunique())


@shared(rows=True)
def dates(
    pkg: DataPackage, shown: pd.DataFrame, params: MembershipFilter, step: str, last: date
) -> list[date]:
    """The as-of dates a player steps through for these spans."""
    del pkg, params  # cache key
    return playback.dates(shown, step, last)


@shared()
def comparison(pkg: DataPackage, day: date, compared: tuple[str, ...]) -> pd.DataFrame:
    countries = country_names(pkg)
    labels = organization_records(pkg).labels()
    everyone = as_of_matrix(pkg["memberships"], day, countries, labels)
    return compare_countries(everyone, compared, countries)


@shared()
def listing(pkg: DataPackage) -> paging.Listing:
    """The spans table: by organization, country and start; country names link to profiles."""

    def display(rows: pd.DataFrame) -> pd.DataFrame:
        return membership_table(rows, pkg, keep_order=True)

    counts = ("{n:,} span", "{n:,} spans")
    return paging.Listing(
        "spans", orders(pkg), ORDER_LABELS, ("organization", "asc"), display, counts
    )
