"""Summaries, findings, comments and key quotes: versions, review workflow, roles, safety."""

from __future__ import annotations

import pytest

from coder import analysis, coding, summaries, users
from coder.errors import ConflictError, NotFoundError, PermissionDenied, SummaryError
from tests.test_analysis_corpus import Corpus, build

V = "vrijwilligers"


@pytest.fixture
def corpus(db) -> Corpus:
    return build(db)


@pytest.fixture
def steering(corpus: Corpus) -> str:
    coding.ensure_user(corpus.db, "stuur")
    corpus.db.execute("UPDATE users SET role = 'steering' WHERE name = 'stuur'")
    return "stuur"


def test_every_save_is_a_new_version(corpus: Corpus) -> None:
    db = corpus.db
    assert summaries.summary(db, V) is None
    first = summaries.save_summary(db, "anna", V, "Eerste versie.")
    assert (first.version, first.status, first.current.note) == (1, "draft", "created")
    second = summaries.save_summary(db, "bert", V, "Tweede versie.", expected_version=1)
    assert second.version == 2 and second.current.author == "bert"
    same = summaries.save_summary(db, "anna", V, "Tweede versie.")
    assert same.version == 2  # nothing changed: no new version
    versions = summaries.history(db, second.id)
    assert [v.body for v in versions] == ["Eerste versie.", "Tweede versie."]
    assert "-Eerste versie." in summaries.diff(db, second.id, 1, 2)
    with pytest.raises(NotFoundError, match="no version 7"):
        summaries.diff(db, second.id, 1, 7)


def test_a_stale_edit_is_refused(corpus: Corpus) -> None:
    db = corpus.db
    summaries.save_summary(db, "anna", V, "A")
    summaries.save_summary(db, "bert", V, "B", expected_version=1)
    with pytest.raises(ConflictError, match="changed meanwhile"):
        summaries.save_summary(db, "anna", V, "C", expected_version=1)
    assert summaries.summary(db, V).body == "B"


def test_review_workflow(corpus: Corpus) -> None:
    db = corpus.db
    summaries.save_summary(db, "anna", V, "Tekst")
    with pytest.raises(SummaryError, match="cannot become reviewed directly"):
        summaries.set_summary_status(db, "anna", V, "reviewed")
    ready = summaries.set_summary_status(db, "anna", V, "ready")
    assert (ready.status, ready.version, ready.body) == ("ready", 2, "Tekst")
    reviewed = summaries.set_summary_status(db, "bert", V, "reviewed")
    assert reviewed.status == "reviewed"
    with pytest.raises(SummaryError, match="from reviewed it can go to: draft"):
        summaries.set_summary_status(db, "anna", V, "ready")
    with pytest.raises(SummaryError, match="unknown status"):
        summaries.set_summary_status(db, "anna", V, "published")
    # editing a reviewed text sends it back to draft: a review covers what was read
    edited = summaries.save_summary(db, "anna", V, "Nieuwe tekst")
    assert edited.status == "draft" and "back to draft" in edited.current.note
    back = summaries.set_summary_status(db, "anna", V, "ready")
    assert summaries.set_summary_status(db, "anna", V, "draft").status == "draft"
    assert [v.status for v in summaries.history(db, back.id)] == [
        "draft",
        "ready",
        "reviewed",
        "draft",
        "ready",
        "draft",
    ]
    with pytest.raises(NotFoundError, match="no summary yet"):
        summaries.set_summary_status(db, "anna", "missie", "ready")


def test_steering_reads_and_comments_but_does_not_write(corpus: Corpus, steering: str) -> None:
    db = corpus.db
    item = summaries.save_summary(db, "anna", V, "Tekst")
    summaries.set_summary_status(db, "anna", V, "ready")
    for write in (
        lambda: summaries.save_summary(db, steering, V, "Mijn tekst"),
        lambda: summaries.set_summary_status(db, steering, V, "reviewed"),
        lambda: summaries.create_finding(db, steering, "Titel"),
        lambda: summaries.mark_key_quote(db, steering, 1),
    ):
        with pytest.raises(PermissionDenied, match="read and comment"):
            write()
    comment = summaries.add_comment(db, steering, item.id, "Kan dit scherper?")
    assert comment.version == 2 and comment.author == steering
    assert [c.body for c in summaries.comments(db, item.id)] == ["Kan dit scherper?"]
    assert summaries.summary(db, V).comments == 1
    assert not users.can(db, steering, "write") and users.can(db, "anna", "write")


def test_steering_cannot_change_codings(corpus: Corpus, steering: str) -> None:
    db = corpus.db
    start, end = corpus.span("Delta", "Cultuur voor iedereen in Brussel.")
    with pytest.raises(PermissionDenied, match="they do not code"):
        coding.create(db, steering, corpus.doc["Delta"], start, end, ["brussel"])
    theirs = corpus.codings[("Alfa", "missie", "Zij zijn de kern van onze werking.")][0]
    db.execute("UPDATE codings SET coder = ? WHERE id = ?", [steering, theirs])
    for change in (
        lambda: coding.update(db, steering, theirs, memo="x"),
        lambda: coding.delete(db, steering, [theirs]),
        lambda: coding.set_codes(db, steering, theirs, ["visie"]),
        lambda: coding.code_spans(db, steering, [(corpus.doc["Delta"], start, end)], "brussel"),
        lambda: coding.undo(db, steering),
    ):
        with pytest.raises(PermissionDenied, match="steering group"):
            change()
    assert analysis.coverage(db, "brussel").organisations == 0


