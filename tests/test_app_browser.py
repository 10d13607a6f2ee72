"""The app in a real browser: overview, reading a plan page by page, search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coder import store
from coder.ingest import ingest_paths
from tests.browser import chromium_page, streamlit_app
from tests.pdfkit import PdfBuilder, prose

pytestmark = pytest.mark.browser


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
    db.close()
    return db_path


def test_overview_reader_and_search_in_chromium(corpus_db: Path) -> None:
    with streamlit_app(corpus_db) as url, chromium_page() as page:
        page.goto(url)
        page.get_by_text("Organisaties").wait_for(timeout=30_000)
        # the overview table (a canvas grid) lists the plan
        page.get_by_text("vormingplus-test.pdf").first.wait_for(state="attached")
        page.get_by_role("link", name="Lezen").click()
        page.get_by_text("Pagina 1 van").wait_for(timeout=30_000)
        page.get_by_role("heading", name="1 Missie en visie").wait_for()
        page.get_by_text("Alinea 2. De organisatie versterkt").wait_for()
        page.get_by_role("button", name="Volgende →").click()
        page.get_by_text("Pagina 2 van").wait_for(timeout=30_000)
        page.get_by_role("link", name="Zoeken").click()
        box = page.get_by_label("Zoekterm")
        box.fill("vergrijzing")
        box.press("Enter")
        page.get_by_text("treffers").wait_for(timeout=30_000)
        page.get_by_role("button", name="Open in lezer").first.click()
        page.get_by_text(re.compile(r"Pagina \d+ van \d+")).wait_for(timeout=30_000)
        assert "vergrijzing" in page.inner_text("body")
