"""Every page renders on any part of the package the validator accepts.

Each table of a copy of the bundled package is damaged in turn: some rows made invalid or left
out (chosen at random with a fixed seed, and the row other tables refer to most), the file
deleted, emptied, or cut short after its header, in the middle of a row or inside a quoted cell.
Then every page is opened on it with typical parameters (the most referred country and
organization, a route, a story), as one viewer moving from page to page: none may show an
exception or a traceback.
"""

from __future__ import annotations

import csv
import random
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.datapackage import cells
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.datapackage.schema import TABLES, TABLES_BY_NAME, Column, Table
from dashboard.ui import story_codec
from tests.conftest import APP_SECONDS, ROOT
from tests.damage import (
    Edit,
    after_header,
    cut_file,
    empty,
    mid_line,
    mid_quote,
    remove_file,
    rewrite,
)
from tests.views.test_pages import PAGES, TITLES

SEED = 20261203
RANDOM_ROWS = 3  # rows of a table damaged at random, besides the one most referred to
BAD = "?!"  # fails every checked cell type but non-empty text


def _written(table: Table) -> list[dict[str, str]]:
    """The rows of the bundled table as written."""
    with (DEFAULT_DATA_DIR / table.file).open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def _most_referred() -> dict[str, str]:
    """Table → the key of its row that the other tables of the bundled package cite most."""
    keys = {t.name: {row[t.key] for row in _written(t)} for t in TABLES if t.key}
    counts: dict[str, Counter] = {name: Counter() for name in keys}
    for table in TABLES:
        rows = _written(table)
        for fk in table.foreign_keys:
            listed = table.column(fk.column).cell in cells.LISTS
            for row in rows:
                cell = row[fk.column]
                for value in cell.split(";") if listed else [cell]:
                    target = next((t for t in fk.targets if value.strip() in keys[t]), None)
                    if target:
                        counts[target][value.strip()] += 1
    return {name: count.most_common(1)[0][0] for name, count in counts.items() if count}


MOST = _most_referred()


def _checked(table: Table, key_too: bool) -> list[Column]:
    """The columns whose cells the validator checks (the key only when `key_too`)."""
    return [
        c
        for c in table.schema
        if c.cell not in ("free", "ref") and (key_too or c.name != table.key)
    ]


def _bad_value(column: Column) -> str:
    return "" if column.cell == "text" else BAD


def _chosen(table: Table, rows: list[dict[str, str]], rng: random.Random) -> list[int]:
    """Positions of RANDOM_ROWS rows at random, then of the row most referred to."""
    picked = rng.sample(range(len(rows)), min(RANDOM_ROWS, len(rows)))
    most = [i for i, row in enumerate(rows) if table.key and row[table.key] == MOST.get(table.name)]
    return picked + [i for i in most if i not in picked]


