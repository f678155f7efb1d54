"""Paged tables: a sorted first page for the browser, every row for the download."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.derive import paging

ORDERS = {"n": lambda rows: rows["n"], "name": lambda rows: rows["name"]}


def identity(rows: pd.DataFrame) -> pd.DataFrame:
    return rows


def frame(size: int) -> pd.DataFrame:
    return pd.DataFrame({"n": range(size), "name": [f"row {i:05d}" for i in range(size)]})


def test_a_large_result_sends_its_first_page_and_downloads_every_row():
    rows = frame(5000)
    page = paging.first_page(rows, ORDERS, "n", True, identity)
    assert page.total == 5000
    assert page.shown == paging.PAGE_ROWS == 1000
    assert page.frame["n"].iloc[0] == 4999  # descending
    csv = pd.read_csv(io.BytesIO(paging.all_rows_csv(rows, ORDERS, "n", True, identity)))
    assert len(csv) == 5000
    assert csv["n"].iloc[0] == 4999


def test_a_small_result_is_complete():
    page = paging.first_page(frame(3), ORDERS, "name", False, identity)
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
    page = paging.first_page(rows, ORDERS, "n", False, identity)
    text = paging.page_caption(page, "agreements", "Signed", True)
    assert "first 1,000 of 1,500 agreements" in text
    assert "descending" in text
    assert "download" in text
    small = paging.first_page(frame(2), ORDERS, "n", False, identity)
    assert paging.page_caption(small, "spans", "From", False) == "2 spans, by From (ascending)."
