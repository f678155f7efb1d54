"""The scripts: countries.csv from GeoNames (former states included), estimated leg lengths, the
floor check's exact pins."""

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


# --- estimate_lengths -----------------------------------------------------------------------------

PLACES = [
    "id,name,country,kind,lat,lon,note,source_ids",
    "a,A,IRN,city,0,0,,s",
    "b,B,IRN,city,0,1,,s",
]
SEGMENT_HEADER = "id,corridor,from_place,to_place,mode,status,length_km,waypoints,note,source_ids"


def test_estimates_fill_unsourced_legs_and_keep_sourced_ones(tmp_path: Path):
    _write(tmp_path / "places.csv", PLACES)
    _write(
        tmp_path / "route_segments.csv",
        [SEGMENT_HEADER.replace("length_km", "length_km,length_basis"),
         "ab-rail,iran_trunk,a,b,rail,operational,,,,,s",
         "ab-sea,iran_trunk,a,b,sea,operational,5,estimated,1 0;1 1,,s",
         "ba-rail,iran_trunk,b,a,rail,operational,120.5,sourced,,\"a note, quoted\",s"],
    )  # fmt: skip
    estimate = _script("estimate_lengths")
    assert estimate.fill_estimates(tmp_path) == 2
    rows = {r["id"]: r for r in _rows(tmp_path / "route_segments.csv")}
    assert (rows["ab-rail"]["length_km"], rows["ab-rail"]["length_basis"]) == ("111", "estimated")
    assert rows["ab-sea"]["length_km"] == "334"  # up 111 km, across 111 km, down 111 km
    assert (rows["ba-rail"]["length_km"], rows["ba-rail"]["length_basis"]) == ("120.5", "sourced")
    assert rows["ba-rail"]["note"] == "a note, quoted"


def test_estimates_add_the_basis_column_after_the_length(tmp_path: Path):
    _write(tmp_path / "places.csv", PLACES)
    _write(tmp_path / "route_segments.csv", [SEGMENT_HEADER, "ab,iran_trunk,a,b,rail,gap,,,,s"])
    _script("estimate_lengths").fill_estimates(tmp_path)
    text = (tmp_path / "route_segments.csv").read_bytes().decode("utf-8")
    assert text.startswith(SEGMENT_HEADER.replace("length_km", "length_km,length_basis") + "\r\n")


@pytest.mark.parametrize(
    ("length", "basis", "message"),
    [
        ("162", "", "has no length_basis"),
        ("", "sourced", "no length_km"),
        ("9", "guess", "unknown"),
    ],
)
def test_estimates_never_overwrite_a_length_of_unknown_basis(
    tmp_path: Path, length: str, basis: str, message: str
):
    _write(tmp_path / "places.csv", PLACES)
    lines = [
        SEGMENT_HEADER.replace("length_km", "length_km,length_basis"),
        f"ab,iran_trunk,a,b,rail,gap,{length},{basis},,,s",
    ]
    _write(tmp_path / "route_segments.csv", lines)
    with pytest.raises(ValueError, match=message):
        _script("estimate_lengths").fill_estimates(tmp_path)
    assert (tmp_path / "route_segments.csv").read_text(encoding="utf-8").splitlines() == lines


# --- check_floors ---------------------------------------------------------------------------------


def test_floors_pin_each_requirement_to_its_lower_bound():
    pins = _script("check_floors").exact_pins(
        ["streamlit>=1.64", "Pandas[performance]>=2.2.2,<4", "jinja2~=3.1.2",
         "vl-convert-python>=1.6; python_version >= '3.11'", "crossplane==0.5.8"]
    )  # fmt: skip
    assert pins == [
        "streamlit==1.64",
        "Pandas[performance]==2.2.2",
        "jinja2==3.1.2",
        'vl-convert-python==1.6; python_version >= "3.11"',
        "crossplane==0.5.8",
    ]


@pytest.mark.parametrize("requirement", ["ruff", "ruff>0.8", "ruff<1", "ruff>=0.8,!=0.8"])
def test_floors_refuse_a_requirement_without_a_usable_lower_bound(requirement: str):
    with pytest.raises(ValueError, match="lower bound"):
        _script("check_floors").exact_pins([requirement])


def test_every_requirement_of_the_project_has_a_floor():
    floors = _script("check_floors")
    requirements = floors.project_requirements(ROOT / "pyproject.toml")
    assert "streamlit" in " ".join(requirements)
    assert any(r.startswith("pytest") for r in requirements)  # the test extra is read too
    assert all("==" in pin for pin in floors.exact_pins(requirements))


def test_a_pin_can_be_overridden_by_name_but_only_for_a_dependency():
    floors = _script("check_floors")
    pins = floors.with_overrides(["streamlit==1.64", "import-linter==2.1"], ["Import_Linter==2.3"])
    assert pins == ["streamlit==1.64", "Import_Linter==2.3"]
    with pytest.raises(ValueError, match="numpy"):
        floors.with_overrides(pins, ["numpy==2.0"])
