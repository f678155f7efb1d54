"""Deck builders for the corridor map: offline basemap, shaded countries, legs, places, labels."""

from __future__ import annotations

import math
import re

import pandas as pd
import pydeck as pdk

from dashboard import config
from dashboard import vocabularies as v
from dashboard.schema import parse_waypoints

PIXELS = '"pixels"'  # quoted: pydeck would read a bare string as a column name
NOTE_CHARS = 240  # a tooltip shows the start of a long note; the table below has all of it
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
# A label's weight: its kind's, plus one per leg that touches the place.
KIND_WEIGHTS = {"city": 4, "port": 2, "free_zone": 2, "border_crossing": 1, "junction": 1}
LABEL_PX = (7, 16)  # approximate width of one character and height of a label, in pixels
_ISO3 = re.compile(r"^[A-Z]{3}$")


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' → [r, g, b, alpha], the colour form deck.gl accessors take."""
    h = hex_color.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


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


def label_frame(
    places: pd.DataFrame, segments: pd.DataFrame, zoom: float = config.MAP_VIEW["zoom"]
) -> pd.DataFrame:
    """The places whose labels do not collide at `zoom`, keeping the weightiest first."""
    legs = pd.concat([segments["from_place"], segments["to_place"]]).value_counts()
    weight = places["id"].map(legs).fillna(0) + places["kind"].map(KIND_WEIGHTS).fillna(0)
    order = places.assign(_w=weight).sort_values(["_w", "name"], ascending=[False, True])
    deg_per_px = 360 / (512 * 2**zoom)  # web-mercator degrees of longitude per pixel
    kept: list[tuple[float, float, float, float]] = []
    keep = []
    for p in order.itertuples():
        scale = math.cos(math.radians(p.lat))  # a degree of latitude looks taller up north
        box = (
            p.lon,
            p.lon + (len(p.name) * LABEL_PX[0] + 10) * deg_per_px,
            p.lat - LABEL_PX[1] / 2 * deg_per_px * scale,
            p.lat + LABEL_PX[1] / 2 * deg_per_px * scale,
        )
        if not any(
            b[0] < box[1] and box[0] < b[1] and b[2] < box[3] and box[2] < b[3] for b in kept
        ):
            kept.append(box)
            keep.append(p.Index)
    return places.loc[sorted(keep)].reset_index(drop=True)


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


def fill_expression(statuses: dict[str, str]) -> str:
    """A deck.gl expression: a country's fill by its status in `statuses` (ISO3 → status)."""
    land = rgb(config.LAND_COLOR)
    branches = []
    for status, color in config.STATUS_COLORS.items():
        codes = sorted(c for c, s in statuses.items() if s == status and _ISO3.match(c))
        if codes:
            test = " || ".join(f"properties.iso3 == '{c}'" for c in codes)
            branches.append(f"{test} ? {rgb(color, config.MEMBERSHIP_SHADE_ALPHA)}")
    return " : ".join([*branches, str(land)])


def countries_layer(url: str, statuses: dict[str, str] | None = None) -> pdk.Layer:
    """Natural Earth countries fetched from `url`: land with borders, shaded by status if given."""
    fill = fill_expression(statuses or {})
    return pdk.Layer(
        "GeoJsonLayer",
        url,
        id="countries",
        filled=True,
        stroked=True,
        get_fill_color=fill,
        get_line_color=rgb(config.BORDER_COLOR),
        line_width_min_pixels=0.7,
        pickable=False,
        update_triggers={"getFillColor": fill},
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


def label_layer(frame: pd.DataFrame) -> pdk.Layer:
    """Place names beside their dots, on a light background so they read over any colour."""
    return pdk.Layer(
        "TextLayer",
        frame,
        id="labels",
        get_position=["lon", "lat"],
        get_text="name",
        get_size=12,
        get_color=[27, 38, 49],
        get_text_anchor='"start"',
        get_alignment_baseline='"center"',
        get_pixel_offset=[8, 0],
        background=True,
        get_background_color=[255, 255, 255, 190],
        character_set='"auto"',
        font_family='"DejaVu Sans, Arial, sans-serif"',
        pickable=False,
    )


def build_deck(
    segments: pd.DataFrame,
    places: pd.DataFrame,
    labels: pd.DataFrame | None = None,
    shown: tuple[str, ...] = tuple(LAYER_NAMES),
    statuses: dict[str, str] | None = None,
    basemap_url: str = config.BASEMAP_URL,
    view: dict[str, float] | None = None,
) -> pdk.Deck:
    """The corridor deck from prepared frames (labels default to every place), bottom up."""
    layers = []
    if "basemap" in shown:
        shade = statuses if "shading" in shown else None
        layers += [sea_layer(), countries_layer(basemap_url, shade)]
    if "segments" in shown and not segments.empty:
        layers += [casing_layer(segments), segment_layer(segments), dotted_layer(segments)]
    if "places" in shown and not places.empty:
        layers.append(place_layer(places))
    labels = places if labels is None else labels
    if "labels" in shown and not labels.empty:
        layers.append(label_layer(labels))
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(**(view or config.MAP_VIEW)),
        map_provider=None,  # no tiles; a map_style (even None) would bring CARTO back
        tooltip=TOOLTIP,
    )


def legend_html(shading: bool) -> str:
    """A compact legend built only from the fixed vocabularies and colours (no data text)."""

    def swatch(color: str, label: str, shape: str = "line") -> str:
        size = "width:18px;height:4px" if shape == "line" else "width:10px;height:10px"
        radius = "border-radius:50%;" if shape == "dot" else ""
        return (
            f'<span style="white-space:nowrap;margin-right:12px"><span style="display:inline-block;'
            f'{size};{radius}background:{color};vertical-align:middle;margin-right:4px"></span>'
            f"{label}</span>"
        )

    modes = "".join(swatch(c, v.label(v.MODES, m)) for m, c in config.MODE_COLORS.items())
    kinds = "".join(
        swatch(c, v.label(v.PLACE_KINDS, k), "dot") for k, c in config.PLACE_KIND_COLORS.items()
    )
    lines = [
        f"<b>Mode</b> {modes}",
        "<b>Status</b> operational: wide, solid · under construction, planned, gap: "
        "fainter, with white dashes",
        f"<b>Place</b> {kinds}",
    ]
    if shading:
        tiers = "".join(
            swatch(c, v.label(v.MEMBERSHIP_STATUSES, s), "square")
            for s, c in config.STATUS_COLORS.items()
        )
        lines.append(f"<b>Country</b> {tiers}")
    return "<br>".join(lines)
