"""Writing the imported package: a new or empty folder, another only with --replace, and all at
once or not at all (a temporary folder beside the target, renamed into place)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.cow.output import write_package
from dashboard.datapackage.schema import TABLES
from tests.cow.test_importer import YEARS, org, write_cow

TABLE_FILES = {t.file for t in TABLES}


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    igo, states = write_cow(tmp_path / "in", org("OPEC", YEARS, iran=[1] * 5))
    return [str(igo), str(states)]


def old_package(folder: Path) -> dict[str, str]:
    """A folder holding an earlier package (two tables and a README); returns its contents."""
    folder.mkdir(parents=True)
    (folder / "organizations.csv").write_text("id,name\nold,Old\n", encoding="utf-8")
    (folder / "memberships.csv").write_text("id\nold-span\n", encoding="utf-8")
    (folder / "README.md").write_text("The old package.\n", encoding="utf-8")
    return contents(folder)


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def leftovers(folder: Path) -> list[str]:
    """Temporary folders of the import beside the target."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    code = main(["import-cow", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip().splitlines()[-1]


def test_a_new_folder_is_created_with_the_usual_permissions(inputs, tmp_path):
    out = tmp_path / "deep" / "out"
    assert main(["import-cow", *inputs, str(out)]) == 0
    assert {p.name for p in out.iterdir()} == TABLE_FILES
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask
    assert leftovers(out) == []


def test_an_empty_folder_is_filled(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["import-cow", *inputs, str(out)]) == 0
    assert {p.name for p in out.iterdir()} == TABLE_FILES


def test_a_folder_that_is_not_empty_is_refused_and_kept(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    before = old_package(out)
    code, last = run([*inputs, str(out)], capsys)
    assert code == 2
    assert last == (
        f"error: {out}: the folder is not empty; choose a new folder, or give --replace to "
        "replace the package in it"
    )
    assert contents(out) == before
    assert leftovers(out) == []


def test_replace_replaces_the_whole_package(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    old_package(out)
    out.chmod(0o750)
    assert main(["import-cow", *inputs, str(out), "--replace"]) == 0
    assert {p.name for p in out.iterdir()} == TABLE_FILES  # the old README is gone too
    assert "opec" in (out / "organizations.csv").read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert leftovers(out) == []
    assert capsys.readouterr().out.startswith(f"Wrote {out} in ")


@pytest.mark.parametrize("extra", ["notes.docx", "sub/"], ids=["other-file", "subfolder"])
def test_replace_refuses_a_folder_that_holds_more_than_a_package(inputs, tmp_path, capsys, extra):
    out = tmp_path / "out"
    old_package(out)
    if extra.endswith("/"):
        (out / extra).mkdir()
    else:
        (out / extra).write_text("mine", encoding="utf-8")
    code, last = run([*inputs, str(out), "--replace"], capsys)
    assert code == 2
    name = extra.rstrip("/")
    assert last == (
        f"error: {out}: holds {name}, which is not a file of a data package; only a folder "
        "of CSV files is replaced"
    )
    assert (out / name).exists()
    assert (out / "organizations.csv").read_text(encoding="utf-8") == "id,name\nold,Old\n"


def test_a_file_in_the_way_is_refused(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    out.write_text("not a folder", encoding="utf-8")
    assert run([*inputs, str(out), "--replace"], capsys) == (
        2,
        f"error: {out}: exists and is not a folder",
    )


def failing_after(calls: int, error: BaseException):
    """DataFrame.to_csv that writes `calls` tables, then fails (a full disk, Ctrl-C)."""
    written = []
    to_csv = pd.DataFrame.to_csv

    def fake(self, path, *args, **kwargs):
        if len(written) == calls:
            raise error
        written.append(path)
        return to_csv(self, path, *args, **kwargs)

    return fake


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "replacing"])
def test_a_failure_mid_way_leaves_no_partial_package_and_the_old_one_intact(
    inputs, tmp_path, capsys, monkeypatch, existing
):
    out = tmp_path / "out"
    before = old_package(out) if existing else None
    disk_full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(pd.DataFrame, "to_csv", failing_after(3, disk_full))
    code, last = run([*inputs, str(out), "--replace"], capsys)
    assert code == 2
    assert last == f"error: {out}: cannot write (No space left on device); nothing was changed"
    assert contents(out) == before if existing else not out.exists()
    assert leftovers(out) == []


def test_ctrl_c_mid_way_leaves_the_old_package(inputs, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    before = old_package(out)
    monkeypatch.setattr(pd.DataFrame, "to_csv", failing_after(2, KeyboardInterrupt()))
    code, last = run([*inputs, str(out), "--replace"], capsys)
    assert (code, last) == (130, "error: interrupted; nothing was written")
    assert contents(out) == before
    assert leftovers(out) == []


def test_a_failed_rename_puts_the_old_package_back(inputs, tmp_path, monkeypatch):
    from dashboard.cow.importer import import_cow

    package = import_cow(Path(inputs[0]), Path(inputs[1]))
    out = tmp_path / "out"
    before = old_package(out)
    rename = Path.rename

    def fake(self, target):
        if ".importing-" in self.name:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", fake)
    with pytest.raises(Exception, match="cannot write .*; nothing was changed"):
        write_package(package, out, replace=True)
    assert contents(out) == before
    assert leftovers(out) == []


def test_an_unexpected_failure_is_one_line(inputs, tmp_path, capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("something pandas did not expect")

    monkeypatch.setattr("dashboard.cow.importer.build_spans", broken)
    code, last = run([*inputs, str(tmp_path / "out")], capsys)
    assert code == 2
    assert last == (
        f"error: {inputs[0]}: cannot be imported (ValueError: something pandas did not "
        "expect); nothing was written"
    )
    assert not (tmp_path / "out").exists()
