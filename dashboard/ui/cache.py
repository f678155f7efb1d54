"""The only caches: one package per server process, and derived views computed once.

Streamlit runs every viewer's script in one process. The package is read and validated once per
set of file stamps and shared, never copied (`st.cache_resource`); views treat it as read-only.
Whatever a page derives from it (filtered rows, chart specifications, table pages) is cached by
its parameters, so a link opened by a whole room is computed once and served to everyone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import streamlit as st

from dashboard.datapackage import folders as package_folders
from dashboard.datapackage.folders import data_dir, describe, file_stamps
from dashboard.datapackage.layers import layers_of
from dashboard.datapackage.load import DataPackage, load_package
from dashboard.viewmodels import (
    agreements,
    changes,
    corridor,
    country,
    listings,
    memberships,
)
from dashboard.viewmodels import (
    overview as overview_page,
)

P = ParamSpec("P")
R = TypeVar("R")
HOUR = 3600


@st.cache_resource(show_spinner="Loading the data package…", max_entries=2)
def _load(folder: str, stamps: tuple) -> DataPackage:
    # `stamps` is part of the cache key: editing a file reloads it without a restart.
    del stamps
    return load_package(folder)


def load() -> DataPackage:
    """The package of $DASHBOARD_DATA or data/, validated, shared until a file changes."""
    folders = data_dir()
    return _load(describe(folders), file_stamps(folders))


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


def package_zip() -> bytes:
    """The current package's files as a zip (built when asked for, cached per file stamps)."""
    folders = data_dir()
    return _zip(describe(folders), file_stamps(folders))


@st.cache_resource(show_spinner=False, max_entries=2)
def _zip(folder: str, stamps: tuple) -> bytes:
    del stamps
    return package_folders.package_zip(layers_of(folder))


def clear() -> None:
    """Forget every cached package and view (tests; a data folder switched at run time)."""
    for cached in (_load, _small, _large, _zip):
        cached.clear()


# -- every page's derived views, cached ---------------------------------------------------

agreement_options = derived()(agreements.options)
agreement_rows = derived(large=True)(agreements.rows)
agreement_figures = derived(rows=True)(agreements.figures)
agreement_page = derived(rows=True)(agreements.table_page)

membership_options = derived()(memberships.options)
membership_rows = derived(large=True)(memberships.rows)
membership_cited = derived(rows=True)(memberships.cited)
membership_matrix = derived(rows=True)(memberships.matrix)
membership_timeline = derived(rows=True)(memberships.timeline)
membership_comparison = derived()(memberships.comparison)
membership_frames = derived(rows=True)(memberships.frames)
membership_page = derived(rows=True)(memberships.table_page)

overview = derived()(overview_page.overview)
overview_status = derived()(overview_page.status)
overview_frames = derived()(overview_page.frames)
source_rows = derived()(listings.sources)
source_checks = derived()(listings.checks)
source_page = derived(rows=True)(listings.sources_page)
problem_rows = derived()(listings.problems)
problem_page = derived(rows=True)(listings.problems_page)
problem_files = derived()(listings.problem_files)

country_choices = derived()(country.choices)
country_profile = derived()(country.profile)

change_all = derived()(changes.everything)
change_options = derived(rows=True)(changes.options)
change_rows = derived(large=True, rows=True)(changes.rows)
change_figures = derived(rows=True)(changes.figures)
change_page = derived(rows=True)(changes.table_page)

corridor_map = derived()(corridor.map_view)
