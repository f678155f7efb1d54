"""The map's legend, built only from the fixed vocabularies and colours (never data text).

It is drawn on the map (the page lays it over the map's corner), on a panel of the theme's
colours, so every word meets WCAG AA contrast whatever lies under it.
"""

from __future__ import annotations

from dashboard import config
from dashboard.datapackage import vocabularies as v
from dashboard.draw.colors import css_rgba

NO_STATUS = "No status"
LEGEND = "Legend"
LINE, DOT, SQUARE = "line", "dot", "square"


def _swatch(color: str, label: str, shape: str, edge: str) -> str:
    size = {LINE: "width:18px;height:4px", DOT: "width:10px;height:10px"}.get(
        shape, "width:12px;height:12px"
    )
    radius = "border-radius:50%;" if shape == DOT else ""
    border = f"outline:1px solid {edge};" if shape != LINE else ""
    return (
        f'<span style="display:inline-flex;align-items:center;white-space:nowrap;'
        f'margin:1px 10px 1px 0"><span style="display:inline-block;{size};{radius}{border}'
        f'background:{color};margin-right:5px;flex:none"></span>{label}</span>'
    )


def _group(title: str, items: list[str], columns: int = 1) -> str:
    grid = f"display:grid;grid-template-columns:repeat({columns},max-content);column-gap:4px"
    return (
        f'<div style="margin-bottom:4px"><b>{title}</b>'
        f'<div style="{grid}">{"".join(items)}</div></div>'
    )


def legend_html(shading: bool, theme: str = config.LIGHT, route: bool = False) -> str:
    """A compact legend on a panel of the theme: modes, leg statuses, places, and with
    `shading` every membership status and 'no status' (bare land)."""
    colors = config.MAP_THEMES.get(theme, config.MAP_THEMES[config.LIGHT])
    edge = colors.border
    modes = [_swatch(c, v.label(v.MODES, m), LINE, edge) for m, c in config.MODE_COLORS.items()]
    kinds = [
        _swatch(c, v.label(v.PLACE_KINDS, k), DOT, edge)
        for k, c in config.PLACE_KIND_COLORS.items()
    ]
    legs = ["Dashed: not operational yet"]
    if route:
        legs.append("Faded: off the chosen route")
    groups = [
        _group("Mode", modes, 2),
        _group("Legs", [f'<span style="white-space:nowrap">{t}</span>' for t in legs]),
        _group("Place", kinds, 2),
    ]
    if shading:
        tiers = [
            _swatch(c, v.label(v.MEMBERSHIP_STATUSES, s), SQUARE, edge)
            for s, c in config.STATUS_COLORS.items()
        ]
        tiers.append(_swatch(colors.land, NO_STATUS, SQUARE, edge))
        groups.insert(0, _group("Country status", tiers, 2))
    panel = (
        f"background:{css_rgba(colors.panel, config.PANEL_ALPHA)};color:{colors.text};"
        "font-size:12px;line-height:1.35;padding:6px 8px;border-radius:4px;"
        f"border:1px solid {edge}"
    )
    body = "".join(groups)
    return (
        f'<div class="map-legend" style="{panel}"><details open><summary>{LEGEND}</summary>'
        f"{body}</details></div>"
    )
