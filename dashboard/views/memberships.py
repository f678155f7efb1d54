"""Memberships: who belongs to which organization, since when, as of any day."""

from datetime import date

import streamlit as st

from dashboard.config import DEFAULT_COMPARE, LARGE_ORGANIZATION
from dashboard.datapackage import vocabularies as v
from dashboard.derive import playback
from dashboard.derive.filters import MembershipFilter
from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.ui.player import Player, section
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import memberships

MEMBERSHIPS = BY_PATH["memberships"]
KEY = MEMBERSHIPS.keys
model = cache.model(memberships)

pkg = page.start("Memberships", "Every country's status in each organization, span by span.")
options = model.options(pkg)
table = model.listing(pkg)
countries, orgs, present = options.countries, options.organizations, options.present
allowed = {
    "organization": orgs,
    "country": present,
    "status": v.MEMBERSHIP_STATUSES,
    "compare": present,
    "include": [memberships.LARGE] if options.large else [],
    "step": playback.STEPS,
    "sort": table.labels,
    "order": SORT_ORDERS,
}
defaults = {
    KEY["as_of"]: date.today(),
    KEY["step"]: playback.YEAR,
    KEY["compare"]: [c for c in DEFAULT_COMPARE if c in present],
    **show.sort_defaults(MEMBERSHIPS, table),
}
page.url_state(MEMBERSHIPS, allowed, defaults)


def name_of(code: str) -> str:
    return countries.get(code, code)


present_names = {c: name_of(c) for c in present}


with st.sidebar:
    st.header("Filters")
    show.picker("Organizations", options.choices, KEY["organization"], options.codes)
    show.picker("Countries", present_names, KEY["country"], options.codes)
    st.multiselect(
        "Statuses",
        list(v.MEMBERSHIP_STATUSES),
        format_func=v.MEMBERSHIP_STATUSES.get,
        key=KEY["status"],
        select_all=False,
    )
    st.date_input("Spans in effect from", None, page.EARLIEST, page.LATEST, key=KEY["from"])
    st.date_input("… until", None, page.EARLIEST, page.LATEST, key=KEY["to"])
    st.text_input("Search country names", key=KEY["q"])

state = st.session_state
if options.large:  # the large organizations (the NAM) crowd out the others: one click away
    st.pills(
        "Large organizations",
        [memberships.LARGE],
        format_func=lambda _: f"Include {options.large_names}",
        key=KEY["include"],
        help=f"Organizations that had more than {LARGE_ORGANIZATION} countries are left out "
        "unless picked or included here.",
    )
leave_out = () if state[KEY["include"]] == memberships.LARGE else options.large
params = MembershipFilter(
    tuple(state[KEY["organization"]]),
    tuple(state[KEY["country"]]),
    tuple(state[KEY["status"]]),
    state[KEY["from"]],
    state[KEY["to"]],
    state[KEY["q"]],
    leave_out,
)
shown = model.rows(pkg, params)
labels = {
    "organization": orgs,
    "country": countries,
    "compare": countries,
    "include": {memberships.LARGE: options.large_names},
    "status": v.MEMBERSHIP_STATUSES,
    "step": playback.STEPS,
    "sort": table.labels,
}
active = page.chips(MEMBERSHIPS, defaults, labels)


def context() -> list[str]:
    return [*active, model.cited(pkg, shown, params)]


def dates(step: str) -> list[date]:
    return model.dates(pkg, shown, params, step, date.today())


player = Player("m", MEMBERSHIPS, defaults, dates)


def status_on(day: date) -> None:
    """The grid and the comparison on the player's day."""
    st.subheader(f"Status on {day.isoformat()}")
    grid = model.matrix(pkg, shown, params, day)
    if shown.empty:
        show.nothing_matches("membership spans")
    elif grid.figure is None:
        st.info("No membership matching these filters was in effect on that day.")
    else:
        if grid.note:
            st.caption(grid.note)
        # taken now: a download runs outside the page, after the date may have moved on
        cited = model.cited(pkg, shown, params)
        lines = [*page.chips(MEMBERSHIPS, defaults, labels), cited]
        show.chart(grid.figure, "m-matrix", lambda: lines)
        st.markdown("**Countries by status in each organization**")
        show.table(grid.counts, key="m-counts", hidden=("organization",))
        st.caption(escape_markdown(grid.caption))  # names come from the data

    st.subheader("Compare countries")
    compared = show.picker(
        "Countries to compare",
        present_names,
        KEY["compare"],
        options.codes,
        on_change=player.redo,
    )
    if len(compared) < 2:
        st.info("Pick two or more countries to compare them.")
    else:
        comparison = model.comparison(pkg, day, tuple(compared))
        if comparison.empty:
            st.info("None of these countries belonged to any organization on that day.")
        else:
            show.table(comparison, key="m-compare-table", download="comparison.csv")


section(player, status_on)
if not shown.empty:
    st.subheader("Timeline")
    timeline = model.timeline(pkg, shown, params, date.today())
    if timeline.note:
        st.caption(timeline.note)
    show.chart(timeline.figure, "m-timeline", context)

st.subheader(f"Spans ({len(shown):,})")
if not shown.empty:
    show.listing(
        pkg,
        MEMBERSHIPS,
        table,
        shown,
        params,
        "m-table",
        "memberships.csv",
        profiles={"Country": "ISO3"},
        wrap=("Note",),
    )
page.finish(MEMBERSHIPS, defaults, active)
