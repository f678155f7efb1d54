"""Charts and maps as PNG and SVG, drawn without a browser, carrying their context and sources."""

from __future__ import annotations

import struct
import zlib

import altair as alt
import vl_convert as vlc

PNG_SCALE = 2  # sharp on projectors and high-density screens
MAP_PNG_SCALE = 1.5  # a map is large already; 2 would take twice as long to draw
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def captioned(chart: alt.TopLevelMixin, title: str, lines: list[str]) -> alt.TopLevelMixin:
    """The chart with a title and subtitle lines (filters, as-of date, sources) for export."""
    return chart.properties(
        title=alt.TitleParams(text=title, subtitle=[line for line in lines if line], anchor="start")
    )


def chart_png(chart: alt.TopLevelMixin) -> bytes:
    """Render a chart to PNG without a browser."""
    return vlc.vegalite_to_png(chart.to_dict(), scale=PNG_SCALE)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    """Render a chart to SVG without a browser."""
    return vlc.vegalite_to_svg(chart.to_dict())


def png_with_text(png: bytes, text: dict[str, str]) -> bytes:
    """The PNG with UTF-8 text chunks (iTXt: Title, Description, Copyright…) after its header.

    Image viewers and tests read them; the same words are drawn in the image.
    """
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    header_end = len(PNG_SIGNATURE) + 8 + 13 + 4  # signature, IHDR length+type, data, CRC
    chunks = b""
    for keyword, value in text.items():
        data = keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + value.encode("utf-8")
        body = b"iTXt" + data
        chunks += struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    return png[:header_end] + chunks + png[header_end:]


def map_png(chart: alt.TopLevelMixin, text: dict[str, str]) -> bytes:
    """Render a map to PNG, with its title and credits also as text chunks."""
    png = vlc.vegalite_to_png(chart.to_dict(), scale=MAP_PNG_SCALE)
    return png_with_text(png, text)
