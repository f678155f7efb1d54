"""The corridor deck, checked by its spec: layers, accessors, colours by mode and status."""

from __future__ import annotations

import base64
import json

import pandas as pd
import pytest

from dashboard import config
from dashboard.datapackage.vocabularies import MEMBERSHIP_STATUSES
from dashboard.draw import legend, map_data
from dashboard.draw.deck import TOOLTIP, build_deck, rgb

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
    segments = map_data.segment_frame(SEGMENTS, PLACES)
    places = map_data.place_frame(PLACES, {"IRN": "Iran"})
    labels = map_data.label_frame(places, SEGMENTS)
    return json.loads(build_deck(segments, places, labels, **kwargs).to_json())


SHADED = [
    {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [[[50, 30], [55, 30], [55, 35], [50, 30]]]},
        "properties": {"iso3": "IRN", "color": [1, 2, 3, 110], "tooltip": "Iran\nMember"},
    }
]


def layer(deck: dict, layer_id: str) -> dict:
    return next(item for item in deck["layers"] if item["id"] == layer_id)


@pytest.mark.parametrize(
    ("hex_color", "alpha", "expected"),
    [("#0072B2", 255, [0, 114, 178, 255]), ("E69F00", 100, [230, 159, 0, 100])],
)
def test_rgb(hex_color, alpha, expected):
    assert rgb(hex_color, alpha) == expected


def test_layers_in_drawing_order_and_no_tiles():
    deck = spec()
    ids = [item["id"] for item in deck["layers"]]
    assert ids[:6] == [
        "sea",
        "countries",
        "segments-casing",
        "segments",
        "segments-dotted",
        "places",
    ]
    assert ids[6] == "labels"  # labels on top: those shown now, then those that wait
    assert all(i.startswith("labels-") for i in ids[7:])
    assert deck["initialViewState"] == config.MAP_VIEW
    # map_provider=None: Streamlit's sentinel style, so no CARTO tiles are requested.
    assert deck["mapStyle"] == "__MAP_STYLE__"
    assert deck.get("mapProvider") is None


def test_basemap_is_fetched_from_static_url_not_inlined():
    countries = layer(spec(), "countries")
    assert countries["@@type"] == "GeoJsonLayer"
    assert countries["data"] == config.BASEMAP_URL
    assert countries["getFillColor"] == rgb(config.LAND_COLOR)
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
    assert row["color"] == rgb(config.MODE_COLORS[mode], alpha)
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
    assert TOOLTIP["text"] == "{tooltip}"  # innerText: data is never read as HTML


def test_place_tooltip_shortens_long_notes_and_keeps_text_as_is():
    places = map_data.place_frame(PLACES, {"IRN": "Iran"})
    assert len(places.loc[2, "tooltip"]) < map_data.NOTE_CHARS + 80
    assert places.loc[3, "tooltip"].startswith("Rasht <b>&\nJunction, Iran")
    assert places.loc[0, "color"] == rgb(config.PLACE_KIND_COLORS["city"])


def test_every_place_is_labelled_weightiest_first_with_the_zoom_from_which_it_fits():
    labels = map_data.label_frame(map_data.place_frame(PLACES, {}), SEGMENTS)
    assert list(labels["id"]) == ["anzali", "minsk", "moscow", "rasht"]
    assert list(labels["weight"]) == [5, 5, 3, 2]  # kind weight plus one per leg
    # Rasht sits next to Bandar-e Anzali: its label waits until zooming in makes room
    first = config.MAP_VIEW["zoom"]
    assert labels.loc[labels["id"] == "rasht", "min_zoom"].item() > first
    assert (labels.loc[labels["id"] != "rasht", "min_zoom"] <= first).all()


def test_labels_that_collide_are_thinned_for_a_still_image():
    labels = map_data.label_frame(map_data.place_frame(PLACES, {}), SEGMENTS)
    # Rasht and Anzali overlap at the first zoom: the port with more legs keeps its label.
    assert list(map_data.thin_labels(labels)["id"]) == ["anzali", "minsk", "moscow"]
    assert len(map_data.thin_labels(labels, zoom=9)) == 4  # close in, all of them fit


def test_hidden_labels_come_back_when_zooming_in():
    deck = spec()
    now = layer(deck, "labels")
    assert now["@@type"] == "TextLayer"
    # beside the dot, in the app's sans-serif, as the tile layers draw the others
    assert now["getTextAnchor"] == "start"
    assert now["getPixelOffset"] == [8, 0]
    assert now["fontFamily"] == "DejaVu Sans, Arial, sans-serif"
    assert now["characterSet"] == "auto"
    assert [row["name"] for row in now["data"]] == ["Bandar-e Anzali", "Minsk", "Moscow"]
    bands = [item for item in deck["layers"] if item["id"].startswith("labels-")]
    [band] = bands
    assert band["@@type"] == "TileLayer"
    assert band["maxZoom"] == 0  # one tile for the world: each label drawn once
    assert band["visibleMinZoom"] > config.MAP_VIEW["zoom"]  # hidden until zooming in
    assert band["pointType"] == "text"
    raw = base64.b64decode(band["data"].split(",", 1)[1])
    names = [f["properties"]["name"] for f in json.loads(raw)["features"]]
    assert names == ["Rasht <b>&"]  # text as written; the layer draws it as text


