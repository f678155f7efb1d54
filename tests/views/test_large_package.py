"""The engine: one package per process, derived results computed once, bounded tables."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.derive.filters import AgreementFilter
from dashboard.ui import cache
from dashboard.viewmodels import agreements
from tests.conftest import open_app, write_big_package
from tests.views.test_pages import PAGES, TITLES


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_view_is_derived_once_for_two_sessions_with_the_same_parameters(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    calls = []
    real = agreements.filter_agreements

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(agreements, "filter_agreements", counting)
    first = open_app("dashboard/views/agreements.py", sector="health")
    second = open_app("dashboard/views/agreements.py", sector="health")
    assert first.multiselect(key="a-sector").value == second.multiselect(key="a-sector").value
    health = [p for p in calls if p.sectors == ("health",)]
    assert len(health) == 1, calls


def test_the_package_is_shared_not_copied(monkeypatch, mini):
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    assert cache.load() is cache.load()


def test_a_table_of_5000_rows_sends_its_first_page_and_downloads_all(tmp_path, monkeypatch):
    folder = write_big_package(tmp_path / "big", agreements=5000, organizations=2)
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app("dashboard/views/agreements.py")
    shown = at.dataframe(key="a-table-df").value
    assert len(shown) == 1000
    assert any("first 1,000 of 5,000 agreements" in c.value for c in at.caption)
    pkg = cache.load()
    rows = cache.model(agreements).rows(pkg, AgreementFilter())
    csv = agreements.listing(pkg).csv(rows, "signed_date", True)
    downloaded = pd.read_csv(io.BytesIO(csv))
    assert len(downloaded) == 5000
    assert downloaded["id"].iloc[: len(shown)].tolist() == shown["id"].tolist()


@pytest.mark.parametrize("page", PAGES)
def test_a_big_package_renders_every_page(page, tmp_path, monkeypatch):
    folder = write_big_package(tmp_path / "big", agreements=3000, organizations=400)
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app(page)
    assert [title.value for title in at.title] == [TITLES[page]]
    for frame in at.dataframe:
        assert len(frame.value) <= 1000
