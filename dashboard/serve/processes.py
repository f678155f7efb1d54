"""Child processes that cannot outlive their parent, loopback ports, `streamlit run` and health
checks, and waiting for a started server to answer."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h
STOP_SECONDS = 10.0
HEALTH_PATH = "/_stcore/health"  # Streamlit's own: 200 once the server takes sessions
POLL_EVERY = 0.3  # seconds between two looks at a starting server
POLL_TIMEOUT = 2.0  # one look's health check; a starting server answers at once or not at all
LOG_LINES = 20  # of a server's log, when it did not start: enough for a Python traceback
try:  # looked up once here, so the child only makes the call
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux: children are still stopped on a clean exit
    _PRCTL = None


def _die_with_parent() -> None:  # runs in the child between fork and exec
    """Ask Linux to send SIGTERM to this child when its parent dies, even by SIGKILL."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, int(signal.SIGTERM))


def spawn(
    command: Sequence[str], log: Path, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.Popen:
    """Start `command` in its own process group (a terminal's Ctrl-C reaches only the parent,
    which stops children in order), its output appended to `log`; it dies with its parent."""
    with log.open("ab") as output:
        return subprocess.Popen(
            list(command),
            cwd=cwd,
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )


def stop(process: subprocess.Popen, seconds: float = STOP_SECONDS) -> None:
    """SIGTERM, wait, then SIGKILL the process and whatever is left of its process group."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            process.wait(seconds)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # e.g. nginx workers left by a killed master


def host_port(host: str, port: int) -> str:
    """`host:port` as a URL or nginx's `listen` writes it (an IPv6 address in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on at `host`, chosen by the system."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def listen_problem(host: str, port: int) -> str | None:
    """Why a server could not listen on host:port now, in a few words; None if it could."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )[0]
    except (OSError, UnicodeError):
        return f"{host} is not a known address"
    with socket.socket(family, kind, protocol) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except PermissionError:
            return f"port {port} needs more privileges (ports below 1024 need root)"
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use"
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"{host} is not an address of this machine"
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def healthy(url: str, timeout: float = 5.0) -> bool:
    """Whether `url` answers 200 within `timeout` seconds."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status == 200
    except (OSError, ValueError):
        return False


def exit_description(code: int) -> str:
    """'exit code 1' or 'signal SIGKILL' for a Popen return code."""
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"signal {signal.Signals(-code).name}"
        return f"signal {-code}"
    return f"exit code {code}"


def tail(path: Path, lines: int = 8) -> list[str]:
    """The last lines of a log file ([] when there is none)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line for line in text.splitlines() if line.strip()][-lines:]


def streamlit_command(script: Path | str, port: int, *settings: str) -> list[str]:
    """`streamlit run script` headless on 127.0.0.1:`port`, no usage statistics, then `settings`."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *settings,
    ]


def health_url(address: str) -> str:
    """The health check of the Streamlit server (or nginx in front of one) at `host:port`."""
    return f"http://{address}{HEALTH_PATH}"


class NotReady(RuntimeError):
    """A started server ended, or did not answer in time: why, then its log's last lines."""

    def __init__(self, why: str, lines: list[str]):
        self.why, self.lines = why, lines
        head = f"{why}; its last lines:" if lines else why
        super().__init__("\n".join([head, *(f"  {line}" for line in lines)]))


def wait_ready(
    ready: Callable[[], bool],
    process: subprocess.Popen,
    seconds: float,
    logs: Sequence[Path] = (),
    what: str = "the server",
    stopping: threading.Event | None = None,
    since: float | None = None,
) -> bool:
    """Wait for `ready()` (True) or `stopping` (False); NotReady if `process` ends or time is up."""
    # `since`: when the process started, as time.monotonic() gives it, if not just now
    deadline = (time.monotonic() if since is None else since) + seconds
    pause = time.sleep if stopping is None else stopping.wait
    while stopping is None or not stopping.is_set():
        code = process.poll()
        if code is None and ready():
            return True
        if code is not None or time.monotonic() > deadline:
            why = f"no answer in {seconds:.0f} s" if code is None else exit_description(code)
            lines = [line for log in logs for line in tail(log, LOG_LINES)]
            raise NotReady(f"{what} did not start ({why})", lines)
        pause(POLL_EVERY)
    return False


def wait_healthy(
    url: str,
    process: subprocess.Popen,
    seconds: float,
    logs: Sequence[Path] = (),
    what: str = "the server",
    stopping: threading.Event | None = None,
) -> bool:
    """`wait_ready` until `url` (a health check) answers 200."""
    return wait_ready(lambda: healthy(url, POLL_TIMEOUT), process, seconds, logs, what, stopping)


def start_streamlit(
    script: Path | str,
    port: int,
    log: Path,
    env: Mapping[str, str] | None,
    cwd: Path | None,
    seconds: float,
    *settings: str,
) -> subprocess.Popen:
    """`streamlit_command` spawned, once healthy; stopped and NotReady (with its log) if never."""
    process = spawn(streamlit_command(script, port, *settings), log, env, cwd)
    try:
        wait_healthy(
            health_url(f"127.0.0.1:{port}"), process, seconds, [log], f"streamlit run {script}"
        )
    except NotReady:
        stop(process)
        raise
    return process
