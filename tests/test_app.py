"""Every page runs without exception, on the bundled package and on a damaged one."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, write_package

PAGES = [
    "dashboard/views/overview.py",
    "dashboard/views/memberships.py",
    "dashboard/views/agreements.py",
    "dashboard/views/corridor.py",
    "dashboard/views/sources.py",
    "dashboard/views/data_quality.py",
]
TIMEOUT = 60


@pytest.fixture(autouse=True)
def _clear_cache():
    import streamlit as st

    st.cache_data.clear()
    yield
    st.cache_data.clear()


def run(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_bundled_data(page: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = run(page)
    assert not at.exception
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_damaged_package(page: str, tmp_path: Path, monkeypatch):
    folder = write_package(
        tmp_path / "bad",
        {
            "memberships": [
                "id,country,organization,status,start_date,end_date,note,source_ids",
                "x,XXX,sco,member,2024,,,src-a",
                "blr-sco,BLR,sco,member,2024,,,src-a",
            ]
        },
    )
    (folder / "trade.csv").unlink()
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = run(page)
    assert not at.exception
    assert any("problem" in w.value for w in at.warning)
