"""Aggregations that shape filtered frames into the small frames charts and tables draw."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.datapackage import vocabularies as v
from dashboard.derive.coverage import record_labels
from dashboard.derive.display import named
from dashboard.derive.filters import active_on
from dashboard.derive.ranking import choose_lanes


def as_of_matrix(
    spans: pd.DataFrame, day: date, countries: dict[str, str], orgs: dict[str, str]
) -> pd.DataFrame:
    """The status of every country in every organization on `day`, one row per pair."""
    active = active_on(spans, day)
    return pd.DataFrame(
        {
            "country": active["country"],
            "organization": active["organization"],
            "status": active["status"],
            "Country": named(active["country"], countries),
            "Organization": named(active["organization"], orgs),
            "Status": active["status"].map(v.MEMBERSHIP_STATUSES),
            "Since": active["start_date"],
            "Sources": active["source_ids"].map(", ".join),
            "Record": record_labels(active["source_ids"]),
        }
    ).reset_index(drop=True)


def status_counts(matrix: pd.DataFrame) -> pd.DataFrame:
    """How many countries hold each status in each organization (a wide table, with the id)."""
    if matrix.empty:
        return pd.DataFrame()
    counts = matrix.pivot_table(
        index=["organization", "Organization"],
        columns="Status",
        values="Country",
        aggfunc="count",
        fill_value=0,
    )
    ordered = [s for s in v.MEMBERSHIP_STATUSES.values() if s in counts.columns]
    counts = counts[ordered]
    counts["Total"] = counts.sum(axis=1)
    return counts.reset_index().rename_axis(columns=None)


def timeline_frame(
    spans: pd.DataFrame,
    today: date,
    countries: dict[str, str],
    orgs: dict[str, str],
    max_lanes: int,
    order: list[str] | None = None,
) -> tuple[pd.DataFrame, int]:
    """Bars for the timeline (open spans run to today), limited to `max_lanes` lanes.

    Lanes come organization by organization, in `order` (ids; others after, by name), each
    organization's countries by name.
    """
    country, organization = named(spans["country"], countries), named(spans["organization"], orgs)
    keys = pd.DataFrame(
        {
            "organization": spans["organization"],
            "Lane": organization + " · " + country,
            "Country": country,
            "Organization": organization,
            "Start": spans["start_date_ts"],
        }
    )
    kept = choose_lanes(keys.assign(_row=range(len(keys))), order or [], max_lanes)
    chosen = spans.iloc[kept.pop("_row").to_numpy()]  # only the kept rows are dressed up
    frame = kept.assign(
        Status=chosen["status"].map(v.MEMBERSHIP_STATUSES).to_numpy(),
        End=chosen["end_date_ts"].fillna(pd.Timestamp(today)).to_numpy(),
        From=chosen["start_date"].to_numpy(),
        Until=chosen["end_date"].replace("", "today").to_numpy(),
        Sources=chosen["source_ids"].map(", ".join).to_numpy(),
        Record=record_labels(chosen["source_ids"]).to_numpy(),
    )
    return frame, keys["Lane"].nunique()


def event_markers(events: pd.DataFrame, participants: tuple[str, ...] = ()) -> pd.DataFrame:
    """Events as chart markers; with `participants`, only events naming one of them."""
    chosen = events
    if participants:
        wanted = set(participants)
        chosen = events[~events["participants"].map(wanted.isdisjoint).astype(bool)]
    return pd.DataFrame(
        {
            "Date": chosen["date_ts"],
            "Event": chosen["title"],
            "When": chosen["date"],
            "Where": chosen["location"],
        }
    ).reset_index(drop=True)


def compare_countries(
    matrix: pd.DataFrame, codes: tuple[str, ...], countries: dict[str, str]
) -> pd.DataFrame:
    """Organization × chosen country statuses on one day, with whether they differ."""
    chosen = matrix[matrix["country"].isin(codes)]
    if chosen.empty:
        return pd.DataFrame()
    wide = chosen.pivot_table(
        index="Organization", columns="country", values="Status", aggfunc="first"
    )
    wide = wide.reindex(columns=list(codes))  # a country in none of them is a column of '—'
    shared = wide.notna().all(axis=1)
    same = wide.nunique(axis=1, dropna=False) == 1
    wide.columns = [countries.get(c, c) for c in wide.columns]
    wide = wide.astype(object).fillna("—")
    wide["All in it"] = shared.map({True: "yes", False: "no"})
    wide["Same status"] = (shared & same).map({True: "yes", False: "no"})
    return wide.reset_index()


def item_counts(column: pd.Series) -> pd.Series:
    """How many rows hold each item of a multi-valued (tuple) column, most first.

    Counted per distinct tuple, then spread over its items: a big table repeats few tuples.
    """
    combos = column.value_counts()
    items = [item for combo in combos.index for item in combo]
    if not items:
        return pd.Series(dtype="int64")
    weights = np.repeat(combos.to_numpy(), [len(combo) for combo in combos.index])
    totals = pd.Series(weights, index=items).groupby(level=0).sum()
    return totals.sort_values(ascending=False, kind="stable")


def distinct_items(column: pd.Series) -> list:
    """The items of a multi-valued (tuple) column, each once, in order of first appearance."""
    return list(dict.fromkeys(item for combo in pd.unique(column) for item in combo))


def agreement_points(agreements: pd.DataFrame, max_points: int) -> pd.DataFrame:
    """One point per dated agreement and sector, or per month and sector past `max_points`."""
    needed = agreements[["title", "signed_date", "signed_date_ts", "sectors"]]
    has_date = needed["signed_date_ts"].notna()
    dated = needed if has_date.all() else needed[has_date]
    if int(dated["sectors"].map(len).sum()) <= max_points:
        long = dated[["title", "signed_date", "signed_date_ts", "sectors"]].explode("sectors")
        return pd.DataFrame(
            {
                "Date": long["signed_date_ts"],
                "Sector": long["sectors"].map(v.SECTORS),
                "When": long["signed_date"],
                "Count": 1,
                "Titles": long["title"],
            }
        ).reset_index(drop=True)
    for freq, fmt in (("M", "%Y-%m"), ("Y", "%Y")):
        grouped = _bucket(dated, freq, fmt)
        if len(grouped) <= max_points:
            break
    return grouped


def _bucket(dated: pd.DataFrame, freq: str, fmt: str) -> pd.DataFrame:
    """Count agreements per period (`M` month or `Y` year) and sector.

    Grouped by period and sector tuple first (few groups), then spread over the sectors.
    """
    period = dated["signed_date_ts"].dt.to_period(freq).dt.to_timestamp()
    by_combo = (
        dated.assign(Date=period)
        .groupby(["Date", "sectors"], observed=True, sort=False)
        .agg(Count=("title", "size"), Titles=("title", "first"))
        .reset_index()
        .explode("sectors")
    )
    by_combo["Sector"] = by_combo["sectors"].map(v.SECTORS)
    grouped = by_combo.groupby(["Date", "Sector"], observed=True).agg(
        Count=("Count", "sum"), Titles=("Titles", "first")
    )
    grouped = grouped.reset_index()
    grouped["When"] = grouped["Date"].dt.strftime(fmt)
    grouped["Titles"] = grouped["Titles"] + grouped["Count"].map(
        lambda n: f" and {n - 1} more" if n > 1 else ""
    )
    return grouped[["Date", "Sector", "When", "Count", "Titles"]]


def sector_counts(agreements: pd.DataFrame) -> pd.DataFrame:
    """How many agreements touch each sector."""
    counts = item_counts(agreements["sectors"])
    return pd.DataFrame({"Sector": counts.index.map(v.SECTORS), "Count": counts.to_numpy()})


def year_counts(agreements: pd.DataFrame) -> pd.DataFrame:
    """How many agreements were signed each year (undated ones left out)."""
    years = agreements["signed_date_ts"].dropna().dt.year.value_counts().sort_index()
    return pd.DataFrame({"Year": years.index.astype(int), "Count": years.to_numpy()})


def recent_changes(
    spans: pd.DataFrame, agreements: pd.DataFrame, names: dict[str, str], today: date, limit: int
) -> pd.DataFrame:
    """The latest status changes and agreements up to `today`, newest first."""
    changes = pd.DataFrame(
        {
            "Date": spans["start_date"],
            "_ts": spans["start_date_ts"],
            "What": named(spans["country"], names)
            + " becomes "
            + spans["status"].map(v.MEMBERSHIP_STATUSES).str.lower()
            + " of "
            + named(spans["organization"], names),
            "Kind": "Membership",
        }
    )
    signed = pd.DataFrame(
        {
            "Date": agreements["signed_date"],
            "_ts": agreements["signed_date_ts"],
            "What": agreements["title"],
            "Kind": agreements["kind"].map(v.AGREEMENT_KINDS),
        }
    )
    both = pd.concat([changes, signed], ignore_index=True).dropna(subset=["_ts"])
    both = both[both["_ts"] <= pd.Timestamp(today)]
    return both.sort_values("_ts", ascending=False).head(limit).drop(columns="_ts")


def bilateral(agreements: pd.DataFrame, pair: tuple[str, ...]) -> pd.DataFrame:
    """Agreements whose parties include every country of `pair`."""
    wanted = set(pair)
    hits = [combo for combo in pd.unique(agreements["parties"]) if wanted.issubset(combo)]
    return agreements[agreements["parties"].isin(hits)]


def member_statuses(spans: pd.DataFrame, organization: str, day: date) -> dict[str, str]:
    """ISO3 → status of every country in `organization` on `day` (for shading a map)."""
    rows = membership_shading(spans, organization, day)
    return dict(zip(rows["country"], rows["status"], strict=True))


def status_totals(matrix: pd.DataFrame) -> pd.DataFrame:
    """Long counts of countries per organization and status (for a stacked bar)."""
    counts = matrix.groupby(["organization", "Organization", "Status"], observed=True).size()
    return counts.rename("Count").reset_index()


def latest_trade(trade: pd.DataFrame, pair: tuple[str, ...]) -> pd.Series | None:
    """The most recent trade figure between the pair (turnover first), or None."""
    rows = trade[trade["reporter"].isin(pair) & trade["partner"].isin(pair)]
    if rows.empty:
        return None
    rows = rows.assign(_turnover=rows["flow"] == "turnover")
    return rows.sort_values(["year", "_turnover"]).iloc[-1]


def membership_shading(spans: pd.DataFrame, organization: str, day: date) -> pd.DataFrame:
    """Each country's status in `organization` on `day`, since when (as written), its sources."""
    active = active_on(spans[spans["organization"] == organization], day)
    return pd.DataFrame(
        {
            "country": active["country"],
            "status": active["status"],
            "since": active["start_date"],
            "source_ids": active["source_ids"],
        }
    ).reset_index(drop=True)
