"""Writing an imported package: into a temporary folder beside the target, renamed into place
once every table is written, so a failure leaves neither a partial package nor a damaged old one.
A folder that is not empty is replaced only when asked, and only if it holds nothing but a
package's files."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from dashboard.cow.files import CowError
from dashboard.cow.importer import CowPackage
from dashboard.datapackage.schema import TABLES

# What a package folder may hold besides its tables; anything else is not replaced
PACKAGE_SUFFIXES = frozenset({".csv", ".md", ".txt", ".json"})


def check_target(folder: Path, replace: bool) -> None:
    """CowError unless `folder` is new, empty, or (with `replace`) a package's folder."""
    if folder.exists() and not folder.is_dir():
        raise CowError(f"{folder}: exists and is not a folder")
    if not folder.is_dir():
        return
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise CowError(f"{folder}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    if not entries:
        return
    if not replace:
        raise CowError(
            f"{folder}: the folder is not empty; choose a new folder, or give --replace to "
            "replace the package in it"
        )
    for entry in entries:
        if (
            entry.is_symlink()
            or not entry.is_file()
            or entry.suffix.lower() not in PACKAGE_SUFFIXES
        ):
            raise CowError(
                f"{folder}: holds {entry.name}, which is not a file of a data package; only a "
                "folder of CSV files is replaced"
            )


def write_package(package: CowPackage, folder: Path, replace: bool = False) -> None:
    """Write every table the contract requires (empty with its header where COW has nothing)
    into `folder`, all at once or not at all; CowError when it cannot."""
    check_target(folder, replace)
    target = Path(os.path.realpath(folder))  # a symbolic link's folder, not the link, is replaced
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.importing-", dir=target.parent))
    except OSError as exc:
        raise CowError(f"{folder}: cannot write ({exc.strerror or type(exc).__name__})") from None
    try:
        for table in TABLES:
            frame = package.tables.get(table.name, pd.DataFrame(columns=list(table.columns)))
            frame.to_csv(scratch / table.file, index=False, encoding="utf-8")
        scratch.chmod(_mode(target))
        _swap(scratch, target)
    except OSError as exc:
        raise CowError(
            f"{folder}: cannot write ({exc.strerror or type(exc).__name__}); nothing was changed"
        ) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # already renamed when all went well


def _mode(target: Path) -> int:
    """The old folder's permissions, or those a new folder gets (mkdtemp's are owner-only)."""
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _swap(scratch: Path, target: Path) -> None:
    """Put `scratch` in the place of `target`, the old folder restored if the last step fails."""
    if not target.exists():
        scratch.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    target.rename(old / target.name)
    try:
        scratch.rename(target)
    except OSError:
        (old / target.name).rename(target)
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
