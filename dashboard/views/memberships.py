"""Memberships: who belongs to which organization, since when, as of any day."""

from datetime import date

import streamlit as st

from dashboard import charts, ui
from dashboard import vocabularies as v
from dashboard.config import DEFAULT_COMPARE, MAX_MATRIX_CELLS, MAX_TIMELINE_LANES
from dashboard.filters import MembershipFilter, filter_memberships
from dashboard.frames import country_names, membership_table, organization_names
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

with st.sidebar:
    st.header("Filters")
    chosen_orgs = st.multiselect(
        "Organizations", list(orgs), format_func=lambda o: orgs.get(o, o), key="m-org"
    )
    chosen_countries = st.multiselect(
        "Countries",
        sorted(set(spans["country"]), key=lambda c: countries.get(c, c)),
        format_func=lambda c: countries.get(c, c),
        key="m-country",
    )
    chosen_statuses = st.multiselect(
        "Statuses",
        list(v.MEMBERSHIP_STATUSES),
        format_func=v.MEMBERSHIP_STATUSES.get,
        key="m-status",
    )
    period = st.date_input("Spans in effect between", value=(), key="m-period")
    query = st.text_input("Search country names", key="m-q")

start, end = (tuple(period) + (None, None))[:2] if period else (None, None)
params = MembershipFilter(
    tuple(chosen_orgs), tuple(chosen_countries), tuple(chosen_statuses), start, end, query
)
shown = filter_memberships(spans, params, countries)

day = st.date_input(
    "As of",
    value=date.today(),
    key="m-as-of",
    min_value=date(1950, 1, 1),
    max_value=date(2100, 12, 31),
)
matrix = as_of_matrix(shown, day, countries, orgs)
if shown.empty:
    ui.nothing_matches("membership spans")
    st.stop()

st.subheader(f"Status on {day.isoformat()}")
if matrix.empty:
    st.info("No membership matching these filters was in effect on that day.")
else:
    grid, total_orgs = limit_matrix(matrix, MAX_MATRIX_CELLS)
    if grid["Organization"].nunique() < total_orgs:
        st.caption(
            f"Grid shows {grid['Organization'].nunique()} of {total_orgs} organizations "
            "(those with most countries); the counts cover all."
        )
    left, right = st.columns([3, 2])
    with left:
        ui.chart(charts.status_matrix_chart(grid, f"Status as of {day.isoformat()}"), "m-matrix")
    with right:
        ui.table(status_counts(matrix), key="m-counts")

st.subheader("Timeline")
bars, lanes = timeline_frame(shown, date.today(), countries, orgs, MAX_TIMELINE_LANES)
if lanes > MAX_TIMELINE_LANES:
    st.caption(f"Showing {MAX_TIMELINE_LANES} of {lanes} lanes; filter to see the others.")
markers = event_markers(
    pkg["events"][pkg["events"]["kind"] == "summit"], tuple(shown["organization"].unique())
)
ui.chart(
    charts.membership_timeline_chart(bars, markers, "Status spans; dashed: summits"), "m-timeline"
)

st.subheader("Compare countries")
present = sorted(set(spans["country"]), key=lambda c: countries.get(c, c))
defaults = [c for c in DEFAULT_COMPARE if c in present]
compared = st.multiselect(
    "Countries to compare",
    present,
    default=defaults,
    format_func=lambda c: countries.get(c, c),
    key="m-compare",
)
comparison = compare_countries(
    as_of_matrix(spans, day, countries, orgs), tuple(compared), countries
)
if len(compared) < 2:
    st.info("Pick two or more countries to compare them.")
elif comparison.empty:
    st.info("None of these countries belonged to any organization on that day.")
else:
    ui.table(comparison, key="m-compare-table")

st.subheader(f"Spans ({len(shown):,})")
ui.table(membership_table(shown, pkg), key="m-table")
