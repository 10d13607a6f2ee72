"""Moving through a plan in a real browser: page buttons, the page box, codings.

Every control must show the page the reader went to after one action (the
page box once lagged a page behind the text), and navigation by coding must
land on the coding's page with the coding opened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coder import codebook, coding, corpus, store, users
from coder.ingest import ingest_paths
from tests.browser import chromium_page, idle, login, streamlit_app
from tests.pdfkit import PdfBuilder, prose

pytestmark = pytest.mark.browser
PASSWORD = "proef-wachtwoord"
PAGES = 5


@pytest.fixture
def plan_db(tmp_path: Path) -> Path:
    pdf = PdfBuilder(tmp_path / "vormingplus-nav.pdf", header="Vormingplus Nav – Beleidsplan")
    for number in range(1, PAGES + 1):
        pdf.heading(f"{number} Hoofdstuk {number}")
        for i in range(3):
            pdf.paragraph(f"Pagina-alinea {number}.{i}. " + prose(number * 7 + i, 4))
        if number < PAGES:
            pdf.new_page()
    pdf.save()
    db_path = tmp_path / "nav.db"
    db = store.connect(db_path)
    ingest_paths(db, [pdf.path], workers=1)
    codebook.ensure_default_codebook(db)
    users.add_user(db, None, "lead", "admin", PASSWORD)
    users.add_user(db, "lead", "anna", "researcher", PASSWORD)
    # one coding on page 4, for "next coding"
    view = corpus.page(db, 1, 4)
    paragraph = view.segments[1]
    coding.create(db, "anna", 1, paragraph.start, paragraph.end, ["vrijwilligers"])
    db.close()
    return db_path


def _shows(page, number: int) -> None:
    page.get_by_text(re.compile(rf"Pagina {number} van {PAGES}")).wait_for(timeout=15_000)
    page.get_by_text(f"Pagina-alinea {number}.0.", exact=False).first.wait_for(timeout=15_000)
    idle(page)
    assert page.get_by_role("spinbutton").input_value() == str(number)


def _select_paragraph(page, n: int) -> None:
    """Drag over the n-th paragraph on screen with the mouse."""
    box = page.locator(".cs-text:visible").nth(n).bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] - 5, steps=3)
    page.mouse.up()


def test_buttons_page_box_and_codings_move_every_control(plan_db: Path) -> None:
    with streamlit_app(plan_db) as url, chromium_page() as page:
        login(page, f"{url}/coderen", "anna", PASSWORD)
        _shows(page, 1)
        assert page.get_by_role("button", name="← Vorige").is_disabled()

        page.get_by_role("button", name="Volgende →").click()
        _shows(page, 2)
        page.get_by_role("button", name="← Vorige").click()
        _shows(page, 1)

        box = page.get_by_role("spinbutton")
        box.fill(str(PAGES))
        box.press("Enter")
        _shows(page, PAGES)
        assert page.get_by_role("button", name="Volgende →").is_disabled()

        # back to the start, then the next coding: page 4, with the fragment opened
        box.fill("1")
        box.press("Enter")
        _shows(page, 1)
        page.get_by_role("button", name="Codering ↓").click()
        _shows(page, 4)
        page.get_by_text("Fragment van anna").wait_for(timeout=15_000)
        page.get_by_role("button", name="Codering ↓").click()
        page.get_by_text("Geen codering meer in die richting.").wait_for(timeout=15_000)
        _shows(page, 4)

        # keyboard: Esc closes the fragment (and is not taken as "stop the run")
        page.keyboard.press("Escape")
        page.get_by_text("Fragment van anna").wait_for(state="detached", timeout=15_000)
        # n / → next page, p / ← previous page, each in one step
        page.get_by_text(re.compile(r"Pagina 4 van")).click()
        page.keyboard.press("n")
        _shows(page, 5)
        page.keyboard.press("ArrowLeft")
        _shows(page, 4)
        # keys pressed faster than pages arrive add up
        page.keyboard.press("p")
        page.keyboard.press("p")
        page.keyboard.press("p")
        _shows(page, 1)
        page.keyboard.press("n")
        page.keyboard.press("n")
        _shows(page, 3)
        page.keyboard.press("n")
        _shows(page, 4)

        # the reader's place is kept: a reload opens the plan at page 4 again
        page.reload()
        _shows(page, 4)


def test_c_puts_the_cursor_in_the_codes_box(plan_db: Path) -> None:
    with streamlit_app(plan_db) as url, chromium_page() as page:
        login(page, f"{url}/coderen", "anna", PASSWORD)
        _shows(page, 1)
        _select_paragraph(page, 1)
        page.get_by_text("Nieuw fragment").wait_for(timeout=15_000)
        idle(page)
        page.keyboard.press("c")
        page.keyboard.type("Vrijwilligers")
        page.get_by_role("option", name="Vrijwilligers").first.click()
        page.keyboard.press("Tab")
        form = page.locator("[data-testid=stForm]").first
        form.get_by_role("button", name="Codeer").click()
        page.locator(".cs-stripe:visible").first.wait_for(timeout=15_000)
        db = store.connect(plan_db)
        try:
            assert sorted(c.code_id for c in coding.codings(db, 1, start=0, end=10**9)) == [
                "vrijwilligers",
                "vrijwilligers",
            ]
        finally:
            db.close()


def test_a_selection_does_not_outlive_its_page(plan_db: Path) -> None:
    with streamlit_app(plan_db) as url, chromium_page() as page:
        login(page, f"{url}/coderen", "anna", PASSWORD)
        _shows(page, 1)
        _select_paragraph(page, 1)
        page.get_by_text("Nieuw fragment").wait_for(timeout=15_000)
        page.get_by_text(re.compile(r"Pagina 1 van")).click()
        page.keyboard.press("n")
        _shows(page, 2)
        assert page.get_by_text("Nieuw fragment").count() == 0
        page.keyboard.press("p")
        _shows(page, 1)  # back where it was made: the selection is gone with the text
        page.get_by_text("Selecteer tekst met de muis").wait_for(timeout=15_000)
        assert page.get_by_text("Nieuw fragment").count() == 0
