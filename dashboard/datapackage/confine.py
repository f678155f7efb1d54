"""Confinement: a data file is read only when it is a regular file inside its package's folder
(a link is followed only while it stays there) and no larger than the limit for one file."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from dashboard.config import MAX_FILE_BYTES, MAX_FILE_LABEL

OUTSIDE = "file is a link to a place outside the data folder; it is not read"
SPECIAL = "file is not a regular file (a device, a pipe or another special file); it is not read"
TOO_LARGE = f"file is larger than {MAX_FILE_LABEL}, the limit for one data file; it is not read"
# O_NONBLOCK: opening a pipe that was swapped in after the checks must not wait for a writer.
FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """A data file that is not read; the message says why, as a problem record says it."""


def _check(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise Refused(SPECIAL)
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(TOO_LARGE)


def open_data_file(path: Path) -> BinaryIO:
    """Open a data file for reading once it is known to be safe to read.

    Raises FileNotFoundError when it is missing, Refused when it is a link out of its folder, a
    special file or too large, and OSError when it cannot be opened.
    """
    folder = path.parent.resolve()
    try:
        target = path.resolve(strict=True)
    except RuntimeError as exc:  # a loop of links (Python < 3.13)
        raise OSError(40, "too many levels of links") from exc
    if not target.is_relative_to(folder):
        raise Refused(OUTSIDE)
    _check(target.stat())
    fd = os.open(target, FLAGS)  # the resolved path: a link swapped in now is refused
    try:
        _check(os.fstat(fd))  # what was opened is what was checked
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(handle: BinaryIO) -> bytes:
    """The whole file from the start, refused if it has grown past the limit since it was opened."""
    handle.seek(0)
    data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Refused(TOO_LARGE)
    return data
