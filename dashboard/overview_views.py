"""What the overview shows on a given day, derived once from the package for every viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import charts
from dashboard.config import DEFAULT_COMPARE
from dashboard.frames import country_names, organization_names, party_names
from dashboard.package import DataPackage
from dashboard.summaries import (
    as_of_matrix,
    bilateral,
    compare_countries,
    latest_trade,
    recent_changes,
    status_totals,
)

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


@dataclass(frozen=True)
class Overview:
    organizations: int
    countries_today: int
    agreements: int
    legs: int
    sources: int
    status: charts.Figure | None
    recent: pd.DataFrame
    pair: Pair | None


def overview(pkg: DataPackage, today: date) -> Overview:
    countries, orgs = country_names(pkg), organization_names(pkg)
    matrix = as_of_matrix(pkg["memberships"], today, countries, orgs)
    status = None
    if not matrix.empty:
        title = f"Countries by status, {today.isoformat()}"
        chart = charts.status_bar_chart(status_totals(matrix), title)
        status = charts.Figure.of(chart, title, f"countries-by-status-{today.isoformat()}")
    recent = recent_changes(pkg["memberships"], pkg["agreements"], party_names(pkg), today, RECENT)
    return Overview(
        organizations=len(pkg["organizations"]),
        countries_today=matrix["country"].nunique(),
        agreements=len(pkg["agreements"]),
        legs=len(pkg["route_segments"]),
        sources=len(pkg["sources"]),
        status=status,
        recent=recent,
        pair=_pair(pkg, matrix, countries),
    )


def _pair(pkg: DataPackage, matrix: pd.DataFrame, countries: dict[str, str]) -> Pair | None:
    pair = tuple(c for c in DEFAULT_COMPARE if c in countries)
    if len(pair) != 2:
        return None
    shared = compare_countries(matrix, pair, countries)
    together = [] if shared.empty else list(shared[shared["All in it"] == "yes"]["Organization"])
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
    names = [countries[c] for c in pair]
    return Pair(names, together, len(docs), latest, trade_text, shared)
