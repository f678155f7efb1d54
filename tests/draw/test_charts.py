"""Chart builders, checked by their Vega-Lite spec, never by pixels."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.config import STATUS_COLORS, TRADE_FLOW_COLORS
from dashboard.datapackage import vocabularies as v
from dashboard.derive.summaries import (
    as_of_matrix,
    sector_counts,
    year_counts,
)
from dashboard.draw import charts, scales
from tests.conftest import NAMES, ORGS


@pytest.fixture
def pkg(mini_pkg):
    return mini_pkg


def test_status_scale_is_fixed_and_colour_blind_safe():
    scale = scales.status_scale().to_dict()
    assert scale["range"] == list(STATUS_COLORS.values())
    assert scale["domain"][0] == "Founding member"


def test_status_matrix_spec(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    spec = charts.status_matrix_chart(matrix, "t").to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["color"]["field"] == "Status"
    assert spec["encoding"]["color"]["scale"]["range"] == list(STATUS_COLORS.values())
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"Since", "Sources"}


def test_count_charts(pkg):
    by_sector = charts.count_bar_chart(
        sector_counts(pkg["agreements"]), "Sector", "t", scales.sector_scale()
    ).to_dict()
    assert by_sector["encoding"]["y"]["sort"] == "-x"
    by_year = charts.year_bar_chart(year_counts(pkg["agreements"]), "t").to_dict()
    assert by_year["encoding"]["x"]["field"] == "Year"


def test_status_bar_chart_spec(pkg):
    from dashboard.derive.summaries import status_totals

    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    spec = charts.status_bar_chart(status_totals(matrix), "t").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["color"]["scale"]["range"] == list(STATUS_COLORS.values())


def test_status_matrix_orientation_and_order(pkg):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    by_country = charts.status_matrix_chart(matrix, "t").to_dict()
    assert by_country["encoding"]["y"]["field"] == "Country"
    assert by_country["encoding"]["y"]["sort"] == "ascending"
    assert by_country["encoding"]["x"]["axis"]["labelAngle"] == -40  # few columns
    by_org = charts.status_matrix_chart(matrix, "t", rows="Organization").to_dict()
    assert by_org["encoding"]["y"]["field"] == "Organization"
    assert by_org["encoding"]["y"]["sort"] == list(dict.fromkeys(matrix["Organization"]))
    assert {t["field"] for t in by_org["encoding"]["tooltip"]} >= {"Record"}


def test_status_bar_chart_keeps_a_given_order_and_shows_check_dates(pkg):
    from dashboard.derive.summaries import status_totals

    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    totals = status_totals(matrix).assign(**{"Checked up to": "2026-11-23"})
    spec = charts.status_bar_chart(totals, "t", order=["EAEU", "SCO"]).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["EAEU", "SCO"]
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"Checked up to"}


def test_year_bars_keep_the_true_distance_between_years():
    counts = pd.DataFrame({"Year": [2006, 2007, 2010, 2018], "Count": [1, 2, 1, 3]})
    spec = charts.year_bar_chart(counts, "t").to_dict()
    x = spec["encoding"]["x"]
    assert (x["field"], x["type"]) == ("Year", "quantitative")  # not ordinal: not evenly spaced
    assert x["scale"]["domain"] == [2005.5, 2018.5]
    assert x["axis"]["format"] == "d"


def test_one_year_is_not_stretched_across_the_chart():
    spec = charts.year_bar_chart(pd.DataFrame({"Year": [2024], "Count": [3]}), "t").to_dict()
    low, high = spec["encoding"]["x"]["scale"]["domain"]
    assert high - low == scales.MIN_YEARS
    assert spec["mark"]["width"] == {"expr": f"0.8 * width / {scales.MIN_YEARS}"}


def test_trade_chart_puts_series_side_by_side_on_a_year_axis():
    trade = pd.DataFrame(
        {
            "Year": [2010, 2010, 2020],
            "US$ million": [1.0, 2.0, 3.0],
            "Flow": ["Exports", "Turnover (exports + imports)", "Exports"],
            "Reporter": ["Iran"] * 3,
            "Partner": ["Belarus"] * 3,
            "Series": ["a", "b", "a"],
            "Period": [""] * 3,
            "Sources": [""] * 3,
        }
    )
    spec = charts.trade_chart(trade, "t").to_dict()
    assert spec["encoding"]["x"]["type"] == "quantitative"
    at = [row["At"] for row in next(iter(spec["datasets"].values()))]
    assert at[0] < 2010 < at[1]
    assert at[2] == pytest.approx(2019.8)
    legend = spec["encoding"]["color"]["legend"]
    assert legend["labelLimit"] == 0  # "Turnover (exports + imports)" is not cut
    assert legend["values"] == [v.TRADE_FLOWS[k] for k in TRADE_FLOW_COLORS]


@pytest.mark.parametrize("builder", ["grid", "bars"])
def test_status_legends_list_every_status_in_order_uncut(pkg, builder):
    matrix = as_of_matrix(pkg["memberships"], date(2026, 1, 1), NAMES, ORGS)
    if builder == "grid":
        spec = charts.status_matrix_chart(matrix, "t").to_dict()
    else:
        from dashboard.derive.summaries import status_totals

        spec = charts.status_bar_chart(status_totals(matrix), "t").to_dict()
    legend = spec["encoding"]["color"]["legend"]
    every = [v.MEMBERSHIP_STATUSES[k] for k in STATUS_COLORS]
    assert set(matrix["Status"]) < set(every)  # the data lacks some statuses …
    assert legend["values"] == every  # … and the legend still lists each, in the fixed order
    assert legend["labelLimit"] == 0
    assert spec["encoding"]["color"]["scale"]["range"] == list(STATUS_COLORS.values())
    assert spec["height"] >= scales.status_height()  # tall enough for all eight entries
