"""The reliability report as a file: self-contained HTML, CSV, XLSX or JSON.

One module per exchange format would be overkill for one report, so the four writers
live here, apart from the computation (:mod:`coder.reliability_report`). Everything
that comes from the data (plan and code names, coder names, quoted text) is escaped
in HTML and written as a value, never as a formula, in XLSX; the HTML needs no
network (styles and the few lines of script are inline).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape
from typing import Any

from coder.errors import PilotError
from coder.reliability_report import (
    BANDS,
    LEVEL_LABELS,
    LEVELS,
    CodeRow,
    Disagreement,
    Estimate,
    Report,
    disagreements,
)

FORMATS = ("html", "csv", "xlsx", "json")
MEDIA_TYPES = {
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
#: fragments per heatmap cell in the HTML drill-down and the XLSX sheet (the app shows all)
HTML_FRAGMENTS_PER_CELL = 5
XLSX_FRAGMENTS_PER_CELL = 10


def write(report: Report, fmt: str) -> bytes:
    """The report in ``fmt``: ``html``, ``csv``, ``xlsx`` or ``json``."""
    if fmt == "html":
        return to_html(report).encode("utf-8")
    if fmt == "csv":
        return to_csv(report)
    if fmt == "xlsx":
        return to_xlsx(report)
    if fmt == "json":
        return json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    raise PilotError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")


def number(value: float | None, digits: int = 3) -> str:
    """A figure as shown: three decimals, or an en dash when undefined."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def percent(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "–"
    return f"{value:.1%}"


def interval(estimate: Estimate) -> str:
    if math.isnan(estimate.low) or math.isnan(estimate.high):
        return "–"
    return f"[{estimate.low:.3f}, {estimate.high:.3f}]"


# rows shared by CSV and XLSX ----------------------------------------------------------------
ROW_COLUMNS = (
    "section",
    "level",
    "code_id",
    "code",
    "plan",
    "coder_a",
    "coder_b",
    "value",
    "ci_low",
    "ci_high",
    "n_units",
    "prevalence",
    "agreement",
    "band",
    "reason",
)


