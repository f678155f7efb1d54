"""The data-quality page and every other page: a data file the reader refuses is named, never
shown; no page shows where the package lives; a half-written package is not served."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dashboard.ui import cache
from tests.conftest import MINI, open_app, write_package
from tests.datapackage.test_confine import REFUSED, SECRET, damage
from tests.datapackage.test_load import cut, touch
from tests.views.test_pages import PAGES

DATA_QUALITY = "dashboard/views/data_quality.py"


def rendered(at) -> str:
    """Everything the page sent, as text: every element's message, tables' bytes included."""
    found = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(found)


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_data_quality_names_a_refused_file_and_shows_nothing_of_it(
    tmp_path, monkeypatch, case, fresh_cache
):
    folder = write_package(tmp_path / "pkg")
    how, message = REFUSED[case]
    damage(folder, how)
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app(DATA_QUALITY)
    table = next(d.value for d in at.dataframe if "message" in d.value.columns)
    assert message in set(table["message"])
    page = rendered(at)
    assert SECRET not in page
    assert "PATH=" not in page
    with zipfile.ZipFile(io.BytesIO(cache.package_zip())) as archive:
        assert "data/places.csv" not in archive.namelist()
        assert all(SECRET.encode() not in archive.read(name) for name in archive.namelist())


def test_a_link_that_stays_inside_the_folder_is_shown_and_zipped(
    tmp_path, monkeypatch, fresh_cache
):
    folder = write_package(tmp_path / "pkg")
    (folder / "places.csv").rename(folder / "places-v2.csv")
    (folder / "places.csv").symlink_to("places-v2.csv")
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app(DATA_QUALITY)
    assert [s.value for s in at.success] == ["Every row of every file is valid."]
    with zipfile.ZipFile(io.BytesIO(cache.package_zip())) as archive:
        assert archive.read("data/places.csv") == (folder / "places-v2.csv").read_bytes()


def test_the_counts_are_true_after_a_quote_never_closed(bundled_copy, monkeypatch, fresh_cache):
    """One broken quote costs one row: rows shown + rows reported = rows in the file."""
    path = bundled_copy / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",", ',"', 1)  # the first row opens a quote it never closes
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA", str(bundled_copy))
    at = open_app(DATA_QUALITY)
    assert "1 error, 0 warnings; 1 row left out." in [t.value for t in at.text]
    table = next(d.value for d in at.dataframe if "message" in d.value.columns)
    assert list(table["line"]) == [2]
    assert len(cache.load()["memberships"]) + 1 == len(lines) - 1


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_where_the_package_lives(tmp_path, monkeypatch, page):
    base = write_package(tmp_path / "srv" / "cow-igo")
    top = write_package(tmp_path / "srv" / "curated", {"trade": [MINI["trade"][0], "x,y"]})
    monkeypatch.setenv("DASHBOARD_DATA", f"{base}:{top}")
    at = open_app(page)
    shown = rendered(at)
    assert str(tmp_path) not in shown
    if page == DATA_QUALITY:
        assert "Package: cow-igo:curated" in [t.value for t in at.text]
        assert "curated/trade.csv" in shown


def test_a_half_written_file_is_not_served_and_a_notice_says_since_when(
    tmp_path, monkeypatch, fresh_cache
):
    folder = write_package(tmp_path / "pkg")
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    open_app("dashboard/views/memberships.py")  # the whole package is read and served
    cut(folder / "memberships.csv")
    at = open_app("dashboard/views/memberships.py")
    infos = [i.value for i in at.info]
    assert any(
        "Showing the last complete data package" in text and "memberships.csv" in text
        for text in infos
    ), infos
    assert not any("problem" in w.value for w in at.warning)  # the whole package has none
    write_package(folder)  # the file is whole again
    touch(folder / "memberships.csv")
    at = open_app("dashboard/views/memberships.py")
    assert not [i.value for i in at.info if "last complete" in i.value]


def test_the_whole_package_is_kept_when_a_file_is_deleted(tmp_path, monkeypatch, fresh_cache):
    folder = write_package(tmp_path / "pkg")
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    assert len(cache.load()["memberships"]) == len(MINI["memberships"]) - 1
    Path(folder / "memberships.csv").unlink()
    pkg = cache.load()
    assert pkg.held is not None
    assert len(pkg["memberships"]) == len(MINI["memberships"]) - 1
    at = open_app(DATA_QUALITY)
    assert any("memberships.csv" in i.value for i in at.info)
