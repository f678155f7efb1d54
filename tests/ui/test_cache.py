"""The cached loader: read once, and read again when a file changes (no restart)."""

from __future__ import annotations

import os

import pytest

from dashboard.ui import cache


@pytest.fixture(autouse=True)
def _clear():
    cache.clear()
    yield
    cache.clear()


def test_load_is_cached_until_a_file_changes(mini, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    first = cache.load()
    assert cache.load()["trade"].equals(first["trade"])
    path = mini / "trade.csv"
    path.write_text(path.read_text() + "2023,BLR,IRN,turnover,5,,src-a\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert len(cache.load()["trade"]) == len(first["trade"]) + 1


def test_package_zip_follows_the_chosen_folder(mini, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    assert cache.package_zip()[:2] == b"PK"
