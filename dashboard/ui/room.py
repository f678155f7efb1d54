"""Presenter mode for a room: its page style, chart and map text scaled up, and the theme a
link carries. Pure: the views' charts and maps are scaled here, never rebuilt."""

from __future__ import annotations

import copy

import pydeck as pdk

from dashboard.draw.scales import LANE_PX
from dashboard.site import THEME

ROOM_PX = 20  # body text in presenter mode; chart axes, legends and map labels are as large
ROW_ROOM_PX = ROOM_PX + 4  # a chart's row per category, to hold its label at room size
TABLE_PX = 14  # the text of Streamlit's tables
THEMES = {"light": "light_theme", "dark": "dark_theme"}  # Streamlit's own values of THEME

# No sidebar, header or toolbar; one slim row of chrome (heading, chips, steps) above the page;
# type for the back of a room; tables (drawn on a canvas) zoomed to the same size as body text.
CSS = f"""
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100%; padding: 0.5rem 2rem 3rem; }}
[data-testid="stMainBlockContainer"] h1 {{ font-size: 1.75rem; padding: 0.2rem 0; }}
[data-testid="stMainBlockContainer"] h2, [data-testid="stMainBlockContainer"] h3 {{
  font-size: 1.6rem; padding: 0.3rem 0 0.1rem; }}
[data-testid="stMainBlockContainer"] p, [data-testid="stText"],
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] p,
[data-testid="stMainBlockContainer"] input {{ font-size: {ROOM_PX}px; }}
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] * {{ font-size: 2.4rem; }}
[data-testid="stDataFrame"] {{ zoom: {ROOM_PX / TABLE_PX:.3f};
  width: 100% !important; }}
[data-testid="stDataFrame"] > div {{ width: 100% !important; max-width: 100% !important; }}
.st-key-presenter-row {{ border-bottom: 1px solid rgba(128, 128, 128, 0.35); }}
.st-key-presenter-bar p {{ font-size: 1rem; }}
</style>
"""

_CHART_TEXT = {
    "axis": {"labelFontSize": ROOM_PX, "titleFontSize": ROOM_PX},
    "legend": {
        "labelFontSize": ROOM_PX,
        "titleFontSize": ROOM_PX,
        "symbolSize": 200,
        "labelLimit": 280,
    },
    "header": {"labelFontSize": ROOM_PX, "titleFontSize": ROOM_PX},
    "title": {"fontSize": ROOM_PX + 4},
    "text": {"fontSize": ROOM_PX},
}
_DECK_TEXT = {"TextLayer": "get_size", "TileLayer": "get_text_size"}


def chart_spec(spec: dict, source: dict | None = None) -> dict:
    """A Vega-Lite specification whose axes, legends and title are drawn at room size.

    A new top level over the same datasets (the cached specification is shared, never changed);
    the chart's own settings stay, the text sizes of its config are raised, and a chart with a
    row per category (`source`: the specification with its datasets as rows) grows so that each
    row is as tall as its label."""
    config = dict(spec.get("config") or {})
    for part, sizes in _CHART_TEXT.items():
        config[part] = {**(config.get(part) or {}), **sizes}
    scaled = {**spec, "config": config}
    height = spec.get("height")
    rows = category_rows(source or spec)
    if isinstance(height, int | float) and rows:
        scaled["height"] = int(height + rows * max(0, ROW_ROOM_PX - LANE_PX))
    return scaled


def category_rows(spec: dict) -> int:
    """How many categories a chart draws down its side (a nominal or ordinal y), 0 if none or
    not known."""
    datasets = spec.get("datasets") or {}
    for part in [spec, *(spec.get("layer") or [])]:
        y = (part.get("encoding") or {}).get("y") or {}
        if y.get("type") not in ("nominal", "ordinal") or "field" not in y:
            continue
        name = (part.get("data") or spec.get("data") or {}).get("name")
        rows = datasets.get(name)
        if isinstance(rows, list):
            return len({row.get(y["field"]) for row in rows if isinstance(row, dict)})
    return 0


def deck(shown: pdk.Deck) -> pdk.Deck:
    """The map with its place labels and tooltips at room size (a copy: the cached deck is
    shared by every session)."""
    scaled = copy.copy(shown)
    layers = []
    for layer in shown.layers:
        size = _DECK_TEXT.get(getattr(layer, "type", ""))
        if size and isinstance(getattr(layer, size, None), int | float):
            layer = copy.copy(layer)
            setattr(layer, size, ROOM_PX)
        layers.append(layer)
    scaled.layers = layers
    widget = getattr(shown, "deck_widget", None)  # with pydeck's Jupyter extra installed
    tooltip = widget.tooltip if widget is not None else getattr(shown, "_tooltip", None)
    if isinstance(tooltip, dict) and isinstance(tooltip.get("style"), dict):
        style = {**tooltip["style"], "fontSize": f"{ROOM_PX}px", "maxWidth": "520px"}
        scaled._tooltip = {**tooltip, "style": style}
        if widget is not None:
            scaled.deck_widget = copy.copy(widget)
            scaled.deck_widget.tooltip = scaled._tooltip
    return scaled


def themed(link: str, theme: str | None) -> str:
    """`link` opening in the theme shown (`light` or `dark`), through Streamlit's own parameter
    for it; unchanged when the theme is not known."""
    value = THEMES.get(theme or "")
    if value is None:
        return link
    return f"{link}{'&' if '?' in link else '?'}{THEME}={value}"
