"""Codes as plain data, and the rules a whole codebook must satisfy.

Pure: no database, no files. Every way a codebook enters ``coder`` (a YAML file,
a REFI-QDA .qdc, a single edit) ends in :func:`validate` on the complete
resulting codebook, so one set of rules holds whatever the path, and each
problem names the code and the field to fix.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

# uuid5 namespace of coder codes: the GUID of a code is derived from its stable id, so
# every export of the same code, from any database, carries the same REFI-QDA GUID.
GUID_NAMESPACE = uuid.UUID("6f1c3f0e-2b7a-5d2e-9a51-0c0de0b00c01")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOUR_PATTERN = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
GUID_PATTERN = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$"
)
SHORT_NAME_MAX = 32
# The fields a user edits with `edit` (name has `rename`, parent has `move`).
EDITABLE_FIELDS = ("short_name", "colour", "definition", "inclusion", "exclusion", "examples")


@dataclass
class Code:
    """One code (or, with ``is_group``, a heading that groups codes and is not codable).

    ``id`` is the stable key codings point to: names, definitions and places in the
    tree may change, the id never does.
    """

    id: str
    name: str
    definition: str = ""
    parent_id: str | None = None
    short_name: str = ""
    colour: str | None = None
    inclusion: str = ""
    exclusion: str = ""
    examples: list[str] = field(default_factory=list)
    is_group: bool = False
    sort_order: int = 0
    guid: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (the form stored in the change log)."""
        data = asdict(self)
        data["examples"] = list(self.examples)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Code:
        """The inverse of :meth:`as_dict`; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["examples"] = list(values.get("examples") or [])
        return cls(**values)

    def copy(self, **changes: Any) -> Code:
        """A changed copy; codes in a list are never mutated in place by the verbs."""
        if "examples" not in changes:
            changes["examples"] = list(self.examples)
        return replace(self, **changes)


def default_guid(code_id: str) -> str:
    """The REFI-QDA GUID of a code made in coder: a uuid5 of its id (stable everywhere)."""
    return str(uuid.uuid5(GUID_NAMESPACE, code_id))


def normalise_guid(text: str) -> str | None:
    """Lower case without braces, as GUIDs are compared; None if ``text`` is no GUID."""
    match = GUID_PATTERN.match(text.strip())
    return match.group(1).lower() if match else None


def slugify(name: str) -> str:
    """An id proposal for a name: 'Financiën en middelen' -> 'financien-en-middelen'."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "code"


def ordered(codes: Iterable[Code]) -> list[Code]:
    """Codes in reading order: depth first, siblings by ``sort_order``.

    Codes whose parent is missing (or in a cycle) come last, so nothing is lost
    from a list that :func:`validate` would reject.
    """
    codes = list(codes)
    ids = {c.id for c in codes}
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        parent = code.parent_id if code.parent_id in ids else None
        children.setdefault(parent, []).append(code)
    for siblings in children.values():
        siblings.sort(key=lambda c: c.sort_order)
    result: list[Code] = []
    seen: set[str] = set()

    def walk(parent: str | None) -> None:
        for child in children.get(parent, []):
            if child.id in seen:
                continue
            seen.add(child.id)
            result.append(child)
            walk(child.id)

    walk(None)
    result.extend(c for c in codes if c.id not in seen)
    return result


def renumber(codes: Sequence[Code]) -> list[Code]:
    """Copies whose ``sort_order`` is their position among siblings in list order."""
    counters: dict[str | None, int] = {}
    result = []
    for code in codes:
        position = counters.get(code.parent_id, 0)
        counters[code.parent_id] = position + 1
        result.append(code if code.sort_order == position else code.copy(sort_order=position))
    return result


def depth(code: Code, by_id: dict[str, Code]) -> int:
    """0 for a top-level code; safe on cycles (stops after len(by_id) steps)."""
    level, parent = 0, code.parent_id
    while parent in by_id and level <= len(by_id):
        level += 1
        parent = by_id[parent].parent_id
    return level


def descendants(codes: Iterable[Code], code_id: str) -> list[str]:
    """Ids of all codes below ``code_id``, in reading order."""
    codes = ordered(codes)
    below: set[str] = {code_id}
    result = []
    for code in codes:
        if code.parent_id in below and code.id not in below:
            below.add(code.id)
            result.append(code.id)
    return result


