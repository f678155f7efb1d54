"""Importing the Correlates of War IGO data: small files in COW's layout, then the real files."""

from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from dashboard.__main__ import main
from dashboard.cow.countries import FIXED_CODES, PERIOD_CODES, is_former
from dashboard.cow.importer import MAPPING_FILE, SOURCE_ID, import_cow, summary_lines
from dashboard.cow.reading import COW_CSV, read_mapping
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.datapackage.schema import TABLES
from tests import layered

STATES = {
    "usa": "United States of America",
    "iran": "Iran",
    "russia": "Russia",
    "egermany": "German Democratic Republic",
    "wgermany": "German Federal Republic",
    "germany": "Germany",
    "nyemen": "Yemen Arab Republic",
    "yemen": "Yemen",
    "zanzibar": "Zanzibar",
}
STATE_HEADER = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state"
# COW's metadata columns, in the order of igo_year_formatv3.csv (after ioname, orgname, year)
TAIL = [
    *("sdate", "deaddate", "dead", "integrated", "replaced", "longorgname", "ionum", "igocode"),
    *("version", "accuracyofpre1965membershipdates", "sourcesandnotes", "imputed", "political"),
    *("social", "economic"),
]


def org(ioname: str, years: list[int], deaddate: str = "", **codes: list[int]) -> list[dict]:
    """Rows of one organization: every state 0 unless given, one code per year."""
    rows = []
    for i, year in enumerate(years):
        row = {"ioname": ioname, "orgname": f"{ioname} org", "year": year}
        row |= {state: codes[state][i] if state in codes else 0 for state in STATES}
        row |= dict.fromkeys(TAIL, "") | {"sdate": years[0], "deaddate": deaddate}
        row |= {"longorgname": f"The {ioname} Organization", "version": 3}
        rows.append(row)
    return rows


def write_cow(folder: Path, rows: list[dict], states: dict[str, str] = STATES) -> tuple[Path, Path]:
    """The IGO-year file and the state list, in COW's layout."""
    folder.mkdir(parents=True, exist_ok=True)
    igo = folder / COW_CSV
    with igo.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    lines = [STATE_HEADER]
    lines += [
        f"X{i:02d},{i},{name},1816,1,1,2016,12,31,2016,{s}"
        for i, (s, name) in enumerate(states.items())
    ]
    (folder / "states2016.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return igo, folder / "states2016.csv"


def spans_of(package, country: str = "USA", organization: str = "tst") -> list[tuple[str, ...]]:
    m = package.tables["memberships"]
    m = m[(m["country"] == country) & (m["organization"] == organization)]
    return list(m[["status", "start_date", "end_date"]].itertuples(index=False, name=None))


YEARS = [2010, 2011, 2012, 2013, 2014]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([1, 1, 1, 1, 1], [("member", "2010", "")]),  # still recorded in the last year: open
        (
            [1, 2, 3, 0, 1],
            [
                ("member", "2010", "2011"),
                ("associate_member", "2011", "2012"),
                ("observer", "2012", "2013"),
                ("member", "2014", ""),
            ],
        ),
        ([-1, -1, 1, 1, 0], [("member", "2012", "2014")]),  # end = first year not recorded
        ([0, 0, 0, 0, 0], []),
        ([-1, -1, -1, -1, -1], []),
        ([-9, -9, -9, -9, -9], []),  # missing data is never a status, nor 'not a member'
        ([1, -9, -9, 1, 1], [("member", "2010", "")]),  # same status on both sides: bridged
        ([3, -9, 3, 1, 1], [("observer", "2010", "2013"), ("member", "2013", "")]),
        ([1, -9, 2, 2, 2], [("member", "2010", "2011"), ("associate_member", "2012", "")]),
        ([1, -9, 0, 1, 1], [("member", "2010", "2011"), ("member", "2013", "")]),
        ([-9, 1, 1, 1, 1], [("member", "2011", "")]),
        ([1, 1, 1, -9, -9], [("member", "2010", "2013")]),  # missing at the end: closed
        ([1, -1, 1, 1, 1], [("member", "2010", "2011"), ("member", "2012", "")]),
    ],
)
def test_status_codes_become_year_spans(tmp_path, codes, expected):
    igo, states = write_cow(tmp_path, org("TST", YEARS, usa=codes))
    assert spans_of(import_cow(igo, states)) == expected


