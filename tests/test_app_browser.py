"""The app in a real browser (Playwright + Debian's headless chromium).

Open the app, log in, choose a plan, select a fragment with the mouse,
code it with two codes, reload and see it persisted with its highlight, undo
it, then search and code all hits in one action.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coder import codebook, coding, store, users
from coder.ingest import ingest_paths
from tests.browser import chromium_page, login, pick, streamlit_app
from tests.pdfkit import PdfBuilder, prose

pytestmark = pytest.mark.browser
PAGE = re.compile(r"Pagina \d+ van \d+")
PASSWORD = "proef-wachtwoord"


@pytest.fixture
def corpus_db(tmp_path: Path) -> Path:
    pdf = PdfBuilder(tmp_path / "vormingplus-test.pdf", header="Vormingplus Test – Beleidsplan")
    pdf.heading("1 Missie en visie")
    for i in range(10):
        pdf.paragraph(f"Alinea {i * 11 + 2}. " + prose(i, 5))
    pdf.heading("2 Financieel plan")
    pdf.table([["Post", "2021"], ["Personeel", "410.000"]])
    pdf.save()
    db_path = tmp_path / "app.db"
    db = store.connect(db_path)
    ingest_paths(db, [pdf.path], workers=1)
    codebook.ensure_default_codebook(db)
    users.add_user(db, None, "lead", "admin", PASSWORD)
    users.add_user(db, "lead", "anna", "researcher", PASSWORD)
    db.close()
    return db_path


def _live(db_path: Path) -> list[tuple[str, str]]:
    db = store.connect(db_path)
    try:
        return sorted((c.code_id, c.origin) for c in coding.codings(db, 1))
    finally:
        db.close()


def test_code_a_fragment_reload_undo_and_code_all_hits(corpus_db: Path) -> None:
    with streamlit_app(corpus_db) as url, chromium_page() as page:
        login(page, f"{url}/coderen", "anna", PASSWORD)
        page.get_by_text(PAGE).wait_for(timeout=30_000)

        # select the second paragraph with the mouse
        paragraph = page.locator(".cs-text:visible").nth(2)
        paragraph.wait_for()
        box = paragraph.bounding_box()
        page.mouse.move(box["x"] + 2, box["y"] + 6)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] - 6, steps=5)
        page.mouse.up()
        page.get_by_text("Nieuw fragment").wait_for(timeout=15_000)
        form = page.locator("[data-testid=stForm]").first
        pick(page, form.locator("[data-testid=stMultiSelect]"), "Vrijwilligers", "Leerfunctie")
        form.get_by_label("Memo (optioneel)").fill("<script>alert(1)</script>")
        form.get_by_role("button", name="Codeer").click()
        page.locator(".cs-stripe:visible").first.wait_for(timeout=15_000)
        assert _live(corpus_db) == [("leerfunctie", "manual"), ("vrijwilligers", "manual")]

        # persisted: a reload (still logged in: the session cookie) shows the highlight again
        page.reload()
        page.locator(".cs-stripe:visible").first.wait_for(timeout=30_000)
        assert page.locator(".cs-stripe:visible").count() == 2
        assert page.locator(".cs-coded:visible").count() >= 1
        page.locator(".cs-stripe:visible").first.click()
        page.get_by_text("Fragment van anna").wait_for(timeout=15_000)
        page.get_by_text("Memo: <script>alert(1)</script>").wait_for(timeout=15_000)

        # undo the coding
        page.get_by_role("button", name=re.compile("Ongedaan maken: coded 2")).click()
        page.locator(".cs-stripe:visible").first.wait_for(state="detached", timeout=15_000)
        assert _live(corpus_db) == []

        # search and code all hits
        page.get_by_role("link", name="Zoeken").click()
        box = page.get_by_label("Zoekterm")
        box.fill("vergrijzing")
        box.press("Enter")
        page.get_by_text("treffers").first.wait_for(timeout=30_000)
        pick(page, page.get_by_role("combobox", name="Code", exact=True), "Contextanalyse")
        page.get_by_role("button", name="Codeer alle aangevinkte").click()
        page.get_by_text(re.compile(r"\d+ fragmenten gecodeerd")).wait_for(timeout=30_000)
        live = _live(corpus_db)
        assert live and {c for c, _ in live} == {"contextanalyse"}
        assert {o for _, o in live} == {"search"}
