"""Login in a real browser: the first-run page, a wrong password, a steering member's view,
a reload that keeps the session (its cookie), and logout."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder import store, users
from tests.browser import chromium_page, idle, login, streamlit_app

pytestmark = pytest.mark.browser
PASSWORD = "proef-wachtwoord"


def test_first_run_login_roles_and_logout(tmp_path: Path) -> None:
    db_path = tmp_path / "login.db"
    store.connect(db_path).close()
    with streamlit_app(db_path) as url, chromium_page() as page:
        # a database without users: the first-run page creates the admin and logs them in
        page.goto(url)
        page.get_by_role("button", name="Beheerder aanmaken").wait_for(timeout=60_000)
        idle(page)
        page.get_by_label("Naam").fill("lead")
        page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Beheerder aanmaken").click()
        page.get_by_text("Ingelogd als").wait_for(timeout=60_000)
        assert page.get_by_role("link", name="Coderen").count() == 1
        db = store.connect(db_path)
        users.add_user(db, "lead", "stuur", "steering", PASSWORD)
        db.close()

        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("button", name="Inloggen").wait_for(timeout=60_000)
        idle(page)
        page.get_by_label("Naam").fill("stuur")
        page.get_by_label("Wachtwoord").fill("fout wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_text("Naam of wachtwoord onjuist.").wait_for(timeout=30_000)

        # the steering group reads summaries: no coding pages, no export
        login(page, f"{url}/samenvattingen", "stuur", PASSWORD)
        page.get_by_text("Je bent lid van de stuurgroep").wait_for(timeout=30_000)
        for hidden in ("Coderen", "Zoeken", "Export"):
            assert page.get_by_role("link", name=hidden).count() == 0
        page.reload()  # the session cookie keeps them logged in
        page.get_by_text("Ingelogd als").wait_for(timeout=60_000)
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("button", name="Inloggen").wait_for(timeout=60_000)
        page.reload()  # and after logout a reload does not bring the session back
        page.get_by_role("button", name="Inloggen").wait_for(timeout=60_000)
        assert page.get_by_text("Ingelogd als").count() == 0
