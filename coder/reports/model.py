"""What a per-code report says, gathered once and rendered to HTML, DOCX or PDF.

Gathering reads the corpus through :mod:`coder.analysis` and the summaries
through :mod:`coder.summaries`; the renderers only format. For many codes at
once (the report of all codes, or a batch of per-code reports) everything that
needs a pass over all codings (coverage, attribute tables, co-occurrence) is
computed once and shared.
"""

from __future__ import annotations

import importlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from coder import analysis, summaries
from coder.analysis.base import LIVE, frame, part_maps, spans

REPORT_ATTRIBUTES = ("region", "functions", "size", "new_entrant")
TOP_PAIRS = 5


@dataclass(slots=True)
class Reliability:
    """Agreement on one code in the pilot reading (filled in by ``coder.pilot`` when present)."""

    measure: str  # e.g. "Krippendorff's alpha (unitized, binary)"
    value: float
    low: float | None = None
    high: float | None = None
    detail: str = ""  # e.g. "5 readers, 15 plans"


def code_reliability(db: sqlite_utils.Database, code_id: str) -> Reliability | None:
    """The pilot's reliability of one code, or None when there is no pilot yet.

    This is the hook for the pilot issue: a module ``coder.pilot`` with a function
    ``code_reliability(db, code_id)`` returning a :class:`Reliability` (or a dict
    with its fields), or None, is used as soon as it exists.
    """
    try:
        pilot = importlib.import_module("coder.pilot")
    except ImportError:
        return None
    provider = getattr(pilot, "code_reliability", None)
    if provider is None:
        return None
    found = provider(db, code_id)
    if found is None or isinstance(found, Reliability):
        return found
    return Reliability(**{k: found[k] for k in Reliability.__slots__ if k in found})


@dataclass(slots=True)
class Method:
    codebook_version: int
    generated_at: str
    coders: list[tuple[str, int]]  # (coder, codings of this code)
    reliability: Reliability | None
    organisations: int
    documents: int


@dataclass(slots=True)
class CodeReport:
    code: analysis.CodeInfo
    summary: summaries.Summary | None
    summary_markdown: str  # with [[quotes]] expanded
    comments: list[summaries.Comment]
    coverage: analysis.Coverage
    key_quotes: list[summaries.KeyQuote]
    attributes: dict[str, tuple[analysis.AttributeMatrix, analysis.AttributeRow]]
    parts: dict[str, dict[str, int]]  # part -> {"fragments": n, "organisations": n}
    pairs: list[analysis.Pair]
    method: Method

    @property
    def title(self) -> str:
        return self.code.name


@dataclass(slots=True)
class AllCodesReport:
    reports: list[CodeReport]
    findings: list[summaries.Summary]
    findings_markdown: dict[int, str] = field(default_factory=dict)
    generated_at: str = ""
    codebook_version: int = 0


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def gather(db: sqlite_utils.Database, code_ids: list[str] | None = None) -> list[CodeReport]:
    """Reports for the given codes (default: every codable code), sharing the corpus passes."""
    from coder.codebook import current_version

    infos = analysis.codes(db, code_ids)
    ids = [c.id for c in infos]
    fr = frame(db)
    coverages = {c.code.id: c for c in analysis.coverage_all(db, ids)}
    matrices = {key: analysis.attribute_matrix(db, key, ids) for key in REPORT_ATTRIBUTES}
    every_code = analysis.codes(db)
    pairs = analysis.cooccurrence(
        db, mode="overlap", code_ids=list(dict.fromkeys([*(c.id for c in every_code), *ids]))
    ).pairs
    code_spans = spans(db, fr, None, ids)
    parts = part_maps(db, {s.document_id for s in code_spans})
    part_fragments: dict[str, Counter] = defaultdict(Counter)
    part_orgs: dict[tuple[str, str], set[int]] = defaultdict(set)
    for span in code_spans:
        part = parts[span.document_id].part_at(span.start)
        part_fragments[span.code_id][part] += 1
        part_orgs[(span.code_id, part)].add(fr.document_org[span.document_id])
    coders: dict[str, Counter] = defaultdict(Counter)
    for code_id, coder, n in db.execute(
        f"SELECT c.code_id, c.coder, count(*) FROM codings c WHERE {LIVE}"
        " GROUP BY c.code_id, c.coder"
    ):
        coders[code_id][coder] = n
    version = current_version(db)
    stamp = _now()
    reports = []
    for info in infos:
        summary = summaries.summary(db, info.id)
        reports.append(
            CodeReport(
                code=info,
                summary=summary,
                summary_markdown=summaries.expand_quotes(db, summary.body) if summary else "",
                comments=summaries.comments(db, summary.id) if summary else [],
                coverage=coverages[info.id],
                key_quotes=summaries.key_quotes(db, info.id),
                attributes={
                    key: (m, next(r for r in m.rows if r.code.id == info.id))
                    for key, m in matrices.items()
                },
                parts={
                    part: {
                        "fragments": part_fragments[info.id][part],
                        "organisations": len(part_orgs[(info.id, part)]),
                    }
                    for part in analysis.PARTS
                },
                pairs=[p for p in pairs if info.id in (p.a.id, p.b.id)][:TOP_PAIRS],
                method=Method(
                    codebook_version=version,
                    generated_at=stamp,
                    coders=sorted(coders[info.id].items(), key=lambda kv: (-kv[1], kv[0])),
                    reliability=code_reliability(db, info.id),
                    organisations=len(fr.organisations),
                    documents=len(fr.document_org),
                ),
            )
        )
    return reports


