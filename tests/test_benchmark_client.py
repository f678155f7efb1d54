"""The benchmarks' protocol client gives up a script run that never finishes, saying which."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import streamlit_client
from benchmarks.streamlit_client import Session


class BusyServer:
    """A websocket whose server keeps sending 'the script is running' and never finishes it."""

    async def send(self, data: bytes) -> None:
        del data

    async def recv(self) -> bytes:
        await asyncio.sleep(0)  # lets the deadline fire; a message at once, even on a busy machine
        msg = ForwardMsg()
        msg.session_status_changed.script_is_running = True
        return msg.SerializeToString()


def test_a_run_that_never_finishes_is_given_up_at_the_deadline(monkeypatch):
    monkeypatch.setattr(streamlit_client, "STEP_TIMEOUT", 1.0)
    session = Session("ws://127.0.0.1:1/_stcore/stream", "agreements", socket=BusyServer())
    with (
        pytest.raises(TimeoutError, match=r"/agreements: .* within 1 s \([1-9]\d* bytes"),
        ThreadPoolExecutor(1) as thread,  # its own event loop, beside Playwright's if one runs
    ):
        thread.submit(asyncio.run, session.open()).result()
