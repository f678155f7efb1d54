"""URL ↔ widget values: round trips, defaults left out, bad values ignored with a notice."""

from __future__ import annotations

import random
import re
from datetime import date
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard.site import BY_PATH, PAGES
from dashboard.ui.query import (
    EARLIEST,
    LATEST,
    MAX_TOKEN,
    TOKEN,
    WORD_JOINER,
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


@pytest.mark.parametrize("name", ["as_of", "from", "to"])
@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_dates_outside_the_pickers_range_are_ignored_with_a_notice(name: str, value: str):
    values, notices = read_query({name: [value]}, MEMBERSHIPS, ALLOWED)
    assert values == {}
    assert notices == [f"Ignored {name}={value}: not a date from 1900-01-01 to 2100-12-31."]
    inside, none = read_query({name: ["1900-01-01"]}, MEMBERSHIPS, ALLOWED)
    assert list(inside.values()) == [date(1900, 1, 1)]
    assert none == []


@pytest.mark.parametrize("value", ["2016-W01-1", "２０１６-01-01", "2016-1-01x", "2016-02-30", ""])
def test_dates_not_written_yyyy_mm_dd_are_ignored(value: str):
    values, _ = read_query({"as_of": [value]}, MEMBERSHIPS, ALLOWED)
    assert values == {}


ODD_VALUES = [
    "",
    " ",
    "x" * 100_000,
    "\u202e\u200b\ufeff",
    "\x00\x1f\x7f",
    "ﷺ𝕏🏳️‍🌈",
    "[Click here](https://evil.example)",
    "../../etc/passwd",
    "%00%zz",
    "1e309",
    "-1",
]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "home")
def test_query_parser_fuzz_never_raises_on_any_page(page):
    """Unknown, repeated, empty, very long and odd-unicode parameters on every page: values of
    the declared kinds, and notices that are short plain text."""
    rng = random.Random(page.url_path)
    names = [p.name for p in page.params] + ["bogus", "", "ß" * 300, "present", "\u202e"]
    allowed = {p.name: ["sco", "health", "asc", "desc", "year"] for p in page.params}
    for _ in range(100):
        query = {
            rng.choice(names): [rng.choice(ODD_VALUES) for _ in range(rng.randint(0, 4))]
            for _ in range(rng.randint(0, 6))
        }
        for allowed_here in (allowed, {}):
            values, notices = read_query(query, page.params, allowed_here)
            kinds = {p.key: p.kind for p in page.params}
            for key, value in values.items():
                kind = kinds[key]
                if kind == "multi":
                    assert all(isinstance(v, str) for v in value)
                elif kind == "date":
                    assert EARLIEST <= value <= LATEST
                else:
                    assert len(value) <= (MAX_TOKEN if kind == TOKEN else 200)
            for notice in notices:
                assert len(notice) < 300
                assert "\u202e" not in notice


def test_escaped_markdown_breaks_bare_links_and_addresses():
    shown = escape_markdown("see https://evil.example, www.evil.example or me@evil.example")
    assert "https://" not in shown.replace("\\", "")
    assert "://" not in shown.replace("\\", "")
    assert "www." not in shown.replace("\\", "").lower()
    assert "e@" not in shown.replace("\\", "")
    # what a reader sees is the text itself, with invisible word joiners only
    assert shown.replace("\\", "").replace(WORD_JOINER, "") == (
        "see https://evil.example, www.evil.example or me@evil.example"
    )


def test_escaped_markdown_has_no_bidi_overrides():
    assert escape_markdown("abc\u202edef\u2066") == "abcdef"
