"""What a picker offers for what a reader types: names by the start of their words, codes
(ISO, ids, short names) and acronyms whole, never letters scattered through a name.

"warsaw" finds the Warsaw Treaty Organization, "iran" finds Iran but not Sierra Leone,
"IRN" and "BY" find Iran and Belarus by their codes, "cmea" the Council for Mutual Economic
Assistance by its initials.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import pycountry

WORD = re.compile(r"[^\W_]+")  # a word: letters and digits
# Small words an acronym skips: "Council for Mutual Economic Assistance" is CMEA.
SMALL_WORDS = frozenset(
    {"a", "an", "and", "for", "in", "of", "on", "the", "to", "de", "des", "du", "la", "le", "et"}
)
# How well an option matches, best first.
CODE, CODE_START, NAME_START, WORD_STARTS, INITIALS = range(5)


def fold(text: str) -> str:
    """Lower case without accents: 'Côte' and 'cote' are the same to a search."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def initials(name: str) -> str:
    """The first letters of a name's words, small words left out ('cmea')."""
    words = WORD.findall(fold(name))
    return "".join(w[0] for w in words if w not in SMALL_WORDS)


def rank(query: str, name: str, codes: Iterable[str] = ()) -> int | None:
    """How well `name` (with its `codes`) matches `query`: CODE … INITIALS, or None."""
    wanted = fold(query).strip()
    if not wanted:
        return NAME_START
    codes = [fold(c) for c in codes if c]
    if wanted in codes:
        return CODE
    if len(wanted) >= 2 and any(c.startswith(wanted) for c in codes):
        return CODE_START
    folded = fold(name)
    if folded.startswith(wanted):
        return NAME_START
    words = WORD.findall(folded)
    asked = WORD.findall(wanted)
    if asked and all(any(w.startswith(a) for w in words) for a in asked):
        return WORD_STARTS
    if len(wanted) >= 2 and " " not in wanted and initials(name).startswith(wanted):
        return INITIALS
    return None


def matching(
    query: str, names: Mapping[str, str], codes: Mapping[str, Iterable[str]] | None = None
) -> list[str]:
    """The keys of `names` (key → shown name) that match `query`, best first, then in the
    order given; every key when the query is blank."""
    if not query.strip():
        return list(names)
    codes = codes or {}
    ranked = []
    for position, (key, name) in enumerate(names.items()):
        found = rank(query, name, (key, *codes.get(key, ())))
        if found is not None:
            ranked.append((found, position, key))
    return [key for *_, key in sorted(ranked)]


def country_codes(iso3: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """ISO3 → the codes a reader may type for the country: its ISO 3166-1 alpha-2 code
    ('BY' for BLR) where ISO has one (historic states such as the GDR have none)."""
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    return {code: (alpha2[code],) for code in iso3 if code in alpha2}