def label(code: Code) -> str:
    """How a problem names a code: by id, or by name while the id is missing."""
    return f"code {code.id!r}" if code.id else f"code named {code.name!r}"


def validate(codes: Sequence[Code]) -> list[str]:
    """Every problem of a complete codebook, one line each naming the code and field.

    Checks ids (present, slug form, unique), names (present, unique ignoring case),
    short names (unique, short), definitions (every codable code needs one),
    colours (#RRGGBB or #RGB, the REFI-QDA form), parents (must exist, no cycles)
    and GUIDs (unique). An empty list means the codebook may be stored.
    """
    problems: list[str] = []
    by_id: dict[str, Code] = {}
    names: dict[str, str] = {}
    short_names: dict[str, str] = {}
    guids: dict[str, str] = {}
    for code in codes:
        where = label(code)
        if not code.id:
            problems.append(f"{where}: id is missing")
        elif not ID_PATTERN.match(code.id):
            problems.append(
                f"{where}: id must be lower-case letters, digits and single hyphens"
                f" (e.g. {slugify(code.id)!r})"
            )
        if code.id in by_id:
            problems.append(f"{where}: id is used by more than one code")
        elif code.id:
            by_id[code.id] = code
        if not code.name.strip():
            problems.append(f"{where}: name is missing")
        else:
            key = code.name.strip().casefold()
            if key in names and names[key] != code.id:
                problems.append(
                    f"{where}: name {code.name!r} is also the name of code {names[key]!r}"
                )
            names.setdefault(key, code.id)
        if code.short_name:
            if len(code.short_name) > SHORT_NAME_MAX:
                problems.append(
                    f"{where}: short_name is {len(code.short_name)} characters;"
                    f" keep it to {SHORT_NAME_MAX}"
                )
            key = code.short_name.strip().casefold()
            if key in short_names and short_names[key] != code.id:
                problems.append(
                    f"{where}: short_name {code.short_name!r} is also used by code"
                    f" {short_names[key]!r}"
                )
            short_names.setdefault(key, code.id)
        if not code.is_group and not code.definition.strip():
            problems.append(f"{where}: definition is missing")
        if code.colour is not None and not COLOUR_PATTERN.match(code.colour):
            problems.append(f"{where}: colour {code.colour!r} is not a colour; use #RRGGBB")
        if any(not str(example).strip() for example in code.examples):
            problems.append(f"{where}: examples has an empty example")
        if code.guid:
            key = normalise_guid(code.guid)
            if key is None:
                problems.append(f"{where}: guid {code.guid!r} is not a GUID")
            elif key in guids and guids[key] != code.id:
                problems.append(f"{where}: guid {code.guid} is also used by code {guids[key]!r}")
            else:
                guids[key] = code.id
    problems.extend(_parent_problems(codes, by_id))
    return problems


def _parent_problems(codes: Sequence[Code], by_id: dict[str, Code]) -> list[str]:
    """Unknown parents and cycles in the parent chain (each cycle reported once)."""
    problems = []
    reported: set[str] = set()
    for code in codes:
        if code.parent_id is None:
            continue
        if code.parent_id not in by_id:
            problems.append(
                f"{label(code)}: parent {code.parent_id!r} is not a code in this codebook"
            )
            continue
        chain = [code.id]
        parent: str | None = code.parent_id
        while parent is not None and parent in by_id and parent not in chain:
            chain.append(parent)
            parent = by_id[parent].parent_id
        if parent is not None and parent in chain:
            cycle = [*chain[chain.index(parent) :], parent]
            if not reported & set(cycle):
                reported.update(cycle)
                problems.append(
                    f"code {parent!r}: parent chain {' -> '.join(cycle)} is a cycle"
                    " (a code cannot be under itself)"
                )
    return problems


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for search ('Financiën' ~ 'financien')."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def matches(code: Code, query: str) -> bool:
    """Whether every word of ``query`` occurs in the code's id, names, definition,
    criteria or examples (case and accents ignored): the search of the codebook page."""
    haystack = _fold(
        " ".join(
            [
                code.id,
                code.name,
                code.short_name,
                code.definition,
                code.inclusion,
                code.exclusion,
                *code.examples,
            ]
        )
    )
    return all(word in haystack for word in _fold(query).split())
