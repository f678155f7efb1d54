"""Shaded countries: shapes from the basemap file, status and since when in a plain tooltip."""

from __future__ import annotations

from datetime import date

from dashboard import config
from dashboard.derive.summaries import membership_shading
from dashboard.draw.basemap import highlight, shaded_features, shapes
from dashboard.draw.deck import rgb
from tests.conftest import NAMES

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
OUTLINES = {
    code: {
        "type": "Feature",
        "properties": {"iso3": code, "name": f"NE {code}"},
        "geometry": SQUARE,
    }
    for code in ("IRN", "BLR")
}


def test_the_bundled_basemap_has_the_corridor_countries():
    outlines = shapes()
    assert {"IRN", "BLR", "RUS", "AZE", "KAZ", "TKM", "IND"} <= set(outlines)
    assert outlines["IRN"]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_a_missing_basemap_file_gives_no_shapes(tmp_path):
    assert shapes(tmp_path / "nothing.geojson") == {}


def test_shading_lists_status_and_since_as_written(mini_pkg):
    rows = membership_shading(mini_pkg["memberships"], "eaeu", date(2025, 1, 1))
    assert set(zip(rows["country"], rows["status"], rows["since"], strict=True)) == {
        ("BLR", "founding_member", "2015-01-01"),
        ("IRN", "observer", "2024-12"),
    }
    assert membership_shading(mini_pkg["memberships"], "eaeu", date(2014, 1, 1)).empty


def test_features_carry_colour_and_a_plain_text_tooltip(mini_pkg):
    rows = membership_shading(mini_pkg["memberships"], "sco", date(2025, 1, 1))
    features = shaded_features(rows, "SCO", {**NAMES, "IRN": "Iran <b>"}, OUTLINES)
    by_code = {f["properties"]["iso3"]: f["properties"] for f in features}
    assert set(by_code) == {"IRN", "BLR"}  # Russia is not in these outlines: left out
    assert by_code["IRN"]["tooltip"] == (
        "Iran <b>\nMember of SCO since 2023-07-04\nSources: src-a"
    )  # shown by deck.gl as text, never HTML
    assert by_code["BLR"]["color"] == rgb(
        config.STATUS_COLORS["member"], config.MEMBERSHIP_SHADE_ALPHA
    )
    assert by_code["BLR"]["since"] == "2024-07-04"


def test_highlight_outlines_one_country():
    [feature] = highlight("IRN", "Iran", OUTLINES)
    assert feature["properties"]["tooltip"] == "Iran"
    assert highlight("XXX", "Nowhere", OUTLINES) == []
