"""`serve`'s temporary folder, marked as its own: a name that starts with `dashboard-serve-`
and a file `owner` with the pid and start time of the process that made it. A `serve` that was
killed cannot remove its folder; the next one removes every such folder of this user whose
owner is gone, and no other."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "dashboard-serve-"
OWNER = "owner"


def started(pid: int) -> str:
    """When the process started (clock ticks since boot, from /proc), or '' when unknown; with
    the pid it tells a process from a later one that was given the same pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()  # the name, in parentheses, may hold spaces
    return fields[19] if len(fields) > 19 else ""


def alive(pid: int, start: str) -> bool:
    """Whether the process that wrote (pid, start) still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: alive
    now = started(pid)
    return not (start and now and now != start)


def make(root: Path | None = None) -> Path:
    """A new temporary folder, marked with this process as its owner."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
    pid = os.getpid()
    (folder / OWNER).write_text(f"{pid} {started(pid)}\n", encoding="ascii")
    return folder


def remove_stale(root: Path | None = None) -> list[Path]:
    """Remove the folders of `serve`s that are gone (this user's only); return them."""
    root = Path(root or tempfile.gettempdir())
    removed = []
    for folder in sorted(root.glob(f"{PREFIX}*")):
        owner = _owner(folder)
        if owner is None or owner[0] == os.getpid() or alive(*owner):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _owner(folder: Path) -> tuple[int, str] | None:
    """(pid, start) from a folder of this user that `make` marked; None for any other."""
    with contextlib.suppress(OSError, ValueError):
        if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
            return None
        pid, _, start = (folder / OWNER).read_text(encoding="ascii").strip().partition(" ")
        return (int(pid), start.strip()) if int(pid) > 0 else None
    return None
