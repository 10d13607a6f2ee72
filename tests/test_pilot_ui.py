"""The pilot page, run headless with Streamlit's AppTest on a tiny hand-made pilot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coder import codebook, coding, pilot, store
from tests.accounts import make_users

SCRIPT = "from coder.ui import pilot\npilot.render()\n"
SENTENCES = [
    "Wij werken met vrijwilligers.",
    "Zij dragen de lokale afdelingen.",
    "Onze missie is mensen verbinden.",
    "De begroting is sluitend.",
]


def add_plan(db, name: str, region: str) -> int:
    """One plan of one paragraph of four sentences, stored as ingest would."""
    text = " ".join(SENTENCES)
    org = (
        db["organisations"]
        .insert(
            {
                "name": name,
                "functions": json.dumps(["leerfunctie"]),
                "region": region,
                "source": "manifest",
            }
        )
        .last_pk
    )
    doc = (
        db["documents"]
        .insert(
            {
                "organisation_id": org,
                "path": f"/plans/{name}.pdf",
                "filename": f"{name}.pdf",
                "status": "ingested",
                "text": text,
                "page_count": 1,
            }
        )
        .last_pk
    )
    seg = (
        db["segments"]
        .insert(
            {
                "document_id": doc,
                "seq": 0,
                "kind": "paragraph",
                "page": 1,
                "page_end": 1,
                "start": 0,
                "end": len(text),
                "text": text,
            }
        )
        .last_pk
    )
    db["pages"].insert({"document_id": doc, "number": 1, "start": 0, "end": len(text)})
    position = 0
    for n, sentence in enumerate(SENTENCES):
        start = text.index(sentence, position)
        position = start + len(sentence)
        db["sentences"].insert(
            {
                "document_id": doc,
                "segment_id": seg,
                "seq": n,
                "start": start,
                "end": position,
                "text": sentence,
            }
        )
    return doc


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "ui.db"
    db = store.connect(path)
    codebook.ensure_default_codebook(db)
    with store.transaction(db):
        docs = [
            add_plan(db, name, region)
            for name, region in [("alfa", "Antwerpen"), ("beta", "Limburg"), ("gamma", "Brussel")]
        ]
    make_users(db, "anna", "bert", role="researcher")
    make_users(db, "lead")  # the admin who runs the pilot
    pilot.create(db, "lead", "proef", plans=3, coders=["anna", "bert"], seed=1)
    text = " ".join(SENTENCES)
    for doc in docs:
        coding.create(db, "anna", doc, 0, len(SENTENCES[0]), ["vrijwilligers"])
        coding.create(
            db, "bert", doc, 0, len(SENTENCES[0]) + 1 + len(SENTENCES[1]), ["vrijwilligers"]
        )
        start = text.index(SENTENCES[2])
        coding.create(db, "anna", doc, start, start + len(SENTENCES[2]), ["missie"])
        coding.create(db, "bert", doc, start, start + len(SENTENCES[2]), ["visie"])
    db.close()
    monkeypatch.setenv("CODER_DB", str(path))
    return path


def run(reader: str | None) -> AppTest:
    app = AppTest.from_string(SCRIPT, default_timeout=60)
    if reader:
        app.session_state["reader"] = reader
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_coder_of_an_open_pilot_does_not_see_the_report(app_db):
    app = run("anna")
    assert app.title[0].value == "Pilot"
    assert any("blind" in info.value for info in app.info)
    assert not any(sub.value == "Per code" for sub in app.subheader)


def test_report_drill_down_and_adjudication(app_db):
    db = store.connect(app_db)
    pilot.close(db, "lead", "proef")
    db.close()
    app = run("lead")
    subheaders = [s.value for s in app.subheader]
    for wanted in (
        "Per code",
        "Heatmap: kappa per code en plan",
        "Lezers: wie wijkt af?",
        "Codeverwarring",
    ):
        assert wanted in subheaders
    assert any("plaatsen waar de lezers verschillen" in c.value for c in app.caption)
    # adjudicate the first disagreement shown: consensus as anna coded it
    form_buttons = [b for b in app.button if b.label == "Consensus vastleggen"]
    assert form_buttons
    form_buttons[0].click().run()
    assert not app.exception, app.exception
    db = store.connect(app_db)
    decided = pilot.adjudications(db, "proef")
    assert len(decided) == 1 and decided[0].decided_by == "lead"
    assert pilot.consensus(db, "proef")  # stored apart from the codings
