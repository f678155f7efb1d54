"""Charts along time: membership and agreement timelines, changes by month.

Each zooms to its data (or to the period a filter gives) and draws only the events inside it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.config import CHANGE_KIND_COLORS
from dashboard.datapackage import vocabularies as v
from dashboard.draw.scales import (
    FIT_WIDTH,
    LANE_PX,
    ROW_PX,
    legend,
    sector_scale,
    status_height,
    status_legend,
    status_scale,
    time_axis,
    time_domain,
    time_scale,
    vocabulary_scale,
    within,
)

Domain = tuple[pd.Timestamp, pd.Timestamp] | None


def _with_events(
    chart: alt.Chart, markers: pd.DataFrame, domain: Domain, title: str, height: int
) -> alt.LayerChart:
    """The timeline with the events inside its domain as dashed rules (`Date`, `Event`,
    `When`, `Where`)."""
    layers = [chart]
    markers = within(markers, domain)
    if not markers.empty:
        layers.append(
            alt.Chart(markers)
            .mark_rule(strokeDash=[4, 3], color="#555555")
            .encode(
                x=alt.X("Date:T", scale=time_scale(domain)),
                tooltip=["Event:N", "When:N", "Where:N"],
            )
        )
    return alt.layer(*layers, title=title).properties(height=height, autosize=FIT_WIDTH)


def membership_timeline_chart(
    spans: pd.DataFrame, markers: pd.DataFrame, title: str, window: tuple | None = None
) -> alt.LayerChart:
    """One lane per organization and country, a bar per status span, rules at status events.

    The axis runs from the first start to the last end, or over `window` (from, until; either
    may be None) when a filter gives one; bars reaching past it are cut at its edges.
    """
    lanes = spans["Lane"].nunique()
    sort = list(dict.fromkeys(spans["Lane"]))  # lanes in the order the frame gives them
    domain = time_domain(spans["Start"], spans["End"], window)
    bars = (
        alt.Chart(spans)
        .mark_bar(height={"band": 0.8}, clip=True)
        .encode(
            x=alt.X("Start:T", title=None, axis=time_axis(domain), scale=time_scale(domain)),
            x2="End:T",
            y=alt.Y(
                "Lane:N", sort=sort, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=0)
            ),
            color=alt.Color("Status:N", scale=status_scale(), legend=status_legend()),
            tooltip=[
                "Country:N",
                "Organization:N",
                "Status:N",
                "From:N",
                "Until:N",
                "Sources:N",
                *(["Record:N"] if "Record" in spans.columns else []),
            ],
        )
    )
    return _with_events(bars, markers, domain, title, max(status_height(), LANE_PX * lanes))


def agreement_timeline_chart(
    points: pd.DataFrame, markers: pd.DataFrame, title: str
) -> alt.LayerChart:
    """Agreements along time by sector; `Count` sizes aggregated points (1 for single ones).
    The axis spans the agreements shown, not the events."""
    domain = time_domain(points["Date"])
    dots = (
        alt.Chart(points)
        .mark_circle(opacity=0.85, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("Date:T", title="Signed", axis=time_axis(domain), scale=time_scale(domain)),
            y=alt.Y(
                "Sector:N",
                title=None,
                sort=list(v.SECTORS.values()),
                axis=alt.Axis(labelOverlap=False, labelLimit=0),
            ),
            color=alt.Color("Sector:N", scale=sector_scale(), legend=None),
            size=alt.Size("Count:Q", scale=alt.Scale(range=[60, 600]), legend=None),
            tooltip=["Sector:N", "When:N", "Count:Q", "Titles:N"],
        )
    )
    return _with_events(dots, markers, domain, title, max(160, ROW_PX * points["Sector"].nunique()))


def change_month_chart(counts: pd.DataFrame, kinds: dict[str, str], title: str) -> alt.Chart:
    """Stacked bars: changes per month (`Month`, `Kind`, `Count`), coloured by kind; every
    kind in the legend."""
    every_kind = [kinds[k] for k in CHANGE_KIND_COLORS]
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(Month):T", title=None, axis=alt.Axis(format="%Y-%m")),
            y=alt.Y("Count:Q", title="Changes", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "Kind:N",
                scale=vocabulary_scale(kinds, CHANGE_KIND_COLORS),
                legend=legend(every_kind),
            ),
            order=alt.Order("Kind:N"),
            tooltip=[
                alt.Tooltip("yearmonth(Month):T", title="Month", format="%Y-%m"),
                "Kind:N",
                "Count:Q",
            ],
        )
        .properties(height=260)
    )
