"""The corridor deck, checked by its spec: layers, accessors, colours by mode and status."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import config, maps

PLACES = pd.DataFrame(
    {
        "id": ["minsk", "moscow", "anzali", "rasht"],
        "name": ["Minsk", "Moscow", "Bandar-e Anzali", "Rasht <b>&"],
        "country": ["BLR", "RUS", "IRN", "IRN"],
        "kind": ["city", "junction", "port", "junction"],
        "lat": [53.9, 55.75, 37.47, 37.27],
        "lon": [27.57, 37.62, 49.46, 49.58],
        "note": ["", "", "A port. " * 60, ""],
        "source_ids": [("src-a",), ("src-a",), ("src-a", "src-b"), ("src-b",)],
    }
)
SEGMENTS = pd.DataFrame(
    {
        "id": ["minsk-moscow", "moscow-anzali", "anzali-rasht", "ghost"],
        "corridor": ["belarus_russia", "instc_trans_caspian", "iran_trunk", "iran_trunk"],
        "from_place": ["minsk", "moscow", "anzali", "anzali"],
        "to_place": ["moscow", "anzali", "rasht", "nowhere"],
        "mode": ["rail", "sea", "road", "rail"],
        "status": ["operational", "planned", "gap", "operational"],
        "length_km": [700.0, None, 37.0, 1.0],
        "waypoints": ["", "45 48;40 50", "", ""],
        "note": ["", "Schematic", "Missing link", ""],
        "source_ids": [("src-a",), ("src-a",), ("src-b",), ("src-b",)],
    }
)


def spec(**kwargs) -> dict:
    segments = maps.segment_frame(SEGMENTS, PLACES)
    places = maps.place_frame(PLACES, {"IRN": "Iran"})
    return json.loads(maps.build_deck(segments, places, **kwargs).to_json())


def layer(deck: dict, layer_id: str) -> dict:
    return next(item for item in deck["layers"] if item["id"] == layer_id)


@pytest.mark.parametrize(
    ("hex_color", "alpha", "expected"),
    [("#0072B2", 255, [0, 114, 178, 255]), ("E69F00", 100, [230, 159, 0, 100])],
)
def test_rgb(hex_color, alpha, expected):
    assert maps.rgb(hex_color, alpha) == expected


def test_layers_in_drawing_order_and_no_tiles():
    deck = spec()
    assert [item["id"] for item in deck["layers"]] == [
        "sea",
        "countries",
        "segments-casing",
        "segments",
        "segments-dotted",
        "places",
        "labels",
    ]
    assert deck["initialViewState"] == config.MAP_VIEW
    # map_provider=None: Streamlit's sentinel style, so no CARTO tiles are requested.
    assert deck["mapStyle"] == "__MAP_STYLE__"
    assert deck.get("mapProvider") is None


def test_basemap_is_fetched_from_static_url_not_inlined():
    countries = layer(spec(), "countries")
    assert countries["@@type"] == "GeoJsonLayer"
    assert countries["data"] == config.BASEMAP_URL
    assert countries["getFillColor"] == "@@=" + str(maps.rgb(config.LAND_COLOR))
    assert countries["stroked"] is True


@pytest.mark.parametrize(
    ("seg_id", "mode", "status"),
    [
        ("minsk-moscow", "rail", "operational"),
        ("moscow-anzali", "sea", "planned"),
        ("anzali-rasht", "road", "gap"),
    ],
)
def test_segment_colour_by_mode_width_by_status(seg_id, mode, status):
    paths = layer(spec(), "segments")
    assert paths["getColor"] == "@@=color"
    assert paths["getWidth"] == "@@=width"
    assert paths["widthUnits"] == "pixels"
    assert paths["pickable"] is True
    row = next(r for r in paths["data"] if r["id"] == seg_id)
    alpha = config.SEGMENT_STATUS_ALPHAS[status]
    assert row["color"] == maps.rgb(config.MODE_COLORS[mode], alpha)
    assert row["width"] == config.SEGMENT_STATUS_WIDTHS[status]


def test_segment_path_runs_through_waypoints_and_unknown_places_are_dropped():
    rows = {r["id"]: r for r in layer(spec(), "segments")["data"]}
    assert "ghost" not in rows
    assert rows["moscow-anzali"]["path"] == [[37.62, 55.75], [48, 45], [50, 40], [49.46, 37.47]]


def test_only_unfinished_legs_are_dashed():
    dotted = layer(spec(), "segments-dotted")
    assert {r["id"] for r in dotted["data"]} == {"moscow-anzali", "anzali-rasht"}
    assert dotted["extensions"] == [{"@@type": "PathStyleExtension", "dash": True}]


def test_tooltip_is_plain_text_with_name_mode_status_length_note_sources():
    rows = {r["id"]: r["tooltip"] for r in layer(spec(), "segments")["data"]}
    assert rows["moscow-anzali"].startswith(
        "Moscow – Bandar-e Anzali\nSea · Planned · length unknown"
    )
    assert "Schematic" in rows["moscow-anzali"]
    assert "Sources: src-a" in rows["moscow-anzali"]
    assert "700 km" in rows["minsk-moscow"]
    assert maps.TOOLTIP["text"] == "{tooltip}"  # innerText: data is never read as HTML


def test_place_tooltip_shortens_long_notes_and_keeps_text_as_is():
    places = maps.place_frame(PLACES, {"IRN": "Iran"})
    assert len(places.loc[2, "tooltip"]) < maps.NOTE_CHARS + 80
    assert places.loc[3, "tooltip"].startswith("Rasht <b>&\nJunction, Iran")
    assert places.loc[0, "color"] == maps.rgb(config.PLACE_KIND_COLORS["city"])


def test_labels_that_collide_are_thinned_weightiest_first():
    labels = maps.label_frame(maps.place_frame(PLACES, {}), SEGMENTS)
    # Rasht and Anzali overlap at the first zoom: the port with more legs keeps its label.
    assert list(labels["id"]) == ["minsk", "moscow", "anzali"]


def test_layers_switch_off():
    deck = spec(shown=("segments",))
    assert [item["id"] for item in deck["layers"]] == [
        "segments-casing",
        "segments",
        "segments-dotted",
    ]


def test_shading_colours_countries_by_status():
    statuses = {"IRN": "member", "BLR": "member", "RUS": "founding_member", "bad'": "member"}
    fill = layer(spec(statuses=statuses), "countries")["getFillColor"]
    member = maps.rgb(config.STATUS_COLORS["member"], config.MEMBERSHIP_SHADE_ALPHA)
    founder = maps.rgb(config.STATUS_COLORS["founding_member"], config.MEMBERSHIP_SHADE_ALPHA)
    assert fill == (
        f"@@=properties.iso3 == 'RUS' ? {founder} : "
        f"properties.iso3 == 'BLR' || properties.iso3 == 'IRN' ? {member} : "
        f"{maps.rgb(config.LAND_COLOR)}"
    )
    assert "bad" not in fill
    assert layer(spec(statuses=statuses), "countries")["updateTriggers"]["getFillColor"] in fill


def test_shading_layer_off_keeps_plain_land():
    deck = spec(statuses={"IRN": "member"}, shown=("basemap",))
    assert "iso3" not in layer(deck, "countries")["getFillColor"]


def test_legend_lists_every_mode_and_kind():
    text = maps.legend_html(shading=True)
    for label in ("Rail", "Sea", "Road", "Port", "Border crossing", "Observer"):
        assert label in text
    assert "Observer" not in maps.legend_html(shading=False)


@pytest.mark.parametrize(
    ("length", "basis", "expected"),
    [
        (1121.0, "sourced", "1,121 km"),
        (430.4, "estimated", "~430 km (estimated)"),
        (float("nan"), "estimated", "length unknown"),
        (12.0, "", "12 km"),
    ],
)
def test_length_label_marks_estimates(length, basis, expected):
    assert maps.length_label(length, basis) == expected


def test_tooltip_of_an_estimated_leg_says_so():
    segments = SEGMENTS.assign(length_basis=["sourced", "", "estimated", ""])
    rows = maps.segment_frame(segments, PLACES).set_index("id")["tooltip"]
    assert "· 700 km\n" in rows["minsk-moscow"]
    assert "· ~37 km (estimated)\n" in rows["anzali-rasht"]
