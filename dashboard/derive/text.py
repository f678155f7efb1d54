"""Plain text from data and links: invisible controls that reorder or hide text removed.

Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a title
read differently from what it holds, and zero-width characters (U+200B, U+2060, U+FEFF) can hide
text or make two titles that look alike differ: both are removed. The zero-width non-joiner
(U+200C) and joiner (U+200D) are kept where they sit between two letters, where Persian, Arabic
and Indic scripts need them; elsewhere they are removed.
"""

from __future__ import annotations

import re

REORDERING = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u2060\ufeff"
JOINERS = "\u200c\u200d"
_DROPPED = re.compile(f"[{REORDERING}{ZERO_WIDTH}]")
_JOINER = re.compile(f"[{JOINERS}]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _joiner(match: re.Match[str]) -> str:
    """A run of joiners, kept (as its first) only between two letters."""
    text, start, end = match.string, match.start(), match.end()
    between = start > 0 and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()
    return match.group()[0] if between else ""


def without_hidden(text: str) -> str:
    """`text` without reordering controls and stray zero-width characters."""
    return _JOINER.sub(_joiner, _DROPPED.sub("", text))


def one_line(text: str) -> str:
    """`text` as one line of plain text: hidden characters removed, controls and runs of
    white space made single spaces, trimmed."""
    return " ".join(_CONTROL.sub(" ", without_hidden(text)).split())