def _value(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def rows(report: Report) -> list[dict[str, Any]]:
    """Every figure of the report as one long table (one row per figure)."""
    plans = {doc_id: label for doc_id, label, _ in report.documents}
    result = []

    def estimate_rows(section: str, row: CodeRow, round_name: str = "") -> None:
        for level in LEVELS:
            e = row.level(level)
            result.append(
                {
                    "section": section,
                    "level": level,
                    "code_id": row.code_id,
                    "code": row.name,
                    "plan": round_name,
                    "value": _value(e.value),
                    "ci_low": _value(e.low),
                    "ci_high": _value(e.high),
                    "n_units": e.n_units,
                    "prevalence": _value(e.prevalence),
                    "agreement": _value(e.agreement),
                    "band": e.band,
                    "reason": e.reason or "",
                }
            )

    estimate_rows("overall", report.overall)
    for row in report.codes:
        estimate_rows("code", row)
    for cell in report.cells:
        result.append(
            {
                "section": "cell",
                "level": "character",
                "code_id": cell.code_id,
                "code": report.code_name(cell.code_id),
                "plan": plans.get(cell.document_id, str(cell.document_id)),
                "value": _value(cell.kappa),
                "agreement": _value(cell.agreement),
                "band": Estimate(cell.kappa).band,
                "reason": cell.reason or "",
            }
        )
    for pair in report.pairs:
        for level, value in (("segment", pair.segment_alpha), ("character", pair.character_kappa)):
            result.append(
                {
                    "section": "pair",
                    "level": level,
                    "coder_a": report.coder_label(pair.coder_a),
                    "coder_b": report.coder_label(pair.coder_b),
                    "value": _value(value),
                    "n_units": pair.shared_plans,
                    "band": Estimate(value).band,
                }
            )
    for coder in report.coder_rows:
        for level, value in (("segment", coder.alpha_without), ("character", coder.mean_kappa)):
            result.append(
                {
                    "section": "coder-without" if level == "segment" else "coder-mean",
                    "level": level,
                    "coder_a": coder.label,
                    "value": _value(value),
                    "prevalence": _value(coder.coverage),
                    "n_units": coder.codings,
                }
            )
    for confusion in report.confusions:
        result.append(
            {
                "section": "confusion",
                "level": "segment",
                "code_id": f"{confusion.code_a}|{confusion.code_b}",
                "code": f"{confusion.name_a} / {confusion.name_b}",
                "value": confusion.count,
                "n_units": confusion.units,
                "prevalence": _value(confusion.share),
            }
        )
    for past in report.rounds:
        estimate_rows("round", past.overall, past.pilot)
        for row in past.codes.values():
            estimate_rows("round", row, past.pilot)
    return [{column: row.get(column, "") for column in ROW_COLUMNS} for row in result]


def to_csv(report: Report) -> bytes:
    """UTF-8 with a BOM (Excel reads the accents), comma-separated, one row per figure."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ROW_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(report):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# XLSX --------------------------------------------------------------------------------------
def to_xlsx(report: Report, *, generated_at: datetime | None = None) -> bytes:
    """Sheets: summary, per code, heatmap, coders, confusion, rounds, fragments, method."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    stamp = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "coder"
    bold = Font(bold=True)

    def cell(sheet: Any, value: Any, header: bool = False) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32_000]
            if not header and not value.startswith("="):
                return value  # a plain value is much faster than a cell object
        if not header and not isinstance(value, str):
            return value
        item = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            item.data_type = "s"  # never a formula
        if header:
            item.font = bold
        return item

    def sheet(title: str, header: Iterable[str], body: Iterable[Iterable[Any]]) -> None:
        ws = workbook.create_sheet(title)
        ws.freeze_panes = "A2"
        ws.append([cell(ws, h, header=True) for h in header])
        for line in body:
            ws.append([cell(ws, v) for v in line])

    level_header = []
    for level in LEVELS:
        name = LEVEL_LABELS[level]
        level_header += [name, f"{name} laag", f"{name} hoog", f"{name} oordeel"]

    def level_values(row: CodeRow) -> list[Any]:
        values: list[Any] = []
        for level in LEVELS:
            e = row.level(level)
            values += [e.value, e.low, e.high, BANDS[e.band]]
        return values

    first = row_summary(report)
    sheet("Samenvatting", ["veld", "waarde"], first)
    sheet(
        "Per code",
        ["code_id", "code", *level_header, "eenheden", "prevalentie", "overeenstemming", "reden"],
        [
            [
                r.code_id or "(alle)",
                r.name,
                *level_values(r),
                r.segment.n_units,
                r.segment.prevalence,
                r.segment.agreement,
                "; ".join(
                    f"{LEVEL_LABELS[lv]}: {r.level(lv).reason}"
                    for lv in LEVELS
                    if r.level(lv).reason
                ),
            ]
            for r in [report.overall, *report.codes]
        ],
    )
    kappa = {(c.code_id, c.document_id): c.kappa for c in report.cells}
    sheet(
        "Heatmap kappa",
        ["code", *(label for _, label, _ in report.documents)],
        [
            [r.name, *(kappa.get((r.code_id, doc_id)) for doc_id, _, _ in report.documents)]
            for r in report.codes
        ],
    )
    sheet(
        "Lezers",
        [
            "lezer",
            "gem. alfa met anderen",
            "alfa zonder deze lezer",
            "gem. kappa",
            "gecodeerd",
            "coderingen",
        ],
        [
            [c.label, c.mean_alpha, c.alpha_without, c.mean_kappa, c.coverage, c.codings]
            for c in report.coder_rows
        ],
    )
    sheet(
        "Paren",
        ["lezer A", "lezer B", "alfa (segment)", "kappa (teken)", "gedeelde plannen"],
        [
            [
                report.coder_label(p.coder_a),
                report.coder_label(p.coder_b),
                p.segment_alpha,
                p.character_kappa,
                p.shared_plans,
            ]
            for p in report.pairs
        ],
    )
    sheet(
        "Verwarring",
        ["code A", "code B", "paren x eenheden", "eenheden", "aandeel"],
        [[c.name_a, c.name_b, c.count, c.units, c.share] for c in report.confusions],
    )
    if report.rounds:
        sheet(
            "Rondes",
            ["code", *(f"ronde {r.round}: {lv}" for r in report.rounds for lv in LEVELS)],
            _round_lines(report),
        )
    sheet(
        "Verschillen",
        ["plan", "code", "van", "tot", "soort", "gecodeerd door", "niet door", "tekst"],
        [
            [
                d.plan,
                d.code,
                d.start,
                d.end,
                d.kind,
                ", ".join(report.coder_label(c) for c in d.coded_by),
                ", ".join(report.coder_label(c) for c in d.missing_by),
                d.text,
            ]
            for d in _first_per_cell(report, XLSX_FRAGMENTS_PER_CELL)
        ],
    )
    notes = [
        *report.notes,
        f"Blad Verschillen: de eerste {XLSX_FRAGMENTS_PER_CELL} verschillen per code en plan;"
        " de app toont ze allemaal.",
    ]
    sheet("Methode", ["opmerking"], [[note] for note in notes])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _first_per_cell(report: Report, limit: int) -> list[Disagreement]:
    """The first ``limit`` disagreements of every code and plan (all of them are in the app)."""
    if report._work is None:
        return []
    shown: dict[tuple[str, int], int] = defaultdict(int)
    result = []
    for d in disagreements(report):
        if shown[(d.code_id, d.document_id)] < limit:
            shown[(d.code_id, d.document_id)] += 1
            result.append(d)
    return result


