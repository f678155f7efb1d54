"""Deck builders for the corridor map: offline basemap, shaded countries, legs, places, labels."""

from __future__ import annotations

import base64
import json
import math

import pandas as pd
import pydeck as pdk

from dashboard import config
from dashboard.draw.mercator import WORLD_PX, latitude, mercator_y

PIXELS = '"pixels"'  # quoted: pydeck would read a bare string as a column name
WORLD = [[-180, -85], [180, -85], [180, 85], [-180, 85]]
TOOLTIP = {
    "text": "{tooltip}",
    "style": {"maxWidth": "380px", "whiteSpace": "normal", "fontSize": "13px"},
}
LAYER_NAMES: dict[str, str] = {
    "basemap": "Basemap",
    "shading": "Membership shading",
    "segments": "Route legs",
    "places": "Places",
    "labels": "Labels",
}


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' → [r, g, b, alpha], the colour form deck.gl accessors take."""
    h = hex_color.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def sea_layer() -> pdk.Layer:
    """One polygon over the whole world in the sea colour: the water under the land."""
    return pdk.Layer(
        "PolygonLayer",
        [{"polygon": WORLD}],
        id="sea",
        get_polygon="polygon",
        get_fill_color=rgb(config.SEA_COLOR),
        stroked=False,
        pickable=False,
    )


def countries_layer(url: str) -> pdk.Layer:
    """Natural Earth countries fetched from `url` (a static file): land with borders."""
    return pdk.Layer(
        "GeoJsonLayer",
        url,
        id="countries",
        filled=True,
        stroked=True,
        get_fill_color=rgb(config.LAND_COLOR),
        get_line_color=rgb(config.BORDER_COLOR),
        line_width_min_pixels=0.7,
        pickable=False,
    )


def shading_layer(features: list[dict]) -> pdk.Layer:
    """Shaded countries over the land, coloured by status; hovering one shows its tooltip."""
    return pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": features},
        id="shading",
        filled=True,
        stroked=False,
        get_fill_color="properties.color",  # pydeck turns the string into an accessor
        pickable=True,
        auto_highlight=True,
        highlight_color=[255, 255, 255, 70],
    )


def segment_layer(frame: pd.DataFrame) -> pdk.Layer:
    """Legs as paths coloured by mode, wider and more opaque the more real they are."""
    return pdk.Layer(
        "PathLayer",
        frame,
        id="segments",
        get_path="path",
        get_color="color",
        get_width="width",
        width_units=PIXELS,
        cap_rounded=True,
        joint_rounded=True,
        pickable=True,
        auto_highlight=True,
    )


def casing_layer(frame: pd.DataFrame) -> pdk.Layer:
    """A white edge under every leg, so legs stand out over shaded countries of any colour."""
    return pdk.Layer(
        "PathLayer",
        frame.assign(width=frame["width"] + 3),
        id="segments-casing",
        get_path="path",
        get_color=[255, 255, 255, 220],
        get_width="width",
        width_units=PIXELS,
        cap_rounded=True,
        joint_rounded=True,
        pickable=False,
    )


def dotted_layer(frame: pd.DataFrame) -> pdk.Layer:
    """White dashes over legs that are not operational yet, so they read as 'not there'."""
    dotted = frame[frame["status"].isin(config.DOTTED_STATUSES)]
    return pdk.Layer(
        "PathLayer",
        dotted,
        id="segments-dotted",
        get_path="path",
        get_color=[255, 255, 255, 230],
        get_width=2,
        width_units=PIXELS,
        get_dash_array=[2, 3],
        dash_justified=True,
        extensions=[{"@@type": "PathStyleExtension", "dash": True}],
        pickable=False,
    )


def place_layer(frame: pd.DataFrame) -> pdk.Layer:
    """Places as dots coloured by kind."""
    return pdk.Layer(
        "ScatterplotLayer",
        frame,
        id="places",
        get_position=["lon", "lat"],
        get_fill_color="color",
        get_line_color=[255, 255, 255],
        stroked=True,
        radius_units=PIXELS,
        get_radius=5,
        line_width_min_pixels=1.5,
        pickable=True,
        auto_highlight=True,
    )


