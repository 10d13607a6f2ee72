"""The reading queue: which passages a reader should read next, per reader.

Two orders (active learning, Settles 2012):

- ``uncertain``: passages where the model is least sure about some code (probability
  nearest 0.5). A reader's verdict there teaches the model most, so the next
  training improves fastest.
- ``missed``: passages on pages the reader has read (or in plans they marked done)
  that they left uncoded although the model is confident a code applies: likely
  misses, to check.

Passages the reader coded or judged are left out, as are plans of an open pilot the
reader codes. Scores for the whole corpus are one sparse product with the corpus
index, computed once per model and corpus state.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import sqlite_utils

from coder import coding
from coder.errors import SuggestError
from coder.suggest.corpus import (
    CorpusIndex,
    Passage,
    corpus_index,
    database_file,
    passage_details,
    passages,
)
from coder.suggest.examples import codable_codes
from coder.suggest.feedback import availability
from coder.suggest.model import DEFAULT_THRESHOLD, Model, latest

MODES = ("uncertain", "missed")
_SCORES: dict[tuple[str, int, str], np.ndarray] = {}


@dataclass(slots=True)
class QueueItem(Passage):
    """A passage to read next, with the code the model thinks it has (or lacks)."""

    code_id: str
    code_name: str
    probability: float


@dataclass(slots=True)
class Queue:
    available: bool
    mode: str
    reason: str = ""
    items: list[QueueItem] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def corpus_probabilities(db: sqlite_utils.Database, model: Model, index: CorpusIndex) -> np.ndarray:
    """P(code | passage) for every passage of the index (passages x model codes)."""
    key = (database_file(db), model.id or 0, index.key)
    if key not in _SCORES:
        if model.vectorizer.fingerprint == index.vectorizer.fingerprint:
            features = index.matrix
        else:  # trained before the corpus changed: its own vocabulary, lemmatized anew
            features = model.vectorizer.transform_texts(row["text"] for row in passages(db))
        _SCORES.clear()
        _SCORES[key] = model.probabilities(features)
    return _SCORES[key]


def _handled(db: sqlite_utils.Database, reader: str, index: CorpusIndex) -> np.ndarray:
    """Mask of the index rows the reader coded or gave a verdict on."""
    spans = db.execute(
        'SELECT document_id, start, "end" FROM codings WHERE coder = ? AND deleted_at IS NULL'
        ' UNION SELECT document_id, start, "end" FROM suggestion_feedback WHERE reader = ?',
        [reader, reader],
    ).fetchall()
    return index.covered(spans)


def _read(db: sqlite_utils.Database, reader: str, index: CorpusIndex) -> np.ndarray:
    """Mask of the index rows on pages the reader read or in plans they marked done."""
    pages = {
        (row[0], row[1])
        for row in db.execute("SELECT document_id, page FROM pages_read WHERE coder = ?", [reader])
    }
    done = {
        row[0] for row in db.execute("SELECT document_id FROM plans_done WHERE coder = ?", [reader])
    }
    return index.on_pages(pages, done)


def queue(
    db: sqlite_utils.Database,
    reader: str | None,
    *,
    mode: str = "uncertain",
    limit: int = 20,
    threshold: float = DEFAULT_THRESHOLD,
) -> Queue:
    """The next ``limit`` passages for this reader to read, in the order of ``mode``."""
    if mode not in MODES:
        raise SuggestError(f"queue mode {mode!r} is not one of {', '.join(MODES)}")
    allowed = availability(db, reader)
    if not allowed.available:
        return Queue(False, mode, allowed.reason)
    assert reader
    model = latest(db)
    assert model is not None
    index = corpus_index(db)
    probabilities = corpus_probabilities(db, model, index)
    current = {code["id"]: code for code in codable_codes(db)}
    usable = np.array([code in current for code in model.codes], dtype=bool)
    if not usable.any():
        return Queue(False, mode, "the model knows none of the current codes: retrain it")
    candidates = ~_handled(db, reader, index)
    for document_id in np.unique(index.document_ids).tolist():
        if not coding.suggestions_allowed(db, reader, document_id):
            candidates &= index.document_ids != document_id
    p = np.where(usable, probabilities, 0.0 if mode == "missed" else 1.0)
    if mode == "uncertain":
        certainty = np.abs(2 * p - 1)
        best = certainty.argmin(axis=1)
        score = -certainty[np.arange(len(p)), best]
    else:
        candidates &= _read(db, reader, index)
        best = p.argmax(axis=1)
        score = p[np.arange(len(p)), best]
        candidates &= score >= threshold
    rows = np.flatnonzero(candidates)
    rows = rows[np.argsort(-score[rows], kind="stable")][:limit]
    reason = "" if len(rows) else _empty_reason(mode)
    items = _items(db, index, rows, [model.codes[k] for k in best[rows]], p, best, current)
    return Queue(True, mode, reason, items)


def _empty_reason(mode: str) -> str:
    if mode == "missed":
        return "nothing likely missed on the pages you read"
    return "no passages left to read"


def _items(
    db: sqlite_utils.Database,
    index: CorpusIndex,
    rows: np.ndarray,
    codes: list[str],
    probabilities: np.ndarray,
    best: np.ndarray,
    current: dict[str, dict],
) -> list[QueueItem]:
    ids = index.segment_ids[rows].tolist()
    found = passage_details(db, ids)
    return [
        QueueItem(
            **found[seg],
            code_id=code,
            code_name=current[code]["name"],
            probability=round(float(probabilities[row, best[row]]), 4),
        )
        for seg, row, code in zip(ids, rows.tolist(), codes, strict=True)
    ]
