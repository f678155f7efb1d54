"""Validate a data package: every problem as a record, every valid row kept.

Cell checks run as one lazy pandera validation per table (vectorised over whole columns, every
failure collected at once); row rules, keys, references and span overlaps run as pandas
operations over the rows that passed. Problems are reported in file order: the reader's, then
each row's by line and column, then references, then overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from dashboard import cells
from dashboard.dates import period_start
from dashboard.problems import WARNING, Problem
from dashboard.reading import RawTable, read_csv
from dashboard.rules import RULES
from dashboard.schema import QUIET, TABLES, ForeignKey, Table

OPEN_END = pd.Timestamp("2200-01-01")  # stands for "still in effect" when ordering spans
LINE = "_line"


@dataclass
class TableResult:
    """Valid rows of one table (raw text cells, with their lines) and what was left out."""

    table: Table
    raw: pd.DataFrame  # raw cells of the kept rows, one column per schema column
    lines: pd.Series
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    declared: set[str] = field(default_factory=set)

    def drop(self, bad: pd.Series) -> None:
        """Leave out the rows where `bad` is True."""
        count = int(bad.sum())
        if count:
            self.raw, self.lines = self.raw[~bad], self.lines[~bad]
            self.skipped += count

    def frame(self) -> pd.DataFrame:
        """The kept rows, typed: trimmed text, tuples for lists, numbers."""
        columns = {c.name: cells.typed(c, self.raw[c.name]) for c in self.table.schema}
        frame = pd.DataFrame(columns, index=self.raw.index).reset_index(drop=True)
        frame[LINE] = self.lines.to_numpy(dtype="int64")
        return frame


def _missing_columns(table: Table, raw: RawTable) -> bool:
    """Report missing columns; True when the file cannot be used at all."""
    if not raw.header:
        return True
    fatal = False
    for column in table.schema:
        if column.name in raw.header or column.presence == QUIET:
            continue
        if column.presence == "required":
            message = "required column is missing; no row of this file can be used"
            raw.problems.append(Problem(table.file, 1, column.name, None, message))
            fatal = True
        else:
            message = "column is missing; its cells are treated as empty"
            raw.problems.append(Problem(table.file, 1, column.name, None, message, WARNING))
    return fatal


def _cell_frame(table: Table, raw: RawTable) -> pd.DataFrame:
    if raw.frame is not None:
        frame = raw.frame
    else:
        frame = pd.DataFrame(raw.rows, columns=raw.header, dtype=object)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    for column in table.columns:
        if column not in frame:
            frame[column] = ""
    return frame[list(table.columns)]


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The table's cell checks as a pandera schema over raw text columns."""
    return pa.DataFrameSchema(
        {
            c.name: pa.Column(
                checks=[pa.Check(lambda raw, c=c: cells.valid(c, raw), name=c.cell)],
                nullable=True,
            )
            for c in table.schema
            if c.cell not in ("free", "ref")
        },
        name=table.name,
    )


def _bad_cells(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """(row, column) of every cell that fails its type, from one lazy pandera validation."""
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna()]
        return pd.DataFrame({"row": cases["index"].astype(int), "column": cases["column"]})
    return pd.DataFrame({"row": pd.Series(dtype=int), "column": pd.Series(dtype=object)})


def validate_rows(table: Table, raw: RawTable) -> TableResult:
    """Check every cell against its type, then row rules, then the key for duplicates."""
    unusable = _missing_columns(table, raw)
    empty = pd.DataFrame(columns=list(table.columns), dtype=object)
    result = TableResult(table, empty, pd.Series(dtype="int64"), list(raw.problems), raw.skipped)
    if unusable:
        result.skipped += len(raw.lines)
        return result
    frame = _cell_frame(table, raw)
    lines = pd.Series(raw.lines, dtype="int64")
    if table.key:
        # Rows elsewhere may refer to a row left out here for its own fault: that fault is
        # reported once, here, and does not take every referring row down with it.
        result.declared = set(frame[table.key].str.strip()) - {""}
    found: list[tuple[int, int, Problem]] = []  # (row, order within row, problem)
    order = {name: i for i, name in enumerate(table.columns)}
    bad = _bad_cells(table, frame)
    for row, column in bad.drop_duplicates().itertuples(index=False):
        for value, message in cells.problems(table.column(column), frame.at[row, column]):
            problem = Problem(table.file, int(lines[row]), column, value, message)
            found.append((row, order[column], problem))
    broken = frame.index.isin(bad["row"])
    whole = len(order)
    if table.row_rules and not broken.all():
        typed = TableResult(table, frame[~broken], lines[~broken]).frame()
        typed.index = frame.index[~broken]
        for rule in table.row_rules:
            messages = RULES[rule](typed.loc[~typed.index.isin(frame.index[broken])]).dropna()
            for row, message in messages.items():
                found.append(
                    (row, whole, Problem(table.file, int(lines[row]), None, None, message))
                )
                broken[row] = True
    if table.key:
        keys = frame[table.key].str.strip()
        duplicate = keys[~broken].duplicated().reindex(frame.index, fill_value=False)
        first = lines[~broken].groupby(keys[~broken]).transform("first")
        for row in frame.index[duplicate]:
            key = keys[row]
            message = f"duplicate {table.key} '{key}'; first used on line {first[row]}"
            found.append(
                (row, whole + 1, Problem(table.file, int(lines[row]), table.key, key, message))
            )
        broken |= duplicate.to_numpy()
    found.sort(key=lambda item: (item[0], item[1]))
    result.problems.extend(problem for _, _, problem in found)
    keep = ~broken
    result.raw, result.lines = (frame[keep], lines[keep]) if broken.any() else (frame, lines)
    result.skipped += int(broken.sum())
    return result


