"""`python -m dashboard serve` run in the background, for benchmarks and tests: started on a free
loopback port, what it started read from what it printed, stopped by a signal."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.serve.processes import NotReady, free_port, spawn, wait_ready

ROOT = Path(__file__).resolve().parents[1]
SERVE_START_SECONDS = 180.0


@dataclass
class Served:
    """`python -m dashboard serve` run in the background on a free loopback port, its output in
    `log`; `start()` waits until it serves and reads what it started from what it printed."""

    replicas: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)
    options: tuple[str, ...] = ()  # more options of `serve`, e.g. ("--no-warmup",)
    port: int = 0
    process: subprocess.Popen | None = None
    replica_pids: dict[int, int] = field(default_factory=dict)  # replica number → pid
    replica_addresses: dict[int, str] = field(default_factory=dict)  # number → 127.0.0.1:PORT
    nginx_pid: int = 0
    folder: Path | None = None  # its configuration and logs

    def start(self) -> Served:
        self.port = free_port()
        command = [sys.executable, "-m", "dashboard", "serve", "--replicas", str(self.replicas)]
        command += ["--port", str(self.port), "--host", "127.0.0.1", *self.options]
        self.log.write_bytes(b"")  # the log is appended to: only this run's lines
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.env}
        self.process = spawn(command, self.log, env, ROOT)
        try:
            wait_ready(self.serving, self.process, SERVE_START_SECONDS, [self.log], "serve")
        except NotReady:
            self.stop()
            raise
        self._read()
        return self

    def _read(self) -> None:
        text = self.output()
        for number, address, pid in re.findall(r"replica (\d+) ready on (\S+) \(pid (\d+)\)", text):
            self.replica_pids[int(number)] = int(pid)
            self.replica_addresses[int(number)] = address
        self.nginx_pid = int(re.search(r"nginx \(pid (\d+)\)", text).group(1))
        self.folder = Path(re.search(r"configuration and logs in (\S+)", text).group(1))

    def serving(self) -> bool:
        """Whether it has said it serves (after every replica was ready and nginx answered)."""
        return " serving http" in self.output()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def access_log(self) -> str:
        path = self.folder / "access.log" if self.folder else None
        return path.read_text(encoding="utf-8") if path and path.exists() else ""

    def stop(self, sig: int = signal.SIGTERM, seconds: float = 60.0) -> int | None:
        """Send `sig` and wait for the command to end; its exit code."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(seconds)
        return self.process.returncode

    def __enter__(self) -> Served:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
