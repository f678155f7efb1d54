"""Edits that damage a copy of a data package: cells rewritten, rows left out or copied, files
cut; each writes the rest of the file back byte for byte."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[Path], None]
Match = str | dict[str, str]  # an id, or the cells a row must hold


def _matches(row: dict[str, str], match: Match) -> bool:
    """Whether the row is the one with this id, or holds these cells."""
    wanted = {"id": match} if isinstance(match, str) else match
    return all(row.get(column) == value for column, value in wanted.items())


def rewrite(folder: Path, table: str, change: Callable[[list[dict[str, str]]], list]) -> None:
    """Read the table's rows, let `change` return the new rows, write them back as written."""
    path = folder / f"{table}.csv"
    text = path.read_bytes().decode("utf-8")  # as bytes: keep the files' CRLF line ends
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = change(list(reader))
    out = io.StringIO(newline="")
    ending = "\r\n" if "\r\n" in text else "\n"
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator=ending)
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


def _chosen(rows: list[dict[str, str]], table: str, match: Match) -> list[dict[str, str]]:
    """The matching rows; there must be one or more."""
    chosen = [row for row in rows if _matches(row, match)]
    assert chosen, f"no row of {table}.csv matches {match}"  # a damage that damages nothing
    return chosen


def set_cell(table: str, match: Match, column: str, value: str) -> Edit:
    """Write `value` in `column` of the matching rows."""

    def change(rows):
        for row in _chosen(rows, table, match):
            assert column in row, f"{table}.csv has no column {column}"
            row[column] = value
        return rows

    return lambda folder: rewrite(folder, table, change)


def drop_rows(table: str, match: Match) -> Edit:
    """Leave the matching rows out of the file."""

    def change(rows):
        gone = _chosen(rows, table, match)
        return [row for row in rows if row not in gone]

    return lambda folder: rewrite(folder, table, change)


def copy_row(table: str, match: Match, **cells: str) -> Edit:
    """Add a copy of the matching row, with these cells changed."""
    return lambda folder: rewrite(
        folder, table, lambda rows: [*rows, {**_chosen(rows, table, match)[0], **cells}]
    )


def edit_readme(old: str, new: str) -> Edit:
    """Replace `old` in the package's README.md by `new`."""

    def edit(folder: Path) -> None:
        path = folder / "README.md"
        text = path.read_bytes().decode("utf-8")
        assert old in text, f"README.md does not say {old!r}"
        path.write_bytes(text.replace(old, new).encode("utf-8"))

    return edit


def remove_file(table: str) -> Edit:
    """Delete the table's file."""
    return lambda folder: (folder / f"{table}.csv").unlink()


def cut_file(table: str, where: Callable[[bytes], int]) -> Edit:
    """Keep the table's file up to the byte `where(content)` says, as a cut-short copy would."""

    def edit(folder: Path) -> None:
        path = folder / f"{table}.csv"
        content = path.read_bytes()
        path.write_bytes(content[: where(content)])

    return edit


def empty(content: bytes) -> int:
    """Nothing kept: an empty file."""
    del content
    return 0


def after_header(content: bytes) -> int:
    """The header line and its line end kept."""
    return content.index(b"\n") + 1


def mid_line(fraction: float) -> Callable[[bytes], int]:
    """Halfway through the row that starts nearest after `fraction` of the file."""

    def where(content: bytes) -> int:
        start = content.index(b"\n", int(len(content) * fraction)) + 1
        end = content.find(b"\n", start)
        end = len(content) if end < 0 else end
        return start + max(1, (end - start) // 2)

    return where


def mid_quote(fraction: float) -> Callable[[bytes], int]:
    """Inside the first quoted cell after `fraction` of the file (one character after its
    opening quote), or halfway through a row when no cell there is quoted."""

    def where(content: bytes) -> int:
        start = int(len(content) * fraction)
        found = [content.find(opening, start) for opening in (b',"', b'\n"')]
        found = [position for position in found if position >= 0]
        if not found:
            return mid_line(fraction)(content)
        return min(found) + 2 + 1  # the opening quote, then one character of the cell

    return where
