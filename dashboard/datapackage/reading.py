"""Read one CSV file into raw rows with their physical line numbers, reporting file-level damage."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as arrow_csv

from dashboard.datapackage.problems import WARNING, Problem

OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
SEPARATING = np.frombuffer(b',\n\r"', dtype=np.uint8)  # what may stand beside a quote
BAD_BYTES = re.compile("[\udc80-\udcff]")  # surrogateescape maps undecodable bytes here


@dataclass
class RawTable:
    """Rows of one file (text cells in header order), each with its first physical line."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    frame: pd.DataFrame | None = None  # the rows as one frame, when read on the fast path
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0


def _has_bad_bytes(cells: list[str]) -> bool:
    return any(BAD_BYTES.search(cell) for cell in cells)


def _read_bytes(path: Path, raw: RawTable, name: str) -> bytes | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raw.problems.append(Problem(name, None, None, None, "file is missing"))
        return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raw.problems.append(Problem(name, None, None, None, f"file cannot be read ({reason})"))
        return None
    return data


def _check_header(name: str, header: list[str], columns: tuple[str, ...], raw: RawTable) -> bool:
    if len(header) == 1 and len(columns) > 1:
        for delimiter, words in OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                raw.problems.append(
                    Problem(name, 1, None, None, f"columns are separated by {words}; use commas")
                )
                return False
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raw.problems.append(Problem(name, 1, column, column, "column appears twice in header"))
            return False
        seen.add(column)
        if column not in columns:
            raw.problems.append(
                Problem(name, 1, column, column, "unknown column; it is ignored", WARNING)
            )
    return True


def read_csv(
    path: Path, columns: tuple[str, ...], label: str | None = None, careful: bool = False
) -> RawTable:
    """Read a CSV file; every problem is recorded (naming the file `label`), never raised.

    A well-formed file is parsed in one go; `careful` forces the row-by-row path (tests).
    """
    raw = RawTable()
    name = label or path.name
    data = _read_bytes(path, raw, name)
    if data is None:
        return raw
    width = _header_width(data)
    if not careful and width and not data.startswith(b"\xef\xbb\xbf") and _plain(data):
        newlines = data.count(b"\n") + (not data.endswith(b"\n"))
        del data  # Arrow streams the file: never two copies of a large file in memory
        table = _parse_fast(path, width)
        if table is not None:
            _take_fast(table, newlines, name, columns, raw)
            return raw
        data = _read_bytes(path, raw, name) or b""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="surrogateescape")
    if not text.strip():
        raw.problems.append(
            Problem(name, None, None, None, "file is empty; a header row is needed")
        )
        return raw
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip() for cell in next(reader)]
    except csv.Error as exc:
        raw.problems.append(Problem(name, 1, None, None, f"header cannot be read ({exc})"))
        return raw
    if _has_bad_bytes(header):
        raw.problems.append(Problem(name, 1, None, None, "header has bytes that are not UTF-8"))
        return raw
    if not _check_header(name, header, columns, raw):
        return raw
    raw.header = header
    bad_bytes = BAD_BYTES.search(text) is not None
    if bad_bytes or not _read_clean(reader, header, raw):
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        next(reader)  # the header, read above
        _read_rows(reader, name, header, raw, bad_bytes)
    return raw


def _plain(data: bytes) -> bool:
    """True for a file the fast path may read: no blank line, lone CR or quote out of place."""
    return not (
        not data.strip()
        or data.startswith((b"\n", b"\r\n"))
        or b"\n\n" in data
        or b"\n\r\n" in data
        or data.count(b"\r") != data.count(b"\r\n")
        or _odd_quote(data)
    )


def _odd_quote(data: bytes) -> bool:
    """A quote between two ordinary characters: legal only inside an unquoted cell, a broken
    quote otherwise (`"abc"def`). Files with one take the careful path, which tells them apart."""
    chars = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(chars == ord('"'))
    inner = quotes[(quotes > 0) & (quotes < len(chars) - 1)]
    before = ~np.isin(chars[inner - 1], SEPARATING)
    after = ~np.isin(chars[inner + 1], SEPARATING)
    return bool((before & after).any())


