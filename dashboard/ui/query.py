"""URL ↔ widget state: query parameters named after data columns, data ids as values."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

import pandas as pd

from dashboard.derive.text import without_hidden
from dashboard.site import DATE, MULTI, ONE, PRESENT, TEXT, TOKEN, Param

MAX_TEXT = 200
MAX_TOKEN = 16_000  # a story in one parameter (its own checks refuse a damaged one)

EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)  # range of every date widget
EMPTY: dict[str, Any] = {MULTI: [], ONE: None, DATE: None, TEXT: "", TOKEN: ""}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _parse_date(text: str) -> date | None:
    """A YYYY-MM-DD date the date widgets can show (EARLIEST to LATEST), else None."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def read_query(
    query: Mapping[str, list[str]],
    params: tuple[Param, ...],
    allowed: Mapping[str, Collection[str]],
) -> tuple[dict[str, Any], list[str]]:
    """Widget values (by key) from a query; a notice for each unknown or malformed part."""
    by_name = {p.name: p for p in params}
    values: dict[str, Any] = {}
    notices: list[str] = []
    for name, raw in query.items():
        if name == PRESENT:
            continue
        param = by_name.get(name)
        if param is None:
            notices.append(f"Ignored unknown parameter '{_quoted(name)}'.")
            continue
        value, bad = _read_one(param, raw, allowed.get(param.name))
        unreadable = [b for b in bad if param.kind == DATE and _parse_date(b) is None]
        if unreadable:  # not a date, or one the date widgets cannot show
            notices.append(
                f"Ignored {param.name}={_quoted(', '.join(unreadable))}: not a date from "
                f"{EARLIEST.isoformat()} to {LATEST.isoformat()}."
            )
        bad = [b for b in bad if b not in unreadable]
        if bad:
            notices.append(f"Ignored {param.name}={_quoted(', '.join(bad))}: not a known value.")
        if value != EMPTY[param.kind]:
            values[param.key] = value
    return values, notices


def _quoted(text: str, limit: int = 80) -> str:
    """Part of a query as a notice quotes it: hidden characters removed, cut to `limit`."""
    text = " ".join(without_hidden(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_one(param: Param, raw: list[str], allowed: Collection[str] | None):
    """(value, rejected parts) for one parameter."""
    raw = [r.strip() for r in raw if r.strip()]
    if param.kind == MULTI:
        good = [r for r in dict.fromkeys(raw) if allowed is None or r in allowed]
        return good, [r for r in raw if r not in good]
    if not raw:
        return EMPTY[param.kind], []
    first, extra = raw[0], raw[1:]
    if param.kind == TEXT:
        return first[:MAX_TEXT], extra
    if param.kind == TOKEN:
        return first[:MAX_TOKEN], extra
    if param.kind == DATE:
        parsed = _parse_date(first)
        return parsed, ([first] if parsed is None else []) + extra
    ok = first in allowed if allowed is not None else len(first) <= MAX_TEXT
    return (first if ok else None), ([] if ok else [first]) + extra


def write_query(
    values: Mapping[str, Any], params: tuple[Param, ...], defaults: Mapping[str, Any]
) -> dict[str, list[str]]:
    """Query parameters for the widget values that differ from their defaults."""
    query: dict[str, list[str]] = {}
    for param in params:
        value = values.get(param.key, EMPTY[param.kind])
        if value == defaults.get(param.key, EMPTY[param.kind]) or value in (None, "", [], ()):
            continue
        if param.kind == MULTI:
            query[param.name] = [str(v) for v in value]
        elif param.kind == DATE:
            query[param.name] = [value.isoformat()]
        else:
            query[param.name] = [str(value)]
    return query


MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~<>$:"
WORD_JOINER = "\u2060"  # invisible, and not part of an address: it breaks an autolink
# Where GitHub-flavoured Markdown starts a link in plain text, even escaped: 'http://', 'www.',
# and the '@' of an e-mail address
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally (for labels that render Markdown): no
    formatting, no link (an address in it is broken by an invisible word joiner), and no
    hidden character that reorders it (`without_hidden`)."""
    text = _AUTOLINK.sub(WORD_JOINER, without_hidden(text))
    return "".join(f"\\{ch}" if ch in MARKDOWN_SPECIALS else ch for ch in text)


def with_query(path: str, query: Mapping[str, list[str]]) -> str:
    """`path` with a repeated-key query string (`path` alone when the query is empty)."""
    pairs = [(name, v) for name, vs in query.items() for v in vs]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def view_link(page_url: str, query: Mapping[str, list[str]]) -> str:
    """The address that reopens a view: the page's address and a repeated-key query."""
    return with_query(page_url.split("?")[0].rstrip("/"), query)


def profile_link(code: str, name: str) -> str:
    """The relative link to a country's profile, carrying its name after '#' for display."""
    return f"country?country={quote(code, safe='')}#{quote(name, safe='')}"


def profile_links(codes: pd.Series, names: pd.Series) -> pd.Series:
    """Profile links for a column of ISO3 codes (empty where a row names no country)."""
    return pd.Series(
        [
            profile_link(c, n) if isinstance(c, str) and c else ""
            for c, n in zip(codes, names, strict=True)
        ],
        index=codes.index,
        dtype=object,
    )


def chips(
    values: Mapping[str, Any],
    params: tuple[Param, ...],
    defaults: Mapping[str, Any],
    labels: Mapping[str, Mapping[str, str]],
) -> list[str]:
    """Readable 'name: value' chips for the parameters that differ from their defaults."""
    out = []
    for param in params:
        value = values.get(param.key)
        if value in (None, "", [], ()) or value == defaults.get(param.key):
            continue
        names = labels.get(param.name, {})
        items = value if isinstance(value, list | tuple) else [value]
        shown = [i.isoformat() if isinstance(i, date) else names.get(i, str(i)) for i in items]
        out.append(f"{param.name.replace('_', ' ')}: {', '.join(shown)}")
    return out
