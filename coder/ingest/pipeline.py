"""`coder ingest`: find the plans, extract them in parallel, store each in one transaction.

Extraction runs in a process pool (one document per task, largest first so
the cores finish together); the parent process alone writes to the database,
one transaction per document. A file whose sha256 is unchanged is skipped; a
failed file leaves nothing behind but its error.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import sqlite_utils

from coder.errors import CoderError, IngestError
from coder.ingest.extract import DocumentExtract, extract_document
from coder.ingest.manifest import (
    MANIFEST_NAME,
    ManifestEntry,
    Organisation,
    load_manifest,
    organisation_from_filename,
)
from coder.ingest.reanchor import Anchor, reanchor
from coder.store import transaction

ProgressCallback = Callable[["FileResult", int], None]


@dataclass(slots=True)
class FileResult:
    """What happened to one file."""

    path: str
    status: str  # ingested, updated, unchanged, failed
    pages: int = 0
    segments: int = 0
    sentences: int = 0
    seconds: float = 0.0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    reanchored: int = 0
    orphaned: int = 0


@dataclass(slots=True)
class IngestReport:
    results: list[FileResult]
    seconds: float

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results if r.status in ("ingested", "updated"))


@dataclass(slots=True)
class _Task:
    path: Path
    stored_path: str
    sha256: str
    size: int
    entry: ManifestEntry | None
    ocr: bool


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileResult]]:
    """PDF files under the given files and folders, and results for missing paths."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.suffix.lower() == ".pdf")
        elif path.is_file():
            files.append(path)
        else:
            missing.append(FileResult(str(path), "failed", error=f"{path}: no such file or folder"))
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values()), missing


def _manifests_for(files: list[Path], explicit: Path | None) -> dict[Path, ManifestEntry]:
    """Manifest entries by resolved PDF path: the explicit manifest, else each folder's."""
    sources = (
        {explicit}
        if explicit
        else {
            folder / MANIFEST_NAME
            for folder in {f.resolve().parent for f in files}
            if (folder / MANIFEST_NAME).is_file()
        }
    )
    entries: dict[Path, ManifestEntry] = {}
    for manifest in sorted(sources):
        for entry in load_manifest(manifest):
            entries[entry.file] = entry
    return entries


def _stored_path(path: Path) -> str:
    """Paths under the working directory are stored relative, so a project can move."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(resolved)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _page_count(path: Path) -> int:
    try:
        document = pdfium.PdfDocument(str(path), password="")
    except Exception:
        return 0
    try:
        return len(document)
    finally:
        document.close()


def _work(task: _Task) -> tuple[_Task, DocumentExtract | str, float]:
    """Worker: extract one document; any failure becomes its one-line message."""
    started = time.perf_counter()
    try:
        result: DocumentExtract | str = extract_document(task.path, ocr=task.ocr)
    except IngestError as exc:
        result = str(exc)
    except Exception as exc:  # a bug or an engine crash on one file must not stop the run
        result = f"{task.path}: unexpected error ({type(exc).__name__}: {exc})"
    return task, result, time.perf_counter() - started


def ingest_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    *,
    manifest: Path | None = None,
    workers: int | None = None,
    force: bool = False,
    ocr: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_file: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest PDF files and folders into ``db``; see the module docstring.

    ``on_start(total_pages)`` is called once the work is known, ``on_file(result,
    pages)`` after each file. Manifest problems raise before anything is stored.
    """
    started = time.perf_counter()
    files, results = discover(paths)
    entries = _manifests_for(files, manifest)
    if entries:
        with transaction(db):
            for entry in entries.values():
                _upsert_organisation(db, entry.organisation)

    tasks: list[_Task] = []
    for file in files:
        stored = _stored_path(file)
        try:
            sha, size = sha256_of(file), file.stat().st_size
        except OSError as exc:
            results.append(FileResult(stored, "failed", error=f"{stored}: {exc.strerror}"))
            continue
        entry = entries.get(file.resolve())
        existing = _existing(db, stored, sha)
        if (
            existing
            and existing["sha256"] == sha
            and existing["status"] == "ingested"
            and not force
        ):
            with transaction(db):
                _update_metadata(db, existing["id"], stored, file, entry)
            results.append(FileResult(stored, "unchanged", pages=0))
            continue
        tasks.append(_Task(file, stored, sha, size, entry, ocr))

    tasks.sort(key=lambda t: t.size, reverse=True)
    counts = {t.stored_path: _page_count(t.path) for t in tasks}
    if on_start:
        on_start(sum(counts.values()))
    for task, outcome, seconds in _run(tasks, workers):
        result = _store(db, task, outcome, seconds)
        results.append(result)
        if on_file:
            on_file(result, counts.get(task.stored_path, 0))
    results.sort(key=lambda r: r.path)
    return IngestReport(results, time.perf_counter() - started)


def _run(
    tasks: list[_Task], workers: int | None
) -> Iterable[tuple[_Task, DocumentExtract | str, float]]:
    workers = min(workers or os.cpu_count() or 1, len(tasks))
    if workers <= 1:
        yield from map(_work, tasks)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, maxtasksperchild=20) as pool:
        yield from pool.imap_unordered(_work, tasks)


def _existing(db: sqlite_utils.Database, stored: str, sha: str) -> dict | None:
    rows = list(db.query("SELECT * FROM documents WHERE path = ?", [stored]))
    if not rows:  # the same content moved, or reached by another spelling of its path
        rows = list(
            db.query("SELECT * FROM documents WHERE sha256 = ? AND status = 'ingested'", [sha])
        )
        here = Path(stored).resolve()
        rows = [r for r in rows if not Path(r["path"]).exists() or _same_file(r["path"], here)]
    return rows[0] if rows else None


