"""Presenter mode for a room: chart and map text scaled up on copies, the theme in a link."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from dashboard.draw import deck as decks
from dashboard.ui import room


def test_room_text_is_as_large_as_body_text():
    body = re.search(
        r"\[data-testid=\"stMainBlockContainer\"\] p,.*?font-size: (\d+)px", room.CSS, re.S
    )
    assert body
    assert int(body.group(1)) == room.ROOM_PX


def test_a_chart_spec_gets_room_sized_text_and_the_cached_spec_is_left_alone():
    spec = (
        alt.Chart(pd.DataFrame({"a": ["x"], "n": [1]}), title="T")
        .mark_bar()
        .encode(x="n:Q", y="a:N")
        .configure_axis(labelColor="red")
        .to_dict()
    )
    before = json.dumps(spec, sort_keys=True)
    shown = room.chart_spec(spec)
    assert json.dumps(spec, sort_keys=True) == before
    axis, legend = shown["config"]["axis"], shown["config"]["legend"]
    assert axis["labelFontSize"] >= room.ROOM_PX
    assert axis["titleFontSize"] >= room.ROOM_PX
    assert legend["labelFontSize"] >= room.ROOM_PX
    assert shown["config"]["title"]["fontSize"] > room.ROOM_PX
    assert axis["labelColor"] == "red"  # the chart's own settings stay
    assert shown["datasets"] is spec["datasets"]  # the data is shared, not copied


def test_map_labels_and_tooltips_at_room_size_on_a_copy():
    labels = pd.DataFrame(
        {"name": ["Minsk", "Baku"], "lon": [27.6, 49.9], "lat": [53.9, 40.4], "min_zoom": [0, 9]}
    )
    shown = decks.build_deck(pd.DataFrame(), pd.DataFrame(), labels, shown=("labels",))
    before = shown.to_json()
    scaled = room.deck(shown)
    assert shown.to_json() == before
    layers = {layer["id"]: layer for layer in json.loads(scaled.to_json())["layers"]}
    assert layers["labels"]["getSize"] == room.ROOM_PX
    assert layers["labels-9"]["getTextSize"] == room.ROOM_PX
    assert scaled._tooltip["style"]["fontSize"] == f"{room.ROOM_PX}px"


@pytest.mark.parametrize(
    ("link", "theme", "expected"),
    [
        (
            "http://h/agreements?sector=health",
            "dark",
            "http://h/agreements?sector=health&embed_options=dark_theme",
        ),
        ("http://h/corridor", "light", "http://h/corridor?embed_options=light_theme"),
        ("http://h/corridor", None, "http://h/corridor"),
        ("http://h/corridor", "sepia", "http://h/corridor"),
    ],
)
def test_a_link_carries_the_theme_shown(link, theme, expected):
    assert room.themed(link, theme) == expected


@pytest.mark.parametrize("lanes", [1, 5, 40])
def test_a_chart_with_a_row_per_category_grows_so_each_row_holds_its_room_sized_label(lanes):
    frame = pd.DataFrame({"a": [f"row {i}" for i in range(lanes)], "n": range(lanes)})
    height = 18 * lanes
    spec = alt.Chart(frame).mark_bar().encode(x="n:Q", y="a:N").properties(height=height)
    spec = spec.to_dict()
    shown = room.chart_spec(spec)
    assert room.category_rows(spec) == lanes
    assert shown["height"] >= lanes * room.ROW_ROOM_PX
    assert spec["height"] == height  # the cached spec is left alone


def test_a_chart_without_categories_down_its_side_keeps_its_height():
    frame = pd.DataFrame({"year": [2001, 2002], "n": [1, 2]})
    spec = alt.Chart(frame).mark_bar().encode(x="year:Q", y="n:Q").properties(height=200)
    assert room.chart_spec(spec.to_dict())["height"] == 200
