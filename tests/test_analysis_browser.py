"""The code view in a real browser: fragments by organisation, a filter, a key quote, and
"Open in plan" landing in the coding workspace at the fragment's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from coder import store, users
from tests.browser import chromium_page, idle, login, pick, streamlit_app
from tests.test_analysis_corpus import build

pytestmark = pytest.mark.browser
PASSWORD = "proef-wachtwoord"


@pytest.fixture
def corpus_db(tmp_path: Path) -> Path:
    db_path = tmp_path / "analysis.db"
    db = store.connect(db_path)
    build(db)
    users.add_user(db, None, "lead", "admin", PASSWORD)
    users.set_password(db, "lead", "anna", PASSWORD)
    db.close()
    return db_path


def _key_quotes(db_path: Path) -> list[tuple[str, int]]:
    db = store.connect(db_path)
    try:
        return db.execute(
            "SELECT code_id, coding_id FROM key_quotes WHERE removed_at IS NULL"
        ).fetchall()
    finally:
        db.close()


def test_code_view_filter_key_quote_and_open_in_plan(corpus_db: Path) -> None:
    with streamlit_app(corpus_db) as url, chromium_page() as page:
        login(page, f"{url}/analyse?code=vrijwilligers", "anna", PASSWORD)
        page.get_by_text("4 fragmenten").wait_for(timeout=30_000)
        for name in ("Alfa", "Beta", "Gamma"):
            page.get_by_role("heading", name=name).wait_for(timeout=30_000)
        assert page.get_by_role("heading", name="Delta").count() == 0
        page.get_by_text("Wij werken met vrijwilligers.").first.wait_for(timeout=30_000)

        # filter on region: Beta (Limburg) goes
        idle(page)
        page.get_by_text("Filters en sortering").click()
        region = page.get_by_role("combobox", name="Regio")
        pick(page, region, "Antwerpen")
        chosen = page.locator("[data-testid=stMultiSelect]").filter(has_text="Regio")
        try:
            chosen.filter(has_text="Antwerpen").wait_for(timeout=5_000)
        except PlaywrightTimeout:
            # seen on CI only, not explained yet: the first choice in this box right after
            # login did not show; the reader picks again (see the issue note)
            pick(page, region, "Antwerpen")
        page.get_by_text("3 fragmenten").wait_for(timeout=30_000)
        page.get_by_role("heading", name="Beta").wait_for(state="detached", timeout=30_000)

        # one extra sentence of context around each fragment
        idle(page)
        context = page.get_by_label("Extra zinnen context")
        context.fill("1")
        context.press("Enter")
        page.get_by_text("Onze afdelingen werken lokaal.").first.wait_for(timeout=30_000)

        # mark the first fragment as a key quote
        idle(page)
        page.get_by_role("button", name="★ Kerncitaat").first.click()
        page.get_by_role("button", name="☆ Geen kerncitaat").wait_for(timeout=30_000)
        assert len(_key_quotes(corpus_db)) == 1 and _key_quotes(corpus_db)[0][0] == "vrijwilligers"

        # open the Gamma fragment in the coding workspace, at its page
        idle(page)
        page.get_by_role("button", name="Open in plan").last.click()
        page.get_by_text("Pagina 1 van 2").wait_for(timeout=30_000)
        assert "/coderen" in page.url
        page.get_by_text("Vrijwilligers trekken de afdelingen.").first.wait_for(timeout=30_000)
