"""Load a data package into typed frames, with every problem found on the way; keep serving the
last whole package while its files are being replaced."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.datapackage.dates import period_start
from dashboard.datapackage.folders import describe, file_stamps, package_name
from dashboard.datapackage.layers import layers_of
from dashboard.datapackage.problems import ERROR, Problem
from dashboard.datapackage.schema import TABLES_BY_NAME
from dashboard.datapackage.validation import validate_package

MISSING, EMPTY, CUT = "missing", "empty", "cut short"  # how a file being written looks


@dataclass(frozen=True)
class Held:
    """A newer version of the package's files that looks half-written, and since when."""

    since: datetime  # when it was first seen (UTC)
    files: tuple[str, ...]  # the files that look unfinished


@dataclass(frozen=True)
class DataPackage:
    """Valid rows of every table as DataFrames, and the problems that left rows out."""

    folder: str
    tables: dict[str, pd.DataFrame]
    problems: tuple[Problem, ...]
    skipped: int
    version: tuple = ()  # the folder and file stamps it was read from: a key for caches
    name: str = ""  # what viewers are told: the folders' names, never where they are
    unfinished: tuple[tuple[str, str], ...] = ()  # (file, MISSING | EMPTY | CUT)
    read_at: datetime | None = None  # when it was read (UTC)
    held: Held | None = None  # set when served in place of newer, half-written files

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)


def with_starts(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Each date column of the typed frame gains `<col>_ts`, the start of its period."""
    table = TABLES_BY_NAME[name]
    for column in table.date_columns:
        frame[f"{column}_ts"] = period_start(frame[column])
    return frame


def unfinished(problems, endings) -> tuple[tuple[str, str], ...]:
    """Files that look like a write in progress: missing, empty, or cut short (no line break at
    the end, and an error on the last line)."""
    found = []
    for problem in problems:
        if problem.line is None and problem.message == "file is missing":
            found.append((problem.file, MISSING))
        elif problem.line is None and problem.message.startswith("file is empty"):
            found.append((problem.file, EMPTY))
    last = {(p.file, p.line) for p in problems if p.severity == ERROR and p.line is not None}
    found += [(file, CUT) for file, lines, whole in endings if not whole and (file, lines) in last]
    return tuple(sorted(set(found)))


def load_package(folder: Path | str | tuple[Path, ...]) -> DataPackage:
    """Read and validate every table of the folder (or layered folders); never raises."""
    folders = layers_of(folder)
    version = (describe(folders), file_stamps(folders))
    read_at = datetime.now(UTC)
    results = validate_package(folders)
    problems = tuple(p for r, _ in results.values() for p in r.problems)
    return DataPackage(
        folder=describe(folders),
        tables={name: with_starts(name, typed) for name, (_, typed) in results.items()},
        problems=problems,
        skipped=sum(r.skipped for r, _ in results.values()),
        version=version,
        name=package_name(folders),
        unfinished=unfinished(problems, [e for r, _ in results.values() for e in r.endings]),
        read_at=read_at,
    )


class LastGood:
    """The last whole package of each location, served while newer files look half-written.

    One per process, shared by every session: a lock guards it. A package is whole unless it
    has a sign of a write in progress (`unfinished`) that the last whole one did not have.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._good: dict[str, DataPackage] = {}
        self._since: dict[str, datetime] = {}

    def serve(self, fresh: DataPackage) -> DataPackage:
        """`fresh` when it is whole (it becomes the last whole one), else the last whole one,
        marked as held back."""
        with self._lock:
            good = self._good.get(fresh.folder)
            known = set(good.unfinished) if good is not None else set(fresh.unfinished)
            new = sorted({file for file, _ in set(fresh.unfinished) - known})
            if good is None or not new or good.version == fresh.version:
                self._good[fresh.folder] = fresh
                self._since.pop(fresh.folder, None)
                return fresh
            since = self._since.setdefault(fresh.folder, datetime.now(UTC))
            return replace(good, held=Held(since, tuple(new)))

    def clear(self) -> None:
        """Forget every package (tests; a data folder switched at run time)."""
        with self._lock:
            self._good.clear()
            self._since.clear()
