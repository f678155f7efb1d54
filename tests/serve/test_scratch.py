"""`serve`'s temporary folder: marked with its owner, removed by the next `serve` once the
owner is gone (killed, so it could not remove it itself), kept while the owner runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dashboard.serve import scratch
from tests.conftest import ROOT


def killed_owner_folder(root: Path) -> Path:
    """The folder of a process that made it and was then killed with SIGKILL."""
    code = (
        "import os, signal, sys; from pathlib import Path; from dashboard.serve import scratch\n"
        "print(scratch.make(Path(sys.argv[1])), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == -signal.SIGKILL
    return Path(done.stdout.strip())


def test_a_folder_is_marked_with_its_owner(tmp_path):
    folder = scratch.make(tmp_path)
    assert folder.name.startswith("dashboard-serve-")
    pid, start = (folder / "owner").read_text(encoding="ascii").split()
    assert int(pid) == os.getpid()
    assert start == scratch.started(os.getpid()) != ""


def test_the_folder_of_a_killed_serve_goes_and_a_live_one_stays(tmp_path):
    stale = killed_owner_folder(tmp_path)
    (stale / "nginx.conf").write_text("events {}\n", encoding="utf-8")
    assert stale.is_dir()
    mine = scratch.make(tmp_path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / "dashboard-serve-live"
        live.mkdir()
        (live / "owner").write_text(f"{sleeper.pid} {scratch.started(sleeper.pid)}\n")
        assert scratch.remove_stale(tmp_path) == [stale]
        assert not stale.exists()
        assert live.is_dir()
        assert mine.is_dir()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_reused_pid_does_not_keep_a_stale_folder(tmp_path):
    """The pid is running again, but not the process that made the folder: another start."""
    folder = tmp_path / "dashboard-serve-old"
    folder.mkdir()
    (folder / "owner").write_text(f"{os.getppid()} 1\n")  # a live pid, a start time not its own
    assert scratch.remove_stale(tmp_path) == [folder]


def test_folders_that_are_not_serve_s_are_left_alone(tmp_path):
    other = tmp_path / "dashboard-serve-unmarked"  # no owner file: not known to be serve's
    other.mkdir()
    odd = tmp_path / "dashboard-serve-odd"
    odd.mkdir()
    (odd / "owner").write_text("-1\n")
    unrelated = tmp_path / "something-else"
    unrelated.mkdir()
    (unrelated / "owner").write_text("999999999 1\n")
    assert scratch.remove_stale(tmp_path) == []
    assert other.is_dir()
    assert odd.is_dir()
    assert unrelated.is_dir()
