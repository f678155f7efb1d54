"""Memberships: who belongs to which organization, since when, as of any day."""

from datetime import date

import streamlit as st

from dashboard.config import DEFAULT_COMPARE
from dashboard.datapackage import vocabularies as v
from dashboard.derive import coverage, playback
from dashboard.derive.filters import MembershipFilter
from dashboard.ui import cache, page, show
from dashboard.ui.params import MEMBERSHIPS, SORT_ORDERS, chips
from dashboard.ui.player import Player, section
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import memberships

pkg = page.start("Memberships", "Every country's status in each organization, span by span.")
options = cache.membership_options(pkg)
countries, orgs, present = options.countries, options.organizations, options.present
allowed = {
    "organization": orgs,
    "country": present,
    "status": v.MEMBERSHIP_STATUSES,
    "compare": present,
    "step": playback.STEPS,
    "sort": memberships.ORDER_LABELS,
    "order": SORT_ORDERS,
}
defaults = {
    "m-as-of": date.today(),
    "m-step": playback.YEAR,
    "m-compare": [c for c in DEFAULT_COMPARE if c in present],
    **memberships.DEFAULT_SORT,
}
page.url_state("memberships", MEMBERSHIPS, allowed, defaults)


def name_of(code: str) -> str:
    return countries.get(code, code)


with st.sidebar:
    st.header("Filters")
    st.multiselect(
        "Organizations",
        list(options.choices),
        format_func=lambda o: options.choices.get(o, o),
        key="m-org",
        placeholder=f"All {len(orgs):,}: type to search",
    )
    st.multiselect(
        "Countries",
        present,
        format_func=name_of,
        key="m-country",
        placeholder=f"All {len(present):,}: type to search",
    )
    st.multiselect(
        "Statuses",
        list(v.MEMBERSHIP_STATUSES),
        format_func=v.MEMBERSHIP_STATUSES.get,
        key="m-status",
    )
    st.date_input("Spans in effect from", None, page.EARLIEST, page.LATEST, key="m-from")
    st.date_input("… until", None, page.EARLIEST, page.LATEST, key="m-to")
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
shown = cache.membership_rows(pkg, params)
labels = {
    "organization": orgs,
    "country": countries,
    "compare": countries,
    "status": v.MEMBERSHIP_STATUSES,
    "step": playback.STEPS,
    "sort": memberships.ORDER_LABELS,
}
active = chips(state, MEMBERSHIPS, defaults, labels)


def context() -> list[str]:
    return [*active, cache.membership_cited(pkg, shown, params)]


def frames(step: str) -> list[date]:
    return cache.membership_frames(pkg, shown, params, step, date.today())


player = Player("m", MEMBERSHIPS, defaults, frames)


def status_on(day: date) -> None:
    """The grid and the comparison on the player's day."""
    st.subheader(f"Status on {day.isoformat()}")
    grid = cache.membership_matrix(pkg, shown, params, day)
    if shown.empty:
        show.nothing_matches("membership spans")
    elif grid.figure is None:
        st.info("No membership matching these filters was in effect on that day.")
    else:
        if grid.note:
            st.caption(grid.note)
        # taken now: a download runs outside the page, after the date may have moved on
        cited = cache.membership_cited(pkg, shown, params)
        lines = [*chips(state, MEMBERSHIPS, defaults, labels), cited]
        show.chart(grid.figure, "m-matrix", lambda: lines)
        st.markdown("**Countries by status in each organization**")
        show.table(grid.counts, key="m-counts", hidden=("organization",))
        shown_ids = list(grid.counts["organization"])
        st.caption(escape_markdown(coverage.counts_caption(options.records, shown_ids)))

    st.subheader("Compare countries")
    compared = st.multiselect(
        "Countries to compare", present, format_func=name_of, key="m-compare", on_change=player.redo
    )
    if len(compared) < 2:
        st.info("Pick two or more countries to compare them.")
    else:
        comparison = cache.membership_comparison(pkg, day, tuple(compared))
        if comparison.empty:
            st.info("None of these countries belonged to any organization on that day.")
        else:
            show.table(comparison, key="m-compare-table", download="comparison.csv")


section(player, status_on)
if not shown.empty:
    st.subheader("Timeline")
    timeline = cache.membership_timeline(pkg, shown, params, date.today())
    if timeline.lanes > timeline.shown:
        st.caption(
            f"Showing {timeline.shown} of {timeline.lanes:,} lanes (organizations picked or "
            "curated first, then those with most countries); filter to see the others."
        )
    show.chart(timeline.figure, "m-timeline", context)

st.subheader(f"Spans ({len(shown):,})")
if not shown.empty:
    order, descending = show.sort_controls("m", memberships.ORDER_LABELS)
    show.paged_table(
        cache.membership_page(pkg, shown, params, order, descending),
        "m-table",
        "spans",
        memberships.ORDER_LABELS[order],
        descending,
        lambda: memberships.table_csv(pkg, shown, order, descending),
        "memberships.csv",
        profiles={"Country": "ISO3"},
    )
page.finish("memberships", MEMBERSHIPS, defaults, active)
