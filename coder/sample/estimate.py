"""Fast page estimates for a planned document, without rendering it.

Why: plans must land close to their page targets (the corpus total must be within 5% of
the request), and the planner has to decide how much text to write before anything is
rendered. Line counts come from font metrics (ReportLab's C-accelerated ``stringWidth``), and
a small flow simulation mirrors the renderer's page-break rules (chapter breaks, column
layouts, scanned pages). The renderer then corrects the remaining error with ``scale``.
"""

from __future__ import annotations

import math

from reportlab.pdfbase.pdfmetrics import stringWidth

from coder.sample.blocks import Block, Box, BulletList, Heading, PageBreak, Para, ScanPage, Table
from coder.sample.metrics import (
    BAND_HEIGHT,
    BOX_PADDING,
    LIST_INDENT,
    TABLE_PADDING,
    Metrics,
)
from coder.sample.styles import HouseStyle


def chapter_layout(style: HouseStyle, zone: str) -> str:
    """ "one" or "two" columns for a chapter of the given zone in this style."""
    if style.columns == "two":
        return "two"
    if style.columns == "mixed":
        return "two" if zone == "inhoud" else "one"
    return "one"


def chapter_breaks_page(style: HouseStyle, zone: str, current_layout: str) -> bool:
    """Whether a chapter of ``zone`` starts on a fresh page (same rule as the renderer)."""
    layout = chapter_layout(style, zone)
    return style.chapter_new_page or layout != current_layout


class Estimator:
    """Heights of blocks and page counts of block sequences for one style and scale."""

    def __init__(self, style: HouseStyle, scale: float = 1.0) -> None:
        self.style = style
        self.metrics = Metrics(style, scale)
        self.body_font = style.font("regular")
        # Calibrated against rendered plans: width needed per line of text, relative to the
        # measured string width (word wrap wastes a little, hyphenation wins some back).
        fudge = 0.985 if style.justify else 0.995
        self.fudge = fudge if style.hyphenate else fudge + 0.03
        # Keyed by id(); the block is kept in the value so that its id cannot be reused by a
        # new block while this estimator lives (a stale hit would make planning depend on
        # memory layout, i.e. not deterministic).
        self._cache: dict[tuple[int, str], tuple[Block, float]] = {}

    def _lines(self, text: str, font: str, size: float, width: float) -> int:
        return max(1, math.ceil(stringWidth(text, font, size) * self.fudge / width))

    def height(self, block: Block, layout: str) -> float:
        """Vertical space of a block in a frame of the given layout, in points."""
        key = (id(block), layout)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = (block, self._height(block, layout))
        return cached[1]

    def _height(self, block: Block, layout: str) -> float:
        m = self.metrics
        width = m.width(layout)
        if isinstance(block, Para):
            indent = self.style.first_line_indent
            lines = self._lines(block.passage.text, self.body_font, m.body_size, width - indent)
            return lines * m.leading + m.para_space
        if isinstance(block, BulletList):
            total = 0.0
            for item in block.items:
                lines = self._lines(item.text, self.body_font, m.body_size, width - LIST_INDENT)
                total += lines * m.leading + m.list_space
            return total + m.para_space
        if isinstance(block, Heading):
            font = self.style.font("bold", self.style.heading_family)
            size = m.heading_size(block.level)
            title = f"{block.number} {block.title}" if block.number else block.title
            lines = self._lines(title, font, size, width)
            return (
                lines * m.heading_leading(block.level)
                + m.heading_space_before(block.level)
                + m.heading_space_after(block.level)
            )
        if isinstance(block, Box):
            inner = width - 2 * BOX_PADDING
            total = 2 * BOX_PADDING + m.box_size * 1.3 + 4
            for passage in block.passages:
                lines = self._lines(passage.text, self.body_font, m.box_size, inner)
                total += lines * m.box_leading + 4
            return total + m.para_space + 6
        if isinstance(block, Table):
            return self._table_height(block, width)
        return 0.0

    def _table_height(self, table: Table, width: float) -> float:
        m = self.metrics
        unit = width / sum(table.widths)
        total = m.table_leading + 8 + m.para_space  # caption above the table
        for row in [table.header, *table.rows]:
            lines = 1
            for cell, rel in zip(row, table.widths, strict=False):
                cell_width = max(10.0, rel * unit - 2 * TABLE_PADDING)
                count = sum(
                    self._lines(part, self.body_font, m.table_size, cell_width) if part else 1
                    for part in cell.split("\n")
                )
                lines = max(lines, count)
            total += lines * m.table_leading + 2 * TABLE_PADDING
        return total + m.para_space

    def toc_pages(self, entries: int) -> int:
        """Pages taken by a table of contents with ``entries`` lines."""
        m = self.metrics
        line = m.body_size * 1.55
        first = m.frame_height - m.heading_size(1) * 1.2 - 30
        if entries * line <= first:
            return 1
        return 1 + math.ceil((entries * line - first) / m.frame_height)

    def pages(self, blocks: list[Block], toc_entries: int) -> float:
        """Estimated page count of a whole document (cover and TOC included).

        The result is fractional: the last page counts for the share of it that is used,
        which lets the planner aim at a target without rounding noise.
        """
        sim = _FlowSimulator(self)
        for block in blocks:
            sim.add(block)
        return 1 + self.toc_pages(toc_entries) + sim.total_pages()


