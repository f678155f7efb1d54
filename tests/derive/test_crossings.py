"""What a route crosses: countries in order, border crossings, transshipments, km by mode."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.derive.crossings import (
    crossing_text,
    km_by_mode_text,
    route_card,
    transshipment_text,
)
from dashboard.derive.routes import RouteQuery, find_path, summarise_route

PLACES = pd.DataFrame(
    {
        "id": ["minsk", "moscow", "astrakhan", "anzali", "tehran"],
        "country": ["BLR", "RUS", "RUS", "IRN", "IRN"],
    }
)
SEGMENTS = pd.DataFrame(
    {
        "id": ["m-m", "m-a", "a-z", "z-t"],
        "corridor": ["x", "x", "y", "y"],
        "from_place": ["minsk", "astrakhan", "astrakhan", "tehran"],  # m-a runs backwards
        "to_place": ["moscow", "moscow", "anzali", "anzali"],
        "mode": ["rail", "rail", "sea", "road"],
        "status": ["operational", "operational", "planned", "gap"],
        "length_km": [700.0, 1300.0, 1000.0, None],
        "note": ["", "", "", ""],
    }
)
COUNTRIES = {"BLR": "Belarus", "RUS": "Russia", "IRN": "Iran"}
NAMES = {"minsk": "Minsk", "moscow": "Moscow", "astrakhan": "Astrakhan", "anzali": "Anzali"}


def card(start: str = "minsk", end: str = "tehran"):
    path = find_path(SEGMENTS, RouteQuery(start, end))
    return route_card(path, SEGMENTS, PLACES, COUNTRIES, NAMES)


def test_countries_crossed_in_travel_order_each_once_per_stay():
    assert card().countries == ("Belarus", "Russia", "Iran")
    assert card("tehran", "minsk").countries == ("Iran", "Russia", "Belarus")


def test_border_crossings_are_the_legs_between_two_countries():
    crossings = card().crossings
    assert [(c.from_country, c.to_country, c.mode) for c in crossings] == [
        ("Belarus", "Russia", "Rail"),
        ("Russia", "Iran", "Sea"),
    ]
    assert crossing_text(crossings[1]) == "Russia → Iran: Sea (Astrakhan – Anzali)"


def test_transshipments_are_where_the_mode_changes():
    stops = card().transshipments
    assert [transshipment_text(s) for s in stops] == [
        "Astrakhan: Rail → Sea",
        "Anzali: Sea → Road",
    ]
    assert card("minsk", "astrakhan").transshipments == ()


def test_km_by_mode_and_the_sea_share_of_the_known_length():
    made = card()
    assert made.km_by_mode == {"Rail": 2000.0, "Sea": 1000.0, "Road": 0.0}  # road unknown
    assert made.known_km == 3000.0
    assert made.sea_share == pytest.approx(1 / 3)
    assert km_by_mode_text(made) == (
        "Rail 2,000 km · Sea 1,000 km · Road 0 km (33% of the known length by sea)"
    )


def test_an_empty_path_crosses_nothing():
    made = route_card([], SEGMENTS, PLACES, COUNTRIES, NAMES)
    assert made.countries == ()
    assert made.sea_share == 0.0


def test_a_summary_keeps_its_path_and_leg_ids_in_travel_order():
    summary = summarise_route(SEGMENTS, RouteQuery("tehran", "minsk"), NAMES)
    assert summary.segment_ids == ("z-t", "a-z", "m-a", "m-m")
    assert summary.path[0] == ("z-t", "tehran", "anzali")
