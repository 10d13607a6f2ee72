"""One PDF in, its canonical text, pages, segments and sentences out.

This is the per-document pipeline (read → tables → running lines → reading
order → segments → sentences). It runs in worker processes and returns plain
data; it never touches the database, so a failure cannot half-write anything.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from coder.errors import IngestError
from coder.ingest import layout, pdf, segment, tables, textclean
from coder.ingest.sentences import sentence_spans

ENGINE = "pypdfium2 chars + pdfplumber ruled tables, coder layout v1"


@dataclass(slots=True)
class PageRecord:
    number: int
    label: str | None
    start: int
    end: int
    width: float
    height: float
    needs_ocr: bool


@dataclass(slots=True)
class SentenceRecord:
    start: int
    end: int


@dataclass(slots=True)
class SegmentRecord:
    kind: str
    level: int | None
    page: int
    page_end: int
    start: int
    end: int
    section: str
    text: str
    cells: list[list[str]] | None
    bbox: tuple[float, float, float, float] | None
    sentences: list[SentenceRecord]


@dataclass(slots=True)
class DocumentExtract:
    text: str
    pages: list[PageRecord]
    segments: list[SegmentRecord]
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    engine: str = ENGINE


def extract_document(path: Path, *, ocr: bool = False) -> DocumentExtract:
    """Run the whole per-document pipeline on ``path``.

    Raises :class:`IngestError` with a one-line reason for files that cannot
    be read at all; pages without a text layer are reported, not fatal.
    """
    contents = _read_pages(path)
    ocr_pages = [p.number for p in contents if p.visible_chars < pdf.MIN_TEXT_CHARS and p.images]
    if ocr_pages and ocr:
        contents = _read_pages(_ocr_copy(path))
        ocr_pages = [
            p.number for p in contents if p.visible_chars < pdf.MIN_TEXT_CHARS and p.images
        ]
    if not any(p.visible_chars for p in contents):
        hint = "" if ocr else ": run `coder ingest --ocr` (needs ocrmypdf)"
        raise IngestError(str(path), f"no text layer on any page (a scan?){hint}")

    candidates = [p.number for p in contents if p.paths >= tables.MIN_PATHS_FOR_TABLE]
    try:
        found = tables.find_tables(path, candidates)
    except Exception as exc:  # pdfminer failing on one page must not lose the text
        found = {}
        warnings = [f"tables not extracted ({type(exc).__name__}: {exc})"]
    else:
        warnings = []
    garbled = [p.number for p in contents if textclean.looks_garbled(p.lines)]
    labels = layout.strip_running_lines(contents)
    ordered = [_order_page(page, found.get(page.number, [])) for page in contents]
    text, segments, page_start = segment.build_segments(ordered)
    if ocr_pages:
        listed = ", ".join(str(n) for n in ocr_pages)
        warnings.append(f"pages without text layer, need OCR: {listed}")
    if garbled:
        listed = ", ".join(str(n) for n in garbled)
        warnings.append(
            f"pages with garbled text (font without Unicode map?), check or OCR: {listed}"
        )
    return DocumentExtract(
        text=text,
        pages=_page_records(contents, labels, page_start, len(text), set(ocr_pages)),
        segments=_with_sentences(segments),
        ocr_pages=ocr_pages,
        warnings=warnings,
    )


def _read_pages(path: Path) -> list[pdf.PageContent]:
    document = pdf.open_document(path)
    try:
        pages = []
        for index in range(len(document)):
            try:
                pages.append(pdf.read_page(document, index))
            except Exception as exc:
                raise IngestError(str(path), f"page {index + 1} cannot be read ({exc})") from exc
        return pages
    finally:
        document.close()


def _ocr_copy(path: Path) -> Path:
    """A text-layered copy made by ocrmypdf (Dutch), for scanned pages."""
    exe = shutil.which("ocrmypdf")
    if exe is None:
        raise IngestError(str(path), "--ocr needs ocrmypdf: install it (and tesseract-ocr-nld)")
    out = Path(tempfile.mkdtemp(prefix="coder-ocr-")) / path.name
    result = subprocess.run(
        [exe, "--skip-text", "-l", "nld", str(path), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not out.exists():
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise IngestError(str(path), f"ocrmypdf failed: {last}")
    return out


def _order_page(page: pdf.PageContent, page_tables: list[tables.Table]) -> segment.PageOrder:
    """Drop the lines inside tables, put a placeholder line per table, order the page."""
    lines = page.lines
    for index, table in enumerate(page_tables):
        x0, top, x1, bottom = table.bbox
        lines = [
            ln
            for ln in lines
            if not (x0 <= (ln.x0 + ln.x1) / 2 <= x1 and top <= (ln.top + ln.bottom) / 2 <= bottom)
        ]
        lines.append(
            pdf.Line(
                page=page.number,
                text="",
                x0=x0,
                x1=x1,
                top=top,
                bottom=bottom,
                size=0.0,
                bold=False,
                table=index,
            )
        )
    return segment.PageOrder(
        number=page.number, items=layout.reading_order(lines, page.width), tables=page_tables
    )


def _page_records(
    contents: list[pdf.PageContent],
    labels: dict[int, str],
    page_start: dict[int, int],
    length: int,
    ocr_pages: set[int],
) -> list[PageRecord]:
    starts: list[int] = []
    following = length
    for page in reversed(contents):
        following = page_start.get(page.number, following)
        starts.append(following)
    starts.reverse()
    records = []
    for index, page in enumerate(contents):
        end = starts[index + 1] if index + 1 < len(contents) else length
        records.append(
            PageRecord(
                number=page.number,
                label=labels.get(page.number),
                start=starts[index],
                end=max(end, starts[index]),
                width=page.width,
                height=page.height,
                needs_ocr=page.number in ocr_pages,
            )
        )
    return records


def _with_sentences(segments: list[segment.Segment]) -> list[SegmentRecord]:
    prose = [s for s in segments if s.kind in ("paragraph", "list_item")]
    spans = iter(sentence_spans(s.text for s in prose))
    records = []
    for seg in segments:
        if seg.kind in ("paragraph", "list_item"):
            local = next(spans)
        elif seg.kind == "table":
            local, offset = [], 0
            for row in seg.text.split("\n"):
                local.append((offset, offset + len(row)))
                offset += len(row) + 1
        else:
            local = [(0, len(seg.text))]
        records.append(
            SegmentRecord(
                kind=seg.kind,
                level=seg.level,
                page=seg.page,
                page_end=seg.page_end,
                start=seg.start,
                end=seg.end,
                section=seg.section,
                text=seg.text,
                cells=seg.cells,
                bbox=seg.bbox,
                sentences=[SentenceRecord(seg.start + a, seg.start + b) for a, b in local if b > a],
            )
        )
    return records
