"""Display tables: names for codes, with the codes kept for links."""

from __future__ import annotations

from dashboard.derive.display import membership_table, party_countries


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
