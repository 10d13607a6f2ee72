"""REFI-QDA codebook exchange (.qdc, ``urn:QDA-XML:codebook:1.0``): export and import.

A .qdc carries per code only a GUID, a name, ``isCodable``, a colour, one
``Description`` and the nesting. To make DB -> .qdc -> DB lossless, the other
fields ride in the Description as labelled paragraphs a reader of NVivo or
ATLAS.ti understands too::

    <definition, possibly several paragraphs>

    Wel coderen: <inclusion>

    Niet coderen: <exclusion>

    Voorbeeld: <one example sentence>

    Korte naam: <short name>

    Code-id: <stable id>

A Description from another tool without these labels becomes the definition.
Groups are written ``isCodable="false"``. GUIDs are the stored ones (by default
derived from the id), so two exports of one code agree.

Import is strict where the schema is (root, namespace, required attributes,
colours) and lenient where real files differ harmlessly (braces and case in
GUIDs, NVivo for Mac's ``codebook:1:0`` namespace, an empty ``<Sets/>``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib import metadata

from coder.codebook.model import Code, default_guid, normalise_guid, ordered, slugify

NAMESPACE = "urn:QDA-XML:codebook:1.0"
# NVivo for Mac wrote this (colon instead of dot); the content is the same schema.
NAMESPACE_VARIANTS = (NAMESPACE, "urn:QDA-XML:codebook:1:0")
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
#: a codebook of hundreds of codes is well under 1 MB; a larger file is not one
MAX_QDC_BYTES = 10 * 1024 * 1024


def _origin() -> str:
    """'coder 0.1.0': the origin attribute that tells other tools who wrote the file."""
    try:
        return f"coder {metadata.version('coder')}"
    except metadata.PackageNotFoundError:
        return "coder"


LABELS = {
    "inclusion": "Wel coderen:",
    "exclusion": "Niet coderen:",
    "examples": "Voorbeeld:",
    "short_name": "Korte naam:",
    "id": "Code-id:",
}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass
class QdcCodebook:
    """What an import read: codes (ids as found or proposed) and harmless oddities."""

    codes: list[Code]
    warnings: list[str] = field(default_factory=list)
    explicit_ids: set[str] = field(default_factory=set)  # ids stated in a Code-id line
    origin: str = ""


def describe(code: Code) -> str:
    """The Description text of a code: definition first, then the labelled fields."""
    paragraphs = [code.definition] if code.definition else []
    if code.inclusion:
        paragraphs.append(f"{LABELS['inclusion']} {code.inclusion}")
    if code.exclusion:
        paragraphs.append(f"{LABELS['exclusion']} {code.exclusion}")
    paragraphs.extend(f"{LABELS['examples']} {example}" for example in code.examples)
    if code.short_name:
        paragraphs.append(f"{LABELS['short_name']} {code.short_name}")
    paragraphs.append(f"{LABELS['id']} {code.id}")
    return "\n\n".join(paragraphs)


def parse_description(text: str) -> dict[str, object]:
    """The fields :func:`describe` wrote; unlabelled paragraphs continue the current field."""
    result: dict[str, object] = {"definition": "", "examples": []}
    current = "definition"
    for paragraph in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip()):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for key, prefix in LABELS.items():
            if paragraph.startswith(prefix):
                value = paragraph[len(prefix) :].strip()
                if key == "examples":
                    result["examples"].append(value)  # type: ignore[union-attr]
                else:
                    result[key] = value
                current = key
                break
        else:
            if current == "examples":
                examples: list[str] = result["examples"]  # type: ignore[assignment]
                examples[-1] = f"{examples[-1]}\n\n{paragraph}"
            else:
                previous = str(result.get(current, ""))
                result[current] = f"{previous}\n\n{paragraph}" if previous else paragraph
    return result


def to_qdc(codes: list[Code], *, origin: str | None = None) -> bytes:
    """A .qdc document (UTF-8, no BOM) valid against Codebook-mrt2019.xsd."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}CodeBook", {"origin": origin or _origin()})
    container = ET.SubElement(root, f"{{{NAMESPACE}}}Codes")
    elements: dict[str, ET.Element] = {}
    for code in ordered(codes):
        parent = elements.get(code.parent_id or "", container)
        attributes = {
            "guid": code.guid or default_guid(code.id),
            "name": code.name,
            "isCodable": "false" if code.is_group else "true",
        }
        if code.colour:
            attributes["color"] = code.colour
        element = ET.SubElement(parent, f"{{{NAMESPACE}}}Code", attributes)
        ET.SubElement(element, f"{{{NAMESPACE}}}Description").text = describe(code)
        elements[code.id] = element
    if not elements:
        raise ValueError("a .qdc needs at least one code (the schema requires one)")
    tree = ET.ElementTree(root)
    ET.indent(tree, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'.encode()


def from_qdc(data: bytes) -> tuple[QdcCodebook, list[str]]:
    """Parse a .qdc: (what was read, problems). Any problem means: import nothing.

    Ids come from a ``Code-id:`` line, else a slug of the name (made unique); the
    caller may still map codes to existing ones by GUID.
    """
    problems: list[str] = []
    if len(data) > MAX_QDC_BYTES:
        return QdcCodebook([]), [f"larger than the {MAX_QDC_BYTES // 1024**2} MB a codebook may be"]
    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data:
        return QdcCodebook([]), ["DOCTYPE and entity declarations are not allowed in a .qdc"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        return QdcCodebook([]), [f"line {line}, column {column + 1}: not well-formed XML ({exc})"]
    except (LookupError, ValueError) as exc:  # an encoding Python does not know, and the like
        return QdcCodebook([]), [f"not readable XML ({exc}): save it as UTF-8"]
    namespace, _, tag = root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", "")
    if namespace == PROJECT_NAMESPACE:
        return QdcCodebook([]), [
            "this is a REFI-QDA project (project.qde), not a codebook; export a .qdc instead"
        ]
    if namespace not in NAMESPACE_VARIANTS or tag != "CodeBook":
        return QdcCodebook([]), [
            f'root element is {root.tag!r}; a .qdc has <CodeBook xmlns="{NAMESPACE}">'
        ]
    result = QdcCodebook([], origin=root.get("origin", ""))
    codes_element = root.find(f"{{{namespace}}}Codes")
    if codes_element is None or codes_element.find(f"{{{namespace}}}Code") is None:
        return result, ["the file has no <Codes> with at least one <Code>"]
    sets = root.find(f"{{{namespace}}}Sets")
    if sets is not None and len(sets):
        result.warnings.append(f"{len(sets)} code set(s) ignored: coder has no code sets")
    # ids stated in Code-id lines are reserved first, so a slug never takes one of them
    used_ids = {
        str(parse_description(d.text or "").get("id") or "")
        for d in codes_element.iter(f"{{{namespace}}}Description")
    } - {""}
    _read_level(codes_element, None, "", namespace, result, used_ids, problems)
    return result, problems


def _read_level(
    element: ET.Element,
    parent: str | None,
    path: str,
    namespace: str,
    result: QdcCodebook,
    used_ids: set[str],
    problems: list[str],
) -> None:
    """Read the <Code> children of one element, depth first, in document order."""
    for position, child in enumerate(element.findall(f"{{{namespace}}}Code")):
        name = (child.get("name") or "").strip()
        where = f"Code {path}{name or f'#{position + 1}'!r}"
        if not name:
            problems.append(f"{where}: attribute name is missing")
        codable = child.get("isCodable")
        if codable not in ("true", "false", "1", "0"):
            problems.append(f"{where}: isCodable must be true or false, not {codable!r}")
        raw_guid = child.get("guid") or ""
        guid = normalise_guid(raw_guid)
        if guid is None:
            result.warnings.append(
                f"{where}: guid {raw_guid!r} is not a GUID; coder gives the code its own"
            )
            guid = ""
        description = child.find(f"{{{namespace}}}Description")
        fields = parse_description(description.text or "" if description is not None else "")
        code_id = str(fields.get("id") or "")
        if code_id:
            result.explicit_ids.add(code_id)
        else:
            code_id = _unique(slugify(name), used_ids)
            used_ids.add(code_id)
        code = Code(
            id=code_id,
            name=name,
            parent_id=parent,
            definition=str(fields["definition"]),
            short_name=str(fields.get("short_name", "")),
            colour=child.get("color"),
            inclusion=str(fields.get("inclusion", "")),
            exclusion=str(fields.get("exclusion", "")),
            examples=list(fields["examples"]),  # type: ignore[call-overload]
            is_group=codable in ("false", "0"),
            sort_order=position,
            guid=guid,
        )
        result.codes.append(code)
        _read_level(child, code_id, f"{path}{name} > ", namespace, result, used_ids, problems)


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
