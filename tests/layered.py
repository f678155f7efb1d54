"""Layered packages like `cow:data`: a tiny COW-like one, and the real import of COW's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.config import COW_SOURCE_ID
from dashboard.cow.importer import import_cow
from dashboard.cow.output import write_package as write_cow
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import DataPackage, load_package
from tests.conftest import ROOT, write_package

ORGANIZATIONS = [
    "id,name,short_name,founded,headquarters,kind,website,description,source_ids,coverage,checked",
    "sco,Shanghai Cooperation Organisation,SCO,2001-06-15,,political_security,,,src-a,"
    "complete,2026-11-23",
    "eaeu,Eurasian Economic Union,EAEU,2015-01-01,,economic_union,,,src-a,partial,2026-10",
]
COW_FILES = {
    "sources": [
        "id,title,publisher,url,published,accessed",
        f"{COW_SOURCE_ID},COW IGO v3,Correlates of War Project,,2020,",
    ],
    "countries": [
        "iso3,name,capital,lat,lon",
        "DDR,German Democratic Republic,,,",
        "POL,Poland,Warsaw,52.23,21.01",
    ],
    "organizations": [
        "id,name,short_name,founded,headquarters,kind,website,description,source_ids,dissolved",
        f"wpact,Warsaw Treaty Organization,WPact,1955,,igo,,,{COW_SOURCE_ID},1991",
        f"eaeu,Eurasian Economic Union (COW),EAEU,2015,,igo,,,{COW_SOURCE_ID},",
    ],
    "memberships": [
        "id,country,organization,status,start_date,end_date,note,source_ids",
        f"ddr-wpact,DDR,wpact,member,1955,1991,,{COW_SOURCE_ID}",
        f"pol-wpact,POL,wpact,member,1955,1992,,{COW_SOURCE_ID}",
        f"ddr-eaeu,DDR,eaeu,observer,2014,,,{COW_SOURCE_ID}",
    ],
}


def layered_package(tmp_path: Path) -> DataPackage:
    """A COW-like base folder under a curated one (MINI with coverage and check dates)."""
    base = tmp_path / "cow"
    base.mkdir()
    for name, lines in COW_FILES.items():
        (base / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    top = write_package(tmp_path / "data", {"organizations": ORGANIZATIONS})
    pkg = load_package((base, top))
    assert pkg.errors == (), pkg.errors
    return pkg


COW_DIR = ROOT.parent / "shared" / "cow"  # copies of COW's files beside the clone; never committed


def cow_files() -> tuple[Path, Path]:
    """COW's own files from ../shared/cow; the test is skipped when they are absent, and fails
    instead when the environment variable CI is set (CI has them beside the clone)."""
    igo, states = COW_DIR / "IGO_csv.zip", COW_DIR / "states2016.csv"
    if not (igo.is_file() and states.is_file()):
        reason = f"COW's IGO_csv.zip and states2016.csv are not in {COW_DIR}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and CI is set: the COW tests must run in CI")
        pytest.skip(f"{reason} (see README, 'Importing the Correlates of War IGO data')")
    return igo, states


def build_cow_data(folder: Path) -> str:
    """Import COW's files into `folder` and return the layered location `folder:data`."""
    igo, states = cow_files()
    write_cow(import_cow(igo, states), folder)
    return f"{folder}{os.pathsep}{DEFAULT_DATA_DIR}"
