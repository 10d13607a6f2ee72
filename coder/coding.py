"""Coding: readers assign text fragments to codes.

A coding is one span of one document's canonical text, (document, start, end),
assigned to one code by one reader. Coding a fragment with three codes makes
three codings in one batch. Every change is one transaction and is written to
the append-only ``actions`` log (before/after), which is both the audit trail
and what :func:`undo` reverts, batch by batch. Readers change only their own
codings; deletes are soft.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import sqlite_utils

from coder import audit
from coder.audit import now
from coder.errors import (
    CodingError,
    ConflictError,
    FrozenError,
    NotFoundError,
    PermissionDenied,
)
from coder.store import transaction
from coder.users import ensure_user as ensure_user  # coding.ensure_user, as before
from coder.users import require

ORIGINS = ("manual", "search", "suggestion", "import", "simulated")
_FIELDS = (
    "id",
    "document_id",
    "start",
    "end",
    "text",
    "code_id",
    "coder",
    "memo",
    "anchor",
    "origin",
    "batch_id",
    "created_at",
    "updated_at",
    "deleted_at",
)
_COLUMNS = ", ".join('"' + field + '"' for field in _FIELDS)


@dataclass(slots=True)
class Coding:
    id: int
    document_id: int
    start: int
    end: int
    text: str
    code_id: str
    coder: str
    memo: str
    anchor: str
    origin: str
    batch_id: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    code_name: str = ""
    colour: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


# users ------------------------------------------------------------------------
def users(db: sqlite_utils.Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            # simulated pilot coders (coder pilot simulate) are not readers one can be
            "SELECT name FROM users WHERE disabled_at IS NULL AND NOT simulated ORDER BY name"
        )
    ]


# pilots: blind coding and frozen codings ---------------------------------------
def visible_coders(db: sqlite_utils.Database, viewer: str, document_id: int) -> list[str] | None:
    """Whose codings ``viewer`` may see on this plan: None for everyone's, else only theirs.

    While a pilot that holds the plan is open, each of its coders codes blind:
    seeing the others' codings would make their agreement say nothing about the
    codebook. Every view of other readers' codings asks this first.
    """
    row = db.execute(
        "SELECT 1 FROM pilots p JOIN pilot_plans pp ON pp.pilot_id = p.id"
        " JOIN pilot_coders pc ON pc.pilot_id = p.id"
        " WHERE p.status = 'open' AND pp.document_id = ? AND pc.coder = ? LIMIT 1",
        [document_id, viewer],
    ).fetchone()
    return [viewer] if row else None


def suggestions_allowed(db: sqlite_utils.Database, reader: str, document_id: int) -> bool:
    """Code suggestions are off for a coder of an open pilot on its plans (they would
    steer every coder the same way and inflate the agreement the pilot measures)."""
    return visible_coders(db, reader, document_id) is None


def _check_frozen(db: sqlite_utils.Database, coding_ids: Sequence[int]) -> None:
    """Refuse to change codings that a closed pilot froze (its reliability evidence)."""
    ids = list(coding_ids)
    for first in range(0, len(ids), 500):  # a "code all hits" batch can be long
        chunk = ids[first : first + 500]
        row = db.execute(
            "SELECT pc.coding_id, p.name FROM pilot_codings pc JOIN pilots p ON p.id = pc.pilot_id"
            f" WHERE p.status = 'closed' AND pc.coding_id IN ({', '.join('?' * len(chunk))})"
            " LIMIT 1",
            chunk,
        ).fetchone()
        if row is not None:
            raise FrozenError(
                f"coding {row[0]} belongs to the closed pilot {row[1]!r}: its codings are"
                " frozen; code the plan anew instead"
            )


# reading codings --------------------------------------------------------------
def _rows(db: sqlite_utils.Database, where: str, params: Sequence[object]) -> list[Coding]:
    sql = f"""
        SELECT c.*, COALESCE(k.name, c.code_id) AS code_name, k.colour AS colour
        FROM codings c LEFT JOIN codes k ON k.id = c.code_id
        WHERE {where} ORDER BY c.start, c."end", c.id
    """
    return [Coding(**row) for row in db.query(sql, list(params))]


def get(db: sqlite_utils.Database, coding_id: int) -> Coding:
    found = _rows(db, "c.id = ?", [coding_id])
    if not found:
        raise NotFoundError(f"coding {coding_id} does not exist")
    return found[0]


def codings(
    db: sqlite_utils.Database,
    document_id: int,
    *,
    coders: Iterable[str] | None = None,
    code_ids: Iterable[str] | None = None,
    start: int | None = None,
    end: int | None = None,
) -> list[Coding]:
    """Live codings of a document, optionally only some coders/codes or a range."""
    where, params = ["c.document_id = ?", "c.deleted_at IS NULL"], [document_id]
    for column, values in (("c.coder", coders), ("c.code_id", code_ids)):
        if values is not None:
            values = list(values)
            where.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
            params.extend(values)
    if start is not None:
        where.append('c."end" > ?')
        params.append(start)
    if end is not None:
        where.append("c.start < ?")
        params.append(end)
    return _rows(db, " AND ".join(where), params)


# changing codings -------------------------------------------------------------
def _document_text(db: sqlite_utils.Database, document_id: int) -> str:
    row = db.execute("SELECT text, status FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None or row[1] != "ingested":
        raise NotFoundError(f"document {document_id} does not exist or is not ingested")
    return row[0]


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """Check a span and trim whitespace at its edges, as a reader means it."""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(text):
        raise CodingError(f"span {start}-{end} is outside the document (0-{len(text)})")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise CodingError("the selected span holds only white space")
    return start, end


def _check_codes(db: sqlite_utils.Database, code_ids: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(code_ids))
    if not wanted:
        raise CodingError("choose at least one code")
    for code_id in wanted:
        row = db.execute(
            "SELECT is_group, retired_at FROM codes WHERE id = ?", [code_id]
        ).fetchone()
        if row is None:
            raise CodingError(
                f"unknown code {code_id!r}: load a codebook first (coder codebook load FILE)"
            )
        if row[0]:
            raise CodingError(f"code {code_id!r} is a group: choose one of its codes")
        if row[1]:
            raise CodingError(f"code {code_id!r} is retired")
    return wanted


def snapshot(db: sqlite_utils.Database, coding_id: int) -> dict:
    """The coding's row as stored, for the before/after of the action log."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM codings WHERE id = ?",
        [coding_id],
    ).fetchone()
    return dict(zip(_FIELDS, row, strict=True))


