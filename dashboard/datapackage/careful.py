"""The careful reader: a file row by row, each row with its first physical line.

A row that cannot be parsed (a quote never closed, a cell too long) costs only its first physical
line: reading goes on at the next line, so one broken quote never takes the rest of the file with
it. Every line left out is reported where it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from dashboard.config import MAX_CELL_CHARS
from dashboard.datapackage.problems import Problem

BAD_BYTES = re.compile("[\udc80-\udcff]")  # surrogateescape maps undecodable bytes here
NEVER_CLOSED = (
    "row cannot be read (a quote opened on this line is never closed); this line is left out "
    "and reading goes on at the next line"
)
TOO_LONG_OR_NEVER_CLOSED = (
    f"row cannot be read (a cell is longer than {MAX_CELL_CHARS:,} characters, or a quote opened "
    "on this line is never closed); this line is left out and reading goes on at the next line"
)
LONG_CELL = f"cell is longer than {MAX_CELL_CHARS:,} characters; the row is left out"


def has_bad_bytes(cells: list[str]) -> bool:
    """Whether a cell holds bytes that were not UTF-8."""
    return any(BAD_BYTES.search(cell) for cell in cells)


def split_lines(text: str) -> list[str]:
    """The physical lines of the text, with their line breaks (LF, CRLF or a lone CR)."""
    return io.StringIO(text, newline="").readlines()


class _Feed:
    """Physical lines for a csv reader, from a position that can be moved back."""

    def __init__(self, lines: list[str], pos: int):
        self.lines, self.pos = lines, pos

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def records(lines: list[str], start: int = 0) -> Iterator[tuple[int, int, list[str] | csv.Error]]:
    """(first physical line, lines spanned, cells) of every record from `lines[start]` on.

    A record that cannot be parsed comes as (line, 1, error), and parsing starts again at the
    line after its first one.
    """
    feed = _Feed(lines, start)
    reader = csv.reader(feed, strict=True)
    while True:
        first = feed.pos
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield first + 1, 1, exc
            feed.pos = first + 1
            reader = csv.reader(feed, strict=True)
            continue
        yield first + 1, feed.pos - first, cells


def restart(lines: list[str], line: int) -> Iterator[tuple[int, int, list[str] | csv.Error]]:
    """Records again from the physical line after `line` (1-based)."""
    return records(lines, line)


def unreadable(exc: csv.Error) -> str:
    """What a csv error means, in plain words."""
    text = str(exc)
    if "field larger than field limit" in text:
        return TOO_LONG_OR_NEVER_CLOSED
    if "unexpected end of data" in text:
        return NEVER_CLOSED
    return (
        f"row cannot be read ({text}); this line is left out and reading goes on at the next line"
    )


def _fault(cells: list[str], header: list[str], bad_bytes: bool) -> tuple[str | None, str] | None:
    """(column, message) of what is wrong with a parsed record, or None."""
    if bad_bytes and has_bad_bytes(cells):
        return None, "row has bytes that are not UTF-8"
    if len(cells) != len(header):
        return None, f"row has {len(cells)} cells but the header has {len(header)} columns"
    for column, cell in zip(header, cells, strict=True):
        if len(cell) > MAX_CELL_CHARS:
            return column, LONG_CELL
    return None


def read_rows(lines: list[str], start: int, name: str, header: list[str], raw, bad_bytes: bool):
    """Rows of `lines[start:]` into `raw` (rows, lines), every line left out into its problems.

    A faulty record spanning several physical lines costs only its first one: a quote opened by
    mistake must not swallow the rows after it, so reading goes on at the next line.
    """
    found = records(lines, start)
    while True:
        try:
            line, span, cells = next(found)
        except StopIteration:
            return
        if isinstance(cells, csv.Error):
            raw.problems.append(Problem(name, line, None, None, unreadable(cells)))
            raw.skipped += 1
            continue
        if not cells or cells == [""]:
            continue  # blank lines carry no data
        fault = _fault(cells, header, bad_bytes)
        if fault is None:
            raw.rows.append(cells)
            raw.lines.append(line)
            continue
        raw.problems.append(Problem(name, line, fault[0], None, fault[1]))
        raw.skipped += 1
        if span > 1:
            found = restart(lines, line)
