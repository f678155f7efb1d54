"""The only cached loaders: the package is read and validated once per set of file stamps."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import exports
from dashboard.package import DataPackage, data_dir, file_stamps, load_package


@st.cache_data(show_spinner="Loading the data package…", max_entries=4)
def _load(folder: str, stamps: tuple) -> DataPackage:
    # `stamps` is part of the cache key: editing a file reloads it without a restart.
    del stamps
    return load_package(Path(folder))


def load() -> DataPackage:
    """The package of $DASHBOARD_DATA or data/, validated, cached until a file changes."""
    folder = data_dir()
    return _load(str(folder), file_stamps(folder))


def package_zip() -> bytes:
    """The current package's files as a zip (built when asked for, cached per file stamps)."""
    folder = data_dir()
    return _zip(str(folder), file_stamps(folder))


@st.cache_data(show_spinner=False, max_entries=2)
def _zip(folder: str, stamps: tuple) -> bytes:
    del stamps
    return exports.package_zip(Path(folder))
