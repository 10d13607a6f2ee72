"""The corpus as a matrix: every passage's TF-IDF row, cached on disk by corpus state.

Suggestions, "find similar" and the reading queue all score passages; lemmatizing
the 175,000 passages of the full corpus takes about ten seconds, so it is done
once per state of the corpus and kept beside the database
(``coder.db.suggest/corpus-<key>.npz``; derived data, safe to delete) and in
memory for the life of the process. The key changes whenever a document is
ingested, re-ingested or removed, so a stale matrix is never used.

Passages are the segments a reader codes: paragraphs, list items and tables
(headings name a section; they are not coded on their own).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils
from scipy import sparse

from coder.errors import NotFoundError
from coder.suggest.features import Vectorizer, terms

PASSAGE_KINDS = ("paragraph", "list_item", "table")
KINDS_SQL = ", ".join(f"'{kind}'" for kind in PASSAGE_KINDS)
_MEMORY: dict[tuple[str, str], CorpusIndex] = {}


def covers(seg_start: Any, seg_end: Any, start: Any, end: Any) -> Any:
    """Does a coding cover a passage? When they overlap by half of the shorter of the two,
    so a coded sentence marks its paragraph and a fragment over three paragraphs marks all
    three. Works on numbers and on NumPy arrays alike."""
    overlap = np.minimum(seg_end, end) - np.maximum(seg_start, start)
    return (overlap > 0) & (2 * overlap >= np.minimum(seg_end - seg_start, end - start))


@dataclass(slots=True)
class CorpusIndex:
    """Passages of the corpus, in one order: ids, documents, spans and their TF-IDF rows."""

    key: str
    segment_ids: np.ndarray
    document_ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    pages: np.ndarray  # first page of each passage
    page_ends: np.ndarray  # last page
    vectorizer: Vectorizer
    matrix: sparse.csr_matrix
    _by_document: np.ndarray = field(init=False, repr=False)
    _sorted_documents: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_document = np.argsort(self.document_ids, kind="stable")
        self._sorted_documents = self.document_ids[self._by_document]

    def rows(self, segment_ids: np.ndarray) -> np.ndarray:
        """Row numbers of these segment ids (segment ids are sorted)."""
        return np.searchsorted(self.segment_ids, segment_ids)

    def document_rows(self, document_id: int) -> np.ndarray:
        """The rows of one document's passages, in reading order."""
        first, last = np.searchsorted(self._sorted_documents, [document_id, document_id + 1])
        return self._by_document[first:last]

    def covering(self, document_id: int, start: int, end: int) -> np.ndarray:
        """Rows of the passages this span covers (:func:`covers`), in reading order."""
        rows = self.document_rows(document_id)
        return rows[covers(self.starts[rows], self.ends[rows], start, end)]

    def covered(self, spans: list[tuple[int, int, int]]) -> np.ndarray:
        """Mask of the passages that any of these (document, start, end) spans covers."""
        mask = np.zeros(len(self.segment_ids), dtype=bool)
        for document_id, start, end in spans:
            mask[self.covering(document_id, start, end)] = True
        return mask

    def on_pages(self, pages: set[tuple[int, int]], documents: set[int]) -> np.ndarray:
        """Mask of the passages in these documents or starting or ending on these
        (document, page)s."""
        mask = np.isin(self.document_ids, list(documents))
        by_document: dict[int, list[int]] = {}
        for document_id, page in pages:
            by_document.setdefault(document_id, []).append(page)
        for document_id, numbers in by_document.items():
            rows = self.document_rows(document_id)
            mask[rows] |= np.isin(self.pages[rows], numbers) | np.isin(
                self.page_ends[rows], numbers
            )
        return mask


def corpus_key(db: sqlite_utils.Database) -> str:
    """State of the ingested corpus: which documents with which content, and the newest
    segment (a re-ingest replaces a document's segments with new ones).

    Only columns stored before ``documents.text`` are read, and ``max(id)`` is one
    b-tree step: the key costs well under a millisecond, so every request can check it.
    """
    documents = db.execute(
        "SELECT group_concat(id || ':' || coalesce(sha256, ''), ',') FROM"
        " (SELECT id, sha256 FROM documents WHERE status = 'ingested' ORDER BY id)"
    ).fetchone()[0]
    newest = db.execute("SELECT max(id) FROM segments").fetchone()[0]
    return hashlib.sha1(f"{documents}|{newest}".encode()).hexdigest()[:16]


def database_file(db: sqlite_utils.Database) -> str:
    """The database's file ('' for an in-memory database)."""
    return db.execute("PRAGMA database_list").fetchone()[2] or ""


def cache_dir(db: sqlite_utils.Database) -> Path | None:
    """Where derived suggestion data lives: beside the database, None in memory."""
    file = database_file(db)
    return Path(f"{file}.suggest") if file else None


