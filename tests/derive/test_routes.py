"""Route finding over undirected legs, legs in order, totals by mode, unfinished legs."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.derive.routes import (
    FEWEST_LEGS,
    SHORTEST_KNOWN,
    RouteQuery,
    RouteSummary,
    SegmentFilter,
    default_ends,
    filter_segments,
    find_path,
    length_text,
    route_ends,
    summarise_route,
)

COLUMNS = ["id", "corridor", "from_place", "to_place", "mode", "status", "length_km", "note"]
# Two ways from a to d: a-b-d by sea (short, one length unknown) and a-c-e-d by rail (long).
SEGMENTS = pd.DataFrame(
    [
        ("a-b", "east", "a", "b", "rail", "operational", 100.0, ""),
        ("d-b", "east", "d", "b", "sea", "planned", None, "no length"),
        ("a-c", "west", "a", "c", "rail", "operational", 10.0, ""),
        ("c-e", "west", "c", "e", "road", "gap", 20.0, ""),
        ("e-d", "west", "e", "d", "rail", "under_construction", 30.0, ""),
    ],
    columns=COLUMNS,
)
NAMES = {"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (RouteQuery("a", "d"), [("a-b", "a", "b"), ("d-b", "b", "d")]),
        (RouteQuery("d", "a"), [("d-b", "d", "b"), ("a-b", "b", "a")]),
        (
            RouteQuery("a", "d", by=SHORTEST_KNOWN),
            [("a-c", "a", "c"), ("c-e", "c", "e"), ("e-d", "e", "d")],
        ),
        (
            RouteQuery("a", "d", corridors=("west",)),
            [("a-c", "a", "c"), ("c-e", "c", "e"), ("e-d", "e", "d")],
        ),
        (RouteQuery("a", "a"), []),
        (RouteQuery("a", "d", corridors=("nowhere",)), None),
        (RouteQuery("a", "zz"), None),
    ],
)
def test_find_path(query, expected):
    assert find_path(SEGMENTS, query) == expected


def test_fewest_legs_then_known_length_ties_are_stable():
    twin = pd.concat([SEGMENTS, SEGMENTS.iloc[[0]].assign(id="a-b-2")], ignore_index=True)
    assert find_path(twin, RouteQuery("a", "b", by=FEWEST_LEGS)) == [("a-b", "a", "b")]


def test_summary_legs_in_order_with_totals_and_unknown_lengths():
    summary = summarise_route(SEGMENTS, RouteQuery("a", "d"), NAMES)
    assert list(summary.legs["From"]) == ["A", "B"]
    assert list(summary.legs["To"]) == ["B", "D"]
    assert list(summary.legs["#"]) == [1, 2]
    assert summary.known_km == 100
    assert summary.unknown_legs == 1
    totals = summary.totals.set_index("Mode")
    assert totals.loc["Rail", "Legs"] == 1
    assert totals.loc["Rail", "Known length (km)"] == 100
    assert totals.loc["Sea", "Known length (km)"] == 0
    assert totals.loc["Sea", "Legs of unknown length"] == 1
    assert list(summary.not_operational["To"]) == ["D"]


def test_summary_by_length_adds_up_and_lists_every_unfinished_leg():
    summary = summarise_route(SEGMENTS, RouteQuery("a", "d", by=SHORTEST_KNOWN), NAMES)
    assert summary.known_km == 60
    assert summary.unknown_legs == 0
    assert dict(zip(summary.totals["Mode"], summary.totals["Known length (km)"], strict=True)) == {
        "Rail": 40,
        "Road": 20,
    }
    assert list(summary.not_operational["Status"]) == ["Gap (missing link)", "Under construction"]


def test_estimated_lengths_are_counted_and_said_to_be_estimates():
    basis = {"a-c": "sourced", "c-e": "estimated", "e-d": "estimated"}
    segments = SEGMENTS.assign(length_basis=SEGMENTS["id"].map(basis).fillna(""))
    summary = summarise_route(segments, RouteQuery("a", "d", by=SHORTEST_KNOWN), NAMES)
    assert summary.known_km == 60
    assert summary.estimated_km == 50
    assert summary.estimated_legs == 2
    assert list(summary.legs["Length basis"]) == [
        "Sourced",
        "Estimated from the drawn route",
        "Estimated from the drawn route",
    ]
    totals = summary.totals.set_index("Mode")
    assert totals.loc["Rail", "of which estimated (km)"] == 30
    assert totals.loc["Road", "of which estimated (km)"] == 20
    assert length_text(summary) == "60 km, of which 50 km (83%) estimated."


def test_a_leg_without_length_has_no_basis_and_is_not_counted():
    segments = SEGMENTS.assign(length_basis="estimated")
    summary = summarise_route(segments, RouteQuery("a", "d"), NAMES)
    assert list(summary.legs["Length basis"]) == ["Estimated from the drawn route", ""]
    assert summary.estimated_km == 100
    assert length_text(summary) == (
        "100 km, of which 100 km (100%) estimated; 1 leg of unknown length not counted."
    )


@pytest.mark.parametrize(
    ("known", "estimated", "unknown", "expected"),
    [
        (4870.0, 2100.0, 0, "4,870 km, of which 2,100 km (43%) estimated."),
        (4870.0, 0.0, 0, "4,870 km."),
        (0.0, 0.0, 2, "0 km; 2 legs of unknown length not counted."),
    ],
)
def test_length_text(known, estimated, unknown, expected):
    summary = RouteSummary(
        pd.DataFrame(), pd.DataFrame(), known, unknown, pd.DataFrame(), estimated
    )
    assert length_text(summary) == expected


def test_summary_of_a_route_to_itself_is_empty():
    summary = summarise_route(SEGMENTS, RouteQuery("a", "a"), NAMES)
    assert summary.legs.empty
    assert summary.known_km == 0
    assert summary.not_operational.empty


def test_summary_is_none_when_branches_do_not_connect():
    east = summarise_route(SEGMENTS, RouteQuery("a", "d", corridors=("east",)), NAMES)
    assert list(zip(east.legs["From"], east.legs["To"], strict=True)) == [("A", "B"), ("B", "D")]
    assert summarise_route(SEGMENTS, RouteQuery("a", "e", corridors=("east",)), NAMES) is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (SegmentFilter(), ["a-b", "d-b", "a-c", "c-e", "e-d"]),
        (SegmentFilter(corridors=("west",)), ["a-c", "c-e", "e-d"]),
        (SegmentFilter(modes=("rail",), statuses=("operational",)), ["a-b", "a-c"]),
        (SegmentFilter(modes=("sea",), corridors=("west",)), []),
    ],
)
def test_filter_segments(params, expected):
    before = SEGMENTS.copy()
    assert list(filter_segments(SEGMENTS, params)["id"]) == expected
    pd.testing.assert_frame_equal(SEGMENTS, before)


def test_bundled_route_minsk_to_bandar_abbas_by_western_branch():
    from dashboard.datapackage.folders import DEFAULT_DATA_DIR
    from dashboard.datapackage.load import load_package

    segments = load_package(DEFAULT_DATA_DIR)["route_segments"]
    west = ("belarus_russia", "instc_western", "iran_trunk")
    path = find_path(segments, RouteQuery("minsk", "bandar-abbas", corridors=west))
    assert [leg[0] for leg in path][:4] == [
        "minsk-moscow-rail",
        "moscow-makhachkala-rail",
        "makhachkala-baku-rail",
        "baku-astara-rail",
    ]
    assert path[-1] == ("tehran-bandar-abbas-rail", "tehran", "bandar-abbas")


def test_route_ends_and_defaults():
    ends = route_ends(SEGMENTS, {"a": "Zed", "b": "Bee", "c": "Cee", "d": "Dee", "e": "Eee"})
    assert ends == ["b", "c", "d", "e", "a"]
    assert default_ends(ends, ("a", "d")) == (4, 2)
    assert default_ends(ends, ("x", "y")) == (0, 4)
