"""Deck builders for the corridor map: offline basemap, shaded countries, legs, places, labels."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from dashboard import config
from dashboard.draw.colors import rgb
from dashboard.draw.map_labels import label_layers
from dashboard.draw.mercator import WORLD_PX, latitude, mercator_y

__all__ = ["build_deck", "fit_view", "rgb"]

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


def sea_layer(colors: config.MapColors) -> pdk.Layer:
    """One polygon over the whole world in the sea colour: the water under the land."""
    return pdk.Layer(
        "PolygonLayer",
        [{"polygon": WORLD}],
        id="sea",
        get_polygon="polygon",
        get_fill_color=rgb(colors.sea),
        stroked=False,
        pickable=False,
    )


def countries_layer(url: str, colors: config.MapColors) -> pdk.Layer:
    """Natural Earth countries fetched from `url` (a static file): land with borders."""
    return pdk.Layer(
        "GeoJsonLayer",
        url,
        id="countries",
        filled=True,
        stroked=True,
        get_fill_color=rgb(colors.land),
        get_line_color=rgb(colors.border),
        line_width_min_pixels=0.7,
        pickable=False,
    )


def shading_layer(features: list[dict], border: str = config.BORDER_COLOR) -> pdk.Layer:
    """Shaded countries over the land, coloured by status; hovering one shows its tooltip."""
    return pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": features},
        id="shading",
        filled=True,
        stroked=True,
        get_fill_color="properties.color",  # pydeck turns the string into an accessor
        get_line_color=rgb(border),  # opaque fills: the borders drawn again over them
        line_width_min_pixels=0.7,
        pickable=True,
        auto_highlight=True,
        highlight_color=[255, 255, 255, 70],
    )


def segment_layer(frame: pd.DataFrame, layer_id: str = "segments") -> pdk.Layer:
    """Legs as paths coloured by mode, wider and more opaque the more real they are."""
    return pdk.Layer(
        "PathLayer",
        frame,
        id=layer_id,
        get_path="path",
        get_color="color",
        get_width="width",
        width_units=PIXELS,
        cap_rounded=True,
        joint_rounded=True,
        pickable=True,
        auto_highlight=True,
    )


def casing_layer(
    frame: pd.DataFrame, layer_id: str = "segments-casing", alpha: int = 220
) -> pdk.Layer:
    """A white edge under every leg, so legs stand out over shaded countries of any colour."""
    return pdk.Layer(
        "PathLayer",
        frame.assign(width=frame["width"] + 3),
        id=layer_id,
        get_path="path",
        get_color=[255, 255, 255, alpha],
        get_width="width",
        width_units=PIXELS,
        cap_rounded=True,
        joint_rounded=True,
        pickable=False,
    )


def dotted_layer(frame: pd.DataFrame, layer_id: str = "segments-dotted") -> pdk.Layer:
    """White dashes over legs that are not operational yet, so they read as 'not there'."""
    dotted = frame[frame["status"].isin(config.DOTTED_STATUSES)]
    return pdk.Layer(
        "PathLayer",
        dotted,
        id=layer_id,
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


def faded(frame: pd.DataFrame) -> pd.DataFrame:
    """Legs off the chosen route: their colour at FADED_ALPHA, one pixel narrower."""
    colors = frame["color"].map(lambda c: [*c[:3], min(c[3], config.FADED_ALPHA)])
    return frame.assign(color=colors, width=(frame["width"] - 1).clip(lower=2))


def emphasised(frame: pd.DataFrame) -> pd.DataFrame:
    """Legs of the chosen route: opaque and wider than any other leg."""
    colors = frame["color"].map(lambda c: [*c[:3], 255])
    return frame.assign(color=colors, width=frame["width"] + config.ROUTE_EXTRA_WIDTH)


def leg_layers(segments: pd.DataFrame, route: tuple[str, ...] = ()) -> list[pdk.Layer]:
    """Every leg, cased and dashed; with a route, the other legs faded and the route on top."""
    if not route:
        return [casing_layer(segments), segment_layer(segments), dotted_layer(segments)]
    on = segments["id"].isin(route)
    others, chosen = faded(segments[~on]), emphasised(segments[on])
    layers = [casing_layer(others, alpha=60), segment_layer(others), dotted_layer(others)]
    if not chosen.empty:
        layers += [
            casing_layer(chosen, "route-casing", 255),
            segment_layer(chosen, "route"),
            dotted_layer(chosen, "route-dotted"),
        ]
    return layers


def build_deck(
    segments: pd.DataFrame,
    places: pd.DataFrame,
    labels: pd.DataFrame | None = None,
    shown: tuple[str, ...] = tuple(LAYER_NAMES),
    shading: list[dict] | None = None,
    basemap_url: str = config.BASEMAP_URL,
    view: dict[str, float] | None = None,
    theme: str = config.LIGHT,
    route: tuple[str, ...] = (),
) -> pdk.Deck:
    """The map from prepared frames, bottom up; `shading` holds shaded countries' features,
    `route` the ids of the legs of a chosen route (drawn on top, the others faded)."""
    colors = config.MAP_THEMES.get(theme, config.MAP_THEMES[config.LIGHT])
    layers = []
    if "basemap" in shown:
        layers += [sea_layer(colors), countries_layer(basemap_url, colors)]
    if "shading" in shown and shading:
        layers.append(shading_layer(shading, colors.border))
    if "segments" in shown and not segments.empty:
        layers += leg_layers(segments, route)
    if "places" in shown and not places.empty:
        layers.append(place_layer(places))
    if "labels" in shown and labels is not None and not labels.empty:
        layers += label_layers(labels, (view or config.MAP_VIEW)["zoom"], colors)
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
