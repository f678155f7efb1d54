"""Agreements: what was signed, by whom, in which sectors, and when."""

import streamlit as st

from dashboard import agreement_views, cache, ui
from dashboard import vocabularies as v
from dashboard.filters import AgreementFilter
from dashboard.frames import agreement_detail, party_countries
from dashboard.page_params import AGREEMENTS, SORT_ORDERS, chips

pkg = ui.page("Agreements", "Treaties, agreements, memoranda, roadmaps and joint statements.")
options = cache.agreement_options(pkg)
names = options.names
allowed = {
    "sector": options.sectors,
    "party": options.parties,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
    "sort": agreement_views.ORDERS,
    "order": SORT_ORDERS,
}
defaults = agreement_views.DEFAULT_SORT
ui.url_state("agreements", AGREEMENTS, allowed, defaults)

with st.sidebar:
    st.header("Filters")
    st.multiselect(
        "Sectors",
        options.sectors,
        format_func=lambda s: f"{v.SECTORS[s]} ({options.per_sector[s]})",
        key="a-sector",
    )
    st.multiselect("Party", options.parties, format_func=lambda p: names.get(p, p), key="a-party")
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
shown = cache.agreement_rows(pkg, params)
figures = cache.agreement_figures(pkg, shown, params)
labels = {
    "sector": v.SECTORS,
    "party": names,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
    "sort": agreement_views.ORDER_LABELS,
}
active = chips(state, AGREEMENTS, defaults, labels)


def context() -> list[str]:
    return [*active, figures.cited]


cols = st.columns(4)
cols[0].metric("Agreements", f"{figures.count:,}")
cols[1].metric("In force", f"{figures.in_force:,}")
cols[2].metric("Planned or negotiating", f"{figures.planned:,}")
cols[3].metric("Sectors", f"{figures.sectors:,}")

if shown.empty:
    ui.nothing_matches("agreements")
else:
    if figures.timeline is None:
        st.info("None of these agreements has a signing date to place on the timeline.")
    else:
        ui.chart(figures.timeline, "a-timeline", context)
    left, right = st.columns(2)
    with left:
        ui.chart(figures.by_sector, "a-by-sector", context)
    with right:
        ui.chart(figures.by_year, "a-by-year", context)

    st.subheader("Agreements")
    order, descending = ui.sort_controls("a", agreement_views.ORDER_LABELS)
    page = cache.agreement_page(pkg, shown, params, order, descending)
    selection = ui.paged_table(
        page,
        "a-table",
        "agreements",
        agreement_views.ORDER_LABELS[order],
        descending,
        lambda: agreement_views.table_csv(pkg, shown, order, descending),
        "agreements.csv",
        hidden=("id",),
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = selection.selection.rows if selection else []
    if rows:
        chosen = page.frame.iloc[rows[0]]["id"]
        st.subheader("Details")
        picked = agreement_views.full_rows(pkg, shown[shown["id"] == chosen])
        detail, sources = agreement_detail(picked.iloc[0], pkg)
        ui.table(detail, key="a-detail")
        parties = party_countries(shown[shown["id"] == chosen].iloc[0]["parties"], pkg)
        if not parties.empty:
            ui.table(parties, key="a-detail-countries", profiles={"Country": "ISO3"})
        ui.table(sources, key="a-detail-sources")
    else:
        st.caption("Select a row to see every field and its sources.")
ui.finish("agreements", AGREEMENTS, defaults, active)
