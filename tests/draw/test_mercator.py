"""Web Mercator as deck.gl draws it, checked against values known by hand."""

from __future__ import annotations

import math

import pytest

from dashboard import config
from dashboard.draw import mercator

EDGE = 85.0511287798  # the latitude where the square Web Mercator world ends (y = π)
EQUATOR = {"latitude": 0.0, "longitude": 0.0, "zoom": 0.0}


@pytest.mark.parametrize(
    ("zoom", "pixels", "degrees"),
    [(0, 512, 0.703125), (1, 1024, 0.3515625), (8, 131072, 0.00274658203125), (-1, 256, 1.40625)],
)
def test_world_width_and_degrees_per_pixel(zoom: float, pixels: float, degrees: float):
    assert mercator.world_px(zoom) == pixels
    assert mercator.degrees_per_px(zoom) == degrees


@pytest.mark.parametrize(
    ("lat", "y"),
    [
        (0, 0.0),
        (45, math.log(1 + math.sqrt(2))),
        (-45, -math.log(1 + math.sqrt(2))),
        (EDGE, math.pi),
    ],
)
def test_latitude_and_mercator_y(lat: float, y: float):
    assert mercator.mercator_y(lat) == pytest.approx(y, abs=1e-9)
    assert mercator.latitude(y) == pytest.approx(lat, abs=1e-9)


@pytest.mark.parametrize(
    ("px", "lat", "zoom", "degrees"),
    [(1, 0, 0, 0.703125), (1, 60, 0, 0.3515625), (8, 0, 1, 2.8125), (8, -60, 1, 1.40625)],
)
def test_latitude_span_shrinks_away_from_the_equator(px, lat, zoom, degrees):
    assert mercator.latitude_span(px, lat, zoom) == pytest.approx(degrees, rel=1e-12)


@pytest.mark.parametrize(
    ("lon", "lat", "offset"),
    [
        (0, 0, (0, 0)),
        (180, 0, (256, 0)),
        (-90, 0, (-128, 0)),
        (0, EDGE, (0, -256)),
        (0, -EDGE, (0, 256)),
    ],
)
def test_offset_from_the_centre_in_screen_pixels(lon, lat, offset):
    assert mercator.offset_px(EQUATOR, lon, lat) == pytest.approx(offset, abs=1e-6)


@pytest.mark.parametrize(
    ("zoom", "size", "box"),
    [
        (0, (512, 512), (-180, -EDGE, 180, EDGE)),
        (1, (512, 512), (-90, -66.5132604, 90, 66.5132604)),
        (1, (256, 0), (-45, 0, 45, 0)),
    ],
)
def test_bounds_of_a_view(zoom: float, size: tuple[int, int], box: tuple[float, ...]):
    view = {**EQUATOR, "zoom": zoom}
    assert mercator.bounds(view, size) == pytest.approx(box, abs=1e-6)


@pytest.mark.parametrize("size", [(960, 620), (600, 360)])
def test_the_corners_of_the_bounds_stand_at_the_edges_of_the_map(size: tuple[int, int]):
    west, south, east, north = mercator.bounds(config.MAP_VIEW, size)
    half = (size[0] / 2, size[1] / 2)
    assert mercator.offset_px(config.MAP_VIEW, west, north) == pytest.approx((-half[0], -half[1]))
    assert mercator.offset_px(config.MAP_VIEW, east, south) == pytest.approx(half)
