"""`python -m dashboard serve`: N app processes on loopback ports behind nginx, in the foreground.

nginx (configuration from `nginx.conf.j2`, written into a temporary folder with its logs) keeps
each viewer on one replica by a cookie-keyed hash. The command checks every replica's
`/_stcore/health`, reports and restarts a replica (or nginx) that dies or stops answering, and on
Ctrl-C, SIGTERM or SIGHUP stops every process it started, then removes the folder; the folder of
a `serve` that was killed is removed by the next one (`scratch.py`).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable

from dashboard.config import MAX_REPLICAS
from dashboard.serve import nginx, scratch
from dashboard.serve.processes import listen_problem
from dashboard.serve.room import Options, Room


class ServeError(Exception):
    """The room cannot be served as asked; the message says why and what to do."""


def _say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def preflight(options: Options) -> str:
    """Check everything that can be checked before starting anything; return nginx's path."""
    if not 1 <= options.replicas <= MAX_REPLICAS:
        raise ServeError(f"--replicas must be between 1 and {MAX_REPLICAS}")
    if not 1 <= options.port <= 65535:
        raise ServeError("--port must be between 1 and 65535")
    for folder in options.data or ():
        if not folder.is_dir():
            raise ServeError(f"{folder}: not a folder (--data)")
    try:
        binary = nginx.find_nginx(options.nginx_binary)
    except nginx.NginxError as exc:
        raise ServeError(str(exc)) from None
    problem = listen_problem(options.host, options.port)
    if problem:
        raise ServeError(f"{problem}: choose another --port or --host")
    return binary


def serve(options: Options, say: Callable[[str], None] = _say) -> int:
    """Run the room in the foreground until Ctrl-C, SIGTERM or SIGHUP; return the exit code."""
    binary = preflight(options)
    for stale in scratch.remove_stale():
        say(f"removed {stale}, the temporary folder of a serve that was killed")
    folder = scratch.make()
    try:
        if os.geteuid() == 0:
            folder.chmod(0o711)  # nginx's unprivileged workers reach their temporary folders
        room = Room(options, binary, folder, say)
        previous = {
            sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
        }
        interrupted = []

        def stop_room(signum: int, _frame: object) -> None:
            interrupted.append(signum)
            room.stopping.set()

        for sig in previous:
            signal.signal(sig, stop_room)
        try:
            started = room.start()
            if started:
                room.watch()
        finally:
            room.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        replicas = room.counted()
        say(f"stopped nginx and {replicas}" if room.nginx else f"stopped {replicas}")
        return 0 if started or interrupted else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
