"""URL ↔ widget values: round trips, defaults left out, bad values ignored with a notice."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard.site import BY_PATH
from dashboard.ui.query import (
    MAX_TOKEN,
    TOKEN,
    Param,
    chips,
    escape_markdown,
    profile_link,
    profile_links,
    read_query,
    view_link,
    write_query,
)
from dashboard.ui.show import PROFILE_TEXT

AGREEMENTS = BY_PATH["agreements"].params
CORRIDOR = BY_PATH["corridor"].params
MEMBERSHIPS = BY_PATH["memberships"].params
ALLOWED = {
    "sector": ["health", "tourism", "trade"],
    "party": ["IRN", "BLR", "eaeu"],
    "kind": ["treaty", "memorandum"],
    "status": ["signed", "planned"],
}


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"a-sector": ["health", "tourism"]},
        {"a-party": ["IRN"], "a-kind": ["treaty"], "a-q": "roadmap"},
        {"a-from": date(2020, 1, 1), "a-to": date(2025, 12, 31)},
        {"a-sector": ["trade"], "a-status": ["planned"], "a-q": "Минск, تهران"},
    ],
)
def test_round_trip(values):
    query = write_query(values, AGREEMENTS, {})
    assert read_query(query, AGREEMENTS, ALLOWED) == (values, [])


def test_repeated_keys_and_names_after_columns():
    query = write_query(
        {"a-sector": ["health", "tourism"], "a-from": date(2024, 7, 4)}, AGREEMENTS, {}
    )
    assert query == {"sector": ["health", "tourism"], "from": ["2024-07-04"]}


def test_defaults_are_left_out_of_the_url():
    defaults = {"m-as-of": date(2026, 11, 23), "m-compare": ["IRN", "BLR"]}
    values = {**defaults, "m-org": ["sco"]}
    assert write_query(values, MEMBERSHIPS, defaults) == {"organization": ["sco"]}


@pytest.mark.parametrize(
    ("query", "values", "notice"),
    [
        ({"bogus": ["1"]}, {}, "unknown parameter 'bogus'"),
        ({"sector": ["health", "nope"]}, {"a-sector": ["health"]}, "sector=nope"),
        ({"sector": ["nope"]}, {}, "sector=nope"),
        ({"from": ["2024-13-01"]}, {}, "from=2024-13-01"),
        ({"from": ["yesterday"]}, {}, "from=yesterday"),
        ({"to": ["2024"]}, {}, "to=2024"),
        ({"q": ["a", "b"]}, {"a-q": "a"}, "q=b"),
    ],
)
def test_bad_parts_are_ignored_with_a_notice(query, values, notice):
    got, notices = read_query(query, AGREEMENTS, ALLOWED)
    assert got == values
    assert len(notices) == 1
    assert notice in notices[0]


def test_empty_values_and_duplicates():
    got, notices = read_query({"sector": ["", "health", "health"], "q": [" "]}, AGREEMENTS, ALLOWED)
    assert got == {"a-sector": ["health"]}
    assert notices == []


def test_present_is_global_and_single_choice_checked():
    query = {"present": ["1"], "organization": ["sco"], "from_place": ["atlantis"]}
    got, notices = read_query(query, CORRIDOR, {"organization": ["sco"], "from_place": ["minsk"]})
    assert got == {"c-org": "sco"}
    assert notices == ["Ignored from_place=atlantis: not a known value."]


def test_long_text_is_cut():
    got, _ = read_query({"q": ["x" * 1000]}, AGREEMENTS, ALLOWED)
    assert len(got["a-q"]) == 200


@pytest.mark.parametrize(
    ("page_url", "query", "link"),
    [
        ("http://h:8501/", {}, "http://h:8501"),
        (
            "http://h:8501/agreements",
            {"sector": ["health", "tourism"]},
            "http://h:8501/agreements?sector=health&sector=tourism",
        ),
        ("https://x.org/sources?q=old", {"q": ["a b&c"]}, "https://x.org/sources?q=a+b%26c"),
    ],
)
def test_view_link(page_url, query, link):
    assert view_link(page_url, query) == link


def test_chips_show_labels_for_non_default_values():
    values = {"a-sector": ["health"], "a-party": ["IRN"], "a-from": date(2020, 1, 1), "a-q": ""}
    labels = {"sector": {"health": "Health"}, "party": {"IRN": "Iran"}}
    assert chips(values, AGREEMENTS, {}, labels) == [
        "sector: Health",
        "party: Iran",
        "from: 2020-01-01",
    ]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Iran", "Iran"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("[x](javascript:y)", "\\[x\\]\\(javascript\\:y\\)"),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def test_a_token_is_kept_whole_up_to_its_limit():
    params = (Param("story", "story-token", TOKEN),)
    token = "x" * 5000
    values, notices = read_query({"story": [token]}, params, {})
    assert values == {"story-token": token}
    assert notices == []
    values, _ = read_query({"story": ["y" * (MAX_TOKEN + 5)]}, params, {})
    assert len(values["story-token"]) == MAX_TOKEN
    assert write_query({"story-token": token}, params, {}) == {"story": [token]}


def test_profile_link_is_relative_with_code_and_quoted_name():
    link = profile_link("CIV", "Côte d'Ivoire & co")
    assert link.startswith("country?country=CIV#")
    assert "&" not in link.split("#")[1]  # quoted: the name cannot add parameters
    assert unquote(re.search(PROFILE_TEXT, link).group(1)) == "Côte d'Ivoire & co"


def test_profile_links_leave_rows_without_a_country_empty():
    links = profile_links(pd.Series(["IRN", "", None]), pd.Series(["Iran", "", ""]))
    assert list(links) == ["country?country=IRN#Iran", "", ""]
