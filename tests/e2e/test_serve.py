"""`python -m dashboard serve`: a room of viewers through nginx and two replicas, for real."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import signal
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.served import Served
from benchmarks.streamlit_client import Session
from dashboard.datapackage.folders import DEFAULT_DATA_DIR
from dashboard.datapackage.load import load_package
from dashboard.serve import nginx
from tests.conftest import alive
from tests.e2e.conftest import open_page
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e

SESSIONS = 20
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ '
    r"upstream=(?P<upstream>\S+) affinity=(?P<affinity>\S+)"
)


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`serve --replicas 2` on the bundled data, on a free loopback port."""
    served = Served(2, tmp_path_factory.mktemp("serve") / "serve.out")
    served.start()
    yield served
    assert served.stop() == 0, served.output()


def requests(served: Served) -> list[dict[str, str]]:
    """The access log's requests, parsed."""
    return [m.groupdict() for m in map(LOG_LINE.search, served.access_log().splitlines()) if m]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Pids of the live processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid and alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def processes_mentioning(text: str) -> list[int]:
    """Pids of processes whose command line contains `text`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if text in command and alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def in_own_thread(make: Callable[[], Coroutine]) -> object:
    """Run a coroutine to its end in a thread of its own: Playwright's sync API may already
    drive an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


async def viewer(served: Served) -> tuple[bool, str]:
    """One viewer: opens /agreements, picks a sector; (no exception, its cookie)."""
    url = served.url.replace("http://", "ws://") + "/_stcore/stream"
    async with Session(url, "agreements") as session:
        first = await session.open()
        change = await session.choose("a-sector")
        return not (first.exception or change.exception), session.cookie


def test_generated_configuration_is_accepted_by_nginx(tmp_path: Path):
    site = nginx.Site("127.0.0.1", 8501, ("127.0.0.1:9001", "127.0.0.1:9002"), tmp_path)
    nginx.write(site)
    nginx.check(nginx.find_nginx(), site)  # raises with nginx's own words if it is refused
    assert {p.name for p in tmp_path.iterdir()} >= {"nginx.conf"}


def test_every_replica_is_warmed_before_serving(room: Served):
    said = room.output()
    serving = said.index(" serving http")
    for number in (1, 2):
        assert said.index(f"replica {number} warmed: first page in ") < serving


def test_twenty_sessions_spread_over_both_replicas(room: Served):
    before = {n: cpu_seconds(pid) for n, pid in room.replica_pids.items()}

    async def crowd() -> list[tuple[bool, str]]:
        return await asyncio.wait_for(asyncio.gather(*(viewer(room) for _ in range(SESSIONS))), 600)

    results = in_own_thread(crowd)
    assert all(ok for ok, _ in results), "a session's page raised an exception"
    cookies = {cookie for _, cookie in results}
    assert len(cookies) == SESSIONS, "every viewer gets its own affinity key"
    assert all(c.startswith(f"{nginx.AFFINITY_COOKIE}=") for c in cookies)

    def streams() -> list[dict[str, str]]:
        return [r for r in requests(room) if r["path"] == "/_stcore/stream"]

    def every_stream() -> list[dict[str, str]] | None:
        found = streams()
        return found if len(found) >= SESSIONS else None

    logged = wait_for(  # a websocket is logged when it closes
        every_stream,
        lambda: f"{SESSIONS} websockets in nginx's access log, found {len(streams())}",
        20,
    )
    assert all(r["status"] == "101" for r in logged)
    replicas = set(room.replica_addresses.values())
    served_by = {r["upstream"] for r in logged}
    assert served_by == replicas, f"websockets reached {served_by}, replicas are {replicas}"
    # both processes did work for the room, not only nginx's bookkeeping
    after = {n: cpu_seconds(pid) for n, pid in room.replica_pids.items()}
    assert all(after[n] - before[n] > 0.2 for n in before), (before, after)
    # affinity: every request carrying one viewer's key reached one replica
    upstreams = defaultdict(set)
    for request in requests(room):
        upstreams[request["affinity"]].add(request["upstream"])
    assert all(len(u) == 1 for u in upstreams.values())
    assert not room.process.poll(), "serve is still running"


def test_csv_download_through_nginx_reaches_the_sessions_replica(page: Page, room: Served):
    open_page(page, f"{room.url}/agreements")
    with page.expect_download() as info:
        page.locator(".st-key-a-table-csv button").click()
    table = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(table)))
    agreements = load_package(DEFAULT_DATA_DIR)["agreements"]
    assert {row["id"] for row in rows} == set(agreements["id"]), "every agreement, in full"

    media = [r for r in requests(room) if r["path"].startswith("/media/")]
    assert media, "the download was fetched from /media/ through nginx"
    download = media[-1]
    assert download["status"] == "200"
    cookie = next(c for c in page.context.cookies() if c["name"] == nginx.AFFINITY_COOKIE)
    assert download["affinity"] == cookie["value"]
    mine = {r["upstream"] for r in requests(room) if r["affinity"] == cookie["value"]}
    assert mine == {download["upstream"]}, "page, websocket and media on one replica"
    # the file lives only in that replica: the other one does not know it
    other = next(a for a in room.replica_addresses.values() if a != download["upstream"])
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://{other}{download['path']}", timeout=10)
    assert refused.value.code == 404


def test_a_dead_replica_is_restarted_and_sigterm_leaves_nothing(tmp_path: Path):
    served = Served(2, tmp_path / "serve.out").start()
    folder = served.folder
    try:
        victim = served.replica_pids[1]
        os.kill(victim, signal.SIGKILL)
        wait_for(
            lambda: "replica 1 ready again" in served.output(),
            lambda: f"serve to restart replica 1; it said:\n{served.output()}",
            90,
        )
        said = served.output()
        assert f"replica 1 (pid {victim}) died (signal SIGKILL)" in said
        restarted = int(re.search(r"replica 1 restarted on \S+ \(pid (\d+)\)", said).group(1))
        assert alive(restarted)
        workers = children(served.nginx_pid)
        assert workers, "nginx runs its worker processes"
        started = [restarted, served.replica_pids[2], served.nginx_pid, *workers]
    finally:
        code = served.stop(signal.SIGTERM)
    assert code == 0, served.output()
    wait_for(
        lambda: not any(alive(pid) for pid in started),
        lambda: f"serve's processes to end; alive: {[pid for pid in started if alive(pid)]}",
        5,
    )
    assert processes_mentioning(str(folder)) == []
    assert not folder.exists(), "its temporary folder is removed"
    assert "Traceback" not in served.output()
