"""Agreements: what was signed, by whom, in which sectors, and when."""

import streamlit as st

from dashboard import charts, exports, ui
from dashboard import vocabularies as v
from dashboard.config import MAX_AGREEMENT_POINTS
from dashboard.filters import AgreementFilter, filter_agreements
from dashboard.frames import agreement_detail, agreement_table, party_names
from dashboard.page_params import AGREEMENTS, chips
from dashboard.summaries import agreement_points, event_markers, sector_counts, year_counts

pkg = ui.page("Agreements", "Treaties, agreements, memoranda, roadmaps and joint statements.")
agreements = pkg["agreements"]
names = party_names(pkg)
per_sector = agreements["sectors"].explode().value_counts()
sectors = [s for s in v.SECTORS if s in per_sector.index]
parties = sorted(set(agreements["parties"].explode().dropna()), key=lambda p: names.get(p, p))
allowed = {
    "sector": sectors,
    "party": parties,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
}
ui.url_state("agreements", AGREEMENTS, allowed, {})

with st.sidebar:
    st.header("Filters")
    st.multiselect(
        "Sectors",
        sectors,
        format_func=lambda s: f"{v.SECTORS[s]} ({per_sector[s]})",
        key="a-sector",
    )
    st.multiselect("Party", parties, format_func=lambda p: names.get(p, p), key="a-party")
    st.multiselect("Kind", list(v.AGREEMENT_KINDS), format_func=v.AGREEMENT_KINDS.get, key="a-kind")
    st.multiselect(
        "Status", list(v.AGREEMENT_STATUSES), format_func=v.AGREEMENT_STATUSES.get, key="a-status"
    )
    st.date_input("Signed from", None, ui.EARLIEST, ui.LATEST, key="a-from")
    st.date_input("… until", None, ui.EARLIEST, ui.LATEST, key="a-to")
    st.text_input("Search title and summary", key="a-q")

state = st.session_state
params = AgreementFilter(
    tuple(state["a-sector"]),
    tuple(state["a-party"]),
    tuple(state["a-kind"]),
    tuple(state["a-status"]),
    state["a-from"],
    state["a-to"],
    state["a-q"],
)
shown = filter_agreements(agreements, params)
labels = {
    "sector": v.SECTORS,
    "party": names,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
}
active = chips(state, AGREEMENTS, {}, labels)
cited = exports.sources_line([s for ids in shown["source_ids"] for s in ids])

cols = st.columns(4)
cols[0].metric("Agreements", f"{len(shown):,}")
cols[1].metric("In force", f"{(shown['status'] == 'in_force').sum():,}")
cols[2].metric(
    "Planned or negotiating", f"{shown['status'].isin(['planned', 'under_negotiation']).sum():,}"
)
cols[3].metric("Sectors", f"{shown['sectors'].explode().nunique():,}")

if shown.empty:
    ui.nothing_matches("agreements")
else:
    points = agreement_points(shown, MAX_AGREEMENT_POINTS)
    events = pkg["events"][pkg["events"]["kind"] != "summit"]
    markers = event_markers(events, tuple(state["a-party"]))
    if points.empty:
        st.info("None of these agreements has a signing date to place on the timeline.")
    else:
        title = "Agreements by date signed; dashed: events"
        timeline = charts.agreement_timeline_chart(points, markers, title)
        ui.chart(
            timeline,
            "a-timeline",
            lambda: exports.captioned(timeline, title, [*active, cited]),
            "agreements-timeline",
        )
    left, right = st.columns(2)
    with left:
        by_sector = charts.count_bar_chart(
            sector_counts(shown), "Sector", "By sector", charts.sector_scale()
        )
        ui.chart(
            by_sector,
            "a-by-sector",
            lambda: exports.captioned(by_sector, "Agreements by sector", [*active, cited]),
            "agreements-by-sector",
        )
    with right:
        by_year = charts.year_bar_chart(year_counts(shown), "By year signed")
        ui.chart(
            by_year,
            "a-by-year",
            lambda: exports.captioned(by_year, "Agreements by year", [*active, cited]),
            "agreements-by-year",
        )

    st.subheader("Agreements")
    listing = agreement_table(shown, pkg)
    selection = ui.table(
        listing.drop(columns="id"),
        key="a-table",
        download="agreements.csv",
        on_select="rerun",
        selection_mode="single-row",
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
ui.finish("agreements", AGREEMENTS, {}, active)