def check_foreign_keys(
    result: TableResult, typed: pd.DataFrame, keys: dict[str, set[str]]
) -> pd.Series:
    """Problems for references that name no row of the target tables; True where a row is bad."""
    table = result.table
    bad = pd.Series(False, index=typed.index)
    for fk in table.foreign_keys:
        known = set().union(*(keys[t] for t in fk.targets))
        values = typed[fk.column]
        if table.column(fk.column).cell in cells.LISTS:
            values = values.explode().dropna()
        else:
            values = values.dropna()
        unknown = values[~values.isin(known)]
        for position, item in unknown.items():
            line = int(typed.at[position, LINE])
            result.problems.append(_unknown(table, line, fk, item))
        bad |= typed.index.isin(unknown.index)
    return bad


def _unknown(table: Table, line: int, fk: ForeignKey, item: str) -> Problem:
    where = " or ".join(f"{t}.csv" for t in fk.targets)
    message = f"'{item}' is not found in {where}"
    return Problem(table.file, line, fk.column, item, message)


def check_overlaps(result: TableResult, typed: pd.DataFrame) -> pd.Series:
    """Spans of one country in one organization must not overlap (touching ends are fine).

    Spans are taken in order of start; a span that overlaps one already kept is reported and
    left out, so one bad row never takes a good one with it.
    """
    bad = pd.Series(False, index=typed.index)
    pairs = typed[["country", "organization"]]
    shared = pairs.duplicated(keep=False)  # a pair with one span cannot overlap
    if not shared.any():
        return bad
    spans = typed[shared]
    order = pd.DataFrame(
        {
            "pos": spans.index,
            "country": spans["country"],
            "organization": spans["organization"],
            "start": period_start(spans["start_date"]),
            "end": period_start(spans["end_date"]).fillna(OPEN_END),
        }
    ).sort_values(["country", "organization", "start", "pos"])
    kept_end: dict[tuple[str, str], pd.Timestamp] = {}
    for pos, country, organization, start, end in order.itertuples(index=False):
        pair = (country, organization)
        if pair in kept_end and start < kept_end[pair]:
            bad[pos] = True
            result.problems.append(_overlap(result.table, typed.loc[pos]))
            continue
        kept_end[pair] = max(end, kept_end.get(pair, end))
    return bad


def _overlap(table: Table, row: pd.Series) -> Problem:
    message = (
        f"span of {row['country']} in {row['organization']} starting {row['start_date']} "
        "overlaps an earlier span; end the earlier one on or before this start"
    )
    return Problem(table.file, int(row[LINE]), "start_date", row["start_date"], message)


CROSS_ROW_CHECKS = {"memberships": check_overlaps}


def validate_table(
    table: Table, raw: RawTable, keys: dict[str, set[str]]
) -> tuple[TableResult, pd.DataFrame]:
    """One table: cells, rows, references and cross-row rules; the result and its typed frame."""
    result = validate_rows(table, raw)
    typed = result.frame()
    bad = check_foreign_keys(result, typed, keys)
    if bad.any():
        typed = typed[~bad]
        result.skipped += int(bad.sum())
    if table.name in CROSS_ROW_CHECKS:
        bad = CROSS_ROW_CHECKS[table.name](result, typed)
        if bad.any():
            typed = typed[~bad]
            result.skipped += int(bad.sum())
    return result, typed.reset_index(drop=True)


def validate_package(folder: Path) -> dict[str, tuple[TableResult, pd.DataFrame]]:
    """Validate every table of the package in dependency order."""
    results: dict[str, tuple[TableResult, pd.DataFrame]] = {}
    keys: dict[str, set[str]] = {}
    for table in TABLES:
        raw = read_csv(folder / table.file, table.columns)
        result, typed = validate_table(table, raw, keys)
        if table.key:
            keys[table.name] = result.declared
        results[table.name] = (result, typed)
    return results
