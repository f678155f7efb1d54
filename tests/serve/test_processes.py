"""Child processes tied to their parent, stopped with their group; exit codes and log tails."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from dashboard.serve import processes
from tests.conftest import ROOT, alive
from tests.waiting import wait_for


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


def written_pid(path: Path) -> int:
    """The pid a child writes to `path`, once it has."""
    text = wait_for(lambda: path.exists() and path.read_text().strip(), f"a pid in {path.name}")
    return int(text)


def test_stop_ends_the_whole_process_group(tmp_path: Path):
    pids = tmp_path / "pids"
    script = f"sleep 300 & echo $! > {pids}; trap '' TERM; wait"
    process = processes.spawn(["sh", "-c", script], tmp_path / "sh.log")
    grandchild = written_pid(pids)
    processes.stop(process, seconds=1.0)  # the shell ignores SIGTERM: killed, with its group
    assert process.returncode == -signal.SIGKILL
    wait_for(lambda: not alive(grandchild), "the shell's child to end with its group", 10)


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
        child = written_pid(pid_file)
        assert alive(child)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        wait_for(lambda: not alive(child), "the child to end with its killed parent", 10)
    finally:
        if process.poll() is None:
            process.kill()


def test_streamlit_command_runs_headless_on_loopback_with_the_callers_settings():
    command = processes.streamlit_command("app.py", 8600, "--server.fileWatcherType", "none")
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", "app.py"]
    settings = dict(zip(command[5::2], command[6::2], strict=True))
    assert settings == {
        "--server.address": "127.0.0.1",
        "--server.port": "8600",
        "--server.headless": "true",
        "--browser.gatherUsageStats": "false",
        "--server.fileWatcherType": "none",
    }
    assert processes.health_url("127.0.0.1:8600") == "http://127.0.0.1:8600/_stcore/health"


def test_wait_ready_returns_once_ready(tmp_path: Path):
    process = processes.spawn(["sleep", "30"], tmp_path / "sleep.log")
    looks = iter([False, False, True])
    try:
        assert processes.wait_ready(lambda: next(looks), process, 10) is True
    finally:
        processes.stop(process)


def test_wait_ready_reports_an_ended_process_with_its_log(tmp_path: Path):
    log = tmp_path / "server.log"
    process = processes.spawn(["sh", "-c", "echo 'Traceback: boom'; exit 3"], log)
    with pytest.raises(processes.NotReady) as failure:
        processes.wait_ready(lambda: False, process, 30, [log], "streamlit")
    assert failure.value.why == "streamlit did not start (exit code 3)"
    assert failure.value.lines == ["Traceback: boom"]
    assert str(failure.value) == (
        "streamlit did not start (exit code 3); its last lines:\n  Traceback: boom"
    )


def test_wait_ready_gives_up_at_the_deadline_or_when_stopped(tmp_path: Path):
    process = processes.spawn(["sleep", "30"], tmp_path / "sleep.log")
    try:
        with pytest.raises(processes.NotReady, match=r"did not start \(no answer in 1 s\)$"):
            processes.wait_ready(lambda: False, process, 1.0)
        stopping = threading.Event()
        stopping.set()
        assert processes.wait_ready(lambda: False, process, 30, stopping=stopping) is False
    finally:
        processes.stop(process)


def test_wait_healthy_waits_for_a_200_from_the_health_check(tmp_path: Path):
    (tmp_path / "_stcore").mkdir()
    (tmp_path / "_stcore" / "health").write_text("ok")
    port = processes.free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    process = processes.spawn([*command, "--directory", str(tmp_path)], tmp_path / "http.log")
    try:
        url = processes.health_url(f"127.0.0.1:{port}")
        assert processes.wait_healthy(url, process, 30) is True
        with pytest.raises(processes.NotReady, match="no answer"):  # 404 is not healthy
            processes.wait_healthy(url.replace("health", "missing"), process, 1.0)
    finally:
        processes.stop(process)


def test_start_streamlit_returns_a_healthy_server_or_stops_it(tmp_path: Path):
    script = tmp_path / "one.py"
    script.write_text('import streamlit as st\n\nst.write("one")\n')
    port = processes.free_port()
    process = processes.start_streamlit(script, port, tmp_path / "one.log", None, tmp_path, 60)
    try:
        assert processes.healthy(processes.health_url(f"127.0.0.1:{port}"))
    finally:
        processes.stop(process)
    with pytest.raises(processes.NotReady, match=r"missing\.py did not start \(exit code 2\)"):
        processes.start_streamlit(tmp_path / "missing.py", port, tmp_path / "m.log", None, None, 60)