class _FlowSimulator:
    """Mimics frame filling: frames per page by layout, breaks, keep-with-next headings."""

    def __init__(self, estimator: Estimator) -> None:
        self.est = estimator
        self.style = estimator.style
        self.m = estimator.metrics
        self.layout = "one"
        self.pages = 0
        self.frames_left = 0
        self.remaining = 0.0
        self.frame_size = self.m.frame_height
        self.fresh = True  # current page has nothing on it yet

    def _new_page(self, layout: str, band: bool = False) -> None:
        self.pages += 1
        self.layout = layout
        self.frames_left = 2 if layout == "two" else 1
        height = self.m.frame_height - (BAND_HEIGHT if band else 0.0)
        self.remaining = height
        self.frame_size = height
        self.fresh = True

    def _next_frame(self) -> None:
        self.frames_left -= 1
        if self.frames_left <= 0:
            self._new_page(self.layout)
        else:
            self.remaining = self.frame_size
            self.fresh = False

    def add(self, block: Block) -> None:
        if self.pages == 0:
            self._new_page("one")
        if isinstance(block, Heading) and block.level == 1:
            self._chapter(block)
            return
        if isinstance(block, PageBreak):
            if not self.fresh:
                self._new_page(self.layout)
            return
        if isinstance(block, ScanPage):
            if not self.fresh:
                self._new_page(self.layout)
            # The scan fills this page; whatever follows starts on the next one.
            self.fresh = False
            self.frames_left = 1
            self.remaining = 0.0
            return
        height = self.est.height(block, self.layout)
        self.fresh = False
        if isinstance(block, Heading):
            need = height + 3 * self.m.leading
            if need > self.remaining:
                self._next_frame()
            self.remaining -= height
            self.fresh = False
            return
        splittable = isinstance(block, Para | BulletList | Table)
        if not splittable and height > self.remaining:
            self._next_frame()
        while splittable and height > self.remaining:
            height -= max(0.0, self.remaining - 2 * self.m.leading)
            self._next_frame()
        self.remaining -= height
        self.fresh = False

    def _chapter(self, heading: Heading) -> None:
        layout = chapter_layout(self.style, heading.zone)
        band = self.style.columns == "mixed" and layout == "two"
        if chapter_breaks_page(self.style, heading.zone, self.layout) or band:
            if self.fresh and not band:
                self.layout = layout
                self.frames_left = 2 if layout == "two" else 1
            else:
                self._new_page(layout, band=band)
            if band:
                return
        height = self.est.height(heading, self.layout)
        if height + 3 * self.m.leading > self.remaining:
            self._next_frame()
        self.remaining -= height
        self.fresh = False

    def total_pages(self) -> float:
        if self.pages == 0:
            return 0.0
        column = 1.0 - self.remaining / max(1.0, self.frame_size)
        used = (2 - self.frames_left + column) / 2 if self.layout == "two" else column
        return self.pages - 1 + max(0.05, min(1.0, used))
