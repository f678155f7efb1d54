"""Chart builders: each takes a small, already aggregated frame and returns an `alt.Chart`."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyarrow as pa

from dashboard.config import (
    CHANGE_KIND_COLORS,
    SECTOR_COLORS,
    STATUS_COLORS,
    TRADE_FLOW_COLORS,
)
from dashboard.datapackage import vocabularies as v

ROW_PX = 24  # height per category row: every label stays readable
STEEP_LABELS = 12  # past this many grid columns their labels stand upright
CHAR_PX = 7  # approximate width of one label character
LABEL_PX = 180  # longest label drawn, in pixels
TITLE_PX = 30  # a chart title and its gap
LEGEND_PX = 150  # the status legend's eight entries, drawn beside the plot
# The height given is the plot's own; only the width fits the page. (Streamlit's default, "fit",
# squeezes title, axes and a tall legend into that height and leaves a small plot empty.)
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _legend() -> alt.Legend:
    # beside the plot: Streamlit takes a top or bottom legend out of the chart's height
    return alt.Legend(orient="right", labelLimit=160, title=None)


def _scale(vocabulary: dict[str, str], colors: dict[str, str]) -> alt.Scale:
    """A colour scale over a vocabulary's labels, fixed so colours match on every page."""
    return alt.Scale(domain=[vocabulary[k] for k in colors], range=list(colors.values()))


def status_scale() -> alt.Scale:
    return _scale(v.MEMBERSHIP_STATUSES, STATUS_COLORS)


def sector_scale() -> alt.Scale:
    return _scale(v.SECTORS, SECTOR_COLORS)


def status_matrix_chart(matrix: pd.DataFrame, title: str, rows: str = "Country") -> alt.Chart:
    """Country × organization grid coloured by status (columns Country, Organization, Status…).

    `rows` ("Country" or "Organization") is drawn down the side, the other along the top.
    Countries are sorted by name; organizations keep the order in which `matrix` gives them.
    """
    columns = "Organization" if rows == "Country" else "Country"
    order = {"Country": "ascending", "Organization": list(dict.fromkeys(matrix["Organization"]))}
    many = matrix[columns].nunique() > STEEP_LABELS  # narrow columns: labels stand upright
    # Streamlit fits the whole chart, top labels included, into the height: add their room
    longest = min(LABEL_PX, CHAR_PX * int(matrix[columns].astype(str).str.len().max()))
    # and the plot at least as tall as the legend beside it, or a grid of one row is squeezed away
    plot = max(LEGEND_PX, ROW_PX * matrix[rows].nunique())
    height = plot + TITLE_PX + int(longest * (1 if many else 0.65))
    base = alt.Chart(matrix, title=title).encode(
        x=alt.X(
            f"{columns}:N",
            sort=order[columns],
            axis=alt.Axis(
                orient="top", labelAngle=-90 if many else -40, labelOverlap=False, labelLimit=180
            ),
            title=None,
            scale=alt.Scale(paddingInner=0.04),
        ),
        y=alt.Y(
            f"{rows}:N",
            sort=order[rows],
            title=None,
            axis=alt.Axis(labelOverlap=False, labelLimit=220),
        ),
    )
    tooltip = ["Country:N", "Organization:N", "Status:N", "Since:N", "Sources:N"]
    if "Record" in matrix.columns:
        tooltip.append("Record:N")
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
        tooltip=tooltip,
    )
    return cells.properties(height=height)


def _with_events(chart: alt.Chart, markers: pd.DataFrame, title: str, rows: int) -> alt.LayerChart:
    """The timeline with its events as dashed rules (`Date`, `Event`, `When`, `Where`)."""
    layers = [chart]
    if not markers.empty:
        layers.append(
            alt.Chart(markers)
            .mark_rule(strokeDash=[4, 3], color="#555555")
            .encode(x="Date:T", tooltip=["Event:N", "When:N", "Where:N"])
        )
    height = max(160, ROW_PX * rows)
    return alt.layer(*layers, title=title).properties(height=height, autosize=FIT_WIDTH)


