"""countries.csv rows from GeoNames and pycountry, shared by the COW import and the data script."""

from __future__ import annotations

import pytest

from dashboard.cow.countries import _capitals, country_rows, is_former


@pytest.mark.parametrize(
    ("code", "former"),
    [("SUN", True), ("YUG", True), ("IRN", False), ("XKX", False), ("QQQ", False)],
)
def test_former_means_an_iso_3166_3_code_of_a_state_gone(code: str, former: bool):
    assert is_former(code) is former


def test_rows_carry_geonames_capitals_short_former_names_and_overrides():
    rows = country_rows(["TUR", "SUN", "XKX", "PLW", "IRN"]).set_index("iso3")
    assert list(rows.index) == ["IRN", "PLW", "SUN", "TUR", "XKX"]
    assert rows.loc["IRN", "capital"] == "Tehran"
    assert rows.loc["TUR", "name"] == "Türkiye"
    assert rows.loc["SUN"].tolist() == ["Soviet Union", "", "", ""]
    assert rows.loc["XKX", ["name", "capital"]].tolist() == ["Kosovo", "Pristina"]  # GeoNames only
    assert rows.loc["XKX", "lat"] != ""
    # GeoNames' list of cities has Palau's capital in some releases only: a point where it does
    assert rows.loc["PLW", "capital"] == "Melekeok"
    point = _capitals({"PW": "Melekeok"}).get("PW")
    where = rows.loc["PLW", ["lat", "lon"]].tolist()
    if point is None:
        assert where == ["", ""]
    else:
        assert [float(x) for x in where] == pytest.approx(list(point), abs=1e-4)


def test_a_code_neither_source_knows_is_refused():
    with pytest.raises(ValueError, match="QQQ is neither in GeoNames"):
        country_rows(["IRN", "QQQ"])
