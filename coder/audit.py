"""The audit trail: one append-only log (``actions``) of every change, and queries on it.

Codings, the codebook, summaries and findings, pilots and users all write here,
through :func:`record`, inside the transaction of the change they describe: a
change and its entry commit together or not at all. Coding entries double as
the undo history (see :mod:`coder.coding`). Nothing here knows what an entry
means; secrets never reach it (a password change is logged without the hash).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from coder.errors import CoderError


def now() -> str:
    """UTC timestamp with microseconds: updated_at doubles as a version for conflicts."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_batch() -> str:
    """The id that groups the entries of one user action (what undo reverts at once)."""
    return uuid.uuid4().hex


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def record(
    db: sqlite_utils.Database,
    actor: str,
    verb: str,
    entity: str,
    entity_id: object,
    before: Any = None,
    after: Any = None,
    *,
    label: str = "",
    batch: str | None = None,
    undone_at: str | None = None,
) -> None:
    """Append one entry: who (``actor``) did ``verb`` to ``entity`` ``entity_id``, and the
    state before and after (JSON; None where there is none). Call inside the change's
    transaction."""
    db.execute(
        "INSERT INTO actions (batch_id, actor, at, verb, entity, entity_id, before, after,"
        " label, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            batch or new_batch(),
            actor,
            now(),
            verb,
            entity,
            str(entity_id),
            _json(before),
            _json(after),
            label or f"{verb} {entity} {entity_id}",
            undone_at,
        ],
    )


@dataclass(slots=True)
class Entry:
    """One logged change, its before/after decoded."""

    id: int
    batch_id: str
    actor: str
    at: str
    verb: str
    entity: str
    entity_id: str
    before: Any
    after: Any
    label: str
    undone_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _since(value: str) -> str:
    """An ISO date or time as the UTC text the log stores, for comparing as text."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise CoderError(
            f"since: {value!r} is not a date or time; write 2021-09-01 or 2021-09-01T14:30"
        ) from exc
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC).isoformat(timespec="microseconds")


def entries(
    db: sqlite_utils.Database,
    *,
    actor: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    since: str | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """Logged changes, oldest first; filtered by who, what kind of record, which record
    and from when (``since``: an ISO date or time, UTC unless it says otherwise);
    ``limit`` keeps the newest ones."""
    where, params = [], []
    for column, value in (("actor", actor), ("entity", entity), ("entity_id", entity_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(str(value))
    if since is not None:
        where.append("at >= ?")
        params.append(_since(since))
    sql = "SELECT * FROM actions" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = [
        Entry(
            **{
                **row,
                "before": json.loads(row["before"]) if row["before"] else None,
                "after": json.loads(row["after"]) if row["after"] else None,
            }
        )
        for row in db.query(sql, params)
    ]
    return rows[::-1]


def entities(db: sqlite_utils.Database) -> list[str]:
    """The kinds of record the log holds (coding, code, summary, pilot, user, ...)."""
    return [r[0] for r in db.execute("SELECT DISTINCT entity FROM actions ORDER BY entity")]
