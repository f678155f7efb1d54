"""Listings: tables a reader sorts, whose first page goes to the browser and every row to the CSV.

A listing is described by the orders a reader may sort by (each a key computed from the rows,
with its label), the order it opens on, and a display builder that turns rows into what the
table shows. Only the first page is built and sent; the CSV download builds every row when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.derive.words import counted

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


def _same(rows: pd.DataFrame) -> pd.DataFrame:
    return rows


CITED = "Cited"  # a display table's sources by title, publisher and date (shown, not downloaded)


@dataclass(frozen=True)
class Listing:
    """A sortable table of rows: its orders (id → key and label), the order it opens on, what
    one row is called, and how rows are shown."""

    noun: str  # what one row is, in the plural: 'agreements'
    orders: Mapping[str, SortKey]  # order id (a data column, as in the URL) → key of the rows
    labels: Mapping[str, str]  # order id → 'Signed'
    default: tuple[str, str]  # (order id, 'asc' or 'desc')
    display: Display = _same
    counts: tuple[str, str] = ()  # ('{n:,} agreement', '{n:,} agreements'): a count of rows

    def count(self, n: int) -> str:
        """'1 agreement', '250,000 agreements'."""
        one, many = self.counts or ("{n:,} " + self.noun, "{n:,} " + self.noun)
        return counted(n, one, many)

    def page(self, rows: pd.DataFrame, order: str, descending: bool) -> TablePage:
        """The display frame of the first PAGE_ROWS rows in the chosen order."""
        ordered = sorted_rows(rows, self.orders, order, descending)
        return TablePage(self.display(ordered.head(PAGE_ROWS)).reset_index(drop=True), len(rows))

    def csv(self, rows: pd.DataFrame, order: str, descending: bool) -> bytes:
        """Every row in the chosen order, as the table shows them, as UTF-8 CSV; sources by id
        (`Sources`, with the first link), not by title (`Cited`: sources.csv has the titles),
        which would make a large download half as large again."""
        ordered = sorted_rows(rows, self.orders, order, descending)
        return csv_bytes(self.display(ordered).drop(columns=CITED, errors="ignore"))

    def caption(self, page: TablePage, order: str, descending: bool) -> str:
        """'1,000 of 250,000 agreements, by Signed (descending); the download has all of them.'"""
        way = "descending" if descending else "ascending"
        label = self.labels.get(order, order)
        if page.complete:
            return f"{self.count(page.total)}, by {label} ({way})."
        return (
            f"Showing the first {page.shown:,} of {self.count(page.total)}, by {label} ({way}); "
            "sort to see others first, or download all of them as CSV."
        )


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


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as UTF-8 CSV with its header: the text of `to_csv(index=False)`, built by column."""
    # Text and whole numbers go through Arrow's string kernels: a cell is quoted (its quotes
    # doubled) when it holds a comma, a quote, \n or \r, as Python's csv writer does (before
    # 3.11.9 it left a lone \r bare), and empty when missing. Anything else (floats, dates, a
    # single column, whose empty cell csv writes as "") is left to pandas: no all-rows table of
    # the app has one, and pandas takes seconds on a large one.
    text = pa.large_string()
    nothing, end_of_line = pa.scalar("", text), pa.scalar("\n", text)

    def cells(values: pa.Array) -> pa.Array:
        values = values.cast(text).fill_null("")
        special = pc.match_substring_regex(values, r'[,"\r\n]')
        if not pc.any(special).as_py():
            return values  # most columns: the frame's own memory, not a copy
        quote = pa.scalar('"', text)
        doubled = pc.replace_substring(values.filter(special), '"', '""')
        quoted = pc.binary_join_element_wise(quote, doubled, quote, nothing)
        return pc.replace_with_mask(values, special, quoted)

    types = pd.api.types
    typed = all(types.is_string_dtype(c) or types.is_integer_dtype(c) for _, c in frame.items())
    if frame.shape[1] < 2 or not frame.columns.is_unique or not typed:
        return frame.to_csv(index=False).encode("utf-8")
    try:
        arrays = [pa.array(column, from_pandas=True) for _, column in frame.items()]
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame.to_csv(index=False).encode("utf-8")  # an object column of mixed kinds
    columns = [cells(a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a) for a in arrays]
    columns[-1] = pc.binary_join_element_wise(columns[-1], end_of_line, nothing)
    lines = pc.binary_join_element_wise(*columns, pa.scalar(",", text))
    header = ",".join(cells(pa.array([str(name) for name in frame.columns])).to_pylist())
    _, offsets, data = lines.buffers()  # every line, end to end in one buffer
    start, end = np.frombuffer(offsets, np.int64)[[lines.offset, lines.offset + len(lines)]]
    return b"".join([(header + "\n").encode("utf-8"), memoryview(data)[start:end]])
