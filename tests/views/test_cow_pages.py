"""Every page on the layered package `cow:data`: 534 COW organizations under the curated data.

Built once per run from COW's own files in ../shared/cow (skipped when they are absent, failing
instead when CI is set).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from dashboard.config import COW_LABEL, OVERVIEW_BARS
from tests.conftest import open_app
from tests.layered import build_cow_data
from tests.views.test_pages import PAGES, TITLES


@pytest.fixture(scope="module")
def cow_data(tmp_path_factory) -> str:
    return build_cow_data(tmp_path_factory.mktemp("cow") / "cow")


@pytest.fixture(autouse=True)
def _on_cow_data(cow_data: str, monkeypatch: pytest.MonkeyPatch):
    from dashboard.ui import cache

    monkeypatch.setenv("DASHBOARD_DATA", cow_data)
    yield
    cache.clear()


def chart_rows(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The rows a Vega-Lite chart of the page was sent."""
    chart = at.get("vega_lite_chart")[index]
    return dataframe_util.convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text] + [c.value for c in at.caption]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_cow_data(page: str):
    at = open_app(page)
    assert [title.value for title in at.title] == [TITLES[page]]
    assert not [w for w in at.warning if "problem" in w.value]  # the layered package is valid
    for frame in at.dataframe:
        assert len(frame.value) <= 1000


def test_overview_shows_the_curated_first_and_says_what_it_left_out():
    at = open_app(PAGES[0])
    assert next(m for m in at.metric if m.label == "Organizations").value == "537"
    bars = chart_rows(at)
    shown = list(dict.fromkeys(bars["Organization"]))
    assert len(shown) == OVERVIEW_BARS
    order = json.loads(at.get("vega_lite_chart")[0].proto.spec)["encoding"]["y"]["sort"]
    assert order[:3] == ["SCO", "BRICS", "EAEU (partial)"]  # the lead ones, in their order
    assert not {"NAM (partial)", "UN"} & set(shown)  # large ones: one click away on Memberships
    notes = texts(at)
    assert any(t.startswith(f"Showing {OVERVIEW_BARS} of ") for t in notes)
    assert any("Left out for their size: " in t and " more (more than 60" in t for t in notes)
    assert any("528 from COW IGO v3, year precision, to 2014" in t for t in notes)
    assert any("Checked up to 2014 (COW IGO v3, year precision): " in t for t in notes)


def test_the_1985_grid_shows_the_warsaw_pact_and_the_cmea_with_the_gdr():
    at = open_app(PAGES[1], organization=["wpact", "cmea"], as_of="1985-06-30", country=[])
    cells = chart_rows(at)
    gdr = cells[cells["Country"] == "German Democratic Republic"]
    assert set(gdr["Organization"]) == {"WPact", "CMEA"}
    assert set(gdr["Record"]) == {COW_LABEL}
    counts = next(d.value for d in at.dataframe if "Checked up to" in d.value.columns)
    assert set(counts["Checked up to"]) == {"2014 (COW IGO v3, year precision)"}


def test_the_unfiltered_grid_leaves_large_organizations_one_click_away():
    at = open_app(PAGES[1], as_of="1985-06-30")
    counts = next(d.value for d in at.dataframe if "Checked up to" in d.value.columns)
    assert "NAM (partial)" not in set(counts["Organization"])
    assert list(counts["Organization"].iloc[:2]) == ["SCO", "BRICS"] or len(counts) > 100
    assert at.pills(key="m-include").options[0].startswith("Include ")


def test_the_unfiltered_grid_stays_readable_and_says_what_it_left_out():
    at = open_app(PAGES[1], as_of="1985-06-30", include="large")
    cells = chart_rows(at)
    assert cells["Organization"].nunique() * cells["Country"].nunique() <= 1500
    assert any(t.startswith("Showing 50 of ") and "organizations" in t for t in texts(at))
    counts = next(d.value for d in at.dataframe if "Checked up to" in d.value.columns)
    assert len(counts) > 250  # the counts cover every organization of that day
    # curated first: those of 1985 in the lead order, then the NAM, the largest
    assert list(counts["Organization"].iloc[:3]) == ["ECO", "OPEC", "NAM (partial)"]
    timeline = chart_rows(at, 1)
    assert timeline["Lane"].nunique() == 60


def test_spans_from_cow_carry_the_label():
    at = open_app(PAGES[1], country="DDR")
    spans = next(d.value for d in at.dataframe if "Record" in d.value.columns)
    assert set(spans["Record"]) == {COW_LABEL}
    assert at.multiselect(key="m-country").value == ["DDR"]


def test_the_map_shades_the_warsaw_pact_and_lists_the_gdr_as_not_drawn():
    at = open_app(PAGES[3], organization="wpact", as_of="1985-06-30")
    notes = texts(at)
    assert any(
        t.startswith("WPact on 1985-06-30: 7 countries with a status, 4 shaded") for t in notes
    )
    missing = next(t for t in notes if t.startswith("Not drawn"))
    assert "German Democratic Republic" in missing
    assert "Soviet Union" in missing
    assert at.selectbox(key="c-org").value == "wpact"


def test_sources_list_every_organization_with_its_check_date():
    at = open_app(PAGES[4])
    table = next(d.value for d in at.dataframe if "Checked up to" in d.value.columns)
    assert len(table) == 537
    assert list(table["Organization"][:2]) == ["BRICS", "CIS"]  # curated first
