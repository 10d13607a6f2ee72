"""Whether a reader gets suggestions, and what they say to them (accept or reject).

Suggestions help a reader only when they choose to use them: each reader has an
off switch, steering group members (who do not code) get none, and a coder of an
open pilot gets none on its plans (:func:`coder.coding.suggestions_allowed`), so
the pilot measures unaided reading. Accepting creates a normal coding by the
reader through :func:`coder.coding.create` (origin ``suggestion``), so
permissions, the action log and undo apply as to any coding; the verdict is
recorded beside it. A rejection changes no coding: it is recorded, the
suggestion is not shown to that reader again, and the next training learns
from it as a negative example.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from coder import coding
from coder.errors import SuggestError
from coder.store import transaction
from coder.suggest.corpus import KINDS_SQL, covers
from coder.suggest.model import latest

VERDICTS = ("accept", "reject")


@dataclass(slots=True)
class Availability:
    """Whether suggestions are shown, and if not, the reason in the reader's words."""

    available: bool
    reason: str = ""


def enabled(db: sqlite_utils.Database, reader: str) -> bool:
    """The reader's own switch (on until they turn it off)."""
    row = db.execute(
        "SELECT enabled FROM suggestion_settings WHERE reader = ?", [reader]
    ).fetchone()
    return bool(row[0]) if row else True


def set_enabled(db: sqlite_utils.Database, reader: str, on: bool) -> None:
    """Turn suggestions on or off for this reader (one transaction)."""
    with transaction(db):
        if db.execute("SELECT 1 FROM users WHERE name = ?", [reader]).fetchone() is None:
            raise SuggestError(f"unknown reader {reader!r}: choose or register a reader first")
        db.execute(
            "INSERT INTO suggestion_settings (reader, enabled, changed_at) VALUES (?, ?, ?)"
            " ON CONFLICT (reader) DO UPDATE SET enabled = excluded.enabled,"
            " changed_at = excluded.changed_at",
            [reader, int(on), coding.now()],
        )


def availability(
    db: sqlite_utils.Database, reader: str | None, document_id: int | None = None
) -> Availability:
    """May this reader see suggestions (on this plan)? Checked before anything is shown."""
    if not reader:
        return Availability(False, "choose who you are first")
    row = db.execute("SELECT role, disabled_at FROM users WHERE name = ?", [reader]).fetchone()
    if row is None or row[1] is not None:
        return Availability(False, f"{reader!r} is not an active reader")
    if row[0] == "steering":
        return Availability(False, "steering group members read and comment; they do not code")
    if not enabled(db, reader):
        return Availability(False, "you turned suggestions off")
    if document_id is not None and not coding.suggestions_allowed(db, reader, document_id):
        return Availability(
            False,
            "this plan is in an open pilot you code: no suggestions, so the pilot measures"
            " unaided reading",
        )
    if latest(db) is None:
        return Availability(False, "no suggestion model yet: train one (coder suggest train)")
    return Availability(True)


def _require(db: sqlite_utils.Database, reader: str, document_id: int) -> None:
    found = availability(db, reader, document_id)
    if not found.available:
        raise SuggestError(f"no suggestions for {reader} on document {document_id}: {found.reason}")


def _segment(db: sqlite_utils.Database, document_id: int, start: int, end: int) -> int | None:
    """The passage a span was suggested for (the first it covers), if any."""
    for segment_id, seg_start, seg_end in db.execute(
        'SELECT id, start, "end" FROM segments WHERE document_id = ? AND start < ? AND "end" > ?'
        f" AND kind IN ({KINDS_SQL}) ORDER BY start",
        [document_id, end, start],
    ):
        if covers(seg_start, seg_end, start, end):
            return segment_id
    return None


def _record(
    db: sqlite_utils.Database,
    reader: str,
    verdict: str,
    document_id: int,
    start: int,
    end: int,
    code_id: str,
    *,
    segment_id: int | None,
    probability: float | None,
    model_id: int | None,
    coding_id: int | None = None,
) -> int:
    return (
        db["suggestion_feedback"]
        .insert(
            {
                "reader": reader,
                "document_id": document_id,
                "segment_id": segment_id
                if segment_id is not None
                else _segment(db, document_id, start, end),
                "start": start,
                "end": end,
                "code_id": code_id,
                "verdict": verdict,
                "probability": probability,
                "model_id": model_id,
                "coding_id": coding_id,
                "at": coding.now(),
            }
        )
        .last_pk
    )


def accept(
    db: sqlite_utils.Database,
    reader: str,
    document_id: int,
    start: int,
    end: int,
    code_id: str,
    *,
    segment_id: int | None = None,
    probability: float | None = None,
    model_id: int | None = None,
    memo: str = "",
) -> list[coding.Coding]:
    """Code the span with the suggested code as the reader, and record the acceptance.

    One transaction: the coding, its action-log entry and the verdict appear
    together or not at all. Returns the codings made (none when the reader had it).
    """
    with transaction(db):
        _require(db, reader, document_id)
        made = coding.create(
            db, reader, document_id, start, end, [code_id], memo=memo, origin="suggestion"
        )
        _record(
            db,
            reader,
            "accept",
            document_id,
            start,
            end,
            code_id,
            segment_id=segment_id,
            probability=probability,
            model_id=model_id,
            coding_id=made[0].id if made else None,
        )
    return made


def reject(
    db: sqlite_utils.Database,
    reader: str,
    document_id: int,
    start: int,
    end: int,
    code_id: str,
    *,
    segment_id: int | None = None,
    probability: float | None = None,
    model_id: int | None = None,
) -> int:
    """Record that the reader says this code does not apply here; returns the verdict's id."""
    with transaction(db):
        _require(db, reader, document_id)
        return _record(
            db,
            reader,
            "reject",
            document_id,
            start,
            end,
            code_id,
            segment_id=segment_id,
            probability=probability,
            model_id=model_id,
        )


def verdicts(
    db: sqlite_utils.Database, reader: str | None = None, document_id: int | None = None
) -> list[dict]:
    """Recorded verdicts, newest first (optionally one reader's, one plan's)."""
    where, params = ["1"], []
    if reader is not None:
        where.append("reader = ?")
        params.append(reader)
    if document_id is not None:
        where.append("document_id = ?")
        params.append(document_id)
    return list(
        db.query(
            f"SELECT * FROM suggestion_feedback WHERE {' AND '.join(where)} ORDER BY id DESC",
            params,
        )
    )
