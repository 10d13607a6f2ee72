"""Reading and writing the codebook tables (codes, versions, changes) and coding counts.

The only codebook module with SQL in it; the verbs in :mod:`service` and
:mod:`history` work on :class:`Code` objects and call these.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from coder import audit, coding
from coder.codebook.model import Code, ordered

CODE_COLUMNS = (
    "id, parent_id, name, short_name, colour, definition, inclusion, exclusion, examples,"
    " is_group, sort_order, guid"
)


@dataclass
class Change:
    """One line of the change log: what happened to one field (or all) of one code."""

    code_id: str
    action: str
    field: str | None = None
    before: Any = None
    after: Any = None
    detail: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "code_id": self.code_id,
            "action": self.action,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "detail": self.detail,
        }


@dataclass
class Version:
    """One codebook version: who, when, a one-line summary and its changes."""

    version: int
    actor: str
    created_at: str
    summary: str
    changes: list[Change] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "actor": self.actor,
            "created_at": self.created_at,
            "summary": self.summary,
            "changes": [c.as_dict() for c in self.changes],
        }


def now() -> str:
    """UTC, to the second: what 'when' means in the log."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _code(row: dict[str, Any]) -> Code:
    return Code(
        id=row["id"],
        parent_id=row["parent_id"],
        name=row["name"],
        short_name=row["short_name"],
        colour=row["colour"],
        definition=row["definition"],
        inclusion=row["inclusion"],
        exclusion=row["exclusion"],
        examples=json.loads(row["examples"]),
        is_group=bool(row["is_group"]),
        sort_order=row["sort_order"],
        guid=row["guid"],
    )


def active_codes(db: sqlite_utils.Database) -> list[Code]:
    """The codes in use now, in reading order."""
    rows = db.query(f"SELECT {CODE_COLUMNS} FROM codes WHERE retired_at IS NULL")
    return ordered(_code(row) for row in rows)


