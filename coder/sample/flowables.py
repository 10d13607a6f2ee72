"""ReportLab flowables of the sample plans, and the log they write while being placed.

Why separate from the renderer: these small classes carry the ground-truth bookkeeping
(passage ids that survive paragraph splits, heading pages for the table of contents) and the
special pages (cover, scanned annex); the renderer only assembles them into a story.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from coder.sample import blocks as b
from coder.sample.metrics import PAGE_HEIGHT, PAGE_WIDTH


@dataclass
class PageLog:
    """Facts gathered while flowing the story, used to decorate pages at the end."""

    templates: dict[int, str] = field(default_factory=dict)
    chapters: list[tuple[int, str]] = field(default_factory=list)
    heading_pages: dict[int, int] = field(default_factory=dict)
    toc_marks: list[tuple[int, float, float, int]] = field(default_factory=list)
    passage_pages: dict[int, list[int]] = field(default_factory=dict)


# ---------------------------------------------------------------------- flowables
class PassageParagraph(Paragraph):
    """A paragraph that knows which ground-truth passage it belongs to, even after splits."""

    pid: int = -1

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.pid = self.pid
        return parts


class HeadingParagraph(Paragraph):
    """A heading; chapters feed the running header, TOC headings get their page recorded."""

    key: int = -1
    level: int = 1
    plain: str = ""


class PassageTable(Table):
    """A shaded box (one-cell table) holding passages."""

    pids: tuple[int, ...] = ()


class TocLine(Flowable):
    """One line of the table of contents; the page number is drawn when the PDF is saved."""

    def __init__(self, text: str, level: int, key: int, font: str, size: float, log: PageLog):
        super().__init__()
        self.text, self.level, self.key = text, level, key
        self.font, self.size, self.log = font, size, log
        self.height = round(size * 1.55, 2)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        indent = 0 if self.level == 1 else 18
        room = self.width - indent - 40
        text = self.text
        while stringWidth(text, self.font, self.size) > room and len(text) > 10:
            text = text[:-2].rstrip() + "…"
        canv.setFont(self.font, self.size)
        canv.drawString(indent, 2, text)
        start = indent + stringWidth(text, self.font, self.size) + 4
        dots = max(0, int((self.width - 30 - start) / stringWidth(". ", self.font, self.size)))
        if dots > 2:
            canv.drawString(start, 2, ". " * dots)
        x, y = canv.absolutePosition(self.width, 2)
        self.log.toc_marks.append((canv.getPageNumber(), x, y, self.key))


class CoverFlowable(Flowable):
    """The cover page, drawn directly on the canvas."""

    def __init__(self, doc: b.PlanDocument) -> None:
        super().__init__()
        self.doc = doc

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight - 1

    def draw(self) -> None:
        canv, style = self.canv, self.doc.style
        title, name, subtitle, date = self.doc.cover_lines
        bold, regular = style.font("bold", style.heading_family), style.font("regular")
        accent = colors.HexColor(style.heading_colour)
        width = PAGE_WIDTH
        if style.cover == "block":
            canv.setFillColor(accent)
            canv.rect(0, PAGE_HEIGHT * 0.45, width, PAGE_HEIGHT * 0.55, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            canv.setFont(bold, 30)
            canv.drawString(60, PAGE_HEIGHT * 0.7, title)
            canv.setFont(bold, 20)
            canv.drawString(60, PAGE_HEIGHT * 0.7 - 40, name)
            canv.setFillColor(colors.black)
            canv.setFont(regular, 11)
            canv.drawString(60, PAGE_HEIGHT * 0.38, subtitle)
            canv.drawString(60, PAGE_HEIGHT * 0.38 - 18, date)
        elif style.cover == "band":
            canv.setFillColor(colors.HexColor(style.accent_colour))
            canv.rect(0, 0, 70, PAGE_HEIGHT, stroke=0, fill=1)
            canv.setFillColor(accent)
            canv.setFont(bold, 26)
            canv.drawString(110, PAGE_HEIGHT * 0.62, name)
            canv.setFont(bold, 18)
            canv.drawString(110, PAGE_HEIGHT * 0.62 - 34, title)
            canv.setFillColor(colors.black)
            canv.setFont(regular, 11)
            canv.drawString(110, PAGE_HEIGHT * 0.2, subtitle)
            canv.drawString(110, PAGE_HEIGHT * 0.2 - 16, date)
        else:
            canv.setFillColor(colors.black)
            canv.setFont(bold, 24)
            canv.drawCentredString(width / 2, PAGE_HEIGHT * 0.62, title)
            canv.setFont(bold, 17)
            canv.drawCentredString(width / 2, PAGE_HEIGHT * 0.62 - 36, name)
            canv.setFont(regular, 11)
            canv.drawCentredString(width / 2, PAGE_HEIGHT * 0.3, subtitle)
            canv.drawCentredString(width / 2, PAGE_HEIGHT * 0.3 - 16, date)


class ScanFlowable(Flowable):
    """A full-page raster image (a 'scanned' annex) with no text layer."""

    def __init__(self, jpeg: bytes) -> None:
        super().__init__()
        self.jpeg = jpeg

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight - 1

    def draw(self) -> None:
        reader = ImageReader(io.BytesIO(self.jpeg))
        self.canv.drawImage(reader, 0, 0, width=PAGE_WIDTH, height=PAGE_HEIGHT)
