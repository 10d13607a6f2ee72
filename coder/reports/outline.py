"""What a report says, once: its elements in order, for every format.

A code's report and the all-codes report are laid out here as a list of plain
elements (heading, text, note, table, chart, quote, ...). The HTML, DOCX and PDF
writers only decide how each kind of element looks, so the three formats
cannot drift apart in what they say.

Heading depth 1 is the report's title; a code's sections are one deeper than
its name, which is depth 2 inside the all-codes report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    depth: int


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph; ``label`` goes before it in bold."""

    text: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """Small grey text: ids, dates, tests, method, "nothing yet"."""

    text: str


@dataclass(frozen=True, slots=True)
class Status:
    """A summary's or finding's review status (stands out)."""

    text: str


@dataclass(frozen=True, slots=True)
class Markdown:
    """A summary or finding as written; its own headings go below depth ``below``."""

    text: str
    below: int


@dataclass(frozen=True, slots=True)
class Residual:
    """An adjusted residual in a table: formats that can colour it (|r| >= 1.96) do."""

    value: float | None

    def __str__(self) -> str:
        return decimal(self.value)  # empty for None


@dataclass(frozen=True, slots=True)
class Table:
    header: list[str]
    rows: list[list[object]]
    #: columns of figures (right-aligned where the format can)
    numeric: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Chart:
    chart: charts.BarChart


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class CodeStart:
    """Where a code's part of the all-codes report begins (a new page in print)."""


Element = Heading | Text | Note | Status | Markdown | Table | Chart | Quote | CodeStart


def title(report: CodeReport | AllCodesReport) -> str:
    if isinstance(report, AllCodesReport):
        return "Horizontale analyse — alle codes"
    return f"{report.code.name} — horizontale analyse"


def elements(report: CodeReport | AllCodesReport) -> list[Element]:
    if isinstance(report, AllCodesReport):
        return _all_codes(report)
    return _code(report, depth=1)


def _code(report: CodeReport, depth: int) -> list[Element]:
    code, cov = report.code, report.coverage
    section = depth + 1
    out: list[Element] = [
        Heading(code.name, depth),
        Note(f"{code.group or ''} · code-id {code.id}"),
        Text(code.definition),
        Heading("Samenvatting", section),
        Status(status_label(report.summary)),
    ]
    if report.summary_markdown.strip():
        out.append(Markdown(report.summary_markdown, section))
    else:
        out.append(Note("Nog geen samenvatting geschreven."))
    out += [
        Heading("Kerncijfers", section),
        Table(["", ""], [list(r) for r in key_figures(report)]),
    ]
    out.append(Heading("Grafieken", section))
    if cov.rows:
        out.append(Chart(charts.coverage_chart(report)))
    out += [Chart(charts.attribute_chart(report, key)) for key in ("region", "functions")]
    out.append(Heading("Kerncitaten", section))
    quotes = [q for q in report.key_quotes if q.fragment is not None]
    if not quotes:
        out.append(Note("Nog geen kerncitaten gemarkeerd."))
    for quote in quotes:
        f = quote.fragment
        source = f"{f.organisation}, p. {f.page_name} · {f.section}"
        out.append(Quote(f.text, source + (f" — {quote.note}" if quote.note else "")))
    out.append(Heading("Dekking per organisatie", section))
    out.append(
        Table(
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
            frozenset({1, 2, 3, 4}),
        )
    )
    absent = ", ".join(o.name for o in cov.absent) or "geen"
    out.append(Text(absent, label=f"Vermelden de code niet ({len(cov.absent)}):"))
    out.append(Heading("Naar kenmerk van de organisatie", section))
    for matrix, row in report.attributes.values():
        out.append(Heading(matrix.attribute.label, section + 1))
        out.append(
            Table(
                ["groep", "organisaties", "vermelden", "aandeel", "fragmenten", "residu"],
                [
                    [
                        c.value,
                        c.organisations,
                        c.mentioning,
                        f"{c.share:.0%}",
                        c.fragments,
                        Residual(c.residual),
                    ]
                    for c in row.cells
                ],
                frozenset({1, 2, 3, 4, 5}),
            )
        )
        out.append(Note(test_line(matrix, row)))
    out.append(Heading("Samen gecodeerd met", section))
    if report.pairs:
        out.append(
            Table(
                ["code", "overlappende fragmenten", "organisaties", "Jaccard"],
                [
                    [other_code(p, code.id).name, p.count, p.organisations, decimal(p.jaccard)]
                    for p in report.pairs
                ],
                frozenset({1, 2, 3}),
            )
        )
    else:
        out.append(Note("Geen overlap met andere codes."))
    if report.comments:
        out.append(Heading("Opmerkingen", section))
        out += [
            Text(f"({c.created_at[:10]}, over versie {c.version}): {c.body}", label=c.author)
            for c in report.comments
        ]
    out.append(Heading("Methode", section))
    out += [Note(line) for line in method_lines(report)]
    return out


def _all_codes(report: AllCodesReport) -> list[Element]:
    out: list[Element] = [
        Heading(title(report), 1),
        Note(f"Codeboekversie {report.codebook_version}; gemaakt op {report.generated_at}."),
        Heading("Overzicht", 2),
        Table(
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
            frozenset({3}),
        ),
        Heading("Bevindingen over codes heen", 2),
    ]
    if not report.findings:
        out.append(Note("Nog geen bevindingen."))
    for f in report.findings:
        out += [
            Heading(f.title, 3),
            Status(
                f"{summaries.STATUS_LABELS[f.status]} — versie {f.version}"
                f" · codes: {', '.join(f.codes) or '—'}"
            ),
            Markdown(report.findings_markdown.get(f.id, ""), 3),
        ]
    for r in report.reports:
        out += [CodeStart(), *_code(r, depth=2)]
    return out