def other_code(pair: analysis.Pair, code_id: str) -> analysis.CodeInfo:
    """The code a pair shares with ``code_id``."""
    return pair.b if pair.a.id == code_id else pair.a


def gather_all(db: sqlite_utils.Database) -> AllCodesReport:
    """Every code's report plus the cross-code findings."""
    from coder.codebook import current_version

    reports = gather(db)
    found = summaries.findings(db)
    return AllCodesReport(
        reports=reports,
        findings=found,
        findings_markdown={f.id: summaries.expand_quotes(db, f.body) for f in found},
        generated_at=_now(),
        codebook_version=current_version(db),
    )


def key_figures(report: CodeReport) -> list[tuple[str, str]]:
    """The headline numbers of a code, as (label, value) in Dutch."""
    cov = report.coverage
    parts = report.parts
    return [
        (
            "Organisaties die de code vermelden",
            f"{cov.organisations} van {cov.total_organisations} ({cov.organisation_share:.0%})",
        ),
        ("Organisaties zonder vermelding", str(len(cov.absent))),
        ("Fragmenten", f"{cov.fragments} ({cov.codings} coderingen)"),
        ("Gecodeerde tekens", f"{cov.characters:,}".replace(",", ".")),
        ("Mediaan fragmenten per vermeldende organisatie", _number(cov.median_fragments)),
        ("Mediaan aandeel van het plan", f"{cov.median_share:.2%}".replace(".", ",")),
        (
            "Inhoudelijk deel / zakelijk deel",
            f"{parts['inhoudelijk']['fragments']} / {parts['zakelijk']['fragments']} fragmenten"
            f" ({parts['inhoudelijk']['organisations']} / {parts['zakelijk']['organisations']}"
            " organisaties)",
        ),
    ]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else decimal(value, 1)


def decimal(value: float | None, digits: int = 2) -> str:
    """A number the Dutch way (decimal comma); empty for None."""
    if value is None or value != value:
        return ""
    return f"{value:.{digits}f}".replace(".", ",")


def status_label(summary: Any) -> str:
    if summary is None:
        return "nog geen samenvatting"
    return (
        f"{summaries.STATUS_LABELS[summary.status]} — versie {summary.version},"
        f" {summary.current.author}, {summary.current.created_at[:10]}"
    )


def significance(p_value: float | None) -> str:
    if p_value is None:
        return ""
    if p_value < 0.001:
        return "p < 0,001"
    return f"p = {decimal(p_value, 3)}"


