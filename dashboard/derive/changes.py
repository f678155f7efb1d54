"""What changed between two dates: membership changes, agreements signed or in force, events.

A country's spans in one organization follow each other: a span that starts where the previous
one ends (within the period its end date names) is a change of status; one that starts after a
gap, or with no span before it, is a joining; an end with no span after it is a departure.
Reduced-precision dates keep their text and sort and filter by the start of their period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.dates import period_end
from dashboard.derive.display import first_source_urls, joined, named, per_distinct

JOINED, STATUS_CHANGED, LEFT, SUSPENDED = "joined", "status_changed", "left", "suspended"
SIGNED, IN_FORCE, EVENT = "signed", "in_force", "event"
CHANGE_KINDS: dict[str, str] = {
    JOINED: "Joined",
    STATUS_CHANGED: "Status changed",
    LEFT: "Left",
    SUSPENDED: "Suspended",
    SIGNED: "Agreement signed",
    IN_FORCE: "Agreement in force",
    EVENT: "Event",
}
MEMBERSHIP_KINDS = (JOINED, STATUS_CHANGED, LEFT, SUSPENDED)
# One row per change; `involved` holds every country and organization the change names.
COLUMNS = [
    "date",
    "date_ts",
    "kind",
    "country",
    "organization",
    "before",
    "after",
    "title",
    "involved",
    "source_ids",
    "ref",
]


@dataclass(frozen=True)
class ChangeFilter:
    """What the changes page asks for; empty tuples mean 'all', missing dates 'unbounded'."""

    start: date | None = None
    end: date | None = None
    organizations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype="datetime64[ns]" if c == "date_ts" else object) for c in COLUMNS}
    )


def _frame(**columns) -> pd.DataFrame:
    """A change frame from columns of equal length; the others are empty."""
    length = len(next(iter(columns.values())))
    out = pd.DataFrame({c: columns.get(c, [""] * length) for c in COLUMNS})
    out["date_ts"] = pd.to_datetime(out["date_ts"])
    return out


def membership_changes(spans: pd.DataFrame) -> pd.DataFrame:
    """Joinings, changes of status, suspensions and departures read from membership spans."""
    if spans.empty:
        return _empty()
    s = spans.sort_values(["country", "organization", "start_date_ts"], kind="stable")
    s = s.reset_index(drop=True)
    same = (s["country"].shift() == s["country"]) & (s["organization"].shift() == s["organization"])
    same = same.fillna(False).astype(bool)
    prev_end = period_end(s["end_date"]).shift()  # the last day the previous end date can mean
    prev_open = s["end_date_ts"].shift().isna()
    follows = same & (prev_open | (s["start_date_ts"] <= prev_end)).fillna(False).astype(bool)
    before = s["status"].shift().where(follows, "").fillna("").astype(str)
    prev_sources = s["source_ids"].shift()

    joined = s[~follows]
    moved = s[follows & (before != s["status"])]
    followed = follows.shift(-1, fill_value=False).astype(bool)
    ended = s[s["end_date_ts"].notna() & ~followed]
    moved_sources = [
        tuple(dict.fromkeys((*s.at[i, "source_ids"], *prev_sources[i]))) for i in moved.index
    ]
    parts = [
        _frame(
            date=list(joined["start_date"]),
            date_ts=list(joined["start_date_ts"]),
            kind=[JOINED] * len(joined),
            country=list(joined["country"]),
            organization=list(joined["organization"]),
            before=[""] * len(joined),
            after=list(joined["status"]),
            source_ids=list(joined["source_ids"]),
            ref=list(joined["id"]),
        ),
        _frame(
            date=list(moved["start_date"]),
            date_ts=list(moved["start_date_ts"]),
            kind=[SUSPENDED if st == "suspended" else STATUS_CHANGED for st in moved["status"]],
            country=list(moved["country"]),
            organization=list(moved["organization"]),
            before=list(before[moved.index]),
            after=list(moved["status"]),
            source_ids=moved_sources,
            ref=list(moved["id"]),
        ),
        _frame(
            date=list(ended["end_date"]),
            date_ts=list(ended["end_date_ts"]),
            kind=[LEFT] * len(ended),
            country=list(ended["country"]),
            organization=list(ended["organization"]),
            before=list(ended["status"]),
            after=[""] * len(ended),
            source_ids=list(ended["source_ids"]),
            ref=list(ended["id"]),
        ),
    ]
    out = pd.concat(parts, ignore_index=True)
    out["involved"] = list(zip(out["country"], out["organization"], strict=True))
    return _sorted(out)


def agreement_changes(agreements: pd.DataFrame) -> pd.DataFrame:
    """One row per agreement signed and one per agreement entering into force (dated ones)."""
    parts = []
    for kind, column in ((SIGNED, "signed_date"), (IN_FORCE, "in_force_date")):
        dated = agreements[agreements[f"{column}_ts"].notna()]
        orgs = dated["organization"].fillna("").astype(str)
        involved = [
            tuple(dict.fromkeys((*parties, org) if org else parties))
            for parties, org in zip(dated["parties"], orgs, strict=True)
        ]
        parts.append(
            _frame(
                date=list(dated[column]),
                date_ts=list(dated[f"{column}_ts"]),
                kind=[kind] * len(dated),
                organization=list(orgs),
                title=list(dated["title"]),
                involved=involved,
                source_ids=list(dated["source_ids"]),
                ref=list(dated["id"]),
            )
        )
    return _sorted(pd.concat(parts, ignore_index=True)) if parts else _empty()


def event_changes(events: pd.DataFrame) -> pd.DataFrame:
    """One row per dated event, naming its participants."""
    dated = events[events["date_ts"].notna()]
    return _sorted(
        _frame(
            date=list(dated["date"]),
            date_ts=list(dated["date_ts"]),
            kind=[EVENT] * len(dated),
            title=list(dated["title"]),
            involved=[tuple(p) for p in dated["participants"]],
            source_ids=list(dated["source_ids"]),
            ref=list(dated["id"]),
        )
    )


def all_changes(
    spans: pd.DataFrame, agreements: pd.DataFrame, events: pd.DataFrame
) -> pd.DataFrame:
    """Every dated change of the package in one frame, oldest first."""
    parts = [membership_changes(spans), agreement_changes(agreements), event_changes(events)]
    return _sorted(pd.concat([p for p in parts if not p.empty] or [_empty()], ignore_index=True))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    order = {k: i for i, k in enumerate(CHANGE_KINDS)}
    return (
        frame.assign(_k=frame["kind"].map(order))
        .sort_values(["date_ts", "_k", "country", "organization", "ref"], kind="stable")
        .drop(columns="_k")
        .reset_index(drop=True)
    )


def filter_changes(changes: pd.DataFrame, params: ChangeFilter) -> pd.DataFrame:
    """The changes dated within [start, end] (by the start of their period) that match."""
    mask = pd.Series(True, index=changes.index)
    if params.start is not None:
        mask &= changes["date_ts"] >= pd.Timestamp(params.start)
    if params.end is not None:
        mask &= changes["date_ts"] <= pd.Timestamp(params.end)
    if params.kinds:
        mask &= changes["kind"].isin(params.kinds)
    for wanted in (params.organizations, params.countries):
        if wanted:
            chosen = set(wanted)
            mask &= ~changes["involved"].map(chosen.isdisjoint).astype(bool)
    return changes[mask]


def changes_by_month(changes: pd.DataFrame) -> pd.DataFrame:
    """How many changes of each kind fall in each month (by the start of their period)."""
    if changes.empty:
        return pd.DataFrame({"Month": [], "Kind": [], "Count": []})
    month = changes["date_ts"].dt.to_period("M").dt.to_timestamp()
    counts = changes.assign(Month=month, Kind=changes["kind"].map(CHANGE_KINDS))
    counts = counts.groupby(["Month", "Kind"], observed=True).size().rename("Count")
    return counts.reset_index()


def describe(changes: pd.DataFrame, names: dict[str, str]) -> pd.Series:
    """Each change in words: 'Iran: observer → member in SCO', or its agreement or event title."""
    words = changes["title"].to_numpy(dtype=object, copy=True)
    membership = changes["kind"].isin(MEMBERSHIP_KINDS).to_numpy()
    if membership.any():  # most changes of a large package are agreements: words for the rest
        words[membership] = _membership_words(changes[membership], names)
    return pd.Series(words, index=changes.index, name="What")


def _membership_words(changes: pd.DataFrame, names: dict[str, str]) -> np.ndarray:
    country, org = named(changes["country"], names), named(changes["organization"], names)
    before, after = _status_words(changes["before"]), _status_words(changes["after"])
    kind = changes["kind"].to_numpy()
    return np.select(
        [kind == JOINED, kind == STATUS_CHANGED, kind == SUSPENDED, kind == LEFT],
        [
            country + " joins " + org + " as " + after,
            country + ": " + before + " → " + after + " in " + org,
            country + " suspended in " + org + " (was " + before + ")",
            country + " leaves " + org + " (was " + before + ")",
        ],
    )


def _status_words(statuses: pd.Series) -> pd.Series:
    """Status labels in lower case ('founding member'); a status with no label as itself."""
    return per_distinct(statuses, lambda s: v.MEMBERSHIP_STATUSES.get(s, s).lower())


def change_table(
    changes: pd.DataFrame, names: dict[str, str], urls: dict[str, str]
) -> pd.DataFrame:
    """Changes for display in their given order, dates as written, the country's ISO3 code."""
    membership = changes["kind"].isin(MEMBERSHIP_KINDS)
    return pd.DataFrame(
        {
            "Date": changes["date"],
            "Kind": changes["kind"].map(CHANGE_KINDS),
            "What": describe(changes, names),
            "Country": named(changes["country"], names),
            "Organization": named(changes["organization"], names),
            "Parties": joined(changes["involved"], names).where(~membership, ""),
            "Sources": joined(changes["source_ids"]),
            "Link": first_source_urls(changes["source_ids"], urls),
            "ISO3": changes["country"],
        }
    ).reset_index(drop=True)
