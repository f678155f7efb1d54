"""Country profile: one country's statuses, timeline, agreements, events, trade, places, peers."""

from datetime import date

import streamlit as st

from dashboard.derive.filters import AgreementFilter
from dashboard.site import BY_PATH, SORT_ORDERS
from dashboard.ui import cache, page, show
from dashboard.ui.query import escape_markdown
from dashboard.viewmodels import agreements, country

COUNTRY = BY_PATH["country"]
KEY = COUNTRY.keys
model = cache.model(country)
signing = cache.model(agreements)  # the agreements page's own rows, charts and table

pkg = page.start("Country profile", "One country: where it belongs, what it signed, whom it meets.")
choices = model.choices(pkg)
table = signing.listing(pkg)
asked = st.query_params.get("country")  # kept to name an unknown code in the notice
defaults = show.sort_defaults(COUNTRY, table)  # newest first, as on /agreements
allowed = {"country": choices, "sort": table.labels, "order": SORT_ORDERS}
page.url_state(COUNTRY, allowed, defaults)
code = st.selectbox(
    "Country",
    list(choices),
    index=None,
    format_func=choices.get,
    placeholder="Type a country's name",
    key=KEY["country"],
)
if code is None:
    if asked and asked not in choices:
        unknown = escape_markdown(asked[:12])  # from the address: never Markdown
        st.warning(
            f"There is no country with the code '{unknown}' in the data. Pick one above.",
            icon=":material/travel_explore:",
        )
    else:
        st.info("Pick a country to see its profile.", icon=":material/flag:")
    page.finish(COUNTRY, defaults, [])
    st.stop()

today = date.today()
profile = model.profile(pkg, code, today, show.map_theme())


def context() -> list[str]:
    return [f"As of {today.isoformat()}", profile.cited]


name = escape_markdown(profile.name)  # data text: never Markdown
st.header(name, anchor=False)
counts = profile.headline
cols = st.columns(3)
cols[0].metric("Member of", counts["member"])
cols[1].metric("Observer in", counts["observer"])
cols[2].metric("Partner in", counts["partner"])
if counts["other"]:
    st.caption(f"…and another status (applicant or suspended) in {counts['other']}.")
if profile.statuses.empty:
    st.info(f"{name} has no status in any organization of the data today.")
else:
    show.table(profile.statuses, key="p-statuses")

st.subheader("Membership timeline")
if profile.timeline is None:
    st.info("No membership span of this country is in the data.")
else:
    show.chart(profile.timeline, "p-timeline", context)

signed_by = AgreementFilter(parties=(code,))
signed = signing.rows(pkg, signed_by)
figures = signing.figures(pkg, signed, signed_by)
st.subheader(f"Agreements ({figures.count:,})")
if signed.empty:
    st.info(f"{name} is party to no agreement in the data.")
else:
    left, right = st.columns(2)
    with left:
        show.chart(figures.by_sector, "p-by-sector", lambda: [*context(), figures.cited])
    with right:
        show.chart(figures.by_year, "p-by-year", lambda: [*context(), figures.cited])
    show.listing(
        pkg,
        COUNTRY,
        table,
        signed,
        signed_by,
        "p-agreements",
        "agreements.csv",
        hidden=("id",),
        wrap=("Title",),
    )

st.subheader(f"Events ({len(profile.events):,})")
if profile.events.empty:
    st.info(f"No event in the data names {name} among its participants.")
else:
    show.table(profile.events, key="p-events", download="events.csv")

st.subheader("Trade")
if profile.trade is None:
    st.info(f"No trade figure in the data names {name}.")
else:
    show.chart(profile.trade, "p-trade", context)
    st.caption(
        "Each bar is one reported figure; reporters use different years (Iranian years run "
        "from March), so figures of one year are not always comparable."
    )
    show.table(
        profile.trade_rows.drop(columns="Series"),
        key="p-trade-table",
        profiles={"Reporter": "reporter", "Partner": "partner"},
    )

st.subheader("Corridor places")
if profile.deck is None:
    st.info(f"No place of the corridor data is in {name}.")
else:
    show.deck(profile.deck, 380, "p-map")
    st.caption(f"{profile.places} place(s) and {profile.legs} leg(s) touching them.")

st.subheader("Shares the most organizations with")
if profile.peers.empty:
    st.info(f"No other country shares an organization with {name} today.")
else:
    show.table(profile.peers, key="p-peers", profiles={"Country": "ISO3"})
labels = {"country": choices, "sort": table.labels}
page.finish(COUNTRY, defaults, page.chips(COUNTRY, defaults, labels))
