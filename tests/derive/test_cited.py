"""Codes that rows cite, kept when the row they name was left out for its own error."""

from __future__ import annotations

from pathlib import Path

from dashboard.datapackage.load import load_package
from dashboard.derive.cited import cited_countries, cited_organizations, with_cited
from tests.conftest import MINI, write_package


def test_cited_codes_of_a_valid_package(mini_pkg):
    assert cited_countries(mini_pkg) == {"IRN", "BLR", "RUS"}
    assert cited_organizations(mini_pkg) == {"sco", "eaeu"}


def test_rows_left_out_for_their_own_error_are_still_cited(tmp_path: Path):
    countries = [line for line in MINI["countries"] if not line.startswith("BLR")]
    organizations = [MINI["organizations"][0], MINI["organizations"][1]]
    folder = write_package(
        tmp_path / "pkg",
        {
            "countries": [*countries, "BLR,,Minsk,53.9,27.57"],  # no name: left out
            "organizations": [
                *organizations,
                "eaeu,Eurasian Economic Union,EAEU,2015-13-01,Moscow,economic_union,,,src-a",
            ],
        },
    )
    pkg = load_package(folder)
    assert "BLR" not in set(pkg["countries"]["iso3"])
    assert "eaeu" not in set(pkg["organizations"]["id"])
    assert "BLR" in cited_countries(pkg)
    assert "eaeu" in cited_organizations(pkg)


def test_with_cited_names_a_code_without_a_row_by_itself():
    names = with_cited({"IRN": "Iran"}, {"IRN", "BLR"})
    assert names == {"IRN": "Iran", "BLR": "BLR"}
