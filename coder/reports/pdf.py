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

from coder import summaries
from coder.reports import charts
from coder.reports.blocks import parse
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


def _table(header: list[str], rows: list[list[object]], widths: list[float] | None = None) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    data = [[_p(str(h), "cell") for h in header]]
    data += [[_p("" if v is None else str(v), "cell") for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f6f8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _chart(chart: charts.BarChart) -> Any:
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    data = charts.png(chart)
    width, height = ImageReader(io.BytesIO(data)).getSize()
    shown = 16 * cm
    return Image(io.BytesIO(data), width=shown, height=shown * height / width)


def _code(story: list, report: CodeReport, level: int) -> None:
    from reportlab.platypus import Spacer

    code = report.code
    cov = report.coverage
    h, sub = f"h{level}", f"h{level + 1}"
    story += [
        _p(code.name, h),
        _p(f"{code.group or ''} · code-id {code.id}", "note"),
        _p(code.definition),
        _p("Samenvatting", sub),
        _p(status_label(report.summary)),
    ]
    if report.summary_markdown.strip():
        _markdown(story, report.summary_markdown, level + 1)
    else:
        story.append(_p("Nog geen samenvatting geschreven.", "note"))
    story += [_p("Kerncijfers", sub), _table(["", ""], [list(r) for r in key_figures(report)])]
    story.append(_p("Grafieken", sub))
    if cov.rows:
        story.append(_chart(charts.coverage_chart(report)))
    for key in ("region", "functions"):
        story += [Spacer(1, 6), _chart(charts.attribute_chart(report, key))]
    story.append(_p("Kerncitaten", sub))
    quotes = [q for q in report.key_quotes if q.fragment is not None]
    if not quotes:
        story.append(_p("Nog geen kerncitaten gemarkeerd.", "note"))
    for quote in quotes:
        f = quote.fragment
        story.append(_p(f"“{f.text}”", "quote"))
        source = f"— {f.organisation}, p. {f.page_name} · {f.section}"
        story.append(_p(source + (f" — {quote.note}" if quote.note else ""), "note"))
    story.append(_p("Dekking per organisatie", sub))
    story.append(
        _table(
            ["organisatie", "fragmenten", "coderingen", "tekens", "aandeel"],
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
    )
    absent = ", ".join(o.name for o in cov.absent) or "geen"
    story.append(_p(f"Vermelden de code niet ({len(cov.absent)}): {absent}"))
    story.append(_p("Naar kenmerk van de organisatie", sub))
    for matrix, row in report.attributes.values():
        story.append(_p(matrix.attribute.label, f"h{min(6, level + 2)}"))
        story.append(
            _table(
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
        )
        story.append(_p(test_line(matrix, row), "note"))
    story.append(_p("Samen gecodeerd met", sub))
    if report.pairs:
        story.append(
            _table(
                ["code", "overlappende fragmenten", "organisaties", "Jaccard"],
                [
                    [other_code(p, code.id).name, p.count, p.organisations, decimal(p.jaccard)]
                    for p in report.pairs
                ],
            )
        )
    else:
        story.append(_p("Geen overlap met andere codes.", "note"))
    if report.comments:
        story.append(_p("Opmerkingen", sub))
        for c in report.comments:
            story.append(_p(f"{c.author} ({c.created_at[:10]}, over versie {c.version}): {c.body}"))
    story.append(_p("Methode", sub))
    story += [_p(line, "note") for line in method_lines(report)]


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


def code_report(report: CodeReport) -> bytes:
    story: list = []
    _code(story, report, level=1)
    return _build(story, f"{report.code.name} — horizontale analyse")


def all_codes_report(report: AllCodesReport) -> bytes:
    from reportlab.platypus import PageBreak

    story: list = [
        _p("Horizontale analyse — alle codes", "h1"),
        _p(f"Codeboekversie {report.codebook_version}; gemaakt op {report.generated_at}.", "note"),
        _p("Overzicht", "h2"),
        _table(
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
        ),
        _p("Bevindingen over codes heen", "h2"),
    ]
    if not report.findings:
        story.append(_p("Nog geen bevindingen.", "note"))
    for f in report.findings:
        story.append(_p(f.title, "h3"))
        story.append(
            _p(
                f"{summaries.STATUS_LABELS[f.status]} — versie {f.version}"
                f" · codes: {', '.join(f.codes) or '—'}",
                "note",
            )
        )
        _markdown(story, report.findings_markdown.get(f.id, ""), 3)
    for r in report.reports:
        story.append(PageBreak())
        _code(story, r, level=2)
    return _build(story, "Horizontale analyse — alle codes")
