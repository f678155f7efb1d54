"""Agreements: what was signed, by whom, in which sectors, and when."""

import streamlit as st

from dashboard.datapackage import vocabularies as v
from dashboard.derive.filters import AgreementFilter
from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.viewmodels import agreements

AGREEMENTS = BY_PATH["agreements"]
KEY = AGREEMENTS.keys
model = cache.model(agreements)

pkg = page.start("Agreements", "Treaties, agreements, memoranda, roadmaps and joint statements.")
options = model.options(pkg)
names = options.names
table = model.listing(pkg)
allowed = {
    "sector": options.sectors,
    "party": options.parties,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
    "sort": table.labels,
    "order": SORT_ORDERS,
}
defaults = show.sort_defaults(AGREEMENTS, table)
page.url_state(AGREEMENTS, allowed, defaults)

with st.sidebar:
    st.header("Filters")
    st.multiselect(
        "Sectors",
        options.sectors,
        format_func=lambda s: f"{v.SECTORS[s]} ({options.per_sector[s]})",
        key=KEY["sector"],
        select_all=False,
    )
    parties = {p: names.get(p, p) for p in options.parties}
    show.picker("Party", parties, KEY["party"], options.codes)
    st.multiselect(
        "Kind",
        list(v.AGREEMENT_KINDS),
        format_func=v.AGREEMENT_KINDS.get,
        key=KEY["kind"],
        select_all=False,
    )
    st.multiselect(
        "Status",
        list(v.AGREEMENT_STATUSES),
        format_func=v.AGREEMENT_STATUSES.get,
        key=KEY["status"],
        select_all=False,
    )
    st.date_input("Signed from", None, page.EARLIEST, page.LATEST, key=KEY["from"])
    st.date_input("… until", None, page.EARLIEST, page.LATEST, key=KEY["to"])
    st.text_input("Search title and summary", key=KEY["q"])

state = st.session_state
params = AgreementFilter(
    tuple(state[KEY["sector"]]),
    tuple(state[KEY["party"]]),
    tuple(state[KEY["kind"]]),
    tuple(state[KEY["status"]]),
    state[KEY["from"]],
    state[KEY["to"]],
    state[KEY["q"]],
)
shown = model.rows(pkg, params)
figures = model.figures(pkg, shown, params)
labels = {
    "sector": v.SECTORS,
    "party": names,
    "kind": v.AGREEMENT_KINDS,
    "status": v.AGREEMENT_STATUSES,
    "sort": table.labels,
}
active = page.chips(AGREEMENTS, defaults, labels)


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
    first, selection = show.listing(
        pkg,
        AGREEMENTS,
        table,
        shown,
        params,
        "a-table",
        "agreements.csv",
        hidden=("id",),
        wrap=("Title",),
        on_select="rerun",
        selection_mode="single-row",
    )
    picked = selection.selection.rows if selection else []
    if picked and (chosen := model.detail(pkg, first.frame.iloc[picked[0]]["id"])):
        st.subheader("Details")
        show.fields(chosen.fields, key="a-detail")  # long titles and summaries whole
        if not chosen.countries.empty:
            show.table(chosen.countries, key="a-detail-countries", profiles={"Country": "ISO3"})
        show.table(chosen.sources, key="a-detail-sources", hidden=("Source",), wrap=("Title",))
    else:
        st.caption("Select a row to see every field and its sources.")
page.finish(AGREEMENTS, defaults, active)
