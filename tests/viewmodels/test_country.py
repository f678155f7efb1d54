"""The country profile's view model on the bundled data."""

from __future__ import annotations

from datetime import date

from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.derive.display import source_labels
from dashboard.viewmodels import country


def test_a_profile_names_its_sources_by_title_not_by_id():
    pkg = load_package(DEFAULT_DATA_DIR)
    profile = country.profile(pkg, "IRN", date(2026, 12, 3))
    labels = source_labels(pkg)
    for table in (profile.statuses, profile.events):
        assert "Cited" in table.columns
        first = table["Sources"].iloc[0].split(", ")[0]
        assert labels[first] in table["Cited"].iloc[0]
        assert not table["Cited"].iloc[0].startswith(first)
