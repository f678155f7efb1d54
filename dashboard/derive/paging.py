"""Paged tables: the first page of a sorted result for the browser, every row for the download.

A table is described by its rows (a filtered frame, any size), the orders a reader may sort by
(each a key computed from the rows) and a display builder that turns rows into what the table
shows. Only the first page is built and sent; the CSV download builds every row when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

PAGE_ROWS = 1000  # rows a table sends to the browser

SortKey = Callable[[pd.DataFrame], pd.Series]
Display = Callable[[pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class TablePage:
    """The first rows of a sorted result, ready to show, and how many rows match in all."""

    frame: pd.DataFrame
    total: int

    @property
    def shown(self) -> int:
        return len(self.frame)

    @property
    def complete(self) -> bool:
        return self.shown == self.total


def sorted_rows(
    rows: pd.DataFrame, orders: Mapping[str, SortKey], order: str, descending: bool
) -> pd.DataFrame:
    """`rows` in the chosen order (stable; empty and missing keys last in either direction)."""
    if rows.empty or order not in orders:
        return rows
    key = orders[order](rows)
    missing = key.isna() | (key.astype(str) == "")
    ranks = key.rank(method="min", ascending=not descending, na_option="bottom")
    ranks = ranks.where(~missing, np.inf)
    positions = np.lexsort((np.arange(len(rows)), ranks.to_numpy()))
    return rows.iloc[positions]


def first_page(
    rows: pd.DataFrame,
    orders: Mapping[str, SortKey],
    order: str,
    descending: bool,
    display: Display,
    size: int = PAGE_ROWS,
) -> TablePage:
    """The display frame of the first `size` rows in the chosen order."""
    ordered = sorted_rows(rows, orders, order, descending)
    return TablePage(display(ordered.head(size)).reset_index(drop=True), len(rows))


def all_rows_csv(
    rows: pd.DataFrame,
    orders: Mapping[str, SortKey],
    order: str,
    descending: bool,
    display: Display,
) -> bytes:
    """Every row in the chosen order, as the table shows them, as UTF-8 CSV."""
    ordered = sorted_rows(rows, orders, order, descending)
    return display(ordered).to_csv(index=False).encode("utf-8")


def page_caption(page: TablePage, noun: str, order: str, descending: bool) -> str:
    """'1,000 of 250,000 agreements, by Signed (descending); the download has all of them.'"""
    way = "descending" if descending else "ascending"
    if page.complete:
        return f"{page.total:,} {noun}, by {order} ({way})."
    return (
        f"Showing the first {page.shown:,} of {page.total:,} {noun}, by {order} ({way}); "
        "sort to see others first, or download all of them as CSV."
    )