def test_line(matrix: analysis.AttributeMatrix, row: analysis.AttributeRow) -> str:
    """Dutch sentences on the test of association for a code and attribute, with caveats."""
    if matrix.attribute.multi:
        tested = [c for c in row.cells if c.p_value is not None]
        strong = [c.value for c in tested if c.p_value < 0.05]
        line = (
            "Per waarde getoetst (2 x 2, chi-kwadraat): "
            + (
                "significant verschil (p < 0,05) bij " + ", ".join(strong)
                if strong
                else "geen significant verschil (p >= 0,05)"
            )
            + "."
        )
        weak = [c.value for c in tested if c.reliable is False]
        if weak:
            line += (
                " Let op: bij " + ", ".join(weak) + " zijn de verwachte aantallen te klein"
                " voor een betrouwbare toets."
            )
    elif row.test is None or row.test.p_value != row.test.p_value:  # None or NaN
        line = "Geen toets mogelijk (alle organisaties in één rij of kolom)."
    else:
        t = row.test
        line = (
            f"Chi-kwadraat({t.dof}) = {decimal(t.statistic)}, {significance(t.p_value)},"
            f" Cramérs V = {decimal(t.cramers_v)}."
        )
        if not t.valid:
            line += (
                f" Let op: {t.small_expected} van de {_cells(t)} cellen hebben een"
                f" verwachte frequentie onder 5 (kleinste {decimal(t.min_expected, 1)}): de toets"
                " is onbetrouwbaar; voeg groepen samen of gebruik een exacte toets."
            )
        elif t.small_expected:
            line += f" {t.small_expected} cel(len) met een verwachte frequentie onder 5."
    return line


def _cells(test: analysis.ChiSquare) -> int:
    return sum(1 for row in test.expected for v in row if v == v)  # tested cells (not NaN)


def attribute_note(matrix: analysis.AttributeMatrix) -> str:
    """How the groups of an attribute were compared (Dutch)."""
    label = matrix.attribute.label
    note = (
        f"{label}: een organisatie kan meerdere waarden hebben; elke waarde is apart getoetst"
        " (heeft ze / heeft ze niet x vermeldt de code of niet)."
        if matrix.attribute.multi
        else f"{label}: één chi-kwadraattoets per code (vermeldt de code of niet x groep)."
    )
    if matrix.unknown:
        note += f" {matrix.unknown} organisatie(s) met onbekende waarde buiten de toets."
    return note


def method_lines(report: CodeReport) -> list[str]:
    """The method note of a per-code report, one sentence per line (Dutch)."""
    m = report.method
    coders = ", ".join(f"{name} ({n})" for name, n in m.coders) or "geen"
    if m.reliability is None:
        reliability = "Betrouwbaarheid: nog geen pilot (proeflezing) in de database."
    else:
        r = m.reliability
        interval = (
            f" (95%-interval {decimal(r.low)} – {decimal(r.high)})"
            if r.low is not None and r.high is not None
            else ""
        )
        detail = f"; {r.detail}" if r.detail else ""
        reliability = (
            f"Betrouwbaarheid in de pilot: {r.measure} = {decimal(r.value)}{interval}{detail}."
        )
    return [
        f"Codeboekversie {m.codebook_version}; rapport gemaakt op {m.generated_at}.",
        f"Corpus: {m.organisations} organisaties, {m.documents} documenten.",
        f"Codeurs van deze code (aantal coderingen): {coders}.",
        reliability,
        "Een fragment is een uniek stuk tekst (document, begin, einde) met deze code: twee"
        " lezers die hetzelfde stuk coderen, tellen één keer. Tekens: overlappende fragmenten"
        " één keer geteld; aandeel = gecodeerde tekens / tekens van het plan.",
        "Kenmerken: per groep het aandeel organisaties dat de code vermeldt; Pearson"
        " chi-kwadraat zonder continuïteitscorrectie op organisaties (vermeldt / vermeldt niet"
        " x groep); residu = gecorrigeerd gestandaardiseerd residu (buiten ±1,96 opvallend);"
        " functies overlappen, dus elke functie apart (2 x 2). Verwachte aantallen onder 5"
        " worden gemeld.",
        "Zakelijk deel: hoofdstukken over financiën, begroting, personeel, infrastructuur,"
        " huisvesting of bestuur, en alles na een kop 'Zakelijk deel'; de rest is inhoudelijk.",
        "Samen gecodeerd: fragmenten van beide codes die tekst delen (overlap).",
    ]
