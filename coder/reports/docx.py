"""Per-code and all-codes reports as Word documents (python-docx).

The researchers edit and circulate reports in Word, so this is the format the
steering group mostly reads. Markdown from the summaries becomes real Word
headings, lists and quotes (via :mod:`coder.reports.blocks`), charts are PNGs.
"""

from __future__ import annotations

import io
from typing import Any

from coder import summaries
from coder.reports import charts
from coder.reports.blocks import Block, parse
from coder.reports.model import (
    AllCodesReport,
    CodeReport,
    decimal,
    key_figures,
    method_lines,
    other_code,
    status_label,
    test_line,
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


def _markdown(doc: Any, text: str, heading_offset: int) -> None:
    for block in parse(text):
        _block(doc, block, heading_offset)


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


def _table(doc: Any, header: list[str], rows: list[list[object]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table._tbl.tblPr.style = "LightGrid-Accent1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        cells = table.add_row().cells
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


def _code(doc: Any, report: CodeReport, level: int) -> None:
    code = report.code
    cov = report.coverage
    _heading(doc, code.name, level=level - 1 if level > 1 else 0)
    _note(doc, f"{code.group or ''} · code-id {code.id}")
    doc.add_paragraph(code.definition)
    _heading(doc, "Samenvatting", level=level)
    doc.add_paragraph().add_run(status_label(report.summary)).bold = True
    if report.summary_markdown.strip():
        _markdown(doc, report.summary_markdown, level)
    else:
        _note(doc, "Nog geen samenvatting geschreven.")
    _heading(doc, "Kerncijfers", level=level)
    _table(doc, ["", ""], [list(r) for r in key_figures(report)])
    _heading(doc, "Grafieken", level=level)
    if cov.rows:
        _picture(doc, charts.coverage_chart(report))
    for key in ("region", "functions"):
        _picture(doc, charts.attribute_chart(report, key))
    _heading(doc, "Kerncitaten", level=level)
    quotes = [q for q in report.key_quotes if q.fragment is not None]
    if not quotes:
        _note(doc, "Nog geen kerncitaten gemarkeerd.")
    for quote in quotes:
        f = quote.fragment
        _paragraph(doc, "Quote", f"“{f.text}”")
        source = f"— {f.organisation}, p. {f.page_name} · {f.section}"
        _note(doc, source + (f" — {quote.note}" if quote.note else ""))
    _heading(doc, "Dekking per organisatie", level=level)
    _table(
        doc,
        ["organisatie", "fragmenten", "coderingen", "tekens", "aandeel van het plan"],
        [
            [
                r.organisation.name,
                r.fragments,
                r.codings,
                r.characters,
                f"{r.share:.2%}".replace(".", ","),
            ]
            for r in cov.rows
        ],
    )
    absent = ", ".join(o.name for o in cov.absent) or "geen"
    doc.add_paragraph(f"Vermelden de code niet ({len(cov.absent)}): {absent}")
    _heading(doc, "Naar kenmerk van de organisatie", level=level)
    for matrix, row in report.attributes.values():
        _heading(doc, matrix.attribute.label, level=min(9, level + 1))
        _table(
            doc,
            ["groep", "organisaties", "vermelden", "aandeel", "fragmenten", "residu"],
            [
                [
                    c.value,
                    c.organisations,
                    c.mentioning,
                    f"{c.share:.0%}",
                    c.fragments,
                    decimal(c.residual),
                ]
                for c in row.cells
            ],
        )
        _note(doc, test_line(matrix, row))
    _heading(doc, "Samen gecodeerd met", level=level)
    if report.pairs:
        _table(
            doc,
            ["code", "overlappende fragmenten", "organisaties", "Jaccard"],
            [
                [other_code(p, code.id).name, p.count, p.organisations, decimal(p.jaccard)]
                for p in report.pairs
            ],
        )
    else:
        _note(doc, "Geen overlap met andere codes.")
    if report.comments:
        _heading(doc, "Opmerkingen", level=level)
        for c in report.comments:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{c.author} ").bold = True
            paragraph.add_run(f"({c.created_at[:10]}, over versie {c.version}): {c.body}")
    _heading(doc, "Methode", level=level)
    for line in method_lines(report):
        _note(doc, line)


def _bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def code_report(report: CodeReport) -> bytes:
    doc = _document()
    doc.core_properties.title = f"{report.code.name} — horizontale analyse"
    _code(doc, report, level=1)
    return _bytes(doc)


def all_codes_report(report: AllCodesReport) -> bytes:
    doc = _document()
    doc.core_properties.title = "Horizontale analyse — alle codes"
    _heading(doc, "Horizontale analyse — alle codes", level=0)
    _note(
        doc,
        f"Codeboekversie {report.codebook_version}; gemaakt op {report.generated_at}.",
    )
    _heading(doc, "Overzicht", level=1)
    _table(
        doc,
        ["groep", "code", "organisaties", "fragmenten", "samenvatting"],
        [
            [
                r.code.group or "",
                r.code.name,
                f"{r.coverage.organisations} / {r.coverage.total_organisations}",
                r.coverage.fragments,
                summaries.STATUS_LABELS[r.summary.status] if r.summary else "—",
            ]
            for r in report.reports
        ],
    )
    _heading(doc, "Bevindingen over codes heen", level=1)
    if not report.findings:
        _note(doc, "Nog geen bevindingen.")
    for f in report.findings:
        _heading(doc, f.title, level=2)
        _note(
            doc,
            f"{summaries.STATUS_LABELS[f.status]} — versie {f.version}"
            f" · codes: {', '.join(f.codes) or '—'}",
        )
        _markdown(doc, report.findings_markdown.get(f.id, ""), 2)
    for r in report.reports:
        doc.add_page_break()
        _code(doc, r, level=2)
    return _bytes(doc)
