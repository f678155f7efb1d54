"""The README says what the code does: its table of page parameters is the pages' declaration."""

from __future__ import annotations

import re

import pytest

from dashboard.site import PAGES, PRESENT, THEME
from tests.conftest import ROOT

README = ROOT / "README.md"


def documented_parameters() -> dict[str, list[str]]:
    """Route → parameter names, from README's 'page | parameters' table (values in parentheses,
    such as a parameter's allowed values, are not names)."""
    text = README.read_text(encoding="utf-8")
    table = text.split("| page | parameters |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.strip().splitlines()[1:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2:
            continue
        route, names = cells[0].strip("`"), re.sub(r"\([^)]*\)", "", cells[1])
        rows[route] = [n.split("=")[0] for n in re.findall(r"`([^`]+)`", names)]
    return rows


def test_the_table_lists_every_page():
    assert set(documented_parameters()) == {f"/{p.url_path}" for p in PAGES} | {"every page"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"/{p.url_path}")
def test_each_page_documents_exactly_its_parameters(page):
    assert documented_parameters()[f"/{page.url_path}"] == [p.name for p in page.params]


def test_presenter_mode_and_theme_are_documented_for_every_page():
    assert documented_parameters()["every page"] == [PRESENT, THEME]
