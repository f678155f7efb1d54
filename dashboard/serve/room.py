"""The running room of `serve`: its replicas and nginx, started in order, watched, stopped."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from dashboard.serve import nginx
from dashboard.serve.processes import (
    HEALTH_PATH,
    NotReady,
    exit_description,
    free_port,
    host_port,
    spawn,
    stop,
    tail,
    wait_healthy,
    wait_ready,
)
from dashboard.serve.replicas import START_SECONDS, Replica
from dashboard.serve.warmup import warm

WATCH_EVERY = 1.0  # seconds between two looks at the processes
WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1"}  # every interface → this machine's own address


@dataclass(frozen=True)
class Options:
    """What `serve` was asked for."""

    replicas: int
    port: int
    host: str = "0.0.0.0"
    data: tuple[Path, ...] | None = None  # layered package folders; None: $DASHBOARD_DATA or data/
    nginx_binary: str | None = None
    warm: bool = True  # open each replica's first page before serving (the package loaded)


def environment(options: Options) -> dict[str, str]:
    """Every replica's environment: the data package, and one cookie secret shared by all, so
    a cookie signed by one replica is valid on the others."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env["STREAMLIT_SERVER_COOKIE_SECRET"] = secrets.token_hex(32)
    if options.data:
        env["DASHBOARD_DATA"] = ":".join(str(folder.resolve()) for folder in options.data)
    return env


class Room:
    """The running processes: the replicas and nginx, watched until `stopping` is set."""

    def __init__(self, options: Options, binary: str, folder: Path, say: Callable[[str], None]):
        self.options, self.binary, self.folder, self.say = options, binary, folder, say
        self.stopping = threading.Event()
        env = environment(options)
        self.replicas = [
            Replica(n, free_port(), folder / f"replica-{n}.log", env)
            for n in range(1, options.replicas + 1)
        ]
        self.site = nginx.Site(
            listen_host=options.host,
            listen_port=options.port,
            replicas=tuple(r.address for r in self.replicas),
            folder=folder,
            user=nginx.worker_user(),
        )
        self.nginx: subprocess.Popen | None = None
        self.announced = {replica.number for replica in self.replicas}  # said to be ready

    def start(self) -> bool:
        """Start the replicas, wait for each to answer, then nginx; False if stopped or failed."""
        data = self.replicas[0].env.get("DASHBOARD_DATA") or "the bundled data/"
        self.say(f"starting {self.counted()} of the dashboard on {data}")
        for replica in self.replicas:
            replica.start()
        for replica in self.replicas:  # all start at once; the slowest sets the pace
            try:
                if not wait_ready(
                    replica.check,
                    replica.process,
                    START_SECONDS,
                    [replica.log],
                    f"replica {replica.number}",
                    self.stopping,
                    since=replica.started,
                ):
                    return False
            except NotReady as failure:
                self._report(failure)
                return False
            self.say(f"replica {replica.number} ready on {replica.address} (pid {replica.pid})")
        if self.options.warm and not self._warm(self.replicas):
            return False
        nginx.write(self.site)
        try:
            nginx.check(self.binary, self.site)
        except nginx.NginxError as exc:
            self.say(f"error: {exc}")
            return False
        self._start_nginx()
        for replica in self.replicas:
            replica.watch(self.stopping)
        if not self._wait_for_nginx():
            return False
        where = f"configuration and logs in {self.folder}"
        self.say(f"nginx (pid {self.nginx.pid}) on {self.site.listen}; {where}")
        for url in self.urls():
            self.say(f"serving {url} (Ctrl-C stops)")
        return True

    def _warm(self, replicas: list[Replica]) -> bool:
        """Open each replica's first page at once (the package loads in each); False if stopped
        meanwhile. A replica whose page does not open still serves: it loads on its first
        viewer."""
        with ThreadPoolExecutor(len(replicas)) as pool:
            pending = {pool.submit(warm, r.address): r for r in replicas}
            while pending and not self.stopping.is_set():
                done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    replica, seconds = pending.pop(future), future.result()
                    if seconds is None:
                        self.say(f"replica {replica.number}: its first page did not open")
                    else:
                        self.say(f"replica {replica.number} warmed: first page in {seconds:.1f} s")
        return not self.stopping.is_set()

    def counted(self) -> str:
        """'1 replica', '2 replicas'."""
        count = len(self.replicas)
        return f"{count} replica" + ("s" if count != 1 else "")

    def urls(self) -> list[str]:
        """Where viewers open it; the last one is on this machine."""
        host, port = self.options.host, self.options.port
        if host in WILDCARDS:
            here = host_port(WILDCARDS[host], port)
            return [f"http://{host_port(socket.gethostname(), port)}/", f"http://{here}/"]
        return [f"http://{host_port(host, port)}/"]

    def _report(self, failure: NotReady) -> None:
        first, *lines = str(failure).splitlines()
        self.say(f"error: {first}")
        for line in lines:
            self.say(line)

    def _start_nginx(self) -> None:
        self.nginx = spawn(nginx.command(self.binary, self.site), self.folder / "nginx.out")

    def _wait_for_nginx(self) -> bool:
        logs = [self.site.error_log, self.folder / "nginx.out"]
        try:
            return wait_healthy(
                self.urls()[-1] + HEALTH_PATH.lstrip("/"),
                self.nginx,
                30,
                logs,
                "nginx",
                self.stopping,
            )
        except NotReady as failure:
            self._report(failure)
            return False

    def watch(self) -> None:
        """Until stopped: report and restart a replica that died or stopped answering, and
        nginx if it died."""
        while not self.stopping.wait(WATCH_EVERY):
            now = time.monotonic()
            for replica in self.replicas:
                self._look_at(replica, now)
            if self.nginx is not None and self.nginx.poll() is not None:
                how = exit_description(self.nginx.returncode)
                self.say(f"nginx (pid {self.nginx.pid}) stopped ({how}); restarting it")
                for line in tail(self.site.error_log, 4):
                    self.say(f"  {line}")
                stop(self.nginx)
                self._start_nginx()
                self.say(f"nginx restarted (pid {self.nginx.pid})")

    def _look_at(self, replica: Replica, now: float) -> None:
        code = replica.exited()
        if code is not None:
            name = f"replica {replica.number} (pid {replica.pid})"
            self.say(f"{name} died ({exit_description(code)}); its last lines:")
            for line in tail(replica.log, 4):
                self.say(f"  {line}")
            stop(replica.process)
            delay = replica.schedule_restart(now)
            self.say(f"restarting replica {replica.number} in {delay:.0f} s")
        elif replica.unresponsive(now):
            name = f"replica {replica.number} (pid {replica.pid})"
            self.say(f"{name} stopped answering {HEALTH_PATH}; restarting it")
            replica.stop()
            replica.schedule_restart(now)
        if replica.restart_at is not None and now >= replica.restart_at:
            replica.start()
            self.announced.discard(replica.number)
            self.say(f"replica {replica.number} restarted on {replica.address} (pid {replica.pid})")
        elif replica.ready and replica.number not in self.announced:
            self.announced.add(replica.number)
            self.say(f"replica {replica.number} ready again (pid {replica.pid})")
            if self.options.warm:
                threading.Thread(target=self._warm, args=([replica],), daemon=True).start()

    def stop(self) -> None:
        """Stop nginx first (no new requests), then every replica; leave nothing running."""
        self.stopping.set()
        if self.nginx is not None:
            stop(self.nginx)
        for replica in self.replicas:
            replica.stop()