def retired_codes(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """Retired codes by id, with when, in which version and (after a merge) into what."""
    rows = db.query(
        f"SELECT {CODE_COLUMNS}, retired_at, retired_version, merged_into"
        " FROM codes WHERE retired_at IS NOT NULL"
    )
    return {row["id"]: {**row, "code": _code(row)} for row in rows}


def stored_guids(db: sqlite_utils.Database) -> dict[str, str]:
    """GUID of every code ever stored (retired too), by id: a code keeps its GUID."""
    return {row["id"]: row["guid"] for row in db.query("SELECT id, guid FROM codes")}


def has_codes(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM codes LIMIT 1").fetchone() is not None


def current_version(db: sqlite_utils.Database) -> int:
    """The latest version number; 0 while no codebook was loaded."""
    return db.execute("SELECT coalesce(max(version), 0) FROM codebook_versions").fetchone()[0]


def coding_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Live (not deleted) codings per code id."""
    rows = db.execute(
        "SELECT code_id, count(*) FROM codings WHERE deleted_at IS NULL GROUP BY code_id"
    )
    return dict(rows.fetchall())


def write_version(
    db: sqlite_utils.Database,
    *,
    actor: str,
    summary: str,
    changes: list[Change],
    new_codes: list[Code],
    removed: dict[str, str | None],
) -> int:
    """Append a version with its changes and bring ``codes`` to the new state.

    ``removed`` maps each code leaving the codebook to the code it was merged into
    (or None). Call inside a transaction: the version number is taken there.
    """
    version = current_version(db) + 1
    stamp = now()
    db.execute(
        "INSERT INTO codebook_versions (version, actor, created_at, summary) VALUES (?, ?, ?, ?)",
        [version, actor, stamp, summary],
    )
    db.conn.executemany(
        "INSERT INTO codebook_changes (version, code_id, action, field, before, after, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                version,
                c.code_id,
                c.action,
                c.field,
                None if c.before is None else json.dumps(c.before, ensure_ascii=False),
                None if c.after is None else json.dumps(c.after, ensure_ascii=False),
                None if c.detail is None else json.dumps(c.detail, ensure_ascii=False),
            )
            for c in changes
        ],
    )
    batch = audit.new_batch()
    for c in changes:
        before, after = (c.before, c.after) if c.field is None else _fields(c)
        label = f"codebook version {version}: {summary}"
        audit.record(
            db, actor, c.action, "code", c.code_id, before, after, label=label, batch=batch
        )
    touched = {c.code_id for c in changes}
    for code in new_codes:
        if code.id not in touched:
            continue
        db.execute(
            f"INSERT INTO codes ({CODE_COLUMNS}, created_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id,"
            " name = excluded.name, short_name = excluded.short_name,"
            " colour = excluded.colour, definition = excluded.definition,"
            " inclusion = excluded.inclusion, exclusion = excluded.exclusion,"
            " examples = excluded.examples, is_group = excluded.is_group,"
            " sort_order = excluded.sort_order, guid = excluded.guid,"
            " retired_at = NULL, retired_version = NULL, merged_into = NULL",
            [
                code.id,
                code.parent_id,
                code.name,
                code.short_name,
                code.colour,
                code.definition,
                code.inclusion,
                code.exclusion,
                json.dumps(code.examples, ensure_ascii=False),
                int(code.is_group),
                code.sort_order,
                code.guid,
                version,
            ],
        )
    for code_id, merged_into in removed.items():
        db.execute(
            "UPDATE codes SET retired_at = ?, retired_version = ?, merged_into = ? WHERE id = ?",
            [stamp, version, merged_into, code_id],
        )
    return version


def _fields(change: Change) -> tuple[dict[str, Any], dict[str, Any]]:
    """The before and after of a one-field change, named by the field."""
    return {change.field: change.before}, {change.field: change.after}


def versions(
    db: sqlite_utils.Database, *, code_id: str | None = None, upto: int | None = None
) -> list[Version]:
    """Versions oldest first with their changes; only those touching ``code_id`` if given."""
    result: dict[int, Version] = {
        row["version"]: Version(row["version"], row["actor"], row["created_at"], row["summary"])
        for row in db.query(
            "SELECT version, actor, created_at, summary FROM codebook_versions"
            " WHERE version <= ? ORDER BY version",
            [upto if upto is not None else 2**62],
        )
    }
    sql = "SELECT version, code_id, action, field, before, after, detail FROM codebook_changes"
    params: list[Any] = []
    if code_id is not None:
        sql += " WHERE code_id = ?"
        params.append(code_id)
    for row in db.query(sql + " ORDER BY id", params):
        if row["version"] not in result:
            continue
        result[row["version"]].changes.append(
            Change(
                code_id=row["code_id"],
                action=row["action"],
                field=row["field"],
                before=None if row["before"] is None else json.loads(row["before"]),
                after=None if row["after"] is None else json.loads(row["after"]),
                detail=None if row["detail"] is None else json.loads(row["detail"]),
            )
        )
    entries = list(result.values())
    if code_id is not None:
        entries = [v for v in entries if v.changes]
    return entries


def live_codings(db: sqlite_utils.Database, code_id: str) -> list[dict[str, Any]]:
    """The live codings of a code with their document, for review lists."""
    return list(
        db.query(
            'SELECT c.id, c.document_id, d.filename AS document, c.start, c."end", c.text,'
            " c.coder, c.memo FROM codings c LEFT JOIN documents d ON d.id = c.document_id"
            " WHERE c.code_id = ? AND c.deleted_at IS NULL ORDER BY c.document_id, c.start",
            [code_id],
        )
    )


def move_codings(
    db: sqlite_utils.Database, coding_ids: list[int], target: str, *, actor: str, label: str
) -> tuple[int, int]:
    """Point live codings at ``target``; (moved, duplicates dropped).

    A coding whose span and coder the target already has is not moved but
    soft-deleted (its memo joins the kept one), so a fragment never ends up
    coded twice with the same code by the same coder. Every touched coding is
    written to the action log as an audit-only ``recode`` (not undoable by a
    reader). Call inside a transaction.
    """
    stamp = now()
    batch = uuid.uuid4().hex
    moved = duplicates = 0
    touched: list[tuple[int, dict]] = []

    def remember(coding_id: int) -> None:
        touched.append((coding_id, coding.snapshot(db, coding_id)))

    for coding_id in coding_ids:
        row = db.execute(
            'SELECT document_id, start, "end", coder, memo FROM codings'
            " WHERE id = ? AND deleted_at IS NULL",
            [coding_id],
        ).fetchone()
        if row is None:
            continue
        document_id, start, end, coder, memo = row
        twin = db.execute(
            "SELECT id, memo FROM codings WHERE code_id = ? AND document_id = ? AND start = ?"
            ' AND "end" = ? AND coder = ? AND deleted_at IS NULL AND id != ? LIMIT 1',
            [target, document_id, start, end, coder, coding_id],
        ).fetchone()
        remember(coding_id)
        if twin is None:
            db.execute(
                "UPDATE codings SET code_id = ?, updated_at = ? WHERE id = ?",
                [target, stamp, coding_id],
            )
            moved += 1
            continue
        twin_id, twin_memo = twin
        if memo and memo not in twin_memo:
            remember(twin_id)
            joined = f"{twin_memo}\n\n{memo}" if twin_memo else memo
            db.execute(
                "UPDATE codings SET memo = ?, updated_at = ? WHERE id = ?",
                [joined, stamp, twin_id],
            )
        db.execute(
            "UPDATE codings SET deleted_at = ?, updated_at = ? WHERE id = ?",
            [stamp, stamp, coding_id],
        )
        duplicates += 1
    for coding_id, before in touched:
        coding.log(
            db, batch, actor, "recode", coding_id, before, coding.snapshot(db, coding_id), label
        )
    return moved, duplicates


def live_coding_ids(db: sqlite_utils.Database, code_id: str) -> list[int]:
    rows = db.execute(
        "SELECT id FROM codings WHERE code_id = ? AND deleted_at IS NULL ORDER BY id", [code_id]
    )
    return [r[0] for r in rows.fetchall()]


def codings_by_id(db: sqlite_utils.Database, coding_ids: list[int]) -> dict[int, str | None]:
    """code_id of each given live coding (missing or deleted ones are absent)."""
    if not coding_ids:
        return {}
    marks = ",".join("?" * len(coding_ids))
    rows = db.execute(
        f"SELECT id, code_id FROM codings WHERE id IN ({marks}) AND deleted_at IS NULL",
        coding_ids,
    )
    return dict(rows.fetchall())