def test_notes_name_the_missing_years(tmp_path):
    rows = org("TST", YEARS, usa=[1, -9, -9, 1, 1], iran=[2, -9, 0, 0, 0])
    memberships = import_cow(*write_cow(tmp_path, rows)).tables["memberships"]
    notes = dict(zip(memberships["country"], memberships["note"], strict=True))
    assert "missing data (-9) in 2011–2012 bridged" in notes["USA"]
    assert "still recorded in 2014" in notes["USA"]
    assert "missing data (-9) right after, in 2011" in notes["IRN"]
    assert set(memberships["source_ids"]) == {SOURCE_ID}


def test_a_year_without_a_row_ends_a_span(tmp_path):
    rows = org("TST", [2010, 2011, 2013, 2014], usa=[1, 1, 1, 1])
    package = import_cow(*write_cow(tmp_path, rows))
    assert spans_of(package) == [("member", "2010", "2012"), ("member", "2013", "")]


def test_historic_states_take_iso_3166_3_codes(tmp_path):
    rows = org(
        "TST",
        [1989, 1990, 1991, 1992],
        russia=[1, 1, 1, 1],
        egermany=[1, 1, -1, -1],
        wgermany=[3, 3, -1, -1],
        germany=[-1, 1, 1, 1],  # 1990 recorded under both columns: the full membership wins
        nyemen=[1, 1, -1, -1],
        yemen=[-1, -1, 1, 1],
        zanzibar=[1, 1, 1, 1],
    )
    package = import_cow(*write_cow(tmp_path, rows))
    assert spans_of(package, "SUN") == [("member", "1989", "1991")]
    assert spans_of(package, "RUS") == [("member", "1991", "")]
    assert spans_of(package, "DDR") == [("member", "1989", "1991")]
    assert spans_of(package, "DEU") == [("observer", "1989", "1990"), ("member", "1990", "")]
    assert spans_of(package, "YEM") == [("member", "1989", "")]  # the YAR's code, kept
    countries = package.tables["countries"].set_index("iso3")
    assert set(countries.index) == {"DDR", "DEU", "RUS", "SUN", "YEM"}  # no Zanzibar
    assert countries.loc["SUN", ["name", "capital", "lat", "lon"]].tolist() == [
        "Soviet Union",
        "",
        "",
        "",
    ]
    assert countries.loc["DEU", "capital"] == "Berlin"
    assert countries.loc["DEU", "lat"] != ""
    assert list(package.unmapped.index) == ["zanzibar"]
    summary = "\n".join(summary_lines(package))
    assert "Zanzibar (zanzibar, 1989–1992: 4 cells)" in summary
    assert "former states: DDR, SUN" in summary


def test_every_code_of_the_state_tables_is_current_or_historic_in_pycountry():
    codes = set(FIXED_CODES.values()) | {c for p in PERIOD_CODES.values() for *_, c in p}
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    for code in codes:
        assert pycountry.countries.get(alpha_3=code) or code in historic, code
    assert {c for c in codes if is_former(c)} == {"CSK", "DDR", "SCG", "SUN", "VDR", "YMD", "YUG"}


