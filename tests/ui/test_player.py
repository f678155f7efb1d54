"""Play controls (AppTest): step back and forward by year or by change, the date in the link."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_app

pytestmark = pytest.mark.usefixtures("bundled_app")


def as_of(at: AppTest) -> str:
    value = at.query_params.get("as_of", "")
    return value[0] if isinstance(value, list) else value


def test_memberships_steps_by_year_and_the_link_follows():
    at = open_app("dashboard/views/memberships.py", as_of="2016-06-01")
    at.button(key="m-forward").click().run()
    assert not at.exception
    assert at.date_input(key="m-as-of").value == date(2017, 1, 1)
    assert as_of(at) == "2017-01-01"
    assert "Status on 2017-01-01" in [s.value for s in at.subheader]
    at.button(key="m-back").click().run()
    at.button(key="m-back").click().run()
    assert at.date_input(key="m-as-of").value == date(2015, 1, 1)
    assert as_of(at) == "2015-01-01"


def test_memberships_steps_from_change_to_change():
    # BLR in the SCO: observer from 2015-07-10, member from 2024-07-04
    at = open_app(
        "dashboard/views/memberships.py",
        organization="sco",
        country="BLR",
        step="change",
        as_of="2016-01-01",
    )
    at.button(key="m-forward").click().run()
    assert at.date_input(key="m-as-of").value == date(2024, 7, 4)
    at.button(key="m-back").click().run()
    assert at.date_input(key="m-as-of").value == date(2015, 7, 10)
    assert at.query_params["step"] in ("change", ["change"])


def test_play_starts_from_the_first_frame_at_the_end_and_pause_stops():
    at = open_app("dashboard/views/memberships.py", organization="sco", step="change")
    at.button(key="m-play").click().run()
    assert not at.exception
    assert at.session_state["m-playing"] is True
    assert at.date_input(key="m-as-of").value == date(2001, 6, 15)  # the SCO's founding
    assert at.button(key="m-play").label == "Pause"
    at.button(key="m-play").click().run()
    assert at.session_state["m-playing"] is False
    assert at.button(key="m-play").label == "Play"


def test_overview_and_corridor_players():
    at = open_app("", as_of="2023-01-01")
    at.button(key="o-forward").click().run()
    assert at.date_input(key="o-as-of").value == date(2024, 1, 1)
    assert as_of(at) == "2024-01-01"
    at = open_app("dashboard/views/corridor.py", organization="brics", as_of="2023-06-01")
    texts = [t.value for t in at.text]
    assert any(t.startswith("BRICS on 2023-06-01: 5 countries with a status") for t in texts)
    at.button(key="c-forward").click().run()
    texts = [t.value for t in at.text]
    assert any(t.startswith("BRICS on 2024-01-01: 9 countries with a status") for t in texts)


def test_corridor_without_an_organization_has_no_player():
    at = open_app("dashboard/views/corridor.py")
    assert not [b for b in at.button if b.key == "c-play"]
