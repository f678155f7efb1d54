"""Layered packages: later folders replace rows by key and membership pairs; problems say where."""

from __future__ import annotations

from pathlib import Path

from dashboard.__main__ import main
from dashboard.datapackage.layers import labels, layers_of
from dashboard.datapackage.load import load_package
from tests.conftest import MINI, write_package

SPANS = MINI["memberships"][0]


def base_and_top(tmp_path: Path, top: dict[str, list[str]]) -> tuple[Path, Path]:
    base = write_package(tmp_path / "base")
    folder = tmp_path / "top"
    folder.mkdir()
    for name, lines in top.items():
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return base, folder


def test_spec_splits_on_colons_and_keeps_order(tmp_path):
    folders = layers_of(f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert [f.name for f in folders] == ["a", "b"]
    assert labels(folders) == ["a/", "b/"]
    assert labels(folders[:1]) == [""]


def test_a_row_with_the_same_id_is_replaced(tmp_path):
    organizations = [
        MINI["organizations"][0],
        "sco,Shanghai Cooperation Organisation,SCO,2001-06-15,Beijing,political_security,,"
        "Curated,src-a",
    ]
    base, top = base_and_top(tmp_path, {"organizations": organizations})
    pkg = load_package((base, top))
    orgs = pkg["organizations"].set_index("id")
    assert orgs.loc["sco", "description"] == "Curated"
    assert "eaeu" in orgs.index  # rows the top folder does not have stay
    assert pkg.errors == ()


def test_spans_of_a_pair_in_a_later_folder_replace_every_span_of_that_pair(tmp_path):
    base, top = base_and_top(
        tmp_path, {"memberships": [SPANS, "blr-sco-new,BLR,sco,member,2024-07-04,,,src-a"]}
    )
    pkg = load_package((base, top))
    spans = pkg["memberships"]
    belarus = spans[(spans["country"] == "BLR") & (spans["organization"] == "sco")]
    assert belarus["id"].tolist() == ["blr-sco-new"]  # the three base spans are gone
    assert len(spans[spans["country"] == "IRN"]) == 2  # other pairs untouched
    assert pkg.errors == ()


def test_references_resolve_across_folders(tmp_path):
    base, top = base_and_top(
        tmp_path,
        {
            "sources": [MINI["sources"][0], "src-top,Top,Publisher,,,"],
            "memberships": [SPANS, "rus-eaeu,RUS,eaeu,member,2015,,,src-top"],
        },
    )
    pkg = load_package((base, top))
    assert pkg.errors == ()
    assert "rus-eaeu" in set(pkg["memberships"]["id"])


def test_problems_name_the_folder_they_come_from(tmp_path):
    base, top = base_and_top(tmp_path, {"memberships": [SPANS, "x,BLR,sco,boss,2024,,,src-a"]})
    problems = load_package((base, top)).errors
    assert [(p.file, p.line, p.column) for p in problems] == [("top/memberships.csv", 2, "status")]


def test_cli_validates_layers_and_names_folders(tmp_path, capsys):
    base, top = base_and_top(tmp_path, {"trade": ["year,reporter,partner", "2024,BLR,IRN"]})
    assert main(["validate", f"{base}:{top}"]) == 1
    out = capsys.readouterr().out
    assert "top/trade.csv:1: flow: required column is missing" in out


def test_trade_rows_are_replaced_by_year_reporter_partner_and_flow(tmp_path):
    trade = [MINI["trade"][0], "2024,BLR,IRN,turnover,150000000,Revised,src-a"]
    base, top = base_and_top(tmp_path, {"trade": trade})
    rows = load_package((base, top))["trade"]
    assert rows["value_usd"].tolist() == [150_000_000]