def passages(db: sqlite_utils.Database) -> list[dict]:
    """Every passage of the ingested corpus, by segment id."""
    return list(
        db.query(
            'SELECT s.id, s.document_id, s.start, s."end", s.page, s.page_end, s.text'
            " FROM segments s"
            " JOIN documents d ON d.id = s.document_id"
            f" WHERE d.status = 'ingested' AND s.kind IN ({KINDS_SQL}) ORDER BY s.id"
        )
    )


def corpus_index(db: sqlite_utils.Database) -> CorpusIndex:
    """The index of the corpus as it is now: from memory, the disk cache, or built."""
    key = corpus_key(db)
    memory_key = (database_file(db), key)
    if memory_key in _MEMORY:
        return _MEMORY[memory_key]
    folder = cache_dir(db)
    path = folder / f"corpus-{key}.npz" if folder else None
    index = _load(path, key) if path and path.exists() else None
    if index is None:
        index = _build(db, key)
        if folder and path:
            folder.mkdir(exist_ok=True)
            for old in folder.glob("corpus-*.npz"):
                old.unlink()
            _save(index, path)
    _MEMORY.clear()  # one corpus state per process is all that is ever asked for
    _MEMORY[memory_key] = index
    return index


def _build(db: sqlite_utils.Database, key: str) -> CorpusIndex:
    rows = passages(db)
    lemmas = terms(row["text"] for row in rows)
    vectorizer = Vectorizer.fit(lemmas)
    return CorpusIndex(
        key=key,
        segment_ids=np.array([r["id"] for r in rows], dtype=np.int64),
        document_ids=np.array([r["document_id"] for r in rows], dtype=np.int64),
        starts=np.array([r["start"] for r in rows], dtype=np.int64),
        ends=np.array([r["end"] for r in rows], dtype=np.int64),
        pages=np.array([r["page"] for r in rows], dtype=np.int64),
        page_ends=np.array([r["page_end"] for r in rows], dtype=np.int64),
        vectorizer=vectorizer,
        matrix=vectorizer.transform(lemmas).astype(np.float32),
    )


def _save(index: CorpusIndex, path: Path) -> None:
    matrix = index.matrix
    partial = path.with_suffix(".partial.npz")
    np.savez(
        partial,
        segment_ids=index.segment_ids,
        document_ids=index.document_ids,
        starts=index.starts,
        ends=index.ends,
        pages=index.pages,
        page_ends=index.page_ends,
        data=matrix.data,
        indices=matrix.indices,
        indptr=matrix.indptr,
        shape=np.array(matrix.shape),
        **index.vectorizer.arrays(),
    )
    partial.replace(path)  # another process never reads a half-written file


def _load(path: Path, key: str) -> CorpusIndex | None:
    try:
        with np.load(path, allow_pickle=False) as stored:
            return CorpusIndex(
                key=key,
                segment_ids=stored["segment_ids"],
                document_ids=stored["document_ids"],
                starts=stored["starts"],
                ends=stored["ends"],
                pages=stored["pages"],
                page_ends=stored["page_ends"],
                vectorizer=Vectorizer.from_arrays(stored),
                matrix=sparse.csr_matrix(
                    (stored["data"], stored["indices"], stored["indptr"]),
                    shape=tuple(stored["shape"]),
                ),
            )
    except (OSError, ValueError, KeyError):  # damaged or from an older layout: rebuild
        return None


@dataclass(slots=True)
class Passage:
    """A passage of the corpus as suggestions show it: where it is and what it says."""

    segment_id: int
    document_id: int
    organisation: str
    page: int
    section: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return asdict(self)


def passage_details(db: sqlite_utils.Database, segment_ids: list[int]) -> dict[int, dict]:
    """Per segment id: the fields of its ``Passage`` (plan, organisation or file name,
    page, section, span and text), to build a passage with what a use adds to it."""
    if not segment_ids:
        return {}
    return {
        row["segment_id"]: row
        for row in db.query(
            'SELECT s.id AS segment_id, s.document_id, s.page, s.section, s.start, s."end",'
            " s.text, coalesce(o.name, d.filename) AS organisation FROM segments s"
            " JOIN documents d ON d.id = s.document_id"
            " LEFT JOIN organisations o ON o.id = d.organisation_id"
            f" WHERE s.id IN ({', '.join('?' * len(segment_ids))})",
            segment_ids,
        )
    }


def document_id(db: sqlite_utils.Database, name: str) -> int:
    """A plan named by its id, file name or organisation (as typed on the command line)."""
    if name.isdigit():
        row = db.execute("SELECT id FROM documents WHERE id = ?", [int(name)]).fetchone()
    else:
        row = db.execute(
            "SELECT d.id FROM documents d LEFT JOIN organisations o ON o.id = d.organisation_id"
            " WHERE d.filename = ? COLLATE NOCASE OR o.name = ? COLLATE NOCASE"
            " ORDER BY d.id LIMIT 1",
            [name, name],
        ).fetchone()
    if row is None:
        raise NotFoundError(f"no plan {name!r}: give its id, file name or organisation")
    return row[0]
