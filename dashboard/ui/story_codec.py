"""Stories for presenters: an ordered list of saved views, as a link token or a small file.

A view is a title and the app-relative link that reopens it (`/memberships?organization=sco`).
A story travels without any server-side storage: in one URL parameter (compressed JSON in
URL-safe base64) or in a JSON file. Anything that does not decode into a valid story is
refused with a `StoryError` saying why, in words of its own (never quoting the input); nothing
from it is used. Size and nesting are bounded before the JSON is parsed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from dashboard.derive.text import one_line, without_hidden
from dashboard.site import BY_PATH, MULTI, PRESENT
from dashboard.ui.query import MAX_TOKEN, with_query

FORMAT = "eurasia-dashboard-story"
VERSION = 1
MAX_VIEWS = 40
MAX_TITLE = 120  # characters
MAX_LINK = 2000  # characters
MAX_FILE = 64_000  # bytes of a story file
MAX_DEPTH = 6  # nesting of arrays and objects (a story nests three deep)
_PATH = re.compile(r"^/[a-z0-9-]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class StoryError(ValueError):
    """Input that is not a valid story; the message says what is wrong, in plain words."""


@dataclass(frozen=True)
class View:
    """One saved view: what the presenter calls it, and the link that reopens it."""

    title: str
    link: str


def view_link(url_path: str, query: dict[str, list[str]]) -> str:
    """The app-relative link of a page (`""` is the home page) with its query parameters."""
    return with_query(f"/{url_path}", query)


def split_link(link: str) -> tuple[str, dict[str, list[str]]]:
    """The page's URL path (no slash) and query parameters (repeated keys kept) of a link."""
    parts = urlsplit(link)
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        query.setdefault(name, []).append(value)
    return parts.path.lstrip("/"), query


def _view_key(link: str) -> tuple[str, frozenset]:
    """What a link opens: its page, and each parameter's values (in any order for a parameter
    that holds a set, in their order otherwise); presenter mode aside."""
    path, query = split_link(link)
    page = BY_PATH.get(path)
    kinds = {p.name: p.kind for p in page.params} if page else {}
    return path, frozenset(
        (name, tuple(sorted(values)) if kinds.get(name) == MULTI else tuple(values))
        for name, values in query.items()
        if name != PRESENT
    )


def same_view(link: str, other: str) -> bool:
    """Whether two app links open the same view, whatever the order of their parameters."""
    return link == other or _view_key(link) == _view_key(other)


def check_link(link: object) -> str:
    """The link if it reopens a page of this app (`/path?query`), else StoryError."""
    if not isinstance(link, str) or not link or len(link) > MAX_LINK:
        raise StoryError("a view's link is missing or too long")
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or _CONTROL.search(link) or "\\" in link:
        raise StoryError("a view's link is not a link to a page of this dashboard")
    if not _PATH.match(parts.path) or without_hidden(link) != link:
        raise StoryError("a view's link is not a link to a page of this dashboard")
    return link


def check_title(title: object) -> str:
    """A title as plain one-line text (no hidden characters: `one_line`), trimmed to
    MAX_TITLE characters."""
    if not isinstance(title, str):
        raise StoryError("a view's title is not text")
    return one_line(title)[:MAX_TITLE] or "Untitled view"


def nesting(text: str) -> int:
    """How deep the arrays and objects of JSON text nest (brackets inside strings aside),
    counted without parsing it: deeply nested input would exhaust the parser's stack."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _json(text: str, refusal: str) -> object:
    """Parsed JSON of bounded nesting; StoryError(refusal) for anything else."""
    if nesting(text) > MAX_DEPTH:
        raise StoryError(refusal)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # UnicodeDecodeError, JSONDecodeError are ValueErrors
        raise StoryError(refusal) from None


def _views(data: object) -> tuple[View, ...]:
    """Views from decoded JSON: {"views": [{"title": …, "link": …}, …]}."""
    if not isinstance(data, dict) or not isinstance(data.get("views"), list):
        raise StoryError("this is not a story: it has no list of views")
    if data.get("version", VERSION) != VERSION:
        raise StoryError("the story's version is not one this app reads")
    items = data["views"]
    if len(items) > MAX_VIEWS:
        raise StoryError(f"a story holds at most {MAX_VIEWS} views; this one has {len(items)}")
    views = []
    for item in items:
        if not isinstance(item, dict):
            raise StoryError("a view is not a title and a link")
        views.append(View(check_title(item.get("title")), check_link(item.get("link"))))
    return tuple(views)


def _data(views: tuple[View, ...]) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "views": [{"title": v.title, "link": v.link} for v in views],
    }


def encode(views: tuple[View, ...]) -> str:
    """The story as one URL-safe token (compressed JSON, base64 without padding)."""
    raw = json.dumps(_data(views), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode(token: str) -> tuple[View, ...]:
    """The story a token holds; StoryError when it is damaged, too big or not a story."""
    token = token.strip()
    if not token:
        raise StoryError("the story is empty")
    if len(token) > MAX_TOKEN:
        raise StoryError("the story link is too long")
    damaged = "the story link is damaged (it may have been cut short)"
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_FILE)
    except (binascii.Error, zlib.error, ValueError):
        raise StoryError(damaged) from None
    if inflater.unconsumed_tail:
        raise StoryError("the story is too big")
    if not inflater.eof:
        raise StoryError(damaged)
    try:
        text = raw.decode("utf-8")
    except ValueError:
        raise StoryError(damaged) from None
    return _views(_json(text, damaged))


def to_file(views: tuple[View, ...]) -> bytes:
    """The story as a small, readable JSON file."""
    return json.dumps(_data(views), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def from_file(content: bytes) -> tuple[View, ...]:
    """The story in a file written by `to_file`; StoryError for anything else."""
    if len(content) > MAX_FILE:
        raise StoryError("the file is too big to be a story")
    refusal = "the file is not a story: it is not JSON"
    try:
        text = content.decode("utf-8-sig")
    except ValueError:
        raise StoryError(refusal) from None
    data = _json(text, refusal)
    if isinstance(data, dict) and data.get("format", FORMAT) != FORMAT:
        raise StoryError("the file is not a story of this dashboard")
    return _views(data)


def neighbours(count: int, at: int | None) -> tuple[int | None, int | None]:
    """The views before and after view `at` of `count` (None at either end); from outside the
    story (`at` None) the next view is the first."""
    if at is None:
        return None, (0 if count else None)
    return (at - 1 if at > 0 else None), (at + 1 if at + 1 < count else None)


def add(views: tuple[View, ...], view: View) -> tuple[View, ...]:
    """The story with `view` at the end (at most MAX_VIEWS views)."""
    if len(views) >= MAX_VIEWS:
        raise StoryError(f"a story holds at most {MAX_VIEWS} views")
    return (*views, View(check_title(view.title), check_link(view.link)))


def move(views: tuple[View, ...], index: int, step: int) -> tuple[View, ...]:
    """The story with view `index` moved `step` places (-1 up, +1 down), within bounds."""
    target = index + step
    if not (0 <= index < len(views) and 0 <= target < len(views)):
        return views
    order = list(views)
    order[index], order[target] = order[target], order[index]
    return tuple(order)


def remove(views: tuple[View, ...], index: int) -> tuple[View, ...]:
    """The story without view `index`."""
    return tuple(v for i, v in enumerate(views) if i != index)


def retitle(views: tuple[View, ...], index: int, title: str) -> tuple[View, ...]:
    """The story with view `index` renamed."""
    return tuple(View(check_title(title), v.link) if i == index else v for i, v in enumerate(views))
