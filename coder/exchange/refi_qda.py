"""REFI-QDA project export (.qdpx, ``urn:QDA-XML:project:1.0``) for NVivo, ATLAS.ti, MAXQDA.

A .qdpx is a ZIP with ``project.qde`` and ``sources/<GUID>.txt`` (and ``.pdf``).
What maps to what:

* readers (coders) -> ``Users/User``;
* the codebook -> ``CodeBook``, written by :func:`coder.codebook.qdc.to_qdc`
  (the same codes, GUIDs and descriptions as a .qdc export);
* organisations -> ``Cases/Case`` with their attributes as ``VariableValue``
  and a ``SourceRef`` to each of their plans; every attribute is a ``Variable``;
* each plan -> a ``TextSource`` whose plain text is ``documents.text`` (UTF-8,
  no BOM, LF), with ``doc_type`` and ``period`` as its variables; with
  ``with_pdf`` a ``PDFSource`` holding the original PDF, whose ``Representation``
  is that text source (the standard's way to code text in a PDF);
* each coded span -> one ``PlainTextSelection`` with a ``Coding`` (and
  ``CodeRef``) per coding on that span, by whichever reader;
* each memo -> a ``Note`` referenced by its coding's ``NoteRef``.

Positions are code points (REFI-QDA 1.5 §10.2), exclusive end; ``positions=
"utf16"`` writes UTF-16 units for NVivo, which counts those. The source
description carries coder's page and block layout (``coder-layout: {...}``), so
a round trip keeps pages and section paths. GUIDs are uuid5 of stable keys,
so the same data gives the same file; the one time in it is
``Project/@creationDateTime`` (``generated_at``).
"""

from __future__ import annotations

import copy
import hashlib
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from importlib import metadata
from itertools import groupby
from pathlib import Path
from typing import Any

import sqlite_utils

from coder.codebook import qdc
from coder.codebook.model import Code, default_guid
from coder.errors import ExchangeError
from coder.exchange import archive, positions
from coder.exchange.plaintext import layout_of
from coder.exchange.selection import (
    DOCUMENT_ATTRIBUTES,
    ORGANISATION_ATTRIBUTES,
    Filters,
    Selection,
    select,
)
from coder.users import require

NAMESPACE = "urn:QDA-XML:project:1.0"
NAMESPACE_VARIANTS = (NAMESPACE, "urn:QDA-XML:project:1:0")
# uuid5 namespace of everything coder exports besides codes (which keep their own GUIDs)
GUID_NAMESPACE = uuid.UUID("0b6c4f9e-7a51-5c3e-8d2f-c0de0e8c4a01")
VARIABLE_TYPES = {
    "subsidy": "Float",
    "fte": "Float",
    "branches": "Integer",
    "new_entrant": "Boolean",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
Q = f"{{{NAMESPACE}}}"


def stable_guid(kind: str, *parts: object) -> str:
    """A GUID derived from what an object is, so every export of it carries the same one."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join([kind, *map(str, parts)])))


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters (form feeds from PDFs) are dropped."""
    return _NOT_XML.sub("", text)


def xml_time(stamp: str | datetime | None) -> str | None:
    """An xsd:dateTime in UTC to the second (``2024-05-01T10:00:00Z``), as tools write it."""
    if not stamp:
        return None
    value = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def origin() -> str:
    try:
        return f"coder {metadata.version('coder')}"
    except metadata.PackageNotFoundError:
        return "coder"


@dataclass
class ProjectExport:
    """The .qdpx bytes, what they hold, and what could not go in as asked."""

    data: bytes
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"bytes": len(self.data), "counts": self.counts, "warnings": self.warnings}


def _element(parent: ET.Element, tag: str, **attributes: str | None) -> ET.Element:
    return ET.SubElement(
        parent, Q + tag, {k: xml_text(v) for k, v in attributes.items() if v is not None}
    )


def _codebook(codes: list[Code]) -> ET.Element | None:
    """The project's CodeBook: the .qdc export's Codes, moved into the project namespace."""
    if not codes:
        return None
    codebook = ET.fromstring(qdc.to_qdc(codes))
    element = ET.Element(Q + "CodeBook")
    codes_element = copy.deepcopy(codebook.find(f"{{{qdc.NAMESPACE}}}Codes"))
    assert codes_element is not None  # to_qdc always writes it
    for node in codes_element.iter():
        node.tag = Q + node.tag.split("}", 1)[1]
        node.tail = None
        if node.text is not None and not node.text.strip():
            node.text = None
    element.append(codes_element)
    return element


def _variable_value(parent: ET.Element, variable_guid: str, kind: str, value: Any) -> None:
    holder = _element(parent, "VariableValue")
    _element(holder, "VariableRef", targetGUID=variable_guid)
    if kind == "Boolean":
        _element(holder, "BooleanValue").text = "true" if value else "false"
    elif kind == "Integer":
        _element(holder, "IntegerValue").text = str(int(value))
    elif kind == "Float":  # xsd:decimal: never exponent notation
        _element(holder, "FloatValue").text = format(Decimal(repr(float(value))), "f")
    else:
        text = ";".join(value) if isinstance(value, list) else str(value)
        _element(holder, "TextValue").text = xml_text(text)