def test_dissolved_organizations_and_their_spans_are_closed(tmp_path):
    rows = org("OLD", [2010, 2011, 2012], deaddate="2012", usa=[1, 1, 1])
    rows += org("GONE", YEARS, deaddate="2011", usa=[1] * 5)  # COW still lists it to 2014
    rows += org("TST", YEARS, usa=[1] * 5)
    package = import_cow(*write_cow(tmp_path, rows))
    organizations = package.tables["organizations"].set_index("id")
    assert organizations.loc["old", ["founded", "dissolved"]].tolist() == ["2010", "2012"]
    assert organizations.loc["tst", "dissolved"] == ""
    assert organizations.loc["old", "kind"] == "igo"
    assert organizations.loc["old", "name"] == "The OLD Organization"
    assert spans_of(package, organization="old") == [("member", "2010", "2013")]
    assert spans_of(package, organization="gone") == [("member", "2010", "2015")]
    assert spans_of(package) == [("member", "2010", "")]


def test_zip_gives_the_same_package_as_the_csv(tmp_path):
    igo, states = write_cow(tmp_path, org("TST", YEARS, usa=[1, 2, 3, 0, 1]))
    archive = tmp_path / "IGO_csv.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(igo, arcname=f"IGO_csv/{COW_CSV}")
    from_zip, from_csv = import_cow(archive, states), import_cow(igo, states)
    for name, frame in from_csv.tables.items():
        pd.testing.assert_frame_equal(from_zip.tables[name], frame)


def test_cli_writes_every_table_and_a_summary(tmp_path, capsys):
    igo, states = write_cow(tmp_path / "in", org("OPEC", YEARS, iran=[1] * 5, zanzibar=[1] * 5))
    out = tmp_path / "out"
    assert main(["import-cow", str(igo), str(states), str(out)]) == 0
    captured = capsys.readouterr()
    assert "reading" in captured.err
    assert "building spans" in captured.err
    assert captured.out.startswith(f"Wrote {out} in ")
    assert "organizations: 1 (1 under curated ids: OPEC → opec)" in captured.out
    assert "spans: 1 (member 1)" in captured.out
    assert "Zanzibar (zanzibar" in captured.out
    files = {p.name for p in out.iterdir()}
    assert files == {t.file for t in TABLES}  # every table of the package, the empty ones too
    assert (out / "trade.csv").read_text(encoding="utf-8").startswith("year,reporter,partner")
    package = load_package(out)
    assert [p.as_line() for p in package.problems] == []
    assert package["sources"]["url"].tolist() == ["https://correlatesofwar.org/data-sets/IGOs"]


def test_mapping_file_puts_organizations_under_our_ids(tmp_path):
    rows = org("TST", YEARS, usa=[1] * 5) + org("OTHER", YEARS, usa=[1] * 5)
    igo, states = write_cow(tmp_path, rows)
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("ioname,organization,note\nTST,ours,\nABSENT,absent,\n", encoding="utf-8")
    package = import_cow(igo, states, mapping)
    assert set(package.tables["organizations"]["id"]) == {"ours", "other"}
    assert spans_of(package, organization="ours") == [("member", "2010", "")]
    assert package.curated == {"TST": "ours"}
    assert "mapping file: COW has no ABSENT" in summary_lines(package)


def test_bundled_mapping_names_organizations_of_the_bundled_package():
    curated = set(pd.read_csv(DEFAULT_DATA_DIR / "organizations.csv")["id"])
    mapping = read_mapping(MAPPING_FILE)
    assert set(mapping.values()) <= curated
    assert {"OPEC", "CIS", "ECO", "SCO"} <= set(mapping)


def _zip_without_csv(folder: Path) -> list[str]:
    _, states = write_cow(folder, org("TST", YEARS))
    archive = folder / "IGO_csv.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("readme.txt", "no data here")
    return [str(archive), str(states)]


def _file(folder: Path, name: str, content: bytes | str) -> list[str]:
    igo, states = write_cow(folder, org("TST", YEARS))
    target = igo if name == "igo" else states
    if isinstance(content, str):
        content = content.encode()
    target.write_bytes(content)
    return [str(igo), str(states)]


