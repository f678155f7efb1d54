"""Child processes tied to their parent, stopped with their group; exit codes and log tails."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dashboard.serve import processes
from tests.conftest import ROOT, alive


@pytest.mark.parametrize(
    ("code", "said"), [(0, "exit code 0"), (1, "exit code 1"), (-9, "signal SIGKILL")]
)
def test_exit_description(code: int, said: str):
    assert processes.exit_description(code) == said


def test_tail_keeps_the_last_lines(tmp_path: Path):
    log = tmp_path / "x.log"
    log.write_text("a\n\nb\nc\nd\n")
    assert processes.tail(log, 2) == ["c", "d"]
    assert processes.tail(tmp_path / "missing.log") == []


def wait_gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not alive(pid)


def test_stop_ends_the_whole_process_group(tmp_path: Path):
    pids = tmp_path / "pids"
    script = f"sleep 300 & echo $! > {pids}; trap '' TERM; wait"
    process = processes.spawn(["sh", "-c", script], tmp_path / "sh.log")
    while not pids.exists() or not pids.read_text().strip():
        time.sleep(0.05)
    grandchild = int(pids.read_text())
    processes.stop(process, seconds=1.0)  # the shell ignores SIGTERM: killed, with its group
    assert process.returncode == -signal.SIGKILL
    assert wait_gone(grandchild)


def test_a_child_dies_with_its_parent_even_when_the_parent_is_killed(tmp_path: Path):
    pid_file = tmp_path / "child.pid"
    parent = textwrap.dedent(
        f"""
        import os, signal, time
        from pathlib import Path
        from dashboard.serve.processes import spawn
        child = spawn(["sleep", "300"], Path({str(tmp_path / "child.log")!r}))
        Path({str(pid_file)!r}).write_text(str(child.pid))
        time.sleep(300)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", parent], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(pid_file.read_text())
        assert alive(child)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        assert wait_gone(child), "the child outlived its killed parent"
    finally:
        if process.poll() is None:
            process.kill()
