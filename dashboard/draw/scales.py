"""What every chart shares: fixed colour scales, legends that are never cut, sizes, and the
time domain a timeline zooms to."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.config import SECTOR_COLORS, STATUS_COLORS
from dashboard.datapackage import vocabularies as v

ROW_PX = 24  # height per category row: every label stays readable
LANE_PX = 18  # height per timeline lane and grid row: labels (10 px) still readable, pages shorter
# The height given is the plot's own; only the width fits the page. (Streamlit's default, "fit",
# squeezes title, axes and a tall legend into that height and leaves a small plot empty.)
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
LEGEND_ROW_PX = 20  # one legend entry, drawn beside the plot
PAD_SHARE = 0.03  # room left at each end of a time axis, as a share of the data's span
PAD_MIN = pd.Timedelta(days=20)  # … and at least this much (one day's data stays in view)
YEARS_LABELLED = pd.Timedelta(days=3 * 365)  # shorter time axes label months or days
MIN_YEARS = 6  # the narrowest year axis, in years
YEAR_BAR = 0.8  # share of a year a bar on a year axis takes (the rest is the gap)


def legend(values: list[str] | None = None, columns: int | None = None) -> alt.Legend:
    """A legend beside the plot whose labels are never cut; `values` lists every entry even
    when the data lacks some (a reader can look up any status)."""
    # beside the plot: Streamlit takes a top or bottom legend out of the chart's height
    extra = {"values": values} if values is not None else {}
    if columns:
        extra["columns"] = columns
    return alt.Legend(orient="right", labelLimit=0, title=None, **extra)


def vocabulary_scale(vocabulary: dict[str, str], colors: dict[str, str]) -> alt.Scale:
    """A colour scale over a vocabulary's labels, fixed so colours match on every page."""
    return alt.Scale(domain=[vocabulary[k] for k in colors], range=list(colors.values()))


def status_labels() -> list[str]:
    """Every membership status, in the fixed order of the colours."""
    return [v.MEMBERSHIP_STATUSES[k] for k in STATUS_COLORS]


def status_scale() -> alt.Scale:
    return vocabulary_scale(v.MEMBERSHIP_STATUSES, STATUS_COLORS)


def status_legend() -> alt.Legend:
    """Every status, in order, whether or not the chart's data has it."""
    return legend(status_labels())


def status_height() -> int:
    """The least plot height that shows the whole status legend beside it."""
    return LEGEND_ROW_PX * len(STATUS_COLORS) + 10


def sector_scale() -> alt.Scale:
    return vocabulary_scale(v.SECTORS, SECTOR_COLORS)


def _datetime(moment: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=moment.year, month=moment.month, date=moment.day)


def time_domain(
    starts: pd.Series, ends: pd.Series | None = None, window: tuple | None = None
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The span a time axis shows: the data's first to last date (within `window`, a pair of
    dates or None, when a filter gives one), padded a little at each end; None without dates."""
    dates = pd.concat([starts, ends]) if ends is not None else starts
    dates = pd.to_datetime(dates).dropna()
    if dates.empty:
        return None
    first, last = dates.min(), dates.max()
    if window is not None:
        low, high = (pd.Timestamp(w) if w is not None else None for w in window)
        first = max(first, low) if low is not None else first
        last = min(last, high) if high is not None else last
        last = max(last, first)
    pad = max((last - first) * PAD_SHARE, PAD_MIN)
    return first - pad, last + pad


def time_scale(domain: tuple[pd.Timestamp, pd.Timestamp] | None) -> alt.Scale:
    """A time scale over `domain` (the whole data when None)."""
    if domain is None:
        return alt.Scale()
    return alt.Scale(domain=[_datetime(domain[0]), _datetime(domain[1])])


def within(markers: pd.DataFrame, domain: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.DataFrame:
    """The event markers (`Date`) that fall inside the domain: a rule outside it would stretch
    the axis back to the first event."""
    if domain is None or markers.empty:
        return markers
    dates = pd.to_datetime(markers["Date"])
    return markers[(dates >= domain[0]) & (dates <= domain[1])]


def time_axis(domain: tuple[pd.Timestamp, pd.Timestamp] | None) -> alt.Axis:
    """Years as labels over a long span; over a short one Vega's own labels (months, days)."""
    if domain is not None and domain[1] - domain[0] < YEARS_LABELLED:
        return alt.Axis()
    return alt.Axis(format="%Y")


def year_span(years: pd.Series) -> tuple[float, float]:
    """The first to the last year, half a year each side, at least MIN_YEARS wide (one year's
    bar is not stretched across the chart)."""
    first, last = float(years.min()) - 0.5, float(years.max()) + 0.5
    short = max(0.0, MIN_YEARS - (last - first)) / 2
    return first - short, last + short


def year_axis(years: pd.Series) -> alt.Scale:
    """A quantitative scale over whole years (see `year_span`)."""
    return alt.Scale(domain=list(year_span(years)), nice=False)
