"""`python -m dashboard`: help, validation output and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from dashboard.__main__ import main
from dashboard.datapackage.load import load_package
from dashboard.terminal import UNSAFE
from tests.conftest import MINI, ROOT, write_package


def test_valid_package_exits_zero(mini, capsys):
    assert main(["validate", str(mini)]) == 0
    assert capsys.readouterr().out.strip() == "No problems found."


def test_problems_are_listed_one_per_line_then_summary(tmp_path, capsys):
    folder = write_package(
        tmp_path / "pkg", {"memberships": [*MINI["memberships"], "x,BLR,sco,boss,2030,,,src-a"]}
    )
    (folder / "trade.csv").unlink()
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("memberships.csv:9: status: 'boss' is not a known membership")
    assert lines[1] == "trade.csv: file is missing"
    assert lines[-1] == "2 errors, 0 warnings; 1 row left out."


def test_counts_are_true_after_a_quote_never_closed_and_a_cell_too_long(tmp_path, capsys):
    """Rows shown + rows reported = rows in the file: a broken row costs only its own line."""
    spans = list(MINI["memberships"])
    spans[2] = spans[2].replace(",sco,", ',"sco,')  # line 3: a quote never closed
    spans[5] = spans[5].replace(",,src-a", f",{'n' * 100_001},src-a")  # line 6: a cell too long
    folder = write_package(tmp_path / "pkg", {"memberships": spans})
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    where = [line.split(": ")[0] for line in lines[:-1]]
    assert where == ["memberships.csv:3", "memberships.csv:6"]
    assert "never closed" in lines[0]
    assert lines[1] == (
        "memberships.csv:6: note: cell is longer than 100,000 characters; the row is left out"
    )
    assert lines[-1] == "2 errors, 0 warnings; 2 rows left out."
    shown = len(load_package(folder)["memberships"])
    assert shown + 2 == len(spans) - 1


def test_warnings_alone_exit_zero(tmp_path, capsys):
    lines = [MINI["trade"][0] + ",comment", MINI["trade"][1] + ",x"]
    folder = write_package(tmp_path / "pkg", {"trade": lines})
    assert main(["validate", str(folder)]) == 0
    assert "trade.csv:1: warning: comment: unknown column" in capsys.readouterr().out


def test_not_a_folder(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_default_folder_is_environment_then_bundled(mini, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATA", str(mini))
    assert main(["validate"]) == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--help"], ["validate", "import-cow", "serve"]),
        (["validate", "--help"], ["FILE:LINE", "DASHBOARD_DATA"]),
        (["import-cow", "--help"], ["IGO_FILE", "dashboard/cow/mapping.csv"]),
        (["serve", "--help"], ["--replicas", "1 to 32"]),
    ],
)
def test_help_explains_commands(args, says, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 0
    out = capsys.readouterr().out
    for words in says:
        assert words in out


def test_the_module_runs_as_a_command_and_imports_no_command_for_help():
    """`python -m dashboard --help` answers without loading pandas, Streamlit or nginx's code."""
    probe = (
        "import runpy, sys; sys.argv = ['dashboard', '--help']\n"
        "try:\n    runpy.run_module('dashboard', run_name='__main__')\n"
        "except SystemExit as done:\n    assert done.code == 0\n"
        "heavy = ('pandas', 'streamlit', 'dashboard.serve.command')\n"
        "print('loaded:', [m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "validate" in out
    assert out.strip().endswith("loaded: []")


def test_text_from_the_data_is_printed_with_its_controls_escaped(tmp_path, capsys):
    """A value that would clear the screen, set the window title or reverse the line's
    direction is shown as escapes, so the line reads as it is in the file."""
    status = "\x1b[2J\x1b]0;owned\x07boss\u202e\x9b31m"
    folder = write_package(
        tmp_path / "pkg",
        {"memberships": [*MINI["memberships"], f"x,BLR,sco,{status},2030,,,src-a"]},
    )
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert not UNSAFE.search(out.replace("\n", ""))
    line = out.splitlines()[0]
    assert line.startswith("memberships.csv:9: status: ")
    assert "\\x1b[2J\\x1b]0;owned\\x07boss\\u202e\\x9b31m" in line


def test_a_folder_name_with_controls_is_escaped(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "no\x1b[31mpe")]) == 1
    assert capsys.readouterr().err == f"{tmp_path}/no\\x1b[31mpe: not a folder\n"


def test_validate_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    """`python -m dashboard validate … | head -1`: no traceback when head goes away."""
    shutil.copytree(ROOT / "data", tmp_path / "pkg")
    lines = (tmp_path / "pkg" / "memberships.csv").read_text(encoding="utf-8").splitlines()
    broken = [lines[0]] + [line.replace(",", ";", 1) for line in lines[1:]]  # every row damaged
    (tmp_path / "pkg" / "memberships.csv").write_text("\n".join(broken) + "\n", encoding="utf-8")
    command = f"'{sys.executable}' -m dashboard validate '{tmp_path / 'pkg'}' | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120
    )
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr
