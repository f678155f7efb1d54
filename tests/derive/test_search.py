"""Picker search: word starts, codes and initials, never scattered letters."""

from __future__ import annotations

import pytest

from dashboard.derive.search import country_codes, fold, initials, matching

ORGANIZATIONS = {  # id → the picker's label
    "sco": "SCO — Shanghai Cooperation Organisation",
    "brics": "BRICS",
    "eaeu": "EAEU — Eurasian Economic Union",
    "wpact": "WPact — Warsaw Treaty Organization",
    "cmea": "Comecon — Council for Mutual Economic Assistance",
    "nam": "NAM — Non-Aligned Movement",
    "ebrd": "EBRD — European Bank for Reconstruction and Development",
    "ieo": "IEO — International Energy Forum (Warsaw office)",
}
COUNTRIES = {
    "IRN": "Iran",
    "SLE": "Sierra Leone",
    "BLR": "Belarus",
    "LBY": "Libya",
    "CIV": "Côte d'Ivoire",
    "IRQ": "Iraq",
    "KGZ": "Kyrgyzstan",
}
ISO2 = {"IRN": ("IR",), "SLE": ("SL",), "BLR": ("BY",), "LBY": ("LY",), "IRQ": ("IQ",)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("warsaw", ["wpact", "ieo"]),  # names with a word starting so, not scattered letters
        ("Warsaw Treaty", ["wpact"]),
        ("sco", ["sco"]),
        ("SCO", ["sco"]),
        ("EAEU", ["eaeu"]),
        ("eurasian", ["eaeu"]),
        ("cmea", ["cmea"]),  # by its initials
        ("comecon", ["cmea"]),
        ("non-aligned", ["nam"]),
        ("shanghai coop", ["sco"]),
        ("ocs", []),
        ("", list(ORGANIZATIONS)),
    ],
)
def test_organizations(query, expected):
    assert matching(query, ORGANIZATIONS) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("iran", ["IRN"]),  # not Sierra Leone, whose letters merely include i, r, a, n
        ("Iran", ["IRN"]),
        ("IRN", ["IRN"]),
        ("irn", ["IRN"]),
        ("BY", ["BLR"]),  # its ISO 3166-1 alpha-2 code; not Libya
        ("by", ["BLR"]),
        ("ir", ["IRN", "IRQ"]),  # codes starting so, before names
        ("cote", ["CIV"]),  # accents folded
        ("ivoire", ["CIV"]),
        ("kyrg", ["KGZ"]),
        ("leone", ["SLE"]),
        ("bel", ["BLR"]),
        ("ran", []),
    ],
)
def test_countries(query, expected):
    assert matching(query, COUNTRIES, ISO2) == expected


def test_the_best_match_comes_first():
    names = {"IRQ": "Iraq", "IRN": "Iran"}
    assert matching("IRN", names) == ["IRN"]
    assert matching("ira", names) == ["IRQ", "IRN"]  # equally good: in the order given


def test_fold_and_initials():
    assert fold("Côte d'Ivoire") == "cote d'ivoire"
    assert initials("Council for Mutual Economic Assistance") == "cmea"


def test_country_codes_come_from_iso():
    assert country_codes(["BLR", "IRN", "DDR"]) == {"BLR": ("BY",), "IRN": ("IR",)}
