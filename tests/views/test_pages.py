"""Every page runs without exception, on the bundled package and on a damaged one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_SECONDS, ROOT, open_app, write_package

PAGES = [  # other tests pick pages by position: new pages go at the end
    "dashboard/views/overview.py",
    "dashboard/views/memberships.py",
    "dashboard/views/agreements.py",
    "dashboard/views/corridor.py",
    "dashboard/views/sources.py",
    "dashboard/views/data_quality.py",
    "dashboard/views/country.py",
    "dashboard/views/changes.py",
    "dashboard/views/story.py",
]
TITLES = dict(  # the title each page opens with, whatever the data
    zip(
        PAGES,
        [
            "Who belongs where, what they signed, how goods move",
            "Memberships",
            "Agreements",
            "Corridor",
            "Sources",
            "Data quality",
            "Country profile",
            "What changed",
            "Story",
        ],
        strict=True,
    )
)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_bundled_data(page: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = open_app(page)
    assert not at.exception
    assert [title.value for title in at.title] == [TITLES[page]]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_damaged_package(page: str, tmp_path: Path, monkeypatch):
    folder = write_package(
        tmp_path / "bad",
        {
            "memberships": [
                "id,country,organization,status,start_date,end_date,note,source_ids",
                "x,XXX,sco,member,2024,,,src-a",
                "blr-sco,BLR,sco,member,2024,,,src-a",
            ]
        },
    )
    (folder / "trade.csv").unlink()
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = open_app(page)
    assert not at.exception
    assert any("problem" in w.value for w in at.warning)


def test_deep_link_sets_widgets_and_notes_bad_parameters(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APP_SECONDS)
    at.run()
    at.query_params.update({"sector": ["health", "nope"], "party": "IRN", "bogus": "1"})
    at.switch_page("dashboard/views/agreements.py").run()
    assert not at.exception
    assert at.multiselect(key="a-sector").value == ["health"]
    assert at.multiselect(key="a-party").value == ["IRN"]
    notes = [t.value for t in at.text]
    assert "Ignored unknown parameter 'bogus'." in notes
    assert "Ignored sector=nope: not a known value." in notes


def test_presenter_mode_hides_tools_and_shows_chips(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APP_SECONDS)
    at.query_params["present"] = "1"  # as in a link that opens a new session
    at.run()
    at.query_params["organization"] = "sco"
    at.switch_page("dashboard/views/memberships.py").run()
    assert not at.exception
    assert not [t for t in at.toggle if t.key == "present"]
    assert at.button(key="present-next").label.endswith("▶")
    assert at.multiselect(key="m-org").value == ["sco"]
    # chip text is escaped so Markdown never renders data
    assert at.get("button_group")[0].proto.options[0].content == "organization\\: SCO"


def test_route_length_says_how_much_of_it_is_estimated(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = open_app("dashboard/views/corridor.py")
    assert not at.exception
    lengths = [t.value for t in at.text if t.value.startswith("Length: ")]
    assert lengths, [t.value for t in at.text]
    assert re.fullmatch(r"Length: [\d,]+ km, of which [\d,]+ km \(\d+%\) estimated\.", lengths[0])
    bases = {"Sourced", "Estimated from the drawn route"}
    tables = [d.value for d in at.dataframe if "Length basis" in d.value.columns]
    assert len(tables) == 2  # the route's legs and every leg on the map
    assert all(set(t["Length basis"]) <= bases for t in tables)
    texts = [t.value for t in at.text]
    assert "Countries crossed, in order:\nBelarus → Russia → Iran" in texts


def test_sources_page_shows_when_each_organization_was_checked(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA", raising=False)
    at = open_app("dashboard/views/sources.py")
    assert not at.exception
    checked = next(m for m in at.metric if m.label == "Package checked up to")
    assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", checked.value)
    table = next(d.value for d in at.dataframe if "Checked up to" in d.value.columns)
    assert "NAM (partial)" in set(table["Organization"])
    assert set(table["Coverage"]) <= {"Complete", "Partial"}
    assert (table["Checked up to"] != "").all()
