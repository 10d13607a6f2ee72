"""Code suggestions (issue 9) on a small generated sample corpus: training, the evaluation
splits, suggestions for a page and a span, accept and reject, the off switch and pilots,
find similar, the reading queue, the CLI and the Streamlit panels.

The corpus (5 plans, 75 pages) is generated and ingested once; anna codes the ground truth
of three plans and a model is trained once. Every test works on its own copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from coder import codebook, coding, pilot, reading, store, suggest
from coder.cli import main as cli
from coder.errors import SuggestError
from coder.ingest import ingest_paths
from coder.sample import generate_corpus
from coder.suggest import corpus as suggest_corpus
from coder.suggest.evaluate import splits
from coder.suggest.examples import codable_codes, from_database, from_ground_truth

CODED_PLANS = 3


@pytest.fixture(scope="module")
def trained_db(tmp_path_factory) -> Path:
    """5 plans; anna (admin) coded the ground truth of 3; readers bert, carla; stuur (steering)."""
    folder = tmp_path_factory.mktemp("suggest-corpus")
    generate_corpus(folder / "plans", plans=5, pages=75, seed=2, workers=1)
    path = folder / "coder.db"
    db = store.connect(path)
    ingest_paths(db, [folder / "plans"], workers=1)
    codebook.ensure_default_codebook(db)
    for name in ("anna", "bert", "carla", "stuur"):
        coding.ensure_user(db, name)
    db.execute("UPDATE users SET role = 'steering' WHERE name = 'stuur'")
    db.execute("UPDATE users SET role = 'admin' WHERE name = 'anna'")
    docs = {r["filename"]: (r["id"], r["text"]) for r in db.query("SELECT * FROM documents")}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for line in (folder / "plans" / "ground_truth.jsonl").open(encoding="utf-8"):
        passage = json.loads(line)
        if passage["document"] not in sorted(docs)[:CODED_PLANS]:
            continue
        doc_id, text = docs[passage["document"]]
        start = text.find(passage["text"])
        for code in passage["codes"] if start >= 0 else []:
            spans.setdefault(code, []).append((doc_id, start, start + len(passage["text"])))
    for code, found in sorted(spans.items()):
        coding.code_spans(db, "anna", found, code, origin="import")
    suggest.train(db, "anna")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db(trained_db, tmp_path):
    target = tmp_path / "coder.db"
    shutil.copy(trained_db, target)
    shutil.copytree(f"{trained_db}.suggest", f"{target}.suggest")
    database = store.connect(target)
    yield database
    database.close()


def uncoded_plan(db) -> int:
    """A plan nobody coded (the model has not seen it)."""
    return db.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM codings)"
        " ORDER BY id LIMIT 1"
    ).fetchone()[0]


def page_with_suggestions(db, reader: str, document_id: int) -> suggest.PageSuggestions:
    for page in range(3, 40):
        found = suggest.for_page(db, reader, document_id, page)
        if found.passages:
            return found
    raise AssertionError("no page with suggestions")


def live_codings(db) -> int:
    return db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NULL").fetchone()[0]


def ground_truth(db) -> Path:
    return suggest.evaluate.__globals__["ground_truth_file"](db)


# training -------------------------------------------------------------------
def test_training_is_deterministic_and_records_what_it_learned_from(db):
    first = suggest.latest(db)
    again = suggest.train(db, "anna", seed=0)
    assert first.codes == again.codes and len(again.codes) >= 20
    assert np.array_equal(first.coef, again.coef)
    assert np.array_equal(first.intercept, again.intercept)
    models = suggest.models(db)
    assert [m["current"] for m in models] == [1, 0]  # only the newest keeps its weights
    assert models[0]["codebook_version"] == codebook.current_version(db)
    assert models[0]["n_codings"] == live_codings(db)
    assert suggest.needs_training(db) is None
    codebook.rename(db, "missie", "Missie en opdracht", actor="anna")
    assert suggest.needs_training(db) == "the codebook changed"


def test_labels_come_only_from_where_readers_looked(db):
    examples = from_database(db, suggest_corpus.corpus_index(db))
    coded = set(
        db.execute("SELECT DISTINCT document_id FROM codings WHERE deleted_at IS NULL").fetchall()
    )
    assert examples.known.all()  # only coded passages: everything about them is known
    assert len(set(examples.groups.tolist())) == len(coded) == CODED_PLANS
    plan = uncoded_plan(db)
    reading.set_position(db, "bert", plan, 5)  # bert read page 5 and coded nothing there
    found = suggest.for_page(db, "bert", plan, 5)
    suggest.reject(db, "bert", plan, *page_span(db, plan, 9), found_code(db, plan, 9))
    examples = from_database(db, suggest_corpus.corpus_index(db))
    on_page = set(
        r[0]
        for r in db.execute(
            "SELECT id FROM segments WHERE document_id = ? AND page <= 5 AND page_end >= 5"
            " AND kind != 'heading'",
            [plan],
        )
    )
    rows = np.isin(examples.segment_ids, list(on_page))
    assert rows.any() and examples.known[rows].all() and not examples.positive[rows].any()
    partial = ~examples.known.all(axis=1)
    assert partial.sum() == 1 and examples.known[partial].sum() == 1  # the one rejection
    assert found.available


def page_span(db, document_id: int, page: int) -> tuple[int, int]:
    row = db.execute(
        'SELECT start, "end" FROM segments WHERE document_id = ? AND page = ?'
        " AND kind = 'paragraph' ORDER BY seq LIMIT 1",
        [document_id, page],
    ).fetchone()
    return row[0], row[1]


def found_code(db, document_id: int, page: int) -> str:
    start, end = page_span(db, document_id, page)
    return suggest.for_span(db, "bert", document_id, start, end, threshold=0.0)[0].code_id


# evaluation -----------------------------------------------------------------
def test_no_organisation_is_on_both_sides_of_a_split(db):
    examples = from_ground_truth(ground_truth(db), [c["id"] for c in codable_codes(db)])
    for kwargs in ({"folds": 5}, {"train_share": 0.3, "seed": 1}, {"train_share": 0.6}):
        parts = splits(examples.groups, **kwargs)
        tested = np.zeros(len(examples), dtype=bool)
        for train, test in parts:
            assert not set(examples.groups[train]) & set(examples.groups[test])
            tested[test] = True
        assert tested.all() or "train_share" in kwargs
    with pytest.raises(SuggestError, match="at least 6 organisations"):
        splits(examples.groups, folds=6)
    with pytest.raises(SuggestError, match="cannot be split"):
        splits(examples.groups, train_share=0.05)


def test_evaluation_against_ground_truth_beats_the_keyword_baseline(db):
    result = suggest.evaluate(db, "anna", train_share=0.6, ground_truth=ground_truth(db), seed=3)
    for fold in result.folds:
        assert not set(fold["train_organisations"]) & set(fold["test_organisations"])
    assert len(result.folds[0]["train_organisations"]) == 3
    assert result.micro.f1 > result.baseline_micro.f1 + 0.2
    assert {"precision", "recall", "f1", "support", "baseline_f1"} <= set(result.per_code[0])
    assert sum(r["support"] for r in result.per_code) == result.micro.support
    assert [p["organisations"] for p in result.learning_curve] == [1, 2, 3]
    assert result.calibration and sum(b["decisions"] for b in result.calibration) > 0
    stored = suggest.latest_evaluation(db)
    assert stored.micro == result.micro and stored.per_code == result.per_code


def test_grouped_cross_validation_on_the_teams_codings(db):
    result = suggest.evaluate(db, "anna", folds=3)
    assert len(result.folds) == 3 and result.organisations == CODED_PLANS
    assert all(len(f["test_organisations"]) == 1 for f in result.folds)
    assert result.source == "the team's codings"


# suggestions, accept and reject ----------------------------------------------
def test_page_suggestions_accept_makes_a_normal_undoable_coding(db):
    plan = uncoded_plan(db)
    found = page_with_suggestions(db, "bert", plan)
    passage = found.passages[0]
    best = passage.suggestions[0]
    assert 0.5 <= best.probability <= 1 and best.name
    before = live_codings(db)
    made = suggest.accept(
        db,
        "bert",
        plan,
        passage.start,
        passage.end,
        best.code_id,
        segment_id=passage.segment_id,
        probability=best.probability,
        model_id=found.model_id,
    )
    assert live_codings(db) == before + 1
    assert made[0].origin == "suggestion" and made[0].coder == "bert"
    assert coding.history(db, made[0].id)[0]["verb"] == "create"
    verdict = suggest.verdicts(db, "bert")[0]
    assert (verdict["verdict"], verdict["coding_id"]) == ("accept", made[0].id)
    again = suggest.for_page(db, "bert", plan, passage.page)
    shown = {(p.segment_id, s.code_id) for p in again.passages for s in p.suggestions}
    assert (passage.segment_id, best.code_id) not in shown
    coding.undo(db, "bert")
    assert live_codings(db) == before


def test_span_suggestions_name_the_passage_they_were_for(db):
    plan = uncoded_plan(db)
    start, end = page_span(db, plan, 9)
    sentence = db.execute(
        'SELECT start, "end" FROM sentences WHERE document_id = ? AND start >= ? AND "end" <= ?'
        " ORDER BY start LIMIT 1",
        [plan, start, end],
    ).fetchone()
    found = suggest.for_span(db, "bert", plan, sentence[0], sentence[1], threshold=0.0)
    assert found and found == sorted(found, key=lambda s: -s.probability)
    suggest.accept(db, "bert", plan, sentence[0], sentence[1], found[0].code_id)
    verdict = suggest.verdicts(db, "bert")[0]
    segment = db.execute(
        "SELECT id FROM segments WHERE document_id = ? AND start = ?", [plan, start]
    ).fetchone()[0]
    assert (verdict["segment_id"], verdict["start"]) == (segment, sentence[0])
    again = suggest.for_span(db, "bert", plan, sentence[0], sentence[1], threshold=0.0)
    assert found[0].code_id not in {s.code_id for s in again}


def test_reject_is_recorded_not_shown_again_and_learned_from(db):
    plan = uncoded_plan(db)
    found = page_with_suggestions(db, "bert", plan)
    passage, best = found.passages[0], found.passages[0].suggestions[0]
    before = live_codings(db)
    suggest.reject(
        db, "bert", plan, passage.start, passage.end, best.code_id, segment_id=passage.segment_id
    )
    assert live_codings(db) == before
    assert suggest.verdicts(db, "bert", plan)[0]["verdict"] == "reject"
    again = suggest.for_page(db, "bert", plan, passage.page)
    shown = {(p.segment_id, s.code_id) for p in again.passages for s in p.suggestions}
    assert (passage.segment_id, best.code_id) not in shown
    assert suggest.for_page(db, "carla", plan, passage.page).passages[0].suggestions
    examples = from_database(db, suggest_corpus.corpus_index(db))
    row = int(np.flatnonzero(examples.segment_ids == passage.segment_id)[0])
    column = examples.codes.index(best.code_id)
    assert examples.known[row, column] and not examples.positive[row, column]
    assert suggest.train(db, "anna") and suggest.models(db)[0]["n_feedback"] == 1


def test_suggestions_never_code_without_a_readers_action(db):
    plan = uncoded_plan(db)
    before = live_codings(db)
    actions = db.execute("SELECT count(*) FROM actions").fetchone()[0]
    page_with_suggestions(db, "bert", plan)
    suggest.for_span(db, "bert", plan, *page_span(db, plan, 9))
    suggest.similar(db, coding_id=1, reader="bert")
    suggest.queue(db, "bert", mode="uncertain")
    suggest.train(db, "anna")
    assert live_codings(db) == before
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == actions


def test_the_off_switch_and_the_steering_group(db):
    plan = uncoded_plan(db)
    suggest.set_enabled(db, "bert", False)
    found = suggest.for_page(db, "bert", plan, 5)
    assert not found.available and "turned suggestions off" in found.reason
    assert suggest.for_span(db, "bert", plan, *page_span(db, plan, 9)) == []
    assert not suggest.queue(db, "bert").available
    with pytest.raises(SuggestError, match="turned suggestions off"):
        suggest.reject(db, "bert", plan, *page_span(db, plan, 9), "missie")
    suggest.set_enabled(db, "bert", True)
    assert suggest.for_page(db, "bert", plan, 5).available
    assert "do not code" in suggest.for_page(db, "stuur", plan, 5).reason
    with pytest.raises(SuggestError, match="unknown reader"):
        suggest.set_enabled(db, "nobody", False)


def test_no_suggestions_for_coders_of_an_open_pilot_on_its_plans(db):
    made = pilot.create(db, "anna", "proef", plans=2, coders=["bert", "carla"], seed=1)
    in_pilot = {p.document_id for p in made.plans}
    outside = db.execute(
        f"SELECT id FROM documents WHERE id NOT IN ({', '.join(map(str, in_pilot))})"
    ).fetchone()[0]
    plan = sorted(in_pilot)[0]
    found = suggest.for_page(db, "bert", plan, 5)
    assert not found.available and "open pilot" in found.reason
    assert suggest.for_span(db, "bert", plan, *page_span(db, plan, 9)) == []
    with pytest.raises(SuggestError, match="open pilot"):
        suggest.accept(db, "bert", plan, *page_span(db, plan, 9), "missie")
    assert suggest.for_page(db, "bert", outside, 5).available
    assert suggest.for_page(db, "anna", plan, 5).available  # not a coder of this pilot
    similar = suggest.similar(db, coding_id=1, reader="bert", limit=50, scope="any")
    assert similar and not {s.document_id for s in similar} & in_pilot
    queued = suggest.queue(db, "bert", limit=200)
    assert queued.items and not {i.document_id for i in queued.items} & in_pilot


# find similar and the queue ---------------------------------------------------
def test_similar_passages_are_uncoded_ranked_and_not_the_fragment_itself(db):
    source = coding.get(db, 1)
    found = suggest.similar(db, coding_id=1, limit=8)
    assert len(found) == 8
    assert [f.similarity for f in found] == sorted((f.similarity for f in found), reverse=True)
    for item in found:
        assert not (
            item.document_id == source.document_id
            and item.start < source.end
            and item.end > source.start
        )
        assert not coding.codings(
            db, item.document_id, code_ids=[source.code_id], start=item.start, end=item.end
        )
    anywhere = suggest.similar(db, coding_id=1, limit=8, scope="any")
    for item in anywhere:
        assert not coding.codings(db, item.document_id, start=item.start, end=item.end)
    with pytest.raises(SuggestError, match="scope"):
        suggest.similar(db, coding_id=1, scope="all")


def test_queue_uncertain_and_missed(db):
    uncertain = suggest.queue(db, "anna", limit=10)
    assert len(uncertain.items) == 10
    distance = [abs(i.probability - 0.5) for i in uncertain.items]
    assert distance == sorted(distance)
    coded_by_anna = {(c[0], c[1]) for c in db.execute("SELECT document_id, start FROM codings")}
    assert not {(i.document_id, i.start) for i in uncertain.items} & coded_by_anna
    assert suggest.queue(db, "bert", mode="missed").items == []  # bert read nothing yet
    plan = uncoded_plan(db)
    for page in range(1, 30):
        reading.set_position(db, "bert", plan, page)
    missed = suggest.queue(db, "bert", mode="missed")
    assert missed.items and {i.document_id for i in missed.items} == {plan}
    assert all(i.probability >= 0.5 and i.page < 30 for i in missed.items)


def test_corpus_index_is_cached_on_disk_by_corpus_state(db):
    index = suggest_corpus.corpus_index(db)
    files = list(Path(f"{suggest_corpus.database_file(db)}.suggest").glob("corpus-*.npz"))
    assert [f.name for f in files] == [f"corpus-{index.key}.npz"]
    suggest_corpus._MEMORY.clear()
    loaded = suggest_corpus.corpus_index(db)
    assert loaded.vectorizer.fingerprint == index.vectorizer.fingerprint
    assert (loaded.matrix != index.matrix).nnz == 0
    db.execute("UPDATE documents SET sha256 = 'changed' WHERE id = 1")
    assert suggest_corpus.corpus_key(db) != index.key
    assert suggest.needs_training(db) == "the corpus changed"


# command line -----------------------------------------------------------------
def run(db, *args: str):
    path = suggest_corpus.database_file(db)
    return CliRunner().invoke(cli, ["--db", path, "suggest", *args])


def test_cli(db):
    plan = uncoded_plan(db)
    trained = run(db, "train", "--as", "anna", "--json")
    assert trained.exit_code == 0, trained.output
    assert json.loads(trained.output)["trained"] is True
    assert "up to date" in run(db, "train", "--if-needed", "--as", "anna").output
    page = next(p for p in range(3, 40) if suggest.for_page(db, "bert", plan, p).passages)
    shown = run(db, "page", str(plan), str(page), "--as", "bert")
    assert shown.exit_code == 0 and "→" in shown.output
    assert json.loads(run(db, "show", str(plan), str(page), "--as", "bert", "--json").output)[
        "available"
    ]
    similar = json.loads(run(db, "similar", "1", "--as", "bert", "--limit", "3", "--json").output)
    assert len(similar) == 3
    queued = json.loads(run(db, "queue", "--as", "bert", "--limit", "4", "--json").output)
    assert len(queued["items"]) == 4
    assert run(db, "off", "--as", "bert").exit_code == 0
    assert "turned suggestions off" in run(db, "page", str(plan), str(page), "--as", "bert").output
    assert run(db, "on", "--as", "bert").exit_code == 0
    evaluated = run(db, "evaluate", "--ground-truth", "--train-share", "0.6", "--as", "anna")
    assert evaluated.exit_code == 0, evaluated.output
    assert "micro" in evaluated.output and "keyword baseline" in evaluated.output
    missing = run(db, "page", "no-such-plan", "1", "--as", "bert")
    assert missing.exit_code == 1 and "no plan 'no-such-plan'" in missing.output
    too_many = run(db, "evaluate", "--folds", "9", "--as", "anna")
    assert too_many.exit_code == 1 and len(too_many.output.strip().splitlines()) == 1


# the Streamlit panels ---------------------------------------------------------
def app(db, call: str) -> AppTest:
    path = suggest_corpus.database_file(db)
    script = (
        "from coder import store\nfrom coder.ui import suggestions\n"
        f"db = store.connect({path!r})\nsuggestions.{call}\n"
    )
    return AppTest.from_string(script, default_timeout=30).run()


def test_panel_accept_and_reject_buttons(db):
    plan = uncoded_plan(db)
    found = page_with_suggestions(db, "bert", plan)
    passage, best = found.passages[0], found.passages[0].suggestions[0]
    at = app(db, f"render_page_suggestions(db, 'bert', {plan}, {passage.page})")
    assert not at.exception
    before = live_codings(db)
    at.button(key=f"suggest-{passage.segment_id}-{best.code_id}-accept").click().run()
    assert not at.exception
    assert live_codings(db) == before + 1
    made = db.execute("SELECT origin, coder FROM codings ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(made) == ("suggestion", "bert")
    other = next((p, s) for p in found.passages for s in p.suggestions if (p, s) != (passage, best))
    at.button(key=f"suggest-{other[0].segment_id}-{other[1].code_id}-reject").click().run()
    assert suggest.verdicts(db, "bert")[0]["verdict"] == "reject"
    assert live_codings(db) == before + 1
    off = app(db, f"render_page_suggestions(db, 'stuur', {plan}, {passage.page})")
    assert "do not code" in off.caption[0].value


def test_similar_queue_and_evaluation_views(db):
    similar = app(db, "render_similar(db, 'bert', 1, limit=3)")
    assert not similar.exception and len(similar.button) == 3  # no workspace page: code only
    queue = app(db, "render_queue(db, 'bert', limit=3)")
    assert not queue.exception and len(queue.button) == 6
    suggest.evaluate(db, "anna", folds=3)
    evaluation = app(db, "render_evaluation(db, 'anna')")
    assert not evaluation.exception
    assert [m.label for m in evaluation.metric][:2] == ["micro-F1", "macro-F1"]
    assert len(evaluation.dataframe) == 1
