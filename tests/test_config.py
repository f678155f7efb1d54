"""The membership status colours: never water, bare land or another status, in either theme,
for normal vision and simulated deuteranopia and protanopia (CIEDE2000 in CIELAB, D65)."""

from __future__ import annotations

import itertools
import math

import pytest

from dashboard import config
from dashboard.datapackage.vocabularies import MEMBERSHIP_STATUSES
from dashboard.draw.legend import legend_html
from dashboard.draw.map_labels import LABEL_PANEL_ALPHA

SEA_LAND_FLOOR = 20.0  # ΔE00 from sea and land ("no status"): clearly another colour
BETWEEN_FLOOR = 20.0  # ΔE00 between two statuses, normal vision
CVD_FLOOR = 15.0  # ΔE00, anywhere above, as a deuteranope or protanope sees it
TEXT_CONTRAST = 4.5  # WCAG AA for normal text
# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
SIMULATIONS: dict[str | None, list[list[float]] | None] = {
    None: None,
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _linear_rgb(hex_color: str, matrix: list[list[float]] | None = None) -> list[float]:
    h = hex_color.lstrip("#")
    rgb = [_linear(int(h[i : i + 2], 16) / 255) for i in (0, 2, 4)]
    if matrix:
        rgb = [
            min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
        ]
    return rgb


def lab(hex_color: str, matrix: list[list[float]] | None = None) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, as seen through a simulation `matrix` if given."""
    r, g, b = _linear_rgb(hex_color, matrix)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1: tuple[float, ...], lab2: tuple[float, ...]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )


def delta_e(a: str, b: str, simulation: str | None = None) -> float:
    matrix = SIMULATIONS[simulation]
    return ciede2000(lab(a, matrix), lab(b, matrix))


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # pairs 1, 7, 17 and 25 of Sharma, Wu & Dalal's test data
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


BASES = [
    (theme, part, getattr(colors, part))
    for theme, colors in config.MAP_THEMES.items()
    for part in ("sea", "land")  # land is also the colour of a country with no status
]


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
@pytest.mark.parametrize("status", list(config.STATUS_COLORS))
def test_no_status_colour_passes_for_sea_or_land(status, simulation):
    floor = SEA_LAND_FLOOR if simulation is None else CVD_FLOOR
    for theme, part, color in BASES:
        difference = delta_e(config.STATUS_COLORS[status], color, simulation)
        assert difference >= floor, (status, theme, part, simulation, round(difference, 1))


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
def test_statuses_differ_from_each_other(simulation):
    floor = BETWEEN_FLOOR if simulation is None else CVD_FLOOR
    for (a, x), (b, y) in itertools.combinations(config.STATUS_COLORS.items(), 2):
        assert delta_e(x, y, simulation) >= floor, (a, b, simulation, round(delta_e(x, y), 1))


@pytest.mark.parametrize("theme", list(config.MAP_THEMES))
def test_sea_land_and_borders_tell_apart(theme):
    colors = config.MAP_THEMES[theme]
    assert delta_e(colors.sea, colors.land) >= 10
    assert delta_e(colors.border, colors.land) >= 10


def _luminance(hex_color: str) -> float:
    r, g, b = _linear_rgb(hex_color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def _over(top: str, alpha: int, bottom: str) -> str:
    h1, h2 = top.lstrip("#"), bottom.lstrip("#")
    mixed = [
        round(int(h1[i : i + 2], 16) * alpha / 255 + int(h2[i : i + 2], 16) * (1 - alpha / 255))
        for i in (0, 2, 4)
    ]
    return "#" + "".join(f"{c:02X}" for c in mixed)


@pytest.mark.parametrize("theme", list(config.MAP_THEMES))
@pytest.mark.parametrize("under", ["#000000", "#FFFFFF", *config.STATUS_COLORS.values()])
def test_map_text_meets_wcag_aa_on_its_panel_over_anything(theme, under):
    colors = config.MAP_THEMES[theme]
    panel = _over(colors.panel, config.PANEL_ALPHA, under)
    assert contrast(colors.text, panel) >= TEXT_CONTRAST
    label_panel = _over(colors.panel, LABEL_PANEL_ALPHA, under)
    assert contrast(colors.text, label_panel) >= TEXT_CONTRAST


@pytest.mark.parametrize("theme", list(config.MAP_THEMES))
def test_legend_shows_every_status_and_no_status_in_the_theme(theme):
    html = legend_html(shading=True, theme=theme)
    for status, color in config.STATUS_COLORS.items():
        assert color in html, status
    for label in (*MEMBERSHIP_STATUSES.values(), "No status"):
        assert label in html
    assert config.MAP_THEMES[theme].text in html
