"""Coding workspace speed in a real browser, on the full corpus with >= 21,500 codings.

Measures, from the reader's action to the updated screen (headless chromium,
Playwright, the app on 127.0.0.1): opening a ~150-page plan (choosing it in
the plan list), turning a page, and saving a coding. Reports p50/p95 against
the 300 ms target of issue 5 and writes them to benchmarks/RESULTS.md.

Usage: python benchmarks/workspace.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.fixture import bench_database
from benchmarks.results import machine, table, write_section
from coder import store
from tests.browser import chromium_page, streamlit_app

TARGET_MS = 300


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(action, until) -> float:
    """Milliseconds from doing ``action`` until ``until`` returns."""
    started = time.perf_counter()
    action()
    until()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    db_path = bench_database()
    db = store.connect(db_path)
    plans = db.query(
        "SELECT d.id, d.page_count, o.name, d.filename FROM documents d"
        " JOIN organisations o ON o.id = d.organisation_id WHERE d.status = 'ingested'"
        " ORDER BY abs(d.page_count - 150) LIMIT 2"
    )
    big, other = list(plans)
    codings = db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NULL").fetchone()[0]
    db.close()
    opened, turned, saved = [], [], []
    with streamlit_app(db_path) as url, chromium_page() as page:
        page.goto(f"{url}/coderen?lezer=anna&plan={other['id']}&pagina=1")
        page.get_by_text(re.compile(r"Pagina 1 van")).wait_for(timeout=60_000)
        for n in range(args.repeat):  # open a plan: choose it in the plan list
            target = big if n % 2 == 0 else other
            label = f"{target['name']} — {target['filename']}"

            def choose(label: str = label) -> None:
                # the list of 131 plans is virtualised: type to filter, then pick
                page.get_by_role("combobox", name="Plan", exact=True).click()
                page.keyboard.type(label[:40])
                page.get_by_role("option", name=label).click()

            count = target["page_count"]
            opened.append(
                timed(
                    choose,
                    lambda count=count: page.get_by_text(
                        re.compile(rf"Pagina \d+ van {count}\b")
                    ).wait_for(timeout=30_000),
                )
            )
        start = int(re.search(r"Pagina (\d+)", page.inner_text("body")).group(1))
        for n in range(args.repeat):  # turn a page
            nxt = start + n + 1
            turned.append(
                timed(
                    lambda: page.get_by_role("button", name="Volgende →").click(),
                    lambda nxt=nxt: page.get_by_text(re.compile(rf"Pagina {nxt} van")).wait_for(
                        timeout=30_000
                    ),
                )
            )
        for _ in range(args.repeat):  # save a coding
            paragraph = page.locator(".cs-text:visible").nth(1)
            box = paragraph.bounding_box()
            page.mouse.move(box["x"] + 2, box["y"] + 5)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] - 5, steps=3)
            page.mouse.up()
            form = page.locator("[data-testid=stForm]").first
            form.wait_for(timeout=30_000)
            form.locator("[data-testid=stMultiSelect]").click()
            page.keyboard.type("Digitalisering")
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            before = page.locator(".cs-stripe:visible").count()
            saved.append(
                timed(
                    lambda form=form: form.get_by_role("button", name="Codeer").click(),
                    lambda before=before: page.wait_for_function(
                        "n => document.querySelectorAll('.cs-stripe').length > n",
                        arg=before,
                        timeout=30_000,
                    ),
                )
            )
            page.get_by_role("button", name="Volgende →").click()
            page.wait_for_timeout(300)
    rows = []
    for label, values in (
        ("open a plan", opened),
        ("turn a page", turned),
        ("save a coding", saved),
    ):
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        rows.append(
            [label, len(values), f"{p50:.0f}", f"{p95:.0f}", "yes" if p95 < TARGET_MS else "no"]
        )
    body = "\n".join(
        [
            f"Real browser (headless chromium via Playwright), app on 127.0.0.1, database with "
            f"the full sample corpus and {codings:,} codings; plan of {big['page_count']} pages. "
            f"Machine: {machine()}.",
            "",
            table(
                ["action (to updated screen)", "n", "p50 ms", "p95 ms", f"p95 < {TARGET_MS} ms"],
                rows,
            ),
        ]
    )
    write_section("Coding workspace (browser)", body)
    print(body)


if __name__ == "__main__":
    main()
