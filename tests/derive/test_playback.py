"""Playing the years: frames by year or by change, and stepping from any date."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.derive import playback
from tests.conftest import make_spans

SPANS = make_spans(
    ("BLR", "sco", "dialogue_partner", "2009-06-16", "2015-07-10"),
    ("BLR", "sco", "observer", "2015-07-10", "2024-07-04"),
    ("BLR", "sco", "member", "2024-07-04", ""),
    ("IRN", "eaeu", "observer", "2024-12", ""),
    ("XXX", "sco", "member", "2030", ""),  # after the last day: not a frame
)
LAST = date(2026, 3, 1)


def test_change_frames_are_every_start_and_end_then_the_last_day():
    assert playback.dates(SPANS, playback.CHANGE, LAST) == [
        date(2009, 6, 16),
        date(2015, 7, 10),
        date(2024, 7, 4),
        date(2024, 12, 1),  # '2024-12' as the start of its period
        LAST,
    ]


def test_year_frames_start_at_the_first_change_then_every_first_of_january():
    frames = playback.dates(SPANS, playback.YEAR, LAST)
    assert frames[:3] == [date(2009, 6, 16), date(2010, 1, 1), date(2011, 1, 1)]
    assert frames[-2:] == [date(2026, 1, 1), LAST]
    assert len(frames) == 1 + (2026 - 2010 + 1) + 1


def test_no_spans_one_frame():
    assert playback.dates(SPANS.iloc[0:0], playback.YEAR, LAST) == [LAST]


@pytest.mark.parametrize(
    ("current", "following", "preceding"),
    [
        (date(2000, 1, 1), date(2009, 6, 16), None),
        (date(2009, 6, 16), date(2015, 7, 10), None),
        (date(2015, 1, 1), date(2015, 7, 10), date(2009, 6, 16)),
        (date(2024, 7, 4), date(2024, 12, 1), date(2015, 7, 10)),
        (LAST, None, date(2024, 12, 1)),
        (date(2030, 1, 1), None, LAST),
    ],
)
def test_step_forward_and_back_from_any_date(current, following, preceding):
    frames = playback.dates(SPANS, playback.CHANGE, LAST)
    assert playback.next_date(frames, current) == following
    assert playback.previous_date(frames, current) == preceding


def test_play_starts_here_or_from_the_start_when_at_the_end():
    frames = playback.dates(SPANS, playback.CHANGE, LAST)
    assert playback.play_from(frames, date(2015, 1, 1)) == date(2015, 1, 1)
    assert playback.play_from(frames, LAST) == date(2009, 6, 16)