def membership_timeline_chart(spans: pd.DataFrame, markers: pd.DataFrame, title: str) -> alt.Chart:
    """One lane per organization and country, a bar per status span, rules at status events."""
    lanes = spans["Lane"].nunique()
    sort = list(dict.fromkeys(spans["Lane"]))  # lanes in the order the frame gives them
    bars = (
        alt.Chart(spans)
        .mark_bar(height={"band": 0.8})
        .encode(
            x=alt.X("Start:T", title=None, axis=alt.Axis(format="%Y")),
            x2="End:T",
            y=alt.Y(
                "Lane:N", sort=sort, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=260)
            ),
            color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
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
    return _with_events(bars, markers, title, lanes)


def agreement_timeline_chart(points: pd.DataFrame, markers: pd.DataFrame, title: str) -> alt.Chart:
    """Agreements along time by sector; `Count` sizes aggregated points (1 for single ones)."""
    dots = (
        alt.Chart(points)
        .mark_circle(opacity=0.85, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("Date:T", title="Signed", axis=alt.Axis(format="%Y")),
            y=alt.Y(
                "Sector:N",
                title=None,
                sort=list(v.SECTORS.values()),
                axis=alt.Axis(labelOverlap=False),
            ),
            color=alt.Color("Sector:N", scale=sector_scale(), legend=None),
            size=alt.Size("Count:Q", scale=alt.Scale(range=[60, 600]), legend=None),
            tooltip=["Sector:N", "When:N", "Count:Q", "Titles:N"],
        )
    )
    return _with_events(dots, markers, title, points["Sector"].nunique())


def count_bar_chart(
    counts: pd.DataFrame, category: str, title: str, scale: alt.Scale | None = None
) -> alt.Chart:
    """Horizontal bars of `Count` per `category`, longest first."""
    color = alt.Color(f"{category}:N", scale=scale, legend=None) if scale else alt.value("#0072B2")
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            x=alt.X("Count:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(f"{category}:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False)),
            color=color,
            tooltip=[f"{category}:N", "Count:Q"],
        )
        .properties(height=max(120, ROW_PX * len(counts)), autosize=FIT_WIDTH)
    )


def year_bar_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Vertical bars of `Count` per `Year`."""
    return (
        alt.Chart(counts, title=title)
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X("Year:O", title=None),
            y=alt.Y("Count:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=["Year:O", "Count:Q"],
        )
        .properties(height=220)
    )


def status_bar_chart(totals: pd.DataFrame, title: str, order: list[str] | None = None) -> alt.Chart:
    """Stacked horizontal bars: countries per organization, split by status.

    Organizations come in `order` (their labels) when given, else the biggest first.
    """
    biggest_first = list(totals.groupby("Organization")["Count"].sum().sort_values().index[::-1])
    sort = order if order is not None else biggest_first
    return (
        alt.Chart(totals, title=title)
        .mark_bar()
        .encode(
            x=alt.X("Count:Q", title="Countries", axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("Organization:N", sort=sort, title=None, axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
            order=alt.Order("Status:N"),
            tooltip=[
                "Organization:N",
                "Status:N",
                "Count:Q",
                *(["Checked up to:N"] if "Checked up to" in totals.columns else []),
            ],
        )
        .properties(height=max(260, 34 * totals["Organization"].nunique()), autosize=FIT_WIDTH)
    )


def change_month_chart(counts: pd.DataFrame, kinds: dict[str, str], title: str) -> alt.Chart:
    """Stacked bars: changes per month (`Month`, `Kind`, `Count`), coloured by kind."""
    return (
        alt.Chart(counts, title=title)
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(Month):T", title=None, axis=alt.Axis(format="%Y-%m")),
            y=alt.Y("Count:Q", title="Changes", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("Kind:N", scale=_scale(kinds, CHANGE_KIND_COLORS), legend=_legend()),
            order=alt.Order("Kind:N"),
            tooltip=[
                alt.Tooltip("yearmonth(Month):T", title="Month", format="%Y-%m"),
                "Kind:N",
                "Count:Q",
            ],
        )
        .properties(height=260)
    )


def trade_chart(trade: pd.DataFrame, title: str) -> alt.Chart:
    """Bars of US$ million per year, one per reported series, coloured by flow."""
    return (
        alt.Chart(trade, title=title)
        .mark_bar()
        .encode(
            x=alt.X("Year:O", title=None),
            xOffset="Series:N",
            y=alt.Y("US$ million:Q", title="US$ million"),
            color=alt.Color(
                "Flow:N", scale=_scale(v.TRADE_FLOWS, TRADE_FLOW_COLORS), legend=_legend()
            ),
            tooltip=[
                "Year:O",
                "Reporter:N",
                "Partner:N",
                "Flow:N",
                "US$ million:Q",
                "Period:N",
                "Sources:N",
            ],
        )
        .properties(height=260)
    )


@dataclass(frozen=True)
class Figure:
    """A chart, its Vega-Lite specification (built once) and its title, for showing and export."""

    chart: alt.TopLevelMixin
    spec: dict
    title: str
    file_name: str = ""
    shown: dict | None = None  # `spec` with its datasets already in Arrow IPC, to show as is

    @classmethod
    def of(cls, chart: alt.TopLevelMixin, title: str, file_name: str = "") -> Figure:
        spec = chart.to_dict()
        return cls(chart, spec, title, file_name, with_arrow_datasets(spec))


def arrow_bytes(records: list[dict]) -> bytes:
    """A dataset (records) as Arrow IPC stream bytes, as the chart element carries data."""
    table = pa.Table.from_pandas(pd.DataFrame(records))
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def with_arrow_datasets(spec: dict) -> dict:
    """The spec with each named dataset serialised once, so no rerun converts it again."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    return {**spec, "datasets": {name: arrow_bytes(rows) for name, rows in datasets.items()}}
