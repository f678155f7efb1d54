"""The map's still image, checked by its Vega-Lite spec: projection, layers, title and credits."""

from __future__ import annotations

import json

import pytest

from dashboard import config
from dashboard.datapackage.vocabularies import MEMBERSHIP_STATUSES
from dashboard.draw import map_still
from dashboard.draw.map_data import label_frame, place_frame, segment_frame
from tests.draw.test_deck import PLACES, SEGMENTS

IRAN = {
    "type": "Feature",
    "geometry": {"type": "Polygon", "coordinates": [[[50, 30], [55, 30], [55, 35], [50, 30]]]},
    "properties": {"iso3": "IRN", "status": "Member", "tooltip": "Iran"},
}
FAR = {
    **IRAN,
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[-80, -40], [-70, -40], [-75, -30], [-80, -40]]],
    },
}


def spec(shading=(IRAN,), route=()) -> dict:
    places = place_frame(PLACES, {})
    chart = map_still.map_chart(
        segment_frame(SEGMENTS, PLACES),
        places,
        label_frame(places, SEGMENTS),
        list(shading),
        config.MAP_VIEW,
        "Corridor map",
        ["SCO membership as of 2024-07-05", "Basemap: Natural Earth (public domain)", ""],
        route=route,
    )
    return chart.to_dict()


def test_title_subtitle_carry_date_filters_and_credit():
    out = spec()
    assert out["title"]["text"] == "Corridor map"
    assert out["title"]["subtitle"] == [
        "SCO membership as of 2024-07-05",
        "Basemap: Natural Earth (public domain)",
    ]


def test_projection_matches_the_first_view_of_the_map():
    projection = spec()["projection"]
    assert projection["type"] == "mercator"
    assert projection["center"] == [config.MAP_VIEW["longitude"], config.MAP_VIEW["latitude"]]
    assert projection["scale"] == pytest.approx(
        512 * 2 ** config.MAP_VIEW["zoom"] / (2 * 3.14159265), rel=1e-6
    )


def test_layers_draw_sea_land_shading_legs_places_labels_with_legends():
    layers = spec()["layer"]
    marks = [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in layers
    ]
    assert marks == ["geoshape", "geoshape", "geoshape", "geoshape", "circle", "text"]
    titles = [
        layer["encoding"]["color"]["legend"]["title"]
        for layer in layers
        if "color" in layer.get("encoding", {})
    ]
    assert titles == ["Country status", "Mode", "Place"]
    assert spec()["resolve"]["scale"]["color"] == "independent"


def test_only_what_the_view_shows_is_carried():
    out = json.dumps(spec(shading=(IRAN, FAR)))
    assert "-75" not in out  # the feature in South America is left out


def test_no_shading_no_country_legend():
    layers = spec(shading=())["layer"]
    titles = [
        layer["encoding"]["color"]["legend"]["title"]
        for layer in layers
        if "color" in layer.get("encoding", {})
    ]
    assert "Country" not in titles


def test_bounds_of_the_first_view():
    west, south, east, north = map_still.bounds(config.MAP_VIEW)
    assert west < 27.5 < 72.9 < east  # Minsk to Mumbai
    assert south < 19 < 55.8 < north
    assert map_still.in_view([IRAN], (0, 0, 10, 10)) == []
    assert map_still.in_view([IRAN], (52, 32, 53, 33)) == [IRAN]


def test_empty_frames_still_draw_a_map():
    chart = map_still.map_chart(
        segment_frame(SEGMENTS.iloc[0:0], PLACES),
        place_frame(PLACES.iloc[0:0], {}),
        None,
        [],
        config.MAP_VIEW,
        "Empty",
        [],
    )
    assert len(chart.to_dict()["layer"]) == 2  # sea and land


def test_every_status_is_in_the_legend_and_shading_is_opaque():
    shading = spec()["layer"][2]
    assert shading["mark"]["fillOpacity"] == 1
    scale = shading["encoding"]["color"]["scale"]
    assert scale["domain"] == list(MEMBERSHIP_STATUSES.values())
    assert scale["range"] == list(config.STATUS_COLORS.values())


def test_the_chosen_route_is_wide_and_the_other_legs_faded():
    legs = spec(route=("minsk-moscow",))["layer"][3]
    props = {f["properties"]["Leg"]: f["properties"] for f in legs["data"]["values"]}
    assert props["Minsk – Moscow"]["Opacity"] == 1.0
    assert props["Bandar-e Anzali – Rasht <b>&"]["Opacity"] == config.FADED_ALPHA / 255
    assert props["Minsk – Moscow"]["Width"] == (
        config.SEGMENT_STATUS_WIDTHS["operational"] + config.ROUTE_EXTRA_WIDTH
    )
    assert legs["encoding"]["strokeOpacity"]["field"] == "properties.Opacity"
