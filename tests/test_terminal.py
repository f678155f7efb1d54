"""Text from data files printed on a terminal: what could act on it is shown as an escape."""

from __future__ import annotations

import pytest

from dashboard.terminal import UNSAFE, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),  # clear screen, set title
        ("a\nb\r\tc\x00", "a\\nb\\r\\tc\\x00"),
        ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),  # DEL, C1 next line, C1 control sequence introducer
        ("abc\u202egpj.exe", "abc\\u202egpj.exe"),  # right-to-left override
        ("\u2066x\u2069\u200f\u061c", "\\u2066x\\u2069\\u200f\\u061c"),  # isolates and marks
        ("\u2028\u2029\ufeff\u200b", "\\u2028\\u2029\\ufeff\\u200b"),
        ("\udce9", "\\udce9"),  # a lone surrogate would make print() fail
    ],
)
def test_controls_are_escaped(text, shown):
    assert printable(text) == shown


def test_letters_of_every_script_are_left_alone():
    text = "Минск – Каспий – خلیج‌فارس · 上海合作组织 · Côte d'Ivoire · 👩‍👩‍👧 · ½ ‑ —"
    assert printable(text) == text  # the Persian zero-width non-joiner and emoji joiners stay
    assert not UNSAFE.search(text)
