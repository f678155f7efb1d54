"""The map as a still image: the same layers drawn by Vega-Lite, for PNG and SVG exports.

deck.gl draws in the browser, which the server cannot photograph; Vega-Lite draws the same
basemap, shading, legs, places and labels from the same frames, with a title, the as-of date
and filters, a legend and the basemap's attribution, and exports without a browser.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from dashboard import config
from dashboard.datapackage import vocabularies as v
from dashboard.draw import mercator
from dashboard.draw.basemap import shapes
from dashboard.draw.map_data import thin_labels

SIZE = (960, 620)  # pixels of the plotted map


def _scale(vocabulary: dict[str, str], colors: dict[str, str], title: str) -> dict:
    keys = list(colors)
    return {
        "scale": alt.Scale(domain=[vocabulary[k] for k in keys], range=[colors[k] for k in keys]),
        "legend": alt.Legend(title=title, orient="right", labelLimit=200),
    }


def projection(view: dict[str, float], size: tuple[int, int] = SIZE) -> alt.Projection:
    """Web Mercator centred and scaled as deck.gl shows `view` (latitude, longitude, zoom)."""
    return alt.Projection(
        type="mercator",
        scale=mercator.world_px(view["zoom"]) / (2 * math.pi),
        center=[view["longitude"], view["latitude"]],
        translate=[size[0] / 2, size[1] / 2],
    )


def bounds(view: dict[str, float], size: tuple[int, int] = SIZE) -> tuple[float, ...]:
    """(west, south, east, north) in degrees of what a map of this size shows of `view`."""
    return mercator.bounds(view, size)


def _box(geometry: dict) -> tuple[float, float, float, float]:
    points: list[list[float]] = []

    def walk(coords) -> None:
        if coords and isinstance(coords[0], int | float):
            points.append(coords)
        else:
            for item in coords:
                walk(item)

    walk(geometry["coordinates"])
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def in_view(features: list[dict], box: tuple[float, ...]) -> list[dict]:
    """The features whose extent meets the box: the image carries only what it shows."""
    west, south, east, north = box
    kept = []
    for feature in features:
        w, s, e, n = _box(feature["geometry"])
        if w <= east and e >= west and s <= north and n >= south:
            kept.append(feature)
    return kept


def _leg_features(legs: pd.DataFrame, route: tuple[str, ...] = ()) -> list[dict]:
    """Legs as GeoJSON lines; with a route, its legs wider and the others faded."""
    return [
        {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": row.path},
            "properties": {
                "Mode": v.label(v.MODES, row.mode),
                "Status": v.label(v.SEGMENT_STATUSES, row.status),
                "Leg": row.name,
                "Width": row.width + (config.ROUTE_EXTRA_WIDTH if row.id in route else 0),
                "Opacity": 1.0 if not route or row.id in route else config.FADED_ALPHA / 255,
                "Dashed": row.status in config.DOTTED_STATUSES,
            },
        }
        for row in legs.itertuples()
    ]


def map_chart(
    legs: pd.DataFrame,
    places: pd.DataFrame,
    labels: pd.DataFrame | None,
    shading: list[dict],
    view: dict[str, float],
    title: str,
    lines: list[str],
    size: tuple[int, int] = SIZE,
    route: tuple[str, ...] = (),
) -> alt.LayerChart:
    """The map from the deck's frames (`segment_frame`, `place_frame`, `label_frame`), in the
    light theme (an image is printed and projected); `route` holds the chosen route's legs."""
    layers = [
        alt.Chart(alt.sphere()).mark_geoshape(fill=config.SEA_COLOR, clip=True),
        alt.Chart(alt.Data(values=in_view(list(shapes().values()), bounds(view, size))))
        .mark_geoshape(
            fill=config.LAND_COLOR, stroke=config.BORDER_COLOR, strokeWidth=0.6, clip=True
        )
        .encode(tooltip=alt.value(None)),
    ]
    if shading:
        layers.append(
            alt.Chart(alt.Data(values=in_view(shading, bounds(view, size))))
            .mark_geoshape(
                fillOpacity=config.MEMBERSHIP_SHADE_ALPHA / 255,
                stroke=config.BORDER_COLOR,
                strokeWidth=0.6,
                clip=True,
            )
            .encode(
                color=alt.Color(
                    "properties.status:N",
                    **_scale(v.MEMBERSHIP_STATUSES, config.STATUS_COLORS, "Country status"),
                )
            )
        )
    if not legs.empty:
        layers.append(
            alt.Chart(alt.Data(values=_leg_features(legs, route)))
            .mark_geoshape(filled=False, strokeCap="round", clip=True)
            .encode(
                color=alt.Color("properties.Mode:N", **_scale(v.MODES, config.MODE_COLORS, "Mode")),
                strokeWidth=alt.StrokeWidth("properties.Width:Q", scale=None, legend=None),
                strokeOpacity=alt.StrokeOpacity("properties.Opacity:Q", scale=None, legend=None),
                strokeDash=alt.StrokeDash(
                    "properties.Dashed:N",
                    scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 3]]),
                    legend=None,
                ),
            )
        )
    if not places.empty:
        dots = places.assign(Kind=places["kind"].map(lambda k: v.label(v.PLACE_KINDS, k)))
        layers.append(
            alt.Chart(dots[["lon", "lat", "name", "Kind"]])
            .mark_circle(size=45, stroke="white", strokeWidth=1, opacity=1, clip=True)
            .encode(
                longitude="lon:Q",
                latitude="lat:Q",
                color=alt.Color(
                    "Kind:N", **_scale(v.PLACE_KINDS, config.PLACE_KIND_COLORS, "Place")
                ),
            )
        )
    if labels is not None and not labels.empty:
        shown = thin_labels(labels, view["zoom"])[["lon", "lat", "name"]]
        layers.append(
            alt.Chart(shown)
            .mark_text(align="left", dx=8, fontSize=12, color="#1B2631", clip=True)
            .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        )
    chart = alt.layer(*layers).resolve_scale(color="independent")
    return chart.properties(
        projection=projection(view, size),
        width=size[0],
        height=size[1],
        title=alt.TitleParams(text=title, subtitle=[x for x in lines if x], anchor="start"),
    )
