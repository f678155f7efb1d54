"""Agreements: what was signed, by whom, in which sectors, and when."""

import streamlit as st

from dashboard.datapackage import vocabularies as v
from dashboard.derive.display import agreement_detail, party_countries
from dashboard.derive.filters import AgreementFilter
from dashboard.ui import cache, page, show
from dashboard.ui.params import AGREEMENTS, SORT_ORDERS, chips
from dashboard.viewmodels import agreements

pkg = page.start("Agreements", "Treaties, agreements, memoranda, roadmaps and joint statements.")
options = cache.agreement_options(pkg)
names = options.names
allowed = {
    "sector": options.sectors,
    "party": options.parties,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
    "sort": agreements.ORDERS,
    "order": SORT_ORDERS,
}
defaults = agreements.DEFAULT_SORT
page.url_state("agreements", AGREEMENTS, allowed, defaults)

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
    st.date_input("Signed from", None, page.EARLIEST, page.LATEST, key="a-from")
    st.date_input("… until", None, page.EARLIEST, page.LATEST, key="a-to")
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
    "sort": agreements.ORDER_LABELS,
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
    show.nothing_matches("agreements")
else:
    if figures.timeline is None:
        st.info("None of these agreements has a signing date to place on the timeline.")
    else:
        show.chart(figures.timeline, "a-timeline", context)
    left, right = st.columns(2)
    with left:
        show.chart(figures.by_sector, "a-by-sector", context)
    with right:
        show.chart(figures.by_year, "a-by-year", context)

    st.subheader("Agreements")
    order, descending = show.sort_controls("a", agreements.ORDER_LABELS)
    first = cache.agreement_page(pkg, shown, params, order, descending)
    selection = show.paged_table(
        first,
        "a-table",
        "agreements",
        agreements.ORDER_LABELS[order],
        descending,
        lambda: agreements.table_csv(pkg, shown, order, descending),
        "agreements.csv",
        hidden=("id",),
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = selection.selection.rows if selection else []
    if rows:
        chosen = first.frame.iloc[rows[0]]["id"]
        st.subheader("Details")
        picked = agreements.full_rows(pkg, shown[shown["id"] == chosen])
        detail, sources = agreement_detail(picked.iloc[0], pkg)
        show.table(detail, key="a-detail")
        parties = party_countries(shown[shown["id"] == chosen].iloc[0]["parties"], pkg)
        if not parties.empty:
            show.table(parties, key="a-detail-countries", profiles={"Country": "ISO3"})
        show.table(sources, key="a-detail-sources")
    else:
        st.caption("Select a row to see every field and its sources.")
page.finish("agreements", AGREEMENTS, defaults, active)