def _pdf_file(document_path: str, sha256: str | None) -> Path | None:
    """The plan's PDF as ingested, if it is still where it was and unchanged."""
    path = Path(document_path)
    if path.suffix.lower() != ".pdf" or not path.is_file() or not sha256:
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return path if digest.hexdigest() == sha256 else None


def export_project(
    db: sqlite_utils.Database,
    filters: Filters | None = None,
    *,
    actor: str,
    name: str = "coder",
    with_pdf: bool = False,
    positions_unit: str = "codepoints",
    generated_at: datetime | None = None,
) -> ProjectExport:
    """The selected corpus as a REFI-QDA project (.qdpx bytes), for ``actor`` (refused to
    the steering group unless granted ``export``); see the module docstring."""
    if positions_unit not in positions.UNITS:
        raise ExchangeError("export", [f"positions must be one of {', '.join(positions.UNITS)}"])
    require(db, actor, "export")
    writer = _ProjectWriter(db, select(db, filters), with_pdf, positions_unit)
    root = ET.Element(
        Q + "Project",
        {
            "name": xml_text(name),
            "origin": origin(),
            "creationDateTime": xml_time(generated_at or datetime.now(UTC)) or "",
        },
    )
    writer.write(root)
    ET.register_namespace("", NAMESPACE)  # after to_qdc, which registers the codebook's
    ET.indent(root, space=" ")
    xml = ET.tostring(root, encoding="unicode")
    project = f'<?xml version="1.0" encoding="utf-8"?>\n{xml}\n'.encode()
    data = archive.write_zip([("project.qde", project), *writer.files])
    return ProjectExport(data, writer.counts, writer.warnings)


