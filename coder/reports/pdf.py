"""Per-code and all-codes reports as PDF, with reportlab's platypus (no browser).

Text goes into platypus Paragraphs, whose mini-markup is XML: every string from
the database is escaped first, and Markdown arrives as blocks and runs
(:mod:`coder.reports.blocks`), so only our own tags reach the layout. Fonts are
the Bitstream Vera TTFs that ship with reportlab (Latin-1, €, curly quotes).
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from coder.reports import charts
from coder.reports.blocks import parse
from coder.reports.outline import (
    Chart,
    CodeStart,
    Element,
    Heading,
    Markdown,
    Note,
    Quote,
    Status,
    Table,
    Text,
)


@cache
def _fonts() -> tuple[str, str, str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = charts.font_path().parent
    names = ("CoderVera", "CoderVera-Bold", "CoderVera-Italic", "CoderVera-BoldItalic")
    files = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
    for name, file in zip(names, files, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping("CoderVera", 0, 0, names[0])
    addMapping("CoderVera", 1, 0, names[1])
    addMapping("CoderVera", 0, 1, names[2])
    addMapping("CoderVera", 1, 1, names[3])
    return names


@cache
def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    regular, bold, _, _ = _fonts()
    base = getSampleStyleSheet()
    styles = {
        "body": ParagraphStyle("body", base["BodyText"], fontName=regular, fontSize=9.5),
        "note": ParagraphStyle(
            "note", base["BodyText"], fontName=regular, fontSize=8, textColor=colors.grey
        ),
        "quote": ParagraphStyle(
            "quote",
            base["BodyText"],
            fontName=regular,
            fontSize=9.5,
            leftIndent=14,
            borderPadding=4,
            backColor=colors.HexColor("#f3f6f8"),
        ),
        "item": ParagraphStyle("item", base["BodyText"], fontName=regular, fontSize=9.5),
        "code": ParagraphStyle("code", base["Code"], fontSize=8),
        "cell": ParagraphStyle("cell", base["BodyText"], fontName=regular, fontSize=8, leading=10),
    }
    for level in range(1, 7):
        size = {1: 18, 2: 14, 3: 12}.get(level, 10.5)
        styles[f"h{level}"] = ParagraphStyle(
            f"h{level}", base["Heading1"], fontName=bold, fontSize=size, leading=size * 1.25
        )
    return styles


def _p(text: str, style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), _styles()[style])


def _markdown(story: list, text: str, heading_offset: int) -> None:
    from reportlab.platypus import Paragraph, Preformatted

    styles = _styles()
    for block in parse(text):
        if block.kind == "code":
            story.append(Preformatted(block.text, styles["code"]))
            continue
        markup = ""
        for run in block.runs:
            piece = escape(run.text).replace("\n", "<br/>")
            if run.code:
                piece = f'<font face="Courier">{piece}</font>'
            if run.bold:
                piece = f"<b>{piece}</b>"
            if run.italic:
                piece = f"<i>{piece}</i>"
            if run.href and run.href.startswith(("http://", "https://", "mailto:")):
                piece = f'<link href="{escape(run.href, {chr(34): "&quot;"})}">{piece}</link>'
            markup += piece
        if block.kind == "heading":
            style = styles[f"h{min(6, block.level + heading_offset)}"]
        elif block.kind == "item":
            bullet = f"{block.number}." if block.number is not None else "•"
            indent = "&nbsp;" * 4 * (block.level - 1)
            markup = f"{indent}{bullet} {markup}"
            style = styles["item"]
        elif block.kind == "quote":
            style = styles["quote"]
        else:
            style = styles["body"]
        story.append(Paragraph(markup, style))


def _table(table: Table) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table as Grid
    from reportlab.platypus import TableStyle

    data = [[_p(str(h), "cell") for h in table.header]]
    data += [[_p("" if v is None else str(v), "cell") for v in row] for row in table.rows]
    grid = Grid(data, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f6f8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return grid


def _chart(chart: charts.BarChart) -> Any:
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    data = charts.png(chart)
    width, height = ImageReader(io.BytesIO(data)).getSize()
    shown = 16 * cm
    return Image(io.BytesIO(data), width=shown, height=shown * height / width)


def _element(story: list, element: Element) -> None:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    match element:
        case Heading(text, depth):
            story.append(_p(text, f"h{min(6, depth)}"))
        case Text(text, label):
            bold = f"<b>{escape(label)}</b> " if label else ""
            story.append(Paragraph(bold + escape(text), _styles()["body"]))
        case Note(text):
            story.append(_p(text, "note"))
        case Status(text):
            story.append(Paragraph(f"<b>{escape(text)}</b>", _styles()["body"]))
        case Markdown(text, below):
            _markdown(story, text, below)
        case Table():
            story.append(_table(element))
        case Chart(chart):
            story += [Spacer(1, 6), _chart(chart)]
        case Quote(text, source):
            story += [_p(f"“{text}”", "quote"), _p(f"— {source}", "note")]
        case CodeStart():
            story.append(PageBreak())
        case _:  # pragma: no cover - a new kind of element
            raise TypeError(f"no PDF for {element!r}")


def _build(story: list, title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author="coder",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    doc.build(story)
    return out.getvalue()


def document(elements: list[Element], title: str) -> bytes:
    story: list = []
    for element in elements:
        _element(story, element)
    return _build(story, title)
