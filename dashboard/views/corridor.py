"""Corridor: the Minsk–Caspian–Persian Gulf route and the INSTC branches, on an offline map."""

from datetime import date

import streamlit as st

from dashboard import maps, ui
from dashboard import vocabularies as v
from dashboard.config import BASEMAP_ATTRIBUTION, MAP_HEIGHT
from dashboard.frames import country_names, organization_names, place_names, segment_table
from dashboard.routes import (
    FEWEST_LEGS,
    SHORTEST_KNOWN,
    RouteQuery,
    SegmentFilter,
    filter_segments,
    summarise_route,
)
from dashboard.summaries import member_statuses

pkg = ui.page("Corridor", "How goods can move from Minsk to the Persian Gulf, and by which branch.")
segments, places = pkg["route_segments"], pkg["places"]
orgs, names = organization_names(pkg), place_names(pkg)

with st.sidebar:
    st.header("Map")
    branches = st.multiselect(
        "Branches", list(v.CORRIDORS), format_func=v.CORRIDORS.get, key="c-branch"
    )
    modes = st.multiselect("Modes", list(v.MODES), format_func=v.MODES.get, key="c-mode")
    statuses = st.multiselect(
        "Statuses", list(v.SEGMENT_STATUSES), format_func=v.SEGMENT_STATUSES.get, key="c-status"
    )
    shown = st.multiselect(
        "Layers",
        list(maps.LAYER_NAMES),
        default=list(maps.LAYER_NAMES),
        format_func=maps.LAYER_NAMES.get,
        key="c-layers",
    )
    org = st.selectbox(
        "Shade countries by membership of",
        ["", *orgs],
        format_func=lambda o: orgs.get(o, "(no shading)"),
        key="c-org",
    )
    day = st.date_input(
        "Membership as of",
        value=date.today(),
        min_value=date(1950, 1, 1),
        max_value=date(2100, 12, 31),
        key="c-as-of",
    )

legs = filter_segments(segments, SegmentFilter(tuple(branches), tuple(modes), tuple(statuses)))
shading = member_statuses(pkg["memberships"], org, day) if org else None
dots = maps.place_frame(places, country_names(pkg))
deck = maps.build_deck(
    maps.segment_frame(legs, places),
    dots,
    maps.label_frame(dots, segments),
    tuple(shown) if org else tuple(s for s in shown if s != "shading"),
    shading,
)
st.pydeck_chart(deck, height=MAP_HEIGHT, key="c-map")
st.markdown(maps.legend_html(bool(org) and "shading" in shown), unsafe_allow_html=True)
st.caption(BASEMAP_ATTRIBUTION + " Sea waypoints are schematic drawing aids, not tracks.")
if legs.empty:
    ui.nothing_matches("route legs")
if org:
    st.caption(f"{orgs[org]} on {day.isoformat()}: {len(shading)} countries shaded.")

st.subheader("Route summary")
ends = sorted(set(segments["from_place"]) | set(segments["to_place"]), key=names.get)
pick = st.columns([2, 2, 3, 2])
start = pick[0].selectbox(
    "From",
    ends,
    format_func=names.get,
    key="c-from",
    index=ends.index("minsk") if "minsk" in ends else 0,
)
end = pick[1].selectbox(
    "To",
    ends,
    format_func=names.get,
    key="c-to",
    index=ends.index("bandar-abbas") if "bandar-abbas" in ends else 0,
)
allowed = pick[2].multiselect(
    "Branches allowed",
    list(v.CORRIDORS),
    default=list(v.CORRIDORS),
    format_func=v.CORRIDORS.get,
    key="c-route-branch",
)
by = pick[3].radio(
    "Prefer",
    [FEWEST_LEGS, SHORTEST_KNOWN],
    key="c-route-by",
    format_func={FEWEST_LEGS: "Fewest legs", SHORTEST_KNOWN: "Shortest known length"}.get,
)

summary = summarise_route(segments, RouteQuery(start, end, tuple(allowed), by), names)
if start == end:
    st.info("Pick two different places.")
elif summary is None:
    st.info("These branches do not connect the two places. Allow more branches.")
else:
    cols = st.columns(4)
    cols[0].metric("Legs", len(summary.legs))
    cols[1].metric("Known length (km)", f"{summary.known_km:,.0f}")
    cols[2].metric("Legs of unknown length", summary.unknown_legs)
    cols[3].metric("Legs not yet operational", len(summary.not_operational))
    if summary.unknown_legs:
        st.caption(
            f"The known length leaves out {summary.unknown_legs} leg(s) whose length no "
            "source gives: the real distance is longer."
        )
    ui.table(summary.legs, key="c-route-legs")
    left, right = st.columns(2)
    left.markdown("**Totals by mode**")
    with left:
        ui.table(summary.totals, key="c-route-totals")
    right.markdown("**Not yet operational**")
    with right:
        if summary.not_operational.empty:
            st.success("Every leg of this route is operational.")
        else:
            ui.table(summary.not_operational[["#", "From", "To", "Status"]], key="c-route-gaps")

st.subheader(f"Legs on the map ({len(legs):,})")
ui.table(segment_table(legs, pkg), key="c-table")
