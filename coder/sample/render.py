"""Turns a planned document into a PDF with ReportLab, recording where passages land.

Why this shape: the ground truth must give the exact physical page(s) of every passage,
including paragraphs split across columns and pages. Passage paragraphs carry their ids
through ReportLab's splitting and are recorded in ``afterFlowable``. Running headers, footers
("Pagina 12 van 148") and table-of-contents page numbers need facts only known at the end,
so the canvas keeps its pages and decorates them when the document is saved: one rendering
pass per attempt. ``rl_config.invariant`` removes timestamps and random ids, so the same plan
gives the same bytes.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from coder.sample import blocks as b
from coder.sample.estimate import chapter_breaks_page, chapter_layout
from coder.sample.flowables import (
    CoverFlowable,
    HeadingParagraph,
    PageLog,
    PassageParagraph,
    PassageTable,
    ScanFlowable,
    TocLine,
)
from coder.sample.hyphenate import hyphenation_pairs
from coder.sample.metrics import (
    BAND_HEIGHT,
    BOX_PADDING,
    LIST_INDENT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TABLE_PADDING,
    Metrics,
)
from coder.sample.scan import scan_page_jpeg

# No timestamps or random document ids: the same plan must give the same bytes. ReportLab
# reads this when a canvas is created, so setting it on import of this module suffices.
rl_config.invariant = 1

_BULLETS = {"bullet": "•", "dash": "–", "square": "n"}  # "n" is a square in ZapfDingbats


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    passage_pages: dict[int, tuple[int, int]]
    scale: float


# ---------------------------------------------------------------------- document
class PlanDocTemplate(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, log: PageLog, **kwargs) -> None:
        super().__init__(buffer, **kwargs)
        self.log = log

    def afterFlowable(self, flowable) -> None:
        page = self.page
        if isinstance(flowable, PassageParagraph):
            self._record(flowable.pid, page)
        elif isinstance(flowable, PassageTable):
            for pid in flowable.pids:
                self._record(pid, page)
        elif isinstance(flowable, HeadingParagraph):
            if flowable.key >= 0:
                self.log.heading_pages.setdefault(flowable.key, page)
            if flowable.level == 1:
                self.log.chapters.append((page, flowable.plain))

    def _record(self, pid: int, page: int) -> None:
        pages = self.log.passage_pages.setdefault(pid, [page, page])
        pages[1] = max(pages[1], page)


class PlanCanvas(Canvas):
    """Keeps pages until save, then adds headers, footers and TOC page numbers."""

    def __init__(self, *args, decorate=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: list[dict] = []
        self._decorate = decorate

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept)
        for state in self._kept:
            self.__dict__.update(state)
            if self._decorate:
                self._decorate(self, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


class _Renderer:
    """Builds the story for one document at one layout scale and renders it."""

    def __init__(self, doc: b.PlanDocument, scale: float) -> None:
        self.doc = doc
        self.style = doc.style
        self.m = Metrics(doc.style, scale)
        self.log = PageLog()
        self.rng = random.Random(f"coder-sample:render:{doc.org.slug}")
        self._styles = self._make_styles()

    # ------------------------------------------------------------------ styles
    def _make_styles(self) -> dict[str, ParagraphStyle]:
        s, m = self.style, self.m
        body_font, bold = s.font("regular"), s.font("bold")
        hyphenator = hyphenation_pairs if s.hyphenate else ""
        body = ParagraphStyle(
            "body",
            fontName=body_font,
            fontSize=m.body_size,
            leading=m.leading,
            alignment=TA_JUSTIFY if s.justify else TA_LEFT,
            firstLineIndent=s.first_line_indent,
            spaceAfter=m.para_space,
            hyphenationLang=hyphenator,
            embeddedHyphenation=1,
            bulletFontName=body_font,
        )
        styles = {"body": body}
        styles["signature"] = ParagraphStyle(
            "signature",
            parent=body,
            alignment=TA_LEFT,
            firstLineIndent=0,
            fontName=s.font("italic"),
        )
        styles["list"] = ParagraphStyle(
            "list",
            parent=body,
            firstLineIndent=0,
            leftIndent=LIST_INDENT,
            bulletIndent=3,
            spaceAfter=m.list_space,
        )
        styles["box"] = ParagraphStyle(
            "box",
            parent=body,
            fontSize=m.box_size,
            leading=m.box_leading,
            firstLineIndent=0,
            spaceAfter=4,
        )
        styles["boxtitle"] = ParagraphStyle(
            "boxtitle",
            parent=styles["box"],
            fontName=s.font("bold", s.heading_family),
            textColor=colors.HexColor(s.heading_colour),
            hyphenationLang="",
        )
        heading_font = s.font("bold", s.heading_family)
        for level in (0, 1, 2, 3, 4):
            styles[f"h{level}"] = ParagraphStyle(
                f"h{level}",
                fontName=heading_font if level < 4 else bold,
                fontSize=m.heading_size(level),
                leading=m.heading_leading(level),
                spaceBefore=m.heading_space_before(level),
                spaceAfter=m.heading_space_after(level),
                textColor=colors.HexColor(s.heading_colour if level < 4 else "#000000"),
                keepWithNext=1,
                alignment=TA_LEFT,
            )
        styles["caption"] = ParagraphStyle(
            "caption",
            fontName=s.font("italic"),
            fontSize=m.table_size,
            leading=m.table_leading,
            spaceBefore=4,
            spaceAfter=4,
            keepWithNext=1,
        )
        styles["cell"] = ParagraphStyle(
            "cell", fontName=body_font, fontSize=m.table_size, leading=m.table_leading
        )
        styles["cellbold"] = ParagraphStyle("cellbold", parent=styles["cell"], fontName=bold)
        return styles

    # ------------------------------------------------------------------ templates
    def _templates(self) -> list[PageTemplate]:
        s, m = self.style, self.m
        x, y = s.margin_left, s.margin_bottom
        width, height, column = m.frame_width, m.frame_height, m.column_width

        def frame(fid: str, fx: float, fy: float, fw: float, fh: float) -> Frame:
            return Frame(fx, fy, fw, fh, id=fid, leftPadding=0, rightPadding=0,
                         topPadding=0, bottomPadding=0)  # fmt: skip

        def on_page(name: str):
            def record(canv, doc) -> None:
                self.log.templates[canv.getPageNumber()] = name

            return record

        second = x + column + s.gutter
        lower = height - BAND_HEIGHT
        specs = {
            "cover": [frame("cover", 0, 0, PAGE_WIDTH, PAGE_HEIGHT)],
            "one": [frame("one", x, y, width, height)],
            "two": [frame("left", x, y, column, height), frame("right", second, y, column, height)],
            "headtwo": [
                frame("band", x, y + lower, width, BAND_HEIGHT),
                frame("left", x, y, column, lower),
                frame("right", second, y, column, lower),
            ],
            "scan": [frame("scan", 0, 0, PAGE_WIDTH, PAGE_HEIGHT)],
        }
        return [
            PageTemplate(id=name, frames=frames, onPage=on_page(name))
            for name, frames in specs.items()
        ]

    # ------------------------------------------------------------------ story
    def _heading_text(self, heading: b.Heading) -> str:
        title = heading.title
        if heading.level == 1 and self.style.upper_chapters:
            title = title.upper()
        if heading.number and self.style.numbered:
            return f"{heading.number} {title}"
        return title

    def story(self) -> list:
        doc, s = self.doc, self.style
        story: list = [CoverFlowable(doc), NextPageTemplate("one"), PageBreak()]
        toc_title = self.rng.choice(("Inhoud", "Inhoudstafel", "Inhoudsopgave"))
        story.append(Paragraph(escape(toc_title), self._styles["h1"]))
        toc_keys: dict[int, int] = {}
        for index, block in enumerate(doc.blocks):
            if isinstance(block, b.Heading) and block.level <= 2:
                toc_keys[index] = len(toc_keys)
                story.append(
                    TocLine(self._heading_text(block), block.level, toc_keys[index],
                            s.font("bold" if block.level == 1 else "regular"), s.body_size,
                            self.log)
                )  # fmt: skip
        layout = "one"
        must_break = True
        for index, block in enumerate(doc.blocks):
            if isinstance(block, b.Heading) and block.level == 1:
                new_layout = chapter_layout(s, block.zone)
                band = s.columns == "mixed" and new_layout == "two"
                if must_break or band or chapter_breaks_page(s, block.zone, layout):
                    story += [NextPageTemplate("headtwo" if band else new_layout), PageBreak()]
                    must_break = False
                heading = self._heading(block, toc_keys.get(index, -1))
                if band:
                    heading.style = ParagraphStyle("band", parent=heading.style, keepWithNext=0)
                story.append(heading)
                if band:
                    story += [FrameBreak(), NextPageTemplate("two")]
                layout = new_layout
                continue
            if must_break and not isinstance(block, b.ScanPage):
                story += [NextPageTemplate(layout), PageBreak()]
                must_break = False
            if isinstance(block, b.ScanPage):
                jpeg = scan_page_jpeg(block.title, block.lines, block.signer, block.place_date,
                                      self.rng)  # fmt: skip
                story += [NextPageTemplate("scan"), PageBreak(), ScanFlowable(jpeg)]
                must_break = True
            elif isinstance(block, b.PageBreak):
                story.append(PageBreak())
            else:
                story += self._flowables(block, toc_keys.get(index, -1), layout)
        return story

    def _heading(self, heading: b.Heading, key: int) -> HeadingParagraph:
        text = self._heading_text(heading)
        flowable = HeadingParagraph(escape(text), self._styles[f"h{heading.level}"])
        flowable.key, flowable.level, flowable.plain = key, heading.level, heading.title
        return flowable

    def _passage(self, passage: b.Passage, style: str, bullet: str | None = None):
        para = PassageParagraph(escape(passage.text), self._styles[style], bulletText=bullet)
        para.pid = passage.pid
        return para

    def _flowables(self, block, key: int, layout: str) -> list:
        if isinstance(block, b.Heading):
            return [self._heading(block, key)]
        if isinstance(block, b.Para):
            return [self._passage(block.passage, "signature" if block.role == "signature"
                                  else "body")]  # fmt: skip
        if isinstance(block, b.BulletList):
            out = []
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.marker == "number" else _BULLETS[block.marker]
                para = self._passage(item, "list", marker)
                if block.marker == "square":
                    para.style = ParagraphStyle("sq", parent=self._styles["list"],
                                                bulletFontName="ZapfDingbats",
                                                bulletFontSize=self.m.body_size * 0.6)  # fmt: skip
                out.append(para)
            return out
        if isinstance(block, b.Box):
            return [self._box(block, layout)]
        if isinstance(block, b.Table):
            return self._table(block, layout)
        raise TypeError(f"cannot render block {block!r}")

    def _box(self, box: b.Box, layout: str) -> PassageTable:
        content = [Paragraph(escape(box.title), self._styles["boxtitle"])]
        content += [self._passage(p, "box") for p in box.passages]
        width = self.m.width(layout)
        table = PassageTable([[content]], colWidths=[width])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(self.style.box_colour)),
            ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(self.style.accent_colour)),
            ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ]))  # fmt: skip
        table.pids = tuple(p.pid for p in box.passages)
        table.spaceAfter = self.m.para_space + 6
        return table

    def _table(self, table: b.Table, layout: str) -> list:
        width = self.m.width(layout)
        unit = width / sum(table.widths)
        widths = [w * unit for w in table.widths]
        cell, bold = self._styles["cell"], self._styles["cellbold"]
        rows = []
        total_from = len(table.rows) + 1 - table.total_rows
        for r, row in enumerate([table.header, *table.rows]):
            out_row = []
            for c, text in enumerate(row):
                style = bold if r == 0 or r >= total_from else cell
                if table.numeric[c] and r > 0:
                    style = ParagraphStyle("num", parent=style, alignment=2)
                parts = text.split("\n")
                if len(parts) > 1:
                    out_row.append([Paragraph("• " + escape(p), style) for p in parts])
                else:
                    out_row.append(Paragraph(escape(text), style))
            rows.append(out_row)
        flow = Table(rows, colWidths=widths, repeatRows=1)
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(self.style.table_header_colour)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), TABLE_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ]
        if table.kind == "swot" and len(table.header) == 2 and table.header[0] == "Sterktes":
            commands.append(("BACKGROUND", (0, 2), (-1, 2),
                             colors.HexColor(self.style.table_header_colour)))  # fmt: skip
        flow.setStyle(TableStyle(commands))
        flow.spaceAfter = self.m.para_space
        caption = Paragraph(escape(table.caption), self._styles["caption"])
        return [caption, flow]

    # ------------------------------------------------------------------ decoration
    def decorate(self, canv: Canvas, page: int, total: int) -> None:
        s = self.style
        template = self.log.templates.get(page, "one")
        if template == "cover":
            return
        for mark_page, x, y, key in self.log.toc_marks:
            if mark_page == page and key in self.log.heading_pages:
                canv.setFont(s.font("regular"), s.body_size)
                canv.setFillColor(colors.black)
                canv.drawRightString(x, y, str(self.log.heading_pages[key]))
        if template == "scan":
            return
        small = max(7.0, s.body_size - 2)
        canv.setFont(s.font("regular"), small)
        canv.setFillColor(colors.HexColor("#444444"))
        left, right = s.margin_left, PAGE_WIDTH - s.margin_right
        chapter = ""
        for start, title in self.log.chapters:
            if start <= page:
                chapter = title
        top = PAGE_HEIGHT - s.margin_top + 22
        header_left, header_right = "", ""
        if s.header_mode == "org":
            header_left = self.doc.org.name
        elif s.header_mode == "chapter":
            header_right = chapter
        elif s.header_mode == "both":
            header_left, header_right = self.doc.org.name, chapter
        if header_left or header_right:
            if header_left:
                canv.drawString(left, top, header_left)
            if header_right:
                canv.drawRightString(right, top, header_right)
            canv.setStrokeColor(colors.HexColor(s.accent_colour))
            canv.setLineWidth(0.5)
            canv.line(left, top - 5, right, top - 5)
        text = {
            "plain": str(page),
            "p": f"p. {page}",
            "pagina_van": f"Pagina {page} van {total}",
            "dashes": f"- {page} -",
            "title_bar": f"Beleidsplan 2021-2025 | {page}",
        }[s.footer_form]
        bottom = s.margin_bottom - 30
        align = s.footer_align
        if align == "outer":
            align = "right" if page % 2 else "left"
        if align == "center":
            canv.drawCentredString(PAGE_WIDTH / 2, bottom, text)
        elif align == "right":
            canv.drawRightString(right, bottom, text)
        else:
            canv.drawString(left, bottom, text)

    def render(self) -> RenderResult:
        buffer = io.BytesIO()
        template = PlanDocTemplate(
            buffer,
            self.log,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            title=f"Beleidsplan 2021-2025 {self.doc.org.name}",
            author=self.doc.org.name,
            subject="Beleidsplan 2021-2025",
            creator="coder sample generator",
            leftMargin=0,
            rightMargin=0,
            topMargin=0,
            bottomMargin=0,
        )
        template.addPageTemplates(self._templates())

        def canvasmaker(*args, **kwargs):
            return PlanCanvas(*args, decorate=self.decorate, **kwargs)

        template.build(self.story(), canvasmaker=canvasmaker)
        pages = len(self.log.templates)
        missing = [p.pid for p in self.doc.passages() if p.pid not in self.log.passage_pages]
        if missing:
            raise RuntimeError(f"passages not placed in {self.doc.org.file}: {missing[:5]}")
        placed = {pid: (a, z) for pid, (a, z) in self.log.passage_pages.items()}
        return RenderResult(buffer.getvalue(), pages, placed, self.m.scale)


def render_document(doc: b.PlanDocument, scale: float = 1.0) -> RenderResult:
    """Render once at the given layout scale."""
    return _Renderer(doc, scale).render()


def render_to_target(doc: b.PlanDocument, attempts: int = 3) -> RenderResult:
    """Render, then re-render with adjusted leading until the page count meets the target.

    Only layout (leading and vertical spacing) changes between attempts, never the text,
    so the content plan stays exactly what tests inspect. Fixed pages (cover, table of
    contents, scans) do not stretch, which the correction accounts for.
    """
    target = doc.target_pages
    tolerance = max(1, round(target * 0.025))
    fixed = 2 + sum(1 for block in doc.blocks if isinstance(block, b.ScanPage))
    scale = 1.0
    best: RenderResult | None = None
    for _attempt in range(attempts):
        result = render_document(doc, scale)
        if best is None or abs(result.pages - target) < abs(best.pages - target):
            best = result
        if abs(result.pages - target) <= tolerance:
            break
        ratio = (target - fixed) / max(1.0, result.pages - fixed)
        scale = min(1.35, max(0.78, scale * ratio))
    assert best is not None
    return best
