"""Read the files COW distributes (IGO-year CSV or its zip, state list) and the id mapping file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.cow.files import (
    MAX_MIB,
    MIB,
    CowError,
    check_rows,
    decode,
    looks_like_zip,
    read_bytes,
    unzip_member,
)
from dashboard.datapackage.cells import SLUG_RE

COW_CSV = "igo_year_formatv3.csv"
# Columns of the IGO-year file that describe the organization-year; every other one is a state
META_COLUMNS = frozenset(
    {
        "ioname",
        "orgname",
        "year",
        "sdate",
        "deaddate",
        "dead",
        "integrated",
        "replaced",
        "longorgname",
        "ionum",
        "igocode",
        "version",
        "accuracyofpre1965membershipdates",
        "sourcesandnotes",
        "imputed",
        "political",
        "social",
        "economic",
    }
)
IGO_COLUMNS = ("ioname", "orgname", "year", "sdate")
STATE_COLUMNS = ("state", "statenme")
MAPPING_COLUMNS = ("ioname", "organization")
CODES = (1, 2, 3, 0, -9, -1)  # full, associate, observer, none, missing data, not a state


def _parse(
    text: str, name: str, required: tuple[str, ...], hint: str = "is this the right file?"
) -> pd.DataFrame:
    check_rows(text, name)
    try:
        frame = pd.read_csv(io.StringIO(text), low_memory=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CowError(f"{name}: cannot be read as CSV ({reason})") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CowError(f"{name}: missing column(s) {', '.join(missing)}; {hint}")
    return frame


def read_igo(
    path: Path, limit: int = MAX_MIB * MIB, encoding: str = "utf-8"
) -> tuple[pd.DataFrame, str]:
    """The IGO-year table, from the CSV or from the zip that holds it, and its name for messages;
    neither the file nor what it unpacks to may pass `limit` bytes."""
    data = read_bytes(path, limit)
    name = str(path)
    if looks_like_zip(data):
        name, data = unzip_member(path, data, COW_CSV, limit)
    return _parse(decode(data, name, encoding), name, IGO_COLUMNS), name


def read_states(path: Path, limit: int = MAX_MIB * MIB, encoding: str = "utf-8") -> pd.DataFrame:
    """COW's state list: one row per period of statehood, `state` naming the IGO-file column."""
    hint = f"the column state must name each state's column in {COW_CSV}"
    text = decode(read_bytes(path, limit), str(path), encoding)
    states = _parse(text, str(path), STATE_COLUMNS, hint)
    states["state"] = states["state"].astype(str).str.strip()
    return states


def _whole_numbers(values: pd.Series, name: str, column: str) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() | (numbers % 1 != 0)
    if bad.any():
        line = int(np.argmax(bad.to_numpy())) + 2  # the header is line 1
        value = values.iloc[line - 2]
        raise CowError(f"{name}: line {line}, column {column}: '{value}' is not a whole number")
    return numbers.to_numpy(dtype="int64")


def clean_igo(
    igo: pd.DataFrame, name: str, states: pd.DataFrame, states_name: str
) -> tuple[list[str], np.ndarray]:
    """Check state columns, years and codes, making years whole numbers in place.

    Returns the state columns in file order and their codes (rows × columns).
    """
    state_columns = [c for c in igo.columns if c not in META_COLUMNS]
    unknown = [c for c in state_columns if c not in set(states["state"])]
    if unknown:
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise CowError(
            f"{name}: state column '{unknown[0]}' is not in the state list {states_name}{more}"
        )
    if not state_columns:
        raise CowError(f"{name}: no state columns")
    igo["year"] = _whole_numbers(igo["year"], name, "year")
    igo["sdate"] = _whole_numbers(igo["sdate"], name, "sdate")
    igo["ioname"] = igo["ioname"].astype(str).str.strip()
    values = igo[state_columns].apply(pd.to_numeric, errors="coerce").to_numpy()
    bad = ~np.isin(values, CODES)
    if bad.any():
        row, col = (int(i[0]) for i in np.nonzero(bad))
        value = igo.iat[row, igo.columns.get_loc(state_columns[col])]
        value = "" if pd.isna(value) else value
        codes = ", ".join(map(str, CODES))
        raise CowError(
            f"{name}: line {row + 2}, column {state_columns[col]}: '{value}' is not a COW "
            f"status code ({codes})"
        )
    twice = igo.duplicated(["ioname", "year"])
    if twice.any():
        row = int(np.argmax(twice.to_numpy()))
        raise CowError(
            f"{name}: line {row + 2}: {igo['ioname'].iat[row]} appears twice for "
            f"{igo['year'].iat[row]}"
        )
    return state_columns, values.astype("int64")


def read_mapping(path: Path) -> dict[str, str]:
    """COW ioname → the id this project curates that organization under."""
    text = read_bytes(path, MAX_MIB * MIB).decode("utf-8-sig", errors="replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    header = rows[0].keys() if rows else []
    if rows and any(c not in header for c in MAPPING_COLUMNS):
        raise CowError(f"{path}: needs the columns {', '.join(MAPPING_COLUMNS)}")
    mapping: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        ioname, target = (str(row[c] or "").strip() for c in MAPPING_COLUMNS)
        if not SLUG_RE.match(target):
            raise CowError(f"{path}: line {line}: '{target}' is not an organization id")
        if ioname in mapping or target in mapping.values():
            raise CowError(f"{path}: line {line}: {ioname} or {target} is mapped twice")
        mapping[ioname] = target
    return mapping
