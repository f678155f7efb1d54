"""Load a data package into typed frames, with every problem found on the way."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.dates import period_start
from dashboard.layers import SEPARATOR, layers_of
from dashboard.problems import ERROR, Problem
from dashboard.schema import TABLES, TABLES_BY_NAME
from dashboard.validation import validate_package

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_VARIABLE = "DASHBOARD_DATA"


@dataclass(frozen=True)
class DataPackage:
    """Valid rows of every table as DataFrames, and the problems that left rows out."""

    folder: str
    tables: dict[str, pd.DataFrame]
    problems: tuple[Problem, ...]
    skipped: int
    version: tuple = ()  # the folder and file stamps it was read from: a key for caches

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)


def data_dir(environ: dict[str, str] | None = None) -> tuple[Path, ...]:
    """The package's folders: $DASHBOARD_DATA (`a:b` layers b over a), else the bundled `data/`."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(DATA_DIR_VARIABLE, "").strip()
    return layers_of(chosen) if chosen else (DEFAULT_DATA_DIR,)


def file_stamps(folders: Path | tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of each table file: a change invalidates the cache."""
    stamps = []
    for folder in layers_of(folders):
        for table in TABLES:
            path = folder / table.file
            try:
                stat = path.stat()
                stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
            except OSError:
                stamps.append((str(path), -1, -1))
    return tuple(stamps)


def describe(folders: tuple[Path, ...]) -> str:
    """The folders as one location, as $DASHBOARD_DATA writes it."""
    return SEPARATOR.join(str(f) for f in folders)


def with_starts(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Each date column of the typed frame gains `<col>_ts`, the start of its period."""
    table = TABLES_BY_NAME[name]
    for column in table.date_columns:
        frame[f"{column}_ts"] = period_start(frame[column])
    return frame


def load_package(folder: Path | str | tuple[Path, ...]) -> DataPackage:
    """Read and validate every table of the folder (or layered folders); never raises."""
    folders = layers_of(folder)
    version = (describe(folders), file_stamps(folders))
    results = validate_package(folders)
    problems = tuple(p for r, _ in results.values() for p in r.problems)
    return DataPackage(
        folder=describe(folders),
        tables={name: with_starts(name, typed) for name, (_, typed) in results.items()},
        problems=problems,
        skipped=sum(r.skipped for r, _ in results.values()),
        version=version,
    )
