"""Loading: what a package says of itself, and the last whole package kept while newer files
look half-written (cut short, missing or empty)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.datapackage.load import CUT, EMPTY, MISSING, LastGood, load_package
from tests.conftest import MINI, write_package


def touch(path: Path) -> None:
    """Move the file's modification time on, as a write a moment later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3].rstrip(b"\n") + b",src")  # mid-row


def empty(path: Path) -> None:
    path.write_bytes(b"")


def delete(path: Path) -> None:
    path.unlink()


HALF_WRITTEN = {"cut short": (cut, CUT), "empty": (empty, EMPTY), "deleted": (delete, MISSING)}


def test_a_package_is_named_by_its_folders_never_their_paths(tmp_path):
    base = write_package(tmp_path / "cow-igo")
    top = write_package(tmp_path / "data")
    pkg = load_package((base, top))
    assert pkg.name == "cow-igo:data"
    assert str(tmp_path) not in pkg.name


def test_layered_folders_of_the_same_name_are_told_apart_by_position_not_path(tmp_path):
    base = write_package(tmp_path / "a" / "data")
    top = write_package(tmp_path / "b" / "data", {"trade": [MINI["trade"][0], "x,y"]})
    pkg = load_package((base, top))
    assert {p.file for p in pkg.problems} == {"2-data/trade.csv"}
    assert str(tmp_path) not in repr(pkg.problems)


@pytest.mark.parametrize("case", HALF_WRITTEN, ids=HALF_WRITTEN.keys())
def test_a_half_written_file_is_a_sign_of_a_write_in_progress(tmp_path, case):
    how, sign = HALF_WRITTEN[case]
    folder = write_package(tmp_path / "pkg")
    assert load_package(folder).unfinished == ()
    how(folder / "memberships.csv")
    assert load_package(folder).unfinished == (("memberships.csv", sign),)


def test_a_file_without_a_final_line_break_but_whole_rows_is_not_unfinished(tmp_path):
    folder = write_package(tmp_path / "pkg")
    path = folder / "memberships.csv"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    pkg = load_package(folder)
    assert pkg.unfinished == ()
    assert len(pkg["memberships"]) == len(MINI["memberships"]) - 1


@pytest.mark.parametrize("case", HALF_WRITTEN, ids=HALF_WRITTEN.keys())
def test_the_last_whole_package_is_served_while_a_file_is_half_written(tmp_path, case):
    folder = write_package(tmp_path / "pkg")
    keeper = LastGood()
    whole = keeper.serve(load_package(folder))
    assert whole.held is None
    path = folder / "memberships.csv"
    HALF_WRITTEN[case][0](path)
    served = keeper.serve(load_package(folder))
    assert served.held is not None
    assert served.held.files == ("memberships.csv",)
    assert served.version == whole.version  # the same package, shared caches and all
    assert len(served["memberships"]) == len(MINI["memberships"]) - 1
    assert served.held.since >= whole.read_at
    write_package(folder, {"memberships": [*MINI["memberships"][:3]]})  # still growing
    later = keeper.serve(load_package(folder))
    assert later.held is None  # whole rows, a final line break: taken
    assert len(later["memberships"]) == 2


def test_since_is_when_the_files_first_looked_half_written(tmp_path):
    folder = write_package(tmp_path / "pkg")
    keeper = LastGood()
    keeper.serve(load_package(folder))
    path = folder / "memberships.csv"
    cut(path)
    first = keeper.serve(load_package(folder)).held
    path.write_bytes(path.read_bytes() + b"-a\nirn-x,IRN,sco,memb")  # more of it, still cut
    touch(path)
    again = keeper.serve(load_package(folder)).held
    assert again is not None
    assert again.since == first.since


def test_a_whole_new_file_is_taken_at_once(tmp_path):
    folder = write_package(tmp_path / "pkg")
    keeper = LastGood()
    keeper.serve(load_package(folder))
    write_package(folder, {"trade": [*MINI["trade"], "2023,BLR,IRN,turnover,5,,src-a"]})
    touch(folder / "trade.csv")
    served = keeper.serve(load_package(folder))
    assert served.held is None
    assert len(served["trade"]) == 2


def test_a_file_missing_from_the_start_is_no_write_in_progress(tmp_path):
    folder = write_package(tmp_path / "pkg")
    (folder / "trade.csv").unlink()
    keeper = LastGood()
    keeper.serve(load_package(folder))
    write_package(folder, {"events": MINI["events"][:2]})
    (folder / "trade.csv").unlink()
    touch(folder / "events.csv")
    served = keeper.serve(load_package(folder))
    assert served.held is None  # trade.csv was missing before too: nothing new
    assert len(served["events"]) == 1


def test_layered_packages_keep_their_last_whole_package(tmp_path):
    base = write_package(tmp_path / "cow")
    top = write_package(tmp_path / "data")
    keeper = LastGood()
    whole = keeper.serve(load_package((base, top)))
    empty(top / "memberships.csv")
    served = keeper.serve(load_package((base, top)))
    assert served.held is not None
    assert served.held.files == ("data/memberships.csv",)
    assert served.version == whole.version
    other = keeper.serve(load_package(base))  # another location has a last package of its own
    assert other.held is None
