"""The agreements page's model: filter choices, figures, the listing and one agreement in full."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.derive.filters import AgreementFilter
from dashboard.viewmodels import agreements


def test_options_offer_sectors_in_order_with_counts_and_parties_by_name(mini_pkg):
    options = agreements.options(mini_pkg)
    # the vocabulary's order, not the data's; each sector with its count
    assert options.sectors == [
        "political",
        "trade",
        "customs",
        "pharmaceuticals",
        "health",
        "tourism",
    ]
    assert set(options.per_sector.values()) == {1}
    assert options.parties == ["BLR", "eaeu", "IRN"]  # Belarus, EAEU, Iran


@pytest.mark.parametrize(
    ("params", "count", "in_force", "planned"),
    [
        (AgreementFilter(), 4, 1, 1),
        (AgreementFilter(sectors=("health",)), 1, 0, 0),
        (AgreementFilter(parties=("eaeu",)), 1, 1, 0),
    ],
)
def test_figures_count_what_the_filters_keep(mini_pkg, params, count, in_force, planned):
    shown = agreements.rows(mini_pkg, params)
    figures = agreements.figures(mini_pkg, shown, params)
    assert (figures.count, figures.in_force, figures.planned) == (count, in_force, planned)
    assert figures.cited.startswith("Sources: ")


def test_the_listing_shows_names_newest_first_and_downloads_every_row(mini_pkg):
    listing = agreements.listing(mini_pkg)
    shown = agreements.rows(mini_pkg, AgreementFilter())
    order, way = listing.default
    page = listing.page(shown, order, way == "desc")
    assert list(page.frame["id"]) == ["ab-health", "irn-eaeu-fta", "ab-tourism", "ab-treaty"]
    assert page.frame.loc[0, "Parties"] == "Iran, Belarus"
    csv = pd.read_csv(io.BytesIO(listing.csv(shown, "title", False)), keep_default_na=False)
    assert list(csv["Title"]) == sorted(csv["Title"], key=str.lower)
    assert len(csv) == 4


def test_detail_gives_every_field_the_countries_and_the_sources(mini_pkg):
    detail = agreements.detail(mini_pkg, "irn-eaeu-fta")
    fields = dict(zip(detail.fields["Field"], detail.fields["Value"], strict=True))
    assert fields["Title"] == "Free trade agreement"
    assert fields["Parties"] == "Iran, EAEU"
    assert fields["Organization"] == "EAEU"
    assert fields["In force"] == "2025-05-15"
    assert list(detail.countries["ISO3"]) == ["IRN"]  # the EAEU is a party, not a country
    assert list(detail.sources["Source"]) == ["src-b"]
    assert detail.sources.loc[0, "Title"] == "Source B"


def test_detail_of_an_unknown_agreement_is_none(mini_pkg):
    assert agreements.detail(mini_pkg, "nope") is None
