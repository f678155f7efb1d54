"""The country profile page: from a link, from the picker, and with a code it does not know."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import open_app, param

PAGE = "dashboard/views/country.py"


pytestmark = pytest.mark.usefixtures("bundled_app")


def frame(at: AppTest, column: str):
    """The first dataframe with this column."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_profile_from_a_link():
    at = open_app(PAGE, country="IRN")
    assert [h.value for h in at.header if h.value] == ["Iran"]
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Member of"]) >= 4  # SCO, BRICS, ECO, OPEC, NAM
    assert metrics["Observer in"] == "1"  # the EAEU
    subheaders = [s.value for s in at.subheader]
    assert "Shares the most organizations with" in subheaders
    assert any(s.startswith("Agreements (") for s in subheaders)
    assert at.selectbox(key="p-country").value == "IRN"
    assert param(at, "country") == ["IRN"]


def test_peers_link_to_their_profiles():
    at = open_app(PAGE, country="BLR")
    peers = frame(at, "Both members")
    assert peers.loc[0, "Country"] == "country?country=RUS#Russia"  # shown as "Russia"
    assert {"Shared", "Organizations", "ISO3"} <= set(peers.columns)


def test_without_a_country_the_page_offers_a_picker():
    at = open_app(PAGE)
    assert at.selectbox(key="p-country").value is None
    assert any("Pick a country" in i.value for i in at.info)
    assert not at.header or all(h.value != "Iran" for h in at.header)
    at.selectbox(key="p-country").select("BLR").run()
    assert not at.exception
    assert "Belarus" in [h.value for h in at.header]
    assert param(at, "country") == ["BLR"]


def test_an_unknown_code_gets_a_clear_notice():
    at = open_app(PAGE, country="XYZ")
    assert [w.value for w in at.warning] == [
        "There is no country with the code 'XYZ' in the data. Pick one above."
    ]
    assert at.selectbox(key="p-country").value is None
    assert "country" not in at.query_params  # the address no longer names it


def test_a_country_with_no_data_says_so():
    at = open_app(PAGE, country="BOL")  # a BRICS partner only: no agreement, event, trade or place
    infos = " ".join(i.value for i in at.info)
    assert "party to no agreement" in infos
    assert "No trade figure" in infos
    assert "No place of the corridor" in infos
