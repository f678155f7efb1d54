"""Shared fixtures: small packages written to tmp_path, a clean Streamlit cache, the app opened
as a link opens it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.datapackage.dates import period_start
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.schema import TABLES_BY_NAME

ROOT = Path(__file__).resolve().parent.parent
HOME = "dashboard/views/overview.py"
APP_SECONDS = 60  # a first render on a loaded 2-core machine

# A tiny, internally consistent package; tests damage a copy of it.
MINI = {
    "sources": [
        "id,title,publisher,url,published,accessed",
        "src-a,Source A,Publisher A,https://example.org/a,2024-07-04,2026-11-23",
        "src-b,Source B,Publisher B,,2025,",
    ],
    "countries": [
        "iso3,name,capital,lat,lon",
        "IRN,Iran,Tehran,35.69,51.42",
        "BLR,Belarus,Minsk,53.9,27.57",
        "RUS,Russia,Moscow,55.75,37.62",
    ],
    "organizations": [
        "id,name,short_name,founded,headquarters,kind,website,description,source_ids",
        "sco,Shanghai Cooperation Organisation,SCO,2001-06-15,Beijing,political_security,"
        "https://example.org,,src-a",
        "eaeu,Eurasian Economic Union,EAEU,2015-01-01,Moscow,economic_union,,,src-a;src-b",
    ],
    "memberships": [
        "id,country,organization,status,start_date,end_date,note,source_ids",
        "blr-sco-dp,BLR,sco,dialogue_partner,2009,2015-07-10,,src-a",
        "blr-sco-obs,BLR,sco,observer,2015-07-10,2024-07-04,,src-a",
        "blr-sco-member,BLR,sco,member,2024-07-04,,,src-a",
        "irn-sco-member,IRN,sco,member,2023-07-04,,,src-a",
        "rus-sco-founder,RUS,sco,founding_member,2001-06-15,,,src-a",
        "blr-eaeu-founder,BLR,eaeu,founding_member,2015-01-01,,,src-b",
        "irn-eaeu-obs,IRN,eaeu,observer,2024-12,,,src-b",
    ],
    "agreements": [
        "id,title,kind,parties,organization,sectors,signed_date,in_force_date,status,summary,"
        "note,source_ids",
        "ab-health,Health memorandum,memorandum,IRN;BLR,,health;pharmaceuticals,2025-08-20,,"
        "signed,Medicines,,src-a",
        "ab-tourism,Tourism programme,programme,IRN;BLR,,tourism,2023-03,,signed,,,src-a",
        "irn-eaeu-fta,Free trade agreement,agreement,IRN;eaeu,eaeu,trade;customs,2023-12-25,"
        "2025-05-15,in_force,,,src-b",
        "ab-treaty,Treaty on strategic cooperation,treaty,IRN;BLR,,political,,,planned,,,src-a",
    ],
    "events": [
        "id,date,end_date,kind,title,location,participants,note,source_ids",
        'visit-2025,2025-08-19,2025-08-20,state_visit,Visit to Minsk,"Minsk, Belarus",'
        "IRN;BLR,,src-a",
        'sco-astana-2024,2024-07-04,,summit,SCO summit,"Astana, Kazakhstan",sco,,src-a',
    ],
    "places": [
        "id,name,country,kind,lat,lon,note,source_ids",
        "minsk,Minsk,BLR,city,53.9,27.57,,src-a",
        "moscow,Moscow,RUS,city,55.75,37.62,,src-a",
        "tehran,Tehran,IRN,city,35.69,51.42,,src-a",
    ],
    "route_segments": [
        "id,corridor,from_place,to_place,mode,status,length_km,waypoints,note,source_ids",
        "minsk-moscow,belarus_russia,minsk,moscow,rail,operational,700,,,src-a",
        "moscow-tehran,instc_trans_caspian,moscow,tehran,sea,planned,,45 48;40 50,,src-a",
    ],
    "trade": [
        "year,reporter,partner,flow,value_usd,period_note,source_ids",
        "2024,BLR,IRN,turnover,140000000,Single source,src-a",
    ],
}


# Display names of MINI's countries and organizations
NAMES = {"IRN": "Iran", "BLR": "Belarus", "RUS": "Russia"}
ORGS = {"sco": "SCO", "eaeu": "EAEU"}


def make_spans(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """Membership spans from (country, organization, status, start, end) tuples."""
    frame = pd.DataFrame(
        {
            "id": [f"{c}-{o}-{i}".lower() for i, (c, o, *_) in enumerate(rows)],
            "country": [r[0] for r in rows],
            "organization": [r[1] for r in rows],
            "status": [r[2] for r in rows],
            "start_date": [r[3] for r in rows],
            "end_date": [r[4] for r in rows],
            "source_ids": [(f"src-{i}",) for i in range(len(rows))],
        }
    )
    frame["start_date_ts"] = period_start(frame["start_date"])
    frame["end_date_ts"] = period_start(frame["end_date"])
    return frame


def write_package(folder: Path, tables: dict[str, list[str]] | None = None) -> Path:
    """Write MINI (with any tables replaced) to `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in {**MINI, **(tables or {})}.items():
        assert name in TABLES_BY_NAME, name
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A valid miniature package."""
    return write_package(tmp_path / "pkg")


@pytest.fixture(scope="session")
def mini_pkg(tmp_path_factory: pytest.TempPathFactory):
    """MINI, loaded once for every test that only reads it; at the end of the session it must
    still equal a fresh load (a test that changed it fails here)."""
    from dashboard.datapackage.load import load_package

    folder = write_package(tmp_path_factory.mktemp("mini") / "pkg")
    pkg = load_package(folder)
    yield pkg
    fresh = load_package(folder)
    for name, frame in fresh.tables.items():
        pd.testing.assert_frame_equal(pkg[name], frame, obj=f"mini_pkg[{name!r}]")


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data package that a test may damage."""
    return Path(shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data"))


def write_big_package(folder: Path, agreements: int, organizations: int) -> Path:
    """MINI with `agreements` generated agreements and `organizations` generated organizations
    in which all three countries hold two spans each (observer, then member)."""
    agreement_rows = [MINI["agreements"][0]] + [
        f"gen-{i},Generated agreement {i},agreement,IRN;BLR,,"
        f"{('health;trade', 'tourism', 'energy;transport')[i % 3]},"
        f"{1990 + i % 37}-{1 + i % 12:02d}-{1 + i % 28:02d},,signed,Summary {i},,src-a"
        for i in range(agreements)
    ]
    organization_rows = MINI["organizations"] + [
        f"org-{i},Organization {i},ORG{i},1990,,igo,,,src-a" for i in range(organizations)
    ]
    span_rows = list(MINI["memberships"])
    for i in range(organizations):
        for code in ("IRN", "BLR", "RUS"):
            span_rows.append(
                f"{code.lower()}-org-{i}-a,{code},org-{i},observer,1995,2010-05-01,,src-a"
            )
            span_rows.append(f"{code.lower()}-org-{i}-b,{code},org-{i},member,2010-05-01,,,src-a")
    return write_package(
        folder,
        {
            "agreements": agreement_rows,
            "organizations": organization_rows,
            "memberships": span_rows,
        },
    )


@pytest.fixture
def bundled_app(monkeypatch):
    """The app on the bundled data. The caches are kept: they are keyed by the data folder and
    its files' stamps, so tests on other folders never see this package's results."""
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)


def param(at, name: str) -> list[str]:
    """A query parameter's values as the app wrote them (AppTest gives one value bare)."""
    value = at.query_params.get(name, [])
    return value if isinstance(value, list) else [value]


def open_app(page: str = "", **query) -> AppTest:
    """A new session of the app opened on a link to `page` (the home page when empty) with these
    query parameters; fails if the page raised."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APP_SECONDS)
    home = page in ("", HOME)
    if home:  # the link is the first address the session sees
        at.query_params.update(query)
    at.run()
    if not home:
        at.query_params.update(query)
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def present_story(views) -> AppTest:
    """A new session whose story holds `views`, presenting it from the story page (on its first
    view); fails if a page raised."""
    at = open_app()
    at.session_state["_story"] = views
    at.switch_page("dashboard/views/story.py").run()
    at.button(key="story-present").click().run()
    assert not at.exception, at.exception
    return at


def alive(pid: int) -> bool:
    """Whether a process with this pid exists and is not a zombie (Linux /proc)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
