"""What changed: every membership change, agreement and event between two dates."""

from datetime import date

import streamlit as st

from dashboard.derive.changes import CHANGE_KINDS, ChangeFilter
from dashboard.ui import cache, page, show
from dashboard.ui.params import CHANGES, SORT_ORDERS, chips
from dashboard.viewmodels import changes

pkg = page.start(
    "What changed",
    "Joinings, changes of status, departures and suspensions; agreements signed or entering "
    "into force; events. Dates as written; a date of reduced precision counts from its start.",
)
every = cache.change_all(pkg)
options = cache.change_options(pkg, every)
orgs, countries = options.organizations, options.countries
today = date.today()
allowed = {
    "organization": orgs,
    "country": countries,
    "kind": CHANGE_KINDS,
    "sort": changes.ORDER_LABELS,
    "order": SORT_ORDERS,
}
defaults = {"ch-from": date(today.year - 1, 1, 1), "ch-to": today, **changes.DEFAULT_SORT}
page.url_state("changes", CHANGES, allowed, defaults)

with st.sidebar:
    st.header("Filters")
    st.multiselect("Organizations", list(orgs), format_func=orgs.get, key="ch-org")
    st.multiselect("Countries", list(countries), format_func=countries.get, key="ch-country")
    st.multiselect(
        "Kinds of change", list(CHANGE_KINDS), format_func=CHANGE_KINDS.get, key="ch-kind"
    )

state = st.session_state
period = st.columns(2)
period[0].date_input("From", min_value=page.EARLIEST, max_value=page.LATEST, key="ch-from")
period[1].date_input("To", min_value=page.EARLIEST, max_value=page.LATEST, key="ch-to")
params = ChangeFilter(
    state["ch-from"],
    state["ch-to"],
    tuple(state["ch-org"]),
    tuple(state["ch-country"]),
    tuple(state["ch-kind"]),
)
labels = {"organization": orgs, "country": countries, "kind": CHANGE_KINDS}
active = chips(state, CHANGES, defaults, labels)
shown = cache.change_rows(pkg, every, params)
figures = cache.change_figures(pkg, shown, params)


def context() -> list[str]:
    return [*active, figures.cited]


cols = st.columns(4)
cols[0].metric("Changes", f"{figures.count:,}")
cols[1].metric("Membership changes", f"{figures.memberships:,}")
cols[2].metric("Agreements signed or in force", f"{figures.agreements:,}")
cols[3].metric("Events", f"{figures.events:,}")

if params.start and params.end and params.start > params.end:
    st.info("The period ends before it starts: pick a 'To' date after the 'From' date.")
elif shown.empty:
    show.nothing_matches("changes")
else:
    show.chart(figures.by_month, "ch-by-month", context)
    st.subheader("Every change, with its sources")
    order, descending = show.sort_controls("ch", changes.ORDER_LABELS)
    show.paged_table(
        cache.change_page(pkg, shown, params, order, descending),
        "ch-table",
        "changes",
        changes.ORDER_LABELS[order],
        descending,
        lambda: changes.table_csv(pkg, shown, order, descending),
        "changes.csv",
        profiles={"Country": "ISO3"},
    )
page.finish("changes", CHANGES, defaults, active)
