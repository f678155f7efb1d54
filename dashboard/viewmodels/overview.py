"""What the overview shows on a given day, derived once from the package for every viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.config import DEFAULT_COMPARE, LARGE_ORGANIZATION, OVERVIEW_BARS
from dashboard.datapackage.load import DataPackage
from dashboard.derive import playback
from dashboard.derive.coverage import Records, coverage_labels, organization_records, summary_line
from dashboard.derive.display import country_names, party_names
from dashboard.derive.ranking import rank_organizations
from dashboard.derive.summaries import (
    as_of_matrix,
    bilateral,
    compare_countries,
    latest_trade,
    recent_changes,
    status_totals,
)
from dashboard.draw import charts
from dashboard.viewmodels.focus import Focus, focus, some_names
from dashboard.viewmodels.shared import shared

RECENT = 12  # rows in "Most recent changes"


@dataclass(frozen=True)
class Pair:
    """The default pair of countries in figures."""

    names: list[str]
    together: list[str]
    documents: int
    latest_signed: str
    trade: str
    shared: pd.DataFrame
    together_note: str = ""  # how many of `together` come from COW, as of its last year


@dataclass(frozen=True)
class Overview:
    organizations: int
    countries_today: int
    agreements: int
    legs: int
    sources: int
    recent: pd.DataFrame
    pair: Pair | None
    organizations_note: str = ""  # curated, partial, from COW, checked up to
    countries_note: str = ""  # how current the count of countries is
    status_note: str = ""  # what the chart shows and leaves out
    status_checked: str = ""  # the check date of each organization in the chart


@shared()
def overview(pkg: DataPackage, today: date) -> Overview:
    countries, records = country_names(pkg), organization_records(pkg)
    matrix = as_of_matrix(pkg["memberships"], today, countries, records.labels())
    status, status_note, status_checked = status_chart(matrix, records, today, focus(pkg))
    recent = recent_changes(pkg["memberships"], pkg["agreements"], party_names(pkg), today, RECENT)
    return Overview(
        organizations=len(pkg["organizations"]),
        countries_today=matrix["country"].nunique(),
        agreements=len(pkg["agreements"]),
        legs=len(pkg["route_segments"]),
        sources=len(pkg["sources"]),
        recent=recent,
        pair=_pair(pkg, matrix, countries, records),
        organizations_note=summary_line(records),
        countries_note=countries_note(matrix, records),
        status_note=status_note,
        status_checked=status_checked,
    )


def chosen_organizations(
    matrix: pd.DataFrame, records: Records, limit: int = OVERVIEW_BARS, lead: Focus | None = None
) -> tuple[list[str], int]:
    """The organizations the status chart shows, of how many: curated first (largest first, or
    in the order of `lead`, whose large ones are left out), then the largest."""
    if lead is None:
        ranked = rank_organizations(matrix, records.curated())
    else:
        ranked = rank_organizations(matrix, lead.first, keep_order=True)
        ranked = [o for o in ranked if o not in lead.large]
    return ranked[:limit], len(ranked)


def status_chart(
    matrix: pd.DataFrame, records: Records, today: date, lead: Focus | None = None
) -> tuple[charts.Figure | None, str, str]:
    """Countries by status in the chosen organizations; a note saying what was left out; and
    the check date of each organization shown."""
    if matrix.empty:
        return None, "", ""
    chosen, total = chosen_organizations(matrix, records, lead=lead)
    totals = status_totals(matrix[matrix["organization"].isin(chosen)])
    _, checked = coverage_labels(records, totals["organization"])
    totals = totals.assign(**{"Checked up to": checked})
    title = f"Countries by status, {today.isoformat()}"
    labels = records.labels()  # an organization left out for an error shows as its id
    chart = charts.status_bar_chart(totals, title, order=[labels.get(o, o) for o in chosen])
    figure = charts.Figure.of(chart, title, f"countries-by-status-{today.isoformat()}")
    note = ""
    if len(chosen) < total:
        note = (
            f"Showing {len(chosen)} of {total:,} organizations with a member on "
            f"{today.isoformat()}: the curated ones first, then those with most countries. "
            "Memberships lists every one."
        )
    left_out = [] if lead is None else [o for o in lead.large if o in set(matrix["organization"])]
    if left_out:
        names = some_names(list(records.table["short_name"].reindex(left_out).fillna("")))
        note = " ".join([note, large_note(names)]).strip()
    return figure, note, checked_line(chosen, records)


def large_note(names: str) -> str:
    """What the chart leaves out for its size, and where to see it."""
    return (
        f"Left out for their size: {names} (more than {LARGE_ORGANIZATION} countries); "
        "Memberships shows them with “Include”."
    )


def checked_line(chosen: list[str], records: Records) -> str:
    """One line per check date: 'Checked up to 2026-11-23: SCO, BRICS, NAM (partial)'."""
    table = records.table.reindex(chosen).dropna(subset=["label"])
    groups = table.groupby("checked", sort=False)["label"].agg(", ".join)
    return "\n".join(f"Checked up to {when}: {labels}" for when, labels in groups.items())


def countries_note(matrix: pd.DataFrame, records: Records) -> str:
    """How current the count of countries is: curated rows vs COW's last year."""
    from_cow = matrix["Record"] != "" if "Record" in matrix.columns else matrix["country"] == ""
    if not from_cow.any():
        return ""  # the organizations' line already says how current they are
    curated = matrix.loc[~from_cow, "country"].nunique()
    checked = records.checked or "no date"
    return (
        f"{curated:,} of them from the curated data (checked up to {checked}); "
        f"the others only as COW IGO v3 recorded them in {records.cow_last} (year precision)."
    )