def row_summary(report: Report) -> list[list[Any]]:
    lines: list[list[Any]] = [
        ["pilot", report.name],
        ["ronde", report.round],
        ["status", report.status],
        ["ontwerp", report.design],
        ["codeboekversie", report.codebook_version],
        ["lezers", ", ".join(report.coder_label(c) for c, _ in report.coders)],
        ["plannen", len(report.documents)],
        ["eenheid", report.settings.unit],
        ["minimale overlap", report.settings.min_overlap],
        ["bootstrap", report.settings.n_bootstrap],
    ]
    for level in LEVELS:
        e = report.overall.level(level)
        lines.append([f"alle codes: {LEVEL_LABELS[level]}", e.value])
        lines.append([f"alle codes: {LEVEL_LABELS[level]} 95%-BI", interval(e)])
        lines.append([f"alle codes: {LEVEL_LABELS[level]} oordeel", BANDS[e.band]])
    return lines


def _round_lines(report: Report) -> list[list[Any]]:
    code_ids: list[str] = []
    for past in report.rounds:
        code_ids += [c for c in past.codes if c not in code_ids]
    lines = [["(alle codes)", *(r.overall.level(lv).value for r in report.rounds for lv in LEVELS)]]
    for code_id in code_ids:
        name = next(r.codes[code_id].name for r in report.rounds if code_id in r.codes)
        line: list[Any] = [name]
        for past in report.rounds:
            row = past.codes.get(code_id)
            line += [row.level(lv).value if row else None for lv in LEVELS]
        lines.append(line)
    return lines


