"""The data scripts: countries.csv from GeoNames (former states included), estimated leg lengths."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- build_countries ------------------------------------------------------------------------------


def test_build_countries_writes_every_referenced_code(tmp_path: Path):
    _write(
        tmp_path / "memberships.csv",
        ["id,country,organization,status,start_date,end_date,note,source_ids",
         "a,IRN,nam,member,1979,,,s", "b,YUG,nam,founding_member,1961-09-01,1992,,s"],
    )  # fmt: skip
    _write(tmp_path / "agreements.csv", ["id,parties", "x,eaeu;BLR;SGP"])
    _script("build_countries").main(["build_countries.py", str(tmp_path)])
    rows = {r["iso3"]: r for r in _rows(tmp_path / "countries.csv")}
    assert sorted(rows) == ["BLR", "IRN", "SGP", "YUG"]
    assert rows["IRN"]["capital"] == "Tehran"
    assert float(rows["IRN"]["lat"]) == pytest.approx(35.69, abs=0.05)


def test_former_states_take_a_short_name_and_no_coordinates():
    build = _script("build_countries")
    rows = {r["iso3"]: r for r in build.country_rows({"YUG", "YMD", "SUN", "ANT"})}
    assert rows["YUG"] == {"iso3": "YUG", "name": "Yugoslavia", "capital": "", "lat": "", "lon": ""}
    assert rows["YMD"]["name"] == "South Yemen"
    assert rows["SUN"]["name"] == "Soviet Union"
    assert rows["ANT"]["name"] == "Netherlands Antilles"  # pycountry's own name
    assert rows["ANT"]["lat"] == rows["ANT"]["lon"] == ""


def test_build_countries_stops_on_a_code_it_cannot_place():
    with pytest.raises(SystemExit, match="QQQ"):
        _script("build_countries").country_rows({"QQQ"})
