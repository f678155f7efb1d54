"""A room of viewers: N sessions open a page at once, then each changes one filter.

Runs against the dashboard and, in the same run, against a one-widget Streamlit app (the floor
Streamlit itself sets on this machine), over Streamlit's websocket protocol, and prints the
medians and their ratio. Loopback only; bounded in sessions and time; stops by itself.

Usage: python benchmarks/concurrency.py [--sessions 20] [--pages agreements:a-sector ...]
       [--data DIR]  (DASHBOARD_DATA for the dashboard; default: the bundled data/)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, 100))
    env = {"DASHBOARD_DATA": str(args.data)} if args.data else {}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "one_widget.py"
        floor_script.write_text(ONE_WIDGET, encoding="utf-8")
        # the same server settings as the dashboard's: the floor is Streamlit's, not a default's
        (Path(tmp) / ".streamlit").mkdir()
        config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
        (Path(tmp) / ".streamlit" / "config.toml").write_text(config, encoding="utf-8")
        with server(floor_script) as (port, _):
            asyncio.run(room(port, "", "w", 1))  # load Streamlit's own modules once
            floor = medians(asyncio.run(room(port, "", "w", sessions)))
        rows.append(("one-widget app", *floor))
        with server(ROOT / "app.py", env, ROOT) as (port, _):
            for spec in args.pages:
                page, key = spec.split(":")
                if args.warm:
                    asyncio.run(room(port, page, key, 1))
                rows.append((f"/{page}", *medians(asyncio.run(room(port, page, key, sessions)))))
    print(f"{sessions} concurrent sessions; medians over sessions (seconds)")
    print(f"{'page':18} {'first render':>12} {'filter change':>13} {'ratio':>11} {'KB':>7} errors")
    for name, first, change, errors, size in rows:
        ratio = f"{first / floor[0]:.2f}/{change / floor[1]:.2f}"
        print(f"{name:18} {first:12.2f} {change:13.2f} {ratio:>11} {size / 1024:7.0f} {errors}")
    print("ratio: first render / the one-widget app's, filter change / the one-widget app's")


if __name__ == "__main__":
    main()
