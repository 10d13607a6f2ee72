"""The export page, run headless with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coder import store
from tests.test_exchange_tables import build_corpus

SCRIPT = "from coder.ui import export\nexport.render()\n"


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    db_path = tmp_path / "ui.db"
    db = store.connect(db_path)
    build_corpus(db)
    db.close()
    monkeypatch.setenv("CODER_DB", str(db_path))
    app = AppTest.from_string(SCRIPT, default_timeout=30)
    app.session_state["reader"] = "anna"  # logged in (app.py's gate sets this)
    app.run()
    assert not app.exception
    return app


def test_export_page_filters_and_offers_every_format(page: AppTest) -> None:
    assert page.title[0].value == "Export"
    assert "10 coderingen in 3 documenten van 2 organisaties" in page.markdown[0].value
    buttons = page.get("download_button")
    assert len(buttons) == 5
    page.multiselect[2].set_value(["Buurtwerk Brussel"]).run()  # organisations
    assert "3 coderingen in 1 documenten" in page.markdown[0].value
    page.text_area[0].set_value("regio=Brussel").run()
    assert "unknown attribute 'regio'" in page.error[0].value
