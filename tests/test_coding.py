"""Service-layer tests of every coding action, reading progress and search hits."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from coder import coding, reading, store
from coder import search as text_search
from coder.errors import (
    AccountError,
    CodingError,
    ConflictError,
    PermissionDenied,
    SearchQueryError,
)
from coder.ingest import ingest_paths
from tests.accounts import make_users
from tests.pdfkit import PdfBuilder, prose

CODES = [
    ("vrijwilligers", "Vrijwilligers", 0),
    ("missie", "Missie", 0),
    ("brussel", "Brussel", 0),
    ("werking", "Werking", 1),
]


def add_codes(db) -> None:
    with store.transaction(db):
        for code_id, name, group in CODES:
            db["codes"].insert(
                {
                    "id": code_id,
                    "name": name,
                    "guid": str(uuid.uuid4()),
                    "created_version": 1,
                    "is_group": group,
                    "colour": "#aa3300",
                    "definition": f"Alles over {name.lower()}.",
                }
            )


@pytest.fixture
def plan(db, tmp_path: Path) -> int:
    pdf = PdfBuilder(tmp_path / "plan.pdf")
    pdf.heading("1 Missie")
    for i in range(12):
        pdf.paragraph(f"Alinea {i * 17 + 5}. " + prose(i, 4))
    pdf.save()
    ingest_paths(db, [pdf.path], workers=1)
    add_codes(db)
    coding.ensure_user(db, "anna")
    coding.ensure_user(db, "bert")
    return 1


def _span(db, document_id: int, text: str) -> tuple[int, int]:
    full = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
    start = full.index(text)
    return start, start + len(text)


def test_create_with_two_codes_is_one_batch_with_text_and_audit(db, plan: int) -> None:
    start, end = _span(db, plan, "Vrijwilligers dragen de werking")
    made = coding.create(
        db, "anna", plan, start - 1, end + 1, ["vrijwilligers", "missie"], memo="mooi voorbeeld"
    )
    assert {c.code_id for c in made} == {"vrijwilligers", "missie"}
    assert all(c.text == "Vrijwilligers dragen de werking" for c in made)  # edges trimmed
    assert all((c.start, c.end) == (start, end) and c.coder == "anna" for c in made)
    assert len({c.batch_id for c in made}) == 1 and made[0].memo == "mooi voorbeeld"
    assert made[0].code_name in ("Vrijwilligers", "Missie") and made[0].colour == "#aa3300"
    # identical coding is not duplicated
    assert coding.create(db, "anna", plan, start, end, ["missie"]) == []
    history = coding.history(db, made[0].id)
    assert [h["verb"] for h in history] == ["create"] and history[0]["actor"] == "anna"


def test_bad_spans_codes_and_readers_are_refused(db, plan: int) -> None:
    with pytest.raises(CodingError, match="outside the document"):
        coding.create(db, "anna", plan, 10, 10**9, ["missie"])
    with pytest.raises(CodingError, match="unknown code 'nope'"):
        coding.create(db, "anna", plan, 0, 10, ["nope"])
    with pytest.raises(CodingError, match="is a group"):
        coding.create(db, "anna", plan, 0, 10, ["werking"])
    with pytest.raises(CodingError, match="at least one code"):
        coding.create(db, "anna", plan, 0, 10, [])
    with pytest.raises(PermissionDenied, match="unknown user 'zoe'"):
        coding.create(db, "zoe", plan, 0, 10, ["missie"])
    with pytest.raises(AccountError, match="not valid"):
        coding.ensure_user(db, "<script>")
    assert db.execute("SELECT count(*) FROM codings").fetchone()[0] == 0


def test_edit_span_memo_codes_delete_and_permissions(db, plan: int) -> None:
    start, end = _span(db, plan, "Vrijwilligers dragen de werking")
    (first,) = coding.create(db, "anna", plan, start, end, ["vrijwilligers"])
    longer = coding.update(db, "anna", first.id, end=end + 20, memo="langer")
    assert longer.text.startswith("Vrijwilligers dragen de werking en") and longer.memo == "langer"
    with pytest.raises(ConflictError):
        coding.update(db, "anna", first.id, memo="x", expected_updated_at=first.updated_at)
    with pytest.raises(PermissionDenied, match="belongs to anna"):
        coding.update(db, "bert", first.id, memo="mijn")
    with pytest.raises(PermissionDenied):
        coding.delete(db, "bert", [first.id])
    fragment = coding.set_codes(db, "anna", first.id, ["missie", "brussel"])
    assert sorted(c.code_id for c in fragment) == ["brussel", "missie"]
    assert all(c.memo == "langer" for c in fragment)
    coding.delete(db, "anna", [c.id for c in fragment])
    assert coding.codings(db, plan) == []
    # soft delete: the rows and their history remain
    assert (
        db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NOT NULL").fetchone()[0] == 3
    )


def test_undo_reverts_the_last_batch_only_and_is_logged(db, plan: int) -> None:
    a_start, a_end = _span(db, plan, "Vrijwilligers dragen de werking")
    (kept,) = coding.create(db, "anna", plan, a_start, a_end, ["vrijwilligers"])
    coding.update(db, "anna", kept.id, memo="eerste memo")
    b_start, b_end = _span(db, plan, "Onze praktijken in Brussel")
    coding.create(db, "anna", plan, b_start, b_end, ["brussel", "missie"])
    coding.create(db, "bert", plan, b_start, b_end, ["brussel"])
    assert coding.last_action(db, "anna").startswith("coded 2 code(s)")
    coding.undo(db, "anna")  # removes anna's two codings, not bert's
    live = coding.codings(db, plan)
    assert sorted((c.coder, c.code_id) for c in live) == [
        ("anna", "vrijwilligers"),
        ("bert", "brussel"),
    ]
    assert coding.undo(db, "anna") == "changed memo"
    assert coding.get(db, kept.id).memo == ""
    coding.delete(db, "anna", [kept.id])
    coding.undo(db, "anna")
    assert coding.get(db, kept.id).deleted_at is None
    coding.undo(db, "anna")  # the very first create
    coding.undo(db, "bert")
    assert coding.codings(db, plan) == []
    with pytest.raises(CodingError, match="nothing to undo"):
        coding.undo(db, "anna")
    verbs = [h["verb"] for h in coding.history(db, kept.id)]
    assert verbs == ["create", "update", "undo-update", "delete", "undo-delete", "undo-create"]


def test_code_all_hits_is_one_undoable_batch(db, plan: int) -> None:
    hits = text_search.search(db, "vrijwilligers", document_id=plan)
    assert hits and all(h.matches for h in hits)
    spans = [
        (h.document_id, s, e) for h in hits for s, e in text_search.hit_spans(db, h, "sentence")
    ]
    made = coding.code_spans(db, "anna", spans, "vrijwilligers")
    assert made == len(set(spans))
    live = coding.codings(db, plan, coders=["anna"])
    assert len(live) == made and len({c.batch_id for c in live}) == 1
    assert all("Vrijwilligers" in c.text or "vrijwilligers" in c.text for c in live)
    assert all(c.origin == "search" for c in live)
    coding.undo(db, "anna")
    assert coding.codings(db, plan) == []


def test_code_all_hits_with_a_bad_span_writes_nothing(db, plan: int) -> None:
    with pytest.raises(CodingError):
        coding.code_spans(db, "anna", [(plan, 0, 20), (plan, 5, 10**8)], "missie")
    assert db.execute("SELECT count(*) FROM codings").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM actions WHERE entity = 'coding'").fetchone()[0] == 0


def test_search_stop_words_prefix_phrases_and_spreads(db, plan: int) -> None:
    assert text_search.fts_query("de vrijwilligers van het plan") == "vrijwilligers plan"
    assert text_search.fts_query("vrijwillig digitaal", prefix=True) == "vrijwillig* digitaal*"
    assert text_search.fts_query('"de raad van bestuur" OR de') == '"de raad van bestuur"'
    assert text_search.fts_query("de het") == "de het"  # nothing but stop words: keep them
    with pytest.raises(SearchQueryError, match="unbalanced"):
        text_search.search(db, '"open')
    hits = text_search.search(db, "vrijwillig", prefix=True)
    assert hits
    hit = hits[0]
    full = db.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
    assert all(full[s:e].lower().startswith("vrijwillig") for s, e in hit.matches)
    (paragraph,) = text_search.hit_spans(db, hit, "paragraph")
    assert paragraph == (hit.start, hit.end)
    for s, e in text_search.hit_spans(db, hit, "sentence"):
        assert "rijwillig" in full[s:e] and full[s:e].endswith(".")
    phrase = text_search.search(db, '"raad van bestuur"')
    assert phrase and all(full[s:e] == "raad van bestuur" for s, e in phrase[0].matches)


def test_positions_progress_navigation_and_overview(db, plan: int) -> None:
    assert reading.position(db, "anna", plan) == 1
    reading.set_position(db, "anna", plan, 2)
    reading.set_position(db, "anna", plan, 1)
    assert reading.position(db, "anna", plan) == 1
    start, end = _span(db, plan, "Vrijwilligers dragen de werking")
    coding.create(db, "anna", plan, start, end, ["vrijwilligers", "missie"])
    reading.set_done(db, "anna", plan)
    (row,) = reading.progress(db, "anna")
    assert (row.pages_read, row.fragments, row.codings, row.done) == (2, 1, 2, True)
    (state,) = reading.plans(db)
    assert state.readers == ["anna"] and state.done_by == ["anna"] and state.codings == 2
    first = reading.next_uncoded(db, "anna", plan, 0)
    assert first is not None
    covered = reading.next_uncoded(db, "anna", plan, start - 200)
    assert covered is not None and not (covered.start <= start < covered.end)
    visible = coding.codings(db, plan)
    assert reading.adjacent_coding(visible, 0, 1).start == start
    assert reading.adjacent_coding(visible, start, -1) is None
    overview = reading.overview(db, plan)
    page = reading.page_of(db, plan, start)
    assert overview[page] == {"Vrijwilligers": 1, "Missie": 1}


def test_codebook_merge_is_audited_but_not_undone_by_a_reader(db, plan: int) -> None:
    from coder import codebook

    start, end = _span(db, plan, "Vrijwilligers dragen de werking")
    (made,) = coding.create(db, "anna", plan, start, end, ["brussel"])
    coding.update(db, "anna", made.id, memo="eerst")
    make_users(db, "admin")
    codebook.merge(db, "brussel", "vrijwilligers", actor="admin")
    assert coding.get(db, made.id).code_id == "vrijwilligers"
    assert [h["verb"] for h in coding.history(db, made.id)] == ["create", "update", "recode"]
    assert coding.undo(db, "anna") == "changed memo"  # the reader's own last change
    assert coding.get(db, made.id).code_id == "vrijwilligers"  # the merge stays
