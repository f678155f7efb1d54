"""What a found route crosses: countries in order, borders, transshipments, length by mode.

Derived from the data alone: places have a country, legs a mode, a status and a length.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.datapackage import vocabularies as v

SEA = "sea"


@dataclass(frozen=True)
class Crossing:
    """One leg whose ends lie in two countries."""

    leg: str  # 'Minsk – Moscow'
    from_country: str
    to_country: str
    mode: str  # label: 'Rail', 'Sea'…


@dataclass(frozen=True)
class Transshipment:
    """A place where the route changes mode."""

    place: str
    from_mode: str  # labels
    to_mode: str


@dataclass(frozen=True)
class RouteCard:
    """The route at a glance: countries crossed in order, borders, mode changes, km by mode."""

    countries: tuple[str, ...]  # names, in travel order, each once per stay
    crossings: tuple[Crossing, ...]
    transshipments: tuple[Transshipment, ...]
    km_by_mode: dict[str, float]  # mode label → known km, in order of first use
    sea_km: float
    known_km: float

    @property
    def sea_share(self) -> float:
        """The part of the known length that is by sea (0 when no length is known)."""
        return self.sea_km / self.known_km if self.known_km else 0.0


def route_card(
    path: list[tuple[str, str, str]],
    segments: pd.DataFrame,
    places: pd.DataFrame,
    country_names: dict[str, str],
    place_names: dict[str, str],
) -> RouteCard:
    """The card of a path (segment id, from, to) in travel order, as `find_path` gives it."""
    country_of = dict(zip(places["id"], places["country"], strict=True))
    by_id = segments.set_index("id")
    countries: list[str] = []
    crossings, transshipments = [], []
    km_by_mode: dict[str, float] = {}
    sea_km = 0.0
    previous_mode = None
    for seg, here, there in path:
        leg = by_id.loc[seg]
        mode = v.label(v.MODES, leg["mode"])
        start, end = country_of.get(here, ""), country_of.get(there, "")
        for code in (start, end):
            name = country_names.get(code, code)
            if code and (not countries or countries[-1] != name):
                countries.append(name)
        if start and end and start != end:
            crossings.append(
                Crossing(
                    f"{place_names.get(here, here)} – {place_names.get(there, there)}",
                    country_names.get(start, start),
                    country_names.get(end, end),
                    mode,
                )
            )
        if previous_mode is not None and previous_mode != mode:
            name = place_names.get(here, here)
            transshipments.append(Transshipment(name, previous_mode, mode))
        previous_mode = mode
        length = leg["length_km"]
        km = 0.0 if pd.isna(length) else float(length)
        km_by_mode[mode] = km_by_mode.get(mode, 0.0) + km
        if leg["mode"] == SEA:
            sea_km += km
    return RouteCard(
        tuple(countries),
        tuple(crossings),
        tuple(transshipments),
        km_by_mode,
        sea_km,
        sum(km_by_mode.values()),
    )


def crossing_text(crossing: Crossing) -> str:
    """'Belarus → Russia: Rail (Minsk – Moscow)'."""
    return f"{crossing.from_country} → {crossing.to_country}: {crossing.mode} ({crossing.leg})"


def transshipment_text(stop: Transshipment) -> str:
    """'Astrakhan: Rail → Sea'."""
    return f"{stop.place}: {stop.from_mode} → {stop.to_mode}"


def km_by_mode_text(card: RouteCard) -> str:
    """'Rail 3,200 km · Sea 1,121 km (26% of the known length by sea)'."""
    parts = " · ".join(f"{mode} {km:,.0f} km" for mode, km in card.km_by_mode.items())
    return f"{parts} ({card.sea_share:.0%} of the known length by sea)"