def invalidate_rows(table: Table) -> Edit:
    """A checked cell of each chosen row made invalid; the most referred row keeps its key, so
    that the rows citing it are kept and have to be shown without it. In a table no other
    cites, some other rows are left out too."""
    rng = random.Random(f"{SEED}-{table.name}-invalid")

    def change(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        if table.name not in MOST:  # no row of it is cited: some rows left out as well
            rows = [row for i, row in enumerate(rows) if i not in _chosen(table, rows, rng)]
        for i in _chosen(table, rows, rng):
            key_too = not (table.key and rows[i][table.key] == MOST.get(table.name))
            column = rng.choice(_checked(table, key_too))
            rows[i][column.name] = _bad_value(column)
        return rows

    return lambda folder: rewrite(folder, table.name, change)


def delete_rows(table: Table) -> Edit:
    """The chosen rows left out of the file."""
    rng = random.Random(f"{SEED}-{table.name}-deleted")

    def change(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        gone = set(_chosen(table, rows, rng))
        return [row for i, row in enumerate(rows) if i not in gone]

    return lambda folder: rewrite(folder, table.name, change)


def each(edits: list[Edit]) -> Edit:
    """The edits one after the other."""

    def edit(folder: Path) -> None:
        for one in edits:
            one(folder)

    return edit


# How a table is damaged. A row that other tables cite most is once made invalid (the rows
# citing it are kept) and once left out; random rows are made invalid and left out alike.
ROWS: dict[str, Callable[[Table], Edit]] = {
    "rows-invalid": invalidate_rows,
    "rows-deleted": delete_rows,
}
FILES: dict[str, Callable[[Table], Edit]] = {
    "file-deleted": lambda t: remove_file(t.name),
    "file-empty": lambda t: cut_file(t.name, empty),
    "cut-after-header": lambda t: cut_file(t.name, after_header),
    "cut-mid-line": lambda t: cut_file(t.name, mid_line(0.6)),
    "cut-mid-quote": lambda t: cut_file(t.name, mid_quote(0.3)),
}
KINDS = {**ROWS, **FILES}
# Tables whose rows no other table cites are damaged together (one package per kind of
# damage), which cannot hide a reference one of them leaves dangling; each table that others
# cite is damaged on its own.
REFERRED = [t for t in TABLES if t.name in MOST]
LEAVES = [t for t in TABLES if t.name not in MOST]
DAMAGES: dict[str, tuple[list[Table], Edit]] = {
    **{
        f"{table.name}-{kind}": ([table], make(table))
        for table in REFERRED
        for kind, make in KINDS.items()
    },
    **{
        f"leaves-{kind}": (LEAVES, each([make(table) for table in LEAVES]))
        for kind, make in {"rows": invalidate_rows, **FILES}.items()
    },
}

STORY = story_codec.encode(
    (
        story_codec.View("Members", f"/memberships?organization={MOST['organizations']}"),
        story_codec.View("A country", f"/country?country={MOST['countries']}"),
    )
)
# Each page with the parameters a shared link typically carries.
QUERIES: dict[str, dict[str, str | list[str]]] = {
    "dashboard/views/overview.py": {},
    "dashboard/views/memberships.py": {
        "organization": [MOST["organizations"], "sco"],
        "compare": ["IRN", "BLR", MOST["countries"]],
    },
    "dashboard/views/agreements.py": {"party": MOST["countries"], "sector": "trade"},
    "dashboard/views/corridor.py": {
        "organization": MOST["organizations"],
        "from_place": "minsk",
        "to_place": "bandar-abbas",
    },
    "dashboard/views/sources.py": {"q": "sco"},
    "dashboard/views/data_quality.py": {},
    "dashboard/views/country.py": {"country": MOST["countries"]},
    "dashboard/views/changes.py": {"from": "2000-01-01", "country": MOST["countries"]},
    "dashboard/views/story.py": {"story": STORY},
}
assert list(QUERIES) == PAGES


def shown_wrong(at: AppTest, page: str) -> list[str]:
    """What the page showed that it must not: an exception, a traceback, another title."""
    wrong = [f"{page}: exception {e.value}" for e in at.exception]
    wrong += [f"{page}: error {e.value}" for e in at.error if "Traceback" in e.value]
    titles = [t.value for t in at.title]
    # a story's link opens the show: its first view, under that view's own title
    expected = "Members" if page == "dashboard/views/story.py" else TITLES[page]
    if titles != [expected]:
        wrong.append(f"{page}: titles {titles}")
    return wrong


def visit(folder: Path, pages: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages opened on the package in `folder`, each with its query, as one viewer moving
    from page to page; what went wrong on each."""
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APP_SECONDS)
    wrong = []
    for page in pages:
        at.query_params.clear()
        at.query_params.update(QUERIES[page])
        if page == PAGES[0]:
            at.run()  # the link the session opens on
        else:
            at.switch_page(page).run()
        wrong += shown_wrong(at, page)
    return wrong


def same_rows(one: Path, other: Path) -> bool:
    """Whether two packages load the same rows, of the same types (their problems may differ)."""
    first, second = load_package(one), load_package(other)
    for name, frame in first.tables.items():
        try:
            pd.testing.assert_frame_equal(frame, second[name])
        except AssertionError:
            return False
    return True


@pytest.fixture(autouse=True)
def _forget_packages():
    from dashboard.ui import cache

    yield
    cache.clear()


def damaged_copy(folder: Path, edit: Edit) -> Path:
    """A copy of the bundled package in `folder`, damaged by `edit`."""
    copy = Path(shutil.copytree(DEFAULT_DATA_DIR, folder))
    edit(copy)
    return copy


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_page_renders_on_a_damaged_table(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    tables, edit = DAMAGES[damage]
    folder = damaged_copy(tmp_path / "data", edit)
    pages = PAGES
    if damage.endswith("-file-empty"):
        # An empty file usually leaves what no file leaves: then only the pages that say what
        # the problems are need to be seen again (the others see the same rows).
        gone = damaged_copy(tmp_path / "gone", each([remove_file(t.name) for t in tables]))
        if same_rows(folder, gone):
            pages = [PAGES[0], "dashboard/views/data_quality.py"]
    assert not visit(folder, pages, monkeypatch)


def test_each_referred_table_has_a_row_cited_most():
    referred = {name for t in TABLES for fk in t.foreign_keys for name in fk.targets}
    assert set(MOST) == referred
    assert set(MOST) <= set(TABLES_BY_NAME)
