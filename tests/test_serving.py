"""`serve` without starting a room: what it refuses, and how it says so; replica restarts;
child processes that cannot outlive their parent."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dashboard import processes, serving
from dashboard.__main__ import main
from dashboard.replicas import MAX_BACKOFF, QUICK_EXIT, START_SECONDS, UNHEALTHY_AFTER, Replica
from tests.conftest import ROOT


def options(**changes) -> serving.Options:
    given = {"replicas": 2, "port": processes.free_port(), "host": "127.0.0.1"}
    return serving.Options(**(given | changes))


@pytest.fixture
def fake_nginx(tmp_path: Path) -> str:
    binary = tmp_path / "nginx"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    return str(binary)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"replicas": 0}, "--replicas must be between 1 and 32"),
        ({"replicas": 33}, "--replicas must be between 1 and 32"),
        ({"port": 0}, "--port must be between 1 and 65535"),
        ({"data": (Path("/no/such/package"),)}, "/no/such/package: not a folder"),
        ({"nginx_binary": "/no/such/nginx"}, "apt-get install nginx"),
        ({"host": "no-such-host.invalid"}, "no-such-host.invalid is not a known address"),
        ({"host": "192.0.2.1"}, "192.0.2.1 is not an address of this machine"),
    ],
)
def test_preflight_refuses_with_a_reason(changes: dict, message: str, fake_nginx: str):
    chosen = options(**({"nginx_binary": fake_nginx} | changes))
    with pytest.raises(serving.ServeError, match=message):
        serving.preflight(chosen)


def test_preflight_refuses_a_port_in_use(fake_nginx: str):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(
            serving.ServeError, match=f"port {port} on 127.0.0.1 is in use: choose another --port"
        ):
            serving.preflight(options(port=port, nginx_binary=fake_nginx))


def test_preflight_returns_the_nginx_to_use(fake_nginx: str):
    assert serving.preflight(options(nginx_binary=fake_nginx)) == fake_nginx


def test_cli_without_nginx_says_how_to_install_it(capsys: pytest.CaptureFixture):
    code = main(["serve", "--replicas", "1", "--nginx", "/no/such/nginx", "--host", "127.0.0.1"])
    said = capsys.readouterr()
    assert code == 2
    assert "apt-get install nginx" in said.err
    assert "Traceback" not in said.err + said.out


def test_cli_process_without_nginx_prints_no_traceback(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "serve", "--nginx", str(tmp_path / "nginx")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "apt-get install nginx" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_replica_gets_the_data_and_one_shared_cookie_secret(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    env = serving._environment(options(data=(first, second)))
    assert env["DASHBOARD_DATA"] == f"{first}:{second}"
    assert len(env["STREAMLIT_SERVER_COOKIE_SECRET"]) == 64
    room = serving.Room(options(data=(first,)), "nginx", tmp_path, print)
    assert len({r.port for r in room.replicas}) == 2
    assert len({r.env["STREAMLIT_SERVER_COOKIE_SECRET"] for r in room.replicas}) == 1
    assert room.site.replicas == tuple(r.address for r in room.replicas)


def test_urls_for_every_interface_and_one_address(tmp_path: Path):
    everywhere = serving.Room(options(host="0.0.0.0", port=8501), "nginx", tmp_path, print)
    assert everywhere.urls()[-1] == "http://127.0.0.1:8501/"
    assert len(everywhere.urls()) == 2
    local = serving.Room(options(host="::1", port=8501), "nginx", tmp_path, print)
    assert local.urls() == ["http://[::1]:8501/"]


def replica(tmp_path: Path, started: float = 0.0) -> Replica:
    one = Replica(1, 9001, tmp_path / "replica-1.log", {})
    one.started = started
    return one


def test_quick_exits_back_off_and_a_long_run_resets(tmp_path: Path):
    one = replica(tmp_path)
    delays = []
    for _ in range(7):
        delays.append(one.schedule_restart(one.started + 1.0))
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, MAX_BACKOFF, MAX_BACKOFF]
    one.started = 100.0
    assert one.schedule_restart(100.0 + QUICK_EXIT + 1) == 0.0
    assert one.restart_at == 100.0 + QUICK_EXIT + 1


class Running:
    """Stands for a live Popen."""

    pid = 1

    def poll(self) -> None:
        return None


@pytest.mark.parametrize(
    ("ready", "last_healthy", "now", "unresponsive"),
    [
        (False, 0.0, START_SECONDS - 1, False),  # still starting
        (False, 0.0, START_SECONDS + 1, True),  # never answered
        (True, 50.0, 50.0 + UNHEALTHY_AFTER - 1, False),
        (True, 50.0, 50.0 + UNHEALTHY_AFTER + 1, True),  # stopped answering
    ],
)
def test_unresponsive(tmp_path: Path, ready: bool, last_healthy: float, now: float, unresponsive):
    one = replica(tmp_path)
    one.process = Running()
    one.ready, one.last_healthy = ready, last_healthy
    assert one.unresponsive(now) is unresponsive


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


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


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
        from dashboard.processes import spawn
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


def test_a_replica_that_cannot_start_is_reported_with_its_log(
    monkeypatch: pytest.MonkeyPatch, fake_nginx: str
):
    def broken(port: int) -> list[str]:
        return ["sh", "-c", f"echo 'cannot serve port {port}: boom'; exit 3"]

    monkeypatch.setattr("dashboard.replicas.replica_command", broken)
    said: list[str] = []
    assert serving.serve(options(replicas=1, nginx_binary=fake_nginx), said.append) == 1
    assert "error: replica 1 did not start (exit code 3); its last lines:" in said
    assert any("boom" in line for line in said)
    assert said[-1] == "stopped 1 replica"
