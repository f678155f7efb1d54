"""Display frames: profile links carry the code in the query and the name after '#'."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pandas as pd

from dashboard.derive.display import membership_table, party_countries
from dashboard.ui.query import profile_link, profile_links

DISPLAY = re.compile(r"#(.+)$")  # the table's display pattern (dashboard.ui.PROFILE_TEXT)


def test_profile_link_is_relative_with_code_and_quoted_name():
    link = profile_link("CIV", "Côte d'Ivoire & co")
    assert link.startswith("country?country=CIV#")
    assert "&" not in link.split("#")[1]  # quoted: the name cannot add parameters
    assert unquote(DISPLAY.search(link).group(1)) == "Côte d'Ivoire & co"


def test_profile_links_leave_rows_without_a_country_empty():
    links = profile_links(pd.Series(["IRN", "", None]), pd.Series(["Iran", "", ""]))
    assert list(links) == ["country?country=IRN#Iran", "", ""]


def test_membership_table_keeps_the_code_for_links(mini_pkg):
    table = membership_table(mini_pkg["memberships"], mini_pkg)
    assert set(zip(table["Country"], table["ISO3"], strict=True)) == {
        ("Iran", "IRN"),
        ("Belarus", "BLR"),
        ("Russia", "RUS"),
    }


def test_party_countries_leaves_organizations_out(mini_pkg):
    parties = party_countries(("IRN", "eaeu", "BLR"), mini_pkg)
    assert list(parties["Country"]) == ["Iran", "Belarus"]
    assert list(parties["ISO3"]) == ["IRN", "BLR"]
