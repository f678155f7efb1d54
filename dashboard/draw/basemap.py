"""The offline basemap's country shapes, and the shaded countries of one organization on a day.

The basemap itself is a static file the browser fetches once. Shaded countries travel with the
map: their shapes (read once per process from the same file), colour and a plain-text tooltip
(name, status, since when, sources), so hovering a country says what its colour means.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

from dashboard import config
from dashboard.config import BASEMAP_FILE
from dashboard.datapackage import vocabularies as v
from dashboard.draw.deck import rgb


@functools.cache
def shapes(path: Path = BASEMAP_FILE) -> dict[str, dict]:
    """ISO3 → GeoJSON feature of the basemap's countries (an empty map if the file is absent)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError):
        return {}
    return {f["properties"]["iso3"]: f for f in features if f.get("geometry")}


def shaded_features(
    shading: pd.DataFrame,
    organization: str,
    names: dict[str, str],
    outlines: dict[str, dict] | None = None,
) -> list[dict]:
    """GeoJSON features of the shaded countries: shape, fill colour and tooltip text."""
    outlines = shapes() if outlines is None else outlines
    features = []
    for row in shading.itertuples():
        shape = outlines.get(row.country)
        if shape is None:  # a country the 1:110m basemap does not draw
            continue
        status = v.label(v.MEMBERSHIP_STATUSES, row.status)
        name = names.get(row.country, shape["properties"].get("name", row.country))
        color = config.STATUS_COLORS.get(row.status, config.BORDER_COLOR)
        tooltip = (
            f"{name}\n{status} of {organization} since {row.since}"
            f"\nSources: {', '.join(row.source_ids)}"
        )
        features.append(
            {
                "type": "Feature",
                "geometry": shape["geometry"],
                "properties": {
                    "iso3": row.country,
                    "name": name,
                    "status": status,
                    "since": row.since,
                    "color": rgb(color, config.MEMBERSHIP_SHADE_ALPHA),
                    "tooltip": tooltip,
                },
            }
        )
    return features


def highlight(code: str, name: str, outlines: dict[str, dict] | None = None) -> list[dict]:
    """One country outlined in the highlight colour, named in its tooltip (none if not drawn)."""
    outlines = shapes() if outlines is None else outlines
    shape = outlines.get(code)
    if shape is None:
        return []
    color = rgb(config.HIGHLIGHT_COLOR, config.MEMBERSHIP_SHADE_ALPHA)
    properties = {"iso3": code, "name": name, "color": color, "tooltip": name}
    return [{"type": "Feature", "geometry": shape["geometry"], "properties": properties}]
