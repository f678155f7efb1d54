"""The pages of the app: script, URL path, title, icon and URL parameters, declared once for the
routes, the links, the widgets and the docs.

A page's parameters are named after the data columns they filter (`sector`, `party`, `as_of`);
each feeds one widget, whose key (`a-sector`) views, tests and browser tests find it by.
"""

from __future__ import annotations

from dataclasses import dataclass

MULTI, ONE, DATE, TEXT, TOKEN = "multi", "one", "date", "text", "token"
PRESENT = "present"  # presenter mode; valid on every page
# The theme a link opens in (`light_theme` or `dark_theme`): Streamlit's own parameter, read by
# the browser before the first paint and kept by Streamlit across reruns and pages.
THEME = "embed_options"


@dataclass(frozen=True)
class Param:
    """One query parameter: its URL name, the widget key it feeds, and the kind of value."""

    name: str
    key: str
    kind: str


@dataclass(frozen=True)
class Page:
    """One page: its script, its URL path (`""` is the home page), title, icon and parameters."""

    script: str
    url_path: str
    title: str
    icon: str
    params: tuple[Param, ...] = ()

    @property
    def keys(self) -> dict[str, str]:
        """Parameter name → the key of the widget it feeds."""
        return {p.name: p.key for p in self.params}


def _params(prefix: str, *specs: tuple[str, str] | tuple[str, str, str]) -> tuple[Param, ...]:
    """Parameters from (name, kind) or (name, kind, key suffix); keys are `<prefix>-<suffix>`."""
    made = []
    for name, kind, *suffix in specs:
        made.append(Param(name, f"{prefix}-{suffix[0] if suffix else name}", kind))
    return tuple(made)


SORTING = (("sort", ONE), ("order", ONE))  # the order of a page's table
SORT_ORDERS = ("asc", "desc")

PAGES: tuple[Page, ...] = (
    Page(
        "dashboard/views/overview.py",
        "",
        "Overview",
        ":material/dashboard:",
        _params("o", ("as_of", DATE, "as-of"), ("step", ONE)),
    ),
    Page(
        "dashboard/views/memberships.py",
        "memberships",
        "Memberships",
        ":material/groups:",
        _params(
            "m",
            ("organization", MULTI, "org"),
            ("country", MULTI),
            ("status", MULTI),
            ("from", DATE),
            ("to", DATE),
            ("q", TEXT),
            ("include", ONE),
            ("as_of", DATE, "as-of"),
            ("step", ONE),
            ("compare", MULTI),
            *SORTING,
        ),
    ),
    Page(
        "dashboard/views/country.py",
        "country",
        "Country profile",
        ":material/flag:",
        _params("p", ("country", ONE), *SORTING),
    ),
    Page(
        "dashboard/views/changes.py",
        "changes",
        "What changed",
        ":material/update:",
        _params(
            "ch",
            ("from", DATE),
            ("to", DATE),
            ("organization", MULTI, "org"),
            ("country", MULTI),
            ("kind", MULTI),
            *SORTING,
        ),
    ),
    Page(
        "dashboard/views/agreements.py",
        "agreements",
        "Agreements",
        ":material/handshake:",
        _params(
            "a",
            ("sector", MULTI),
            ("party", MULTI),
            ("kind", MULTI),
            ("status", MULTI),
            ("from", DATE),
            ("to", DATE),
            ("q", TEXT),
            *SORTING,
        ),
    ),
    Page(
        "dashboard/views/corridor.py",
        "corridor",
        "Corridor",
        ":material/route:",
        _params(
            "c",
            ("corridor", MULTI, "branch"),
            ("mode", MULTI),
            ("status", MULTI),
            ("layer", MULTI, "layers"),
            ("organization", ONE, "org"),
            ("as_of", DATE, "as-of"),
            ("step", ONE),
            ("from_place", ONE, "from"),
            ("to_place", ONE, "to"),
            ("route_corridor", MULTI, "route-branch"),
            ("prefer", ONE, "route-by"),
        ),
    ),
    Page(
        "dashboard/views/story.py",
        "story",
        "Story",
        ":material/slideshow:",
        _params("story", ("story", TOKEN, "token")),
    ),
    Page(
        "dashboard/views/sources.py",
        "sources",
        "Sources",
        ":material/menu_book:",
        _params("sources", ("q", TEXT), *SORTING),
    ),
    Page(
        "dashboard/views/data_quality.py",
        "data-quality",
        "Data quality",
        ":material/rule:",
        _params("dq", ("file", MULTI, "files"), *SORTING),
    ),
)
BY_PATH: dict[str, Page] = {p.url_path: p for p in PAGES}
# The pages a presenter steps through when there is no story, in order.
SEQUENCE: tuple[Page, ...] = tuple(
    BY_PATH[path] for path in ("", "memberships", "agreements", "corridor", "sources")
)
DATA_QUALITY_PAGE = BY_PATH["data-quality"]
