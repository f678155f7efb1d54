"""Chart builders: each takes a small, already aggregated frame and returns an `alt.Chart`."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyarrow as pa

from dashboard import vocabularies as v
from dashboard.config import SECTOR_COLORS, STATUS_COLORS

ROW_PX = 24  # height per category row: every label stays readable


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


def status_matrix_chart(matrix: pd.DataFrame, title: str) -> alt.Chart:
    """Country × organization grid coloured by status (columns Country, Organization, Status…)."""
    height = max(120, ROW_PX * matrix["Country"].nunique())
    base = alt.Chart(matrix, title=title).encode(
        x=alt.X(
            "Organization:N",
            axis=alt.Axis(orient="top", labelAngle=-40, labelOverlap=False, title=None),
        ),
        y=alt.Y("Country:N", sort="ascending", title=None, axis=alt.Axis(labelOverlap=False)),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
        tooltip=["Country:N", "Organization:N", "Status:N", "Since:N", "Sources:N"],
    )
    return cells.properties(height=height)


def membership_timeline_chart(spans: pd.DataFrame, markers: pd.DataFrame, title: str) -> alt.Chart:
    """One lane per organization and country, a bar per status span, rules at status events."""
    lanes = spans["Lane"].nunique()
    sort = list(dict.fromkeys(spans.sort_values(["Organization", "Country"])["Lane"]))
    bars = (
        alt.Chart(spans)
        .mark_bar(height={"band": 0.8})
        .encode(
            x=alt.X("Start:T", title=None, axis=alt.Axis(format="%Y")),
            x2="End:T",
            y=alt.Y("Lane:N", sort=sort, title=None, axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
            tooltip=["Country:N", "Organization:N", "Status:N", "From:N", "Until:N", "Sources:N"],
        )
    )
    layers = [bars]
    if not markers.empty:
        layers.append(
            alt.Chart(markers)
            .mark_rule(strokeDash=[4, 3], color="#555555")
            .encode(x="Date:T", tooltip=["Event:N", "When:N", "Where:N"])
        )
    return alt.layer(*layers, title=title).properties(height=max(160, ROW_PX * lanes))


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
    layers = [dots]
    if not markers.empty:
        layers.append(
            alt.Chart(markers)
            .mark_rule(strokeDash=[4, 3], color="#555555")
            .encode(x="Date:T", tooltip=["Event:N", "When:N", "Where:N"])
        )
    height = max(160, ROW_PX * points["Sector"].nunique())
    return alt.layer(*layers, title=title).properties(height=height)


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
        .properties(height=max(120, ROW_PX * len(counts)))
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


def status_bar_chart(totals: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked horizontal bars: countries per organization, split by status."""
    biggest_first = list(totals.groupby("Organization")["Count"].sum().sort_values().index[::-1])
    return (
        alt.Chart(totals, title=title)
        .mark_bar()
        .encode(
            x=alt.X("Count:Q", title="Countries", axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(
                "Organization:N", sort=biggest_first, title=None, axis=alt.Axis(labelOverlap=False)
            ),
            color=alt.Color("Status:N", scale=status_scale(), legend=_legend()),
            order=alt.Order("Status:N"),
            tooltip=["Organization:N", "Status:N", "Count:Q"],
        )
        .properties(height=max(260, 34 * totals["Organization"].nunique()))
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
