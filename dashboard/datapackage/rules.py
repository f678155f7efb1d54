"""Rules on whole rows (several cells at once), vectorised over a table's well-formed rows.

Each rule takes the typed frame and returns, for each row, the message of what is wrong (None
where the row is fine). A rule only sees rows whose every cell is well formed.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pycountry

from dashboard.datapackage.cells import parse_waypoints
from dashboard.datapackage.dates import period_end, period_start

# ISO 3166-1 alpha-3 codes, and the alpha-3 part of ISO 3166-3 codes of former countries
KNOWN_CODES = frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(
    c.alpha_3 for c in pycountry.historic_countries
)


def _none(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(None, index=frame.index, dtype=object)


def _order(frame: pd.DataFrame, start: str, end: str, words: str) -> pd.Series:
    """Rows whose `end` period closes before their `start` period opens: '{end} ... {start}'."""
    ends, starts = frame[end], frame[start]
    bad = (ends != "") & (period_end(ends) < period_start(starts))
    messages = _none(frame)
    pairs = zip(ends[bad], starts[bad], strict=True)
    messages[bad] = [words.format(end=e, start=s) for e, s in pairs]
    return messages


def end_not_before_start(frame: pd.DataFrame) -> pd.Series:
    start = "start_date" if "start_date" in frame else "date"
    return _order(frame, start, "end_date", "end date {end} is before start date {start}")


def dissolved_not_before_founded(frame: pd.DataFrame) -> pd.Series:
    return _order(frame, "founded", "dissolved", "dissolved {end} is before founded {start}")


def known_country_code(frame: pd.DataFrame) -> pd.Series:
    bad = ~frame["iso3"].isin(KNOWN_CODES)
    messages = _none(frame)
    messages[bad] = [
        f"'{code}' is not an ISO 3166-1 alpha-3 code (nor that of a former country, ISO 3166-3)"
        for code in frame["iso3"][bad]
    ]
    return messages


def distinct_ends(frame: pd.DataFrame) -> pd.Series:
    bad = frame["from_place"] == frame["to_place"]
    messages = _none(frame)
    messages[bad] = [
        f"segment starts and ends at the same place '{p}'" for p in frame["from_place"][bad]
    ]
    return messages


def waypoints_parse(frame: pd.DataFrame) -> pd.Series:
    messages = _none(frame)
    drawn = frame["waypoints"] != ""
    for index, text in frame["waypoints"][drawn].items():
        try:
            parse_waypoints(text)
        except ValueError as exc:
            messages[index] = str(exc)
    return messages


RULES: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "end_not_before_start": end_not_before_start,
    "dissolved_not_before_founded": dissolved_not_before_founded,
    "known_country_code": known_country_code,
    "distinct_ends": distinct_ends,
    "waypoints_parse": waypoints_parse,
}
