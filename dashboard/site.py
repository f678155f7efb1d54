"""The pages of the app: script, URL path, title and icon, declared once for routes and links."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page: its script, its URL path (`""` is the home page), title and icon."""

    script: str
    url_path: str
    title: str
    icon: str


PAGES: tuple[Page, ...] = (
    Page("dashboard/views/overview.py", "", "Overview", ":material/dashboard:"),
    Page("dashboard/views/memberships.py", "memberships", "Memberships", ":material/groups:"),
    Page("dashboard/views/country.py", "country", "Country profile", ":material/flag:"),
    Page("dashboard/views/changes.py", "changes", "What changed", ":material/update:"),
    Page("dashboard/views/agreements.py", "agreements", "Agreements", ":material/handshake:"),
    Page("dashboard/views/corridor.py", "corridor", "Corridor", ":material/route:"),
    Page("dashboard/views/story.py", "story", "Story", ":material/slideshow:"),
    Page("dashboard/views/sources.py", "sources", "Sources", ":material/menu_book:"),
    Page("dashboard/views/data_quality.py", "data-quality", "Data quality", ":material/rule:"),
)
BY_PATH: dict[str, Page] = {p.url_path: p for p in PAGES}
# The pages a presenter steps through when there is no story, in order.
SEQUENCE: tuple[Page, ...] = tuple(
    BY_PATH[path] for path in ("", "memberships", "agreements", "corridor", "sources")
)
COUNTRY_PAGE = BY_PATH["country"]
DATA_QUALITY_PAGE = BY_PATH["data-quality"]
