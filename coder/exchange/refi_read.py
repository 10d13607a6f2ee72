"""Reading a REFI-QDA project (.qdpx, or a folder with a .qde) into plain data.

No database here: :func:`read_project` returns what the file says, the problems
that make it unusable (any problem means nothing is imported) and what coder
cannot hold (other media, sets, graphs), counted with the reason. It is
lenient where real exports differ harmlessly (see ``../shared/refi-qda/README.md``):
``Project.qde`` or ``<name>.qde`` instead of ``project.qde``, ``Sources/`` in any
case, ``plainTextPath`` without ``internal://``, GUIDs with braces or in upper
case, a UTF-8 (or UTF-16) BOM on the texts.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.codebook import qdc
from coder.codebook.model import normalise_guid
from coder.codebook.qdc import QdcCodebook
from coder.errors import ExchangeError
from coder.exchange.archive import MAX_ENTRY_BYTES, SafeZip, unsafe_name
from coder.exchange.refi_qda import NAMESPACE_VARIANTS


def key(guid: str | None) -> str:
    """How GUIDs are compared: lower case without braces (other ids as written, lower case)."""
    raw = (guid or "").strip()
    return normalise_guid(raw) or raw.lower()


@dataclass
class CodingRef:
    guid: str
    code: str  # key of the code's GUID
    user: str | None  # key of the user's GUID
    notes: list[str] = field(default_factory=list)  # keys of Note GUIDs


@dataclass
class TextSelection:
    guid: str
    start: int
    end: int
    codings: list[CodingRef]
    memo: list[str] = field(default_factory=list)  # its Description
    notes: list[str] = field(default_factory=list)  # keys of Note GUIDs on the selection


@dataclass
class Source:
    guid: str  # key
    name: str
    kind: str  # "text" or "pdf"
    text: str  # decoded, BOM removed, newlines as in the file
    description: str
    values: dict[str, Any]
    selections: list[TextSelection]


@dataclass
class Case:
    guid: str
    name: str
    values: dict[str, Any]
    sources: list[str]  # keys of source GUIDs


@dataclass
class Project:
    """What a .qdpx holds, as far as coder can use it."""

    name: str
    origin: str
    creating_user: str | None
    users: dict[str, str]  # key -> name
    codebook: QdcCodebook | None
    code_ids: dict[str, str]  # GUID key -> proposed code id
    cases: list[Case]
    sources: list[Source]
    notes: dict[str, str]  # key -> text
    skipped: Counter[tuple[str, str]] = field(default_factory=Counter)  # (what, why) -> count
    warnings: list[str] = field(default_factory=list)


class _Files:
    """The .qde and the files of ``sources/``, from a ZIP or a folder, read safely."""

    def __init__(self, path: Path, max_entry: int) -> None:
        self.path = path
        self.max_entry = max_entry
        self.zip: SafeZip | None = None
        self.base = ""
        if path.is_dir() or path.suffix.lower() == ".qde":
            self.folder = path if path.is_dir() else path.parent
            self.qde_path = path if not path.is_dir() else self._folder_qde()
            return
        self.zip = SafeZip(path, max_entry=max_entry)
        roots = self.zip.roots(".qde")
        if not roots:  # a folder zipped with its parent: Project/project.qde
            nested = sorted(n for n in self.zip.names if n.endswith(".qde") and n.count("/") == 1)
            if len(nested) == 1:
                self.base = nested[0].rsplit("/", 1)[0] + "/"
                roots = [self.zip.names[nested[0]].filename]
        if not roots:
            raise ExchangeError(
                path.name, ["no project.qde in the archive: is this a REFI-QDA project (.qdpx)?"]
            )
        preferred = [r for r in roots if r.lower().rsplit("/", 1)[-1] == "project.qde"]
        if not preferred and len(roots) > 1:
            raise ExchangeError(
                path.name, [f"the archive holds {len(roots)} .qde files ({', '.join(roots)})"]
            )
        self.qde_name = (preferred or roots)[0]

    def _folder_qde(self) -> Path:
        found = sorted(p for p in self.folder.iterdir() if p.suffix.lower() == ".qde")
        preferred = [p for p in found if p.name.lower() == "project.qde"]
        if not (preferred or len(found) == 1):
            raise ExchangeError(str(self.folder), ["no single project.qde in this folder"])
        return (preferred or found)[0]

    def qde(self) -> bytes:
        if self.zip is not None:
            info = self.zip.find(self.qde_name)
            assert info is not None
            return self.zip.read(info)
        if self.qde_path.stat().st_size > self.max_entry:
            raise ExchangeError(self.qde_path.name, ["the .qde is larger than allowed"])
        return self.qde_path.read_bytes()

    def source(self, name: str) -> bytes | None:
        """``sources/<name>`` (any case), else ``<name>`` beside the .qde."""
        if unsafe_name(name):
            raise ExchangeError(
                self.path.name, [f"source path {name!r} points outside the project (refused)"]
            )
        if self.zip is not None:
            for candidate in (f"{self.base}sources/{name}", f"{self.base}{name}"):
                info = self.zip.find(candidate)
                if info is not None:
                    return self.zip.read(info)
            return None
        for folder in (self._sources_folder(), self.folder):
            if folder is None:
                continue
            for entry in folder.iterdir():
                if entry.name.lower() == name.lower() and entry.is_file():
                    if entry.resolve().parent != folder.resolve():
                        raise ExchangeError(self.path.name, [f"{name!r} is a link: refused"])
                    if entry.stat().st_size > self.max_entry:
                        raise ExchangeError(self.path.name, [f"{name!r} is larger than allowed"])
                    return entry.read_bytes()
        return None

    def _sources_folder(self) -> Path | None:
        for entry in self.folder.iterdir():
            if entry.is_dir() and entry.name.lower() == "sources":
                return entry
        return None

    def close(self) -> None:
        if self.zip is not None:
            self.zip.zip.close()


def decode_text(data: bytes) -> str:
    """UTF-8 (the standard), after a BOM if any; UTF-16 when its BOM says so."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8")


