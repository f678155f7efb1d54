"""Web Mercator as deck.gl draws it: world pixels at a zoom, latitude ↔ Mercator y, view bounds."""

from __future__ import annotations

import math

WORLD_PX = 512  # deck.gl's world width in pixels at zoom 0


def world_px(zoom: float) -> float:
    """The world's width (and height) in pixels at `zoom`."""
    return WORLD_PX * 2**zoom


def degrees_per_px(zoom: float) -> float:
    """Degrees of longitude one pixel spans at `zoom` (anywhere on the map)."""
    return 360 / world_px(zoom)


def latitude_span(px: float, lat: float, zoom: float) -> float:
    """Degrees of latitude that `px` pixels span around `lat` at `zoom`: fewer up north, where
    Mercator stretches a degree of latitude taller."""
    return px * degrees_per_px(zoom) * math.cos(math.radians(lat))


def mercator_y(latitude: float) -> float:
    """Mercator y of a latitude, in radians of the world's 2π height (0 at the equator)."""
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def latitude(y: float) -> float:
    """The latitude of Mercator y (the inverse of `mercator_y`)."""
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def offset_px(view: dict[str, float], lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) stands from the centre of `view`, in screen pixels (right, down)."""
    world = world_px(view["zoom"])
    x = (lon - view["longitude"]) / 360 * world
    y = (mercator_y(view["latitude"]) - mercator_y(lat)) / (2 * math.pi) * world
    return x, y


def bounds(view: dict[str, float], size: tuple[int, int]) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees of what a map of `size` pixels shows of `view`."""
    world = world_px(view["zoom"])
    centre = mercator_y(view["latitude"])

    def lat(y: float) -> float:  # y in world pixels from the centre of the map, up positive
        return latitude(centre + y / world * 2 * math.pi)

    half_w = size[0] / 2 / world * 360
    return (
        view["longitude"] - half_w,
        lat(-size[1] / 2),
        view["longitude"] + half_w,
        lat(size[1] / 2),
    )
