"""One country's profile: its statuses, agreements, events, trade, places, and closest peers."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.datapackage import vocabularies as v
from dashboard.derive.display import cited, first_source_urls, joined, named, per_distinct
from dashboard.derive.filters import active_on, filter_by_any

# How the headline counts today's statuses; `other` collects what no group names.
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "member": ("founding_member", "member", "associate_member"),
    "observer": ("observer",),
    "partner": ("dialogue_partner", "partner_country"),
}
MEMBER_STATUSES = STATUS_GROUPS["member"]


def status_headline(spans: pd.DataFrame, code: str, day: date) -> dict[str, int]:
    """How many organizations the country is a member of, observer in, partner in, and other."""
    statuses = active_on(spans[spans["country"] == code], day)["status"]
    counts = {group: int(statuses.isin(kinds).sum()) for group, kinds in STATUS_GROUPS.items()}
    counts["other"] = len(statuses) - sum(counts.values())
    return counts


def profile_timeline(bars: pd.DataFrame) -> pd.DataFrame:
    """A timeline frame with one lane per organization (the profile is about one country)."""
    return bars.assign(Lane=bars["Organization"])


def country_events(events: pd.DataFrame, code: str) -> pd.DataFrame:
    """The events that name the country among their participants, newest first."""
    chosen = filter_by_any(events, "participants", (code,))
    return chosen.sort_values("date_ts", ascending=False, na_position="last")


def event_table(
    events: pd.DataFrame,
    names: dict[str, str],
    urls: dict[str, str],
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Events for display: dates as written, kind, title, place, participants, sources (by
    title, publisher and date where `labels` are given)."""
    table = pd.DataFrame(
        {
            "Date": events["date"],
            "Until": events["end_date"],
            "Kind": per_distinct(events["kind"], lambda k: v.label(v.EVENT_KINDS, k)),
            "Title": events["title"],
            "Where": events["location"],
            "Participants": joined(events["participants"], names),
            "Sources": joined(events["source_ids"]),
            "Link": first_source_urls(events["source_ids"], urls),
        }
    ).reset_index(drop=True)
    if labels is not None:
        table.insert(6, "Cited", cited(events["source_ids"], labels).reset_index(drop=True))
    return table


def trade_frame(trade: pd.DataFrame, code: str, names: dict[str, str]) -> pd.DataFrame:
    """Every trade row that names the country, in US$ million, with who reported it."""
    rows = trade[(trade["reporter"] == code) | (trade["partner"] == code)]
    rows = rows.sort_values(["year", "reporter", "partner", "flow"])
    reporter, partner = named(rows["reporter"], names), named(rows["partner"], names)
    flow = per_distinct(rows["flow"], lambda f: v.label(v.TRADE_FLOWS, f))
    return pd.DataFrame(
        {
            "Year": rows["year"].astype(int),
            "US$ million": (rows["value_usd"] / 1e6).round(2),
            "Flow": flow,
            "Reporter": reporter,
            "Partner": partner,
            "Series": reporter + " → " + partner + ": " + flow,
            "Period": rows["period_note"],
            "Sources": joined(rows["source_ids"]),
            "reporter": rows["reporter"],
            "partner": rows["partner"],
        }
    ).reset_index(drop=True)


def country_places(
    places: pd.DataFrame, segments: pd.DataFrame, code: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corridor places in the country, and every leg that touches one of them."""
    inside = places[places["country"] == code]
    ids = set(inside["id"])
    legs = segments[segments["from_place"].isin(ids) | segments["to_place"].isin(ids)]
    return inside, legs


def shared_memberships(
    spans: pd.DataFrame, code: str, day: date, names: dict[str, str], limit: int = 10
) -> pd.DataFrame:
    """The other countries sharing most organizations with `code` on `day`, ranked.

    Ties go to the country with which it is a full member of more of them, then by name.
    """
    active = active_on(spans, day)
    mine = active[active["country"] == code]
    theirs = active[active["organization"].isin(set(mine["organization"]))]
    theirs = theirs[theirs["country"] != code]
    columns = ["#", "Country", "Shared", "Both members", "Organizations", "ISO3"]
    if theirs.empty:
        return pd.DataFrame(columns=columns)
    full = set(mine.loc[mine["status"].isin(MEMBER_STATUSES), "organization"])
    both = theirs["status"].isin(MEMBER_STATUSES) & theirs["organization"].isin(full)
    org_names = named(theirs["organization"], names)
    grouped = theirs.assign(_both=both, _org=org_names).groupby("country")
    ranked = pd.DataFrame(
        {
            "Shared": grouped["organization"].nunique(),
            "Both members": grouped["_both"].sum().astype(int),
            "Organizations": grouped["_org"].agg(lambda s: ", ".join(sorted(set(s)))),
        }
    ).reset_index()
    ranked["Country"] = named(ranked["country"], names)
    ranked["ISO3"] = ranked["country"]
    ranked = ranked.sort_values(
        ["Shared", "Both members", "Country"], ascending=[False, False, True]
    ).head(limit)
    ranked["#"] = range(1, len(ranked) + 1)
    return ranked[columns].reset_index(drop=True)
