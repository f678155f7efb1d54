"""Read one CSV file into raw rows with their physical line numbers, reporting file-level damage."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.problems import ERROR, WARNING, Problem

OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
BAD_BYTE = "\udc80"  # surrogateescape maps undecodable bytes to U+DC80..U+DCFF


@dataclass
class RawTable:
    """Rows of one file as text cells, keyed by header names, each with its first physical line."""

    header: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0


def _has_bad_bytes(cells: list[str]) -> bool:
    return any("\udc80" <= ch <= "\udcff" for cell in cells for ch in cell)


def _decode(path: Path, raw: RawTable) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raw.problems.append(Problem(path.name, None, None, None, "file is missing"))
        return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raw.problems.append(Problem(path.name, None, None, None, f"file cannot be read ({reason})"))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="surrogateescape")


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


def read_csv(path: Path, columns: tuple[str, ...]) -> RawTable:
    """Read a CSV file; every problem is recorded, never raised."""
    raw = RawTable()
    text = _decode(path, raw)
    if text is None:
        return raw
    name = path.name
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
    _read_rows(reader, name, header, raw)
    return raw


def _read_rows(reader, name: str, header: list[str], raw: RawTable) -> None:
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
        if _has_bad_bytes(cells):
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
            raw.rows.append(dict(zip(header, cells, strict=True)))
            raw.lines.append(start)
            continue
        raw.skipped += 1


__all__ = ["ERROR", "RawTable", "read_csv"]