def _header_width(data: bytes) -> int | None:
    """Number of cells in the header row, or None when it cannot be told cheaply."""
    line = data[: data.find(b"\n")] if b"\n" in data else data
    try:
        return len(next(csv.reader([line.decode("utf-8").rstrip("\r")], strict=True)))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None


def _parse_fast(path: Path, width: int) -> pa.Table | None:
    """Parse the whole file with Arrow's streaming parser, every cell as text; None on trouble.

    Trouble means bytes that are not UTF-8 or a row with the wrong number of cells: the careful
    path then reads the file row by row and reports exactly where.
    """
    try:
        reader = arrow_csv.open_csv(
            path,
            read_options=arrow_csv.ReadOptions(autogenerate_column_names=True, block_size=8 << 20),
            parse_options=arrow_csv.ParseOptions(newlines_in_values=True),
            convert_options=arrow_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        table = reader.read_all()
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError):
        return None
    return table if table.num_rows else None


def _take_fast(
    table: pa.Table, newlines: int, name: str, columns: tuple[str, ...], raw: RawTable
) -> None:
    # `newlines`: line breaks in the file, counting a missing final one
    """Header checks, rows and physical line numbers from an Arrow table of the whole file."""
    frame = table.to_pandas(split_blocks=True, self_destruct=True)  # frees Arrow memory as it goes
    del table
    header = [str(cell).strip() for cell in frame.iloc[0]]
    if not _check_header(name, header, columns, raw):
        return
    first = 2 + int(frame.iloc[0].str.count("\n").sum())
    body = frame.iloc[1:].reset_index(drop=True)
    body.columns = header
    if newlines == len(frame):  # no cell holds a line break
        raw.lines = list(range(first, first + len(body)))
    else:
        breaks = body.apply(lambda column: column.str.count("\n")).sum(axis=1)
        raw.lines = (first + body.index + breaks.cumsum() - breaks).tolist()
    raw.header = header
    raw.frame = body


def _read_clean(reader, header: list[str], raw: RawTable) -> bool:
    """Fast path for a file whose rows all parse: lines from the reader, checks afterwards.

    Returns False, keeping nothing, when a row cannot be parsed or has the wrong number of
    cells; the careful row-by-row path then reads the file again and reports exactly where.
    """
    rows: list[list[str]] = []
    ends: list[int] = []
    first = reader.line_num + 1
    try:
        for cells in reader:
            rows.append(cells)
            ends.append(reader.line_num)
    except csv.Error:
        return False
    width = len(header)
    if any(len(cells) != width for cells in rows if cells and cells != [""]):
        return False
    starts = [first, *(end + 1 for end in ends[:-1])][: len(rows)]
    for cells, start in zip(rows, starts, strict=True):
        if cells and cells != [""]:  # blank lines carry no data
            raw.rows.append(cells)
            raw.lines.append(start)
    return True


def _read_rows(reader, name: str, header: list[str], raw: RawTable, bad_bytes: bool) -> None:
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raw.problems.append(Problem(name, line, None, None, f"row cannot be read ({exc})"))
            raw.skipped += 1
            return  # the csv module cannot resynchronise after a broken quote
        start, line = line, reader.line_num + 1
        if not cells or cells == [""]:
            continue  # blank lines carry no data
        if bad_bytes and _has_bad_bytes(cells):
            raw.problems.append(
                Problem(name, start, None, None, "row has bytes that are not UTF-8")
            )
        elif len(cells) != len(header):
            raw.problems.append(
                Problem(
                    name,
                    start,
                    None,
                    None,
                    f"row has {len(cells)} cells but the header has {len(header)} columns",
                )
            )
        else:
            raw.rows.append(cells)
            raw.lines.append(start)
            continue
        raw.skipped += 1
