"""Text from data files made safe to print on a terminal: control characters (C0, DEL, C1, so
escape sequences too), bidirectional overrides and isolates, invisible marks and line separators
are shown as escapes (`\\x1b`, `\\u202e`, `\\n`) instead of acting on the terminal. Letters of
every script, and the joiners Persian and other scripts need, are left as they are."""

from __future__ import annotations

import re

UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0, DEL and C1 controls: ESC starts the terminal's escape sequences
    "\u061c\u200b\u200e\u200f"  # Arabic letter mark, zero width space, direction marks
    "\u2028-\u202e"  # line and paragraph separators, bidirectional embeddings and overrides
    "\u2060-\u2069"  # word joiner, invisible operators, bidirectional isolates
    "\ufeff\ud800-\udfff]"  # zero width no-break space; lone surrogates cannot be printed at all
)
SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in SHORT:
        return SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal shown as an escape."""
    return UNSAFE.sub(_escape, text)
