"""Pure, composable filters over the package's frames; they never mutate their input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class MembershipFilter:
    """What the memberships page asks for; empty tuples mean 'all'."""

    organizations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    query: str = ""
    leave_out: tuple[str, ...] = ()  # organizations left out when none is picked (large ones)


@dataclass(frozen=True)
class AgreementFilter:
    """What the agreements page asks for; empty tuples mean 'all'."""

    sectors: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    query: str = ""


def filter_by_values(df: pd.DataFrame, column: str, values: tuple[str, ...]) -> pd.DataFrame:
    """Rows whose single-valued `column` is one of `values` (all rows if none given)."""
    return df[df[column].isin(values)] if values else df


def filter_by_any(df: pd.DataFrame, column: str, values: tuple[str, ...]) -> pd.DataFrame:
    """Rows whose multi-valued (tuple) `column` holds at least one of `values`.

    Each distinct tuple is tested once: a big table repeats few combinations.
    """
    if not values:
        return df
    wanted = set(values)
    hits = [combo for combo in pd.unique(df[column]) if not wanted.isdisjoint(combo)]
    return df[df[column].isin(hits)]


def filter_by_span(
    df: pd.DataFrame, start_col: str, end_col: str | None, start: date | None, end: date | None
) -> pd.DataFrame:
    """Rows whose [start, end) period meets the range [start, end] (an empty end is open)."""
    mask = pd.Series(True, index=df.index)
    if end is not None:
        mask &= df[start_col] <= pd.Timestamp(end)
    if start is not None:
        if end_col is None:
            mask &= df[start_col] >= pd.Timestamp(start)
        else:
            mask &= df[end_col].isna() | (df[end_col] >= pd.Timestamp(start))
    return df[mask]


def filter_by_text(df: pd.DataFrame, columns: tuple[str, ...], query: str) -> pd.DataFrame:
    """Rows where any of `columns` contains `query`, ignoring case (plain text, not a pattern)."""
    query = query.strip()
    if not query:
        return df
    mask = pd.Series(False, index=df.index)
    for column in columns:
        mask |= df[column].astype(str).str.contains(query, case=False, regex=False, na=False)
    return df[mask]


def active_on(df: pd.DataFrame, day: date) -> pd.DataFrame:
    """Membership spans in effect on `day`: started on or before it, not yet ended."""
    ts = pd.Timestamp(day)
    return df[(df["start_date_ts"] <= ts) & (df["end_date_ts"].isna() | (df["end_date_ts"] > ts))]


def filter_memberships(
    df: pd.DataFrame, params: MembershipFilter, country_names: dict[str, str] | None = None
) -> pd.DataFrame:
    """Apply every membership filter; the query searches country codes and names."""
    out = filter_by_values(df, "organization", params.organizations)
    if params.leave_out and not params.organizations:
        out = out[~out["organization"].isin(params.leave_out)]
    out = filter_by_values(out, "country", params.countries)
    out = filter_by_values(out, "status", params.statuses)
    out = filter_by_span(out, "start_date_ts", "end_date_ts", params.start, params.end)
    if params.query.strip():
        names = out["country"].map(country_names or {}).fillna("")
        out = filter_by_text(out.assign(_name=names), ("country", "_name"), params.query)
        out = out.drop(columns="_name")
    return out


def filter_agreements(df: pd.DataFrame, params: AgreementFilter) -> pd.DataFrame:
    """Apply every agreement filter; the query searches title and summary."""
    out = filter_by_any(df, "sectors", params.sectors)
    out = filter_by_any(out, "parties", params.parties)
    out = filter_by_values(out, "kind", params.kinds)
    out = filter_by_values(out, "status", params.statuses)
    out = filter_by_span(out, "signed_date_ts", None, params.start, params.end)
    return filter_by_text(out, ("title", "summary"), params.query)
