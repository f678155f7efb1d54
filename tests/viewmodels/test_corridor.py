"""Shading the corridor map by an organization: who is shaded, who is listed as not drawn."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from dashboard import config
from dashboard.datapackage.vocabularies import CORRIDORS
from dashboard.derive.routes import RouteQuery, SegmentFilter
from dashboard.draw import deck
from dashboard.viewmodels import corridor
from tests.layered import layered_package


@pytest.fixture
def pkg(tmp_path: Path):
    return layered_package(tmp_path)


def test_the_shipped_basemap_has_todays_states_and_no_former_ones():
    codes = corridor.basemap_codes()
    assert {"POL", "IRN", "BLR", "RUS"} <= codes
    assert not {"DDR", "SUN", "CSK", "YUG", "MLT"} & codes


def test_an_unreadable_basemap_gives_no_codes(tmp_path: Path):
    broken = tmp_path / "countries.geojson"
    broken.write_text("{not json", encoding="utf-8")
    assert corridor.basemap_codes(broken) == frozenset()
    assert corridor.basemap_codes(tmp_path / "missing.geojson") == frozenset()


def test_the_warsaw_pact_in_1985_shades_poland_and_lists_the_gdr(pkg):
    shading = corridor.shading(pkg, "wpact", date(1985, 6, 30), frozenset({"POL"}))
    assert shading.statuses == {"POL": "member"}
    assert shading.held == 2
    assert shading.not_drawn == ("German Democratic Republic",)
    assert shading.text == (
        "WPact on 1985-06-30: 2 countries with a status, 1 shaded (within today's borders). "
        "Checked up to 2014 (COW IGO v3, year precision)."
    )
    assert shading.missing.startswith("Not drawn, no shape on this map (1): German Democratic")


def test_a_partial_organization_says_so_beside_its_count(pkg):
    shading = corridor.shading(pkg, "eaeu", date(2026, 1, 1), frozenset({"BLR", "IRN"}))
    assert shading.text.startswith("EAEU (partial) on 2026-01-01: 3 countries with a status")
    assert shading.text.endswith(
        "Checked up to 2026-10; 1 span from COW IGO v3 (year precision, to 2014)."
    )
    assert shading.not_drawn == ("German Democratic Republic",)


def test_without_a_basemap_nothing_is_claimed_missing(pkg):
    shading = corridor.shading(pkg, "wpact", date(1985, 6, 30), frozenset())
    assert set(shading.statuses) == {"DDR", "POL"}
    assert shading.missing == ""


def test_a_day_with_no_member_says_so(pkg):
    shading = corridor.shading(pkg, "wpact", date(2000, 1, 1))
    assert shading.statuses == {}
    assert shading.text.startswith("WPact on 2000-01-01: 0 countries with a status, 0 shaded")


EVERYTHING = tuple(deck.LAYER_NAMES)


def test_shading_follows_the_day(mini_pkg):
    before = corridor.map_view(mini_pkg, SegmentFilter(), EVERYTHING, "sco", date(2020, 1, 1))
    after = corridor.map_view(mini_pkg, SegmentFilter(), EVERYTHING, "sco", date(2025, 1, 1))
    assert len(before.features) == 2  # Russia, and Belarus as observer
    assert len(after.features) == 3
    assert after.shaded.text.startswith("SCO on 2025-01-01: 3 countries with a status")
    deck = json.loads(after.deck.to_json())
    shading = next(layer for layer in deck["layers"] if layer["id"] == "shading")
    tips = {
        f["properties"]["iso3"]: f["properties"]["tooltip"] for f in shading["data"]["features"]
    }
    assert tips["IRN"].startswith("Iran\nMember of SCO since 2023-07-04")


def test_no_organization_no_shading(mini_pkg):
    view = corridor.map_view(mini_pkg, SegmentFilter(), EVERYTHING, "", date(2025, 1, 1))
    assert view.shaded is None
    assert view.features == []
    assert "shading" not in [layer.id for layer in view.deck.layers]


def test_png_has_title_and_credit_as_text_and_pixels(mini_pkg):
    view = corridor.map_view(mini_pkg, SegmentFilter(), EVERYTHING, "sco", date(2025, 1, 1))
    png = corridor.png(view, ["SCO membership as of 2025-01-01", "layer: Basemap"])
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.text["Title"] == corridor.TITLE
    assert "Natural Earth" in image.text["Copyright"]
    assert "2025-01-01" in image.text["Description"]
    assert image.width > 1000
    svg = corridor.svg(view, ["SCO membership as of 2025-01-01"])
    assert corridor.TITLE in svg
    assert "Natural Earth" in svg


def test_every_branch_has_a_short_name_for_its_chip():
    assert set(corridor.BRANCH_NAMES) == set(CORRIDORS)
    assert max(len(name) for name in corridor.BRANCH_NAMES.values()) <= 25


def test_the_route_card_names_countries_crossings_and_unfinished_legs(mini_pkg):
    card = corridor.card(mini_pkg, RouteQuery("minsk", "tehran"))
    assert card.countries == "Belarus → Russia → Iran"
    assert card.crossings == (
        "Belarus → Russia: Rail (Minsk – Moscow)",
        "Russia → Iran: Sea (Moscow – Tehran)",
    )
    assert card.transshipments == ("Moscow: Rail → Sea",)
    assert card.not_operational == ("Moscow – Tehran: Planned",)
    assert card.by_mode == "Rail 700 km · Sea 0 km (0% of the known length by sea)"
    assert corridor.card(mini_pkg, RouteQuery("minsk", "tehran", ("iran_trunk",))) is None


def test_the_map_view_draws_the_route_on_top_in_the_theme(mini_pkg):
    view = corridor.map_view(
        mini_pkg,
        SegmentFilter(),
        tuple(corridor.LAYER_NAMES),
        "",
        date(2025, 1, 1),
        "dark",
        ("minsk-moscow",),
    )
    spec = json.loads(view.deck.to_json())
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids.index("route") > ids.index("segments")
    sea = next(layer for layer in spec["layers"] if layer["id"] == "sea")
    assert sea["getFillColor"][:3] == deck.rgb(config.MAP_THEMES["dark"].sea)[:3]
    assert "Faded: off the chosen route" in view.legend


def test_legs_of_a_place_left_out_are_listed_as_not_drawn():
    places = pd.DataFrame({"id": ["minsk", "moscow"]})
    legs = pd.DataFrame(
        {"from_place": ["minsk", "moscow", "tehran"], "to_place": ["moscow", "tehran", "baku"]}
    )
    note = corridor.undrawn_note(legs, places)
    assert note.startswith("Not drawn (2 legs): no position for baku, tehran,")
    assert corridor.undrawn_note(legs.iloc[:1], places) == ""
