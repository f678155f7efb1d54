"""Where a package lives: its folders (one, or layered), their files' stamps, and their zip."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from dashboard.config import DATA_DIR_VARIABLE, ROOT
from dashboard.datapackage import confine
from dashboard.datapackage.layers import SEPARATOR, layers_of
from dashboard.datapackage.schema import TABLES

DEFAULT_DATA_DIR = ROOT / "data"


def data_dir(environ: dict[str, str] | None = None) -> tuple[Path, ...]:
    """The package's folders: $DASHBOARD_DATA (`a:b` layers b over a), else the bundled `data/`."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(DATA_DIR_VARIABLE, "").strip()
    return layers_of(chosen) if chosen else (DEFAULT_DATA_DIR,)


def file_stamps(folders: Path | tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of each table file: a change invalidates the cache."""
    stamps = []
    for folder in layers_of(folders):
        for table in TABLES:
            path = folder / table.file
            try:
                stat = path.stat()
                stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
            except OSError:
                stamps.append((str(path), -1, -1))
    return tuple(stamps)


def describe(folders: tuple[Path, ...]) -> str:
    """The folders as one location, as $DASHBOARD_DATA writes it."""
    return SEPARATOR.join(str(f) for f in folders)


def package_name(folders: tuple[Path, ...]) -> str:
    """The package as viewers may see it: its folders' names, never where they are."""
    return SEPARATOR.join(f.name or "/" for f in folders)


def package_zip(folders: Path | tuple[Path, ...]) -> bytes:
    """Every table file of the package (and its README, if any) in one zip.

    One folder goes under `data/`; the folders of a layered package each under
    `data/<position>-<name>/` (`data/1-cow/`, `data/2-data/`), in the order they are read. Only
    files the reader would read go in (`confine`: regular files inside their folder, within the
    size limit), read as it reads them.
    """
    folders = (folders,) if isinstance(folders, Path) else folders
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for position, folder in enumerate(folders, start=1):
            prefix = "data" if len(folders) == 1 else f"data/{position}-{folder.name}"
            for name in [t.file for t in TABLES] + ["README.md"]:
                try:
                    with confine.open_data_file(folder / name) as handle:
                        data = confine.read_limited(handle)
                except (OSError, confine.Refused):
                    continue
                archive.writestr(f"{prefix}/{name}", data)
    return buffer.getvalue()