def _data_url(features: list[dict]) -> str:
    """GeoJSON as a `data:` URL, which a tile layer fetches like a file (no server needed)."""
    raw = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return "data:application/json;base64," + base64.b64encode(raw.encode("utf-8")).decode("ascii")


TEXT_STYLE = {  # a tile layer's text props (GeoJSON points drawn as text)
    "get_text_size": 12,
    "get_text_color": [27, 38, 49],
    "get_text_anchor": '"start"',
    "get_text_alignment_baseline": '"center"',
    "get_text_pixel_offset": [8, 0],
    "text_background": True,
    "get_text_background_color": [255, 255, 255, 190],
    "text_character_set": '"auto"',
    "text_font_family": '"DejaVu Sans, Arial, sans-serif"',
}


def label_layers(frame: pd.DataFrame, first_zoom: float) -> list[pdk.Layer]:
    """Place names beside their dots, on a light background: those that fit at the first zoom
    always; a name that would overlap a weightier one waits for the zoom from which it fits
    (`min_zoom`).

    deck.gl has no per-layer zoom range except on tile layers: each group of waiting labels
    with the same `min_zoom` is one tile layer (one world-sized tile) hidden below that zoom.
    """
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
                get_size=TEXT_STYLE["get_text_size"],
                get_color=TEXT_STYLE["get_text_color"],
                get_text_anchor=TEXT_STYLE["get_text_anchor"],
                get_alignment_baseline=TEXT_STYLE["get_text_alignment_baseline"],
                get_pixel_offset=TEXT_STYLE["get_text_pixel_offset"],
                background=True,
                get_background_color=TEXT_STYLE["get_text_background_color"],
                character_set=TEXT_STYLE["text_character_set"],
                font_family=TEXT_STYLE["text_font_family"],
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
                **TEXT_STYLE,
            )
        )
    return layers


def build_deck(
    segments: pd.DataFrame,
    places: pd.DataFrame,
    labels: pd.DataFrame | None = None,
    shown: tuple[str, ...] = tuple(LAYER_NAMES),
    shading: list[dict] | None = None,
    basemap_url: str = config.BASEMAP_URL,
    view: dict[str, float] | None = None,
) -> pdk.Deck:
    """The map from prepared frames, bottom up; `shading` holds shaded countries' features."""
    layers = []
    if "basemap" in shown:
        layers += [sea_layer(), countries_layer(basemap_url)]
    if "shading" in shown and shading:
        layers.append(shading_layer(shading))
    if "segments" in shown and not segments.empty:
        layers += [casing_layer(segments), segment_layer(segments), dotted_layer(segments)]
    if "places" in shown and not places.empty:
        layers.append(place_layer(places))
    if "labels" in shown and labels is not None and not labels.empty:
        layers += label_layers(labels, (view or config.MAP_VIEW)["zoom"])
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(**(view or config.MAP_VIEW)),
        map_provider=None,  # no tiles; a map_style (even None) would bring CARTO back
        tooltip=TOOLTIP,
    )


def fit_view(
    lons: list[float], lats: list[float], width: int, height: int, max_zoom: float = 7.0
) -> dict[str, float]:
    """A deck.gl view (latitude, longitude, zoom) that shows every point in a map of this size."""
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    top, bottom = mercator_y(north), mercator_y(south)
    zooms = [max_zoom]
    if east > west:
        zooms.append(math.log2(0.7 * width * 360 / (WORLD_PX * (east - west))))
    if north > south:
        zooms.append(math.log2(0.7 * height * 2 * math.pi / (WORLD_PX * (top - bottom))))
    return {
        "latitude": round(latitude((top + bottom) / 2), 4),
        "longitude": round((west + east) / 2, 4),
        "zoom": round(max(1.0, min(zooms)), 2),
    }
