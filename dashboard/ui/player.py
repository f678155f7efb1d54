"""Play the years: an as-of date with play, step back and step forward, in a timed fragment.

While playing, only the section reruns (a fragment with `run_every`): it moves the date to the
next frame, redraws, and writes the date into the address, so a paused frame is a link. A
click on a control (or on any widget of the section that asks for it) reruns the whole page,
which starts or stops the timer and keeps the sidebar and the share link in step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from dashboard.derive import playback
from dashboard.site import Page
from dashboard.ui import page

INTERVAL = 1.6  # seconds between frames: time to read a frame, and a cheap rerun on 2 cores


@dataclass(frozen=True)
class Player:
    """One page's player: the page (its `as_of` and `step` widgets, its parameters for the
    address) and the keys of the player's own controls."""

    prefix: str  # the controls' widget keys: <prefix>-play, <prefix>-back, <prefix>-forward…
    page: Page
    defaults: Mapping[str, Any]
    dates: Callable[[str], list[date]]  # step ("year" or "change") → the dates to play

    @property
    def date_key(self) -> str:
        return self.page.keys["as_of"]

    @property
    def step_key(self) -> str:
        return self.page.keys["step"]

    @property
    def playing_key(self) -> str:
        return f"{self.prefix}-playing"

    def redo(self) -> None:
        """Callback: the next run of the section reruns the whole page instead."""
        st.session_state[f"_{self.prefix}-redo"] = True


def section(player: Player, body: Callable[[date], None]) -> None:
    """Controls, then `body(day)`: the part of a page that follows the as-of date."""
    state = st.session_state
    state[f"_{player.prefix}-full"] = True  # this run is the whole page's, not a timer's
    every = INTERVAL if state.get(player.playing_key) else None
    st.fragment(_run, run_every=every)(player, body)


def _run(player: Player, body: Callable[[date], None]) -> None:
    state = st.session_state
    if state.pop(f"_{player.prefix}-redo", False):
        st.rerun(scope="app")
    timer = not state.pop(f"_{player.prefix}-full", False)
    if timer and state.get(player.playing_key):
        following = playback.next_date(player.dates(_step(player)), _day(player))
        if following is None:  # the last frame was shown: stop, and stop the timer
            state[player.playing_key] = False
            st.rerun(scope="app")
        state[player.date_key] = following
    _controls(player)
    body(_day(player))
    if timer:
        page.write_url(player.page.params, player.defaults)


def _day(player: Player) -> date:
    return st.session_state.get(player.date_key) or date.today()  # a cleared field: today


def _step(player: Player) -> str:
    return st.session_state.get(player.step_key) or playback.YEAR


def _move(player: Player, direction: int) -> None:
    """Callback of the step buttons: the previous or next frame, paused."""
    dates = player.dates(_step(player))
    pick = playback.next_date if direction > 0 else playback.previous_date
    target = pick(dates, _day(player))
    state = st.session_state
    if target is not None:
        state[player.date_key] = target
    state[player.playing_key] = False
    player.redo()


def _toggle(player: Player) -> None:
    """Callback of play/pause: playing starts here, or from the first frame at the end."""
    state = st.session_state
    playing = not state.get(player.playing_key, False)
    if playing:
        state[player.date_key] = playback.play_from(player.dates(_step(player)), _day(player))
    state[player.playing_key] = playing
    player.redo()


def _controls(player: Player) -> None:
    playing = st.session_state.get(player.playing_key, False)
    # presenting: one short row, without the labels (the date and the steps say what they are)
    compact = page.presenting()
    labels = "collapsed" if compact else "visible"
    row = st.container(horizontal=True, vertical_alignment="bottom", key=f"{player.prefix}-player")
    with row:
        st.date_input(
            "As of",
            min_value=page.EARLIEST,
            max_value=page.LATEST,
            key=player.date_key,
            on_change=player.redo,
            width=160 if compact else 170,
            label_visibility=labels,
        )
        st.button(
            "" if compact else "Back",
            icon=":material/skip_previous:",
            key=f"{player.prefix}-back",
            help="Step back to the previous frame",
            on_click=_move,
            args=(player, -1),
        )
        st.button(
            "Pause" if playing else "Play",
            icon=":material/pause:" if playing else ":material/play_arrow:",
            type="primary",
            key=f"{player.prefix}-play",
            help="Step through the years; the date in the address follows, so a paused frame "
            "is a link",
            on_click=_toggle,
            args=(player,),
        )
        st.button(
            "" if compact else "Forward",
            icon=":material/skip_next:",
            key=f"{player.prefix}-forward",
            help="Step forward to the next frame",
            on_click=_move,
            args=(player, 1),
        )
        st.radio(
            "Step",
            list(playback.STEPS),
            format_func=playback.STEPS.get,
            horizontal=True,
            key=player.step_key,
            on_change=player.redo,
            width="content",
            label_visibility=labels,
        )
