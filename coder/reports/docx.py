"""Per-code and all-codes reports as Word documents (python-docx).

The researchers edit and circulate reports in Word, so this is the format the
steering group mostly reads. Markdown from the summaries becomes real Word
headings, lists and quotes (via :mod:`coder.reports.blocks`), charts are PNGs.
"""

from __future__ import annotations

import io
from typing import Any

from coder.reports import charts
from coder.reports.blocks import Block, parse
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


def _document() -> Any:
    try:
        from docx import Document
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from coder.errors import CoderError

        raise CoderError(
            "DOCX reports need python-docx: pip install python-docx (or use --format html)"
        ) from exc
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    return doc


def _paragraph(doc: Any, style_id: str | None = None, text: str = "") -> Any:
    """A paragraph with a style given by its id ("Heading2", "ListBullet", "Quote").

    python-docx resolves style *names* with an XPath search over all styles per
    call, which made a 30-code report spend seconds there; ids go straight in.
    """
    paragraph = doc.add_paragraph(text)
    if style_id:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return paragraph


def _heading(doc: Any, text: str, level: int) -> Any:
    return _paragraph(doc, "Title" if level == 0 else f"Heading{min(9, level)}", text)


def _block(doc: Any, block: Block, heading_offset: int) -> None:
    if block.kind == "heading":
        paragraph = _heading(doc, "", block.level + heading_offset)
    elif block.kind == "item":
        style = "ListNumber" if block.number is not None else "ListBullet"
        if block.level > 1:
            style += str(min(3, block.level))
        paragraph = _paragraph(doc, style)
    elif block.kind == "quote":
        paragraph = _paragraph(doc, "Quote")
    else:
        paragraph = _paragraph(doc)
    for run in block.runs:
        text = run.text if not run.href or run.href == run.text else f"{run.text} ({run.href})"
        made = paragraph.add_run(text)
        made.bold = run.bold or None
        made.italic = run.italic or None
        if run.code or block.kind == "code":
            made.font.name = "Courier New"


def _table(doc: Any, table: Table) -> None:
    made = doc.add_table(rows=1, cols=len(table.header))
    made._tbl.tblPr.style = "LightGrid-Accent1"
    for cell, text in zip(made.rows[0].cells, table.header, strict=True):
        cell.text = str(text)
    for row in table.rows:
        cells = made.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _picture(doc: Any, chart: charts.BarChart) -> None:
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(charts.png(chart)), width=Cm(16))


def _note(doc: Any, text: str) -> None:
    from docx.shared import Pt, RGBColor

    run = doc.add_paragraph().add_run(text)
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _element(doc: Any, element: Element) -> None:
    """Heading depth 1 is Word's Title, depth 2 Heading 1, and so on."""
    match element:
        case Heading(text, depth):
            _heading(doc, text, level=depth - 1)
        case Text(text, label):
            paragraph = doc.add_paragraph()
            if label:
                paragraph.add_run(f"{label} ").bold = True
            paragraph.add_run(text)
        case Note(text):
            _note(doc, text)
        case Status(text):
            doc.add_paragraph().add_run(text).bold = True
        case Markdown(text, below):
            for block in parse(text):
                _block(doc, block, below - 1)
        case Table():
            _table(doc, element)
        case Chart(chart):
            _picture(doc, chart)
        case Quote(text, source):
            _paragraph(doc, "Quote", f"“{text}”")
            _note(doc, f"— {source}")
        case CodeStart():
            doc.add_page_break()
        case _:  # pragma: no cover - a new kind of element
            raise TypeError(f"no DOCX for {element!r}")


def document(elements: list[Element], title: str) -> bytes:
    doc = _document()
    doc.core_properties.title = title
    for element in elements:
        _element(doc, element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
