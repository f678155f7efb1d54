"""Validate a data package: every problem as a record, every valid row kept.

Cell checks run as one lazy pandera validation per table (vectorised over whole columns, every
failure collected at once); row rules, keys, references and span overlaps run as pandas
operations over the rows that passed. Problems are reported in file order: the reader's, then
each row's by line and column, then references, then overlaps. A layered package (several
folders) is stacked first (`dashboard.datapackage.layers`), then validated as one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from dashboard.datapackage import cells, layers
from dashboard.datapackage.problems import WARNING, Problem
from dashboard.datapackage.reading import RawTable, read_csv
from dashboard.datapackage.references import CROSS_ROW_CHECKS, FILE, LINE, check_foreign_keys
from dashboard.datapackage.rules import RULES
from dashboard.datapackage.schema import QUIET, REQUIRED, TABLES, Table


@dataclass
class TableResult:
    """Valid rows of one table (raw cells, their lines and files) and what was left out."""

    table: Table
    raw: pd.DataFrame  # raw cells of the kept rows, one column per schema column
    lines: pd.Series
    files: pd.Series
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    replaced: int = 0  # rows of earlier folders replaced by later ones
    declared: set[str] = field(default_factory=set)
    endings: list[tuple[str, int, bool]] = field(default_factory=list)  # file, lines, ends whole

    def frame(self) -> pd.DataFrame:
        """The kept rows, typed: trimmed text, tuples for lists, numbers."""
        columns = {c.name: cells.typed(c, self.raw[c.name]) for c in self.table.schema}
        frame = pd.DataFrame(columns, index=self.raw.index).reset_index(drop=True)
        frame[LINE] = self.lines.to_numpy(dtype="int64")
        frame[FILE] = pd.Categorical(self.files.to_numpy())
        return frame


def _missing_columns(table: Table, raw: RawTable, file: str) -> bool:
    """Report missing columns; True when the file cannot be used at all."""
    if not raw.header:
        return True
    fatal = False
    for column in table.schema:
        if column.name in raw.header or column.presence == QUIET:
            continue
        if column.presence == REQUIRED:
            message = "required column is missing; no row of this file can be used"
            raw.problems.append(Problem(file, 1, column.name, None, message))
            fatal = True
        else:
            message = "column is missing; its cells are treated as empty"
            raw.problems.append(Problem(file, 1, column.name, None, message, WARNING))
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


def read_layers(table: Table, folders: tuple[Path, ...]) -> TableResult:
    """Read the table from every folder and stack the rows that later folders do not replace."""
    names = layers.labels(folders)
    raws, frames, problems, skipped, endings = [], [], [], 0, []
    # An overlay folder holds only what it overrides: a file it lacks is no problem, as long
    # as some folder of the package has it.
    present = [(folder / table.file).exists() for folder in folders]
    for folder, name, exists in zip(folders, names, present, strict=True):
        if len(folders) > 1 and not exists and any(present):
            continue
        file = f"{name}{table.file}"
        raw = read_csv(folder / table.file, table.columns, label=file)
        unusable = _missing_columns(table, raw, file)
        problems.extend(raw.problems)
        skipped += raw.skipped + (len(raw.lines) if unusable else 0)
        raws.append(raw)
        endings.append((file, raw.last_line, raw.ends_whole))
        frames.append(None if unusable else _cell_frame(table, raw))
    used = [n for n, e in zip(names, present, strict=True) if e or not any(present)]
    frame, lines, files, replaced = layers.stack(table, raws, frames, used)
    if frame is None:
        frame = pd.DataFrame(columns=list(table.columns), dtype=object)
    return TableResult(table, frame, lines, files, problems, skipped, replaced, endings=endings)


def validate_rows(result: TableResult) -> TableResult:
    """Check every cell against its type, then row rules, then the key for duplicates."""
    table, frame, lines, files = result.table, result.raw, result.lines, result.files
    if table.key:
        # Rows elsewhere may refer to a row left out here for its own fault: that fault is
        # reported once, here, and does not take every referring row down with it.
        result.declared = set(frame[table.key].str.strip()) - {""}
    if frame.empty:
        return result
    found: list[tuple[int, int, Problem]] = []  # (row, order within row, problem)

    def problem(row: int, column: str | None, value: str | None, message: str) -> Problem:
        return Problem(str(files[row]), int(lines[row]), column, value, message)

    order = {name: i for i, name in enumerate(table.columns)}
    bad = _bad_cells(table, frame)
    for row, column in bad.drop_duplicates().itertuples(index=False):
        for value, message in cells.problems(table.column(column), frame.at[row, column]):
            found.append((row, order[column], problem(row, column, value, message)))
    broken = frame.index.isin(bad["row"])
    whole = len(order)
    if table.row_rules and not broken.all():
        typed = TableResult(table, frame[~broken], lines[~broken], files[~broken]).frame()
        typed.index = frame.index[~broken]
        for rule in table.row_rules:
            messages = RULES[rule](typed.loc[~typed.index.isin(frame.index[broken])]).dropna()
            for row, message in messages.items():
                found.append((row, whole, problem(row, None, None, message)))
                broken[row] = True
    if table.key:
        keys = frame[table.key].str.strip()
        duplicate = keys[~broken].duplicated().reindex(frame.index, fill_value=False)
        first = lines[~broken].groupby(keys[~broken]).transform("first")
        for row in frame.index[duplicate]:
            key = keys[row]
            message = f"duplicate {table.key} '{key}'; first used on line {first[row]}"
            found.append((row, whole + 1, problem(row, table.key, key, message)))
        broken |= duplicate.to_numpy()
    found.sort(key=lambda item: (item[0], item[1]))
    result.problems.extend(p for _, _, p in found)
    if broken.any():
        keep = ~broken
        result.raw, result.lines, result.files = frame[keep], lines[keep], files[keep]
        result.skipped += int(broken.sum())
    return result


def validate_table(
    table: Table, folders: tuple[Path, ...], keys: dict[str, set[str]]
) -> tuple[TableResult, pd.DataFrame]:
    """One table: cells, rows, references and cross-row rules; the result and its typed frame."""
    result = validate_rows(read_layers(table, folders))
    typed = result.frame()
    checks = [lambda t: check_foreign_keys(table, t, keys, result.problems)]
    if table.name in CROSS_ROW_CHECKS:
        checks.append(lambda t: CROSS_ROW_CHECKS[table.name](table, t, result.problems))
    for check in checks:
        bad = check(typed)
        if bad.any():
            typed = typed[~bad]
            result.skipped += int(bad.sum())
    return result, typed.reset_index(drop=True)


def validate_package(
    folders: str | Path | tuple[Path, ...],
) -> dict[str, tuple[TableResult, pd.DataFrame]]:
    """Validate every table of the package (one folder, or layered folders) in dependency order."""
    folders = layers.layers_of(folders)
    results: dict[str, tuple[TableResult, pd.DataFrame]] = {}
    keys: dict[str, set[str]] = {}
    for table in TABLES:
        result, typed = validate_table(table, folders, keys)
        if table.key:
            keys[table.name] = result.declared
        results[table.name] = (result, typed)
    return results
