"""Read one CSV file into raw rows with their physical line numbers, reporting file-level damage."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as arrow_csv

from dashboard.config import MAX_CELL_CHARS
from dashboard.datapackage import careful as careful_reader
from dashboard.datapackage import confine
from dashboard.datapackage.problems import WARNING, Problem

OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
SEPARATING = np.frombuffer(b',\n\r"', dtype=np.uint8)  # what may stand beside a quote


@dataclass
class RawTable:
    """Rows of one file (text cells in header order), each with its first physical line."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    frame: pd.DataFrame | None = None  # the rows as one frame, when read on the fast path
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # rows (physical lines, where a row could not be parsed) left out
    last_line: int = 0  # physical lines in the file
    ends_whole: bool = True  # the file ends with a line break (not cut in the middle of a row)


def _open(path: Path, raw: RawTable, name: str) -> BinaryIO | None:
    try:
        return confine.open_data_file(path)
    except (OSError, confine.Refused) as exc:
        _unreadable(exc, raw, name)
    return None


def _read_bytes(handle: BinaryIO, raw: RawTable, name: str) -> bytes | None:
    try:
        return confine.read_limited(handle)
    except (OSError, confine.Refused) as exc:
        _unreadable(exc, raw, name)
    return None


def _unreadable(exc: Exception, raw: RawTable, name: str) -> None:
    """The problem record of a file that could not be opened or read, saying why."""
    if isinstance(exc, FileNotFoundError):
        message = "file is missing"
    elif isinstance(exc, OSError):
        message = f"file cannot be read ({exc.strerror or type(exc).__name__})"
    else:  # refused: not a regular file inside the folder, or too large
        message = str(exc)
    raw.problems.append(Problem(name, None, None, None, message))


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

    Only a regular file inside its folder is read (`confine`). A well-formed file is parsed in
    one go; `careful` forces the row-by-row path (tests).
    """
    raw = RawTable()
    name = label or path.name
    handle = _open(path, raw, name)
    if handle is None:
        return raw
    with handle:
        _read_open(handle, columns, name, careful, raw)
    return raw


def _read_open(handle: BinaryIO, columns, name: str, careful: bool, raw: RawTable) -> None:
    data = _read_bytes(handle, raw, name)
    if data is None:
        return
    raw.ends_whole = data.endswith((b"\n", b"\r"))
    width = _header_width(data)
    if not careful and width and not data.startswith(b"\xef\xbb\xbf") and _plain(data):
        newlines = data.count(b"\n") + (not data.endswith(b"\n"))
        del data  # Arrow streams the file: never two copies of a large file in memory
        handle.seek(0)
        table = _parse_fast(handle, width)
        if table is not None:
            _take_fast(table, newlines, name, columns, raw)
            return
        data = _read_bytes(handle, raw, name) or b""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="surrogateescape")
    del data
    if not text.strip():
        raw.problems.append(
            Problem(name, None, None, None, "file is empty; a header row is needed")
        )
        return
    lines = careful_reader.split_lines(text)
    raw.last_line = len(lines)
    bad_bytes = careful_reader.BAD_BYTES.search(text) is not None
    del text
    _read_careful(lines, name, columns, raw, bad_bytes)


def _read_careful(lines: list[str], name: str, columns, raw: RawTable, bad_bytes: bool) -> None:
    """The header, then every row, reading on past rows that cannot be parsed."""
    line, span, header = next(careful_reader.records(lines))
    if isinstance(header, csv.Error):
        raw.problems.append(Problem(name, 1, None, None, f"header cannot be read ({header})"))
        raw.skipped += sum(1 for text in lines[1:] if text.strip())
        return
    header = [cell.strip() for cell in header]
    if careful_reader.has_bad_bytes(header):
        raw.problems.append(Problem(name, 1, None, None, "header has bytes that are not UTF-8"))
        raw.skipped += sum(1 for text in lines[span:] if text.strip())
        return
    usable = _check_header(name, header, columns, raw)
    target = raw if usable else RawTable()
    careful_reader.read_rows(lines, span, name, header, target, bad_bytes)
    if usable:
        raw.header = header
    else:  # no row of it can be used: every one is counted as left out
        raw.skipped += target.skipped + len(target.lines)


def _plain(data: bytes) -> bool:
    """True for a file the fast path may read: no blank line, lone CR or quote out of place."""
    return not (
        not data.strip()
        or data.startswith((b"\n", b"\r\n"))
        or b"\n\n" in data
        or b"\n\r\n" in data
        or data.count(b"\r") != data.count(b"\r\n")
        or not _quotes_paired(data)
    )


def _quotes_paired(data: bytes) -> bool:
    """Every quote opens a cell (after a separator), closes one (before a separator) or doubles
    another, taken in pairs: what a strict reader accepts. Arrow is lenient (`"abc"def`, a quote
    never closed that swallows lines): a file with any other quote takes the careful path, which
    tells a quote inside an unquoted cell from a broken one and reads on past the broken one."""
    chars = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(chars == ord('"'))
    if len(quotes) % 2:
        return False
    opening, closing = quotes[0::2], quotes[1::2]
    opening = opening[opening > 0]
    closing = closing[closing < len(chars) - 1]
    return bool(
        np.isin(chars[opening - 1], SEPARATING).all()
        and np.isin(chars[closing + 1], SEPARATING).all()
    )


def _header_width(data: bytes) -> int | None:
    """Number of cells in the header row, or None when it cannot be told cheaply."""
    line = data[: data.find(b"\n")] if b"\n" in data else data
    try:
        return len(next(csv.reader([line.decode("utf-8").rstrip("\r")], strict=True)))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None


def _parse_fast(handle: BinaryIO, width: int) -> pa.Table | None:
    """Parse the whole file with Arrow's streaming parser, every cell as text; None on trouble.

    Trouble means bytes that are not UTF-8, a row with the wrong number of cells or a cell too
    long: the careful path then reads the file row by row and reports exactly where.
    """
    try:
        reader = arrow_csv.open_csv(
            handle,
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
    for column in table.columns:
        if (pc.max(pc.utf8_length(column)).as_py() or 0) > MAX_CELL_CHARS:
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
    raw.last_line = newlines
    if not _check_header(name, header, columns, raw):
        raw.skipped += len(frame) - 1  # no row of it can be used: every one is left out
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
