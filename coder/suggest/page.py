"""Suggestions for what a reader is reading: the passages of a page, or a selected span.

Only codes a reader would still act on are shown: not the codes they already gave
the passage, not the codes they rejected there, not codes retired since training,
and only above the threshold the evaluation reports its figures for. Computing
suggestions never writes anything: a coding comes only from :func:`accept
<coder.suggest.feedback.accept>`, a reader's click.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import sqlite_utils

from coder import coding
from coder.suggest.corpus import KINDS_SQL, covers
from coder.suggest.examples import codable_codes
from coder.suggest.feedback import availability
from coder.suggest.model import DEFAULT_THRESHOLD, Model, latest

TOP = 3


@dataclass(slots=True)
class Suggestion:
    code_id: str
    name: str
    short_name: str
    colour: str | None
    probability: float


@dataclass(slots=True)
class PassageSuggestions:
    """One passage of the page with the codes suggested for it (best first)."""

    segment_id: int
    document_id: int
    start: int
    end: int
    kind: str
    page: int
    text: str
    suggestions: list[Suggestion]


@dataclass(slots=True)
class PageSuggestions:
    available: bool
    reason: str = ""
    model_id: int | None = None
    passages: list[PassageSuggestions] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _ranked(
    model: Model,
    probabilities: np.ndarray,
    codes: dict[str, dict],
    exclude: set[str],
    *,
    top: int,
    threshold: float,
) -> list[Suggestion]:
    found = []
    for k in np.argsort(-probabilities, kind="stable"):
        code_id, p = model.codes[k], float(probabilities[k])
        if p < threshold or len(found) == top:
            break
        if code_id in codes and code_id not in exclude:
            code = codes[code_id]
            found.append(
                Suggestion(code_id, code["name"], code["short_name"], code["colour"], round(p, 4))
            )
    return found


def _settled(
    db: sqlite_utils.Database, reader: str, document_id: int, start: int, end: int
) -> list[tuple[int, int, str]]:
    """(start, end, code) the reader coded or rejected in this stretch of the plan."""
    coded = [
        (c.start, c.end, c.code_id)
        for c in coding.codings(db, document_id, coders=[reader], start=start, end=end)
    ]
    rejected = db.execute(
        'SELECT start, "end", code_id FROM suggestion_feedback WHERE reader = ?'
        " AND document_id = ? AND verdict = 'reject' AND start < ? AND \"end\" > ?",
        [reader, document_id, end, start],
    ).fetchall()
    return coded + [tuple(row) for row in rejected]


def for_page(
    db: sqlite_utils.Database,
    reader: str | None,
    document_id: int,
    page: int,
    *,
    top: int = TOP,
    threshold: float = DEFAULT_THRESHOLD,
) -> PageSuggestions:
    """The passages on this page (reading order) that have suggestions, with them."""
    allowed = availability(db, reader, document_id)
    if not allowed.available:
        return PageSuggestions(False, allowed.reason)
    model = latest(db)
    assert model is not None and reader  # availability said so
    rows = list(
        db.query(
            'SELECT id, start, "end", kind, page, text FROM segments WHERE document_id = ?'
            f" AND page <= ? AND page_end >= ? AND kind IN ({KINDS_SQL}) ORDER BY seq",
            [document_id, page, page],
        )
    )
    result = PageSuggestions(True, model_id=model.id)
    if not rows:
        return result
    probabilities = model.probabilities_of([row["text"] for row in rows])
    codes = {code["id"]: code for code in codable_codes(db)}
    settled = _settled(db, reader, document_id, rows[0]["start"], rows[-1]["end"])
    for row, p in zip(rows, probabilities, strict=True):
        exclude = {
            code for start, end, code in settled if covers(row["start"], row["end"], start, end)
        }
        found = _ranked(model, p, codes, exclude, top=top, threshold=threshold)
        if found:
            result.passages.append(
                PassageSuggestions(
                    row["id"],
                    document_id,
                    row["start"],
                    row["end"],
                    row["kind"],
                    row["page"],
                    row["text"],
                    found,
                )
            )
    return result


def for_span(
    db: sqlite_utils.Database,
    reader: str | None,
    document_id: int,
    start: int,
    end: int,
    *,
    top: int = TOP,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Suggestion]:
    """Suggested codes for a selected span (a sentence, a fragment); [] when not available."""
    if not availability(db, reader, document_id).available:
        return []
    model = latest(db)
    assert model is not None and reader
    text = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
    if text is None or not text[0][start:end].strip():
        return []
    probabilities = model.probabilities_of([text[0][start:end]])[0]
    codes = {code["id"]: code for code in codable_codes(db)}
    exclude = {
        code
        for s, e, code in _settled(db, reader, document_id, start, end)
        if (s, e) == (start, end)
    }
    return _ranked(model, probabilities, codes, exclude, top=top, threshold=threshold)
