"""A room of viewers: N sessions open a page at once, then each changes one filter.

Runs against the dashboard and, in the same run, against a one-widget Streamlit app (the floor
Streamlit itself sets on this machine) twice: with Streamlit's default settings and with the
dashboard's own server settings (`.streamlit/config.toml`); then through `python -m dashboard
serve` (nginx in front) with 1 and with 2 replicas. Speaks Streamlit's websocket protocol, as a
browser does (the page over HTTP first, for its cookies), and prints the medians and their
ratios. Loopback only; bounded in sessions and time; stops by itself.

Usage: python benchmarks/concurrency.py [--sessions 20] [--pages agreements:a-sector ...]
       [--data DIR]  (DASHBOARD_DATA for the dashboard; default: the bundled data/)
       [--rounds 3]  (rooms per measure, pooled)
       [--replicas 1 2]  (through `serve` with each number of replicas; none: skip; needs nginx)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import Served
from streamlit_client import Render, Session, server, stream_url

ROOT = Path(__file__).resolve().parents[1]
ONE_WIDGET = 'import streamlit as st\n\nst.multiselect("Pick", ["a", "b", "c"], key="w")\n'
RUN_LIMIT = 600.0  # seconds for one whole run of N sessions


async def viewer(port: int, page: str, key: str) -> tuple[Render, Render]:
    async with Session(stream_url(port), page) as session:
        first = await session.open()
        change = await session.choose(key)
        return first, change


async def room(port: int, page: str, key: str, sessions: int) -> list[tuple[Render, Render]]:
    runs = [viewer(port, page, key) for _ in range(sessions)]
    return await asyncio.wait_for(asyncio.gather(*runs), RUN_LIMIT)


def rooms(
    port: int, page: str, key: str, sessions: int, rounds: int
) -> list[tuple[Render, Render]]:
    """`rounds` rooms one after the other; every session of every round, pooled."""
    results = []
    for _ in range(rounds):
        results += asyncio.run(room(port, page, key, sessions))
    return results


def medians(results: list[tuple[Render, Render]]) -> tuple[float, float, int, int]:
    first = statistics.median(r[0].seconds for r in results)
    change = statistics.median(r[1].seconds for r in results)
    errors = sum(r[0].exception or r[1].exception for r in results)
    return first, change, errors, int(statistics.median(r[0].bytes for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument(
        "--pages",
        nargs="+",
        default=["agreements:a-sector", "memberships:m-org"],
        help="PATH:WIDGET_KEY of a multiselect to change",
    )
    parser.add_argument("--data", type=Path, help="package folder (DASHBOARD_DATA)")
    parser.add_argument("--warm", action="store_true", help="one session first, not timed")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rooms per measure, one after the other (pooled)"
    )
    parser.add_argument(
        "--replicas",
        type=int,
        nargs="*",
        default=[1, 2],
        help="also through `python -m dashboard serve --replicas N` (nginx) for each N",
    )
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, 100))
    env = {"DASHBOARD_DATA": str(args.data)} if args.data else {}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        floors = {}
        for name, settings in (("defaults", False), ("settings", True)):
            folder = Path(tmp) / name
            folder.mkdir()
            script = folder / "one_widget.py"
            script.write_text(ONE_WIDGET, encoding="utf-8")
            if settings:  # the dashboard's own server settings (.streamlit/config.toml)
                (folder / ".streamlit").mkdir()
                config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
                (folder / ".streamlit" / "config.toml").write_text(config, encoding="utf-8")
            with server(script) as (port, _):
                asyncio.run(room(port, "", "w", 1))  # load Streamlit's own modules once
                floors[name] = medians(rooms(port, "", "w", sessions, args.rounds))
        rows.append(("one-widget, Streamlit defaults", *floors["defaults"]))
        rows.append(("one-widget, same settings", *floors["settings"]))
        with server(ROOT / "app.py", env, ROOT) as (port, _):
            for spec in args.pages:
                page, key = spec.split(":")
                if args.warm:
                    asyncio.run(room(port, page, key, 1))
                rows.append((f"/{page}", *medians(rooms(port, page, key, sessions, args.rounds))))
        for replicas in args.replicas:
            rows += through_serve(
                replicas, args.pages, sessions, env, Path(tmp), args.warm, args.rounds
            )
    default, same = floors["defaults"], floors["settings"]
    print(
        f"{sessions} concurrent sessions, {args.rounds} rounds; medians over every session "
        "of every round (seconds)"
    )
    print(
        f"{'page':36} {'first render':>12} {'filter change':>13} {'vs defaults':>11} "
        f"{'vs same':>9} {'KB':>6} errors"
    )
    for name, first, change, errors, size in rows:
        versus = f"{first / default[0]:.2f}/{change / default[1]:.2f}"
        versus_same = f"{first / same[0]:.2f}/{change / same[1]:.2f}"
        print(
            f"{name:36} {first:12.2f} {change:13.2f} {versus:>11} {versus_same:>9} "
            f"{size / 1024:6.0f} {errors}"
        )
    print(
        "ratios: first render / filter change against a one-widget Streamlit app run with "
        "Streamlit's default settings, and with this app's .streamlit/config.toml"
    )
    by_name = {row[0]: row for row in rows}
    for spec in args.pages:
        page = spec.split(":")[0]
        one = by_name.get(f"/{page} via nginx, 1 replica")
        for replicas in (n for n in args.replicas if n > 1):
            more = by_name.get(f"/{page} via nginx, {replicas} replicas")
            if one and more:
                print(
                    f"/{page}: {replicas} replicas against 1, through nginx: first render "
                    f"{more[1] / one[1]:.2f}×, filter change {more[2] / one[2]:.2f}×"
                )


def through_serve(
    replicas: int, pages: list[str], sessions: int, env: dict, folder: Path, warm: bool, rounds: int
) -> list[tuple]:
    """The room through `python -m dashboard serve --replicas N` (nginx in front)."""
    rows = []
    label = f"{replicas} replica" + ("s" if replicas > 1 else "")
    with Served(replicas, folder / f"serve-{replicas}.out", env) as served:
        for spec in pages:
            page, key = spec.split(":")
            if warm:  # each replica once, directly: a balanced room then finds them all warm
                for address in served.replica_addresses.values():
                    asyncio.run(room(int(address.rsplit(":", 1)[1]), page, key, 1))
            results = rooms(served.port, page, key, sessions, rounds)
            rows.append((f"/{page} via nginx, {label}", *medians(results)))
    return rows


if __name__ == "__main__":
    main()