@shared()
def status(pkg: DataPackage, day: date) -> tuple[charts.Figure | None, str, str]:
    """The status chart, its note and check dates for any day (the player's)."""
    records = organization_records(pkg)
    matrix = as_of_matrix(pkg["memberships"], day, country_names(pkg), records.labels())
    return status_chart(matrix, records, day, focus(pkg))


@shared()
def dates(pkg: DataPackage, step: str, last: date) -> list[date]:
    """The as-of dates a player steps through for every membership span."""
    return playback.dates(pkg["memberships"], step, last)


def _pair(
    pkg: DataPackage, matrix: pd.DataFrame, countries: dict[str, str], records: Records
) -> Pair | None:
    known = set(countries) | set(matrix["country"])  # with their rows, or with a status today
    pair = tuple(c for c in DEFAULT_COMPARE if c in known)
    if len(pair) != 2:
        return None
    shared = compare_countries(matrix, pair, countries)
    if not shared.empty:  # the curated organizations first
        cow = shared["Organization"].map(records.table.set_index("label")["from_cow"])
        shared = shared.iloc[cow.fillna(True).astype(bool).argsort(kind="stable")]
        shared = shared.reset_index(drop=True)
    together = [] if shared.empty else list(shared[shared["All in it"] == "yes"]["Organization"])
    both = matrix[matrix["country"].isin(pair)].groupby("organization")["country"].nunique()
    from_cow = int(records.table["from_cow"].reindex(both.index[both == len(pair)]).sum())
    note = ""
    if from_cow:
        note = (
            f"{from_cow} of them as COW IGO v3 recorded them in {records.cow_last} "
            "(year precision)."
        )
    columns = ["title", "parties", "signed_date", "signed_date_ts"]
    docs = bilateral(pkg["agreements"][columns], pair)
    latest = ""
    dates = docs["signed_date_ts"]
    if dates.notna().any():
        # the last row among those of the latest date, as a stable sort by date would give
        last = docs.loc[dates.index[dates == dates.max()][-1]]
        latest = f"Latest signed: {last['signed_date']} — {last['title']}"
    trade = latest_trade(pkg["trade"], pair)
    trade_text = ""
    if trade is not None:
        trade_text = (
            f"Latest trade figure ({trade['year']}, {trade['flow']}): "
            f"${trade['value_usd'] / 1e6:,.1f} million. {trade['period_note']}"
        )
    names = [countries.get(c, c) for c in pair]
    return Pair(names, together, len(docs), latest, trade_text, shared, note)
