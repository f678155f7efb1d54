"""Route summaries over the corridor's legs: segment filters, path finding, legs and totals."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import pandas as pd

from dashboard.datapackage import vocabularies as v
from dashboard.derive.filters import filter_by_values

FEWEST_LEGS = "legs"
SHORTEST_KNOWN = "length"
ESTIMATED = "estimated"  # length_basis of a length computed from the drawn route, not sourced
LEG_COLUMNS = ["#", "From", "To", "Mode", "Status", "Length (km)", "Length basis", "Branch", "Note"]
HIDDEN = ["operational", "estimated"]  # flags the summary uses, not shown


@dataclass(frozen=True)
class SegmentFilter:
    """Which legs the map shows; empty tuples mean 'all'."""

    corridors: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class RouteQuery:
    """A route to find: from and to place ids, the branches it may use, what to minimise."""

    start: str
    end: str
    corridors: tuple[str, ...] = ()
    by: str = FEWEST_LEGS


@dataclass(frozen=True)
class RouteSummary:
    """A found route: its legs in order, totals by mode, and the legs not yet operational.

    `known_km` adds every length the data gives; `estimated_km` is the part of it that no source
    gives (estimated from the drawn route, a lower bound).
    """

    legs: pd.DataFrame
    totals: pd.DataFrame
    known_km: float
    unknown_legs: int
    not_operational: pd.DataFrame
    estimated_km: float = 0.0
    estimated_legs: int = 0
    path: tuple[tuple[str, str, str], ...] = ()  # (segment id, from, to) in travel order

    @property
    def segment_ids(self) -> tuple[str, ...]:
        """The ids of the route's legs, in travel order."""
        return tuple(seg for seg, _, _ in self.path)

    @property
    def length(self) -> str:
        """The route's length in words (`length_text`)."""
        return length_text(self)


def filter_segments(segments: pd.DataFrame, params: SegmentFilter) -> pd.DataFrame:
    """Legs on the chosen branches, by the chosen modes, in the chosen statuses."""
    out = filter_by_values(segments, "corridor", params.corridors)
    out = filter_by_values(out, "mode", params.modes)
    return filter_by_values(out, "status", params.statuses)


def _cost(length: float, by: str) -> tuple[float, int]:
    # Lexicographic: (legs,) for fewest legs; (known km, legs) for shortest known length, where
    # an unknown length adds no km (the summary says how many lengths are unknown).
    if by == SHORTEST_KNOWN:
        return (0.0 if pd.isna(length) else float(length), 1)
    return (1.0, 0)


def find_path(segments: pd.DataFrame, query: RouteQuery) -> list[tuple[str, str, str]] | None:
    """Legs (segment id, from, to) in travel order over undirected legs, or None if no path."""
    usable = filter_by_values(segments, "corridor", query.corridors)
    graph: dict[str, list[tuple[str, str, float]]] = {}
    for s in usable.itertuples():
        graph.setdefault(s.from_place, []).append((s.to_place, s.id, s.length_km))
        graph.setdefault(s.to_place, []).append((s.from_place, s.id, s.length_km))
    queue: list = [((0.0, 0), query.start, [])]
    done: set[str] = set()
    while queue:
        cost, here, path = heapq.heappop(queue)
        if here == query.end:
            return path
        if here in done:
            continue
        done.add(here)
        for there, seg, length in sorted(graph.get(here, []), key=lambda e: e[1]):
            if there not in done:
                step = _cost(length, query.by)
                total = (cost[0] + step[0], cost[1] + step[1])
                heapq.heappush(queue, (total, there, [*path, (seg, here, there)]))
    return None


def route_legs(
    path: list[tuple[str, str, str]], segments: pd.DataFrame, place_names: dict[str, str]
) -> pd.DataFrame:
    """The legs of a path in travel order, for display."""
    by_id = segments.set_index("id")
    rows = []
    for number, (seg, here, there) in enumerate(path, start=1):
        s = by_id.loc[seg]
        basis = s.get("length_basis", "") if pd.notna(s["length_km"]) else ""
        rows.append(
            {
                "#": number,
                "From": place_names.get(here, here),
                "To": place_names.get(there, there),
                "Mode": v.label(v.MODES, s["mode"]),
                "Status": v.label(v.SEGMENT_STATUSES, s["status"]),
                "Length (km)": s["length_km"],
                "Length basis": v.label(v.LENGTH_BASIS, basis) if basis else "",
                "Branch": v.label(v.CORRIDORS, s["corridor"]),
                "Note": s["note"],
                "operational": s["status"] == "operational",
                "estimated": basis == ESTIMATED,
            }
        )
    legs = pd.DataFrame(rows, columns=[*LEG_COLUMNS, *HIDDEN])
    legs["Length (km)"] = pd.to_numeric(legs["Length (km)"], errors="coerce")
    for flag in HIDDEN:
        legs[flag] = legs[flag].astype(bool)
    return legs


def totals_by_mode(legs: pd.DataFrame) -> pd.DataFrame:
    """Per mode: legs, known length, how much of it is estimated, legs of unknown length."""
    estimated = legs["Length (km)"].where(legs["estimated"], 0.0)
    grouped = legs.assign(_estimated=estimated).groupby("Mode", sort=False)
    return pd.DataFrame(
        {
            "Legs": grouped.size(),
            "Known length (km)": grouped["Length (km)"].sum(min_count=0),
            "of which estimated (km)": grouped["_estimated"].sum(min_count=0),
            "Legs of unknown length": grouped["Length (km)"].agg(lambda s: int(s.isna().sum())),
        }
    ).reset_index()


def summarise_route(
    segments: pd.DataFrame, query: RouteQuery, place_names: dict[str, str]
) -> RouteSummary | None:
    """Find the route and summarise it; None when the chosen branches do not connect the ends."""
    path = find_path(segments, query)
    if path is None:
        return None
    legs = route_legs(path, segments, place_names)
    return RouteSummary(
        legs=legs.drop(columns=HIDDEN),
        totals=totals_by_mode(legs),
        known_km=float(legs["Length (km)"].sum()),
        unknown_legs=int(legs["Length (km)"].isna().sum()),
        not_operational=legs[~legs["operational"]].drop(columns=HIDDEN),
        estimated_km=float(legs.loc[legs["estimated"], "Length (km)"].sum()),
        estimated_legs=int(legs["estimated"].sum()),
        path=tuple(path),
    )


def length_text(summary: RouteSummary) -> str:
    """'4,870 km, of which 2,100 km (43%) estimated; 1 leg of unknown length not counted.'"""
    text = f"{summary.known_km:,.0f} km"
    if summary.estimated_km > 0:
        share = summary.estimated_km / summary.known_km if summary.known_km else 1.0
        text += f", of which {summary.estimated_km:,.0f} km ({share:.0%}) estimated"
    if summary.unknown_legs:
        legs = "leg" if summary.unknown_legs == 1 else "legs"
        text += f"; {summary.unknown_legs} {legs} of unknown length not counted"
    return text + "."


def route_ends(segments: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """Places at either end of some leg, sorted by name: the choices for a route's ends."""
    ends = set(segments["from_place"]) | set(segments["to_place"])
    return sorted(ends, key=lambda p: names.get(p, p))


def default_ends(ends: list[str], wanted: tuple[str, str]) -> tuple[int, int]:
    """Positions of the wanted from and to places in `ends`, else the first and the last."""
    first = ends.index(wanted[0]) if wanted[0] in ends else 0
    last = ends.index(wanted[1]) if wanted[1] in ends else len(ends) - 1
    return first, last
