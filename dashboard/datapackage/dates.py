"""Reduced-precision ISO 8601 dates: `2024`, `2024-07`, `2024-07-04`."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> tuple[date, date]:
    """Return the first and last day of the period a partial date names; ValueError if invalid."""
    match = PARTIAL_DATE_RE.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if month is None:
        return date(int(year), 1, 1), date(int(year), 12, 31)
    if not 1 <= int(month) <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if day is None:
        first = date(int(year), int(month), 1)
        last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
        return first, last
    try:
        exact = date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
    return exact, exact


def period_start(series: pd.Series) -> pd.Series:
    """Vectorized: the first day of each partial date's period (NaT where empty)."""
    text = series.fillna("").astype(str).str.strip()
    padded = text.where(text.str.len() != 4, text + "-01-01")
    padded = padded.where(padded.str.len() != 7, padded + "-01")
    return pd.to_datetime(padded.where(padded != ""), format="%Y-%m-%d", errors="coerce")


def period_end(series: pd.Series) -> pd.Series:
    """Vectorized: the last day of each partial date's period (NaT where empty)."""
    text = series.fillna("").astype(str).str.strip()
    start = period_start(text)
    length = text.str.len()
    end = start.where(length == 10)
    months = start + pd.offsets.MonthEnd(0)
    years = start + pd.offsets.YearEnd(0)
    end = end.where(length != 7, months)
    return end.where(length != 4, years)
