"""Regenerate docs/screenshots/*.png: the main screens on a small sample corpus.

Run by `make screenshots`. Generates 5 sample plans, ingests them, loads the
default codebook, codes the ground-truth passages of the first plan as reader
"anna", then logs in as anna in headless chromium and saves one PNG per screen.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coder import codebook, coding, store, users  # noqa: E402
from coder.ingest import ingest_paths  # noqa: E402
from coder.sample import generate_corpus  # noqa: E402
from tests.browser import chromium_page, login, streamlit_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "screens-wachtwoord"


def build_database(workdir: Path) -> Path:
    corpus = workdir / "sample"
    generate_corpus(corpus, plans=5, pages=150, seed=3)
    db_path = workdir / "screens.db"
    db = store.connect(db_path)
    ingest_paths(db, [corpus], workers=2)
    codebook.ensure_default_codebook(db)
    users.add_user(db, None, "lead", "admin", PASSWORD)
    for reader in ("anna", "bert"):
        users.add_user(db, "lead", reader, "researcher", PASSWORD)
    first = db.execute("SELECT id, filename, text FROM documents ORDER BY id LIMIT 1").fetchone()
    doc_id, filename, text = first
    squash = re.compile(r"\s+")
    for line in (corpus / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines():
        passage = json.loads(line)
        if passage["document"] != filename or not passage["codes"]:
            continue
        start = text.find(passage["text"][:60])
        if start < 0:
            continue
        end = start + len(squash.sub(" ", passage["text"]))
        coding.create(db, "anna", doc_id, start, min(end, len(text)), passage["codes"][:2])
    db.close()
    return db_path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coder-screens-") as tmp:
        db_path = build_database(Path(tmp))
        with streamlit_app(db_path) as url, chromium_page() as page:
            page.set_viewport_size({"width": 1440, "height": 1000})
            login(page, url, "anna", PASSWORD)  # the corpus page is the default, at /
            page.get_by_text("Organisaties").wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(OUT / "corpus.png"))

            page.goto(f"{url}/coderen?plan=1&pagina=6")
            page.locator(".cs-text:visible").first.wait_for(timeout=60_000)
            paragraph = page.locator(".cs-text:visible").nth(1)
            box = paragraph.bounding_box()
            page.mouse.move(box["x"] + 2, box["y"] + 6)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] - 6, steps=4)
            page.mouse.up()
            page.get_by_text("Nieuw fragment").wait_for(timeout=30_000)
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / "coderen.png"))

            page.goto(f"{url}/zoeken")
            box = page.get_by_label("Zoekterm")
            box.fill("vrijwilligers")
            box.press("Enter")
            page.get_by_text("treffers").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(OUT / "zoeken.png"))

            page.goto(f"{url}/voortgang")
            page.get_by_text("Per lezer en plan").wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(OUT / "voortgang.png"))

            page.goto(f"{url}/codeboek")
            page.wait_for_timeout(4000)
            page.screenshot(path=str(OUT / "codeboek.png"))
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
