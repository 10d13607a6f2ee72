"""The coded corpus as a table: one row per coding, written as CSV, XLSX, Parquet or JSONL.

Every format carries the same columns in the same order (see :data:`COLUMNS`,
then one ``extra.<name>`` column per extra organisation attribute), rows sorted
by organisation, document, position, code and coder. Output is deterministic:
the same data gives the same bytes. The only time that is not data is the XLSX
workbook's created/modified property, set to ``generated_at``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from coder.errors import ExchangeError
from coder.exchange.archive import restamp
from coder.exchange.selection import Filters, Selection, select
from coder.users import require

FORMATS = ("csv", "xlsx", "parquet", "jsonl")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/jsonl",
}


@dataclass(frozen=True)
class Column:
    """A column: its name, its type (int, float, str, bool, list, time) and what it holds."""

    name: str
    kind: str
    about: str


COLUMNS = (
    Column("coding_id", "int", "id of the coding in this database"),
    Column("organisation", "str", "organisation (case) name"),
    Column("legal_form", "str", "legal form"),
    Column("org_type", "str", "type of organisation"),
    Column("functions", "list", "chosen functions (';'-separated in CSV and XLSX)"),
    Column("subsidy", "float", "yearly subsidy in euro"),
    Column("fte", "float", "staff in full-time equivalents"),
    Column("region", "str", "region or seat"),
    Column("branches", "int", "number of local branches"),
    Column("new_entrant", "bool", "new entrant"),
    Column("document_id", "int", "id of the document in this database"),
    Column("document", "str", "file name of the plan"),
    Column("doc_type", "str", "beleidsplan, voortgangsrapport, ..."),
    Column("period", "str", "policy period"),
    Column("page", "int", "physical page (1-based) where the fragment starts"),
    Column("page_end", "int", "physical page where it ends"),
    Column("pages", "str", "printed page number(s), e.g. '12' or '12-13'"),
    Column("code_id", "str", "stable code id"),
    Column("code_name", "str", "code name (in the exported codebook version)"),
    Column("code_group", "str", "name of the nearest group above the code"),
    Column("code_path", "str", "names from the top of the codebook down to the code"),
    Column("coder", "str", "who coded the fragment"),
    Column("text", "str", "the fragment"),
    Column("start", "int", "start offset (code points) in the document text"),
    Column("end", "int", "end offset (exclusive)"),
    Column("section", "str", "heading path of the segment where the fragment starts"),
    Column("memo", "str", "the coder's memo"),
    Column("origin", "str", "manual, search, suggestion or import"),
    Column("anchor", "str", "ok, reanchored or orphaned (after a re-ingest)"),
    Column("created_at", "time", "when the coding was made (UTC)"),
    Column("updated_at", "time", "when it last changed (UTC)"),
)
XLSX_CELL_MAX = 32_767  # Excel's limit on the characters of one cell


@dataclass
class Table:
    """Columns and rows (dicts keyed by column name) of one export."""

    columns: list[Column]
    rows: list[dict[str, Any]]
    selection: Selection


def _page_index(db: sqlite_utils.Database, document_ids: set[int]) -> dict[int, list[tuple]]:
    pages: dict[int, list[tuple]] = {}
    for row in db.execute(
        "SELECT document_id, start, number, label FROM pages ORDER BY document_id, start, number"
    ):
        if row[0] in document_ids:
            pages.setdefault(row[0], []).append(row[1:])
    return pages


def _section_index(db: sqlite_utils.Database, document_ids: set[int]) -> dict[int, list[tuple]]:
    sections: dict[int, list[tuple]] = {}
    for row in db.execute(
        "SELECT document_id, start, section FROM segments ORDER BY document_id, seq"
    ):
        if row[0] in document_ids:
            sections.setdefault(row[0], []).append(row[1:])
    return sections


def build(db: sqlite_utils.Database, filters: Filters | None = None) -> Table:
    """The rows of the export for ``filters`` (see :data:`COLUMNS`)."""
    selection = select(db, filters)
    extras = selection.extra_keys()
    columns = [*COLUMNS[:10], *(Column(f"extra.{k}", "str", "extra attribute") for k in extras)]
    columns += COLUMNS[10:]
    used = {row["document_id"] for row in selection.codings}
    pages = _page_index(db, used)
    sections = _section_index(db, used)
    starts = {doc: [p[0] for p in entries] for doc, entries in pages.items()}
    section_starts = {doc: [s[0] for s in entries] for doc, entries in sections.items()}
    rows = []
    for coding in selection.codings:
        document = selection.documents[coding["document_id"]]
        organisation = selection.organisations.get(document.organisation_id or -1)
        info = selection.codes.get(coding["code_id"])
        doc_pages = pages.get(document.id, [])
        first = last = None
        if doc_pages:
            keys = starts[document.id]
            first = doc_pages[max(bisect_right(keys, coding["start"]) - 1, 0)]
            last = doc_pages[max(bisect_right(keys, max(coding["end"] - 1, 0)) - 1, 0)]
        section = ""
        if document.id in sections:
            keys = section_starts[document.id]
            section = sections[document.id][max(bisect_right(keys, coding["start"]) - 1, 0)][1]
        row: dict[str, Any] = {"coding_id": coding["id"]}
        row["organisation"] = organisation.name if organisation else None
        for key in ("legal_form", "org_type", "functions", "subsidy", "fte", "region"):
            row[key] = organisation.attributes.get(key) if organisation else None
        row["branches"] = organisation.attributes.get("branches") if organisation else None
        row["new_entrant"] = organisation.attributes.get("new_entrant") if organisation else None
        for key in extras:
            row[f"extra.{key}"] = organisation.extra.get(key) if organisation else None
        row |= {
            "document_id": document.id,
            "document": document.filename,
            "doc_type": document.doc_type,
            "period": document.period,
            "page": first[1] if first else None,
            "page_end": last[1] if last else None,
            "pages": _pages_label(first, last),
            "code_id": coding["code_id"],
            "code_name": info.code.name if info else coding["code_id"],
            "code_group": info.group if info else "",
            "code_path": info.path if info else coding["code_id"],
            "coder": coding["coder"],
            "text": coding["text"],
            "start": coding["start"],
            "end": coding["end"],
            "section": section,
            "memo": coding["memo"],
            "origin": coding["origin"],
            "anchor": coding["anchor"],
            "created_at": coding["created_at"],
            "updated_at": coding["updated_at"],
        }
        rows.append(row)
    return Table(columns, rows, selection)


def _pages_label(first: tuple | None, last: tuple | None) -> str | None:
    """'12' or '12-13' from printed labels (physical numbers where no label was found)."""
    if first is None or last is None:
        return None
    a = first[2] or str(first[1])
    b = last[2] or str(last[1])
    return a if first[1] == last[1] else f"{a}-{b}"


# -- writers ---------------------------------------------------------------------------------


def _flat(value: Any, kind: str) -> Any:
    """A cell for CSV/XLSX: lists joined with ';', booleans as ja/nee, None empty."""
    if value is None:
        return ""
    if kind == "list":
        return ";".join(value)
    if kind == "bool":
        return "ja" if value else "nee"
    return value


def to_csv(table: Table) -> bytes:
    """UTF-8 with a BOM (so Excel reads the accents), comma-separated, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([_flat(row[c.name], c.kind) for c in table.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_jsonl(table: Table) -> bytes:
    """One JSON object per line, keys in column order, lists as lists, null for missing."""
    lines = [
        json.dumps({c.name: row[c.name] for c in table.columns}, ensure_ascii=False)
        for row in table.rows
    ]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def to_parquet(table: Table) -> bytes:
    """Typed columns: int64, float64, bool, list<string>, timestamp[us, UTC], string."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "int": pa.int64(),
        "float": pa.float64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
        "time": pa.timestamp("us", tz="UTC"),
    }
    arrays = []
    for column in table.columns:
        values = [row[column.name] for row in table.rows]
        if column.kind == "time":
            values = [_timestamp(v) for v in values]
        arrays.append(pa.array(values, type=types[column.kind]))
    schema = pa.schema(
        [pa.field(c.name, types[c.kind]) for c in table.columns],
        metadata={"coder.filters": json.dumps(table.selection.filters.as_dict())},
    )
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), buffer, compression="zstd")
    return buffer.getvalue()


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    stamp = datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _sheet_names(names: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    used = {"index"}
    result = []
    for name in names:
        base = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ") or "code"
        candidate, n = base[:31], 2
        while candidate.casefold() in used:
            suffix = f" ({n})"
            candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
        used.add(candidate.casefold())
        result.append(candidate)
    return result


def to_xlsx(table: Table, *, generated_at: datetime | None = None) -> bytes:
    """An index sheet of the codes, then one sheet per code with its codings.

    Cells are written as values, never as formulas (a fragment starting with '='
    stays text); characters XML cannot hold are dropped and cells longer than
    Excel's 32,767 characters are cut, with a note in the index.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    workbook = Workbook(write_only=True)
    stamp = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "coder"
    bold = Font(bold=True)
    by_code: dict[str, list[dict[str, Any]]] = {}
    for row in table.rows:
        by_code.setdefault(row["code_id"], []).append(row)
    ordered_codes = [c for c in table.selection.codes if c in by_code]
    ordered_codes += sorted(c for c in by_code if c not in table.selection.codes)
    names = []
    for code_id in ordered_codes:
        info = table.selection.codes.get(code_id)
        names.append((info.code.short_name or info.code.name) if info else code_id)
    sheets = _sheet_names(names)
    cut = 0

    def cell(sheet: Any, value: Any, kind: str = "str", header: bool = False) -> Any:
        nonlocal cut
        value = _flat(value, kind)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(value) > XLSX_CELL_MAX:
                value, cut = value[: XLSX_CELL_MAX - 1] + "…", cut + 1
        item = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            item.data_type = "s"  # never a formula
        if header:
            item.font = bold
        return item

    index = workbook.create_sheet("Index")
    index.freeze_panes = "A2"
    index.append(
        [cell(index, h, header=True) for h in ("code_id", "code", "group", "codings", "sheet")]
    )
    for code_id, sheet_name in zip(ordered_codes, sheets, strict=True):
        info = table.selection.codes.get(code_id)
        link = WriteOnlyCell(index, value=sheet_name)
        quoted = sheet_name.replace("'", "''")
        link.hyperlink = Hyperlink(ref="", location=f"'{quoted}'!A1")
        index.append(
            [
                cell(index, code_id),
                cell(index, info.code.name if info else code_id),
                cell(index, info.group if info else ""),
                cell(index, len(by_code[code_id]), "int"),
                link,
            ]
        )
    for code_id, sheet_name in zip(ordered_codes, sheets, strict=True):
        sheet = workbook.create_sheet(sheet_name)
        sheet.freeze_panes = "A2"
        sheet.append([cell(sheet, c.name, header=True) for c in table.columns])
        for row in by_code[code_id]:
            sheet.append([cell(sheet, row[c.name], c.kind) for c in table.columns])
    if cut:
        index.append([])
        index.append([cell(index, f"{cut} cellen ingekort tot {XLSX_CELL_MAX} tekens")])
    buffer = io.BytesIO()
    workbook.save(buffer)  # sets the modified time to now: put generated_at back
    written = f"{stamp:%Y-%m-%dT%H:%M:%SZ}".encode()

    def fix_modified(name: str, data: bytes) -> bytes:
        if name != "docProps/core.xml":
            return data
        return re.sub(
            rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
            rb"\g<1>" + written + rb"\g<2>",
            data,
        )

    return restamp(buffer.getvalue(), fix_modified)


WRITERS: dict[str, Callable[..., bytes]] = {
    "csv": to_csv,
    "jsonl": to_jsonl,
    "parquet": to_parquet,
    "xlsx": to_xlsx,
}


def export_table(
    db: sqlite_utils.Database,
    fmt: str,
    filters: Filters | None = None,
    *,
    actor: str,
    generated_at: datetime | None = None,
) -> bytes:
    """The coded corpus as ``fmt`` (csv, xlsx, parquet or jsonl) bytes, for ``actor``
    (refused to the steering group unless granted ``export``)."""
    if fmt not in FORMATS:
        raise ExchangeError("export", [f"format {fmt!r} is not one of {', '.join(FORMATS)}"])
    require(db, actor, "export")
    table = build(db, filters)
    if fmt == "xlsx":
        return to_xlsx(table, generated_at=generated_at)
    return WRITERS[fmt](table)
