"""What the pages open on: the organizations this dashboard is about first, the large ones (the
NAM) one click away, what is new on the overview."""

from __future__ import annotations

import pytest

from tests.conftest import open_app, param

MEMBERSHIPS = "dashboard/views/memberships.py"


def _spans(at) -> int:
    heading = next(h.value for h in at.subheader if h.value.startswith("Spans ("))
    return int(heading.removeprefix("Spans (").removesuffix(")").replace(",", ""))


@pytest.mark.usefixtures("bundled_app")
def test_memberships_leave_the_nam_one_click_away():
    at = open_app(MEMBERSHIPS)
    include = at.pills(key="m-include")
    assert include.options == ["Include NAM"]
    assert include.value is None
    without = _spans(at)
    include.set_value("large").run()
    assert not at.exception
    assert _spans(at) > without + 100  # the NAM's 100-odd spans come back
    assert param(at, "include") == ["large"]


@pytest.mark.usefixtures("bundled_app")
def test_a_link_that_picks_the_nam_shows_it_without_the_switch():
    at = open_app(MEMBERSHIPS, organization="nam")
    assert _spans(at) > 100


@pytest.mark.usefixtures("bundled_app")
def test_overview_shows_the_latest_changes_beside_the_chart():
    at = open_app()
    headings = [h.value for h in at.subheader]
    assert headings.index("Most recent changes") < headings.index("The pair in figures")
    assert any(c.value.startswith("Left out for their size: NAM") for c in at.caption)


@pytest.mark.usefixtures("bundled_app")
@pytest.mark.parametrize(
    ("key", "query", "expected"),
    [
        ("m-country", "iran", ["Iran"]),  # not Sierra Leone
        ("m-country", "BY", ["Belarus"]),  # ISO2
        ("m-country", "IRN", ["Iran"]),
        ("m-org", "sco", ["SCO — Shanghai Cooperation Organisation"]),
        ("m-org", "EAEU", ["EAEU — Eurasian Economic Union"]),
    ],
)
def test_pickers_offer_what_the_search_finds(key, query, expected):
    at = open_app(MEMBERSHIPS)
    at.text_input(key=f"{key}-find").input(query).run()
    assert not at.exception
    assert at.multiselect(key=key).options == expected
    assert at.multiselect(key=key).value == []  # finding selects nothing
