"""Start the Streamlit app on 127.0.0.1 for a browser test, and a headless Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_app(db_path: Path, script: Path = ROOT / "app.py") -> Iterator[str]:
    """Run ``script`` (the app) against ``db_path``; yield its URL; always stop it."""
    port = free_port()
    env = {**os.environ, "CODER_DB": str(db_path)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            # no "file changed, rerun?" prompts while someone edits the sources
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the Streamlit app did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def chromium_page() -> Iterator[object]:
    """A Playwright page in Debian's headless chromium (skips when it is not installed)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                yield page
            except Exception:
                # what the screen said when it went wrong, for the CI log
                text = page.locator("[data-testid=stMain]").inner_text(timeout=5_000)
                print("screen at failure:\n" + text[:2_000], file=sys.stderr)
                raise
        finally:
            browser.close()


def idle(page: object) -> None:
    """Wait until the script run has finished: a widget changed while Streamlit is still
    running the page can be reset when that run completes."""
    # the app root says whether a script run is going on (what Streamlit's own end-to-end
    # tests wait for); the "Running" status widget only shows for longer runs
    page.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(timeout=60_000)


def pick(page: object, combobox: object, *options: str) -> None:
    """Choose options in a Streamlit select box the way a user does: open it, type to
    filter, then click the option once it is shown. Typing and pressing Enter races the
    filter on a slow machine (CI), and long lists are virtualised, so the option must be
    waited for by name."""
    idle(page)
    combobox.click()
    for option in options:
        page.keyboard.type(option)
        page.get_by_role("option", name=option).first.click(timeout=30_000)
    # leave the box with Tab, which closes a multiselect's list too. Not Escape: Streamlit
    # takes Escape as "stop the running script", and the choice has just started a run.
    # And leave it at all: a focused multiselect shrinks on blur, and that layout shift
    # would make the next click (e.g. on the submit button below it) miss.
    page.keyboard.press("Tab")
    page.get_by_role("listbox").wait_for(state="detached", timeout=10_000)


def login(page: object, url: str, name: str, password: str) -> None:
    """Open ``url`` (any page of the app) and log in through the form, as a user does; the
    app then shows the page that was asked for."""
    page.goto(url)
    page.get_by_role("button", name="Inloggen").wait_for(timeout=60_000)
    idle(page)
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Ingelogd als").wait_for(timeout=60_000)
    idle(page)
