"""Which codings an export holds: the filters, and reading the selected corpus once.

Tables and REFI-QDA projects are exported from the same :class:`Selection`, so a
filter means the same thing in every format, on the command line and in the app.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from coder.codebook import codes_at
from coder.codebook.model import Code, descendants
from coder.codebook.records import current_version, retired_codes
from coder.errors import ExchangeError
from coder.ingest.manifest import parse_number

ORGANISATION_ATTRIBUTES = (
    "legal_form",
    "org_type",
    "functions",
    "subsidy",
    "fte",
    "region",
    "branches",
    "new_entrant",
)
DOCUMENT_ATTRIBUTES = ("doc_type", "period")
NUMERIC = ("subsidy", "fte", "branches")
# Pilot reading (issue 6) will tell pilot codings from full coding; until then only 'all'.
PHASES = ("all", "pilot", "full")
_CONDITION = re.compile(r"^\s*([^=!<>]+?)\s*(>=|<=|!=|=|>|<)\s*(.*?)\s*$")
_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0"}


@dataclass(frozen=True)
class Condition:
    """One attribute test, e.g. ``region=Antwerpen`` or ``subsidy>=250000``."""

    key: str
    op: str
    value: str

    def test(self, actual: Any) -> bool:
        """Whether an organisation's or document's value passes; a missing value only passes !=."""
        if actual is None or actual == []:
            return self.op == "!="
        if isinstance(actual, list):  # functions: membership
            found = self.value.casefold() in (str(item).casefold() for item in actual)
            return found if self.op == "=" else not found if self.op == "!=" else False
        if isinstance(actual, bool):
            if self.op not in ("=", "!="):
                raise ExchangeError("filter", [f"{self.key}: use = or != with ja/nee"])
            return (actual == _boolean(self.value)) == (self.op == "=")
        if isinstance(actual, int | float):
            return _compare(float(actual), self.op, _number(self.key, self.value))
        text, wanted_text = str(actual).casefold(), self.value.casefold()
        return _compare(text, self.op, wanted_text)


def _boolean(value: str) -> bool:
    lowered = value.casefold()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ExchangeError("filter", [f"{value!r} is not ja/nee"])


def _number(key: str, value: str) -> float:
    try:
        return parse_number(value)
    except ValueError as exc:
        raise ExchangeError("filter", [f"{key}: {value!r} is not a number"]) from exc


def _compare(left: Any, op: str, right: Any) -> bool:
    return {
        "=": left == right,
        "!=": left != right,
        ">=": left >= right,
        "<=": left <= right,
        ">": left > right,
        "<": left < right,
    }[op]


def parse_condition(text: str) -> Condition:
    """``KEY=VALUE`` (also ``!=``, ``>=``, ``<=``, ``>``, ``<``) as a :class:`Condition`."""
    match = _CONDITION.match(text)
    if not match or not match.group(3):
        raise ExchangeError(
            "filter", [f"{text!r} is not KEY=VALUE (or KEY>=N, KEY<=N, KEY!=VALUE)"]
        )
    key, op, value = match.groups()
    return Condition(key.strip().lower(), op, value)


@dataclass(frozen=True)
class Filters:
    """What to export; every empty field means "all".

    ``codes`` takes code ids, and a group or a code with subcodes brings its
    subcodes. ``attributes`` are conditions on organisation attributes (and on a
    document's ``doc_type`` and ``period``): conditions ``=`` on the same key are
    alternatives (``region=Antwerpen region=Limburg``), all others must all hold.
    ``codebook_version`` exports codes as they were in that version (names,
    groups), leaving out codings of codes that version did not have. ``phase``
    will tell pilot from full coding once pilots exist (issue 6); only "all" now.
    """

    codes: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    codebook_version: int | None = None
    phase: str = "all"

    def as_dict(self) -> dict[str, Any]:
        return {
            "codes": list(self.codes),
            "coders": list(self.coders),
            "organisations": list(self.organisations),
            "attributes": list(self.attributes),
            "codebook_version": self.codebook_version,
            "phase": self.phase,
        }


@dataclass
class Organisation:
    id: int
    name: str
    attributes: dict[str, Any]
    extra: dict[str, str]

    def value(self, key: str) -> Any:
        return self.attributes[key] if key in self.attributes else self.extra.get(key)


@dataclass
class Document:
    id: int
    organisation_id: int | None
    filename: str
    path: str
    doc_type: str
    period: str | None


@dataclass
class CodeInfo:
    """A code with where it sits: the nearest group above it and the path of names."""

    code: Code
    group: str
    path: str


@dataclass
class Selection:
    """The selected corpus: organisations, documents, codes and codings (sorted).

    ``codes`` also holds retired codes (to name codings they may still have);
    ``active_codes`` are the ids of the codebook version being exported.
    """

    organisations: dict[int, Organisation]
    documents: dict[int, Document]
    codes: dict[str, CodeInfo]
    codings: list[dict[str, Any]]
    version: int
    active_codes: set[str] = field(default_factory=set)
    filters: Filters = field(default_factory=Filters)

    def extra_keys(self) -> list[str]:
        """Organisation attributes beyond the standard ones, sorted (extra columns)."""
        return sorted({key for o in self.organisations.values() for key in o.extra})


def organisations(db: sqlite_utils.Database) -> dict[int, Organisation]:
    """Every organisation with typed attributes (functions a list, new_entrant a bool)."""
    result = {}
    for row in db.query("SELECT * FROM organisations ORDER BY name"):
        attributes = {key: row[key] for key in ORGANISATION_ATTRIBUTES}
        attributes["functions"] = json.loads(row["functions"] or "[]")
        if row["new_entrant"] is not None:
            attributes["new_entrant"] = bool(row["new_entrant"])
        result[row["id"]] = Organisation(
            row["id"], row["name"], attributes, json.loads(row["extra"] or "{}")
        )
    return result


def code_infos(codes: list[Code]) -> dict[str, CodeInfo]:
    """Each code with its nearest group's name and its path of names from the top."""
    by_id = {c.id: c for c in codes}
    result = {}
    for code in codes:
        names, group, parent = [], "", code.parent_id
        seen: set[str] = set()
        while parent in by_id and parent not in seen:
            seen.add(parent)
            above = by_id[parent]
            names.append(above.name)
            if not group and above.is_group:
                group = above.name
            parent = above.parent_id
        result[code.id] = CodeInfo(code, group, " > ".join([*reversed(names), code.name]))
    return result


def _codes(
    db: sqlite_utils.Database, version: int | None
) -> tuple[dict[str, CodeInfo], set[str], int]:
    """Codes by id (with retired ones, which may still name old codings), active ids, version."""
    latest = current_version(db)
    if version is None or version == latest:
        codes = codes_at(db)
        retired = [row["code"] for row in retired_codes(db).values()]
        return code_infos([*codes, *retired]), {c.id for c in codes}, latest
    codes = codes_at(db, version)
    return code_infos(codes), {c.id for c in codes}, version


def _check_names(kind: str, wanted: tuple[str, ...], known: set[str]) -> None:
    unknown = [name for name in wanted if name not in known]
    if unknown:
        listed = ", ".join(sorted(known)[:20]) or "none"
        raise ExchangeError(
            "filter", [f"unknown {kind} {name!r} (known: {listed})" for name in unknown]
        )


def _expand_codes(wanted: tuple[str, ...], codes: dict[str, CodeInfo]) -> set[str]:
    _check_names("code", wanted, set(codes))
    chosen = set(wanted)
    all_codes = [info.code for info in codes.values()]
    for code_id in wanted:
        chosen.update(descendants(all_codes, code_id))
    return chosen


def _matches(
    conditions: list[Condition], organisation: Organisation | None, document: Document
) -> bool:
    by_key: dict[str, list[Condition]] = defaultdict(list)
    for condition in conditions:
        by_key[condition.key].append(condition)
    for key, tests in by_key.items():
        if key in DOCUMENT_ATTRIBUTES:
            actual = getattr(document, key)
        else:
            actual = organisation.value(key) if organisation else None
        alternatives = [t for t in tests if t.op == "="]
        if alternatives and not any(t.test(actual) for t in alternatives):
            return False
        if not all(t.test(actual) for t in tests if t.op != "="):
            return False
    return True


def select(db: sqlite_utils.Database, filters: Filters | None = None) -> Selection:
    """Read the organisations, documents, codes and live codings the filters select."""
    filters = filters or Filters()
    if filters.phase not in PHASES:
        raise ExchangeError("filter", [f"phase must be one of {', '.join(PHASES)}"])
    if filters.phase != "all":
        raise ExchangeError(
            "filter",
            [
                "pilot and full coding are told apart once pilot reading exists (issue 6);"
                " use phase 'all' for now"
            ],
        )
    codes, active, version = _codes(db, filters.codebook_version)
    orgs = organisations(db)
    _check_names("organisation", filters.organisations, {o.name for o in orgs.values()})
    conditions = [parse_condition(text) for text in filters.attributes]
    known_keys = {
        *ORGANISATION_ATTRIBUTES,
        *DOCUMENT_ATTRIBUTES,
        *(key for o in orgs.values() for key in o.extra),
    }
    _check_names("attribute", tuple(c.key for c in conditions), known_keys)
    wanted_orgs = set(filters.organisations)
    documents = {}
    for row in db.query(
        "SELECT id, organisation_id, filename, path, doc_type, period FROM documents"
        " WHERE status = 'ingested'"
    ):
        document = Document(**row)
        organisation = orgs.get(document.organisation_id or -1)
        if wanted_orgs and (organisation is None or organisation.name not in wanted_orgs):
            continue
        if conditions and not _matches(conditions, organisation, document):
            continue
        documents[document.id] = document
    coders = {r[0] for r in db.execute("SELECT DISTINCT coder FROM codings")}
    _check_names("coder", filters.coders, coders)
    chosen_codes = _expand_codes(filters.codes, codes) if filters.codes else None
    rows = []
    for row in db.query(
        'SELECT id, document_id, start, "end", text, code_id, coder, memo, origin, anchor,'
        " created_at, updated_at FROM codings WHERE deleted_at IS NULL"
    ):
        if row["document_id"] not in documents:
            continue
        if filters.coders and row["coder"] not in filters.coders:
            continue
        if chosen_codes is not None and row["code_id"] not in chosen_codes:
            continue
        if filters.codebook_version is not None and row["code_id"] not in codes:
            continue
        rows.append(row)

    def order(row: dict[str, Any]) -> tuple:
        document = documents[row["document_id"]]
        organisation = orgs.get(document.organisation_id or -1)
        return (
            organisation.name if organisation else "",
            document.filename,
            document.id,
            row["start"],
            row["end"],
            row["code_id"],
            row["coder"],
            row["id"],
        )

    rows.sort(key=order)
    used_orgs = {d.organisation_id for d in documents.values()}
    return Selection(
        organisations={i: o for i, o in orgs.items() if i in used_orgs},
        documents=documents,
        codes=codes,
        codings=rows,
        version=version,
        active_codes=active,
        filters=filters,
    )
