"""Confinement: only regular files inside the data folder, within the size limit, are read, in
the loader, in `validate` and in the package zip; a link that stays inside is followed."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.config import MAX_FILE_BYTES
from dashboard.datapackage import confine
from dashboard.datapackage.folders import package_zip
from dashboard.datapackage.load import load_package
from tests.conftest import MINI, write_package

SECRET = "SECRET-7f3a"  # what a file outside the folder holds; it must never come out


def outside_file(folder: Path) -> Path:
    """A CSV outside the package folder, shaped like places.csv, holding a secret."""
    secret = folder.parent / "outside" / "places.csv"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"{MINI['places'][0]}\n{SECRET},{SECRET},BLR,city,1,1,,src-a\n")
    return secret


def link_out(path: Path) -> None:
    path.symlink_to(outside_file(path.parent))


def link_to_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def link_to_environ(path: Path) -> None:
    path.symlink_to("/proc/self/environ")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def too_large(path: Path) -> None:
    with path.open("r+b") as handle:  # sparse: no disk is used
        handle.truncate(MAX_FILE_BYTES + 1)


REFUSED = {  # how places.csv is replaced → the message it gets
    "link out of the folder": (link_out, confine.OUTSIDE),
    "link to /proc/self/environ": (link_to_environ, confine.OUTSIDE),
    "link to /dev/zero": (link_to_zero, confine.OUTSIDE),
    "FIFO": (fifo, confine.SPECIAL),
    "over the size limit": (too_large, confine.TOO_LARGE),
}


def damage(folder: Path, how) -> Path:
    path = folder / "places.csv"
    if how is not too_large:
        path.unlink()
    how(path)
    return path


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_the_loader_refuses_the_file_with_a_clear_message(tmp_path, case):
    how, message = REFUSED[case]
    folder = write_package(tmp_path / "pkg")
    damage(folder, how)
    pkg = load_package(folder)
    mine = [p for p in pkg.problems if p.file == "places.csv"]
    assert [(p.line, p.message) for p in mine] == [(None, message)]
    assert pkg["places"].empty
    assert SECRET not in repr(pkg.problems)
    assert len(pkg["countries"]) == len(MINI["countries"]) - 1  # the rest is read


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_validate_refuses_the_file_and_shows_nothing_of_it(tmp_path, case, capsys):
    how, message = REFUSED[case]
    folder = write_package(tmp_path / "pkg")
    damage(folder, how)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"places.csv: {message}" in out.splitlines()
    assert SECRET not in out
    assert "PATH=" not in out  # nothing of the environment


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED.keys())
def test_the_package_zip_leaves_the_file_out(tmp_path, case):
    folder = write_package(tmp_path / "pkg")
    damage(folder, REFUSED[case][0])
    with zipfile.ZipFile(io.BytesIO(package_zip(folder))) as archive:
        names = archive.namelist()
        assert "data/places.csv" not in names
        assert "data/countries.csv" in names
        assert all(SECRET.encode() not in archive.read(name) for name in names)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device takes root")
def test_a_device_inside_the_folder_is_refused(tmp_path):
    folder = write_package(tmp_path / "pkg")
    (folder / "places.csv").unlink()
    os.mknod(folder / "places.csv", 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # as /dev/zero
    pkg = load_package(folder)
    assert [p.message for p in pkg.problems if p.file == "places.csv"] == [confine.SPECIAL]
    assert SECRET not in repr(pkg.problems)


def test_the_size_limit_is_named(tmp_path):
    assert "512 MiB" in confine.TOO_LARGE
    assert MAX_FILE_BYTES >= 4 * 122 * 10**6  # well above the benchmarks' 122 MB package


def test_a_link_that_stays_inside_the_folder_is_read(tmp_path, capsys):
    folder = write_package(tmp_path / "pkg")
    (folder / "versions").mkdir()
    (folder / "places.csv").rename(folder / "versions" / "places-v2.csv")
    (folder / "places.csv").symlink_to(Path("versions") / "places-v2.csv")
    pkg = load_package(folder)
    assert pkg.problems == ()
    assert len(pkg["places"]) == len(MINI["places"]) - 1
    assert main(["validate", str(folder)]) == 0
    with zipfile.ZipFile(io.BytesIO(package_zip(folder))) as archive:
        assert archive.read("data/places.csv") == (folder / "places.csv").read_bytes()


def test_a_link_that_leaves_and_comes_back_is_read(tmp_path):
    folder = write_package(tmp_path / "pkg")
    (folder / "places.csv").rename(tmp_path / "places.csv")
    (folder / "places.csv").symlink_to(tmp_path / "places.csv")
    assert load_package(folder).problems[0].message == confine.OUTSIDE
    (folder / "places.csv").unlink()
    (tmp_path / "places.csv").rename(folder / "real.csv")
    (folder / "places.csv").symlink_to(folder.parent / "pkg" / "real.csv")  # out and in again
    assert load_package(folder).problems == ()


def test_a_file_that_grows_past_the_limit_while_open_is_refused(tmp_path, monkeypatch):
    path = write_package(tmp_path / "pkg") / "places.csv"
    with confine.open_data_file(path) as handle:
        monkeypatch.setattr(confine, "MAX_FILE_BYTES", 10)
        with pytest.raises(confine.Refused, match="larger than"):
            confine.read_limited(handle)
