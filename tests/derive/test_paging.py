"""Listings: a sorted first page for the browser, every row for the download."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.derive import paging

ORDERS = {"n": lambda rows: rows["n"], "name": lambda rows: rows["name"]}
AGREEMENT_FORMS = ("{n:,} agreement", "{n:,} agreements")
LISTING = paging.Listing("rows", ORDERS, {"n": "N", "name": "Name"}, ("n", "asc"))


def frame(size: int) -> pd.DataFrame:
    return pd.DataFrame({"n": range(size), "name": [f"row {i:05d}" for i in range(size)]})


def test_a_large_result_sends_its_first_page_and_downloads_every_row():
    rows = frame(5000)
    page = LISTING.page(rows, "n", True)
    assert page.total == 5000
    assert page.shown == paging.PAGE_ROWS == 1000
    assert page.frame["n"].iloc[0] == 4999  # descending
    csv = pd.read_csv(io.BytesIO(LISTING.csv(rows, "n", True)))
    assert len(csv) == 5000
    assert csv["n"].iloc[0] == 4999


def test_a_small_result_is_complete():
    page = LISTING.page(frame(3), "name", False)
    assert page.complete
    assert list(page.frame["n"]) == [0, 1, 2]


@pytest.mark.parametrize("descending", [False, True])
def test_missing_and_empty_keys_come_last_either_way(descending):
    rows = pd.DataFrame({"n": [2.0, None, 1.0, 3.0], "name": ["b", "", "a", "c"]})
    by_n = paging.sorted_rows(rows, ORDERS, "n", descending)
    assert by_n["n"].isna().tolist()[-1]
    by_name = paging.sorted_rows(rows, ORDERS, "name", descending)
    assert by_name["name"].iloc[-1] == ""
    expected = ["c", "b", "a"] if descending else ["a", "b", "c"]
    assert by_name["name"].iloc[:3].tolist() == expected


def test_ties_keep_the_order_of_the_rows():
    rows = pd.DataFrame({"n": [1, 1, 1], "name": ["z", "y", "x"]})
    assert paging.sorted_rows(rows, ORDERS, "n", True)["name"].tolist() == ["z", "y", "x"]


def test_unknown_order_leaves_rows_as_they_are():
    rows = frame(4)
    assert paging.sorted_rows(rows, ORDERS, "bogus", False).equals(rows)


def test_caption_says_what_is_shown_and_how_to_get_the_rest():
    rows = frame(1500)
    listing = paging.Listing("agreements", ORDERS, {"n": "Signed"}, ("n", "desc"))
    page = listing.page(rows, "n", False)
    text = listing.caption(page, "n", True)
    assert "first 1,000 of 1,500 agreements, by Signed (descending)" in text
    assert "download" in text
    spans = paging.Listing("spans", ORDERS, {"n": "From"}, ("n", "asc"))
    small = spans.page(frame(2), "n", False)
    assert spans.caption(small, "n", False) == "2 spans, by From (ascending)."


def test_the_display_builder_shapes_the_page_and_the_download_alike():
    listing = paging.Listing(
        "rows", ORDERS, {"n": "N"}, ("n", "asc"), lambda rows: rows.assign(Shown=rows["n"] * 2)
    )
    page = listing.page(frame(3), "n", True)
    assert page.frame["Shown"].tolist() == [4, 2, 0]
    downloaded = pd.read_csv(io.BytesIO(listing.csv(frame(3), "n", True)))
    assert downloaded["Shown"].tolist() == [4, 2, 0]


TRICKY = ["plain", "", "a, b", 'say "hi"', "two\nlines", "crlf\r\nend", "Беларусь", "ایران"]


@pytest.mark.parametrize(
    "table",
    [
        pd.DataFrame({"text": TRICKY, "n": range(len(TRICKY))}),
        pd.DataFrame({"text": pd.Series([*TRICKY, None], dtype=object), "id": ["x"] * 9}),
        pd.DataFrame({"a, b": ["1", "2"], 'say "hi"': ["x", None], "Беларусь": ["", ""]}),
        pd.DataFrame({"line": pd.array([3, None], dtype="Int64"), "file": ["a.csv", ""]}),
        pd.DataFrame({"x": pd.Series([], dtype=str), "y": pd.Series([], dtype=str)}),
        pd.DataFrame({"x": [None, None], "y": ["", ""]}),
        pd.DataFrame({"x": ["a", "b", "c"], "y": ["", "d", ""]}).iloc[[2, 0]],
        pd.concat([pd.DataFrame({"x": ["a,"], "y": ["b"]}), pd.DataFrame({"x": ["c"], "y": [""]})]),
        # left to pandas: floats, dates, a tuple among text, a single column
        pd.DataFrame({"km": [1.5, None], "name": ["a", "b"]}),
        pd.DataFrame({"day": pd.to_datetime(["2024-01-02", None]), "name": ["a", "b"]}),
        pd.DataFrame({"ids": pd.Series([("a",), "b"], dtype=object), "name": ["a", "b"]}),
        pd.DataFrame({"only": ["", "a, b"]}),
    ],
    ids=lambda table: ",".join(map(str, table.columns)),
)
def test_csv_bytes_writes_the_text_pandas_writes(table):
    assert paging.csv_bytes(table) == table.to_csv(index=False).encode("utf-8")


def test_csv_bytes_quotes_a_lone_carriage_return():
    # as RFC 4180 and Python's csv writer from 3.11.9 and 3.12.3 do (older ones wrote it bare)
    table = pd.DataFrame({"a": ["x\ry", "z"], "b": ["", ""]})
    assert paging.csv_bytes(table) == b'a,b\n"x\ry",\nz,\n'


def test_the_download_reads_back_as_the_rows_shown():
    rows = pd.DataFrame({"n": [2, 1, 3], "name": ['a "b", c', "Беларусь\nایران", ""]})
    csv = LISTING.csv(rows, "n", False)
    back = pd.read_csv(io.BytesIO(csv), keep_default_na=False)
    assert back.to_dict("list") == {"n": [1, 2, 3], "name": ["Беларусь\nایران", 'a "b", c', ""]}


@pytest.mark.parametrize(
    ("total", "expected"), [(1, "1 agreement, by Signed"), (2, "2 agreements, by Signed")]
)
def test_caption_counts_in_the_right_form(total, expected):
    listing = paging.Listing(
        "agreements", ORDERS, {"n": "Signed"}, ("n", "desc"), counts=AGREEMENT_FORMS
    )
    page = paging.TablePage(pd.DataFrame({"n": range(total)}), total)
    assert listing.caption(page, "n", True).startswith(expected)


def test_the_download_names_sources_by_id_not_by_title():
    rows = pd.DataFrame({"n": [2, 1], "name": ["b", "a"]})

    def display(shown: pd.DataFrame) -> pd.DataFrame:
        return shown.assign(Sources="src-a", Cited="Title A (Publisher, 2024)")

    listing = paging.Listing("rows", ORDERS, {"n": "N"}, ("n", "asc"), display)
    text = listing.csv(rows, "n", False).decode("utf-8")
    assert text.splitlines()[0] == "n,name,Sources"
    assert "Title A" not in text