def _bad_code(folder: Path) -> list[str]:
    igo, states = write_cow(folder, org("TST", YEARS, usa=[1, 1, 7, 1, 1]))
    return [str(igo), str(states)]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_zip_without_csv, f"the zip holds no {COW_CSV}"),
        (
            lambda f: [str(f / "nope.csv"), str(write_cow(f, org("TST", YEARS))[1])],
            "file not found",
        ),
        (lambda f: _file(f, "igo", ""), "cannot be read as CSV"),
        (lambda f: _file(f, "igo", 'ioname,orgname,year\n"OPEC,x,1990\n'), "cannot be read as CSV"),
        (lambda f: _file(f, "igo", "a,b\n1,2\n"), "missing column(s) ioname, orgname, year, sdate"),
        (lambda f: _file(f, "states", "state\nusa\n"), "missing column(s) statenme"),
        (
            lambda f: _file(f, "states", "stateabb,ccode,statenme\nUSA,2,United States\n"),
            "missing column(s) state; the column state must name each state's column",
        ),
        (_bad_code, "line 4, column usa: '7' is not a COW status code"),
    ],
    ids=[
        "zip-without-csv",
        "no-file",
        "empty",
        "broken-quote",
        "not-cow",
        "states-columns",
        "states-without-state",
        "bad-code",
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, capsys, make, message):
    args = make(tmp_path)
    assert main(["import-cow", *args, str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: "), last
    assert message in last, last
    assert any(Path(a).name in last for a in args), last  # names the file
    assert not (tmp_path / "out").exists()


def test_state_column_missing_from_the_state_list_names_it(tmp_path, capsys):
    rows = [r | {"atlantis": 1} for r in org("TST", YEARS)]
    igo, states = write_cow(tmp_path, rows)
    assert main(["import-cow", str(igo), str(states), str(tmp_path / "out")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last == f"error: {igo}: state column 'atlantis' is not in the state list {states}"


def test_mapping_with_one_id_twice_is_refused(tmp_path, capsys):
    igo, states = write_cow(tmp_path, org("TST", YEARS))
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("ioname,organization\nTST,same\nOTHER,same\n", encoding="utf-8")
    args = ["import-cow", str(igo), str(states), str(tmp_path / "out"), "--mapping", str(mapping)]
    assert main(args) == 2
    assert "mapped twice" in capsys.readouterr().err


@pytest.fixture(scope="module")
def cow_files() -> tuple[Path, Path]:
    """COW's own files from ../shared/cow; skipped when absent, except under CI."""
    return layered.cow_files()


def test_import_of_the_real_cow_files(cow_files, tmp_path, capsys):
    out = tmp_path / "cow"
    started = time.perf_counter()
    assert main(["import-cow", str(cow_files[0]), str(cow_files[1]), str(out)]) == 0
    assert time.perf_counter() - started <= 30
    summary = capsys.readouterr().out
    assert "organizations: 534 (6 under curated ids:" in summary
    assert "OPEC → opec" in summary
    assert "SCO → sco" in summary
    assert "Zanzibar (zanzibar" in summary
    assert "mapping file" not in summary
    package = load_package(out)
    # former-state codes (SUN, DDR…), empty capital coordinates and `dissolved` are all valid
    assert [p.as_line() for p in package.problems] == []
    countries = pd.read_csv(out / "countries.csv", keep_default_na=False).set_index("iso3")
    assert {"SUN", "DDR", "YUG", "CSK", "YMD", "YEM", "RUS", "DEU"} <= set(countries.index)
    assert (countries.loc[["SUN", "DDR", "YUG", "CSK", "YMD"], "lat"] == "").all()
    memberships = package["memberships"]
    assert len(memberships) > 15_000
    assert set(memberships["source_ids"]) == {(SOURCE_ID,)}
    assert {"opec", "cis", "eco", "sco", "csto", "nam"} <= set(memberships["organization"])
    irn_opec = memberships[
        (memberships["country"] == "IRN") & (memberships["organization"] == "opec")
    ]
    assert irn_opec[["status", "start_date", "end_date"]].values.tolist() == [
        ["member", "1960", ""]
    ]
