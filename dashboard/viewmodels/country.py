"""What a country's profile shows, derived once per country and day for every viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pydeck as pdk

from dashboard.config import LIGHT, MAX_TIMELINE_LANES
from dashboard.datapackage.load import DataPackage
from dashboard.derive.cited import cited_countries, with_cited
from dashboard.derive.display import (
    country_names,
    organization_names,
    party_names,
    source_labels,
    source_urls,
    sources_line,
)
from dashboard.derive.profiles import (
    country_events,
    country_places,
    event_table,
    profile_timeline,
    shared_memberships,
    status_headline,
    trade_frame,
)
from dashboard.derive.summaries import as_of_matrix, event_markers, timeline_frame
from dashboard.draw import charts, timelines
from dashboard.draw.basemap import highlight
from dashboard.draw.deck import build_deck, fit_view
from dashboard.draw.map_data import label_frame, place_frame, segment_frame
from dashboard.viewmodels.shared import shared

MAP_SIZE = (700, 380)  # pixels of the profile's small map (width is approximate)
PEERS = 10


@dataclass(frozen=True)
class Profile:
    """Everything the profile page shows about one country on one day."""

    code: str
    name: str
    headline: dict[str, int]
    statuses: pd.DataFrame
    timeline: charts.Figure | None
    events: pd.DataFrame
    trade: charts.Figure | None
    trade_rows: pd.DataFrame
    deck: pdk.Deck | None
    places: int
    legs: int
    peers: pd.DataFrame
    cited: str


@shared()
def choices(pkg: DataPackage) -> dict[str, str]:
    """Every country of the package, ISO3 → name, in order of name (a country that rows cite
    but whose own row was left out: by its code)."""
    names = with_cited(country_names(pkg), cited_countries(pkg))
    return dict(sorted(names.items(), key=lambda item: item[1]))


@shared()
def profile(pkg: DataPackage, code: str, today: date, theme: str = LIGHT) -> Profile:
    countries, orgs, names = country_names(pkg), organization_names(pkg), party_names(pkg)
    name = countries.get(code, code)
    spans = pkg["memberships"][pkg["memberships"]["country"] == code]
    now = as_of_matrix(spans, today, countries, orgs).sort_values("Organization")
    trade = trade_frame(pkg["trade"], code, countries)
    cited = [s for ids in spans["source_ids"] for s in ids]
    labels = source_labels(pkg)
    return Profile(
        code=code,
        name=name,
        headline=status_headline(spans, code, today),
        statuses=_statuses(now, labels),
        timeline=_timeline(pkg, spans, today, countries, orgs, name),
        events=event_table(country_events(pkg["events"], code), names, source_urls(pkg), labels),
        trade=_trade_figure(trade, name),
        trade_rows=trade,
        **_map(pkg, code, theme),
        peers=shared_memberships(pkg["memberships"], code, today, names, PEERS),
        cited=sources_line(cited, labels=labels),
    )


def _statuses(now: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Today's statuses, their sources by title, publisher and date (ids for the download)."""
    table = now[["Organization", "Status", "Since", "Sources"]].reset_index(drop=True)
    ids = table["Sources"].fillna("").str.split(", ")
    return table.assign(Cited=ids.map(lambda each: "; ".join(labels.get(i, i) for i in each if i)))


def _timeline(pkg, spans, today, countries, orgs, name) -> charts.Figure | None:
    if spans.empty:
        return None
    bars, _ = timeline_frame(spans, today, countries, orgs, MAX_TIMELINE_LANES)
    summits = pkg["events"][pkg["events"]["kind"] == "summit"]
    markers = event_markers(summits, tuple(spans["organization"].unique()))
    chart = timelines.membership_timeline_chart(
        profile_timeline(bars), markers, "Status spans; dashed: summits"
    )
    return charts.Figure.of(chart, f"{name}: membership timeline", f"{name}-timeline")


def _trade_figure(trade: pd.DataFrame, name: str) -> charts.Figure | None:
    if trade.empty:
        return None
    title = f"Trade figures naming {name}, US$ million"
    return charts.Figure.of(charts.trade_chart(trade, title), title, f"{name}-trade")


def _map(pkg: DataPackage, code: str, theme: str = LIGHT) -> dict:
    """The small map of the corridor places and legs in the country."""
    places, segments = pkg["places"], pkg["route_segments"]
    inside, legs = country_places(places, segments, code)
    if inside.empty:
        return {"deck": None, "places": 0, "legs": 0}
    names = country_names(pkg)
    dots = place_frame(inside, names)
    lines = segment_frame(legs, places)
    ends = places[places["id"].isin(set(legs["from_place"]) | set(legs["to_place"]))]
    shown = pd.concat([inside, ends])  # the legs' other ends too: a leg is seen whole
    view = fit_view(list(shown["lon"]), list(shown["lat"]), *MAP_SIZE, max_zoom=5.5)
    shade = highlight(code, names.get(code, code))
    deck = build_deck(lines, dots, label_frame(dots, legs), shading=shade, view=view, theme=theme)
    return {"deck": deck, "places": len(inside), "legs": len(legs)}
