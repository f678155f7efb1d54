"""Cell types of the data package, vectorised: a check over a whole column, words for a bad cell.

`valid(column, raw)` takes a column's raw text cells and returns a boolean Series (True = fine);
`problems(column, raw_cell)` explains one bad cell as (value, message) pairs, in plain words;
`typed(column, raw)` gives the column's values for the loaded frame. Checks are vectorised with
pandas string methods; messages are built only for the few cells that fail.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from dashboard.datapackage.dates import parse_partial_date
from dashboard.datapackage.schema import Column

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
YEAR_RE = re.compile(r"^[+-]?\d+(?:_\d+)*(?:\.0*)?$")  # what an integer cell may look like
SEPARATOR = ";"
LISTS = ("slugs", "names", "vocabularies")
REQUIRED_WORDS = "is empty; a value is required"
SLUG_WORDS = "'{}' is not an id: use lowercase letters, digits, '-' or '_'"


def split(value: str) -> tuple[str, ...]:
    """Items of a `;`-separated cell, trimmed, empty items dropped."""
    return tuple(part.strip() for part in value.split(SEPARATOR) if part.strip())


def split_column(raw: pd.Series) -> pd.Series:
    """`split` over a column; each distinct cell is split once and its tuple shared."""
    values = raw.to_numpy()
    items = {value: split(value) for value in pd.unique(values)}
    return pd.Series([items[value] for value in values], index=raw.index, dtype=object)


# -- checks over whole columns: raw text in, True where the cell is fine ------------------


def _numbers(raw: pd.Series) -> pd.Series:
    """Each cell as a float (NaN where it is not a finite number)."""
    parsed = pd.to_numeric(raw.str.strip(), errors="coerce")
    parsed = parsed.where(np.isfinite(parsed))
    odd = parsed.isna() & (raw != "")
    if odd.any():  # forms Python reads but pandas does not ("1_000")
        parsed[odd] = [_float_or_nan(v) for v in raw[odd]]
    return parsed.astype(float)


def _float_or_nan(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        return float("nan")
    return number if np.isfinite(number) else float("nan")


def _predicate(column: Column):
    """A fast test of one distinct raw cell value (the words come from `problems`)."""
    cell = column.cell
    if cell == "text":
        return lambda value: bool(value.strip())
    if cell == "slug":
        return lambda value: SLUG_RE.match(value.strip()) is not None
    if cell == "iso3":
        return lambda value: ISO3_RE.match(value.strip()) is not None
    if cell == "vocabulary":
        allowed = set(column.allowed) | ({""} if column.empty_allowed else set())
        return lambda value: value.strip() in allowed
    return lambda value: not problems(column, value)


# Patterns whose match proves a cell fine (whatever surrounds a value is left to the exact test)
PROOF = {
    "text": r"(?s).*[!-~].*",  # holds a visible ASCII character, so it is not blank
    "slug": r"[a-z0-9][a-z0-9_-]*",
    "iso3": r"[A-Z]{3}",
}


def valid(column: Column, raw: pd.Series) -> pd.Series:
    """True for each cell of `raw` (text) that satisfies the column's cell type.

    A vectorised pass clears the cells that plainly pass (a pattern, or a vocabulary lookup);
    the rest are tested once per distinct value, so a column of repeated values (statuses,
    sectors, source ids, dates) costs what its few distinct values cost.
    """
    if column.cell in ("free", "ref"):
        return pd.Series(True, index=raw.index)
    if column.cell in PROOF:
        doubtful = raw[~raw.str.fullmatch(PROOF[column.cell])]
    elif column.cell == "vocabulary":
        doubtful = raw[~raw.isin(list(column.allowed))]
    else:
        doubtful = raw
    test = _predicate(column)
    bad = [value for value in pd.unique(doubtful) if not test(value)]
    return ~raw.isin(bad) if bad else pd.Series(True, index=raw.index)


def _url_ok(value: str) -> bool:
    if not value:
        return True
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


# -- words for one bad cell ----------------------------------------------------------------


def problems(column: Column, raw: str) -> list[tuple[str, str]]:
    """(value, message) for each thing wrong with one cell; empty when the cell is fine."""
    text = raw.strip()
    cell = column.cell
    if cell in LISTS:
        return _list_problems(column, raw)
    if cell in ("free", "ref"):
        return []
    if cell in ("text", "slug", "iso3", "date") and not text:
        return [(raw, REQUIRED_WORDS)]
    if cell == "slug" and not SLUG_RE.match(text):
        return [(raw, SLUG_WORDS.format(text))]
    if cell == "iso3" and not ISO3_RE.match(text):
        return [(raw, f"'{text}' is not an ISO 3166-1 alpha-3 country code such as IRN")]
    if cell in ("date", "optional_date") and text:
        words = _date_words(text)
        return [(raw, words)] if words else []
    if cell == "url" and not _url_ok(text):
        return [(raw, f"'{text}' is not an http or https address")]
    if cell == "vocabulary" and not (text in column.allowed or (column.empty_allowed and not text)):
        return [(raw, _vocabulary_words(column, text))]
    if cell == "number" or (cell == "optional_number" and raw != ""):
        words = _number_words(column, raw)
        return [(raw, words)] if words else []
    if cell == "year":
        if not YEAR_RE.match(text):
            return [(raw, "Input should be a valid integer, unable to parse string as an integer")]
        words = _bounds_words(column, int(float(text.replace("_", ""))))
        return [(raw, words)] if words else []
    return []


def _date_words(text: str) -> str | None:
    try:
        parse_partial_date(text)
    except ValueError as exc:
        return str(exc)
    return None


def _vocabulary_words(column: Column, value: str) -> str:
    expected = ", ".join(column.allowed)
    return f"'{value}' is not a known {column.vocabulary}; expected one of: {expected}"


def _number_words(column: Column, raw: str) -> str | None:
    try:
        number = float(raw)
    except ValueError:
        return f"'{raw}' is not a number"
    if not np.isfinite(number):
        return f"'{raw}' is not a finite number"
    return _bounds_words(column, number)


def _bounds_words(column: Column, number: float) -> str | None:
    low, high = column.bounds or (-np.inf, np.inf)
    return None if low <= number <= high else f"{number:g} is outside [{low:g}, {high:g}]"


def _list_problems(column: Column, raw: str) -> list[tuple[str, str]]:
    items = split(raw)
    found = []
    for item in items:
        if column.cell == "slugs" and not SLUG_RE.match(item):
            found.append((item, SLUG_WORDS.format(item)))
        elif column.cell == "vocabularies" and item not in column.allowed:
            found.append((item, _vocabulary_words(column, item)))
    if not found and column.at_least_one and not items:
        found.append((raw, "is empty; at least one value is required"))
    return found


# -- typed values for the loaded frame -----------------------------------------------------


def typed(column: Column, raw: pd.Series) -> pd.Series:
    """The column as the loaded frame holds it: trimmed text, tuples, floats, ints or None."""
    cell = column.cell
    if cell in LISTS:
        return split_column(raw)
    if cell in ("number", "optional_number"):
        return _numbers(raw)
    if cell == "year":
        return pd.to_numeric(raw.str.strip().str.replace("_", ""), errors="coerce").astype("int64")
    text = raw.str.strip()
    if text.equals(raw):
        text = raw  # nothing to trim: keep the one copy
    if cell == "ref":
        return text.where(text != "", None).astype(object)
    return text


def parse_waypoints(text: str) -> tuple[tuple[float, float], ...]:
    """`lat lon;lat lon` as pairs of floats; ValueError in plain words when malformed."""
    points = []
    for pair in (p for p in text.split(";") if p.strip()):
        parts = pair.split()
        try:
            lat, lon = (float(x) for x in parts)
        except ValueError:
            raise ValueError(f"waypoint '{pair.strip()}' is not 'lat lon'") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"waypoint '{pair.strip()}' is outside the globe")
        points.append((lat, lon))
    return tuple(points)
