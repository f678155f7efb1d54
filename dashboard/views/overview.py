"""Overview: the picture at a glance, and ways into every page."""

from datetime import date

import streamlit as st

from dashboard.derive import playback
from dashboard.site import BY_PATH, PAGES
from dashboard.ui import cache, page, show
from dashboard.ui.player import Player, section
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import overview

OVERVIEW = BY_PATH[""]
KEY = OVERVIEW.keys
model = cache.model(overview)

pkg = page.start(
    "Who belongs where, what they signed, how goods move",
    "Memberships of the SCO, BRICS, the EAEU and related bodies; the Iran–Belarus relationship; "
    "the Minsk–Caspian–Persian Gulf corridor. Every row is sourced.",
)
today = date.today()
defaults = {KEY["as_of"]: today, KEY["step"]: playback.YEAR}
page.url_state(OVERVIEW, {"step": playback.STEPS}, defaults)
view = model.overview(pkg, today)

cols = st.columns(5)
cols[0].metric("Organizations", f"{view.organizations:,}")
cols[1].metric("Countries in them today", f"{view.countries_today:,}")
cols[2].metric("Agreements", f"{view.agreements:,}")
cols[3].metric("Corridor legs", f"{view.legs:,}")
cols[4].metric("Sources", f"{view.sources:,}")


def coverage() -> None:
    """How far the data covers the organizations and countries counted above."""
    with st.container(key="o-coverage"):
        for note in (view.organizations_note, view.countries_note):
            if note:
                st.caption(escape_markdown(note))  # names come from the data


if not page.presenting():  # presenting: under the chart, which comes first
    coverage()

left, right = st.columns([3, 2])
with left:

    def by_status(day: date) -> None:
        figure, note, checked = model.status(pkg, day)
        if figure is None:
            st.info(f"No country had a status in any organization on {day.isoformat()}.")
            return
        if note:
            st.caption(note)
        show.chart(figure, "o-status", lambda: [f"As of {day.isoformat()}"])
        with st.container(key="o-status-checked"):
            st.text(checked)

    player = Player("o", OVERVIEW, defaults, lambda step: model.dates(pkg, step, today))
    section(player, by_status)
    if page.presenting():
        coverage()
with right:
    # what is new comes first, in view without scrolling
    st.subheader("Most recent changes")
    show.table(view.recent, key="o-recent", wrap=("What",))
    pair = view.pair
    if pair is not None:
        st.subheader("The pair in figures")
        st.text(" and ".join(pair.names))
        st.metric("Organizations where both have a status today", len(pair.together))
        st.text(", ".join(pair.together) or "none")
        if pair.together_note:
            st.caption(pair.together_note)
        st.metric("Bilateral documents in the data", pair.documents)
        if pair.latest_signed:
            st.text(pair.latest_signed)
        if pair.trade:
            st.text(pair.trade)
        if not pair.shared.empty:
            show.table(pair.shared, key="o-pair")

st.subheader("Explore")
links = st.columns(4)
for i, target in enumerate(p for p in PAGES if p.url_path not in ("", "story")):
    links[i % 4].page_link(target.script, label=target.title, icon=target.icon)
labels = {"step": playback.STEPS}
page.finish(OVERVIEW, defaults, page.chips(OVERVIEW, defaults, labels))