# HTML --------------------------------------------------------------------------------------
_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
max-width:1200px;padding:0 1rem;color:#1d1d1f;line-height:1.4}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.86rem}
th,td{border:1px solid #ddd;padding:.25rem .45rem;text-align:right;vertical-align:top}
th{background:#f4f4f6}td.l,th.l{text-align:left}
.good{background:#d7f0d9}.tentative{background:#fdf0c4}.unacceptable{background:#f8d3d0}
.undefined{background:#eee;color:#666}
.banner{background:#fff4d6;border:1px solid #e8c66a;padding:.6rem .9rem;border-radius:6px}
.heat td{text-align:center;min-width:2.6rem}.heat a{color:inherit;text-decoration:none}
.heat th.plan{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;height:9rem}
.frag{border-left:3px solid #bbb;margin:.5rem 0;padding:.2rem .6rem;font-size:.86rem}
.meta{color:#555;font-size:.9rem}details{margin:.3rem 0}summary{cursor:pointer}
.small{font-size:.8rem;color:#666}
"""
_SCRIPT = """
function openTarget(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
var el=document.getElementById(id);while(el){if(el.tagName==='DETAILS')el.open=true;
el=el.parentElement}}window.addEventListener('hashchange',openTarget);openTarget();
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _estimate_cells(estimate: Estimate) -> str:
    title = f' title="{_e(estimate.reason)}"' if estimate.reason else ""
    return (
        f'<td class="{estimate.band}"{title}>{number(estimate.value)}</td>'
        f"<td>{interval(estimate)}</td>"
        f'<td class="{estimate.band}">{_e(BANDS[estimate.band])}</td>'
    )


def _heat_colour(value: float) -> str:
    if math.isnan(value):
        return "#eeeeee"
    value = max(-0.2, min(1.0, value))
    hue = int(120 * max(0.0, value))  # red (0) to green (1)
    return f"hsl({hue},65%,82%)"


def _fragment(report: Report, d: Disagreement) -> str:
    by = ", ".join(_e(report.coder_label(c)) for c in d.coded_by) or "–"
    not_by = ", ".join(_e(report.coder_label(c)) for c in d.missing_by) or "–"
    spans = "; ".join(
        f"{_e(report.coder_label(c))}: "
        + (", ".join(f"{s}–{e}" for s, e in spans) if spans else "niet gecodeerd")
        for c, spans in d.spans.items()
    )
    others = "; ".join(
        f"{_e(report.coder_label(c))}: {', '.join(_e(report.code_name(o)) for o in codes)}"
        for c, codes in d.other_codes.items()
        if codes
    )
    text = d.text if len(d.text) <= 400 else d.text[:400] + " …"
    kind = "niet door iedereen gecodeerd" if d.kind == "missing" else "andere grenzen"
    return (
        f'<div class="frag"><div class="small">{_e(d.plan)}, tekens {d.start}–{d.end} · {kind}'
        f" · gecodeerd door {by} · niet door {not_by}</div>"
        f'<div>{_e(text)}</div><div class="small">spans: {spans}'
        + (f"<br>andere codes hier: {others}" if others else "")
        + "</div></div>"
    )


def to_html(report: Report) -> str:
    """One self-contained page: summary, per code, rounds, coders, confusion, heatmap with
    drill-down to the disagreeing fragments, and the method."""
    parts: list[str] = []
    add = parts.append
    title = f"Betrouwbaarheidsrapport — pilot {report.name} (ronde {report.round})"
    add(f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{_e(title)}</title>')
    add(
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<style>{_STYLE}</style></head><body>"
    )
    add(f"<h1>{_e(title)}</h1>")
    coders = ", ".join(_e(report.coder_label(c)) for c, _ in report.coders)
    unit_name = "zinnen" if report.settings.unit == "sentence" else "alinea's"
    add(
        f'<p class="meta">Status: {_e(report.status)} · ontwerp: {_e(report.design)} · '
        f"codeboekversie {report.codebook_version} · {len(report.documents)} plannen · "
        f"{report.n_units} {unit_name}"
        f" · lezers: {coders}</p>"
    )
    if report.has_simulated:
        add(
            '<p class="banner"><strong>Gesimuleerde lezers.</strong> Deze pilot bevat lezers die'
            " uit de grondwaarheid van het voorbeeldcorpus zijn afgeleid, met ruis. De cijfers"
            " tonen hoe het rapport werkt, niet hoe echte lezers coderen.</p>"
        )
    if report.status == "open":
        add('<p class="banner">De pilot is nog open: de cijfers kunnen nog veranderen.</p>')

    add(
        '<h2>Samenvatting</h2><table><tr><th class="l">niveau</th><th>waarde</th><th>95%-BI</th>'
        "<th>oordeel</th><th>eenheden</th><th>prevalentie</th><th>overeenstemming</th></tr>"
    )
    for level in LEVELS:
        e = report.overall.level(level)
        add(
            f'<tr><td class="l">{_e(LEVEL_LABELS[level])}</td>{_estimate_cells(e)}'
            f"<td>{e.n_units:,}</td><td>{percent(e.prevalence)}</td>".replace(",", ".")
            + f"<td>{percent(e.agreement)}</td></tr>"
        )
    add("</table>")

    add('<h2>Per code</h2><table><tr><th class="l" rowspan="2">code</th>')
    for level in LEVELS:
        add(f'<th colspan="3">{_e(LEVEL_LABELS[level])}</th>')
    add('<th rowspan="2">eenheden</th><th rowspan="2">prevalentie</th></tr><tr>')
    add("<th>waarde</th><th>95%-BI</th><th>oordeel</th>" * len(LEVELS) + "</tr>")
    for row in report.codes:
        add(f'<tr><td class="l"><a href="#code-{_e(row.code_id)}">{_e(row.name)}</a></td>')
        for level in LEVELS:
            add(_estimate_cells(row.level(level)))
        add(f"<td>{row.segment.n_units}</td><td>{percent(row.segment.prevalence)}</td></tr>")
    add('</table><p class="small">Beweeg over een onbepaalde waarde voor de reden.</p>')

    if report.rounds:
        add('<h2>Rondes vergeleken</h2><table><tr><th class="l">code</th>')
        for past in report.rounds:
            add(
                f'<th colspan="2">ronde {past.round}: {_e(past.pilot)}'
                f" (codeboek v{past.codebook_version})</th>"
            )
        add("<th>verschil (segment)</th></tr><tr><th></th>")
        add("<th>segment</th><th>unitized</th>" * len(report.rounds) + "<th></th></tr>")
        lines = [("(alle codes)", [r.overall for r in report.rounds])]
        code_ids: list[str] = []
        for past in report.rounds:
            code_ids += [c for c in past.codes if c not in code_ids]
        for code_id in code_ids:
            name = next(r.codes[code_id].name for r in report.rounds if code_id in r.codes)
            lines.append((name, [r.codes.get(code_id) for r in report.rounds]))
        for name, found in lines:
            add(f'<tr><td class="l">{_e(name)}</td>')
            for row in found:
                if row is None:
                    add("<td>–</td><td>–</td>")
                else:
                    add(
                        f'<td class="{row.segment.band}">{number(row.segment.value)}</td>'
                        f'<td class="{row.unitized.band}">{number(row.unitized.value)}</td>'
                    )
            first, last = found[0], found[-1]
            delta = (
                last.segment.value - first.segment.value
                if first is not None and last is not None
                else math.nan
            )
            add(f"<td>{'' if math.isnan(delta) else f'{delta:+.3f}'}</td></tr>")
        add("</table>")
        if report.codebook_changes:
            add("<p>Codeboekwijzigingen tussen de rondes:</p><ul>")
            add("".join(f"<li>{_e(change)}</li>" for change in report.codebook_changes))
            add("</ul>")

    add(
        '<h2>Lezers: wie wijkt af?</h2><table><tr><th class="l">lezer</th>'
        "<th>gem. alfa met anderen</th><th>alfa (alle codes) zonder deze lezer</th>"
        "<th>gem. kappa (tekens)</th><th>gecodeerd deel</th><th>coderingen</th></tr>"
    )
    for c in report.coder_rows:
        add(
            f'<tr><td class="l">{_e(c.label)}</td>'
            f'<td class="{Estimate(c.mean_alpha).band}">{number(c.mean_alpha)}</td>'
            f"<td>{number(c.alpha_without)}</td>"
            f'<td class="{Estimate(c.mean_kappa).band}">{number(c.mean_kappa)}</td>'
            f"<td>{percent(c.coverage)}</td><td>{c.codings}</td></tr>"
        )
    add(
        '</table><p class="small">Stijgt de alfa duidelijk zonder een lezer, dan codeert die'
        " lezer anders dan de rest.</p>"
    )
    names = [c for c, _ in report.coders]
    matrix = {(p.coder_a, p.coder_b): p for p in report.pairs}
    add('<table><tr><th class="l">alfa (segment) / kappa (tekens)</th>')
    add("".join(f"<th>{_e(report.coder_label(c))}</th>" for c in names) + "</tr>")
    for a in names:
        add(f'<tr><th class="l">{_e(report.coder_label(a))}</th>')
        for b in names:
            pair = matrix.get((a, b)) or matrix.get((b, a))
            if pair is None:
                add("<td>–</td>")
            else:
                add(
                    f'<td class="{Estimate(pair.segment_alpha).band}">{number(pair.segment_alpha)}'
                    f'<br><span class="small">{number(pair.character_kappa)}</span></td>'
                )
        add("</tr>")
    add("</table>")

    add("<h2>Codeverwarring</h2>")
    if report.confusions:
        add(
            "<p>Eenheden waar de ene lezer code A gaf en de andere code B (en niet A): kandidaten"
            ' om de definities aan te scherpen.</p><table><tr><th class="l">code A</th>'
            '<th class="l">code B</th><th>paren × eenheden</th><th>eenheden</th>'
            "<th>aandeel</th></tr>"
        )
        for c in report.confusions:
            add(
                f'<tr><td class="l">{_e(c.name_a)}</td><td class="l">{_e(c.name_b)}</td>'
                f"<td>{c.count}</td><td>{c.units}</td><td>{percent(c.share)}</td></tr>"
            )
        add("</table>")
    else:
        add(
            "<p>Geen: geen eenheid kreeg van de ene lezer de ene en van de andere"
            " een andere code.</p>"
        )

    add(
        '<h2>Heatmap: kappa per code en plan</h2><p class="small">Kappa over de tekens,'
        " gemiddeld over de paren lezers; klik op een cel voor de tekst waarover de lezers"
        ' verschillen.</p><table class="heat"><tr><th class="l">code</th>'
    )
    add("".join(f'<th class="plan">{_e(label)}</th>' for _, label, _ in report.documents) + "</tr>")
    cells = {(c.code_id, c.document_id): c for c in report.cells}
    found = disagreements(report) if report._work is not None else []
    by_cell: dict[tuple[str, int], list[Disagreement]] = defaultdict(list)
    for d in found:
        by_cell[(d.code_id, d.document_id)].append(d)
    for k, row in enumerate(report.codes):
        add(f'<tr><td class="l">{_e(row.name)}</td>')
        for j, (doc_id, _, _) in enumerate(report.documents):
            cell = cells.get((row.code_id, doc_id))
            if cell is None:
                add('<td style="background:#f7f7f7"></td>')
                continue
            text = number(cell.kappa, 2)
            title = _e(
                f"kappa {number(cell.kappa)} · overeenstemming {percent(cell.agreement)}"
                + (f" · {cell.reason}" if cell.reason else "")
            )
            if by_cell.get((row.code_id, doc_id)):
                text = f'<a href="#d-{k}-{j}">{text}</a>'
            add(f'<td style="background:{_heat_colour(cell.kappa)}" title="{title}">{text}</td>')
        add("</tr>")
    add("</table>")

    add("<h2>Verschillen per code</h2>")
    for k, row in enumerate(report.codes):
        mine = [d for d in found if d.code_id == row.code_id]
        add(
            f'<details id="code-{_e(row.code_id)}"><summary>{_e(row.name)} — {len(mine)}'
            " plaatsen waar de lezers verschillen</summary>"
        )
        for j, (doc_id, label, _) in enumerate(report.documents):
            here = by_cell.get((row.code_id, doc_id), [])
            if not here:
                continue
            add(f'<details id="d-{k}-{j}"><summary>{_e(label)}: {len(here)}</summary>')
            for d in here[:HTML_FRAGMENTS_PER_CELL]:
                add(_fragment(report, d))
            if len(here) > HTML_FRAGMENTS_PER_CELL:
                add(
                    f'<p class="small">… en {len(here) - HTML_FRAGMENTS_PER_CELL} meer (zie de app'
                    " of het XLSX-blad Verschillen).</p>"
                )
            add("</details>")
        add("</details>")

    add("<h2>Methode</h2><ul>" + "".join(f"<li>{_e(n)}</li>" for n in report.notes) + "</ul>")
    add(f'<p class="small">Gemaakt met coder op {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</p>')
    add(f"<script>{_SCRIPT}</script></body></html>")
    return "".join(parts)
