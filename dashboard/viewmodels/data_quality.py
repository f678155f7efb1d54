"""What the data-quality page shows: every problem the validator found, by file, line, column."""

from __future__ import annotations

import pandas as pd

from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging
from dashboard.derive.display import problem_table
from dashboard.viewmodels.shared import shared

LISTING = paging.Listing(
    "problems",
    {
        "file": lambda rows: rows["file"] + "\x00" + rows["line"].fillna(0).map("{:09d}".format),
        "severity": lambda rows: rows["severity"],
        "column": lambda rows: rows["column"].fillna(""),
    },
    {"file": "File and line", "severity": "Severity", "column": "Column"},
    ("file", "asc"),
    counts=("{n:,} problem", "{n:,} problems"),
)


@shared()
def files(pkg: DataPackage) -> list[str]:
    """The files that have a problem."""
    return sorted({p.file for p in pkg.problems})


@shared()
def rows(pkg: DataPackage, chosen: tuple[str, ...]) -> pd.DataFrame:
    """Every problem of the chosen files."""
    found = problem_table(pkg)
    return found[found["file"].isin(chosen)]
