"""Colour forms the map layers take."""

from __future__ import annotations


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' → [r, g, b, alpha], the colour form deck.gl accessors take."""
    h = hex_color.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def css_rgba(hex_color: str, alpha: int = 255) -> str:
    """'#RRGGBB' and an opacity (0–255) → 'rgba(r, g, b, a)' for a style attribute."""
    r, g, b, _ = rgb(hex_color)
    return f"rgba({r}, {g}, {b}, {alpha / 255:.2f})"
