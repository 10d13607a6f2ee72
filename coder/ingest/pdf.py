"""Open a PDF and read its characters with PDFium, fast.

PDFium (pypdfium2) reads a page's characters about 50x faster than
pdfminer/pdfplumber (see README, "Extraction engines"), so every page's text
and geometry comes from here; pdfplumber is only asked for ruled tables
(:mod:`coder.ingest.tables`). Characters are streamed straight into line
fragments so that no per-character objects are kept.

Coordinates are converted to pdfplumber's convention: origin top-left, ``top``
and ``bottom`` measured down from the top of the page.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from coder.errors import IngestError

#: Font-name parts that mean a bold face (PDFium reports weight 0 for many fonts).
BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")
FORCE_BOLD_FLAG = 1 << 18
#: A page with fewer visible characters than this has no usable text layer.
MIN_TEXT_CHARS = 20
#: Limits against files that would exhaust memory or time (a PDF bomb, or not a
#: plan at all). The largest real plan has ~180 pages and a few MB; scanned ones
#: a few tens of MB.
MAX_PDF_BYTES = 256 * 1024 * 1024
MAX_PAGES = 2_000
MAX_PAGE_OBJECTS = 100_000  # text runs, paths and images on one page
MAX_PAGE_CHARS = 100_000  # an A4 page of small print holds ~6,000


@dataclass(slots=True)
class Line:
    """A run of characters on one baseline, not crossing a wide horizontal gap."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    #: visible characters, to weigh font sizes when finding the body size
    chars: int = 0
    #: index into the page's tables when this line stands for a whole table
    table: int = -1


@dataclass(slots=True)
class PageContent:
    """What one page gave: its lines in content-stream order and facts about it."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    visible_chars: int = 0
    images: int = 0
    paths: int = 0


def check_file(path: Path) -> None:
    """Refuse what is plainly not a readable PDF before any engine sees it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(str(path), f"cannot read the file ({exc.strerror})") from exc
    if size == 0:
        raise IngestError(str(path), "empty file (0 bytes): copy the plan again")
    if size > MAX_PDF_BYTES:
        raise IngestError(
            str(path),
            f"{size / 1024**2:,.0f} MB, more than the {MAX_PDF_BYTES // 1024**2} MB a plan may be:"
            " compress its images or split it",
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        if head.startswith(b"PK"):
            kind = "a zip archive (a Word .docx?)"
        elif head.startswith(b"\xd0\xcf\x11\xe0"):
            kind = "an old Word/Excel file"
        else:
            kind = "not a PDF"
        raise IngestError(str(path), f"{kind}, not a PDF: save or export it as PDF")
    if b"%%EOF" not in tail:
        raise IngestError(
            str(path), "truncated or damaged (no end-of-file marker): copy or export it again"
        )


def open_document(path: Path) -> pdfium.PdfDocument:
    """Open with PDFium, trying the empty password, with a clear error otherwise."""
    check_file(path)
    try:
        document = pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise IngestError(
                str(path), "password required (encrypted PDF): save a copy without password"
            ) from exc
        raise IngestError(str(path), f"damaged PDF that cannot be read ({exc})") from exc
    if len(document) > MAX_PAGES:
        pages = len(document)
        document.close()
        raise IngestError(
            str(path), f"{pages:,} pages, more than the {MAX_PAGES:,} a plan may have: split it"
        )
    return document


def _is_bold(name: bytes, flags: int, weight: int) -> bool:
    lowered = name.decode("latin-1", "replace").lower()
    return weight >= 600 or bool(flags & FORCE_BOLD_FLAG) or any(m in lowered for m in BOLD_MARKERS)


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    """Read one page's characters into line fragments, and count its images and paths.

    A new fragment starts when the baseline moves by more than half the font
    size, when the text jumps backwards, or when the horizontal gap is wider
    than one em (a column gutter or a table gap).
    """
    page = pdf[index]
    try:
        width, height = page.get_size()
        content = PageContent(number=index + 1, width=width, height=height)
        objects = pdfium_c.FPDFPage_CountObjects(page.raw)
        if objects > MAX_PAGE_OBJECTS:
            raise ValueError(f"{objects:,} objects, more than the {MAX_PAGE_OBJECTS:,} allowed")
        for obj in page.get_objects(max_depth=1):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                content.images += 1
            elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                content.paths += 1
        textpage = page.get_textpage()
        try:
            _read_chars(textpage, content)
        finally:
            textpage.close()
    finally:
        page.close()
    return content


def _read_chars(textpage: pdfium.PdfTextPage, content: PageContent) -> None:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return
    if count > MAX_PAGE_CHARS:
        raise ValueError(f"{count:,} characters, more than the {MAX_PAGE_CHARS:,} allowed")
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP: fetch one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    height = content.height
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    refs = tuple(ctypes.byref(v) for v in (left, right, low, high))
    name_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    get_box = pdfium_c.FPDFText_GetCharBox

    lines = content.lines
    buf: list[str] = []
    x0 = x1 = top = bottom = mid = 0.0
    size = 0.0
    bold_chars = 0
    visible = 0
    word_bold = False
    word_size = 10.0
    at_word_start = True
    line_size = 0.0

    def flush() -> None:
        nonlocal buf, visible, bold_chars
        if visible:
            lines.append(
                Line(
                    page=content.number,
                    text="".join(buf).strip(),
                    x0=x0,
                    x1=x1,
                    top=top,
                    bottom=bottom,
                    size=line_size,
                    bold=bold_chars >= 0.8 * visible,
                    chars=visible,
                )
            )
        buf = []
        visible = 0
        bold_chars = 0

    for i in range(count):
        ch = text[i]
        if ch in "\r\n":
            at_word_start = True
            continue
        if ch.isspace() or ch == "\x00":
            if visible:
                buf.append(" ")
            at_word_start = True
            continue
        get_box(raw, i, *refs)
        c_x0, c_x1 = left.value, right.value
        c_top, c_bottom = height - high.value, height - low.value
        c_mid = (c_top + c_bottom) / 2
        if at_word_start:
            word_size = pdfium_c.FPDFText_GetFontSize(raw, i)
            pdfium_c.FPDFText_GetFontInfo(raw, i, name_buf, 128, ctypes.byref(flags))
            weight = pdfium_c.FPDFText_GetFontWeight(raw, i)
            word_bold = _is_bold(name_buf.value, flags.value, weight)
            if word_size < 2:  # a scaled 1-pt font: fall back on the glyph box
                word_size = max(c_bottom - c_top, 1.0)
            at_word_start = False
        size = word_size
        if visible:
            new_line = (
                abs(c_mid - mid) > 0.5 * max(size, line_size)
                or c_x0 < x1 - size
                or c_x0 - x1 > max(size, 6.0)
            )
            if new_line:
                flush()
        if not visible:
            x0, x1, top, bottom, mid, line_size = c_x0, c_x1, c_top, c_bottom, c_mid, size
        else:
            x1 = max(x1, c_x1)
            top = min(top, c_top)
            bottom = max(bottom, c_bottom)
            line_size = max(line_size, size)
        buf.append(ch)
        visible += 1
        content.visible_chars += 1
        if word_bold:
            bold_chars += 1
    flush()
