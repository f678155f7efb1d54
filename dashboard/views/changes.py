"""What changed: every membership change, agreement and event between two dates."""

from datetime import date

import streamlit as st

from dashboard.derive.changes import CHANGE_KINDS, ChangeFilter
from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.viewmodels import changes

CHANGES = BY_PATH["changes"]
KEY = CHANGES.keys
model = cache.model(changes)

pkg = page.start(
    "What changed",
    "Joinings, changes of status, departures and suspensions; agreements signed or entering "
    "into force; events. Dates as written; a date of reduced precision counts from its start.",
)
every = model.everything(pkg)
options = model.options(pkg, every)
table = model.listing(pkg)
orgs, countries = options.organizations, options.countries
today = date.today()
allowed = {
    "organization": orgs,
    "country": countries,
    "kind": CHANGE_KINDS,
    "sort": table.labels,
    "order": SORT_ORDERS,
}
defaults = {
    KEY["from"]: date(today.year - 1, 1, 1),
    KEY["to"]: today,
    **show.sort_defaults(CHANGES, table),
}
page.url_state(CHANGES, allowed, defaults)

with st.sidebar:
    st.header("Filters")
    show.picker("Organizations", options.choices, KEY["organization"], options.codes)
    show.picker("Countries", countries, KEY["country"], options.codes)
    st.multiselect(
        "Kinds of change",
        list(CHANGE_KINDS),
        format_func=CHANGE_KINDS.get,
        key=KEY["kind"],
        select_all=False,
    )

state = st.session_state
period = st.columns(2)
period[0].date_input("From", min_value=page.EARLIEST, max_value=page.LATEST, key=KEY["from"])
period[1].date_input("To", min_value=page.EARLIEST, max_value=page.LATEST, key=KEY["to"])
params = ChangeFilter(
    state[KEY["from"]],
    state[KEY["to"]],
    tuple(state[KEY["organization"]]),
    tuple(state[KEY["country"]]),
    tuple(state[KEY["kind"]]),
)
labels = {"organization": orgs, "country": countries, "kind": CHANGE_KINDS}
active = page.chips(CHANGES, defaults, labels)
shown = model.rows(pkg, every, params)
figures = model.figures(pkg, shown, params)


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
    show.listing(
        pkg,
        CHANGES,
        table,
        shown,
        params,
        "ch-table",
        "changes.csv",
        profiles={"Country": "ISO3"},
        wrap=("What",),
    )
page.finish(CHANGES, defaults, active)
