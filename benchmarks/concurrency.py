"""A room of viewers: N sessions open a page at once, then each changes one filter.

Runs against the dashboard and, in the same run, against a one-widget Streamlit app (the floor
Streamlit itself sets on this machine) twice: with Streamlit's default settings and with the
dashboard's own server settings (`.streamlit/config.toml`). Speaks Streamlit's websocket protocol
and prints the medians and their ratios. Loopback only; bounded in sessions and time; stops by
itself.

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
                floors[name] = medians(asyncio.run(room(port, "", "w", sessions)))
        rows.append(("one-widget, Streamlit defaults", *floors["defaults"]))
        rows.append(("one-widget, same settings", *floors["settings"]))
        with server(ROOT / "app.py", env, ROOT) as (port, _):
            for spec in args.pages:
                page, key = spec.split(":")
                if args.warm:
                    asyncio.run(room(port, page, key, 1))
                rows.append((f"/{page}", *medians(asyncio.run(room(port, page, key, sessions)))))
    default, same = floors["defaults"], floors["settings"]
    print(f"{sessions} concurrent sessions; medians over sessions (seconds)")
    print(
        f"{'page':32} {'first render':>12} {'filter change':>13} {'vs defaults':>11} "
        f"{'vs same':>9} {'KB':>6} errors"
    )
    for name, first, change, errors, size in rows:
        versus = f"{first / default[0]:.2f}/{change / default[1]:.2f}"
        versus_same = f"{first / same[0]:.2f}/{change / same[1]:.2f}"
        print(
            f"{name:32} {first:12.2f} {change:13.2f} {versus:>11} {versus_same:>9} "
            f"{size / 1024:6.0f} {errors}"
        )
    print(
        "ratios: first render / filter change against a one-widget Streamlit app run with "
        "Streamlit's default settings, and with this app's .streamlit/config.toml"
    )


if __name__ == "__main__":
    main()
