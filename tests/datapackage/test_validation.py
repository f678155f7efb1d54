"""The validator: every rule and every kind of damaged file gives a clear problem record."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.datapackage.load import load_package
from dashboard.datapackage.problems import ERROR, WARNING
from tests.conftest import MINI, write_package

MEMBERSHIP_HEADER = MINI["memberships"][0]
AGREEMENT_HEADER = MINI["agreements"][0]
SEGMENT_HEADER = MINI["route_segments"][0]


def problems_of(folder: Path, severity: str = ERROR) -> list:
    return [p for p in load_package(folder).problems if p.severity == severity]


def test_mini_package_is_valid(mini: Path):
    pkg = load_package(mini)
    assert pkg.problems == ()
    assert len(pkg["memberships"]) == len(MINI["memberships"]) - 1
    assert pkg["agreements"].loc[0, "sectors"] == ("health", "pharmaceuticals")


# (table, bad row appended to MINI, column named in the problem, words in the message)
ROW_CASES = [
    ("memberships", "x1,BLR,sco,boss,2030,,,src-a", "status", "not a known membership status"),
    ("memberships", "x2,BLR,eaeu,member,2024-13-01,,,src-a", "start_date", "no month 13"),
    ("memberships", "x3,BLR,eaeu,member,2024-02-30,,,src-a", "start_date", "not a day"),
    ("memberships", "x4,XXX,sco,member,2024,,,src-a", "country", "countries.csv"),
    ("memberships", "x5,BLR,nato,member,2024,,,src-a", "organization", "organizations.csv"),
    ("memberships", "x6,BLR,eaeu,member,2024,,,nope", "source_ids", "sources.csv"),
    ("memberships", "x7,BLR,eaeu,member,2024,,,", "source_ids", "at least one"),
    ("memberships", "x8,IRN,eaeu,member,2020,2019,,src-a", None, "before start date"),
    ("memberships", "x9,BLR,sco,member,2020,,,src-a", "start_date", "overlaps"),
    ("memberships", "Bad Id,BLR,eaeu,member,2020,,,src-a", "id", "not an id"),
    ("memberships", "blr-sco-dp,RUS,eaeu,member,2000,2001,,src-a", "id", "duplicate id"),
    ("memberships", "x10,irn,eaeu,member,2020,,,src-a", "country", "alpha-3"),
    (
        "agreements",
        "y1,T,treaty,IRN;BLR,,healthcare,2020,,signed,,,src-a",
        "sectors",
        "not a known sector",
    ),
    ("agreements", "y2,T,treaty,IRN;ZZZ,,health,2020,,signed,,,src-a", "parties", "ZZZ"),
    ("agreements", "y3,,treaty,IRN,,health,2020,,signed,,,src-a", "title", "required"),
    ("agreements", "y4,T,treaty,IRN,,,2020,,signed,,,src-a", "sectors", "at least one"),
    (
        "route_segments",
        "s1,instc_western,minsk,atlantis,rail,operational,,,,src-a",
        "to_place",
        "places.csv",
    ),
    (
        "route_segments",
        "s2,instc_western,minsk,moscow,rail,operational,-5,,,src-a",
        "length_km",
        "outside",
    ),
    (
        "route_segments",
        "s3,instc_western,minsk,moscow,rail,operational,abc,,,src-a",
        "length_km",
        "not a number",
    ),
    (
        "route_segments",
        "s4,instc_western,minsk,moscow,rail,operational,,45 x,,src-a",
        None,
        "waypoint",
    ),
    (
        "route_segments",
        "s5,instc_western,minsk,minsk,rail,operational,,,,src-a",
        None,
        "same place",
    ),
    ("places", "p1,Pole,RUS,city,91,0,,src-a", "lat", "outside"),
    ("places", "p2,Edge,RUS,city,0,-181,,src-a", "lon", "outside"),
    ("sources", "bad-url,T,P,javascript:alert(1),,", "url", "http or https"),
    ("sources", "ftp-url,T,P,ftp://example.org/x,,", "url", "http or https"),
    ("trade", "2024,BLR,IRN,turnover,-1,,src-a", "value_usd", "outside"),
    ("trade", "2024,BLR,IRN,barter,10,,src-a", "flow", "not a known trade flow"),
    ("countries", "XYZ,Nowhere,,0,0", None, "not an ISO 3166-1"),
]


@pytest.mark.parametrize(("table", "row", "column", "words"), ROW_CASES)
def test_bad_row_is_reported_and_left_out(tmp_path, table, row, column, words):
    folder = write_package(tmp_path / "pkg", {table: [*MINI[table], row]})
    pkg = load_package(folder)
    errors = [p for p in pkg.errors if p.file == f"{table}.csv"]
    assert len(errors) == 1, pkg.problems
    problem = errors[0]
    assert problem.line == len(MINI[table]) + 1  # header is line 1
    assert problem.column == column
    assert words in problem.message
    assert pkg.skipped == 1
    assert len(pkg[table]) == len(MINI[table]) - 1  # every valid row kept


def test_touching_spans_are_not_an_overlap(mini):
    assert not problems_of(mini)  # MINI has 2015-07-10 ending one span and starting the next


def test_reduced_end_date_within_start_period_is_accepted(tmp_path):
    folder = write_package(
        tmp_path / "pkg",
        {"memberships": [MEMBERSHIP_HEADER, "a,IRN,sco,observer,2005-07-05,2005,,src-a"]},
    )
    assert not problems_of(folder)


def test_all_problems_reported_at_once(tmp_path):
    folder = write_package(
        tmp_path / "pkg",
        {
            "memberships": [*MINI["memberships"], "x1,BLR,sco,boss,2030,,,src-a"],
            "agreements": [*MINI["agreements"], "y1,T,treaty,IRN,,bad,2020,,signed,,,src-a"],
        },
    )
    (folder / "trade.csv").write_text("", encoding="utf-8")
    files = {p.file for p in problems_of(folder)}
    assert files == {"memberships.csv", "agreements.csv", "trade.csv"}


# (bytes of places.csv, line, words); the rest of the package stays valid
FILE_CASES = [
    (None, None, "file is missing"),
    (b"", None, "empty"),
    (b"   \n\n", None, "empty"),
    (b"id;name;country;kind;lat;lon;note;source_ids\nm;M;BLR;city;1;1;;src-a\n", 1, "semicolons"),
    (b"id,name,country,kind,lat,lon,source_ids\nm,M,BLR,city,1,1,src-a\n", 1, "treated as empty"),
    (b"id,name,country,kind,lat,note,source_ids\nm,M,BLR,city,1,,src-a\n", 1, "required column"),
    (
        b"id,name,country,kind,lat,lon,note,source_ids\nm,M,BLR,city,1,1,,src-a,extra\n",
        2,
        "9 cells",
    ),
    (
        b"id,name,country,kind,lat,lon,note,source_ids\nm,M\xff,BLR,city,1,1,,src-a\n",
        2,
        "not UTF-8",
    ),
    (
        b'id,name,country,kind,lat,lon,note,source_ids\nm,"M,BLR,city,1,1,,src-a\n',
        2,
        "cannot be read",
    ),
    (b"id,id,country,kind,lat,lon,note,source_ids\n", 1, "twice"),
]


@pytest.mark.parametrize(("content", "line", "words"), FILE_CASES)
def test_damaged_file_is_a_clear_problem(tmp_path, content, line, words):
    folder = write_package(tmp_path / "pkg")
    path = folder / "places.csv"
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    pkg = load_package(folder)
    mine = [p for p in pkg.problems if p.file == "places.csv"]
    assert any(p.line == line and words in p.message for p in mine), mine
    # other files are untouched by a problem in this one
    assert len(pkg["memberships"]) == len(MINI["memberships"]) - 1
    assert len(pkg["agreements"]) == len(MINI["agreements"]) - 1


def test_unreadable_file_is_a_clear_problem(tmp_path):
    folder = write_package(tmp_path / "pkg")
    (folder / "places.csv").unlink()
    (folder / "places.csv").mkdir()  # a folder where a file should be: cannot be read
    problems = [p for p in load_package(folder).problems if p.file == "places.csv"]
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [(None, "file cannot be read")]


def test_missing_optional_column_is_a_warning_and_rows_are_kept(tmp_path):
    folder = write_package(
        tmp_path / "pkg",
        {
            "places": [
                "id,name,country,kind,lat,lon,source_ids",
                "minsk,Minsk,BLR,city,53.9,27.5,src-a",
                "moscow,Moscow,RUS,city,55.7,37.6,src-a",
                "tehran,Tehran,IRN,city,35,51,src-a",
            ]
        },
    )
    pkg = load_package(folder)
    assert [p.column for p in pkg.problems if p.severity == WARNING] == ["note"]
    assert not pkg.errors
    assert len(pkg["places"]) == 3


def test_unknown_column_is_a_warning(tmp_path):
    lines = [MINI["trade"][0] + ",comment", MINI["trade"][1] + ",hello"]
    pkg = load_package(write_package(tmp_path / "pkg", {"trade": lines}))
    assert [(p.column, p.severity) for p in pkg.problems] == [("comment", WARNING)]
    assert len(pkg["trade"]) == 1


def test_bom_crlf_and_other_scripts_are_fine(tmp_path):
    folder = write_package(tmp_path / "pkg")
    rows = [
        "id,name,country,kind,lat,lon,note,source_ids",
        "minsk,Мінск,BLR,city,53.9,27.57,Беларусь,src-a",
        "moscow,Москва,RUS,city,55.75,37.62,,src-a",
        'tehran,تهران,IRN,city,35.69,51.42,"پایتخت, ایران",src-a',
    ]
    (folder / "places.csv").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    pkg = load_package(folder)
    assert pkg.problems == ()
    assert list(pkg["places"]["name"]) == ["Мінск", "Москва", "تهران"]
    assert pkg["places"].loc[2, "note"] == "پایتخت, ایران"


def test_physical_line_counts_multiline_cells(tmp_path):
    rows = [
        MINI["places"][0],
        'minsk,Minsk,BLR,city,53.9,27.57,"two\nlines",src-a',
        "moscow,Moscow,RUS,city,95,37.62,,src-a",
        MINI["places"][3],
    ]
    pkg = load_package(write_package(tmp_path / "pkg", {"places": rows}))
    assert [(p.line, p.column) for p in pkg.errors if p.file == "places.csv"] == [(4, "lat")]


def test_reference_to_a_row_left_out_for_its_own_fault_is_kept(tmp_path):
    rows = [*MINI["places"][:3], "tehran,Tehran,IRN,city,135,51.42,,src-a"]
    pkg = load_package(write_package(tmp_path / "pkg", {"places": rows}))
    assert {p.file for p in pkg.errors} == {"places.csv"}
    assert len(pkg["route_segments"]) == 2


def test_loaded_frames_keep_dates_as_written_and_add_starts(mini):
    pkg = load_package(mini)
    spans = pkg["memberships"].set_index("id")
    assert spans.loc["blr-sco-dp", "start_date"] == "2009"
    assert str(spans.loc["blr-sco-dp", "start_date_ts"].date()) == "2009-01-01"
    assert spans.loc["irn-eaeu-obs", "start_date"] == "2024-12"
    assert spans["end_date_ts"].isna().sum() == 5
