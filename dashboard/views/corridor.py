"""Corridor: the Minsk–Caspian–Persian Gulf route and the INSTC branches, on an offline map."""

from datetime import date

import streamlit as st

from dashboard.config import DEFAULT_ROUTE, MAP_HEIGHT
from dashboard.datapackage import vocabularies as v
from dashboard.derive import playback, routes
from dashboard.derive.display import organization_names, place_names, segment_table
from dashboard.draw import deck, legend
from dashboard.ui import cache, page, show
from dashboard.ui.params import CORRIDOR, chips
from dashboard.ui.player import Player, section
from dashboard.viewmodels import corridor

PREFER = {routes.FEWEST_LEGS: "Fewest legs", routes.SHORTEST_KNOWN: "Shortest known length"}

pkg = page.start(
    "Corridor", "How goods can move from Minsk to the Persian Gulf, and by which branch."
)
segments, places = pkg["route_segments"], pkg["places"]
orgs, names = organization_names(pkg), place_names(pkg)
ends = routes.route_ends(segments, names)
first, last = routes.default_ends(ends, DEFAULT_ROUTE) if ends else (0, 0)
layers = list(deck.LAYER_NAMES)
defaults = {
    "c-layers": layers,
    "c-org": "",
    "c-as-of": date.today(),
    "c-step": playback.YEAR,
    "c-route-by": next(iter(PREFER)),
    "c-from": ends[first] if ends else None,
    "c-to": ends[last] if ends else None,
    "c-route-branch": list(v.CORRIDORS),
}
allowed = {
    "corridor": v.CORRIDORS,
    "mode": v.MODES,
    "status": v.SEGMENT_STATUSES,
    "layer": layers,
    "organization": orgs,
    "from_place": ends,
    "to_place": ends,
    "route_corridor": v.CORRIDORS,
    "prefer": PREFER,
    "step": playback.STEPS,
}
page.url_state("corridor", CORRIDOR, allowed, defaults)
state = st.session_state

with st.sidebar:
    st.header("Map")
    kw = {"format_func": v.CORRIDORS.get}
    branches = st.multiselect("Branches", list(v.CORRIDORS), key="c-branch", **kw)
    modes = st.multiselect("Modes", list(v.MODES), format_func=v.MODES.get, key="c-mode")
    statuses = st.multiselect(
        "Statuses", list(v.SEGMENT_STATUSES), format_func=v.SEGMENT_STATUSES.get, key="c-status"
    )
    shown = st.multiselect("Layers", layers, format_func=deck.LAYER_NAMES.get, key="c-layers")
    choices = cache.membership_options(pkg).choices  # 'SCO — Shanghai Cooperation …'
    org = st.selectbox(
        "Shade countries by membership of",
        ["", *choices],
        format_func=lambda o: choices.get(o, "(no shading)"),
        key="c-org",
        help="Type to search by abbreviation or name.",
    )

params = routes.SegmentFilter(tuple(branches), tuple(modes), tuple(statuses))
legs = routes.filter_segments(segments, params)
layers_on = tuple(s for s in shown if org or s != "shading")
spans = pkg["memberships"][pkg["memberships"]["organization"] == org]
labels = {
    "corridor": v.CORRIDORS,
    "mode": v.MODES,
    "status": v.SEGMENT_STATUSES,
    "layer": deck.LAYER_NAMES,
    "organization": orgs,
    "from_place": names,
    "to_place": names,
    "route_corridor": v.CORRIDORS,
    "prefer": PREFER,
    "step": playback.STEPS,
}


def draw(day: date) -> None:
    """The map, its shading as of `day` (when an organization is chosen), legend and credits."""
    view = cache.corridor_map(pkg, params, layers_on, org, day)
    st.pydeck_chart(view.deck, height=MAP_HEIGHT, key="c-map")
    st.markdown(legend.legend_html("shading" in layers_on), unsafe_allow_html=True)
    st.caption(corridor.CREDIT)
    if view.shaded:
        with st.container(key="c-shaded"):
            st.text(view.shaded.text)  # as text: labels and names come from the data
            if view.shaded.missing:
                st.text(view.shaded.missing)

    # taken now: a download runs outside the page, after the date may have moved on
    shading = [view.shaded.text] if view.shaded else []
    lines = [*shading, *chips(state, CORRIDOR, defaults, labels)]
    show.downloads(
        "c-map",
        "corridor-map",
        {
            "png": lambda: corridor.png(view, lines),
            "svg": lambda: corridor.svg(view, lines),
        },
    )


if org:
    player = Player(
        "c", CORRIDOR, defaults, lambda step: playback.frames(spans, step, date.today())
    )
    section(player, draw)
else:
    draw(date.today())
if legs.empty:
    show.nothing_matches("route legs")

st.subheader("Route summary")
pick = st.columns([2, 2, 3, 2])
start = pick[0].selectbox("From", ends, format_func=names.get, key="c-from")
end = pick[1].selectbox("To", ends, format_func=names.get, key="c-to")
through = pick[2].multiselect("Branches allowed", list(v.CORRIDORS), key="c-route-branch", **kw)
by = pick[3].radio("Prefer", list(PREFER), format_func=PREFER.get, key="c-route-by")

query = routes.RouteQuery(start, end, tuple(through), by)
if not ends or start == end:
    st.info("Pick two different places.")
elif (summary := routes.summarise_route(segments, query, names)) is None:
    st.info("These branches do not connect the two places. Allow more branches.")
else:
    cols = st.columns(4)
    cols[0].metric("Legs", len(summary.legs))
    cols[1].metric("Length", f"{summary.known_km:,.0f} km")
    cols[2].metric("of which estimated", f"{summary.estimated_km:,.0f} km")
    cols[3].metric("Legs not yet operational", len(summary.not_operational))
    with st.container(key="c-route-length"):
        st.text(f"Length: {routes.length_text(summary)}")
    if summary.estimated_legs or summary.unknown_legs:
        st.caption(
            "An estimated length is the great-circle length of the leg's drawn route, given "
            "where no source states one: a lower bound, so the real distance is longer."
        )
    show.table(summary.legs, key="c-route-legs", download="route-legs.csv")
    left, right = st.columns(2)
    with left:
        st.subheader("Totals by mode", divider=False)
        show.table(summary.totals, key="c-route-totals")
    with right:
        st.subheader("Not yet operational", divider=False)
        if summary.not_operational.empty:
            st.success("Every leg of this route is operational.")
        else:
            gaps = summary.not_operational[["#", "From", "To", "Status"]]
            show.table(gaps, key="c-route-gaps")

st.subheader(f"Legs on the map ({len(legs):,})")
show.table(segment_table(legs, pkg), key="c-table", download="corridor-legs.csv")
page.finish("corridor", CORRIDOR, defaults, chips(state, CORRIDOR, defaults, labels))
