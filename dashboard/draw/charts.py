"""Chart builders: each takes a small, already aggregated frame and returns an `alt.Chart`.

Grids and bars of categories and years live here; charts along time in `timelines`, what every
chart shares (scales, legends, sizes) in `scales`.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyarrow as pa

from dashboard.config import TRADE_FLOW_COLORS
from dashboard.datapackage import vocabularies as v
from dashboard.draw.scales import (
    FIT_WIDTH,
    LANE_PX,
    ROW_PX,
    YEAR_BAR,
    legend,
    status_height,
    status_legend,
    status_scale,
    vocabulary_scale,
    year_axis,
    year_span,
)

STEEP_LABELS = 12  # past this many grid columns their labels stand upright
CHAR_PX = 7  # approximate width of one label character
LABEL_PX = 180  # longest label drawn, in pixels
TITLE_PX = 30  # a chart title and its gap
YEAR_FORMAT = "d"  # years as 2006, not 2,006


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
    plot = max(status_height(), LANE_PX * matrix[rows].nunique())
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
            axis=alt.Axis(labelOverlap=False, labelLimit=0),
        ),
    )
    tooltip = ["Country:N", "Organization:N", "Status:N", "Since:N", "Sources:N"]
    if "Record" in matrix.columns:
        tooltip.append("Record:N")
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("Status:N", scale=status_scale(), legend=status_legend()),
        tooltip=tooltip,
    )
    return cells.properties(height=height)


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
            y=alt.Y(
                f"{category}:N",
                sort="-x",
                title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=0),
            ),
            color=color,
            tooltip=[f"{category}:N", "Count:Q"],
        )
        .properties(height=max(120, ROW_PX * len(counts)), autosize=FIT_WIDTH)
    )


def _year_x(field: str, years: pd.Series) -> alt.X:
    """A true year axis: 2006, 2007 and 2010 keep their distances (not evenly spaced)."""
    axis = alt.Axis(format=YEAR_FORMAT, tickMinStep=1, labelOverlap=True)
    return alt.X(f"{field}:Q", title=None, scale=year_axis(years), axis=axis)


def _year_width(years: pd.Series, share: float = YEAR_BAR) -> alt.ExprRef:
    """A bar's width in pixels: `share` of one year of the plot's width (Vega's `width`)."""
    first, last = year_span(years)
    return alt.ExprRef(expr=f"{share} * width / {last - first:g}")


def year_bar_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Vertical bars of `Count` per `Year`, centred on their year of a true year axis."""
    return (
        alt.Chart(counts, title=title)
        .mark_bar(color="#0072B2", width=_year_width(counts["Year"]))
        .encode(
            x=_year_x("Year", counts["Year"]),
            y=alt.Y("Count:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[alt.Tooltip("Year:Q", format=YEAR_FORMAT), "Count:Q"],
        )
        .properties(height=220, autosize=FIT_WIDTH)
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
            y=alt.Y(
                "Organization:N",
                sort=sort,
                title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=0),
            ),
            color=alt.Color("Status:N", scale=status_scale(), legend=status_legend()),
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


def trade_chart(trade: pd.DataFrame, title: str) -> alt.Chart:
    """Bars of US$ million per year on a true year axis, the year's series side by side
    (`At`: the year plus the series' offset), coloured by flow."""
    slot = trade.groupby("Year")["Series"].rank(method="dense") - 1
    slots = int(trade.groupby("Year")["Series"].nunique().max()) if not trade.empty else 1
    share = YEAR_BAR / slots
    at = trade["Year"] - YEAR_BAR / 2 + share * (slot.to_numpy() + 0.5)
    flows = [v.TRADE_FLOWS[k] for k in TRADE_FLOW_COLORS]
    return (
        alt.Chart(trade.assign(At=at), title=title)
        .mark_bar(width=_year_width(trade["Year"], share))
        .encode(
            x=_year_x("At", trade["Year"]),
            y=alt.Y("US$ million:Q", title="US$ million"),
            color=alt.Color(
                "Flow:N",
                scale=vocabulary_scale(v.TRADE_FLOWS, TRADE_FLOW_COLORS),
                legend=legend(flows),
            ),
            tooltip=[
                alt.Tooltip("Year:Q", format=YEAR_FORMAT),
                "Reporter:N",
                "Partner:N",
                "Flow:N",
                "US$ million:Q",
                "Period:N",
                "Sources:N",
            ],
        )
        .properties(height=260, autosize=FIT_WIDTH)
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