def test_unknown_and_disabled_users(corpus: Corpus) -> None:
    db = corpus.db
    with pytest.raises(PermissionDenied, match="unknown user"):
        summaries.save_summary(db, "nobody", V, "x")
    db.execute("UPDATE users SET disabled_at = 'now' WHERE name = 'bert'")
    with pytest.raises(PermissionDenied, match="disabled"):
        summaries.save_summary(db, "bert", V, "x")
    with pytest.raises(NotFoundError, match="unknown code"):
        summaries.save_summary(db, "anna", "klimaat", "x")


def test_comments_replies_and_withdrawal(corpus: Corpus, steering: str) -> None:
    db = corpus.db
    item = summaries.save_summary(db, "anna", V, "Tekst")
    question = summaries.add_comment(db, steering, item.id, "Waarom?")
    answer = summaries.add_comment(db, "anna", item.id, "Daarom.", reply_to=question.id)
    assert answer.reply_to == question.id
    with pytest.raises(SummaryError, match="empty"):
        summaries.add_comment(db, "anna", item.id, "   ")
    with pytest.raises(PermissionDenied, match="withdraw yours"):
        summaries.delete_comment(db, "anna", question.id)
    summaries.delete_comment(db, steering, question.id)
    assert [c.id for c in summaries.comments(db, item.id)] == [answer.id]
    assert len(summaries.comments(db, item.id, include_deleted=True)) == 2


def test_findings(corpus: Corpus) -> None:
    db = corpus.db
    made = summaries.create_finding(
        db, "anna", "Digitalisering en financiën", "Samen vermeld.", ["digitalisering", "financien"]
    )
    assert made.kind == "finding" and made.codes == ["digitalisering", "financien"]
    with pytest.raises(SummaryError, match="needs a title"):
        summaries.create_finding(db, "anna", "  ")
    with pytest.raises(NotFoundError, match="unknown code"):
        summaries.create_finding(db, "anna", "X", codes=["klimaat"])
    edited = summaries.save_finding(db, "bert", made.id, body="Vaak samen.", expected_version=1)
    assert edited.version == 2 and edited.title == made.title
    summaries.set_finding_status(db, "anna", made.id, "ready")
    assert [f.id for f in summaries.findings(db, code_id="financien")] == [made.id]
    assert summaries.findings(db, status="draft") == []
    assert summaries.findings(db, code_id=V) == []
    with pytest.raises(NotFoundError, match="finding 999"):
        summaries.finding(db, 999)


def test_key_quotes(corpus: Corpus, steering: str) -> None:
    db = corpus.db
    ids = corpus.codings[("Gamma", V, "Vrijwilligers trekken de afdelingen.")]
    quote = summaries.mark_key_quote(db, "anna", ids[0], note="Sterk")
    assert quote.code_id == V and quote.marked_by == "anna"
    assert quote.fragment.organisation == "Gamma" and quote.fragment.page == 1
    summaries.mark_key_quote(db, "bert", ids[0])  # marking twice keeps one
    assert [q.coding_id for q in summaries.key_quotes(db, V)] == ids
    view = analysis.code_view(db, V, key_quotes_only=True)
    assert [f.coding_id for f in view.fragments] == ids
    assert summaries.unmark_key_quote(db, "anna", ids[0]) is True
    assert summaries.unmark_key_quote(db, "anna", ids[0]) is False
    assert summaries.key_quotes(db, V) == []
    history = db.execute("SELECT marked_by, removed_by FROM key_quotes").fetchall()
    assert history == [("anna", "anna")]  # kept, with who and when
    with pytest.raises(NotFoundError, match="coding 9999"):
        summaries.mark_key_quote(db, "anna", 9999)


def test_markdown_is_rendered_safely() -> None:
    html = summaries.render_markdown(
        "# Titel\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
        "[klik](javascript:alert(1)) en [site](https://example.org)"
    )
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.org">site</a>' in html
    assert "<h1>Titel</h1>" in html


def test_quotes_in_a_summary_are_expanded(corpus: Corpus) -> None:
    db = corpus.db
    coding_id = corpus.codings[
        ("Beta", "digitalisering", "een digitale werking uit met online cursussen")
    ][0]
    body = f"Zie [[{coding_id}]] en [[99999]]."
    assert summaries.quote_refs(body) == [coding_id, 99999]
    expanded = summaries.expand_quotes(db, body)
    assert "> “een digitale werking uit met online cursussen”" in expanded
    assert "— Beta, p. 12" in expanded  # Beta's printed page label
    assert "(citaat 99999 niet gevonden)" in expanded
