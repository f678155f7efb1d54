"""A protocol-level Streamlit client: opens a page and changes a widget over `/_stcore/stream`.

It speaks Streamlit's own websocket protocol (subprotocol `streamlit`, protobuf `BackMsg` and
`ForwardMsg` from `streamlit.proto`), so many sessions can load a server without browsers. Used by
`benchmarks/concurrency.py` and `benchmarks/large_package.py`; loopback addresses only.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import StringArray
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from dashboard.serve.processes import free_port, start_streamlit, stop

STEP_TIMEOUT = 180.0  # seconds one render may take before the session gives up
START_SECONDS = 120.0  # from process start to its first healthy answer (a large package loads)
FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_EARLY_FOR_RERUN,
}


@dataclass
class Render:
    """One script run as the client saw it: wall time and bytes received."""

    seconds: float
    bytes: int
    exception: bool = False


@dataclass
class Session:
    """One viewer: a websocket, the page's script hash and the multiselects it has seen."""

    url: str
    page: str
    socket: websockets.ClientConnection | None = None
    cookie: str = ""  # what the page's HTTP answer set (e.g. a balancer's affinity cookie)
    page_hash: str = ""
    multiselects: dict[str, list[str]] = field(default_factory=dict)  # widget id → options

    async def __aenter__(self) -> Session:
        # As a browser does: load the page over HTTP, then open the websocket with its cookies.
        self.cookie = await asyncio.to_thread(page_cookie, page_url(self.url, self.page))
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.socket = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=60,
            additional_headers=headers,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def _run(self, message: BackMsg) -> Render:
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        received, exception = 0, False
        try:
            # one deadline for the whole run, not per message: a server that keeps sending
            # without finishing the script would otherwise hold the session forever
            async with asyncio.timeout(STEP_TIMEOUT):
                while True:
                    raw = await self.socket.recv()
                    received += len(raw)
                    msg = ForwardMsg()
                    msg.ParseFromString(raw)
                    finished = msg.WhichOneof("type") == "script_finished"
                    if finished and msg.script_finished in FINISHED:
                        return Render(time.perf_counter() - started, received, exception)
                    exception |= self._note(msg)
        except TimeoutError:
            raise TimeoutError(
                f"/{self.page}: its script run did not finish within {STEP_TIMEOUT:g} s "
                f"({received} bytes received)"
            ) from None

    def _note(self, msg: ForwardMsg) -> bool:
        """Keep what a message says of the page (its hash, its multiselects); whether it shows
        an exception."""
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            for page in msg.navigation.app_pages:
                if page.url_pathname == self.page:
                    self.page_hash = page.page_script_hash
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "multiselect":
                self.multiselects[element.multiselect.id] = list(element.multiselect.options)
            return element.WhichOneof("type") == "exception"
        return False

    async def open(self) -> Render:
        """Run the page's script as a browser opening its URL does."""
        message = BackMsg()
        message.rerun_script.page_name = self.page
        message.rerun_script.query_string = ""
        return await self._run(message)

    async def choose(self, key: str, option_index: int = 0) -> Render:
        """Pick one option in the multiselect whose widget key is `key`, and rerun."""
        widget = next(w for w in self.multiselects if w.endswith(f"-{key}") or w == key)
        option = self.multiselects[widget][option_index]
        state = WidgetState(id=widget, string_array_value=StringArray(data=[option]))
        message = BackMsg()
        message.rerun_script.page_script_hash = self.page_hash
        message.rerun_script.page_name = self.page
        message.rerun_script.widget_states.CopyFrom(WidgetStates(widgets=[state]))
        return await self._run(message)


def page_url(stream: str, page: str) -> str:
    """The page's HTTP address for the websocket address `stream`."""
    base = stream.replace("ws://", "http://", 1).removesuffix("/_stcore/stream")
    return f"{base}/{page}"


def page_cookie(url: str) -> str:
    """GET `url`; return the cookies its answer set, as a Cookie header value."""
    with urllib.request.urlopen(url, timeout=STEP_TIMEOUT) as reply:
        reply.read()
        cookies = reply.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0].strip() for cookie in cookies)


@contextlib.contextmanager
def server(script: Path, env: dict[str, str] | None = None, cwd: Path | None = None):
    """Run `streamlit run script` on a free loopback port; yield the port; stop it after."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="streamlit-") as folder:
        process = start_streamlit(
            script,
            port,
            Path(folder) / "streamlit.log",
            {**os.environ, **(env or {})},
            cwd or script.parent,
            START_SECONDS,
            "--server.fileWatcherType",
            "none",
        )
        try:
            yield port, process
        finally:
            stop(process)


def stream_url(port: int) -> str:
    return f"ws://127.0.0.1:{port}/_stcore/stream"


def resident_mib(pid: int) -> float:
    """Resident memory of a process, in MiB (Linux)."""
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
