"""Playing the years: the as-of dates a player steps through, and the step from any date.

A player steps either year by year (the first change, then every 1 January, then the last
day) or from change date to change date (every day a span starts or ends). Either way the
dates end on `last` (usually today), so playing to the end comes back to the present.
"""

from __future__ import annotations

import bisect
from datetime import date

import pandas as pd

YEAR, CHANGE = "year", "change"
STEPS: dict[str, str] = {YEAR: "Year by year", CHANGE: "Change by change"}


def change_dates(spans: pd.DataFrame, last: date) -> list[date]:
    """Every day on or before `last` on which one of the spans starts or ends, in order."""
    stamps = pd.concat([spans["start_date_ts"], spans["end_date_ts"]]).dropna()
    stamps = stamps[stamps <= pd.Timestamp(last)]
    return sorted({ts.date() for ts in stamps})


def dates(spans: pd.DataFrame, step: str, last: date) -> list[date]:
    """The as-of dates to play through, oldest first, ending on `last`."""
    changes = change_dates(spans, last)
    if not changes:
        return [last]
    if step == CHANGE:
        chosen = changes
    else:
        first = changes[0]
        years = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
        chosen = [first, *years]
    return sorted({*chosen, last})


def next_date(dates: list[date], current: date) -> date | None:
    """The first date after `current`, or None at the end."""
    at = bisect.bisect_right(dates, current)
    return dates[at] if at < len(dates) else None


def previous_date(dates: list[date], current: date) -> date | None:
    """The last date before `current`, or None at the start."""
    at = bisect.bisect_left(dates, current)
    return dates[at - 1] if at > 0 else None


def play_from(dates: list[date], current: date) -> date:
    """Where pressing play starts: the current date, or the first date when at the end."""
    return current if next_date(dates, current) is not None else dates[0]
