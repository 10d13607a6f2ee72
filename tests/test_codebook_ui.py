"""The codebook page, run headless with Streamlit's AppTest (no browser needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coder import codebook as cb
from coder import store
from tests.accounts import make_users

DEFAULT = Path(__file__).resolve().parents[1] / "codebook" / "default.yaml"
SCRIPT = "from coder.ui import codebook\ncodebook.render()\n"


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db_path = tmp_path / "ui.db"
    db = store.connect(db_path)
    make_users(db, "an", "redacteur")
    cb.load(db, DEFAULT, actor="an")
    db.close()
    monkeypatch.setenv("CODER_DB", str(db_path))
    app = AppTest.from_string(SCRIPT, default_timeout=30)
    app.session_state["reader"] = "redacteur"  # logged in (app.py's gate sets this)
    app.run()
    assert not app.exception
    return app, db_path


def test_browse_and_search(page) -> None:
    app, _ = page
    assert app.title[0].value == "Codeboek"
    assert "Versie 1 · 30 codes" in app.caption[0].value
    assert [s.value for s in app.subheader][:5] == [
        "Identiteit en strategie",
        "Functies",
        "Rollen",
        "Werking",
        "Zakelijk deel",
    ]
    assert len(app.expander) == 30
    app.text_input[0].set_value("vrijwilligers").run()
    labels = [e.label for e in app.expander]
    assert "Vrijwilligers" in labels and len(labels) < 30


def test_edit_makes_a_version_with_the_user(page) -> None:
    app, db_path = page
    assert not app.expander[0].text_area  # the form opens on demand
    app.expander[0].toggle[0].set_value(True).run()
    form = app.expander[0]
    form.text_area[0].set_value("Een scherpere definitie.")
    form.button[0].click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Versie 2: edit missie")
    db = store.connect(db_path)
    assert cb.get(db, "missie").definition == "Een scherpere definitie."
    assert cb.log(db)[0].actor == "redacteur"


def test_add_from_the_manage_tab(page) -> None:
    app, db_path = page
    inputs = [w for w in app.text_input if w.label.startswith(("Id", "Naam", "Korte"))]
    values = {"Id": "klimaat", "Naam": "Klimaat", "Korte": "Klimaat"}
    for widget in inputs:
        widget.set_value(next(v for k, v in values.items() if widget.label.startswith(k)))
    definition = next(w for w in app.text_area if w.label == "Definitie")
    definition.set_value("Aandacht voor klimaat en duurzaamheid.")
    next(b for b in app.button if b.label == "Toevoegen").click().run()
    assert not app.exception and not app.error
    assert app.success[0].value == "Versie 2: add klimaat"
    assert cb.get(store.connect(db_path), "klimaat").short_name == "Klimaat"


def test_bad_edit_shows_the_problem_and_changes_nothing(page) -> None:
    app, db_path = page
    app.expander[0].toggle[0].set_value(True).run()
    app.expander[0].text_area[0].set_value("")
    app.expander[0].button[0].click().run()
    assert [e.value for e in app.error] == ["code 'missie': definition is missing"]
    assert cb.current_version(store.connect(db_path)) == 1
