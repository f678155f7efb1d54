"""Agreements: what was signed, by whom, in which sectors, and when."""

import streamlit as st

from dashboard import charts, ui
from dashboard import vocabularies as v
from dashboard.config import MAX_AGREEMENT_POINTS
from dashboard.filters import AgreementFilter, filter_agreements
from dashboard.frames import agreement_detail, agreement_table, party_names
from dashboard.summaries import agreement_points, event_markers, sector_counts, year_counts

pkg = ui.page("Agreements", "Treaties, agreements, memoranda, roadmaps and joint statements.")
agreements = pkg["agreements"]
names = party_names(pkg)
per_sector = agreements["sectors"].explode().value_counts()

with st.sidebar:
    st.header("Filters")
    sectors = st.multiselect(
        "Sectors",
        [s for s in v.SECTORS if s in per_sector.index],
        format_func=lambda s: f"{v.SECTORS[s]} ({per_sector[s]})",
        key="a-sector",
    )
    parties = st.multiselect(
        "Party",
        sorted(set(agreements["parties"].explode().dropna()), key=lambda p: names.get(p, p)),
        format_func=lambda p: names.get(p, p),
        key="a-party",
    )
    kinds = st.multiselect(
        "Kind", list(v.AGREEMENT_KINDS), format_func=v.AGREEMENT_KINDS.get, key="a-kind"
    )
    statuses = st.multiselect(
        "Status", list(v.AGREEMENT_STATUSES), format_func=v.AGREEMENT_STATUSES.get, key="a-status"
    )
    period = st.date_input("Signed between", value=(), key="a-period")
    query = st.text_input("Search title and summary", key="a-q")

start, end = (tuple(period) + (None, None))[:2] if period else (None, None)
params = AgreementFilter(
    tuple(sectors), tuple(parties), tuple(kinds), tuple(statuses), start, end, query
)
shown = filter_agreements(agreements, params)

cols = st.columns(4)
cols[0].metric("Agreements", f"{len(shown):,}")
cols[1].metric("In force", f"{(shown['status'] == 'in_force').sum():,}")
cols[2].metric(
    "Planned or negotiating", f"{shown['status'].isin(['planned', 'under_negotiation']).sum():,}"
)
cols[3].metric("Sectors", f"{shown['sectors'].explode().nunique():,}")

if shown.empty:
    ui.nothing_matches("agreements")
    st.stop()

points = agreement_points(shown, MAX_AGREEMENT_POINTS)
markers = event_markers(pkg["events"][pkg["events"]["kind"] != "summit"], tuple(parties))
if points.empty:
    st.info("None of these agreements has a signing date to place on the timeline.")
else:
    ui.chart(
        charts.agreement_timeline_chart(
            points, markers, "Agreements by date signed; dashed: events"
        ),
        "a-timeline",
    )
left, right = st.columns(2)
with left:
    by_sector = charts.count_bar_chart(
        sector_counts(shown), "Sector", "By sector", charts.sector_scale()
    )
    ui.chart(by_sector, "a-by-sector")
with right:
    ui.chart(charts.year_bar_chart(year_counts(shown), "By year signed"), "a-by-year")

st.subheader("Agreements")
listing = agreement_table(shown, pkg)
selection = ui.table(
    listing.drop(columns="id"), key="a-table", on_select="rerun", selection_mode="single-row"
)
rows = selection.selection.rows if selection else []
if rows:
    chosen = listing.iloc[rows[0]]["id"]
    st.subheader("Details")
    detail, sources = agreement_detail(shown[shown["id"] == chosen].iloc[0], pkg)
    ui.table(detail, key="a-detail")
    ui.table(sources, key="a-detail-sources")
else:
    st.caption("Select a row to see every field and its sources.")
