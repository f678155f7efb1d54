"""Exports: the package zip, and charts rendered with their title, context and sources."""

from __future__ import annotations

import io
import re
import zipfile

import altair as alt
import pandas as pd
import pytest
from PIL import Image

from dashboard.datapackage.folders import package_zip
from dashboard.derive.display import sources_line
from dashboard.draw.export import PNG_SCALE, captioned, chart_png, chart_svg, png_with_text
from tests.conftest import MINI


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, as its header (IHDR) says."""
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.size


def svg_size(svg: str) -> tuple[int, int]:
    """Width and height of an SVG drawing, from its root element."""
    root = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
    return int(root.group(1)), int(root.group(2))


def test_package_zip_holds_every_table(mini):
    archive = zipfile.ZipFile(io.BytesIO(package_zip(mini)))
    assert sorted(archive.namelist()) == sorted(f"data/{name}.csv" for name in MINI)
    for name in MINI:
        assert archive.read(f"data/{name}.csv") == (mini / f"{name}.csv").read_bytes(), name


def test_captioned_chart_renders_to_png_and_svg():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q")
    titled = captioned(chart, "By sector", ["sector: Health", "", "Sources: src-a"])
    title = titled.to_dict()["title"]
    assert title["text"] == "By sector"
    assert title["subtitle"] == ["sector: Health", "Sources: src-a"]
    svg = chart_svg(titled)
    assert "By sector" in svg
    assert "Sources: src-a" in svg
    # the PNG is the same drawing as the SVG, at PNG_SCALE, and the caption takes room in it
    width, height = svg_size(svg)
    assert png_size(chart_png(titled)) == (width * PNG_SCALE, height * PNG_SCALE)
    assert png_size(chart_png(chart))[1] < height * PNG_SCALE


def test_sources_line():
    assert sources_line([]) == ""
    assert sources_line(["a", "b", "a"]) == "Sources: a, b"
    assert sources_line([str(i) for i in range(10)], limit=3).endswith(
        "and 7 more (see the Sources page)"
    )


def test_png_text_chunks_are_readable_and_keep_the_image():
    png = chart_png(alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a"))
    text = {"Title": "Минск – Тегеран", "Copyright": "Basemap: Natural Earth (public domain)"}
    out = png_with_text(png, text)
    image = Image.open(io.BytesIO(out))
    image.load()  # the CRCs are right, or Pillow would refuse the file
    assert image.text == text
    assert image.size == Image.open(io.BytesIO(png)).size
    with pytest.raises(ValueError, match="not a PNG"):
        png_with_text(b"GIF89a", text)