def _same_file(stored: str, resolved: Path) -> bool:
    """A relative stored path read from another working directory, or through a
    symlink, can name the very file being ingested: that is no new document."""
    return Path(stored).resolve() == resolved


def _upsert_organisation(db: sqlite_utils.Database, organisation: Organisation) -> int:
    row = organisation.row()
    found = list(db.query("SELECT id, source FROM organisations WHERE name = ?", [row["name"]]))
    if found:
        if organisation.source == "filename" and found[0]["source"] == "manifest":
            return found[0]["id"]  # a manifest's attributes outrank a file name
        db["organisations"].update(found[0]["id"], row)
        return found[0]["id"]
    return db["organisations"].insert(row).last_pk


def _update_metadata(
    db: sqlite_utils.Database,
    document_id: int,
    stored: str,
    file: Path,
    entry: ManifestEntry | None,
) -> None:
    organisation = entry.organisation if entry else organisation_from_filename(file)
    db["documents"].update(
        document_id,
        {
            "path": stored,
            "organisation_id": _upsert_organisation(db, organisation),
            "doc_type": entry.doc_type if entry else "beleidsplan",
            "period": entry.period if entry else None,
        },
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _store(
    db: sqlite_utils.Database, task: _Task, outcome: DocumentExtract | str, seconds: float
) -> FileResult:
    existing = _existing(db, task.stored_path, task.sha256)
    if isinstance(outcome, str):
        with transaction(db):
            if existing is None:
                organisation = (
                    task.entry.organisation if task.entry else organisation_from_filename(task.path)
                )
                db["documents"].insert(
                    {
                        "path": task.stored_path,
                        "filename": task.path.name,
                        "organisation_id": _upsert_organisation(db, organisation),
                        "sha256": task.sha256,
                        "size": task.size,
                        "status": "failed",
                        "error": outcome,
                        "ingested_at": _now(),
                    }
                )
            else:  # keep what was ingested before; record why the new version failed
                db["documents"].update(existing["id"], {"error": outcome})
        return FileResult(task.stored_path, "failed", seconds=seconds, error=outcome)

    extract = outcome
    try:
        with transaction(db):
            anchors = _write_document(db, task, extract, existing)
    except CoderError as exc:
        return FileResult(task.stored_path, "failed", seconds=seconds, error=str(exc))
    return FileResult(
        task.stored_path,
        "updated" if existing else "ingested",
        pages=len(extract.pages),
        segments=len(extract.segments),
        sentences=sum(len(s.sentences) for s in extract.segments),
        seconds=seconds,
        warnings=extract.warnings,
        reanchored=sum(a.anchor == "reanchored" for a in anchors),
        orphaned=sum(a.anchor == "orphaned" for a in anchors),
    )


def _write_document(
    db: sqlite_utils.Database, task: _Task, extract: DocumentExtract, existing: dict | None
) -> list[Anchor]:
    """Replace the document's pages, segments and sentences; re-anchor its codings."""
    organisation = task.entry.organisation if task.entry else organisation_from_filename(task.path)
    row = {
        "path": task.stored_path,
        "filename": task.path.name,
        "organisation_id": _upsert_organisation(db, organisation),
        "sha256": task.sha256,
        "size": task.size,
        "doc_type": task.entry.doc_type if task.entry else "beleidsplan",
        "period": task.entry.period if task.entry else None,
        "page_count": len(extract.pages),
        "status": "ingested",
        "error": None,
        "warnings": json.dumps(extract.warnings, ensure_ascii=False),
        "ocr_pages": json.dumps(extract.ocr_pages),
        "text": extract.text,
        "engine": extract.engine,
        "ingested_at": _now(),
    }
    conn = db.conn
    if existing is None:
        document_id = db["documents"].insert(row).last_pk
        old_length = 0
    else:
        document_id = existing["id"]
        old_length = len(existing["text"] or "")
        for table in ("sentences", "segments", "pages"):
            conn.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
        db["documents"].update(document_id, row)
    conn.executemany(
        'INSERT INTO pages (document_id, number, label, start, "end", width, height, needs_ocr)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (document_id, p.number, p.label, p.start, p.end, p.width, p.height, int(p.needs_ocr))
            for p in extract.pages
        ],
    )
    conn.executemany(
        'INSERT INTO segments (document_id, seq, kind, level, page, page_end, start, "end",'
        " section, text, cells, bbox) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                document_id,
                seq,
                s.kind,
                s.level,
                s.page,
                s.page_end,
                s.start,
                s.end,
                s.section,
                s.text,
                json.dumps(s.cells, ensure_ascii=False) if s.cells else None,
                json.dumps([round(v, 1) for v in s.bbox]) if s.bbox else None,
            )
            for seq, s in enumerate(extract.segments)
        ],
    )
    ids = dict(conn.execute("SELECT seq, id FROM segments WHERE document_id = ?", [document_id]))
    conn.executemany(
        'INSERT INTO sentences (document_id, segment_id, seq, start, "end", text)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (document_id, ids[seq], n, sent.start, sent.end, extract.text[sent.start : sent.end])
            for seq, s in enumerate(extract.segments)
            for n, sent in enumerate(s.sentences)
        ],
    )
    anchors = []
    if existing is not None:
        codings = [
            tuple(r)
            for r in conn.execute(
                'SELECT id, start, "end", text FROM codings WHERE document_id = ?', [document_id]
            )
        ]
        anchors = reanchor(old_length, extract.text, codings)
        conn.executemany(
            'UPDATE codings SET start = ?, "end" = ?, anchor = ? WHERE id = ?',
            [(a.start, a.end, a.anchor, a.coding_id) for a in anchors],
        )
    return anchors
