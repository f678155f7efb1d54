"""What the sources page shows: how current the package is, and every source with its citers."""

from __future__ import annotations

import pandas as pd

from dashboard.datapackage.load import DataPackage
from dashboard.derive import paging
from dashboard.derive.coverage import checked_table, organization_records, summary_line
from dashboard.derive.display import source_table
from dashboard.derive.filters import filter_by_text
from dashboard.viewmodels.shared import shared

LISTING = paging.Listing(
    "sources",
    {
        "id": lambda rows: rows["id"],
        "title": lambda rows: rows["Title"].str.lower(),
        "publisher": lambda rows: rows["Publisher"].str.lower(),
        "cited": lambda rows: rows["Cited by"],
    },
    {"id": "Id", "title": "Title", "publisher": "Publisher", "cited": "Cited by"},
    ("id", "asc"),
    counts=("{n:,} source", "{n:,} sources"),
)


@shared()
def rows(pkg: DataPackage, query: str) -> pd.DataFrame:
    """Every source with the rows that cite it, searched by title, publisher, id or row."""
    return filter_by_text(source_table(pkg), ("id", "Title", "Publisher", "Rows"), query)


@shared()
def checks(pkg: DataPackage) -> tuple[str, str, str, pd.DataFrame]:
    """The package's checked-up-to date, the latest source read, a summary line, and each
    organization's coverage and check date."""
    records = organization_records(pkg)
    accessed = pkg["sources"]["accessed"]
    latest = accessed[accessed != ""].max() if (accessed != "").any() else ""
    return records.checked, latest, summary_line(records), checked_table(records)
