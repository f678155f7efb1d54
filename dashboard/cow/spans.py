"""Year-precise status spans from COW's yearly codes: consecutive years, one status, gaps bridged.

A span is a run of consecutive years in which COW records one status (1, 2 or 3) of a country in
an organization. A run of missing years (-9) lies inside a span when the same status is recorded
in the years right before and right after it; otherwise it ends the span before it and is in no
span. 0, -1 and years with no row for the organization end a span.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MISSING = -9


def _continues(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """True where a row has the keys of the row before and the next year."""
    same = np.logical_and.reduce([frame[k].eq(frame[k].shift()) for k in keys])
    return pd.Series(same, index=frame.index) & frame["year"].diff().eq(1)


def _runs(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Runs of consecutive years per keys: the keys, `first` and `last` year, `years` as text."""
    ordered = frame.sort_values([*keys, "year"])
    run = (~_continues(ordered, keys)).cumsum()
    runs = ordered.groupby(run).agg(
        **{k: (k, "first") for k in keys}, first=("year", "min"), last=("year", "max")
    )
    runs["years"] = years_text(runs["first"], runs["last"])
    return runs.reset_index(drop=True)


def years_text(first: pd.Series, last: pd.Series) -> pd.Series:
    """`1990` or `1990–1995`, for each pair of years."""
    return first.astype(str).where(first == last, first.astype(str) + "–" + last.astype(str))


def _bridge(cells: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Give a run of missing years the status recorded on both sides of it, when the same."""
    block = (~_continues(cells, keys)).cumsum()
    status = cells["code"].where(cells["code"] != MISSING)
    before = status.groupby(block).ffill()
    after = status.groupby(block).bfill()
    bridged = status.isna() & before.eq(after)
    return cells.assign(code=status.fillna(before.where(bridged)), bridged=bridged)


def build_spans(cells: pd.DataFrame) -> pd.DataFrame:
    """Spans of consecutive years with one status, per organization and country.

    `cells`: org, iso3, year, code (1, 2, 3 or -9), one row per org, iso3 and year. Returns org,
    iso3, code, start, last (the last year recorded) and, as text, the missing years bridged
    inside the span (`bridged`) and those right before (`missing_before`) or after it.
    """
    keys = ["org", "iso3"]
    cells = _bridge(cells.sort_values([*keys, "year"], ignore_index=True), keys)
    gaps = _runs(cells[cells["code"].isna()], keys)
    kept = cells[cells["code"].notna()]
    kept = kept.assign(
        span=(~(_continues(kept, keys) & kept["code"].eq(kept["code"].shift()))).cumsum()
    )
    spans = kept.groupby("span").agg(
        org=("org", "first"),
        iso3=("iso3", "first"),
        code=("code", "first"),
        start=("year", "min"),
        last=("year", "max"),
    )
    inside = _runs(kept[kept["bridged"]], ["span", *keys])
    spans["bridged"] = inside.groupby("span")["years"].agg(", ".join)
    spans = spans.reset_index(drop=True).fillna({"bridged": ""})
    spans["code"] = spans["code"].astype("int64")
    before = gaps.assign(start=gaps["last"] + 1)[[*keys, "start", "years"]]
    after = gaps.assign(last=gaps["first"] - 1)[[*keys, "last", "years"]]
    spans = spans.merge(before.rename(columns={"years": "missing_before"}), how="left")
    spans = spans.merge(after.rename(columns={"years": "missing_after"}), how="left")
    return spans.fillna({"missing_before": "", "missing_after": ""})
