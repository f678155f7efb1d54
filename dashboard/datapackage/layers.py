"""Layered packages: several folders read as one, later folders overriding earlier ones.

`DASHBOARD_DATA=cow:data` reads the COW import as the base and the curated package over it.
Rules (data/README.md, "Layered packages"): a row whose key (its `id`; `iso3` for countries;
year, reporter, partner and flow for trade) appears in a later folder is replaced by it; every
membership span of a (country, organization) pair that a later folder has replaces all spans
of that pair from earlier folders. Problems name the folder they come from.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard.datapackage.reading import RawTable
from dashboard.datapackage.schema import Table

SEPARATOR = os.pathsep  # ':' on Linux and macOS
TRADE_KEY = ("year", "reporter", "partner", "flow")


def layers_of(spec: str | Path | Sequence[str | Path]) -> tuple[Path, ...]:
    """The folders of a package location: one path, 'a:b' (later wins) or a sequence."""
    if isinstance(spec, str | Path):
        parts = [p for p in str(spec).split(SEPARATOR) if p.strip()]
    else:
        parts = [str(p) for p in spec]
    return tuple(Path(p.strip()).expanduser().resolve() for p in parts)


def labels(folders: tuple[Path, ...]) -> list[str]:
    """How problems name each folder: nothing for one folder, else its name; where two folders
    share a name, its position too, as the package zip names it (`1-data/`), never its path."""
    if len(folders) == 1:
        return [""]
    names = [f.name for f in folders]
    if len(set(names)) == len(names):
        return [f"{name}/" for name in names]
    return [f"{position}-{name}/" for position, name in enumerate(names, start=1)]


def _keys(table: Table, frame: pd.DataFrame) -> pd.Series:
    if table.name == "trade":
        columns = [frame[c].str.strip() for c in TRADE_KEY]
        return columns[0].str.cat(columns[1:], sep="\x00")
    return frame[table.key].str.strip()


def overlay(table: Table, frames: list[pd.DataFrame]) -> list[pd.Series]:
    """For each layer's frame, which rows survive the layers above it (True = kept)."""
    kept = [pd.Series(True, index=f.index) for f in frames]
    later_keys: set[str] = set()
    later_pairs: set[str] = set()
    for i in range(len(frames) - 1, -1, -1):
        frame = frames[i]
        if frame.empty:
            continue
        keys = _keys(table, frame)
        kept[i] &= ~keys.isin(later_keys)
        if table.name == "memberships":
            pairs = frame["country"].str.strip() + "\x00" + frame["organization"].str.strip()
            kept[i] &= ~pairs.isin(later_pairs)
            later_pairs |= set(pairs)
        later_keys |= set(keys)
    return kept


def stack(table: Table, raws: list[RawTable], frames: list[pd.DataFrame | None], names: list[str]):
    """One frame of every layer's surviving rows, with their lines and file labels."""
    usable = [(f, r, n) for f, r, n in zip(frames, raws, names, strict=True) if f is not None]
    if not usable:
        return None, pd.Series(dtype="int64"), pd.Series(dtype=object), 0
    kept = overlay(table, [f for f, _, _ in usable])
    parts, lines, files, replaced = [], [], [], 0
    for (frame, raw, name), keep in zip(usable, kept, strict=True):
        parts.append(frame[keep.to_numpy()])
        lines.append(pd.Series(raw.lines, dtype="int64")[keep.to_numpy()])
        files.append(pd.Series(f"{name}{table.file}", index=range(int(keep.sum()))))
        replaced += int((~keep).sum())
    frame = (
        pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    )
    line = pd.concat(lines, ignore_index=True)
    file = pd.concat(files, ignore_index=True).astype("category")
    return frame, line, file, replaced
