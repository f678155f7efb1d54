"""The CSV reader: its fast path reads exactly what the careful row-by-row path reads."""

from __future__ import annotations

import pytest

from dashboard.datapackage.reading import read_csv

COLUMNS = ("id", "name", "note")
CASES = {
    "plain": b"id,name,note\na,A,x\nb,B,y\n",
    "no final newline": b"id,name,note\na,A,x\nb,B,y",
    "crlf": b"id,name,note\r\na,A,x\r\nb,B,y\r\n",
    "quoted commas and quotes": b'id,name,note\na,"A, the first","say ""hi"""\nb,B,\n',
    "line breaks in cells": (
        b'id,name,note\na,"two\nlines",x\nb,B,"three\r\nlines\r\nhere"\nc,C,z\n'
    ),
    "other scripts": "id,name,note\nm,Мінск,تهران\n".encode(),
    "empty cells": b"id,name,note\n,,\na,,\n",
    "numbers stay text": b"id,name,note\n007,1e3,0.50\n",
    "header only": b"id,name,note\n",
    "broken quote": b'id,name,note\na,"A"x,y\nb,B,z\n',
    "quote inside an unquoted cell": b'id,name,note\na,A"B,y\n',
    "unterminated quote": b'id,name,note\na,"A,y\nb,B,z\n',
    "blank line": b"id,name,note\na,A,x\n\nb,B,y\n",
    "lone carriage return": b"id,name,note\na,A,x\rb,B,y\n",
}


def rows_of(raw) -> list[list[str]]:
    if raw.frame is not None:
        return raw.frame.astype(object).to_numpy().tolist()
    return raw.rows


@pytest.mark.parametrize("content", CASES.values(), ids=CASES.keys())
def test_fast_and_careful_paths_agree(tmp_path, content):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    fast, careful = read_csv(path, COLUMNS), read_csv(path, COLUMNS, careful=True)
    assert fast.header == careful.header
    assert rows_of(fast) == rows_of(careful)
    assert list(fast.lines) == list(careful.lines)
    assert fast.problems == careful.problems


def test_well_formed_files_take_the_fast_path(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(CASES["line breaks in cells"])
    fast = read_csv(path, COLUMNS)
    assert fast.frame is not None  # the fast path fills a frame; the careful one, rows
    assert rows_of(fast) == [
        ["a", "two\nlines", "x"],
        ["b", "B", "three\r\nlines\r\nhere"],
        ["c", "C", "z"],
    ]
    assert list(fast.lines) == [2, 4, 7]


def ten_rows() -> list[str]:
    """A header and ten rows, one physical line each (rows on lines 2 to 11)."""
    return ["id,name,note", *(f"r{i},Name {i},note {i}" for i in range(2, 12))]


def lost_lines(raw) -> list[int]:
    return [p.line for p in raw.problems]


def damaged(lines: list[str], changes: dict[int, str]) -> bytes:
    """The lines with some replaced (by physical line number), as a file's bytes."""
    return ("\n".join(changes.get(n, text) for n, text in enumerate(lines, 1)) + "\n").encode()


BROKEN = {  # physical line → what replaces it; each case loses exactly those lines
    "quote never closed, first row": {2: 'r2,"Name 2,note 2'},
    "quote never closed, middle row": {6: 'r6,Name 6,"note 6'},
    "quote never closed, last row": {11: 'r11,"Name 11,note 11'},
    "quote never closed, then a quoted cell": {4: 'r4,"Name 4,note 4', 7: 'r7,"Name, 7",note 7'},
    "quote never closed, closed rows later": {3: 'r3,Name 3,"note 3', 8: 'r8,Name 8",note 8'},
    "two quotes never closed": {3: 'r3,"Name 3,note 3', 9: 'r9,Name 9,"note 9'},
    "text after a closing quote": {5: 'r5,"Name 5"x,note 5'},
    "cell too long": {5: f"r5,{'x' * 100_001},note 5"},
    "cell past the csv module's own limit": {5: f"r5,{'x' * 200_000},note 5"},
    "quoted cell too long": {5: f'r5,"{"x" * 150_000}",note 5'},
}
LOST = {
    "quote never closed, first row": [2],
    "quote never closed, middle row": [6],
    "quote never closed, last row": [11],
    "quote never closed, then a quoted cell": [4],
    "quote never closed, closed rows later": [3],  # line 8 holds a quote inside a cell
    "two quotes never closed": [3, 9],
    "text after a closing quote": [5],
    "cell too long": [5],
    "cell past the csv module's own limit": [5],
    "quoted cell too long": [5],
}


@pytest.mark.parametrize("case", BROKEN, ids=BROKEN.keys())
@pytest.mark.parametrize("careful", [False, True], ids=["fast", "careful"])
def test_reading_goes_on_past_a_broken_row_and_reports_exactly_the_lines_lost(
    tmp_path, case, careful
):
    lines = ten_rows()
    path = tmp_path / "t.csv"
    path.write_bytes(damaged(lines, BROKEN[case]))
    raw = read_csv(path, COLUMNS, careful=careful)
    assert lost_lines(raw) == LOST[case], raw.problems
    assert raw.skipped == len(LOST[case])
    kept = [n for n in range(2, 12) if n not in LOST[case]]
    assert list(raw.lines) == kept
    assert [row[0] for row in rows_of(raw)] == [f"r{n}" for n in kept]
    assert len(rows_of(raw)) + raw.skipped == len(lines) - 1  # every row of the file


def test_a_lost_line_says_why(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(damaged(ten_rows(), {6: 'r6,Name 6,"note 6', 9: f"r9,{'y' * 100_001},n"}))
    by_line = {p.line: p for p in read_csv(path, COLUMNS).problems}
    assert "quote opened on this line is never closed" in by_line[6].message
    assert "reading goes on at the next line" in by_line[6].message
    assert (by_line[9].column, by_line[9].value) == ("name", None)  # the cell is not echoed
    assert by_line[9].message == "cell is longer than 100,000 characters; the row is left out"


def test_an_unusable_header_counts_every_row_as_left_out(tmp_path):
    path = tmp_path / "t.csv"
    lines = ten_rows()
    path.write_bytes(damaged(lines, {1: "id;name;note"}))
    for careful in (False, True):
        raw = read_csv(path, COLUMNS, careful=careful)
        assert raw.rows == []
        assert raw.frame is None
        assert raw.skipped == len(lines) - 1
