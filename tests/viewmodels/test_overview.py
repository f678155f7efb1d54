"""The overview's builder: which organizations its chart shows at breadth, and how current."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.derive.coverage import Records
from dashboard.viewmodels import overview
from tests.layered import layered_package


def records(curated: int, from_cow: int) -> Records:
    ids = [f"c{i}" for i in range(curated)] + [f"w{i}" for i in range(from_cow)]
    table = pd.DataFrame(
        {
            "short_name": [i.upper() for i in ids],
            "label": [f"{i.upper()} (partial)" if i == "c0" else i.upper() for i in ids],
            "coverage": ["partial" if i == "c0" else "" for i in ids],
            "from_cow": [i.startswith("w") for i in ids],
            "checked": ["2026-11-23" if i.startswith("c") else "2014 (COW)" for i in ids],
        },
        index=pd.Index(ids, name="id"),
    )
    return Records(table, "2026-11-23", "2026-11-23", 2014)


def broad_matrix(curated: int, from_cow: int) -> pd.DataFrame:
    """Curated organization c<i> has i + 1 countries; COW organization w<i> has 50 + i."""
    sizes = {f"c{i}": i + 1 for i in range(curated)} | {f"w{i}": 50 + i for i in range(from_cow)}
    pairs = [(org, f"K{k:03d}") for org, n in sizes.items() for k in range(n)]
    return pd.DataFrame(
        {
            "organization": [o for o, _ in pairs],
            "country": [c for _, c in pairs],
            "Organization": [
                f"{o.upper()} (partial)" if o == "c0" else o.upper() for o, _ in pairs
            ],
            "Country": [c for _, c in pairs],
            "Status": "Member",
        }
    )


def test_at_breadth_the_chart_shows_curated_first_then_the_largest():
    chosen, total = overview.chosen_organizations(broad_matrix(9, 525), records(9, 525), limit=20)
    assert total == 534
    assert chosen[:9] == [f"c{i}" for i in range(8, -1, -1)]  # curated, largest first
    assert chosen[9:] == [f"w{i}" for i in range(524, 513, -1)]  # then the largest from COW


def test_status_chart_says_what_it_left_out_and_when_each_was_checked():
    matrix = broad_matrix(3, 30)
    figure, note, checked = overview.status_chart(matrix, records(3, 30), date(2026, 1, 1))
    bars = {r["Organization"] for r in next(iter(figure.spec["datasets"].values()))}
    assert len(bars) == 20
    assert "C0 (partial)" in bars
    assert note.startswith("Showing 20 of 33 organizations with a member on 2026-01-01")
    assert checked.splitlines() == [
        "Checked up to 2026-11-23: C2, C1, C0 (partial)",
        "Checked up to 2014 (COW): " + ", ".join(f"W{i}" for i in range(29, 12, -1)),
    ]
    assert figure.spec["encoding"]["y"]["sort"][:3] == ["C2", "C1", "C0 (partial)"]


def test_a_small_package_shows_every_organization_and_no_note(mini_pkg):
    view = overview.overview(mini_pkg, date(2026, 1, 1))
    assert view.status_note == ""
    assert view.countries_note == ""  # no check date, no COW rows
    assert view.organizations_note == "2 curated organizations."


def test_overview_of_a_layered_package_says_how_current_each_count_is(tmp_path: Path):
    view = overview.overview(layered_package(tmp_path), date(2026, 1, 1))
    assert view.organizations_note.startswith("2 curated organizations (1 partial: EAEU)")
    assert view.organizations_note.endswith("1 from COW IGO v3, year precision, to 2014.")
    assert view.countries_note == (
        "3 of them from the curated data (checked up to 2026-10); the others only as COW IGO v3 "
        "recorded them in 2014 (year precision)."
    )
    assert "EAEU (partial)" in view.pair.together
    assert "EAEU (partial)" in view.status_checked


def test_the_bundled_overview_leads_with_sco_brics_eaeu_and_leaves_the_nam_out():
    bundled = load_package((DEFAULT_DATA_DIR,))
    figure, note, _ = overview.status(bundled, date(2026, 11, 23))
    order = figure.spec["encoding"]["y"]["sort"]
    assert order[:3] == ["SCO", "BRICS", "EAEU (partial)"]
    assert not any(label.startswith("NAM") for label in order)
    assert "Left out for their size: NAM" in note
