"""Checks across rows and tables: references to other tables, overlapping membership spans.

Both run on typed frames (the rows that passed their cell and row checks), whose `_line` and
`_file` columns say where each row was written.
"""

from __future__ import annotations

import pandas as pd

from dashboard.datapackage import cells
from dashboard.datapackage.dates import period_start
from dashboard.datapackage.problems import Problem
from dashboard.datapackage.schema import ForeignKey, Table

OPEN_END = pd.Timestamp("2200-01-01")  # stands for "still in effect" when ordering spans
LINE, FILE = "_line", "_file"


def check_foreign_keys(
    table: Table, typed: pd.DataFrame, keys: dict[str, set[str]], problems: list[Problem]
) -> pd.Series:
    """Report references that name no row of the target tables; True where a row is bad."""
    bad = pd.Series(False, index=typed.index)
    for fk in table.foreign_keys:
        known = set().union(*(keys[t] for t in fk.targets))
        values = typed[fk.column]
        if table.column(fk.column).cell in cells.LISTS:
            values = values.explode()
        values = values.dropna()
        unknown = values[~values.isin(known)]
        for position, item in unknown.items():
            problems.append(_unknown(typed, position, fk, item))
        bad |= typed.index.isin(unknown.index)
    return bad


def _unknown(typed: pd.DataFrame, position, fk: ForeignKey, item: str) -> Problem:
    where = " or ".join(f"{t}.csv" for t in fk.targets)
    message = f"'{item}' is not found in {where}"
    line = int(typed.at[position, LINE])
    return Problem(str(typed.at[position, FILE]), line, fk.column, item, message)


def check_overlaps(table: Table, typed: pd.DataFrame, problems: list[Problem]) -> pd.Series:
    """Spans of one country in one organization must not overlap (touching ends are fine).

    Spans are taken in order of start; a span that overlaps one already kept is reported and
    left out, so one bad row never takes a good one with it.
    """
    del table
    bad = pd.Series(False, index=typed.index)
    shared = typed[["country", "organization"]].duplicated(keep=False)
    if not shared.any():  # a pair with one span cannot overlap
        return bad
    spans = typed[shared]
    order = pd.DataFrame(
        {
            "pos": spans.index,
            "country": spans["country"],
            "organization": spans["organization"],
            "start": period_start(spans["start_date"]),
            "end": period_start(spans["end_date"]).fillna(OPEN_END),
        }
    ).sort_values(["country", "organization", "start", "pos"])
    kept_end: dict[tuple[str, str], pd.Timestamp] = {}
    for pos, country, organization, start, end in order.itertuples(index=False):
        pair = (country, organization)
        if pair in kept_end and start < kept_end[pair]:
            bad[pos] = True
            problems.append(_overlap(typed.loc[pos]))
            continue
        kept_end[pair] = max(end, kept_end.get(pair, end))
    return bad


def _overlap(row: pd.Series) -> Problem:
    message = (
        f"span of {row['country']} in {row['organization']} starting {row['start_date']} "
        "overlaps an earlier span; end the earlier one on or before this start"
    )
    return Problem(str(row[FILE]), int(row[LINE]), "start_date", row["start_date"], message)


CROSS_ROW_CHECKS = {"memberships": check_overlaps}
