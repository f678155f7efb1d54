"""The cached loader: read once, and read again when a file changes (no restart)."""

from __future__ import annotations

import io
import os
import types
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.ui import cache
from dashboard.viewmodels.shared import shared
from tests.conftest import MINI, write_package


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


def zipped(archive: bytes) -> dict[str, bytes]:
    """Each member of a zip, by name, with its bytes."""
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def test_package_zip_follows_the_chosen_folder(mini, tmp_path, monkeypatch):
    other = write_package(tmp_path / "other", {"trade": [MINI["trade"][0]]})
    for folder in (mini, other, mini):
        monkeypatch.setenv("DASHBOARD_DATA", str(folder))
        files = {f"data/{path.name}": path.read_bytes() for path in folder.glob("*.csv")}
        assert zipped(cache.package_zip()) == files, folder.name


def test_a_model_computes_each_shared_result_once_and_passes_the_rest_through(mini_pkg):
    calls = []

    @shared()
    def count(pkg, word: str) -> int:
        calls.append(word)
        return len(pkg["countries"]) + len(word)

    @shared(rows=True)
    def size(pkg, rows, chosen_by: str) -> int:
        calls.append(chosen_by)
        return len(rows)

    module = types.ModuleType("tests.fake_model")
    module.count, module.size, module.LIMIT = count, size, 7
    model = cache.model(module)
    assert model is cache.model(module)
    assert [model.count(mini_pkg, "ab"), model.count(mini_pkg, "ab")] == [5, 5]
    assert model.count(mini_pkg, "abc") == 6
    rows = mini_pkg["memberships"]
    assert model.size(mini_pkg, rows, "all") == model.size(mini_pkg, rows.head(1), "all") == 7
    assert calls == ["ab", "abc", "all"]  # rows are not hashed: what chose them is the key
    assert model.LIMIT == 7


def test_every_session_keeps_the_last_whole_package_while_a_file_is_cut(mini, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    whole = cache.load()
    path = mini / "memberships.csv"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a write in progress, cut in the middle of a row
    with ThreadPoolExecutor(8) as sessions:  # Streamlit's sessions are threads of one process
        served = list(sessions.map(lambda _: cache.load(), range(16)))
    assert {pkg.version for pkg in served} == {whole.version}
    assert {pkg.held.files for pkg in served} == {("memberships.csv",)}
    assert len({pkg.held.since for pkg in served}) == 1
    assert list(zipped(cache.package_zip())) == ["data/NOT-WHOLE-YET.txt"]  # no half file
    path.write_bytes(data + b"rus-eaeu,RUS,eaeu,member,2025-06,,,src-b\n")  # whole, and new
    taken = cache.load()
    assert taken.held is None
    assert len(taken["memberships"]) == len(whole["memberships"]) + 1
    assert "data/memberships.csv" in zipped(cache.package_zip())


def test_package_zip_leaves_out_a_link_out_of_the_folder(mini, tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    (mini / "trade.csv").unlink()
    (mini / "trade.csv").symlink_to(secret)
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    files = zipped(cache.package_zip())
    assert "data/trade.csv" not in files
    assert b"SECRET" not in b"".join(files.values())
