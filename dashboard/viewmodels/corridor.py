"""What the corridor map shows for one set of filters and day: who is shaded, who cannot be,
the deck, and the map as a still image.

The basemap (Natural Earth 1:110m) has a shape for today's larger states only: a former state
(the USSR, the GDR…) or a small one (Malta, Singapore…) with a status is listed, not drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import pydeck as pdk

from dashboard import config
from dashboard.config import BASEMAP_FILE
from dashboard.datapackage.load import DataPackage
from dashboard.derive import crossings, playback, routes
from dashboard.derive.cited import cited_organizations, with_cited
from dashboard.derive.coverage import organization_records
from dashboard.derive.display import (
    country_names,
    organization_names,
    place_names,
    segment_table,
    sources_line,
)
from dashboard.derive.routes import SegmentFilter, filter_segments
from dashboard.derive.summaries import member_statuses, membership_shading
from dashboard.draw import deck, export, map_still
from dashboard.draw.basemap import shaded_features, shapes
from dashboard.draw.legend import legend_html
from dashboard.draw.map_data import label_frame, place_frame, segment_frame
from dashboard.viewmodels.shared import shared

TITLE = "Minsk–Caspian–Persian Gulf corridor"
CREDIT = f"{config.BASEMAP_ATTRIBUTION} Sea waypoints are schematic drawing aids, not tracks."


def basemap_codes(path: Path = BASEMAP_FILE) -> frozenset[str]:
    """ISO3 codes the basemap has a shape for (empty when the file cannot be read)."""
    return frozenset(shapes(path))


@dataclass(frozen=True)
class Shading:
    """Countries holding a status in one organization on one day, as the map can show them."""

    statuses: dict[str, str]  # the countries the map shades: ISO3 → status
    held: int  # countries with a status that day
    not_drawn: tuple[str, ...]  # names of those the map has no shape for
    text: str  # 'NAM (partial) on 2026-11-23: …', with the check date
    missing: str  # the list of countries not drawn, or ''


def shading(
    pkg: DataPackage, organization: str, day: date, codes: frozenset[str] | None = None
) -> Shading:
    """Who the map shades for `organization` on `day`, and who it lists instead.

    `codes` are those the basemap can draw (default: the shipped basemap's).
    """
    statuses = member_statuses(pkg["memberships"], organization, day)
    codes = basemap_codes() if codes is None else codes
    codes = codes or frozenset(statuses)  # no basemap to ask: never claim a country is missing
    drawn = {c: s for c, s in statuses.items() if c in codes}
    names = country_names(pkg)
    missing = tuple(sorted((names.get(c, c) for c in statuses if c not in codes), key=str.lower))
    records = organization_records(pkg)
    label = records.labels().get(organization, organization)
    checked = records.table["checked"].get(organization, "not given")
    held = len(statuses)
    text = (
        f"{label} on {day.isoformat()}: {held:,} {'country' if held == 1 else 'countries'} with "
        f"a status, {len(drawn):,} shaded (within today's borders). Checked up to {checked}."
    )
    listed = ""
    if missing:
        listed = (
            f"Not drawn, no shape on this map ({len(missing)}): {', '.join(missing)}. "
            "Former states and small states have no outline at this scale."
        )
    return Shading(drawn, held, missing, text, listed)


PREFER = {routes.FEWEST_LEGS: "Fewest legs", routes.SHORTEST_KNOWN: "Shortest known length"}
LAYER_NAMES = deck.LAYER_NAMES  # the map's layers a reader may switch off
# Branch names short enough for a chip in the sidebar (the vocabulary's full names are longer).
BRANCH_NAMES: dict[str, str] = {
    "belarus_russia": "Belarus–Russia",
    "instc_western": "INSTC west (Azerbaijan)",
    "instc_trans_caspian": "INSTC trans-Caspian",
    "instc_eastern": "INSTC east (Central Asia)",
    "iran_trunk": "Iran trunk",
}


@dataclass(frozen=True)
class Options:
    """The choices the page offers, and the route its summary opens on."""

    organizations: dict[str, str]  # id → short name
    places: dict[str, str]  # place id → name
    ends: list[str]  # places at either end of some leg, by name
    start: str | None  # the default route's ends (DEFAULT_ROUTE when the package has it)
    end: str | None


@shared()
def options(pkg: DataPackage) -> Options:
    names = place_names(pkg)
    ends = routes.route_ends(pkg["route_segments"], names)
    names = with_cited(names, set(ends))  # a place left out for an error: by its id
    orgs = with_cited(organization_names(pkg), cited_organizations(pkg))
    if not ends:
        return Options(orgs, names, ends, None, None)
    first, last = routes.default_ends(ends, config.DEFAULT_ROUTE)
    return Options(orgs, names, ends, ends[first], ends[last])


@shared()
def legs(pkg: DataPackage, params: SegmentFilter) -> pd.DataFrame:
    """The legs on the map, as the table under it shows them."""
    return segment_table(filter_segments(pkg["route_segments"], params), pkg)


@shared()
def route(pkg: DataPackage, query: routes.RouteQuery) -> routes.RouteSummary | None:
    """The route between two places over the allowed branches; None when they do not connect."""
    return routes.summarise_route(pkg["route_segments"], query, place_names(pkg))


@dataclass(frozen=True)
class Card:
    """The route card's lines, in reading order (all plain text: names come from the data)."""

    length: str
    by_mode: str
    countries: str
    crossings: tuple[str, ...]
    transshipments: tuple[str, ...]
    not_operational: tuple[str, ...]


@shared()
def card(pkg: DataPackage, query: routes.RouteQuery) -> Card | None:
    """The chosen route at a glance; None when the chosen branches do not connect its ends."""
    summary = route(pkg, query)
    if summary is None:
        return None
    made = crossings.route_card(
        list(summary.path),
        pkg["route_segments"],
        pkg["places"],
        country_names(pkg),
        place_names(pkg),
    )
    gaps = summary.not_operational
    return Card(
        length=summary.length,
        by_mode=crossings.km_by_mode_text(made),
        countries=" → ".join(made.countries),
        crossings=tuple(crossings.crossing_text(c) for c in made.crossings),
        transshipments=tuple(crossings.transshipment_text(t) for t in made.transshipments),
        not_operational=tuple(f"{row.From} – {row.To}: {row.Status}" for row in gaps.itertuples()),
    )


@shared()
def dates(pkg: DataPackage, organization: str, step: str, last: date) -> list[date]:
    """The as-of dates a player steps through for one organization's spans."""
    spans = pkg["memberships"]
    return playback.dates(spans[spans["organization"] == organization], step, last)


@dataclass(frozen=True)
class MapView:
    """The deck, what its shading says, and the frames it was built from (for the image)."""

    deck: pdk.Deck
    legs: pd.DataFrame
    places: pd.DataFrame
    labels: pd.DataFrame
    features: list[dict]  # the shaded countries' shapes, colours and tooltips
    shaded: Shading | None
    shown: tuple[str, ...]
    cited: str
    legend: str  # HTML from the fixed vocabularies and colours only, never data text
    route: tuple[str, ...] = ()  # the chosen route's leg ids
    undrawn: str = ""  # the legs the map cannot draw, or ''


def undrawn_note(chosen: pd.DataFrame, places: pd.DataFrame) -> str:
    """The legs whose place at one end was left out of the data (no position to draw them
    from), which the table below still lists; '' when every leg is drawn."""
    known = set(places["id"])
    ends = set(chosen["from_place"]) | set(chosen["to_place"])
    missing = sorted(ends - known)
    if not missing:
        return ""
    gone = ~(chosen["from_place"].isin(known) & chosen["to_place"].isin(known))
    return (
        f"Not drawn ({int(gone.sum())} legs): no position for {', '.join(missing)}, left out "
        "of the data for an error (see Data quality). The legs are listed below."
    )


@shared()
def map_view(
    pkg: DataPackage,
    params: SegmentFilter,
    shown: tuple[str, ...],
    org: str,
    day: date,
    theme: str = config.LIGHT,
    route_ids: tuple[str, ...] = (),
) -> MapView:
    """The corridor map: the chosen legs (the route's on top), every place, countries shaded by
    `org` on `day`, in the colours of `theme`."""
    segments, places = pkg["route_segments"], pkg["places"]
    chosen = filter_segments(segments, params)
    legs = segment_frame(chosen, places)
    dots = place_frame(places, country_names(pkg))
    labels = label_frame(dots, segments)
    shaded, features = None, []
    if org:
        shaded = shading(pkg, org, day)
        label = organization_records(pkg).labels().get(org, org)
        rows = membership_shading(pkg["memberships"], org, day)
        if "shading" in shown:
            features = shaded_features(rows, label, country_names(pkg))
    built = deck.build_deck(legs, dots, labels, shown, features, theme=theme, route=route_ids)
    cited = sources_line([s for ids in chosen["source_ids"] for s in ids])
    key = legend_html(bool(org) and "shading" in shown, theme, bool(route_ids))
    undrawn = undrawn_note(chosen, places)
    return MapView(
        built, legs, dots, labels, features, shaded, shown, cited, key, route_ids, undrawn
    )


def still(view: MapView, lines: list[str]) -> alt.TopLevelMixin:
    """The map as a Vega-Lite chart: title, `lines` (as-of date, filters), credit and sources."""
    on = view.shown
    return map_still.map_chart(
        view.legs if "segments" in on else view.legs.iloc[0:0],
        view.places if "places" in on else view.places.iloc[0:0],
        view.labels if "labels" in on else None,
        view.features,
        config.MAP_VIEW,
        TITLE,
        [*lines, CREDIT, view.cited],
        route=view.route,
    )


def png(view: MapView, lines: list[str]) -> bytes:
    """The still image as PNG; its title and credits are also in the file's text chunks."""
    text = {"Title": TITLE, "Description": " · ".join(x for x in lines if x), "Copyright": CREDIT}
    return export.map_png(still(view, lines), text)


def svg(view: MapView, lines: list[str]) -> str:
    return export.chart_svg(still(view, lines))
