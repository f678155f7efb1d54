"""Memberships: who belongs to which organization, since when, as of any day."""

from datetime import date

import streamlit as st

from dashboard import charts, exports, ui
from dashboard import vocabularies as v
from dashboard.config import DEFAULT_COMPARE, MAX_MATRIX_CELLS, MAX_TIMELINE_LANES
from dashboard.filters import MembershipFilter, filter_memberships
from dashboard.frames import country_names, membership_table, organization_names
from dashboard.page_params import MEMBERSHIPS, chips
from dashboard.summaries import (
    as_of_matrix,
    compare_countries,
    event_markers,
    limit_matrix,
    status_counts,
    timeline_frame,
)

pkg = ui.page("Memberships", "Every country's status in each organization, span by span.")
spans = pkg["memberships"]
countries, orgs = country_names(pkg), organization_names(pkg)
present = sorted(set(spans["country"]), key=lambda c: countries.get(c, c))
allowed = {
    "organization": orgs,
    "country": present,
    "status": v.MEMBERSHIP_STATUSES,
    "compare": present,
}
defaults = {"m-as-of": date.today(), "m-compare": [c for c in DEFAULT_COMPARE if c in present]}
ui.url_state("memberships", MEMBERSHIPS, allowed, defaults)


def name_of(code: str) -> str:
    return countries.get(code, code)


with st.sidebar:
    st.header("Filters")
    st.multiselect("Organizations", list(orgs), format_func=lambda o: orgs.get(o, o), key="m-org")
    st.multiselect("Countries", present, format_func=name_of, key="m-country")
    st.multiselect(
        "Statuses",
        list(v.MEMBERSHIP_STATUSES),
        format_func=v.MEMBERSHIP_STATUSES.get,
        key="m-status",
    )
    st.date_input("Spans in effect from", None, ui.EARLIEST, ui.LATEST, key="m-from")
    st.date_input("… until", None, ui.EARLIEST, ui.LATEST, key="m-to")
    st.text_input("Search country names", key="m-q")

state = st.session_state
params = MembershipFilter(
    tuple(state["m-org"]),
    tuple(state["m-country"]),
    tuple(state["m-status"]),
    state["m-from"],
    state["m-to"],
    state["m-q"],
)
shown = filter_memberships(spans, params, countries)
day = st.date_input("As of", min_value=ui.EARLIEST, max_value=ui.LATEST, key="m-as-of")
labels = {
    "organization": orgs,
    "country": countries,
    "compare": countries,
    "status": v.MEMBERSHIP_STATUSES,
}
active = chips(state, MEMBERSHIPS, defaults, labels)
cited = exports.sources_line([s for ids in shown["source_ids"] for s in ids])

if shown.empty:
    ui.nothing_matches("membership spans")
else:
    st.subheader(f"Status on {day.isoformat()}")
    matrix = as_of_matrix(shown, day, countries, orgs)
    if matrix.empty:
        st.info("No membership matching these filters was in effect on that day.")
    else:
        grid, total_orgs = limit_matrix(matrix, MAX_MATRIX_CELLS)
        if grid["Organization"].nunique() < total_orgs:
            st.caption(
                f"Grid shows {grid['Organization'].nunique()} of {total_orgs} "
                "organizations (those with most countries); the counts cover all."
            )
        left, right = st.columns([3, 2])
        with left:
            title = f"Status as of {day.isoformat()}"
            figure = charts.status_matrix_chart(grid, title)
            ui.chart(
                figure,
                "m-matrix",
                lambda: exports.captioned(figure, title, [*active, cited]),
                f"memberships-{day.isoformat()}",
            )
        with right:
            ui.table(status_counts(matrix), key="m-counts")

    st.subheader("Timeline")
    bars, lanes = timeline_frame(shown, date.today(), countries, orgs, MAX_TIMELINE_LANES)
    if lanes > MAX_TIMELINE_LANES:
        st.caption(f"Showing {MAX_TIMELINE_LANES} of {lanes} lanes; filter to see the others.")
    summits = pkg["events"][pkg["events"]["kind"] == "summit"]
    markers = event_markers(summits, tuple(shown["organization"].unique()))
    timeline = charts.membership_timeline_chart(bars, markers, "Status spans; dashed: summits")
    ui.chart(
        timeline,
        "m-timeline",
        lambda: exports.captioned(timeline, "Membership timeline", [*active, cited]),
        "membership-timeline",
    )

st.subheader("Compare countries")
compared = st.multiselect("Countries to compare", present, format_func=name_of, key="m-compare")
comparison = compare_countries(
    as_of_matrix(spans, day, countries, orgs), tuple(compared), countries
)
if len(compared) < 2:
    st.info("Pick two or more countries to compare them.")
elif comparison.empty:
    st.info("None of these countries belonged to any organization on that day.")
else:
    ui.table(comparison, key="m-compare-table", download="comparison.csv")

st.subheader(f"Spans ({len(shown):,})")
ui.table(membership_table(shown, pkg), key="m-table", download="memberships.csv")
ui.finish("memberships", MEMBERSHIPS, defaults, active)
