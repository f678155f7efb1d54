"""Build a data package from the Correlates of War IGO data (v3): organizations, countries, spans.

Decisions (gap bridging, what an end year means, spans still recorded in the last year, states
with no ISO code, curated ids) are documented in data/README.md, section "A package imported
from the Correlates of War IGO data".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.config import COW_SOURCE_ID
from dashboard.cow.countries import cell_codes, column_codes, country_rows, is_former
from dashboard.cow.files import MAX_MIB, MIB, check_encoding
from dashboard.cow.reading import CowError, clean_igo, read_igo, read_mapping, read_states
from dashboard.cow.spans import MISSING, build_spans, years_text
from dashboard.datapackage.schema import TABLES_BY_NAME

STATUSES = {1: "member", 2: "associate_member", 3: "observer"}
KIND = "igo"
MAPPING_FILE = Path(__file__).with_name("mapping.csv")
SOURCE_ID = COW_SOURCE_ID
SOURCE = {
    "id": SOURCE_ID,
    "title": (
        "Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W McManus, and Anne Spencer Jamison. "
        '2020. "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 '
        'datasets." Journal of Peace Research 57(3): 492–503.'
    ),
    "publisher": "Correlates of War Project",
    "url": "https://correlatesofwar.org/data-sets/IGOs",
    "published": "2020",
    "accessed": "",
}
ORGANIZATION_COLUMNS = list(TABLES_BY_NAME["organizations"].columns)
BRIDGED = " bridged (same status before and after)"


@dataclass(frozen=True)
class CowPackage:
    """The package's tables, and what the import could not map."""

    tables: dict[str, pd.DataFrame]
    unmapped: pd.DataFrame  # by COW column: state_name, cells, first, last; states with no code
    curated: dict[str, str]  # COW ioname → our id, for the organizations found
    unused_mapping: tuple[str, ...]  # ionames of the mapping file that COW does not have
    final_year: int
    state_columns: int


