"""Frames for the map's layers: legs with paths and tooltips, places, and their labels."""

from __future__ import annotations

import pandas as pd

from dashboard import config
from dashboard.datapackage import vocabularies as v
from dashboard.datapackage.cells import parse_waypoints
from dashboard.draw.deck import rgb
from dashboard.draw.mercator import degrees_per_px, latitude_span

NOTE_CHARS = 240  # a tooltip shows the start of a long note; the table below has all of it
# A label's weight: its kind's, plus one per leg that touches the place.
KIND_WEIGHTS = {"city": 4, "port": 2, "free_zone": 2, "border_crossing": 1, "junction": 1}
LABEL_PX = (7, 16)  # approximate width of one character and height of a label, in pixels
# The zooms at which labels are laid out: a label shows from the first of them from which on it
# never collides with a weightier one (the map's first zoom is one of them).
LABEL_ZOOMS = tuple(sorted({z / 2 for z in range(2, 19)} | {config.MAP_VIEW["zoom"]}))


def _shorten(text: str, limit: int = NOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def length_label(length_km: float, basis: str) -> str:
    """'1,121 km', '~430 km (estimated)' or 'length unknown', for a tooltip."""
    if pd.isna(length_km):
        return "length unknown"
    if basis == "estimated":
        return f"~{length_km:,.0f} km (estimated)"
    return f"{length_km:,.0f} km"


def segment_frame(segments: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per leg with its path ([lon, lat] from → waypoints → to), colour, width, tooltip."""
    at = {r.id: [r.lon, r.lat] for r in places.itertuples()}
    names = dict(zip(places["id"], places["name"], strict=True))
    known = segments[segments["from_place"].isin(at) & segments["to_place"].isin(at)]
    rows = []
    for s in known.itertuples():
        middle = [[lon, lat] for lat, lon in parse_waypoints(s.waypoints)]
        name = f"{names[s.from_place]} – {names[s.to_place]}"
        length = length_label(s.length_km, getattr(s, "length_basis", ""))
        tooltip = (
            f"{name}\n{v.label(v.MODES, s.mode)} · {v.label(v.SEGMENT_STATUSES, s.status)}"
            f" · {length}\nBranch: {v.label(v.CORRIDORS, s.corridor)}"
            f"\n{_shorten(s.note)}\nSources: {', '.join(s.source_ids)}"
        )
        rows.append(
            {
                "id": s.id,
                "name": name,
                "mode": s.mode,
                "status": s.status,
                "path": [at[s.from_place], *middle, at[s.to_place]],
                "color": rgb(config.MODE_COLORS[s.mode], config.SEGMENT_STATUS_ALPHAS[s.status]),
                "width": config.SEGMENT_STATUS_WIDTHS[s.status],
                "tooltip": tooltip,
            }
        )
    columns = ["id", "name", "mode", "status", "path", "color", "width", "tooltip"]
    return pd.DataFrame(rows, columns=columns)


def place_frame(places: pd.DataFrame, country_names: dict[str, str]) -> pd.DataFrame:
    """One row per place with position, colour by kind and tooltip."""
    kind = places["kind"].map(lambda k: v.label(v.PLACE_KINDS, k))
    country = places["country"].map(lambda c: country_names.get(c, c))
    sources = places["source_ids"].map(", ".join)
    notes = places["note"].map(_shorten)
    return pd.DataFrame(
        {
            "id": places["id"],
            "name": places["name"],
            "kind": places["kind"],
            "lon": places["lon"],
            "lat": places["lat"],
            "color": places["kind"].map(lambda k: rgb(config.PLACE_KIND_COLORS[k])),
            "tooltip": places["name"]
            + "\n"
            + kind
            + ", "
            + country
            + "\n"
            + notes
            + "\nSources: "
            + sources,
        }
    ).reset_index(drop=True)


def label_frame(places: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """Every place to label, with its weight (kind, plus one per leg), weightiest first.

    On the map the weightiest label wins where two overlap, and the others come back as one
    zooms in (deck.gl's collision filter); `thin_labels` does the same for a still image.
    """
    legs = pd.concat([segments["from_place"], segments["to_place"]]).value_counts()
    weight = places["id"].map(legs).fillna(0) + places["kind"].map(KIND_WEIGHTS).fillna(0)
    ranked = places.assign(weight=weight.astype(int))
    ranked = ranked.sort_values(["weight", "name"], ascending=[False, True]).reset_index(drop=True)
    return ranked.assign(min_zoom=min_zooms(ranked))


def min_zooms(labels: pd.DataFrame, zooms: tuple[float, ...] = LABEL_ZOOMS) -> list[float]:
    """For each label (weightiest first), the lowest of `zooms` from which on it always fits."""
    lowest = [zooms[-1]] * len(labels)
    alive = set(range(len(labels)))
    for zoom in sorted(zooms, reverse=True):
        kept = set(_fitting(labels, zoom))
        for at in list(alive):
            if at in kept:
                lowest[at] = zoom
            else:
                alive.discard(at)
    return lowest


def thin_labels(labels: pd.DataFrame, zoom: float = config.MAP_VIEW["zoom"]) -> pd.DataFrame:
    """The labels (weightiest first) whose boxes do not collide at `zoom`."""
    return labels.iloc[_fitting(labels, zoom)].reset_index(drop=True)


def _fitting(labels: pd.DataFrame, zoom: float) -> list[int]:
    """Positions of the labels that fit at `zoom`, each placed unless a kept one is in its way."""
    deg_per_px = degrees_per_px(zoom)
    kept: list[tuple[float, float, float, float]] = []
    keep = []
    for at, p in enumerate(labels.itertuples()):
        half_height = latitude_span(LABEL_PX[1] / 2, p.lat, zoom)
        box = (
            p.lon,
            p.lon + (len(p.name) * LABEL_PX[0] + 10) * deg_per_px,
            p.lat - half_height,
            p.lat + half_height,
        )
        if not any(
            b[0] < box[1] and box[0] < b[1] and b[2] < box[3] and box[2] < b[3] for b in kept
        ):
            kept.append(box)
            keep.append(at)
    return keep
