"""Validate a data package: every problem as a record, every valid row kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from dashboard.dates import period_start
from dashboard.problems import WARNING, Problem
from dashboard.reading import RawTable, read_csv
from dashboard.schema import TABLES, ForeignKey, Row, Table

OPEN_END = pd.Timestamp("2200-01-01")  # stands for "still in effect" when ordering spans


@dataclass
class TableResult:
    """Valid rows of one table (models and their lines) and what was left out."""

    rows: list[Row] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    declared: set[str] = field(default_factory=set)

    def drop(self, bad: set[int]) -> None:
        """Leave out the rows at the given positions."""
        if bad:
            keep = [i for i in range(len(self.rows)) if i not in bad]
            self.rows = [self.rows[i] for i in keep]
            self.lines = [self.lines[i] for i in keep]
            self.skipped += len(bad)


def _message(error: dict) -> str:
    text = error["msg"]
    return text.removeprefix("Value error, ")


def _row_problems(table: Table, exc: ValidationError, cells: dict, line: int) -> list[Problem]:
    problems = []
    for error in exc.errors():
        column = str(error["loc"][0]) if error["loc"] else None
        value = cells.get(column) if column else None
        if len(error["loc"]) > 1 and isinstance(error["input"], str):
            value = error["input"]  # one element of a multi-valued cell
        problems.append(Problem(table.file, line, column, value, _message(error)))
    return problems


def _missing_columns(table: Table, raw: RawTable) -> bool:
    """Report missing columns; True when the file cannot be used at all."""
    if not raw.header:
        return True
    fatal = False
    for column in table.columns:
        if column in raw.header:
            continue
        if column in table.required_columns:
            message = "required column is missing; no row of this file can be used"
            raw.problems.append(Problem(table.file, 1, column, None, message))
            fatal = True
        else:
            message = "column is missing; its cells are treated as empty"
            raw.problems.append(Problem(table.file, 1, column, None, message, WARNING))
    return fatal


def validate_rows(table: Table, raw: RawTable) -> TableResult:
    """Check each row against the table's model, then the table's key for duplicates."""
    unusable = _missing_columns(table, raw)
    result = TableResult(problems=list(raw.problems), skipped=raw.skipped)
    if unusable:
        result.skipped += len(raw.rows)
        return result
    if table.key:
        # Rows elsewhere may refer to a row left out here for its own fault: that fault is
        # reported once, here, and does not take every referring row down with it.
        result.declared = {cells[table.key].strip() for cells in raw.rows} - {""}
    seen: dict[str, int] = {}
    for cells, line in zip(raw.rows, raw.lines, strict=True):
        try:
            row = table.model.model_validate(cells)
        except ValidationError as exc:
            result.problems.extend(_row_problems(table, exc, cells, line))
            result.skipped += 1
            continue
        if table.key:
            key = getattr(row, table.key)
            if key in seen:
                message = f"duplicate {table.key} '{key}'; first used on line {seen[key]}"
                result.problems.append(Problem(table.file, line, table.key, key, message))
                result.skipped += 1
                continue
            seen[key] = line
        result.rows.append(row)
        result.lines.append(line)
    return result


def check_foreign_keys(table: Table, result: TableResult, keys: dict[str, set[str]]) -> None:
    """Leave out rows whose references name no row of the target tables."""
    bad: set[int] = set()
    for fk in table.foreign_keys:
        known = set().union(*(keys[t] for t in fk.targets))
        for i, row in enumerate(result.rows):
            value = getattr(row, fk.column)
            values = value if isinstance(value, tuple) else (value,)
            for item in values:
                if item is not None and item not in known:
                    result.problems.append(_unknown(table, result.lines[i], fk, item))
                    bad.add(i)
    result.drop(bad)


def _unknown(table: Table, line: int, fk: ForeignKey, item: str) -> Problem:
    where = " or ".join(f"{t}.csv" for t in fk.targets)
    message = f"'{item}' is not found in {where}"
    return Problem(table.file, line, fk.column, item, message)


def check_overlaps(table: Table, result: TableResult) -> None:
    """Spans of one country in one organization must not overlap (touching ends are fine).

    Spans are taken in order of start; a span that overlaps one already kept is reported and
    left out, so one bad row never takes a good one with it.
    """
    if not result.rows:
        return
    order = pd.DataFrame(
        {
            "pos": range(len(result.rows)),
            "pair": [(r.country, r.organization) for r in result.rows],
            "start": period_start(pd.Series([r.start_date for r in result.rows])),
            "end": period_start(pd.Series([r.end_date for r in result.rows])),
        }
    ).sort_values(["pair", "start", "pos"])
    bad: set[int] = set()
    kept_end: dict[tuple[str, str], pd.Timestamp] = {}
    for pos, pair, start, end in order.itertuples(index=False):
        end = OPEN_END if pd.isna(end) else end
        if pair in kept_end and start < kept_end[pair]:
            bad.add(pos)
            result.problems.append(_overlap(table, result.rows[pos], result.lines[pos]))
            continue
        kept_end[pair] = max(end, kept_end.get(pair, end))
    result.drop(bad)


def _overlap(table: Table, row: Row, line: int) -> Problem:
    message = (
        f"span of {row.country} in {row.organization} starting {row.start_date} overlaps "
        "an earlier span; end the earlier one on or before this start"
    )
    return Problem(table.file, line, "start_date", row.start_date, message)


CROSS_ROW_CHECKS = {"memberships": check_overlaps}


def validate_package(folder: Path) -> dict[str, TableResult]:
    """Validate every table of the package in dependency order."""
    results: dict[str, TableResult] = {}
    keys: dict[str, set[str]] = {}
    for table in TABLES:
        raw = read_csv(folder / table.file, table.columns)
        result = validate_rows(table, raw)
        check_foreign_keys(table, result, keys)
        if table.name in CROSS_ROW_CHECKS:
            CROSS_ROW_CHECKS[table.name](table, result)
        if table.key:
            keys[table.name] = result.declared
        results[table.name] = result
    return results
