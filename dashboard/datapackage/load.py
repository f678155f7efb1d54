"""Load a data package into typed frames, with every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.datapackage.dates import period_start
from dashboard.datapackage.folders import describe, file_stamps
from dashboard.datapackage.layers import layers_of
from dashboard.datapackage.problems import ERROR, Problem
from dashboard.datapackage.schema import TABLES_BY_NAME
from dashboard.datapackage.validation import validate_package


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