def status_cells(
    igo: pd.DataFrame, columns: list[str], values: np.ndarray, codes: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cells with a status or missing data, by country code (one per year: the best status),
    and the status cells of columns that have no code."""
    rows, cols = np.nonzero((values > 0) | (values == MISSING))
    years = igo["year"].to_numpy()[rows]
    cells = pd.DataFrame(
        {
            "org": igo["ioname"].to_numpy()[rows],
            "iso3": cell_codes(cols, years, columns, codes),
            "year": years,
            "code": values[rows, cols],
            "column": np.asarray(columns, dtype=object)[cols],
        }
    )
    lost = cells[(cells["iso3"] == "") & (cells["code"] > 0)]
    # Two COW columns can share a code in one year (GFR and Germany in 1990): keep the status
    # 1 before 2 before 3 before missing data
    rank = cells["code"].where(cells["code"] != MISSING, 9)
    cells = (
        cells[cells["iso3"] != ""].assign(rank=rank).sort_values(["org", "iso3", "year", "rank"])
    )
    return cells.drop_duplicates(["org", "iso3", "year"])[["org", "iso3", "year", "code"]], lost


def slug(text: str) -> str:
    """An id from a COW short name: lowercase letters and digits joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def organizations_table(igo: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """One row per COW organization, under our id where the mapping names one."""
    years = igo.groupby("ioname", sort=False)["year"].agg(["min", "max"])
    first = igo.drop_duplicates("ioname").set_index("ioname")
    ids = pd.Series([mapping.get(n) or slug(n) for n in first.index], index=first.index)
    twice = ids[ids.duplicated(keep=False) | ids.eq("")]
    if not twice.empty:
        raise CowError(f"organizations {', '.join(twice.index)} would get the id '{twice.iat[0]}'")
    orgname = first["orgname"].fillna("").astype(str).str.strip()
    longname = first.get("longorgname", orgname).fillna("").astype(str).str.strip()
    dissolved = pd.to_numeric(first.get("deaddate"), errors="coerce")
    return pd.DataFrame(
        {
            "id": ids,
            "name": longname.where(longname != "", orgname),
            "short_name": first.index,
            "founded": first["sdate"].astype(str),
            "kind": KIND,
            "description": (
                orgname + ": organization " + first.index + " of the Correlates of War IGO "
                "data (v3), which records its members once a year, "
                + years_text(years["min"], years["max"])
                + "."
            ),
            "source_ids": SOURCE_ID,
            "dissolved": dissolved.map(lambda y: "" if pd.isna(y) else str(int(y))),
        },
        columns=ORGANIZATION_COLUMNS,
    ).fillna("")


def memberships_table(
    spans: pd.DataFrame, organizations: pd.DataFrame, final_year: int
) -> pd.DataFrame:
    """memberships.csv rows: year-precise spans; see data/README.md for what the years mean."""
    org = organizations.loc[spans["org"]]
    ids, dissolved = org["id"].to_numpy(), org["dissolved"].to_numpy() != ""
    status = spans["code"].map(STATUSES)
    left_open = (spans["last"] >= final_year).to_numpy() & ~dissolved
    start = spans["start"].astype(str)
    years = years_text(spans["start"], spans["last"])
    note = "COW IGO v3: " + status + " (code " + spans["code"].astype(str) + ") in " + years
    note += _clause(spans["bridged"], ", with missing data (-9) in ", BRIDGED)
    note += _clause(spans["missing_before"], "; missing data (-9) right before, in ", "")
    note += _clause(spans["missing_after"], "; missing data (-9) right after, in ", "")
    still = f"; still recorded in {final_year}, the last year COW covers, so left open"
    note += pd.Series(np.where(left_open, still, ""), index=spans.index)
    return pd.DataFrame(
        {
            "id": spans["iso3"].str.lower()
            + "-"
            + ids
            + "-"
            + status.str.replace("_", "-")
            + "-"
            + start,
            "country": spans["iso3"],
            "organization": ids,
            "status": status,
            "start_date": start,
            "end_date": (spans["last"] + 1).astype(str).where(~left_open, ""),
            "note": note + ".",
            "source_ids": SOURCE_ID,
        }
    ).sort_values(["organization", "country", "start_date"], ignore_index=True)


def _clause(text: pd.Series, prefix: str, suffix: str) -> pd.Series:
    return (prefix + text + suffix).where(text != "", "")


def _unmapped(lost: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    names = states.drop_duplicates("state").set_index("state")["statenme"]
    table = lost.groupby("column").agg(
        cells=("code", "size"), first=("year", "min"), last=("year", "max")
    )
    return table.assign(state_name=names.reindex(table.index).to_numpy()).rename_axis("state")


def _silent(_: str) -> None:
    pass


def import_cow(
    igo_file: Path,
    states_file: Path,
    mapping_file: Path = MAPPING_FILE,
    progress: Callable[[str], None] = _silent,
    limit: int = MAX_MIB * MIB,
    encoding: str = "utf-8",
) -> CowPackage:
    """Read COW's files and build every table of the package; CowError for unusable input.

    `limit`: the most bytes an input file may have, or the IGO zip may unpack to; `encoding`:
    the CSV files' text encoding."""
    encoding = check_encoding(encoding)
    mapping = read_mapping(mapping_file)
    states = read_states(states_file, limit, encoding)
    progress(f"reading {igo_file}")
    igo, name = read_igo(igo_file, limit, encoding)
    columns, values = clean_igo(igo, name, states, str(states_file))
    final_year = int(igo["year"].max())
    progress(
        f"{len(igo):,} organization-years, {igo['ioname'].nunique():,} organizations, "
        f"{len(columns)} state columns, {igo['year'].min()}–{final_year}"
    )
    codes = column_codes(states)
    cells, lost = status_cells(igo, columns, values, codes)
    progress(f"building spans from {len(cells):,} cells with a status or missing data")
    spans = build_spans(cells)
    organizations = organizations_table(igo, mapping).set_index("short_name", drop=False)
    memberships = memberships_table(spans, organizations, final_year)
    progress("looking up country names and capitals")
    countries = country_rows(sorted(memberships["country"].unique()))
    return CowPackage(
        tables={
            "sources": pd.DataFrame([SOURCE]),
            "organizations": organizations.sort_values("id").reset_index(drop=True),
            "countries": countries,
            "memberships": memberships,
        },
        unmapped=_unmapped(lost, states),
        curated={k: v for k, v in mapping.items() if k in organizations.index},
        unused_mapping=tuple(k for k in mapping if k not in organizations.index),
        final_year=final_year,
        state_columns=len(columns),
    )


def summary_lines(package: CowPackage) -> list[str]:
    """What the import wrote and what it could not map, one line each."""
    organizations = package.tables["organizations"]
    countries = package.tables["countries"]
    memberships = package.tables["memberships"]
    curated = ", ".join(f"{k} → {v}" for k, v in sorted(package.curated.items()))
    former = [c for c in countries["iso3"] if is_former(c)]
    no_point = countries.loc[countries["lat"] == "", "iso3"]
    by_status = memberships["status"].value_counts()
    lines = [
        f"organizations: {len(organizations):,} ({len(package.curated)} under curated ids: "
        f"{curated or 'none'})",
        f"states: {package.state_columns} COW state columns → {len(countries):,} countries "
        f"({len(former)} former states: "
        f"{', '.join(former) or 'none'}; {len(no_point)} without capital coordinates: "
        f"{', '.join(no_point) or 'none'})",
        f"spans: {len(memberships):,} ("
        + ", ".join(f"{s} {n:,}" for s, n in by_status.items())
        + f"); {(memberships['end_date'] == '').sum():,} still recorded in {package.final_year}"
        f" and left open; {memberships['note'].str.contains(BRIDGED, regex=False).sum():,} bridge "
        "missing data",
    ]
    if not package.unmapped.empty:
        lines.append(
            f"not mapped (no ISO 3166 code; their {package.unmapped['cells'].sum():,} status "
            "cells are left out):"
        )
        lines += [
            f"  {row.state_name} ({row.Index}, {row.first}–{row.last}: {row.cells:,} cells)"
            for row in package.unmapped.itertuples()
        ]
    if package.unused_mapping:
        lines.append(f"mapping file: COW has no {', '.join(package.unused_mapping)}")
    return lines
