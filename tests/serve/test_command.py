"""`serve` before and around the room: what it refuses and how it says so, and a replica that
cannot start."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.serve import command, processes, scratch
from dashboard.serve.warmup import warm
from tests.conftest import ROOT
from tests.serve.test_scratch import killed_owner_folder


def options(**changes) -> command.Options:
    given = {"replicas": 2, "port": processes.free_port(), "host": "127.0.0.1"}
    return command.Options(**(given | changes))


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
    with pytest.raises(command.ServeError, match=message):
        command.preflight(chosen)


def test_preflight_refuses_a_port_in_use(fake_nginx: str):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(
            command.ServeError, match=f"port {port} on 127.0.0.1 is in use: choose another --port"
        ):
            command.preflight(options(port=port, nginx_binary=fake_nginx))


def test_preflight_returns_the_nginx_to_use(fake_nginx: str):
    assert command.preflight(options(nginx_binary=fake_nginx)) == fake_nginx


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


def test_a_replica_that_cannot_start_is_reported_with_its_log(
    monkeypatch: pytest.MonkeyPatch, fake_nginx: str
):
    def broken(port: int) -> list[str]:
        return ["sh", "-c", f"echo 'cannot serve port {port}: boom'; exit 3"]

    monkeypatch.setattr("dashboard.serve.replicas.replica_command", broken)
    said: list[str] = []
    assert command.serve(options(replicas=1, nginx_binary=fake_nginx), said.append) == 1
    assert "error: replica 1 did not start (exit code 3); its last lines:" in said
    assert any("boom" in line for line in said)
    assert said[-1] == "stopped 1 replica"


def test_serve_removes_the_folder_a_killed_serve_left_and_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_nginx: str
):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    stale = killed_owner_folder(tmp_path)
    live = scratch.make(tmp_path)  # this process's: a serve still running
    monkeypatch.setattr("dashboard.serve.replicas.replica_command", lambda _: ["false"])
    said: list[str] = []
    assert command.serve(options(replicas=1, nginx_binary=fake_nginx), said.append) == 1
    assert said[0] == f"removed {stale}, the temporary folder of a serve that was killed"
    assert sorted(tmp_path.glob("dashboard-serve-*")) == [live]  # and serve's own is gone


def test_cli_options_reach_serve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    given = []
    monkeypatch.setattr("dashboard.serve.command.serve", lambda options: given.append(options) or 0)
    argv = ["serve", "--replicas", "3", "--port", "9000", "--host", "127.0.0.1"]
    assert main([*argv, "--data", f"{tmp_path}:{tmp_path}", "--no-warmup"]) == 0
    assert given[-1] == command.Options(3, 9000, "127.0.0.1", (tmp_path, tmp_path), None, False)
    assert main(["serve"]) == 0
    assert given[-1].warm is True
    assert given[-1].port == 8501
    assert given[-1].host == "0.0.0.0"


def test_warming_a_replica_that_is_not_there_gives_up_quietly():
    assert warm(f"127.0.0.1:{processes.free_port()}", seconds=10) is None


def test_warming_works_beside_a_running_event_loop():
    """As when called from a thread that already drives asyncio (Playwright's sync API does)."""

    async def inside() -> float | None:
        return warm(f"127.0.0.1:{processes.free_port()}", seconds=10)

    # the loop runs in a thread of the test's own: this one may already drive Playwright's
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, inside()).result() is None