def test_a_closer_first_view_shows_more_labels_at_once():
    segments = map_data.segment_frame(SEGMENTS, PLACES)
    places = map_data.place_frame(PLACES, {})
    labels = map_data.label_frame(places, SEGMENTS)
    view = {"latitude": 37.4, "longitude": 49.5, "zoom": 9.0}
    spec = json.loads(build_deck(segments, places, labels, view=view).to_json())
    assert len(layer(spec, "labels")["data"]) == 4
    assert not [item for item in spec["layers"] if item["id"].startswith("labels-")]


def test_layers_switch_off():
    deck = spec(shown=("segments",))
    assert [item["id"] for item in deck["layers"]] == [
        "segments-casing",
        "segments",
        "segments-dotted",
    ]


def test_shaded_countries_are_a_pickable_layer_over_plain_land():
    deck = spec(shading=SHADED)
    assert [item["id"] for item in deck["layers"]][:3] == ["sea", "countries", "shading"]
    assert layer(deck, "countries")["getFillColor"] == rgb(config.LAND_COLOR)
    shading = layer(deck, "shading")
    assert shading["pickable"] is True
    assert shading["getFillColor"] == "@@=properties.color"
    assert shading["data"]["features"][0]["properties"]["tooltip"] == "Iran\nMember"


def test_shading_layer_off_keeps_plain_land():
    deck = spec(shading=SHADED, shown=("basemap",))
    assert [item["id"] for item in deck["layers"]] == ["sea", "countries"]


def test_legend_lists_every_mode_and_kind():
    text = legend.legend_html(shading=True)
    for label in ("Rail", "Sea", "Road", "Port", "Border crossing", "Observer"):
        assert label in text
    assert "Observer" not in legend.legend_html(shading=False)


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
    assert map_data.length_label(length, basis) == expected


def test_tooltip_of_an_estimated_leg_says_so():
    segments = SEGMENTS.assign(length_basis=["sourced", "", "estimated", ""])
    rows = map_data.segment_frame(segments, PLACES).set_index("id")["tooltip"]
    assert "· 700 km\n" in rows["minsk-moscow"]
    assert "· ~37 km (estimated)\n" in rows["anzali-rasht"]


def test_a_chosen_route_is_drawn_on_top_and_the_other_legs_faded():
    deck = spec(route=("minsk-moscow", "moscow-anzali"))
    ids = [item["id"] for item in deck["layers"]]
    legs = ["segments-casing", "segments", "segments-dotted", "route-casing", "route"]
    assert ids[2:9] == [*legs, "route-dotted", "places"]
    route = {r["id"]: r for r in layer(deck, "route")["data"]}
    others = {r["id"]: r for r in layer(deck, "segments")["data"]}
    assert set(route) == {"minsk-moscow", "moscow-anzali"}
    assert set(others) == {"anzali-rasht"}
    assert route["moscow-anzali"]["color"] == rgb(config.MODE_COLORS["sea"])  # opaque
    assert route["minsk-moscow"]["width"] == (
        config.SEGMENT_STATUS_WIDTHS["operational"] + config.ROUTE_EXTRA_WIDTH
    )
    assert others["anzali-rasht"]["color"] == rgb(config.MODE_COLORS["road"], config.FADED_ALPHA)
    assert max(r["width"] for r in others.values()) < min(r["width"] for r in route.values())
    assert [r["id"] for r in layer(deck, "route-dotted")["data"]] == ["moscow-anzali"]


def test_without_a_route_no_leg_is_faded():
    ids = [item["id"] for item in spec()["layers"]]
    assert not [i for i in ids if i.startswith("route")]


@pytest.mark.parametrize("theme", list(config.MAP_THEMES))
def test_the_basemap_and_labels_take_the_theme_colours(theme):
    colors = config.MAP_THEMES[theme]
    deck = spec(theme=theme, shading=SHADED)
    assert layer(deck, "sea")["getFillColor"] == rgb(colors.sea)
    assert layer(deck, "countries")["getFillColor"] == rgb(colors.land)
    assert layer(deck, "countries")["getLineColor"] == rgb(colors.border)
    assert layer(deck, "shading")["getLineColor"] == rgb(colors.border)
    assert layer(deck, "labels")["getColor"] == rgb(colors.text)


def test_an_unknown_theme_draws_the_light_map():
    assert layer(spec(theme="sepia"), "sea")["getFillColor"] == rgb(config.SEA_COLOR)


def test_the_legend_lists_every_status_whole_only_with_shading():
    text = legend.legend_html(shading=True, theme=config.DARK, route=True)
    for status in config.STATUS_COLORS:
        label = MEMBERSHIP_STATUSES[status]
        assert f"</span>{label}</span>" in text  # the whole label, after its swatch
    assert "No status" in text
    assert "Faded: off the chosen route" in text
    assert "chosen route" not in legend.legend_html(shading=False)
