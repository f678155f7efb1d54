"""Shading the corridor map by an organization: who is shaded, who is listed as not drawn."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import corridor_views
from tests.cow_like import layered_package


@pytest.fixture
def pkg(tmp_path: Path):
    return layered_package(tmp_path)


def test_the_shipped_basemap_has_todays_states_and_no_former_ones():
    codes = corridor_views.basemap_codes()
    assert {"POL", "IRN", "BLR", "RUS"} <= codes
    assert not {"DDR", "SUN", "CSK", "YUG", "MLT"} & codes


def test_an_unreadable_basemap_gives_no_codes(tmp_path: Path):
    broken = tmp_path / "countries.geojson"
    broken.write_text("{not json", encoding="utf-8")
    assert corridor_views.basemap_codes(broken) == frozenset()
    assert corridor_views.basemap_codes(tmp_path / "missing.geojson") == frozenset()


def test_the_warsaw_pact_in_1985_shades_poland_and_lists_the_gdr(pkg):
    shading = corridor_views.shading(pkg, "wpact", date(1985, 6, 30), frozenset({"POL"}))
    assert shading.statuses == {"POL": "member"}
    assert shading.held == 2
    assert shading.not_drawn == ("German Democratic Republic",)
    assert shading.text == (
        "WPact on 1985-06-30: 2 countries with a status, 1 shaded (within today's borders). "
        "Checked up to 2014 (COW IGO v3, year precision)."
    )
    assert shading.missing.startswith("Not drawn, no shape on this map (1): German Democratic")


def test_a_partial_organization_says_so_beside_its_count(pkg):
    shading = corridor_views.shading(pkg, "eaeu", date(2026, 1, 1), frozenset({"BLR", "IRN"}))
    assert shading.text.startswith("EAEU (partial) on 2026-01-01: 3 countries with a status")
    assert shading.text.endswith(
        "Checked up to 2026-10; 1 span from COW IGO v3 (year precision, to 2014)."
    )
    assert shading.not_drawn == ("German Democratic Republic",)


def test_without_a_basemap_nothing_is_claimed_missing(pkg):
    shading = corridor_views.shading(pkg, "wpact", date(1985, 6, 30), frozenset())
    assert set(shading.statuses) == {"DDR", "POL"}
    assert shading.missing == ""


def test_a_day_with_no_member_says_so(pkg):
    shading = corridor_views.shading(pkg, "wpact", date(2000, 1, 1))
    assert shading.statuses == {}
    assert shading.text.startswith("WPact on 2000-01-01: 0 countries with a status, 0 shaded")
