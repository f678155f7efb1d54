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
