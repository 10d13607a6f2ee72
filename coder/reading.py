"""Reading a plan: where each reader is, what they have read, where to go next.

Positions and pages read are stored per reader and plan, so a reader who
comes back tomorrow lands on the page they left, and the team sees which
plans are done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlite_utils

from coder.coding import Coding, codings, now
from coder.store import transaction


def set_position(db: sqlite_utils.Database, reader: str, document_id: int, page: int) -> None:
    """Remember the page a reader is on, and count it as read."""
    stamp = now()
    with transaction(db):
        db.execute(
            "INSERT INTO reading_positions (coder, document_id, page, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (coder, document_id)"
            " DO UPDATE SET page = excluded.page, updated_at = excluded.updated_at",
            [reader, document_id, page, stamp],
        )
        db.execute(
            "INSERT OR IGNORE INTO pages_read (coder, document_id, page, read_at)"
            " VALUES (?, ?, ?, ?)",
            [reader, document_id, page, stamp],
        )


def position(db: sqlite_utils.Database, reader: str, document_id: int) -> int:
    """The page the reader was last on in this plan (1 for a plan not yet opened)."""
    row = db.execute(
        "SELECT page FROM reading_positions WHERE coder = ? AND document_id = ?",
        [reader, document_id],
    ).fetchone()
    return row[0] if row else 1


def set_done(db: sqlite_utils.Database, reader: str, document_id: int, done: bool = True) -> None:
    """Mark (or unmark) a plan as completely read and coded by this reader."""
    with transaction(db):
        if done:
            db.execute(
                "INSERT OR IGNORE INTO plans_done (coder, document_id, done_at) VALUES (?, ?, ?)",
                [reader, document_id, now()],
            )
        else:
            db.execute(
                "DELETE FROM plans_done WHERE coder = ? AND document_id = ?", [reader, document_id]
            )


def is_done(db: sqlite_utils.Database, reader: str, document_id: int) -> bool:
    row = db.execute(
        "SELECT 1 FROM plans_done WHERE coder = ? AND document_id = ?", [reader, document_id]
    ).fetchone()
    return row is not None


@dataclass(slots=True)
class Progress:
    reader: str
    document_id: int
    organisation: str | None
    filename: str
    pages_read: int
    page_count: int
    fragments: int
    codings: int
    done: bool


def progress(db: sqlite_utils.Database, reader: str | None = None) -> list[Progress]:
    """Per reader and plan: pages read, fragments (distinct spans) and codings, done."""
    sql = """
        WITH pairs AS (
            SELECT coder, document_id FROM pages_read
            UNION SELECT coder, document_id FROM codings WHERE deleted_at IS NULL
            UNION SELECT coder, document_id FROM plans_done
        )
        SELECT p.coder AS reader, d.id AS document_id, o.name AS organisation, d.filename,
               (SELECT count(*) FROM pages_read r
                 WHERE r.coder = p.coder AND r.document_id = d.id) AS pages_read,
               COALESCE(d.page_count, 0) AS page_count,
               (SELECT count(DISTINCT c.start || '-' || c."end") FROM codings c
                 WHERE c.coder = p.coder AND c.document_id = d.id
                   AND c.deleted_at IS NULL) AS fragments,
               (SELECT count(*) FROM codings c WHERE c.coder = p.coder
                   AND c.document_id = d.id AND c.deleted_at IS NULL) AS codings,
               EXISTS (SELECT 1 FROM plans_done x
                        WHERE x.coder = p.coder AND x.document_id = d.id) AS done
        FROM pairs p JOIN documents d ON d.id = p.document_id
        LEFT JOIN organisations o ON o.id = d.organisation_id
        {where}
        ORDER BY o.name, d.filename, p.coder
    """
    params: list[object] = []
    where = ""
    if reader is not None:
        where, params = "WHERE p.coder = ?", [reader]
    rows = db.query(sql.format(where=where), params)
    return [Progress(**{**row, "done": bool(row["done"])}) for row in rows]


@dataclass(slots=True)
class PlanState:
    document_id: int
    organisation: str | None
    filename: str
    page_count: int
    readers: list[str]
    done_by: list[str]
    codings: int


def plans(db: sqlite_utils.Database) -> list[PlanState]:
    """Corpus-wide: every ingested plan, who read it, who marked it done."""
    result = []
    for row in db.query(
        """
        SELECT d.id, o.name AS organisation, d.filename, COALESCE(d.page_count, 0) AS pages,
               (SELECT group_concat(DISTINCT coder) FROM pages_read r
                 WHERE r.document_id = d.id) AS readers,
               (SELECT group_concat(coder) FROM plans_done x WHERE x.document_id = d.id) AS done,
               (SELECT count(*) FROM codings c WHERE c.document_id = d.id
                  AND c.deleted_at IS NULL) AS codings
        FROM documents d LEFT JOIN organisations o ON o.id = d.organisation_id
        WHERE d.status = 'ingested' ORDER BY o.name, d.filename
        """
    ):
        result.append(
            PlanState(
                document_id=row["id"],
                organisation=row["organisation"],
                filename=row["filename"],
                page_count=row["pages"],
                readers=sorted((row["readers"] or "").split(",")) if row["readers"] else [],
                done_by=sorted(row["done"].split(",")) if row["done"] else [],
                codings=row["codings"],
            )
        )
    return result


def page_of(db: sqlite_utils.Database, document_id: int, offset: int) -> int:
    """The page on which a text offset lies."""
    row = db.execute(
        "SELECT number FROM pages WHERE document_id = ? AND start <= ? ORDER BY start DESC,"
        " number DESC LIMIT 1",
        [document_id, offset],
    ).fetchone()
    return row[0] if row else 1


@dataclass(slots=True)
class Target:
    """Where to jump: a span and its page."""

    start: int
    end: int
    page: int


def next_uncoded(
    db: sqlite_utils.Database, reader: str, document_id: int, after: int
) -> Target | None:
    """The first paragraph or list item from ``after`` on that this reader has not coded."""
    row = db.execute(
        """
        SELECT s.start, s."end", s.page FROM segments s
        WHERE s.document_id = ? AND s.start >= ? AND s.kind IN ('paragraph', 'list_item')
          AND NOT EXISTS (
              SELECT 1 FROM codings c WHERE c.document_id = s.document_id AND c.coder = ?
                AND c.deleted_at IS NULL AND c.start < s."end" AND c."end" > s.start)
        ORDER BY s.start LIMIT 1
        """,
        [document_id, after, reader],
    ).fetchone()
    return Target(*row) if row else None


def adjacent_coding(visible: list[Coding], offset: int, direction: int) -> Coding | None:
    """The next (direction 1) or previous (-1) coding from ``offset`` among ``visible``."""
    if direction > 0:
        later = [c for c in visible if c.start > offset]
        return min(later, key=lambda c: (c.start, c.id)) if later else None
    earlier = [c for c in visible if c.start < offset]
    return max(earlier, key=lambda c: (c.start, c.id)) if earlier else None


def overview(
    db: sqlite_utils.Database, document_id: int, coders: list[str] | None = None
) -> dict[int, Counter[str]]:
    """Per page, how many codings of each code start there (which codes occur where)."""
    pages = db.execute(
        'SELECT number, start, "end" FROM pages WHERE document_id = ? ORDER BY number',
        [document_id],
    ).fetchall()
    result: dict[int, Counter[str]] = {number: Counter() for number, _, _ in pages}
    for coding in codings(db, document_id, coders=coders):
        for number, start, end in pages:
            if start <= coding.start < max(end, start + 1):
                result[number][coding.code_name] += 1
                break
    return result