class _Reader:
    """One pass over the XML, collecting data, problems, skips and warnings."""

    def __init__(self, files: _Files, source: str, allow_missing: bool) -> None:
        self.files = files
        self.source = source
        self.allow_missing = allow_missing
        self.problems: list[str] = []
        self.skipped: Counter[tuple[str, str]] = Counter()
        self.warnings: list[str] = []
        self.ns = ""

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}"

    def skip(self, what: str, why: str, count: int = 1) -> None:
        if count:
            self.skipped[(what, why)] += count

    def read(self) -> Project:
        data = self.files.qde()
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise ExchangeError(self.source, ["DOCTYPE and entity declarations are not allowed"])
        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            line, column = exc.position
            raise ExchangeError(
                self.source, [f"project.qde line {line}, column {column + 1}: not well-formed XML"]
            ) from exc
        except (LookupError, ValueError) as exc:  # an encoding Python does not know, and the like
            raise ExchangeError(
                self.source, [f"project.qde is not readable XML ({exc}): save it as UTF-8"]
            ) from exc
        namespace, _, tag = (
            root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", root.tag)
        )
        if namespace in qdc.NAMESPACE_VARIANTS:
            raise ExchangeError(
                self.source,
                ["this is a REFI-QDA codebook, not a project: use coder codebook import"],
            )
        if namespace not in NAMESPACE_VARIANTS or tag != "Project":
            raise ExchangeError(
                self.source,
                [
                    f"root element is {root.tag!r}; a REFI-QDA project has"
                    f' <Project xmlns="{NAMESPACE_VARIANTS[0]}">'
                ],
            )
        self.ns = namespace
        users = {
            key(u.get("guid")): (u.get("name") or u.get("id") or "").strip()
            for u in root.iterfind(f"{self.q('Users')}/{self.q('User')}")
        }
        codebook, code_ids = self._codebook(root)
        variables = {
            key(v.get("guid")): (v.get("name") or "").strip()
            for v in root.iterfind(f"{self.q('Variables')}/{self.q('Variable')}")
        }
        cases = [
            self._case(c, variables) for c in root.iterfind(f"{self.q('Cases')}/{self.q('Case')}")
        ]
        notes = {}
        for note in root.iterfind(f"{self.q('Notes')}/{self.q('Note')}"):
            notes[key(note.get("guid"))] = self._text(note, f"Note {note.get('name')!r}") or ""
        sources = []
        container = root.find(self.q("Sources"))
        for element in container if container is not None else []:
            found = self._source(element, variables)
            if found is not None:
                sources.append(found)
        for what in ("Links", "Sets", "Graphs"):
            element = root.find(self.q(what))
            if element is not None:
                self.skip(what.lower(), "coder has no links, sets or graphs", len(element))
        self.skip(
            "project notes",
            "notes on the whole project are not kept",
            len(root.findall(self.q("NoteRef"))),
        )
        if self.problems:
            raise ExchangeError(self.source, self.problems)
        return Project(
            name=root.get("name") or "",
            origin=root.get("origin") or "",
            creating_user=key(root.get("creatingUserGUID")) or None,
            users=users,
            codebook=codebook,
            code_ids=code_ids,
            cases=cases,
            sources=sources,
            notes=notes,
            skipped=self.skipped,
            warnings=self.warnings,
        )

    def _codebook(self, root: ET.Element) -> tuple[QdcCodebook | None, dict[str, str]]:
        """The CodeBook, parsed by the .qdc reader after moving it into the codebook namespace."""
        element = root.find(f"{self.q('CodeBook')}/{self.q('Codes')}")
        if element is None:
            return None, {}
        codes = copy.deepcopy(element)
        for node in codes.iter():
            node.tag = f"{{{qdc.NAMESPACE}}}{node.tag.split('}', 1)[1]}"
        wrapper = ET.Element(f"{{{qdc.NAMESPACE}}}CodeBook", {"origin": root.get("origin", "")})
        wrapper.append(codes)
        parsed, problems = qdc.from_qdc(ET.tostring(wrapper))
        self.problems.extend(f"CodeBook: {p}" for p in problems)
        self.warnings.extend(parsed.warnings)
        raw = [c.get("guid") for c in element.iter(self.q("Code"))]
        return parsed, {key(g): c.id for g, c in zip(raw, parsed.codes, strict=False) if g}

    def _value(self, holder: ET.Element, variables: dict[str, str], where: str) -> tuple[str, Any]:
        ref = holder.find(self.q("VariableRef"))
        name = variables.get(key(ref.get("targetGUID")) if ref is not None else "", "")
        if not name:
            self.warnings.append(f"{where}: a value of an unknown variable was left out")
            return "", None
        for child in holder:
            tag = child.tag.split("}", 1)[-1]
            text = (child.text or "").strip()
            try:
                if tag == "BooleanValue":
                    return name, text.lower() in ("true", "1")
                if tag == "IntegerValue":
                    return name, int(text)
                if tag == "FloatValue":
                    return name, float(text)
                if tag in ("TextValue", "DateValue", "DateTimeValue"):
                    return name, child.text or ""
            except ValueError:
                self.warnings.append(f"{where}: {name} = {text!r} is not a {tag}; left out")
                return "", None
        return name, None

    def _values(self, element: ET.Element, variables: dict[str, str], where: str) -> dict[str, Any]:
        values = {}
        for holder in element.findall(self.q("VariableValue")):
            name, value = self._value(holder, variables, where)
            if name and value is not None:
                values[name] = value
        return values

    def _case(self, element: ET.Element, variables: dict[str, str]) -> Case:
        guid = key(element.get("guid"))
        name = (element.get("name") or "").strip() or f"Case {guid[:8]}"
        self.skip(
            "case codes",
            "codes of a whole case are not kept",
            len(element.findall(self.q("CodeRef"))),
        )
        self.skip(
            "case selections",
            "cases are organisations: their plans, not fragments",
            len(element.findall(self.q("SelectionRef"))),
        )
        return Case(
            guid=guid,
            name=name,
            values=self._values(element, variables, f"Case {name!r}"),
            sources=[key(r.get("targetGUID")) for r in element.findall(self.q("SourceRef"))],
        )

    def _text(self, element: ET.Element, where: str) -> str | None:
        """The plain text of a text source (inline or a file); None when it cannot be had."""
        inline = element.find(self.q("PlainTextContent"))
        if inline is not None:
            return inline.text or ""
        path = (element.get("plainTextPath") or "").strip()
        if not path:
            self.skip("sources", "no plain text (only rich text or media)")
            return None
        scheme, _, rest = path.partition("://")
        if not rest:
            scheme, rest = "internal", path
            self.warnings.append(
                f"{where}: plainTextPath {path!r} has no internal:// (read anyway)"
            )
        if scheme != "internal":
            self.skip("sources", f"{scheme}:// files are outside the archive and not read")
            return None
        data = self.files.source(rest)
        if data is None:
            message = f"{where}: {path} is missing from the archive"
            if self.allow_missing:
                self.skip("sources", "the text file is missing from the archive")
            else:
                self.problems.append(
                    f"{message} (the archive is incomplete; --skip-missing-sources imports the"
                    " rest)"
                )
            return None
        try:
            return decode_text(data)
        except UnicodeDecodeError as exc:
            self.problems.append(f"{where}: {path} is not UTF-8 text ({exc.reason})")
            return None

    def _selections(self, element: ET.Element, where: str) -> list[TextSelection]:
        result = []
        for item in element.findall(self.q("PlainTextSelection")):
            guid = item.get("guid") or "?"
            try:
                start, end = int(item.get("startPosition", "")), int(item.get("endPosition", ""))
            except ValueError:
                self.problems.append(
                    f"{where}: PlainTextSelection {guid}: startPosition and endPosition must be"
                    " whole numbers"
                )
                continue
            codings = []
            for coding in item.findall(self.q("Coding")):
                ref = coding.find(self.q("CodeRef"))
                if ref is None:
                    self.problems.append(f"{where}: Coding {coding.get('guid')} has no CodeRef")
                    continue
                user = coding.get("creatingUser") or item.get("creatingUser")
                codings.append(
                    CodingRef(
                        guid=coding.get("guid") or "",
                        code=key(ref.get("targetGUID")),
                        user=key(user) if user else None,
                        notes=[key(n.get("targetGUID")) for n in coding.findall(self.q("NoteRef"))],
                    )
                )
            description = item.find(self.q("Description"))
            result.append(
                TextSelection(
                    guid=guid,
                    start=start,
                    end=end,
                    codings=codings,
                    memo=[description.text.strip()]
                    if description is not None and (description.text or "").strip()
                    else [],
                    notes=[key(n.get("targetGUID")) for n in item.findall(self.q("NoteRef"))],
                )
            )
        return result

    def _source(self, element: ET.Element, variables: dict[str, str]) -> Source | None:
        tag = element.tag.split("}", 1)[-1]
        where_path = element.get("plainTextPath") or element.get("path") or ""
        fallback = where_path.rsplit("/", 1)[-1] or f"source {element.get('guid', '')[:8]}"
        name = (element.get("name") or "").strip() or fallback
        where = f"{tag} {name!r}"
        if tag not in ("TextSource", "PDFSource"):
            self.skip("sources", f"{tag}: coder holds text only")
            return None
        text_element = element
        if tag == "PDFSource":
            self.skip(
                "PDF area selections",
                "regions of a PDF page have no text offsets",
                len(element.findall(self.q("PDFSelection"))),
            )
            representation = element.find(self.q("Representation"))
            if representation is None:
                self.skip("sources", "PDFSource without a plain text representation")
                return None
            text_element = representation
        self.skip(
            "whole-source codings",
            "coder codes fragments, not whole sources",
            len(element.findall(self.q("Coding"))),
        )
        text = self._text(text_element, where)
        if text is None:
            return None
        description = element.find(self.q("Description"))
        if description is None and text_element is not element:
            description = text_element.find(self.q("Description"))
        selections = self._selections(text_element, where)
        if not text.strip():
            if selections:
                self.problems.append(f"{where}: {len(selections)} selections on an empty text")
            self.skip("sources", "the plain text is empty (the tool exported only rich text)")
            return None
        return Source(
            guid=key(element.get("guid")),
            name=name,
            kind="pdf" if tag == "PDFSource" else "text",
            text=text,
            description=description.text or "" if description is not None else "",
            values=self._values(element, variables, where),
            selections=selections,
        )


def read_project(
    path: str | Path, *, allow_missing: bool = False, max_entry: int = MAX_ENTRY_BYTES
) -> Project:
    """Read a .qdpx (or a folder holding a .qde and ``sources/``); raise on any problem."""
    path = Path(path)
    if not path.exists():
        raise ExchangeError(str(path), ["no such file"])
    files = _Files(path, max_entry)
    try:
        return _Reader(files, path.name, allow_missing).read()
    finally:
        files.close()
