"""Reading the corpus: its state, its documents and their pages.

Read-only verbs over the store, shared by the CLI and the app.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import sqlite_utils

from coder.errors import NotFoundError


@dataclass(slots=True)
class CorpusStatus:
    organisations: int
    documents: int
    ingested: int
    failed: int
    pages: int
    segments: int
    sentences: int
    ocr_pages: int
    failures: list[dict[str, str]]
    warnings: list[dict[str, str]]

    def as_dict(self) -> dict:
        return asdict(self)


def status(db: sqlite_utils.Database) -> CorpusStatus:
    """Counts of what is stored, the files that failed and the warnings."""

    def count(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    failures = [
        {"path": r["path"], "error": r["error"]}
        for r in db.query("SELECT path, error FROM documents WHERE error IS NOT NULL ORDER BY path")
    ]
    warnings = [
        {"path": r["path"], "warning": w}
        for r in db.query(
            "SELECT path, warnings FROM documents WHERE warnings != '[]' ORDER BY path"
        )
        for w in json.loads(r["warnings"])
    ]
    return CorpusStatus(
        organisations=count("SELECT count(*) FROM organisations"),
        documents=count("SELECT count(*) FROM documents"),
        ingested=count("SELECT count(*) FROM documents WHERE status = 'ingested'"),
        failed=count("SELECT count(*) FROM documents WHERE status = 'failed'"),
        pages=count("SELECT count(*) FROM pages"),
        segments=count("SELECT count(*) FROM segments"),
        sentences=count("SELECT count(*) FROM sentences"),
        ocr_pages=count("SELECT count(*) FROM pages WHERE needs_ocr"),
        failures=failures,
        warnings=warnings,
    )


def documents(db: sqlite_utils.Database) -> list[dict]:
    """Every document with its organisation and the organisation's attributes."""
    rows = db.query(
        """
        SELECT d.id, d.filename, d.path, d.doc_type, d.period, d.page_count, d.status, d.error,
               o.name AS organisation, o.functions, o.subsidy, o.fte, o.region, o.branches,
               o.new_entrant, o.org_type, o.legal_form
        FROM documents d LEFT JOIN organisations o ON o.id = d.organisation_id
        ORDER BY o.name, d.period, d.filename
        """
    )
    result = []
    for row in rows:
        row["functions"] = json.loads(row["functions"] or "[]")
        result.append(row)
    return result


@dataclass(slots=True)
class PageSegment:
    """The part of one segment that lies on one page."""

    segment_id: int
    kind: str
    level: int | None
    section: str
    start: int
    end: int
    text: str
    cells: list[list[str]] | None


@dataclass(slots=True)
class PageView:
    document_id: int
    number: int
    label: str | None
    start: int
    end: int
    page_count: int
    needs_ocr: bool
    segments: list[PageSegment]


def page(db: sqlite_utils.Database, document_id: int, number: int) -> PageView:
    """One page of a document in reading order, segments cut at the page's offsets."""
    found = list(
        db.query(
            'SELECT p.number, p.label, p.start, p."end", p.needs_ocr, d.page_count, d.text'
            " FROM pages p JOIN documents d ON d.id = p.document_id"
            " WHERE p.document_id = ? AND p.number = ?",
            [document_id, number],
        )
    )
    if not found:
        raise NotFoundError(f"document {document_id} has no page {number}")
    row = found[0]
    text = row["text"]
    segments = [
        PageSegment(
            segment_id=s["id"],
            kind=s["kind"],
            level=s["level"],
            section=s["section"],
            start=max(s["start"], row["start"]),
            end=min(s["end"], row["end"]),
            text=text[max(s["start"], row["start"]) : min(s["end"], row["end"])],
            cells=json.loads(s["cells"]) if s["cells"] and s["start"] >= row["start"] else None,
        )
        for s in db.query(
            'SELECT id, kind, level, section, start, "end", cells FROM segments'
            ' WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY seq',
            [document_id, row["end"], row["start"]],
        )
    ]
    return PageView(
        document_id=document_id,
        number=number,
        label=row["label"],
        start=row["start"],
        end=row["end"],
        page_count=row["page_count"],
        needs_ocr=bool(row["needs_ocr"]),
        segments=segments,
    )


def document_text(db: sqlite_utils.Database, document_id: int) -> str:
    """The canonical full text of a document."""
    row = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise NotFoundError(f"document {document_id} does not exist")
    return row[0]
