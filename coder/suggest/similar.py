"""Find similar: the passages across the corpus most like a fragment, not yet coded so.

To catch what was missed: from a coding (or any span), the cosine similarity of its
TF-IDF to every passage of the corpus index (one sparse product, a few milliseconds
for the full corpus), best first, leaving out the fragment's own passages and those
already coded with the code (or with any code), and, for a reader in an open pilot,
that pilot's plans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from coder import coding
from coder.errors import SuggestError
from coder.suggest.corpus import CorpusIndex, Passage, corpus_index, passage_details

SCOPES = ("code", "any")


@dataclass(slots=True)
class SimilarPassage(Passage):
    """A passage like the fragment, with its cosine similarity to it."""

    similarity: float


def _coded(
    db: sqlite_utils.Database, index: CorpusIndex, rows: np.ndarray, code_id: str | None
) -> set[int]:
    """Which of these index rows a live coding (of ``code_id``, or of any code) overlaps.

    One indexed read of a plan's coded spans per plan among the rows, then overlaps in
    Python: a join of segments and codings on overlapping ranges is no index seek.
    """
    by_code = " AND code_id = ?" if code_id else ""
    coded = set()
    for document_id in np.unique(index.document_ids[rows]).tolist():
        spans = db.execute(
            'SELECT start, "end" FROM codings WHERE document_id = ? AND deleted_at IS NULL'
            f" AND anchor != 'orphaned' AND origin != 'simulated'{by_code}",
            [document_id, *([code_id] if code_id else [])],
        ).fetchall()
        if not spans:
            continue
        starts, ends = np.array(spans).T
        for row in rows[index.document_ids[rows] == document_id].tolist():
            if ((starts < index.ends[row]) & (ends > index.starts[row])).any():
                coded.add(row)
    return coded


def _best_first(scores: np.ndarray, head: int = 1000, batch: int = 200) -> Iterator[np.ndarray]:
    """Rows with a positive score in batches, best first: the top ``head`` by a partial
    sort (nearly every request ends there), the rest sorted only when asked for."""
    positive = np.flatnonzero(scores > 0)
    rest = positive
    if len(positive) > head:
        top = positive[np.argpartition(-scores[positive], head - 1)[:head]]
        top = top[np.argsort(-scores[top], kind="stable")]
        yield from (top[i : i + batch] for i in range(0, head, batch))
        rest = np.setdiff1d(positive, top)
    rest = rest[np.argsort(-scores[rest], kind="stable")]
    yield from (rest[i : i + batch] for i in range(0, len(rest), batch))


def similar(
    db: sqlite_utils.Database,
    *,
    coding_id: int | None = None,
    document_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    code_id: str | None = None,
    scope: str = "code",
    reader: str | None = None,
    limit: int = 10,
) -> list[SimilarPassage]:
    """The ``limit`` passages most similar to a coding or a span, not yet coded.

    ``scope="code"`` leaves out passages coded with ``code_id`` (by default the
    coding's code: a code's horizontal analysis); ``"any"`` leaves out every coded
    passage.
    """
    if scope not in SCOPES:
        raise SuggestError(f"scope {scope!r} is not one of {', '.join(SCOPES)}")
    if coding_id is not None:
        source = coding.get(db, coding_id)
        document_id, start, end, text = source.document_id, source.start, source.end, source.text
        code_id = code_id or source.code_id
    elif document_id is not None and start is not None and end is not None:
        row = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise SuggestError(f"document {document_id} does not exist")
        text = row[0][start:end]
    else:
        raise SuggestError("name a coding, or a document with a start and end")
    if not text.strip():
        raise SuggestError("the fragment holds no text to compare")
    index = corpus_index(db)
    query = index.vectorizer.transform_texts([text]).astype(np.float32)
    if not query.nnz:
        return []
    scores = np.asarray((index.matrix @ query.T).todense()).ravel()
    own = (index.document_ids == document_id) & (index.starts < end) & (index.ends > start)
    scores[own] = 0.0
    blocked: dict[int, bool] = {}
    found: list[int] = []
    for rows in _best_first(scores):
        if reader is not None:
            for doc in set(index.document_ids[rows].tolist()) - blocked.keys():
                blocked[doc] = not coding.suggestions_allowed(db, reader, doc)
            rows = rows[[not blocked[d] for d in index.document_ids[rows].tolist()]]
        coded = _coded(db, index, rows, code_id if scope == "code" else None)
        found += [row for row in rows.tolist() if row not in coded]
        if len(found) >= limit:
            break
    return _passages(db, index.segment_ids[found[:limit]].tolist(), scores[found[:limit]])


def _passages(
    db: sqlite_utils.Database, segment_ids: list[int], scores: np.ndarray
) -> list[SimilarPassage]:
    found = passage_details(db, segment_ids)
    return [
        SimilarPassage(
            **found[seg],
            similarity=round(float(score), 4),
        )
        for seg, score in zip(segment_ids, scores.tolist(), strict=True)
    ]
