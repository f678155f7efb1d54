"""A country's profile: headline counts, peers ranked by shared organizations, trade, places."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.datapackage import vocabularies as v
from dashboard.derive.profiles import (
    country_events,
    country_places,
    event_table,
    shared_memberships,
    status_headline,
    trade_frame,
)
from dashboard.draw.deck import fit_view
from tests.conftest import NAMES, ORGS, make_spans

TODAY = date(2026, 1, 1)
SPANS = make_spans(
    ("BLR", "sco", "member", "2024-07-04", ""),
    ("BLR", "eaeu", "founding_member", "2015", ""),
    ("BLR", "cis", "founding_member", "1991", ""),
    ("BLR", "brics", "partner_country", "2025", ""),
    ("BLR", "nam", "observer", "1996", "1998"),  # ended: not shared today
    ("RUS", "sco", "founding_member", "2001", ""),
    ("RUS", "eaeu", "founding_member", "2015", ""),
    ("RUS", "cis", "founding_member", "1991", ""),
    ("RUS", "brics", "founding_member", "2009", ""),
    ("KAZ", "sco", "founding_member", "2001", ""),
    ("KAZ", "eaeu", "founding_member", "2015", ""),
    ("KAZ", "cis", "founding_member", "1991", ""),
    ("KAZ", "brics", "partner_country", "2025", ""),
    ("ARM", "eaeu", "member", "2015", ""),
    ("ARM", "cis", "member", "1991", ""),
    ("ARM", "sco", "dialogue_partner", "2015", ""),
    ("ARM", "brics", "applicant", "2024", ""),
    ("MNG", "sco", "observer", "2004", ""),
    ("IND", "nam", "member", "1961", ""),
    ("UKR", "cis", "member", "1991", "2018"),  # gone before the day
)
NAMES_ALL = {
    **NAMES,
    "KAZ": "Kazakhstan",
    "ARM": "Armenia",
    "MNG": "Mongolia",
    "IND": "India",
    "UKR": "Ukraine",
    **ORGS,
    "cis": "CIS",
    "brics": "BRICS",
    "nam": "NAM",
}


def test_headline_counts_todays_statuses_by_group():
    assert status_headline(SPANS, "BLR", TODAY) == {
        "member": 3,
        "observer": 0,
        "partner": 1,
        "other": 0,
    }
    assert status_headline(SPANS, "BLR", date(1997, 1, 1))["observer"] == 1
    assert status_headline(SPANS, "ARM", TODAY)["other"] == 1  # applicant
    assert status_headline(SPANS, "XXX", TODAY) == dict.fromkeys(
        ("member", "observer", "partner", "other"), 0
    )


def test_peers_ranked_by_shared_organizations_then_full_memberships_then_name():
    ranked = shared_memberships(SPANS, "BLR", TODAY, NAMES_ALL)
    # Kazakhstan, Russia and Armenia share 4 organizations with Belarus; Belarus is a full
    # member alongside Kazakhstan and Russia in 3 of them (the name decides between those two),
    # alongside Armenia in 2. Mongolia shares only the SCO.
    assert list(ranked["ISO3"]) == ["KAZ", "RUS", "ARM", "MNG"]
    assert list(ranked["Shared"]) == [4, 4, 4, 1]
    assert list(ranked["Both members"]) == [3, 3, 2, 0]
    assert list(ranked["#"]) == [1, 2, 3, 4]
    assert ranked.iloc[0]["Organizations"] == "BRICS, CIS, EAEU, SCO"
    assert "BLR" not in set(ranked["ISO3"])
    assert "UKR" not in set(ranked["ISO3"])  # left the CIS before the day


@pytest.mark.parametrize(("limit", "expected"), [(2, ["KAZ", "RUS"]), (1, ["KAZ"])])
def test_peers_limit(limit, expected):
    assert list(shared_memberships(SPANS, "BLR", TODAY, NAMES_ALL, limit)["ISO3"]) == expected


def test_no_peers_is_an_empty_frame_with_columns():
    alone = shared_memberships(SPANS, "IND", TODAY, NAMES_ALL)
    assert alone.empty
    assert "Country" in alone.columns


def test_events_trade_and_places_of_one_country(mini_pkg):
    events = country_events(mini_pkg["events"], "BLR")
    assert list(events["id"]) == ["visit-2025"]
    table = event_table(events, NAMES, {})
    assert table.loc[0, "Participants"] == "Iran, Belarus"
    assert table.loc[0, "Kind"] == "State visit"
    trade = trade_frame(mini_pkg["trade"], "IRN", NAMES)
    assert trade.loc[0, "US$ million"] == 140.0
    assert trade.loc[0, "Series"] == "Belarus → Iran: Turnover (exports + imports)"
    assert trade_frame(mini_pkg["trade"], "RUS", NAMES).empty
    places, legs = country_places(mini_pkg["places"], mini_pkg["route_segments"], "RUS")
    assert list(places["id"]) == ["moscow"]
    assert set(legs["id"]) == {"minsk-moscow", "moscow-tehran"}


def test_fit_view_centres_and_zooms_to_the_points():
    one = fit_view([51.4], [35.7], 600, 360)
    assert one == {"latitude": 35.7, "longitude": 51.4, "zoom": 7.0}
    wide = fit_view([44.0, 61.0], [25.0, 39.0], 600, 360)
    assert 3 < wide["zoom"] < 5
    assert wide["longitude"] == 52.5
    assert 25 < wide["latitude"] < 39


def test_events_frame_of_nothing_is_empty():
    empty = country_events(pd.DataFrame(columns=["participants", "date_ts"]), "BLR")
    assert empty.empty


EVENTS = pd.DataFrame(
    {
        "date": ["2025-08-19", "2024-07-04", "2025-08-19"],
        "end_date": ["2025-08-20", "", "2025-08-20"],
        "kind": ["state_visit", "summit", "state_visit"],
        "title": ['Visit to "Minsk", day one', "Саммит ШОС\nАстана", "دیدار"],
        "location": ["Minsk, Belarus", "", "Минск"],
        "participants": [("IRN", "BLR"), ("sco", "XKX"), ("IRN", "BLR")],
        "source_ids": [("src-b", "src-a"), (), ("src-a",)],
    }
)


@pytest.mark.parametrize(
    "names",
    [{**NAMES, **ORGS}, {"IRN": 'Iran, "Islamic Republic of"', "BLR": "Беларусь", "sco": "ШОС"}],
    ids=["plain", "tricky"],
)
def test_event_table_is_the_row_by_row_table(names):
    urls = {"src-a": "https://example.org/a", "src-b": ""}
    table = event_table(EVENTS, names, urls)
    expected = [
        [
            row["date"],
            row["end_date"],
            v.label(v.EVENT_KINDS, row["kind"]),
            row["title"],
            row["location"],
            ", ".join(names.get(p, p) for p in row["participants"]),
            ", ".join(row["source_ids"]),
            next((urls[i] for i in row["source_ids"] if urls.get(i)), None),
        ]
        for _, row in EVENTS.iterrows()
    ]
    assert table.astype(object).where(table.notna(), None).to_numpy().tolist() == expected


def test_event_table_names_sources_by_their_labels_when_given():
    labels = {"src-a": "Title A (Publisher, 2024-01-02)"}
    table = event_table(EVENTS, NAMES, {}, labels)
    assert list(table["Cited"]) == ["src-b; Title A (Publisher, 2024-01-02)", "", labels["src-a"]]
    assert list(table["Sources"]) == ["src-b, src-a", "", "src-a"]  # ids stay for the download
