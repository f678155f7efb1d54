"""Browser fixtures: a real `streamlit run` on a free loopback port, and Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from dashboard.serve.processes import NotReady, free_port, start_streamlit, stop
from tests.conftest import ROOT

LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-unsafe-swiftshader",
]
# Every host but loopback fails to resolve: proves the app needs no internet.
OFFLINE_ARG = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
STARTUP_SECONDS = 60
expect.set_options(timeout=30_000)


def chromium_path() -> str:
    """$CHROMIUM_PATH, else Debian's /usr/bin/chromium, else fail with what to install."""
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.",
        pytrace=False,
    )


class Server:
    """A running `streamlit run app.py` on loopback; `url` is its base address."""

    def __init__(self, data_dir: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("DASHBOARD_DATA", None)
        if data_dir is not None:
            env["DASHBOARD_DATA"] = str(data_dir)
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"streamlit-{self.port}.log"
        self.log.unlink(missing_ok=True)  # the log is appended to: only this run's lines
        try:
            self.process = start_streamlit(
                "app.py", self.port, self.log, env, ROOT, STARTUP_SECONDS
            )
        except NotReady as failure:
            pytest.fail(str(failure), pytrace=False)

    def stop(self) -> None:
        stop(self.process)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app on the bundled data package."""
    server = Server()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, offline except for loopback."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=chromium_path(), args=[*LAUNCH_ARGS, OFFLINE_ARG]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page, wide enough that the sidebar stays open; fails on outbound requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def open_page(page: Page, url: str) -> None:
    """Go to `url` and wait until the app has finished running its script."""
    page.goto(url)
    wait_idle(page)


def wait_idle(page: Page) -> None:
    """Wait for the app to render and finish running."""
    expect(page.locator('[data-testid="stApp"]')).to_be_visible()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run one after another on one worker (`--dist loadgroup`): each drives a
    server and Chromium, and two at once on two cores would race their own timeouts; the other
    worker takes the rest of the suite meanwhile."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.xdist_group("browser"))
