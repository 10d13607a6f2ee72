"""A plan that arrives as plain text, stored as if it had been ingested from a PDF.

Imported sources have no PDF, yet the workspace, search and exports need pages,
segments and sentences. Paragraphs are the blocks between blank lines (the way
coder's canonical text joins its segments), sentences come from the same Dutch
sentence splitter as ingest. When the text was exported by coder, its
:class:`Layout` (pages with printed numbers; headings, list items and tables)
rides along in the source's description and is restored, so section paths and
pages survive the round trip; otherwise the document is one page of paragraphs.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlite_utils

from coder.ingest.sentences import sentence_spans

LAYOUT_PREFIX = "coder-layout:"
KINDS = ("heading", "paragraph", "list_item", "table")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")
LONG_BLOCK = 2_000  # characters; see paragraphs()


@dataclass
class Layout:
    """Pages (number, start, end, printed label) and the non-paragraph blocks by start offset."""

    pages: list[tuple[int, int, int, str | None]] = field(default_factory=list)
    blocks: dict[int, tuple[str, int | None]] = field(default_factory=dict)

    def to_text(self) -> str:
        """One line for a source description: ``coder-layout: {json}``."""
        data = {
            "pages": [list(page) for page in self.pages],
            "blocks": [
                [start, kind, level] for start, (kind, level) in sorted(self.blocks.items())
            ],
        }
        return f"{LAYOUT_PREFIX} {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}"

    @classmethod
    def from_description(cls, description: str, length: int) -> Layout | None:
        """The layout a description carries, if any and if it fits a text of ``length``.

        A layout that does not fit (edited by hand, or the text changed in another
        tool) is ignored rather than trusted: None means "one page of paragraphs".
        """
        for line in description.splitlines():
            if not line.startswith(LAYOUT_PREFIX):
                continue
            try:
                data = json.loads(line[len(LAYOUT_PREFIX) :])
                pages = [
                    (int(n), int(s), int(e), None if label is None else str(label))
                    for n, s, e, label in data.get("pages", [])
                ]
                blocks = {
                    int(start): (str(kind), None if level is None else int(level))
                    for start, kind, level in data.get("blocks", [])
                }
            except (ValueError, TypeError, AttributeError):
                return None
            starts = [p[1] for p in pages]
            if (
                any(not 0 <= s <= e <= length for _, s, e, _ in pages)
                or starts != sorted(starts)
                or len({p[0] for p in pages}) != len(pages)
                or any(kind not in KINDS for kind, _ in blocks.values())
            ):
                return None
            return cls(pages, blocks)
        return None


def layout_of(db: sqlite_utils.Database, document_id: int) -> Layout:
    """A stored document's pages and non-paragraph segments, for an export."""
    pages = [
        tuple(row)
        for row in db.execute(
            'SELECT number, start, "end", label FROM pages WHERE document_id = ? ORDER BY number',
            [document_id],
        )
    ]
    blocks = {
        row[0]: (row[1], row[2])
        for row in db.execute(
            "SELECT start, kind, level FROM segments WHERE document_id = ? AND kind != 'paragraph'"
            " ORDER BY seq",
            [document_id],
        )
    }
    return Layout(pages, blocks)  # type: ignore[arg-type]


def _blocks(text: str, separator: re.Pattern[str], offset: int = 0) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            spans.append((offset + start, offset + start + len(stripped)))
        if match:
            position = match.end()
    return spans


def paragraphs(text: str, *, long_block: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each block between blank lines, without the white space at its edges.

    With ``long_block``, a block longer than that is split at its line breaks too:
    texts from other tools often put one paragraph per line with no blank line
    between them, which would otherwise make one huge "paragraph".
    """
    result = []
    for start, end in _blocks(text, _BLANK_LINE):
        if long_block is not None and end - start > long_block and "\n" in text[start:end]:
            result.extend(_blocks(text[start:end], _LINE_BREAK, start))
        else:
            result.append((start, end))
    return result


def _sentences(kind: str, text: str, start: int) -> list[tuple[int, int]] | None:
    """Sentences of a block that needs no language model (None: ask spaCy)."""
    if kind == "table":
        spans, offset = [], 0
        for row in text.split("\n"):
            if row.strip():
                spans.append((start + offset, start + offset + len(row)))
            offset += len(row) + 1
        return spans
    if kind == "heading":
        return [(start, start + len(text))]
    return None


def store_text_document(
    db: sqlite_utils.Database,
    *,
    path: str,
    filename: str,
    organisation_id: int | None,
    text: str,
    doc_type: str = "beleidsplan",
    period: str | None = None,
    layout: Layout | None = None,
    engine: str = "plain text",
) -> int:
    """Store a text as an ingested document with pages, segments and sentences; its id.

    Call inside a transaction (the import's): the rows are only seen when it commits.
    """
    blocks = paragraphs(text, long_block=None if layout else LONG_BLOCK)
    layout = layout or Layout()
    pages = layout.pages or [(1, 0, len(text), None)]
    page_starts = [p[1] for p in pages]
    document_id = (
        db["documents"]
        .insert(
            {
                "organisation_id": organisation_id,
                "path": path,
                "filename": filename,
                "sha256": None,
                "size": len(text.encode("utf-8")),
                "doc_type": doc_type,
                "period": period,
                "page_count": len(pages),
                "status": "ingested",
                "error": None,
                "warnings": "[]",
                "ocr_pages": "[]",
                "text": text,
                "engine": engine,
                "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        )
        .last_pk
    )
    conn = db.conn
    conn.executemany(
        'INSERT INTO pages (document_id, number, label, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(document_id, number, label, start, end) for number, start, end, label in pages],
    )

    def page_at(offset: int) -> int:
        return pages[max(bisect_right(page_starts, offset) - 1, 0)][0]

    stack: list[tuple[int, str]] = []
    segments = []
    for start, end in blocks:
        kind, level = layout.blocks.get(start, ("paragraph", None))
        body = text[start:end]
        if kind == "heading":
            level = level or 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            section = " > ".join(t for _, t in stack)
            stack.append((level, body))
        else:
            section = " > ".join(t for _, t in stack)
        segments.append((kind, level, start, end, section, body))
    conn.executemany(
        'INSERT INTO segments (document_id, seq, kind, level, page, page_end, start, "end",'
        " section, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                document_id,
                seq,
                kind,
                level,
                page_at(start),
                page_at(max(end - 1, start)),
                start,
                end,
                section,
                body,
            )
            for seq, (kind, level, start, end, section, body) in enumerate(segments)
        ],
    )
    ids = dict(conn.execute("SELECT seq, id FROM segments WHERE document_id = ?", [document_id]))
    prose = [s for s in segments if _sentences(s[0], s[5], s[2]) is None]
    spacy_spans = iter(sentence_spans(s[5] for s in prose))
    rows = []
    for seq, (kind, _, start, _, _, body) in enumerate(segments):
        local = _sentences(kind, body, start)
        if local is None:
            local = [(start + a, start + b) for a, b in next(spacy_spans)]
        rows.extend(
            (document_id, ids[seq], n, a, b, text[a:b]) for n, (a, b) in enumerate(local) if b > a
        )
    conn.executemany(
        'INSERT INTO sentences (document_id, segment_id, seq, start, "end", text)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return document_id
