"""Reduced-precision dates: parsing and vectorized period starts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.datapackage.dates import parse_partial_date, period_start


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-07-04", date(2024, 7, 4), date(2024, 7, 4)),
        (" 2015-07-10 ", date(2015, 7, 10), date(2015, 7, 10)),
    ],
)
def test_parse_partial_date(text, first, last):
    assert parse_partial_date(text) == (first, last)


@pytest.mark.parametrize("text", ["", "24", "2024-7", "2024-13", "2024-02-30", "04/07/2024", "x"])
def test_parse_partial_date_rejects(text):
    with pytest.raises(ValueError, match="'"):
        parse_partial_date(text)


def test_period_start_is_vectorized():
    series = pd.Series(["2024", "2024-02", "2024-07-04", "", None])
    starts = period_start(series)
    assert list(starts[:3]) == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-07-04"),
    ]
    assert starts[3:].isna().all()
