"""Each page's URL parameters (named after data columns) and the widgets they feed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.ui.query import DATE, MULTI, ONE, TEXT, TOKEN, Param

MEMBERSHIPS = (
    Param("organization", "m-org", MULTI),
    Param("country", "m-country", MULTI),
    Param("status", "m-status", MULTI),
    Param("from", "m-from", DATE),
    Param("to", "m-to", DATE),
    Param("q", "m-q", TEXT),
    Param("as_of", "m-as-of", DATE),
    Param("step", "m-step", ONE),
    Param("compare", "m-compare", MULTI),
    Param("sort", "m-sort", ONE),
    Param("order", "m-order", ONE),
)

AGREEMENTS = (
    Param("sector", "a-sector", MULTI),
    Param("party", "a-party", MULTI),
    Param("kind", "a-kind", MULTI),
    Param("status", "a-status", MULTI),
    Param("from", "a-from", DATE),
    Param("to", "a-to", DATE),
    Param("q", "a-q", TEXT),
    Param("sort", "a-sort", ONE),
    Param("order", "a-order", ONE),
)

CORRIDOR = (
    Param("corridor", "c-branch", MULTI),
    Param("mode", "c-mode", MULTI),
    Param("status", "c-status", MULTI),
    Param("layer", "c-layers", MULTI),
    Param("organization", "c-org", ONE),
    Param("as_of", "c-as-of", DATE),
    Param("step", "c-step", ONE),
    Param("from_place", "c-from", ONE),
    Param("to_place", "c-to", ONE),
    Param("route_corridor", "c-route-branch", MULTI),
    Param("prefer", "c-route-by", ONE),
)

OVERVIEW = (Param("as_of", "o-as-of", DATE), Param("step", "o-step", ONE))

COUNTRY = (
    Param("country", "p-country", ONE),
    Param("sort", "p-sort", ONE),
    Param("order", "p-order", ONE),
)

CHANGES = (
    Param("from", "ch-from", DATE),
    Param("to", "ch-to", DATE),
    Param("organization", "ch-org", MULTI),
    Param("country", "ch-country", MULTI),
    Param("kind", "ch-kind", MULTI),
    Param("sort", "ch-sort", ONE),
    Param("order", "ch-order", ONE),
)

STORY = (Param("story", "story-token", TOKEN),)

SOURCES = (
    Param("q", "sources-q", TEXT),
    Param("sort", "sources-sort", ONE),
    Param("order", "sources-order", ONE),
)

DATA_QUALITY = (
    Param("file", "dq-files", MULTI),
    Param("sort", "dq-sort", ONE),
    Param("order", "dq-order", ONE),
)

SORT_ORDERS = ("asc", "desc")

NONE: tuple[Param, ...] = ()


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
