"""Plain text: reordering controls and stray zero-width characters removed, joiners in words
kept."""

from __future__ import annotations

import pytest

from dashboard.derive.text import one_line, without_hidden


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_override_and_isolate_characters_are_removed_from_titles(control: str):
    assert without_hidden(f"SCO{control} summit{control}") == "SCO summit"


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\ufeff"])
def test_zero_width_characters_are_removed_from_titles(hidden: str):
    assert without_hidden(f"{hidden}BR{hidden}ICS{hidden}") == "BRICS"


def test_zero_width_non_joiner_is_kept_between_persian_letters():
    word = "می\u200cخواهم"  # Persian: the ZWNJ belongs inside the word
    assert without_hidden(word) == word
    assert without_hidden("\u200cمی \u200c خواهم\u200c") == "می  خواهم"
    assert without_hidden("a\u200c\u200c\u200db") == "a\u200cb"  # one joiner between letters
    assert without_hidden("1\u200d2") == "12"


def test_one_line_removes_controls_and_hidden_characters():
    assert one_line(" a\n\tb\x00\u202e c\u200b ") == "a b c"
    assert one_line("x\x85y") == "x y"  # C1 controls too
