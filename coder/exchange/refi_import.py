"""REFI-QDA project import: sources, codebook, codings, cases and variables, in one transaction.

What maps to what (the reverse of :mod:`coder.exchange.refi_qda`):

* ``CodeBook`` -> codes, merged into the codebook as one new version: a code is
  the same code when its ``Code-id`` line, its GUID or its name's id matches;
  new codes are added (codable codes without a description get a placeholder
  definition), codes the file does not have stay as they are;
* ``Users`` -> coders (by name, or as ``user_map`` says);
* ``Cases`` -> organisations, their variables -> attributes (the manifest's
  column names; other variables become extra attributes);
* ``TextSource`` and the text ``Representation`` of a ``PDFSource`` -> a
  document with pages, segments and sentences (see :mod:`plaintext`); a
  source whose text equals a stored document's text is that document;
* ``PlainTextSelection`` + ``Coding`` -> codings (origin ``import``) through
  :func:`coder.coding.code_spans`, so they are logged and deduplicated like any
  other; notes and selection descriptions -> memos.

Positions: ``auto`` reads NVivo's UTF-16 units as such, ATLAS.ti's CR LF as one
character, everyone else's as code points; with characters outside the BMP
the spans themselves are the evidence (spans on word edges), and a clear
mismatch wins over the tool's name. Anything wrong — a position past the text,
a reference to a code the file lacks, a missing source — raises
:class:`ExchangeError` and nothing is stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from coder import coding
from coder.errors import ExchangeError
from coder.exchange import positions
from coder.exchange.codebook_merge import merge_codes
from coder.exchange.plaintext import Layout, store_text_document
from coder.exchange.refi_read import Case, Project, key, read_project
from coder.exchange.selection import NUMERIC, ORGANISATION_ATTRIBUTES
from coder.ingest.manifest import DOC_TYPES, organisation_from_filename, parse_number
from coder.store import transaction
from coder.users import require

POSITION_CHOICES = ("auto", *positions.UNITS)
_USER_NAME = re.compile(r"[^\w .@'-]+", re.UNICODE)


@dataclass
class ImportReport:
    """What an import brought in, what it left out and why."""

    source: str
    origin: str
    positions: str
    documents_new: int = 0
    documents_matched: int = 0
    organisations_new: int = 0
    organisations_matched: int = 0
    codebook_version: int | None = None
    codes: dict[str, int] = field(default_factory=dict)
    codings: int = 0
    duplicates: int = 0
    memos: int = 0
    users: dict[str, str] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Span:
    """One coding to make: a resolved, trimmed span on a stored document."""

    source: int  # index into project.sources
    start: int
    end: int
    code_id: str
    coder: str
    memo: str


# -- positions ----------------------------------------------------------------------------------


def _base(text: str, crlf_as_one: bool) -> str:
    """The text positions count in: as in the file, or with CR LF as one (ATLAS.ti)."""
    return positions.normalise_newlines(text)[0] if crlf_as_one else text


def _unit_evidence(project: Project, unit: str, crlf_as_one: bool) -> tuple[int, int]:
    """(spans that do not fit, spans on word edges) when positions count in ``unit``."""
    bad = edges = 0
    for source in project.sources:
        if not positions.astral_positions(source.text):
            continue
        text = _base(source.text, crlf_as_one)
        convert = positions.from_units(text, unit)
        spans = []
        for item in source.selections:
            start, end = convert(item.start), convert(item.end)
            if start is None or end is None:
                bad += 1
            else:
                spans.append((start, end))
        edges += positions.word_edges(text, spans)
    return bad, edges


def choose_unit(project: Project, choice: str) -> tuple[str, bool, str]:
    """(unit, CR LF counts as one, why) for this project's positions."""
    tool = project.origin.lower()
    crlf_as_one = "atlas" in tool
    if choice != "auto":
        return choice, crlf_as_one, f"{choice} (as asked)"
    unit = "utf16" if "nvivo" in tool else "codepoints"
    why = "NVivo counts UTF-16 code units" if unit == "utf16" else "code points (REFI-QDA §10.2)"
    other = "codepoints" if unit == "utf16" else "utf16"
    bad, edges = _unit_evidence(project, unit, crlf_as_one)
    other_bad, other_edges = _unit_evidence(project, other, crlf_as_one)
    total = sum(len(s.selections) for s in project.sources if positions.astral_positions(s.text))
    if bad and not other_bad:
        return other, crlf_as_one, f"{other}: the spans only fit the text when counted so"
    if total and other_edges - edges >= max(3, total // 5) and other_bad <= bad:
        return (
            other,
            crlf_as_one,
            (
                f"{other}: {other_edges}/{total} spans fall on word edges counted so,"
                f" {edges}/{total} as {unit}"
            ),
        )
    return unit, crlf_as_one, why


def resolve_positions(
    project: Project, unit: str, crlf_as_one: bool
) -> tuple[list[str], list[list[tuple[int, int] | None]], list[str]]:
    """Stored texts (LF), each selection's code-point span on them, and the problems."""
    texts, spans, problems = [], [], []
    for source in project.sources:
        normalised, shift = positions.normalise_newlines(source.text)
        base = _base(source.text, crlf_as_one)
        convert = positions.from_units(base, unit)
        length = positions.length_in(base, unit)
        resolved: list[tuple[int, int] | None] = []
        for item in source.selections:
            where = f"source {source.name!r}, PlainTextSelection {item.guid}"
            start, end = convert(item.start), convert(item.end)
            if item.start < 0 or item.end < 0:
                problems.append(f"{where}: negative position {item.start}-{item.end}")
            elif item.start > item.end:
                problems.append(
                    f"{where}: startPosition {item.start} is after endPosition {item.end}"
                )
            elif start is None or end is None:
                past = item.end > length or item.start > length
                problems.append(
                    f"{where}: positions {item.start}-{item.end} are past the end of the text"
                    f" ({length} {unit})"
                    if past
                    else f"{where}: positions {item.start}-{item.end} split a character ({unit})"
                )
            else:
                if not crlf_as_one:
                    start, end = shift(start), shift(end)
                resolved.append((start, end))
                continue
            resolved.append(None)
        texts.append(normalised)
        spans.append(resolved)
    return texts, spans, problems


# -- organisations and documents ----------------------------------------------------------------


def _attributes(values: dict[str, Any], where: str, report: ImportReport) -> tuple[dict, dict]:
    """Organisation columns and extra attributes from a case's variables."""
    columns: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for name, value in values.items():
        column = name.strip().lower().replace(" ", "_")
        try:
            if column not in ORGANISATION_ATTRIBUTES:
                extra[name] = value if isinstance(value, str) else json.dumps(value)
            elif column == "functions":
                items = value if isinstance(value, list) else re.split(r"[;|,]", str(value))
                columns[column] = json.dumps(
                    [i.strip() for i in items if i.strip()], ensure_ascii=False
                )
            elif column in NUMERIC:
                number = value if isinstance(value, int | float) else parse_number(str(value))
                columns[column] = int(number) if column == "branches" else float(number)
            elif column == "new_entrant":
                flag = (
                    value if isinstance(value, bool) else str(value).lower() in ("ja", "true", "1")
                )
                columns[column] = int(flag)
            else:
                columns[column] = str(value)
        except (ValueError, TypeError):
            report.warnings.append(f"{where}: {name} {value!r} does not fit; kept as text")
            extra[name] = str(value)
    return columns, extra


def _organisation(
    db: sqlite_utils.Database,
    name: str,
    values: dict[str, Any],
    report: ImportReport,
    *,
    from_case: bool,
) -> int:
    columns, extra = _attributes(values, f"case {name!r}", report)
    row = db.execute("SELECT id, extra FROM organisations WHERE name = ?", [name]).fetchone()
    if row is not None:
        report.organisations_matched += 1
        if columns or extra:
            merged = {**json.loads(row[1] or "{}"), **extra}
            db["organisations"].update(
                row[0], {**columns, "extra": json.dumps(merged, ensure_ascii=False, sort_keys=True)}
            )
        return row[0]
    report.organisations_new += 1
    return (
        db["organisations"]
        .insert(
            {
                "name": name,
                "functions": "[]",
                **columns,
                "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True),
                "source": "import" if from_case else "filename",
            }
        )
        .last_pk
    )


def _document_path(db: sqlite_utils.Database, label: str, name: str) -> str:
    base = f"import:{label}/{name}"
    path, n = base, 2
    while db.execute("SELECT 1 FROM documents WHERE path = ?", [path]).fetchone():
        path, n = f"{base} ({n})", n + 1
    return path


def _documents(
    db: sqlite_utils.Database, project: Project, texts: list[str], label: str, report: ImportReport
) -> list[int]:
    """A document id per source: the stored one with the same text, else a new one."""
    known = {
        hashlib.sha256(text.encode()).hexdigest(): doc_id
        for doc_id, text in db.execute("SELECT id, text FROM documents WHERE status = 'ingested'")
    }
    case_of: dict[str, Case] = {}
    for case in project.cases:
        for source_key in case.sources:
            if source_key in case_of and case_of[source_key] is not case:
                report.warnings.append(
                    f"source {source_key} belongs to cases {case_of[source_key].name!r} and"
                    f" {case.name!r}; linked to the first"
                )
            case_of.setdefault(source_key, case)
    organisation_ids = {
        case.guid: _organisation(db, case.name, case.values, report, from_case=True)
        for case in project.cases
    }
    ids = []
    for source, text in zip(project.sources, texts, strict=True):
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in known:
            ids.append(known[digest])
            report.documents_matched += 1
            continue
        case = case_of.get(source.guid)
        if case is not None:
            organisation_id = organisation_ids[case.guid]
        else:
            organisation = organisation_from_filename(Path(source.name))
            organisation_id = _organisation(db, organisation.name, {}, report, from_case=False)
        doc_type = str(source.values.get("doc_type") or "beleidsplan")
        if doc_type not in DOC_TYPES:
            report.warnings.append(f"source {source.name!r}: doc_type {doc_type!r} is unknown")
        document_id = store_text_document(
            db,
            path=_document_path(db, label, source.name),
            filename=source.name,
            organisation_id=organisation_id,
            text=text,
            doc_type=doc_type,
            period=str(source.values["period"]) if source.values.get("period") else None,
            layout=Layout.from_description(source.description, len(text)),
            engine=f"REFI-QDA import ({project.origin or 'unknown tool'})",
        )
        known[digest] = document_id
        ids.append(document_id)
        report.documents_new += 1
    return ids


# -- users and codings -------------------------------------------------------------------------


def coder_name(name: str, fallback: str) -> str:
    """A valid coder name from another tool's user name (1-64 letters, digits, . @ ' -)."""
    cleaned = " ".join(_USER_NAME.sub(" ", name).split())[:64].strip()
    if not cleaned or not re.match(r"^\w", cleaned):
        return fallback
    return cleaned


def _coders(
    project: Project, actor: str, user_map: dict[str, str], report: ImportReport
) -> dict[str | None, str]:
    """Coder name per user GUID key (None: codings without a user -> the importer)."""
    wanted = {key(k): v for k, v in user_map.items()}
    result: dict[str | None, str] = {}
    for guid, name in project.users.items():
        mapped = wanted.get(name.lower()) or wanted.get(guid)
        result[guid] = mapped or coder_name(name, f"user-{guid[:8]}")
        report.users[name or guid] = result[guid]
    result[None] = result.get(project.creating_user or "", actor)
    return result


def _spans(
    project: Project,
    texts: list[str],
    spans: list[list[tuple[int, int] | None]],
    coders: dict[str | None, str],
    report: ImportReport,
) -> tuple[list[_Span], list[str]]:
    """The codings to make (with the file's code ids), and references to unknown codes."""
    parsed = project.codebook.codes if project.codebook else []
    groups = {c.id for c in parsed if c.is_group}
    result, problems = [], []
    skipped: dict[tuple[str, str], int] = defaultdict(int)
    for index, (source, text) in enumerate(zip(project.sources, texts, strict=True)):
        for item, span in zip(source.selections, spans[index], strict=True):
            if span is None:
                continue
            if not item.codings:
                skipped[("selections", "no coding on the selection")] += 1
                continue
            start, end = span
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                skipped[("codings", "the selection is empty or only white space")] += len(
                    item.codings
                )
                continue
            shared = [*item.memo, *(project.notes.get(n, "") for n in item.notes)]
            for ref in item.codings:
                code_id = project.code_ids.get(ref.code)
                if code_id is None:
                    problems.append(
                        f"source {source.name!r}, Coding {ref.guid}: CodeRef {ref.code} is not"
                        " a code of the project's codebook"
                    )
                    continue
                if code_id in groups:
                    skipped[("codings", "coded with a category that is not codable")] += 1
                    continue
                if ref.user not in coders:
                    coders[ref.user] = coder_name("", f"user-{(ref.user or '')[:8]}")
                    report.warnings.append(
                        f"user {ref.user} is not in <Users>: coder {coders[ref.user]!r}"
                    )
                notes = [*shared, *(project.notes.get(n, "") for n in ref.notes)]
                memo = "\n\n".join(m.strip() for m in notes if m.strip())
                result.append(_Span(index, start, end, code_id, coders[ref.user], memo))
    report.skipped.extend(
        {"what": what, "count": count, "why": why} for (what, why), count in skipped.items()
    )
    return result, problems


def _write_codings(
    db: sqlite_utils.Database,
    actor: str,
    items: list[_Span],
    document_ids: list[int],
    report: ImportReport,
) -> None:
    """Through coding.code_spans, one batch per coder and code; memos through coding.update."""
    batches: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for item in items:
        batches[(item.coder, item.code_id)].append(
            (document_ids[item.source], item.start, item.end)
        )
    for coder in sorted({item.coder for item in items}):
        coding.ensure_user(db, coder, actor=actor)
    for (coder, code_id), spans in sorted(batches.items()):
        report.codings += coding.code_spans(db, coder, spans, code_id, origin="import")
    report.duplicates = len(items) - report.codings
    for item in items:
        if not item.memo:
            continue
        row = db.execute(
            'SELECT id, memo FROM codings WHERE document_id = ? AND start = ? AND "end" = ?'
            " AND code_id = ? AND coder = ? AND deleted_at IS NULL",
            [document_ids[item.source], item.start, item.end, item.code_id, item.coder],
        ).fetchone()
        if row is None or item.memo in row[1]:
            continue
        memo = f"{row[1]}\n\n{item.memo}" if row[1] else item.memo
        coding.update(db, item.coder, row[0], memo=memo)
        report.memos += 1


def import_project(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    actor: str,
    user_map: dict[str, str] | None = None,
    positions_unit: str = "auto",
    allow_missing_sources: bool = False,
) -> ImportReport:
    """Import a REFI-QDA project; see the module docstring. All or nothing.

    ``user_map`` maps a user name (or GUID) of the file to a coder name;
    ``positions_unit`` is auto, codepoints or utf16; ``allow_missing_sources``
    imports the rest of an archive whose text files are partly missing (and
    reports the missing ones) instead of refusing it.
    """
    path = Path(path)
    if positions_unit not in POSITION_CHOICES:
        raise ExchangeError(path.name, [f"positions must be one of {', '.join(POSITION_CHOICES)}"])
    if path.suffix.lower() == ".qdc":
        raise ExchangeError(path.name, ["a .qdc is a codebook: use coder codebook import"])
    project = read_project(path, allow_missing=allow_missing_sources)
    unit, crlf_as_one, why = choose_unit(project, positions_unit)
    texts, spans, problems = resolve_positions(project, unit, crlf_as_one)
    report = ImportReport(source=path.name, origin=project.origin, positions=why)
    report.warnings.extend(project.warnings)
    report.skipped.extend(
        {"what": what, "count": count, "why": reason}
        for (what, reason), count in sorted(project.skipped.items())
    )
    coders = _coders(project, actor, user_map or {}, report)
    items, reference_problems = _spans(project, texts, spans, coders, report)
    problems += reference_problems
    if problems:
        raise ExchangeError(path.name, problems)
    with transaction(db):
        require(db, actor, "import")
        merge = merge_codes(db, project.codebook, actor=actor, label=path.name)
        report.codebook_version, report.codes = merge.version, merge.counts
        report.warnings.extend(merge.warnings)
        rename = merge.rename
        for item in items:
            item.code_id = rename.get(item.code_id, item.code_id)
        document_ids = _documents(db, project, texts, path.name, report)
        _write_codings(db, actor, items, document_ids, report)
    return report
