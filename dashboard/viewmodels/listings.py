"""The sources and data-quality listings: whole display frames, searched, sorted and paged."""

from __future__ import annotations

import pandas as pd

from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging
from dashboard.derive.coverage import checked_table, organization_records, summary_line
from dashboard.derive.display import problem_table, source_table
from dashboard.derive.filters import filter_by_text

SOURCE_ORDERS = {"id": "Id", "title": "Title", "publisher": "Publisher", "cited": "Cited by"}
SOURCE_DEFAULT = {"sources-sort": "id", "sources-order": "asc"}
PROBLEM_ORDERS = {"file": "File and line", "severity": "Severity", "column": "Column"}
PROBLEM_DEFAULT = {"dq-sort": "file", "dq-order": "asc"}
SOURCE_KEYS: dict[str, paging.SortKey] = {
    "id": lambda rows: rows["id"],
    "title": lambda rows: rows["Title"].str.lower(),
    "publisher": lambda rows: rows["Publisher"].str.lower(),
    "cited": lambda rows: rows["Cited by"],
}
PROBLEM_KEYS: dict[str, paging.SortKey] = {
    "file": lambda rows: rows["file"] + "\x00" + rows["line"].fillna(0).map("{:09d}".format),
    "severity": lambda rows: rows["severity"],
    "column": lambda rows: rows["column"].fillna(""),
}


def _same(rows: pd.DataFrame) -> pd.DataFrame:
    return rows


def sources(pkg: DataPackage, query: str) -> pd.DataFrame:
    """Every source with the rows that cite it, searched by title, publisher, id or row."""
    return filter_by_text(source_table(pkg), ("id", "Title", "Publisher", "Rows"), query)


def checks(pkg: DataPackage) -> tuple[str, str, str, pd.DataFrame]:
    """The package's checked-up-to date, the latest source read, a summary line, and each
    organization's coverage and check date."""
    records = organization_records(pkg)
    accessed = pkg["sources"]["accessed"]
    latest = accessed[accessed != ""].max() if (accessed != "").any() else ""
    return records.checked, latest, summary_line(records), checked_table(records)


def sources_page(
    pkg: DataPackage, shown: pd.DataFrame, query: str, order: str, descending: bool
) -> paging.TablePage:
    del pkg, query  # cache key
    return paging.first_page(shown, SOURCE_KEYS, order, descending, _same)


def problem_files(pkg: DataPackage) -> list[str]:
    """The files that have a problem."""
    return sorted({p.file for p in pkg.problems})


def problems(pkg: DataPackage, files: tuple[str, ...]) -> pd.DataFrame:
    """Every problem of the chosen files."""
    found = problem_table(pkg)
    return found[found["file"].isin(files)]


def problems_page(
    pkg: DataPackage, shown: pd.DataFrame, files: tuple[str, ...], order: str, descending: bool
) -> paging.TablePage:
    del pkg, files  # cache key
    return paging.first_page(shown, PROBLEM_KEYS, order, descending, _same)


def csv(shown: pd.DataFrame, keys: dict, order: str, descending: bool) -> bytes:
    """Every row of a listing, in the chosen order, as CSV."""
    return paging.all_rows_csv(shown, keys, order, descending, _same)
