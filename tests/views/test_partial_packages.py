"""Pages on packages of which the validator accepts a part: cases that once crashed a page."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from tests.conftest import open_app
from tests.damage import Edit, cut_file, mid_line, remove_file, set_cell
from tests.views.test_pages import PAGES

OVERVIEW, CORRIDOR = PAGES[0], PAGES[3]
ROUTE = {"from_place": "minsk", "to_place": "bandar-abbas"}


@pytest.fixture(autouse=True)
def _forget_packages():
    from dashboard.ui import cache

    yield
    cache.clear()


def opened(folder: Path, edit: Edit, page: str, monkeypatch, **query) -> AppTest:
    """The page (failing if it raised) on `folder` after the edit."""
    edit(folder)
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app(page, **query)
    assert any("problem" in w.value for w in at.warning)  # the data notice, not a crash
    return at


def chart_rows(at: AppTest) -> pd.DataFrame:
    """The rows the page's first Vega-Lite chart was sent."""
    chart = at.get("vega_lite_chart")[0]
    return dataframe_util.convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)


@pytest.mark.parametrize(
    ("column", "value"),
    [("founded", "2001-13-45"), ("kind", "club"), ("website", "javascript:alert(1)")],
)
def test_overview_shows_an_organization_whose_row_is_invalid_by_its_id(
    bundled_copy: Path, monkeypatch, column: str, value: str
):
    edit = set_cell("organizations", "sco", column, value)
    at = opened(bundled_copy, edit, OVERVIEW, monkeypatch)
    shown = set(chart_rows(at)["Organization"])
    assert "sco" in shown  # its members are counted, under its id
    assert "SCO" not in shown


def test_corridor_lists_legs_of_an_invalid_place_and_says_they_are_not_drawn(
    bundled_copy: Path, monkeypatch
):
    edit = set_cell("places", "tehran", "lat", "north")
    at = opened(bundled_copy, edit, CORRIDOR, monkeypatch, **ROUTE)
    notes = [t.value for t in at.text if t.value.startswith("Not drawn (")]
    assert "tehran" in notes[0]
    assert "tehran" in at.selectbox(key="c-from").options  # by its id
    legs = next(d.value for d in at.dataframe if "Length basis" in d.value.columns)
    assert "tehran" in set(legs["From"]) | set(legs["To"])


@pytest.mark.parametrize(
    "edit",
    [
        remove_file("countries"),
        cut_file("countries", mid_line(0.5)),
        cut_file("sources", mid_line(0.5)),
    ],
    ids=["countries-missing", "countries-cut", "sources-cut"],
)
def test_corridor_renders_without_the_rows_it_refers_to(bundled_copy: Path, monkeypatch, edit):
    at = opened(bundled_copy, edit, CORRIDOR, monkeypatch, organization="sco", **ROUTE)
    assert at.get("deck_gl_json_chart")


def test_overview_renders_with_every_file_missing(tmp_path: Path, monkeypatch):
    folder = tmp_path / "nothing"
    folder.mkdir()
    at = opened(folder, lambda _: None, OVERVIEW, monkeypatch)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Organizations"] == metrics["Sources"] == "0"
