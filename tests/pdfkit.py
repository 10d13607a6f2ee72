"""A tiny PDF writer for tests: known text in known layouts, drawn with reportlab.

It places every line itself (no platypus), so a test controls exactly where
lines break, which words are hyphenated at a line end, how many columns a page
has and what the running headers say, and it records the body text a perfect
extractor should return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
MARGIN = 60.0
GUTTER = 24.0


@dataclass
class PdfBuilder:
    path: Path
    columns: int = 1
    header: str | None = None
    footer: str | None = "Pagina {n}"
    font: str = "Helvetica"
    size: float = 10.0
    leading: float = 13.0
    #: the body text a perfect extractor returns, one entry per segment
    expected: list[str] = field(default_factory=list)
    #: word -> how to break it at a line end, e.g. {"samenwerking": ("samen-", "werking")}
    breaks: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.canvas = canvas.Canvas(str(self.path), pagesize=A4, invariant=1)
        self.page = 0
        self._start_page()

    # layout -----------------------------------------------------------------
    @property
    def column_width(self) -> float:
        return (WIDTH - 2 * MARGIN - GUTTER * (self.columns - 1)) / self.columns

    def _x(self) -> float:
        return MARGIN + self.column * (self.column_width + GUTTER)

    def _start_page(self) -> None:
        self.page += 1
        self.column = 0
        self.y = HEIGHT - MARGIN - 20
        self.top = self.y
        c = self.canvas
        c.setFont("Helvetica", 8)
        if self.header:
            c.drawString(MARGIN, HEIGHT - 35, self.header)
        if self.footer:
            c.drawCentredString(WIDTH / 2, 30, self.footer.format(n=self.page))

    def new_page(self) -> None:
        self.canvas.showPage()
        self._start_page()

    def set_columns(self, columns: int) -> None:
        """Switch column count below the current position (e.g. after a title)."""
        self.columns = columns
        self.column = 0
        self.top = self.y

    def _need(self, height: float) -> None:
        if self.y - height < MARGIN:
            if self.column + 1 < self.columns:
                self.column += 1
                self.y = self.top
            else:
                self.new_page()

    # content ----------------------------------------------------------------
    def heading(self, text: str, size: float = 16.0, bold: bool = True) -> None:
        self._need(size * 2.2)
        self.y -= size * 0.8
        font = "Helvetica-Bold" if bold else self.font
        self.canvas.setFont(font, size)
        self.canvas.drawString(self._x(), self.y, text)
        self.y -= size * 1.2
        self.expected.append(text)

    def wrap(self, text: str, width: float, indent: float = 0.0) -> list[str]:
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if stringWidth(candidate, self.font, self.size) <= width - indent:
                line = candidate
                continue
            if word in self.breaks:
                head, tail = self.breaks[word]
                with_head = f"{line} {head}".strip()
                if stringWidth(with_head, self.font, self.size) <= width - indent:
                    lines.append(with_head)
                    line = tail
                    continue
            lines.append(line)
            line = word
        if line:
            lines.append(line)
        return lines

    def paragraph(self, text: str, *, expected: str | None = None) -> bool:
        """Draw a paragraph; True when it ran over onto another page."""
        first_page = self.page
        for line in self.wrap(text, self.column_width):
            self._need(self.leading)
            self.canvas.setFont(self.font, self.size)
            self.canvas.drawString(self._x(), self.y, line)
            self.y -= self.leading
        self.y -= self.leading * 0.7
        self.expected.append(expected if expected is not None else text)
        return self.page != first_page

    def bullets(self, items: list[str], marker: str = "•") -> None:
        for item in items:
            lines = self.wrap(item, self.column_width, indent=14)
            for index, line in enumerate(lines):
                self._need(self.leading)
                self.canvas.setFont(self.font, self.size)
                if index == 0:
                    self.canvas.drawString(self._x(), self.y, marker)
                self.canvas.drawString(self._x() + 14, self.y, line)
                self.y -= self.leading
            self.expected.append(f"{marker} {item}")
        self.y -= self.leading * 0.7

    def table(self, rows: list[list[str]], col_width: float = 110.0) -> None:
        height = 18.0 * len(rows)
        self._need(height + 10)
        c = self.canvas
        x0, top = self._x(), self.y
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                x, y = x0 + k * col_width, top - (r + 1) * 18.0
                c.rect(x, y, col_width, 18.0)
                c.setFont(self.font, 9)
                c.drawString(x + 3, y + 5, cell)
        self.y = top - height - self.leading
        self.expected.append("\n".join(" | ".join(row) for row in rows))

    def image_page(self) -> None:
        """A page with only a raster image: a scan without text layer."""
        from PIL import Image, ImageDraw
        from reportlab.lib.utils import ImageReader

        self.new_page()
        image = Image.new("RGB", (400, 200), "white")
        draw = ImageDraw.Draw(image)
        for row in range(8):
            draw.text((10, 10 + row * 22), "Gescande brief van het bestuur", fill="black")
        self.canvas.drawImage(ImageReader(image), MARGIN, 300, width=400, height=200)

    def save(self) -> Path:
        self.canvas.save()
        return self.path


SAMPLE_SENTENCES = [
    "De organisatie versterkt de samenwerking met lokale besturen en verenigingen in de regio.",
    "Vrijwilligers dragen de werking en krijgen vorming over begeleiding en onthaal.",
    "We bereiken deelnemers die vaak buiten beeld blijven, bv. nieuwkomers en jongeren.",
    "Het sociaal-cultureel volwassenenwerk biedt ruimte voor ontmoeting en debat.",
    "In de contextanalyse beschrijven we o.a. de vergrijzing en de digitale kloof.",
    "De raad van bestuur volgt de begroting op en rapporteert jaarlijks aan de algemene"
    " vergadering.",
    "Onze praktijken in Brussel vertrekken van de meertaligheid van de stad.",
    "Met een laboratoriumrol testen we nieuwe vormen van participatie en burgerschap.",
]


def prose(seed: int, sentences: int = 4) -> str:
    """Deterministic Dutch prose of ``sentences`` sentences, varied by ``seed``."""
    return " ".join(
        SAMPLE_SENTENCES[(seed * 3 + i * 5) % len(SAMPLE_SENTENCES)] for i in range(sentences)
    )