#: the verbs a reader's undo reverts; other logged changes (a codebook merge's
#: "recode") are audit-only, so an undo never puts codings back on a retired code
UNDOABLE = ("create", "update", "delete")


def log(
    db: sqlite_utils.Database,
    batch: str,
    actor: str,
    verb: str,
    coding_id: int,
    before: dict | None,
    after: dict | None,
    label: str,
    undone_at: str | None = None,
) -> None:
    """Write a change of one coding to the audit trail (the undo history too)."""
    audit.record(
        db,
        actor,
        verb,
        "coding",
        coding_id,
        before,
        after,
        label=label,
        batch=batch,
        undone_at=undone_at,
    )


def _insert_new(
    db: sqlite_utils.Database,
    actor: str,
    batch: str,
    stamp: str,
    label: str,
    document_id: int,
    start: int,
    end: int,
    text: str,
    code_id: str,
    *,
    memo: str,
    origin: str,
) -> int | None:
    """Insert and log one coding unless this reader already has it live; its id or None."""
    exists = db.execute(
        'SELECT 1 FROM codings WHERE document_id = ? AND start = ? AND "end" = ?'
        " AND code_id = ? AND coder = ? AND deleted_at IS NULL",
        [document_id, start, end, code_id, actor],
    ).fetchone()
    if exists:
        return None
    coding_id = (
        db["codings"]
        .insert(
            {
                "document_id": document_id,
                "start": start,
                "end": end,
                "text": text,
                "code_id": code_id,
                "coder": actor,
                "memo": memo,
                "origin": origin,
                "batch_id": batch,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        .last_pk
    )
    log(db, batch, actor, "create", coding_id, None, snapshot(db, coding_id), label)
    return coding_id


def create(
    db: sqlite_utils.Database,
    actor: str,
    document_id: int,
    start: int,
    end: int,
    code_ids: Iterable[str],
    *,
    memo: str = "",
    origin: str = "manual",
) -> list[Coding]:
    """Code the span with each code (one batch); an identical live coding is not duplicated."""
    if origin not in ORIGINS:
        raise CodingError(f"origin {origin!r} is not one of {', '.join(ORIGINS)}")
    batch = uuid.uuid4().hex
    with transaction(db):
        require(db, actor, "code")
        text = _document_text(db, document_id)
        start, end = _span(text, start, end)
        codes = _check_codes(db, code_ids)
        created = []
        stamp = now()
        label = f"coded {len(codes)} code(s): {text[start:end][:40]}"
        for code_id in codes:
            coding_id = _insert_new(
                db,
                actor,
                batch,
                stamp,
                label,
                document_id,
                start,
                end,
                text[start:end],
                code_id,
                memo=memo,
                origin=origin,
            )
            if coding_id is not None:
                created.append(coding_id)
    return [get(db, i) for i in created]


def _own(db: sqlite_utils.Database, actor: str, coding_id: int) -> dict:
    require(db, actor, "code")
    row = db.execute("SELECT coder, deleted_at FROM codings WHERE id = ?", [coding_id]).fetchone()
    if row is None or row[1] is not None:
        raise NotFoundError(f"coding {coding_id} does not exist or was deleted")
    if row[0] != actor:
        raise PermissionDenied(
            f"coding {coding_id} belongs to {row[0]}; you can only change your own"
        )
    _check_frozen(db, [coding_id])
    return snapshot(db, coding_id)


def update(
    db: sqlite_utils.Database,
    actor: str,
    coding_id: int,
    *,
    start: int | None = None,
    end: int | None = None,
    memo: str | None = None,
    expected_updated_at: str | None = None,
) -> Coding:
    """Change the span and/or memo of one's own coding.

    With ``expected_updated_at`` (the version the reader saw), a coding
    changed in the meantime raises :class:`ConflictError` instead of being
    silently overwritten.
    """
    batch = uuid.uuid4().hex
    with transaction(db):
        before = _own(db, actor, coding_id)
        if expected_updated_at is not None and before["updated_at"] != expected_updated_at:
            raise ConflictError(f"coding {coding_id} was changed meanwhile: reload and retry")
        changes: dict[str, object] = {}
        if start is not None or end is not None:
            text = _document_text(db, before["document_id"])
            new_start, new_end = _span(
                text,
                before["start"] if start is None else start,
                before["end"] if end is None else end,
            )
            changes.update(start=new_start, end=new_end, text=text[new_start:new_end], anchor="ok")
        if memo is not None:
            changes["memo"] = memo
        if not changes:
            return get(db, coding_id)
        changes["updated_at"] = now()
        db["codings"].update(coding_id, changes)
        label = "changed span" if "start" in changes else "changed memo"
        log(db, batch, actor, "update", coding_id, before, snapshot(db, coding_id), label)
    return get(db, coding_id)


def delete(db: sqlite_utils.Database, actor: str, coding_ids: Iterable[int]) -> int:
    """Soft-delete one's own codings (one batch); returns how many."""
    batch = uuid.uuid4().hex
    ids = list(coding_ids)
    with transaction(db):
        for coding_id in ids:
            before = _own(db, actor, coding_id)
            db["codings"].update(coding_id, {"deleted_at": now(), "updated_at": now()})
            log(
                db,
                batch,
                actor,
                "delete",
                coding_id,
                before,
                snapshot(db, coding_id),
                f"deleted {len(ids)} coding(s)",
            )
    return len(ids)


def set_codes(
    db: sqlite_utils.Database, actor: str, coding_id: int, code_ids: Iterable[str]
) -> list[Coding]:
    """Give a fragment (one's codings with this coding's span) exactly these codes."""
    wanted = list(dict.fromkeys(code_ids))
    batch = uuid.uuid4().hex
    with transaction(db):
        base = _own(db, actor, coding_id)
        _check_codes(db, wanted)
        fragment = codings(
            db, base["document_id"], coders=[actor], start=base["start"], end=base["end"]
        )
        fragment = [c for c in fragment if (c.start, c.end) == (base["start"], base["end"])]
        have = {c.code_id: c for c in fragment}
        label = f"changed codes: {base['text'][:40]}"
        stamp = now()
        for code_id, coding in have.items():
            if code_id not in wanted:
                before = snapshot(db, coding.id)
                db["codings"].update(coding.id, {"deleted_at": stamp, "updated_at": stamp})
                log(db, batch, actor, "delete", coding.id, before, snapshot(db, coding.id), label)
        for code_id in wanted:
            if code_id not in have:
                new_id = (
                    db["codings"]
                    .insert(
                        {
                            "document_id": base["document_id"],
                            "start": base["start"],
                            "end": base["end"],
                            "text": base["text"],
                            "code_id": code_id,
                            "coder": actor,
                            "memo": base["memo"],
                            "origin": "manual",
                            "batch_id": batch,
                            "created_at": stamp,
                            "updated_at": stamp,
                        }
                    )
                    .last_pk
                )
                log(db, batch, actor, "create", new_id, None, snapshot(db, new_id), label)
    return [
        c
        for c in codings(db, base["document_id"], coders=[actor])
        if (c.start, c.end) == (base["start"], base["end"])
    ]


def code_spans(
    db: sqlite_utils.Database,
    actor: str,
    spans: Iterable[tuple[int, int, int]],
    code_id: str,
    *,
    origin: str = "search",
) -> int:
    """Code many (document, start, end) spans with one code as one undoable batch.

    This is "code all hits": all or nothing, so a failure half-way leaves no
    partial batch. Spans already coded so by this reader are skipped.
    Returns the number of codings made.
    """
    batch = uuid.uuid4().hex
    made = 0
    with transaction(db):
        require(db, actor, "code")
        _check_codes(db, [code_id])
        texts: dict[int, str] = {}
        stamp = now()
        spans = list(spans)
        for document_id, raw_start, raw_end in spans:
            if document_id not in texts:
                texts[document_id] = _document_text(db, document_id)
            text = texts[document_id]
            start, end = _span(text, raw_start, raw_end)
            label = f"coded {len(spans)} search hits as {code_id}"
            coding_id = _insert_new(
                db,
                actor,
                batch,
                stamp,
                label,
                document_id,
                start,
                end,
                text[start:end],
                code_id,
                memo="",
                origin=origin,
            )
            made += coding_id is not None
    return made


# undo -------------------------------------------------------------------------
def last_action(db: sqlite_utils.Database, actor: str) -> str | None:
    """The label of the batch :func:`undo` would revert, or None."""
    row = db.execute(
        "SELECT label FROM actions WHERE actor = ? AND undone_at IS NULL"
        f" AND verb IN {UNDOABLE} ORDER BY id DESC LIMIT 1",
        [actor],
    ).fetchone()
    return row[0] if row else None


def undo(db: sqlite_utils.Database, actor: str) -> str:
    """Revert the actor's last batch of changes; returns its label.

    Each reverted change is logged too (already marked undone, so undo never
    undoes an undo), which keeps the audit trail complete.
    """
    with transaction(db):
        require(db, actor, "code")
        row = db.execute(
            "SELECT batch_id, label FROM actions WHERE actor = ? AND undone_at IS NULL"
            f" AND verb IN {UNDOABLE} ORDER BY id DESC LIMIT 1",
            [actor],
        ).fetchone()
        if row is None:
            raise CodingError("nothing to undo")
        batch, label = row
        stamp = now()
        undo_batch = uuid.uuid4().hex
        entries = db.execute(
            "SELECT id, verb, entity_id, before FROM actions WHERE batch_id = ? ORDER BY id DESC",
            [batch],
        ).fetchall()
        _check_frozen(db, [int(entry[2]) for entry in entries])
        for _, verb, entity_id, before_json in entries:
            coding_id = int(entity_id)
            current = snapshot(db, coding_id)
            if verb == "create":
                db["codings"].update(coding_id, {"deleted_at": stamp, "updated_at": stamp})
            else:  # update or delete: back to the state before
                before = json.loads(before_json)
                db["codings"].update(
                    coding_id,
                    {
                        k: before[k]
                        # never code_id: a reader's edits do not change it, and a
                        # merge since then must not be reverted by a reader's undo
                        for k in ("start", "end", "text", "memo", "anchor", "deleted_at")
                    }
                    | {"updated_at": stamp},
                )
            log(
                db,
                undo_batch,
                actor,
                f"undo-{verb}",
                coding_id,
                current,
                snapshot(db, coding_id),
                f"undo: {label}",
                undone_at=stamp,
            )
        db.execute("UPDATE actions SET undone_at = ? WHERE batch_id = ?", [stamp, batch])
    return label


def history(db: sqlite_utils.Database, coding_id: int) -> list[dict]:
    """Every logged change of one coding, oldest first (the per-fragment history)."""
    return [
        {
            **row,
            "before": json.loads(row["before"]) if row["before"] else None,
            "after": json.loads(row["after"]) if row["after"] else None,
        }
        for row in db.query(
            "SELECT id, actor, at, verb, label, before, after, undone_at FROM actions"
            " WHERE entity = 'coding' AND entity_id = ? ORDER BY id",
            [str(coding_id)],
        )
    ]
