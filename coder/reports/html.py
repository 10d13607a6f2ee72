"""Per-code and all-codes reports as one self-contained HTML file.

Everything from the database is escaped (``html.escape``), the summaries go
through the safe Markdown renderer (raw HTML off), charts are inline SVG, the
styles are inline: the file opens anywhere, offline, and carries no script.
"""

from __future__ import annotations

import re
from html import escape

from coder import summaries
from coder.reports import charts
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

STYLE = """
body{font-family:Helvetica,Arial,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ccc;
padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}th{background:#f3f6f8}
blockquote{margin:.8em 0;padding:.3em 1em;border-left:4px solid #2f6f8f;background:#f7fafb}
blockquote footer{color:#555;font-size:.9em;margin-top:.3em}
.meta,.note{color:#555;font-size:.92em}.status{font-weight:bold;color:#2f6f8f}
.pos{color:#1a7f37;font-weight:bold}.neg{color:#b42318;font-weight:bold}
section.code{page-break-before:always}
"""


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _markdown(text: str, below: int) -> str:
    """Safe HTML of Markdown, its headings moved below a section heading of level ``below``."""
    return _HEADING.sub(
        lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + below)}>",
        summaries.render_markdown(text),
    )


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[object]], numeric: set[int] = frozenset()) -> str:
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{_e(h)}</th>" for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{_e(c)}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _residual(value: float | None) -> str:
    if value is None:
        return ""
    css = "pos" if value >= 1.96 else "neg" if value <= -1.96 else ""
    text = _e(decimal(value))
    return f'<span class="{css}">{text}</span>' if css else text


def code_section(report: CodeReport, level: int = 1) -> str:
    """The body of one code's report (``level`` 2 inside the all-codes report)."""
    h1, h2 = f"h{level}", f"h{level + 1}"
    code = report.code
    cov = report.coverage
    out = [
        f"<{h1}>{_e(code.name)}</{h1}>",
        f'<p class="meta">{_e(code.group or "")} · code-id {_e(code.id)}</p>',
        f"<p>{_e(code.definition)}</p>",
        f"<{h2}>Samenvatting</{h2}>",
        f'<p class="status">{_e(status_label(report.summary))}</p>',
    ]
    if report.summary_markdown.strip():
        out.append(_markdown(report.summary_markdown, level + 1))
    else:
        out.append('<p class="note">Nog geen samenvatting geschreven.</p>')
    out += [f"<{h2}>Kerncijfers</{h2}>", _table(["", ""], [list(r) for r in key_figures(report)])]
    out.append(f"<{h2}>Grafieken</{h2}>")
    if cov.rows:
        out.append(charts.svg(charts.coverage_chart(report)))
    for key in ("region", "functions"):
        out.append(charts.svg(charts.attribute_chart(report, key)))
    out.append(f"<{h2}>Kerncitaten</{h2}>")
    quotes = [q for q in report.key_quotes if q.fragment is not None]
    if not quotes:
        out.append('<p class="note">Nog geen kerncitaten gemarkeerd.</p>')
    for quote in quotes:
        f = quote.fragment
        note = f" — {_e(quote.note)}" if quote.note else ""
        out.append(
            f"<blockquote><p>“{_e(f.text)}”</p><footer>{_e(f.organisation)}, p."
            f" {_e(f.page_name)} · {_e(f.section)}{note}</footer></blockquote>"
        )
    out.append(f"<{h2}>Dekking per organisatie</{h2}>")
    out.append(
        _table(
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
            numeric={1, 2, 3, 4},
        )
    )
    absent = ", ".join(o.name for o in cov.absent) or "geen"
    out.append(f"<p><strong>Vermelden de code niet ({len(cov.absent)}):</strong> {_e(absent)}</p>")
    out.append(f"<{h2}>Naar kenmerk van de organisatie</{h2}>")
    for matrix, row in report.attributes.values():
        out.append(f"<h{level + 2}>{_e(matrix.attribute.label)}</h{level + 2}>")
        header = ["groep", "organisaties", "vermelden", "aandeel", "fragmenten", "residu"]
        body = "".join(
            f"<tr><td>{_e(c.value)}</td><td class=n>{c.organisations}</td>"
            f"<td class=n>{c.mentioning}</td><td class=n>{c.share:.0%}</td>"
            f"<td class=n>{c.fragments}</td><td class=n>{_residual(c.residual)}</td></tr>"
            for c in row.cells
        )
        head = "".join(f"<th>{_e(h)}</th>" for h in header)
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        out.append(f'<p class="note">{_e(test_line(matrix, row))}</p>')
    out.append(f"<{h2}>Samen gecodeerd met</{h2}>")
    if report.pairs:
        out.append(
            _table(
                ["code", "overlappende fragmenten", "organisaties", "Jaccard"],
                [
                    [other_code(p, code.id).name, p.count, p.organisations, decimal(p.jaccard)]
                    for p in report.pairs
                ],
                numeric={1, 2, 3},
            )
        )
    else:
        out.append('<p class="note">Geen overlap met andere codes.</p>')
    if report.comments:
        out.append(f"<{h2}>Opmerkingen</{h2}>")
        for c in report.comments:
            out.append(
                f'<p><strong>{_e(c.author)}</strong> <span class="meta">({_e(c.created_at[:10])},'
                f" over versie {c.version})</span><br>{_e(c.body)}</p>"
            )
    out.append(f"<{h2}>Methode</{h2}>")
    out += [f'<p class="note">{_e(line)}</p>' for line in method_lines(report)]
    return "\n".join(out)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )


def code_report(report: CodeReport) -> str:
    return _page(f"{report.code.name} — horizontale analyse", code_section(report))


def all_codes_report(report: AllCodesReport) -> str:
    rows = [
        [
            r.code.group or "",
            r.code.name,
            f"{r.coverage.organisations} / {r.coverage.total_organisations}",
            r.coverage.fragments,
            summaries.STATUS_LABELS[r.summary.status] if r.summary else "—",
        ]
        for r in report.reports
    ]
    body = [
        "<h1>Horizontale analyse — alle codes</h1>",
        f'<p class="meta">Codeboekversie {report.codebook_version}; gemaakt op'
        f" {_e(report.generated_at)}.</p>",
        "<h2>Overzicht</h2>",
        _table(["groep", "code", "organisaties", "fragmenten", "samenvatting"], rows, numeric={3}),
        "<h2>Bevindingen over codes heen</h2>",
    ]
    if not report.findings:
        body.append('<p class="note">Nog geen bevindingen.</p>')
    for f in report.findings:
        body.append(f"<h3>{_e(f.title)}</h3>")
        body.append(
            f'<p class="status">{_e(summaries.STATUS_LABELS[f.status])} — versie {f.version}'
            f" · codes: {_e(', '.join(f.codes) or '—')}</p>"
        )
        body.append(_markdown(report.findings_markdown.get(f.id, ""), 3))
    for r in report.reports:
        body.append(f'<section class="code">{code_section(r, level=2)}</section>')
    return _page("Horizontale analyse — alle codes", "\n".join(body))
