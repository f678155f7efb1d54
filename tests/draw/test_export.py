"""Exports: the package zip, and charts rendered with their title, context and sources."""

from __future__ import annotations

import io
import zipfile

import altair as alt
import pandas as pd
import pytest
from PIL import Image

from dashboard.datapackage.folders import package_zip
from dashboard.derive.display import sources_line
from dashboard.draw.export import captioned, chart_png, chart_svg, png_with_text
from tests.conftest import MINI


def test_package_zip_holds_every_table(mini):
    archive = zipfile.ZipFile(io.BytesIO(package_zip(mini)))
    assert sorted(archive.namelist()) == sorted(f"data/{name}.csv" for name in MINI)
    assert archive.read("data/trade.csv").decode().startswith("year,reporter")


def test_captioned_chart_renders_to_png_and_svg():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q")
    titled = captioned(chart, "By sector", ["sector: Health", "", "Sources: src-a"])
    title = titled.to_dict()["title"]
    assert title["text"] == "By sector"
    assert title["subtitle"] == ["sector: Health", "Sources: src-a"]
    assert chart_png(titled).startswith(b"\x89PNG")
    svg = chart_svg(titled)
    assert "By sector" in svg
    assert "Sources: src-a" in svg


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
