"""One app process of `serve`: started, health-checked, restarted when it dies."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.config import ROOT
from dashboard.serve.processes import health_url, healthy, spawn, stop, streamlit_command

APP = ROOT / "app.py"
HEALTH_EVERY = 5.0  # seconds between two health checks of a running replica
HEALTH_TIMEOUT = 10.0  # a replica busy with a room's first renders may answer slowly
UNHEALTHY_AFTER = 60.0  # seconds without a healthy answer before a started replica is replaced
START_SECONDS = 120.0  # from process start to its first healthy answer
QUICK_EXIT = 60.0  # a replica that dies sooner than this after starting is restarted with backoff
MAX_BACKOFF = 30.0


def replica_command(port: int) -> list[str]:
    """`streamlit run app.py` on one loopback port, the repository's settings applied."""
    return streamlit_command(APP, port)


@dataclass(eq=False)  # each replica is one process: compared and hashed by identity
class Replica:
    """App process number `number` on 127.0.0.1:`port`, its output in `log`."""

    number: int
    port: int
    log: Path
    env: Mapping[str, str]
    process: subprocess.Popen | None = None
    started: float = 0.0
    ready: bool = False  # answered its health check since it was (re)started
    last_healthy: float = 0.0
    quick_exits: int = 0
    restart_at: float | None = None
    _checker: threading.Thread | None = field(default=None, repr=False)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def health_url(self) -> str:
        return health_url(self.address)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> None:
        """Start (or restart) the process on the same port, so nginx's configuration holds."""
        self.process = spawn(replica_command(self.port), self.log, self.env, ROOT)
        self.started = time.monotonic()
        self.ready = False
        self.last_healthy = 0.0
        self.restart_at = None

    def check(self) -> bool:
        """One health check; remembers when it last succeeded."""
        ok = healthy(self.health_url, HEALTH_TIMEOUT)
        if ok:
            self.last_healthy = time.monotonic()
            self.ready = True
        return ok

    def watch(self, stopping: threading.Event) -> None:
        """Check health in a background thread every HEALTH_EVERY seconds until `stopping`."""

        def loop() -> None:
            while not stopping.wait(HEALTH_EVERY):
                if self.process is not None and self.process.poll() is None:
                    self.check()

        self._checker = threading.Thread(target=loop, name=f"health-{self.number}", daemon=True)
        self._checker.start()

    def exited(self) -> int | None:
        """The exit code when the process has ended, else None."""
        return None if self.process is None else self.process.poll()

    def unresponsive(self, now: float) -> bool:
        """Running, but no healthy answer for UNHEALTHY_AFTER seconds (or never, after
        START_SECONDS)."""
        if self.process is None or self.process.poll() is not None:
            return False
        if not self.ready:
            return now - self.started > START_SECONDS
        return now - self.last_healthy > UNHEALTHY_AFTER

    def schedule_restart(self, now: float) -> float:
        """Plan the next start after an exit; return the delay. Quick repeated exits back off
        (1, 2, 4 … 30 s) so a replica that cannot start does not spin."""
        if now - self.started < QUICK_EXIT:
            self.quick_exits += 1
            delay = min(2.0 ** (self.quick_exits - 1), MAX_BACKOFF)
        else:
            self.quick_exits = 0
            delay = 0.0
        self.process = None
        self.ready = False
        self.restart_at = now + delay
        return delay

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