class _ProjectWriter:
    """Builds the parts of project.qde in the schema's order, and the files beside it."""

    def __init__(
        self, db: sqlite_utils.Database, selection: Selection, with_pdf: bool, unit: str
    ) -> None:
        self.db = db
        self.selection = selection
        self.with_pdf = with_pdf
        self.unit = unit
        self.files: list[tuple[str, bytes]] = []
        self.notes: list[tuple[str, str, dict[str, Any]]] = []
        self.warnings: list[str] = []
        self.coders = sorted({c["coder"] for c in selection.codings})
        self.user_guid = {coder: stable_guid("user", coder) for coder in self.coders}
        self.codebook = _codebook_codes(selection)
        self.code_guid = {c.id: c.guid or default_guid(c.id) for c in self.codebook}
        self.variables = _variables(selection)
        organisations = selection.organisations
        self.documents = sorted(
            selection.documents.values(),
            key=lambda d: (
                organisations[d.organisation_id].name if d.organisation_id in organisations else "",
                d.filename,
                d.id,
            ),
        )
        self.source_guid = {d.id: stable_guid("document", d.path) for d in self.documents}
        self.counts = {
            "users": len(self.coders),
            "codes": len(self.codebook),
            "cases": len(organisations),
            "sources": len(self.documents),
            "pdfs": 0,
            "selections": 0,
            "codings": len(selection.codings),
            "notes": 0,
        }

    def write(self, root: ET.Element) -> None:
        if self.coders:
            users = _element(root, "Users")
            for coder in self.coders:
                _element(users, "User", guid=self.user_guid[coder], name=coder)
        codebook = _codebook(self.codebook)
        if codebook is not None:
            root.append(codebook)
        if self.variables:
            element = _element(root, "Variables")
            for key, (guid, kind) in self.variables.items():
                _element(element, "Variable", guid=guid, name=key, typeOfVariable=kind)
        if self.selection.organisations:
            self._cases(_element(root, "Cases"))
        if self.documents:
            sources = _element(root, "Sources")
            by_document = {
                key: list(group)
                for key, group in groupby(self.selection.codings, key=lambda c: c["document_id"])
            }
            for document in self.documents:
                self._source(sources, document, by_document.get(document.id, []))
        if self.notes:
            self._notes(_element(root, "Notes"))

    def _value(self, parent: ET.Element, key: str, value: Any) -> None:
        guid, kind = self.variables[key]
        _variable_value(parent, guid, kind, value)

    def _cases(self, element: ET.Element) -> None:
        for organisation in sorted(self.selection.organisations.values(), key=lambda o: o.name):
            case = _element(
                element,
                "Case",
                guid=stable_guid("organisation", organisation.name),
                name=organisation.name,
            )
            for key in ORGANISATION_ATTRIBUTES:
                value = organisation.attributes.get(key)
                if value is not None and value != []:
                    self._value(case, key, value)
            for key, value in sorted(organisation.extra.items()):
                self._value(case, key, value)
            for document in self.documents:
                if document.organisation_id == organisation.id:
                    _element(case, "SourceRef", targetGUID=self.source_guid[document.id])

    def _source(self, sources: ET.Element, document: Any, codings: list[dict[str, Any]]) -> None:
        """A TextSource, or with ``with_pdf`` a PDFSource whose Representation holds the text."""
        text, sha256 = self.db.execute(
            "SELECT text, sha256 FROM documents WHERE id = ?", [document.id]
        ).fetchone()
        guid = self.source_guid[document.id]
        layout = xml_text(layout_of(self.db, document.id).to_text())
        pdf = _pdf_file(document.path, sha256) if self.with_pdf else None
        if self.with_pdf and pdf is None:
            self.warnings.append(
                f"{document.filename}: the PDF is not at {document.path} or changed since"
                " ingest; exported as text only"
            )
        if pdf is not None:
            pdf_guid = stable_guid("pdf", document.path)
            holder = _element(
                sources,
                "PDFSource",
                guid=guid,
                name=document.filename,
                path=f"internal://{pdf_guid}.pdf",
            )
            _element(holder, "Description").text = layout
            text_guid = stable_guid("representation", document.path)
            text_source = _element(
                holder,
                "Representation",
                guid=text_guid,
                name=document.filename,
                plainTextPath=f"internal://{text_guid}.txt",
            )
            self.files.append((f"sources/{pdf_guid}.pdf", pdf.read_bytes()))
            self.counts["pdfs"] += 1
        else:
            text_guid = guid
            holder = text_source = _element(
                sources,
                "TextSource",
                guid=guid,
                name=document.filename,
                plainTextPath=f"internal://{guid}.txt",
            )
            _element(text_source, "Description").text = layout
        self.files.append((f"sources/{text_guid}.txt", text.encode("utf-8")))
        self._selections(text_source, document, text, codings)
        for key in DOCUMENT_ATTRIBUTES:
            if getattr(document, key):
                self._value(holder, key, getattr(document, key))

    def _selections(
        self, parent: ET.Element, document: Any, text: str, codings: list[dict[str, Any]]
    ) -> None:
        """One PlainTextSelection per span, with a Coding (and NoteRef) per coding on it."""
        to_unit = positions.to_units(text, self.unit)
        for (start, end), group in groupby(codings, key=lambda c: (c["start"], c["end"])):
            group = list(group)
            self.counts["selections"] += 1
            item = _element(
                parent,
                "PlainTextSelection",
                guid=stable_guid("selection", document.path, start, end),
                name=" ".join(text[start:end].split())[:60],
                startPosition=str(to_unit(start)),
                endPosition=str(to_unit(end)),
                creatingUser=self.user_guid[group[0]["coder"]],
                creationDateTime=xml_time(min(c["created_at"] for c in group)),
            )
            for coding in group:
                coding_guid = stable_guid(
                    "coding",
                    document.path,
                    start,
                    end,
                    coding["code_id"],
                    coding["coder"],
                    coding["id"],
                )
                element = _element(
                    item,
                    "Coding",
                    guid=coding_guid,
                    creatingUser=self.user_guid[coding["coder"]],
                    creationDateTime=xml_time(coding["created_at"]),
                )
                _element(element, "CodeRef", targetGUID=self.code_guid[coding["code_id"]])
                if coding["memo"]:
                    note_guid = stable_guid("note", coding_guid)
                    _element(element, "NoteRef", targetGUID=note_guid)
                    self.notes.append((note_guid, document.filename, coding))
                    self.counts["notes"] += 1

    def _notes(self, element: ET.Element) -> None:
        for note_guid, filename, coding in self.notes:
            info = self.selection.codes.get(coding["code_id"])
            note = _element(
                element,
                "Note",
                guid=note_guid,
                name=f"Memo: {info.code.name if info else coding['code_id']} ({filename})",
                creatingUser=self.user_guid[coding["coder"]],
                creationDateTime=xml_time(coding["updated_at"]),
            )
            _element(note, "PlainTextContent").text = xml_text(coding["memo"])


def _codebook_codes(selection: Selection) -> list[Code]:
    """The codes of the exported version, plus any retired code a coding still uses."""
    retired_used = {c["code_id"] for c in selection.codings}
    codes = [info.code for info in selection.codes.values()]
    active = [c for c in codes if c.id in selection.active_codes]
    extra = [c for c in codes if c.id not in selection.active_codes and c.id in retired_used]
    for code_id in sorted(retired_used - {c.id for c in codes}):
        extra.append(Code(id=code_id, name=code_id, definition="(code no longer in the codebook)"))
    return [*active, *(c.copy(parent_id=None) for c in extra)]


def _variables(selection: Selection) -> dict[str, tuple[str, str]]:
    """Every attribute that has a value, with its GUID and REFI-QDA type, in a fixed order."""
    keys: list[str] = []
    for key in ORGANISATION_ATTRIBUTES:
        if any(o.attributes.get(key) not in (None, []) for o in selection.organisations.values()):
            keys.append(key)
    keys.extend(selection.extra_keys())
    for key in DOCUMENT_ATTRIBUTES:
        if any(getattr(d, key) for d in selection.documents.values()):
            keys.append(key)
    return {key: (stable_guid("variable", key), VARIABLE_TYPES.get(key, "Text")) for key in keys}
