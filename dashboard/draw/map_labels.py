"""Place names on the map: those that fit now, and those that wait for the zoom where they fit."""

from __future__ import annotations

import base64
import json

import pandas as pd
import pydeck as pdk

from dashboard import config
from dashboard.draw.colors import rgb

LABEL_PANEL_ALPHA = 200  # opacity (0–255) of the panel behind a name


def _data_url(features: list[dict]) -> str:
    """GeoJSON as a `data:` URL, which a tile layer fetches like a file (no server needed)."""
    raw = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return "data:application/json;base64," + base64.b64encode(raw.encode("utf-8")).decode("ascii")


def text_style(colors: config.MapColors) -> dict:
    """A tile layer's text props (GeoJSON points drawn as text), in the theme's colours."""
    return {
        "get_text_size": 12,
        "get_text_color": rgb(colors.text),
        "get_text_anchor": '"start"',
        "get_text_alignment_baseline": '"center"',
        "get_text_pixel_offset": [8, 0],
        "text_background": True,
        "get_text_background_color": rgb(colors.panel, LABEL_PANEL_ALPHA),
        "text_character_set": '"auto"',
        "text_font_family": '"DejaVu Sans, Arial, sans-serif"',
    }


TEXT_STYLE = text_style(config.MAP_THEMES[config.LIGHT])


def label_layers(
    frame: pd.DataFrame, first_zoom: float, colors: config.MapColors | None = None
) -> list[pdk.Layer]:
    """Place names beside their dots, on a panel of the theme: those that fit at the first zoom
    always; a name that would overlap a weightier one waits for the zoom from which it fits
    (`min_zoom`).

    deck.gl has no per-layer zoom range except on tile layers: each group of waiting labels
    with the same `min_zoom` is one tile layer (one world-sized tile) hidden below that zoom.
    """
    style = text_style(colors or config.MAP_THEMES[config.LIGHT])
    now = frame[frame["min_zoom"] <= first_zoom]
    layers = []
    if not now.empty:
        layers.append(
            pdk.Layer(
                "TextLayer",
                now,
                id="labels",
                get_position=["lon", "lat"],
                get_text="name",
                get_size=style["get_text_size"],
                get_color=style["get_text_color"],
                get_text_anchor=style["get_text_anchor"],
                get_alignment_baseline=style["get_text_alignment_baseline"],
                get_pixel_offset=style["get_text_pixel_offset"],
                background=True,
                get_background_color=style["get_text_background_color"],
                character_set=style["text_character_set"],
                font_family=style["text_font_family"],
                pickable=False,
            )
        )
    for zoom, group in frame[frame["min_zoom"] > first_zoom].groupby("min_zoom", sort=True):
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {"name": p.name},
            }
            for p in group.itertuples()
        ]
        layers.append(
            pdk.Layer(
                "TileLayer",
                _data_url(features),
                id=f"labels-{zoom:g}",
                min_zoom=0,
                max_zoom=0,  # one tile for the whole world, at every zoom
                visible_min_zoom=float(zoom),
                point_type='"text"',
                get_text="properties.name",
                pickable=False,
                **style,
            )
        )
    return layers
