"""Content checks on the bundled data package (data/): beyond the schema, what the data must say."""

from __future__ import annotations

import pytest

from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import DataPackage, load_package
from tests.data.checks import CHECKS


@pytest.fixture(scope="module")
def pkg() -> DataPackage:
    return load_package(DEFAULT_DATA_DIR)


@pytest.mark.parametrize("name", CHECKS)
def test_bundled_package_passes(pkg: DataPackage, name: str):
    failures = CHECKS[name](pkg)
    assert failures == [], "\n".join(failures)
