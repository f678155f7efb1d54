"""The map's legend, built only from the fixed vocabularies and colours (never data text)."""

from __future__ import annotations

from dashboard import config
from dashboard.datapackage import vocabularies as v


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
