"""The 'What changed' page: a period from the link, the default period, filters by kind."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_app, param

PAGE = "dashboard/views/changes.py"


pytestmark = pytest.mark.usefixtures("bundled_app")


def table(at: AppTest):
    return next(df.value for df in at.dataframe if "What" in df.value.columns)


def test_period_from_the_link_lists_the_accessions_and_the_enlargement():
    at = open_app(PAGE, **{"from": "2023-01-01", "to": "2024-12-31"})
    what = set(table(at)["What"])
    assert "Iran: observer → member in SCO" in what
    assert "Belarus: observer → member in SCO" in what
    for country in ("Egypt", "Ethiopia", "Iran", "United Arab Emirates"):
        assert f"{country} joins BRICS as member" in what
    assert {c.value for c in at.get("vega_lite_chart")} or at.get("arrow_vega_lite_chart")
    assert param(at, "from") == ["2023-01-01"]


def test_default_period_runs_and_leaves_the_link_short():
    at = open_app(PAGE)
    assert not at.exception
    assert "from" not in at.query_params
    assert at.metric[0].label == "Changes"


def test_filters_come_from_the_link_and_go_back_into_it():
    at = open_app(
        PAGE,
        **{"from": "2000-01-01", "to": "2025-12-31", "kind": "status_changed", "country": "BLR"},
    )
    rows = table(at)
    assert set(rows["Kind"]) == {"Status changed"}
    assert set(rows["Country"]) == {"country?country=BLR#Belarus"}  # a link shown as the name
    assert at.multiselect(key="ch-kind").value == ["status_changed"]
    at.multiselect(key="ch-kind").select("joined").run()
    assert param(at, "kind") == ["status_changed", "joined"]


def test_a_period_that_ends_before_it_starts_says_so():
    at = open_app(PAGE, **{"from": "2024-12-31", "to": "2023-01-01"})
    assert any("ends before it starts" in i.value for i in at.info)
