"""Corridor: the Minsk–Caspian–Persian Gulf route and the INSTC branches, on an offline map."""

from datetime import date

import streamlit as st

from dashboard.config import MAP_HEIGHT
from dashboard.datapackage import vocabularies as v
from dashboard.derive import playback
from dashboard.derive.routes import RouteQuery, SegmentFilter
from dashboard.site import BY_PATH
from dashboard.ui import cache, page, show
from dashboard.ui.player import Player, section
from dashboard.viewmodels import corridor, memberships

CORRIDOR = BY_PATH["corridor"]
KEY = CORRIDOR.keys
model = cache.model(corridor)

pkg = page.start(
    "Corridor", "How goods can move from Minsk to the Persian Gulf, and by which branch."
)
options = model.options(pkg)
orgs, names, ends = options.organizations, options.places, options.ends
layers = list(corridor.LAYER_NAMES)
defaults = {
    KEY["layer"]: layers,
    KEY["organization"]: "",
    KEY["as_of"]: date.today(),
    KEY["step"]: playback.YEAR,
    KEY["prefer"]: next(iter(corridor.PREFER)),
    KEY["from_place"]: options.start,
    KEY["to_place"]: options.end,
    KEY["route_corridor"]: list(v.CORRIDORS),
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
    "prefer": corridor.PREFER,
    "step": playback.STEPS,
}
page.url_state(CORRIDOR, allowed, defaults)

with st.sidebar:
    st.header("Map")
    kw = {"format_func": lambda b: corridor.BRANCH_NAMES.get(b, v.CORRIDORS.get(b, b))}
    branches = st.multiselect("Branches", list(v.CORRIDORS), key=KEY["corridor"], **kw)
    modes = st.multiselect("Modes", list(v.MODES), format_func=v.MODES.get, key=KEY["mode"])
    statuses = st.multiselect(
        "Statuses",
        list(v.SEGMENT_STATUSES),
        format_func=v.SEGMENT_STATUSES.get,
        key=KEY["status"],
    )
    shown = st.multiselect("Layers", layers, format_func=corridor.LAYER_NAMES.get, key=KEY["layer"])
    choices = cache.model(memberships).options(pkg).choices  # 'SCO — Shanghai Cooperation …'
    org = st.selectbox(
        "Shade countries by membership of",
        ["", *choices],
        format_func=lambda o: choices.get(o, "(no shading)"),
        key=KEY["organization"],
        help="Type to search by abbreviation or name.",
    )

params = SegmentFilter(tuple(branches), tuple(modes), tuple(statuses))
layers_on = tuple(s for s in shown if org or s != "shading")
labels = {
    "corridor": v.CORRIDORS,
    "mode": v.MODES,
    "status": v.SEGMENT_STATUSES,
    "layer": corridor.LAYER_NAMES,
    "organization": orgs,
    "from_place": names,
    "to_place": names,
    "route_corridor": v.CORRIDORS,
    "prefer": corridor.PREFER,
    "step": playback.STEPS,
}


theme = show.map_theme()
pick = st.columns([3, 3, 2])
start = pick[0].selectbox("Route from", ends, format_func=names.get, key=KEY["from_place"])
end = pick[1].selectbox("to", ends, format_func=names.get, key=KEY["to_place"])
by = pick[2].radio(
    "Prefer", list(corridor.PREFER), format_func=corridor.PREFER.get, key=KEY["prefer"]
)
with st.expander("Branches the route may use"):
    through = st.multiselect("Branches allowed", list(v.CORRIDORS), key=KEY["route_corridor"], **kw)

summary = card = None
if ends and start != end:
    query = RouteQuery(start, end, tuple(through), by)
    summary, card = model.route(pkg, query), model.card(pkg, query)
route_ids = summary.segment_ids if summary is not None else ()


def route_card() -> None:
    """The chosen route at a glance, beside the map."""
    st.markdown("**Chosen route**")
    if not ends or start == end:
        st.info("Pick two different places.")
    elif card is None:
        st.info("These branches do not connect the two places. Allow more branches.")
    else:
        gaps = "\n".join(card.not_operational) or "None: every leg is operational."
        # as text: place and country names come from the data
        st.text(f"Countries crossed, in order:\n{card.countries}")
        st.text(f"Length: {card.length}")
        st.text(f"By mode: {card.by_mode}")
        borders = "\n".join(card.crossings) or "None."
        st.text(f"Border crossings ({len(card.crossings)}):\n{borders}")
        moves = "\n".join(card.transshipments) or "None."
        st.text(f"Transshipments ({len(card.transshipments)}):\n{moves}")
        st.text(f"Legs not yet in operation ({len(card.not_operational)}):\n{gaps}")


def draw(day: date) -> None:
    """The map, its shading as of `day` (when an organization is chosen), legend and credits."""
    view = model.map_view(pkg, params, layers_on, org, day, theme, route_ids)
    on_map, beside = st.columns([3, 1], gap="small")
    with on_map:
        show.map_with_legend(view.deck, view.legend, "c-map", MAP_HEIGHT)
    with beside, st.container(key="c-route-card", border=True):
        route_card()
    st.caption(corridor.CREDIT)
    if view.undrawn:
        st.text(view.undrawn)  # as text: place ids come from the data
    if view.shaded:
        with st.container(key="c-shaded"):
            st.text(view.shaded.text)  # as text: labels and names come from the data
            if view.shaded.missing:
                st.text(view.shaded.missing)

    # taken now: a download runs outside the page, after the date may have moved on
    shading = [view.shaded.text] if view.shaded else []
    lines = [*shading, *page.chips(CORRIDOR, defaults, labels)]
    show.downloads(
        "c-map",
        "corridor-map",
        {
            "png": lambda: corridor.png(view, lines),
            "svg": lambda: corridor.svg(view, lines),
        },
    )


if org:
    player = Player("c", CORRIDOR, defaults, lambda step: model.dates(pkg, org, step, date.today()))
    section(player, draw)
else:
    draw(date.today())
legs = model.legs(pkg, params)
if legs.empty:
    show.nothing_matches("route legs")

if summary is not None:
    st.subheader("Route legs")
    with st.container(key="c-route-length"):
        st.text(f"Length: {summary.length}")
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
show.table(legs, key="c-table", download="corridor-legs.csv")
page.finish(CORRIDOR, defaults, page.chips(CORRIDOR, defaults, labels))
