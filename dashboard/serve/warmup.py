"""A replica's first page, opened by `serve` before any viewer arrives.

A new app process loads and validates the data package on its first session (seconds, for a
large package). `serve` opens one page of each replica over Streamlit's websocket protocol, as a
browser would, so the room that follows finds the package loaded and the overview computed.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

WARM_SECONDS = 300.0  # a first page that takes longer is given up (the replica still serves)


async def _open(address: str, page: str) -> None:
    url = f"ws://{address}/_stcore/stream"
    async with websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, open_timeout=30
    ) as socket:
        message = BackMsg()
        message.rerun_script.page_name = page
        message.rerun_script.query_string = ""
        await socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await socket.recv())
            if reply.WhichOneof("type") == "script_finished":
                return


def _warm(address: str, page: str, seconds: float) -> float | None:
    started = time.perf_counter()
    try:
        asyncio.run(asyncio.wait_for(_open(address, page), seconds))
    except (OSError, TimeoutError, websockets.WebSocketException):
        return None
    return time.perf_counter() - started


def warm(address: str, page: str = "", seconds: float = WARM_SECONDS) -> float | None:
    """Open `page` of the app at `address` (host:port) once; the seconds it took, or None when
    it could not be opened in time. Runs its own event loop in a thread of its own, whatever the
    calling thread is running."""
    with ThreadPoolExecutor(1, thread_name_prefix="warm") as pool:
        return pool.submit(_warm, address, page, seconds).result()
