"""The only caches: one package per server process, and what the pages derive, computed once.

Streamlit runs every viewer's script in one process. The package is read and validated once per
set of file stamps and shared, never copied (`st.cache_resource`); views treat it as read-only.
While newer files look half-written (cut short, missing, empty), every session keeps the last
whole package (`LastGood`), marked as held back, until the files are whole again.
Whatever a page model derives from it (filtered rows, chart specifications, table pages) is
cached by its parameters, so a link opened by a whole room is computed once and served to
everyone: a view asks for its model through `model(module)`.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Hashable
from types import ModuleType
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from dashboard.datapackage import folders as package_folders
from dashboard.datapackage.folders import data_dir, describe, file_stamps
from dashboard.datapackage.layers import layers_of
from dashboard.datapackage.load import DataPackage, LastGood, load_package
from dashboard.derive.paging import Listing, TablePage
from dashboard.viewmodels.shared import sharing

P = ParamSpec("P")
R = TypeVar("R")
HOUR = 3600
LAST_GOOD = LastGood()  # one per process, shared by every session


@st.cache_resource(show_spinner="Loading the data package…", max_entries=2)
def _load(folder: str, stamps: tuple) -> DataPackage:
    # `stamps` is part of the cache key: editing a file reloads it without a restart.
    del stamps
    return load_package(folder)


def load() -> DataPackage:
    """The package of $DASHBOARD_DATA or data/, validated, shared until a file changes; the last
    whole one (`held` set) while the files look half-written."""
    folders = data_dir()
    return LAST_GOOD.serve(_load(describe(folders), file_stamps(folders)))


# `_`-prefixed arguments are not hashed: the package is keyed by its version, the function by its
# name, and rows handed over by the arguments that chose them.
@st.cache_resource(show_spinner=False, max_entries=1024, ttl=6 * HOUR)
def _small(_pkg: DataPackage, version: tuple, name: str, _func: Callable, _rows, *args):
    return _func(_pkg, *args) if _rows is None else _func(_pkg, _rows, *args)


@st.cache_resource(show_spinner=False, max_entries=24, ttl=HOUR)
def _large(_pkg: DataPackage, version: tuple, name: str, _func: Callable, _rows, *args):
    return _func(_pkg, *args) if _rows is None else _func(_pkg, _rows, *args)


def derived(large: bool = False, rows: bool = False) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache `func(pkg, *args)` per package version and arguments, once for every session.

    `args` must be hashable values (tuples, strings, dates). With `rows=True` the function is
    `func(pkg, rows, *args)`: `rows` (a frame the same `args` chose, itself cached) is passed
    along but not hashed. What it returns is shared by all sessions: callers never mutate it.
    `large` results (row subsets of a big table) live in a smaller cache than charts and pages.
    """
    store = _large if large else _small

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def call(pkg: DataPackage, *args):
            if rows:
                return store(pkg, pkg.version, name, func, args[0], *args[1:])
            return store(pkg, pkg.version, name, func, None, *args)

        return call

    return wrap


HELD_NOTE = (
    "The data files are being replaced: the ones on the server are not whole yet, so they are "
    "not in this download. Download the package again once the notice at the top of the page "
    "is gone.\n"
)


def package_zip() -> bytes:
    """The current package's files as a zip (built when asked for, cached per file stamps);
    while the files look half-written, a note saying so in their place."""
    folders = data_dir()
    if load().held is not None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("data/NOT-WHOLE-YET.txt", HELD_NOTE)
        return buffer.getvalue()
    return _zip(describe(folders), file_stamps(folders))


@st.cache_resource(show_spinner=False, max_entries=2)
def _zip(folder: str, stamps: tuple) -> bytes:
    del stamps
    return package_folders.package_zip(layers_of(folder))


def clear() -> None:
    """Forget every cached package and result (tests; a data folder switched at run time)."""
    for cached in (_load, _small, _large, _zip):
        cached.clear()
    LAST_GOOD.clear()


class Model:
    """A page model whose `@shared` functions are cached for every session; its other names
    (constants, classes, plain functions) are the module's own."""

    def __init__(self, module: ModuleType):
        self._module = module

    def __getattr__(self, name: str):
        value = getattr(self._module, name)
        how = sharing(value)
        if how is None:
            return value
        cached = derived(how.large, how.rows)(value)
        setattr(self, name, cached)  # found at once from now on
        return cached


@functools.cache
def model(module: ModuleType) -> Model:
    """The page model `module`, its shared results cached (one Model per module and process)."""
    return Model(module)


def first_page(
    pkg: DataPackage,
    listing: Listing,
    rows: pd.DataFrame,
    chosen_by: Hashable,
    order: str,
    descending: bool,
) -> TablePage:
    """The first page of `rows` in `listing`'s chosen order, computed once for every session.

    `chosen_by` (hashable: the parameters that chose `rows`) keys the cache with the listing's
    noun, the order and the package's version; `rows` itself is not hashed.
    """

    def first(pkg: DataPackage, rows: pd.DataFrame, *key) -> TablePage:
        del pkg, key  # the cache key
        return listing.page(rows, order, descending)

    name = f"{__name__}.first_page:{listing.noun}"
    return _small(pkg, pkg.version, name, first, rows, chosen_by, order, descending)
