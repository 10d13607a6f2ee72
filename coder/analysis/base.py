"""What every analysis reads: the organisations in scope, their attributes, live codings.

The unit of the horizontal analysis is the organisation (one plan each, or more
documents when progress reports are ingested too), so every figure starts from
the organisations whose documents are in scope, with the attributes from the
subsidy administration grouped into the classes the analyses compare.

A *coding* is one row of ``codings``; a *fragment* is one distinct span
(document, start, end) of one code: two readers who coded the same span with
the same code made two codings but one fragment, so figures never count
double-coded text twice. Orphaned codings (their text vanished on re-ingest)
and deleted codings are left out everywhere.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

import sqlite_utils

from coder.analysis.parts import PartMap
from coder.errors import NotFoundError
from coder.ingest.manifest import FUNCTIONS as FUNCTIONS
from coder.ingest.manifest import REGIONS as REGIONS

UNKNOWN = "onbekend"
CHUNK = 900  # ids per IN (...) list, well under SQLite's variable limit

# Size classes: fixed bounds (not quantiles), so a class means the same in every report.
SIZE_CLASSES = (
    (5.0, "klein (< 5 VTE)"),
    (15.0, "middel (5-15 VTE)"),
    (math.inf, "groot (>= 15 VTE)"),
)
SUBSIDY_CLASSES = (
    (250_000.0, "< € 250.000"),
    (1_000_000.0, "€ 250.000 - 1 mln"),
    (math.inf, ">= € 1 mln"),
)
BRANCH_CLASSES = ((1, "geen afdelingen"), (20, "1-19 afdelingen"), (math.inf, ">= 20 afdelingen"))


@dataclass(frozen=True, slots=True)
class Attribute:
    """An organisation attribute the analyses group by.

    ``multi``: an organisation can have several values (the chosen functions), so
    groups overlap and each value is tested against the organisations without it.
    """

    key: str
    label: str
    multi: bool = False
    order: tuple[str, ...] = ()


ATTRIBUTES: dict[str, Attribute] = {
    a.key: a
    for a in (
        Attribute("functions", "Functies", multi=True, order=FUNCTIONS),
        Attribute("region", "Regio", order=REGIONS),
        Attribute("size", "Grootte (VTE)", order=tuple(label for _, label in SIZE_CLASSES)),
        Attribute("subsidy", "Subsidie", order=tuple(label for _, label in SUBSIDY_CLASSES)),
        Attribute("branches", "Afdelingen", order=tuple(label for _, label in BRANCH_CLASSES)),
        Attribute("new_entrant", "Nieuwkomer", order=("ja", "nee")),
        Attribute("org_type", "Type organisatie"),
        Attribute("legal_form", "Rechtsvorm"),
    )
}


def attribute(key: str) -> Attribute:
    """The attribute called ``key``; a typo gets the list of valid names."""
    try:
        return ATTRIBUTES[key]
    except KeyError:
        raise NotFoundError(
            f"unknown attribute {key!r}: choose one of {', '.join(ATTRIBUTES)}"
        ) from None


def _classify(value: float | None, classes: Sequence[tuple[float, str]]) -> str:
    if value is None:
        return UNKNOWN
    return next(label for bound, label in classes if value < bound)


@dataclass(slots=True)
class Organisation:
    """An organisation in scope with its attributes and the size of its documents."""

    id: int
    name: str
    functions: list[str]
    region: str | None
    fte: float | None
    subsidy: float | None
    branches: int | None
    new_entrant: bool | None
    org_type: str | None
    legal_form: str | None
    documents: list[int] = field(default_factory=list)
    characters: int = 0

    def values(self, key: str) -> list[str]:
        """The group(s) this organisation falls in for an attribute (``onbekend`` if unknown)."""
        if key == "functions":
            return list(self.functions) or [UNKNOWN]
        if key == "size":
            return [_classify(self.fte, SIZE_CLASSES)]
        if key == "subsidy":
            return [_classify(self.subsidy, SUBSIDY_CLASSES)]
        if key == "branches":
            return [_classify(self.branches, BRANCH_CLASSES)]
        if key == "new_entrant":
            return [UNKNOWN if self.new_entrant is None else ("ja" if self.new_entrant else "nee")]
        if key in ("region", "org_type", "legal_form"):
            return [getattr(self, key) or UNKNOWN]
        raise NotFoundError(f"unknown attribute {key!r}: choose one of {', '.join(ATTRIBUTES)}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "functions": list(self.functions),
            "region": self.region,
            "fte": self.fte,
            "subsidy": self.subsidy,
            "branches": self.branches,
            "new_entrant": self.new_entrant,
            "org_type": self.org_type,
            "legal_form": self.legal_form,
            "documents": list(self.documents),
            "characters": self.characters,
        }


@dataclass(frozen=True, slots=True)
class Scope:
    """Which documents and codings an analysis reads (default: every ingested document).

    ``doc_type``/``period`` pick e.g. the beleidsplannen 2021-2025 when progress
    reports are ingested too; ``coders`` limits the codings to some readers.
    """

    doc_type: str | None = None
    period: str | None = None
    coders: tuple[str, ...] | None = None


@dataclass
class OrgFilter:
    """Organisations to keep: every given condition must hold.

    ``attributes`` maps an attribute key to accepted values (any of them; for the
    functions: the organisation chose at least one of them).
    """

    attributes: dict[str, Sequence[str]] = field(default_factory=dict)
    fte_min: float | None = None
    fte_max: float | None = None
    subsidy_min: float | None = None
    subsidy_max: float | None = None
    organisations: Sequence[int] = ()

    def matches(self, org: Organisation) -> bool:
        for key, wanted in self.attributes.items():
            if wanted and not set(org.values(key)) & set(wanted):
                return False
        for value, low, high in (
            (org.fte, self.fte_min, self.fte_max),
            (org.subsidy, self.subsidy_min, self.subsidy_max),
        ):
            if low is not None and (value is None or value < low):
                return False
            if high is not None and (value is None or value > high):
                return False
        return not self.organisations or org.id in self.organisations

    def is_empty(self) -> bool:
        return not (
            any(self.attributes.values())
            or self.organisations
            or any(
                v is not None
                for v in (self.fte_min, self.fte_max, self.subsidy_min, self.subsidy_max)
            )
        )


@dataclass(slots=True)
class Frame:
    """The organisations in scope and which organisation each document belongs to."""

    organisations: dict[int, Organisation]
    document_org: dict[int, int]
    document_length: dict[int, int] = field(default_factory=dict)

    def ordered(self) -> list[Organisation]:
        return sorted(self.organisations.values(), key=lambda o: o.name.casefold())


def frame(db: sqlite_utils.Database, scope: Scope | None = None) -> Frame:
    """Organisations with at least one ingested document in scope, with their plan sizes.

    A document's size is the end of its last page (= the length of its canonical
    text), read from ``pages`` so the texts themselves are not loaded.
    """
    scope = scope or Scope()
    where, params = ["d.status = 'ingested'"], []
    if scope.doc_type:
        where.append("d.doc_type = ?")
        params.append(scope.doc_type)
    if scope.period:
        where.append("d.period = ?")
        params.append(scope.period)
    rows = db.execute(
        f"""
        SELECT d.id, d.organisation_id, d.filename, o.name, o.functions, o.region, o.fte,
               o.subsidy, o.branches, o.new_entrant, o.org_type, o.legal_form,
               (SELECT max(p."end") FROM pages p WHERE p.document_id = d.id)
        FROM documents d LEFT JOIN organisations o ON o.id = d.organisation_id
        WHERE {" AND ".join(where)}
        ORDER BY d.id
        """,
        params,
    ).fetchall()
    organisations: dict[int, Organisation] = {}
    document_org: dict[int, int] = {}
    document_length: dict[int, int] = {}
    for (
        doc_id,
        org_id,
        filename,
        name,
        functions,
        region,
        fte,
        subsidy,
        branches,
        new_entrant,
        org_type,
        legal_form,
        length,
    ) in rows:
        key = org_id if org_id is not None else -doc_id  # a document without organisation
        org = organisations.get(key)
        if org is None:
            org = organisations[key] = Organisation(
                id=key,
                name=name or filename,
                functions=json.loads(functions or "[]"),
                region=region,
                fte=fte,
                subsidy=subsidy,
                branches=branches,
                new_entrant=None if new_entrant is None else bool(new_entrant),
                org_type=org_type,
                legal_form=legal_form,
            )
        org.documents.append(doc_id)
        org.characters += length or 0
        document_org[doc_id] = key
        document_length[doc_id] = length or 0
    return Frame(organisations, document_org, document_length)


@dataclass(frozen=True, slots=True)
class CodeInfo:
    id: str
    name: str
    group: str | None
    definition: str


def codes(db: sqlite_utils.Database, code_ids: Iterable[str] | None = None) -> list[CodeInfo]:
    """Codable codes in codebook order (all), or the given ones in the given order.

    A retired code is found when asked for by id, so old codings still resolve.
    """
    from coder.codebook import codes_at

    current = codes_at(db)
    by_id = {c.id: c for c in current}

    def info(c: Any) -> CodeInfo:
        parent = by_id.get(c.parent_id or "")
        return CodeInfo(c.id, c.name, parent.name if parent else None, c.definition)

    if code_ids is None:
        return [info(c) for c in current if not c.is_group]
    result = []
    for code_id in code_ids:
        found = by_id.get(code_id)
        if found is not None and found.is_group:
            raise NotFoundError(f"{code_id!r} is a group of codes, not a code")
        if found is not None:
            result.append(info(found))
            continue
        row = db.execute(
            "SELECT id, name, parent_id, definition FROM codes WHERE id = ?", [code_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"unknown code {code_id!r}: see the codes with: coder codebook list"
            )
        result.append(CodeInfo(row[0], row[1], _group_name(db, row[2]), row[3]))
    return result


def _group_name(db: sqlite_utils.Database, parent_id: str | None) -> str | None:
    if not parent_id:
        return None
    row = db.execute("SELECT name FROM codes WHERE id = ?", [parent_id]).fetchone()
    return row[0] if row else None


def code(db: sqlite_utils.Database, code_id: str) -> CodeInfo:
    return codes(db, [code_id])[0]


@dataclass(slots=True)
class Span:
    """One fragment: a distinct (document, start, end) of one code, with who coded it."""

    document_id: int
    start: int
    end: int
    code_id: str
    coding_ids: list[int]
    coders: list[str]


def live(alias: str = "c") -> str:
    """The codings every analysis reads. The same terms as the partial indexes
    ``codings_code_live`` and ``codings_doc_live``, so SQLite can answer from them alone."""
    return (
        f"{alias}.deleted_at IS NULL AND {alias}.anchor != 'orphaned'"
        f" AND {alias}.origin != 'simulated'"
    )


LIVE = live("c")


def spans(
    db: sqlite_utils.Database,
    fr: Frame,
    scope: Scope | None = None,
    code_ids: Sequence[str] | None = None,
) -> list[Span]:
    """Fragments of the given codes (or all) in documents in scope, in document order."""
    scope = scope or Scope()
    where, params = [LIVE], []
    if code_ids is not None:
        where.append(f"c.code_id IN ({', '.join('?' * len(code_ids))})" if code_ids else "0")
        params.extend(code_ids)
    if scope.coders is not None:
        coders = list(scope.coders)
        where.append(f"c.coder IN ({', '.join('?' * len(coders))})" if coders else "0")
        params.extend(coders)
    rows = db.execute(
        f'SELECT c.id, c.document_id, c.start, c."end", c.code_id, c.coder FROM codings c'
        f" WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    merged: dict[tuple[int, int, int, str], Span] = {}
    for coding_id, doc_id, start, end, code_id, coder in rows:
        if doc_id not in fr.document_org:
            continue
        key = (doc_id, start, end, code_id)
        span = merged.get(key)
        if span is None:
            merged[key] = Span(doc_id, start, end, code_id, [coding_id], [coder])
        else:
            span.coding_ids.append(coding_id)
            if coder not in span.coders:
                span.coders.append(coder)
    return sorted(merged.values(), key=lambda s: (s.document_id, s.start, s.end, s.code_id))


def coders(db: sqlite_utils.Database) -> list[str]:
    """Everyone with live codings, for the reader filter."""
    return [r[0] for r in db.execute(f"SELECT DISTINCT c.coder FROM codings c WHERE {LIVE}")]


def union_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Characters covered by a set of (start, end) intervals, overlaps counted once."""
    total, cur_start, cur_end = 0, None, None
    for start, end in sorted(intervals):
        if cur_end is None or start > cur_end:
            if cur_end is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None:
        total += cur_end - cur_start
    return total


_PART_MAPS: dict[tuple[str, int, str, int], PartMap] = {}
_PART_MAPS_LOCK = Lock()


def database_file(db: sqlite_utils.Database) -> str:
    """The file behind a connection ('' for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row else ""


def part_maps(db: sqlite_utils.Database, document_ids: Iterable[int]) -> dict[int, PartMap]:
    """Per document, which offsets lie in the zakelijk deel (from its headings).

    A document's headings only change when it is re-ingested, which changes its
    sha256, so the maps are kept per (database file, document, sha256, size) for
    the life of the process: building them for the whole corpus (some 30,000
    headings) costs about a tenth of a second, too much to repeat on every view.
    """
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    path = database_file(db)
    keys: dict[int, tuple[str, int, str, int]] = {}
    for chunk in chunks(ids):
        for doc_id, sha, size in db.execute(
            f"SELECT id, coalesce(sha256, ''), coalesce(size, 0) FROM documents"
            f" WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            keys[doc_id] = (path, doc_id, sha, size)
    result: dict[int, PartMap] = {}
    with _PART_MAPS_LOCK:
        for doc_id in ids:
            key = keys.get(doc_id)
            if path and key in _PART_MAPS:
                result[doc_id] = _PART_MAPS[key]
    missing = [d for d in ids if d not in result]
    if not missing:
        return result
    headings: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    wanted = set(missing)
    if len(missing) > 20:  # one scan of the headings index beats many IN lookups
        rows = db.execute(
            "SELECT document_id, start, section, text FROM segments WHERE kind = 'heading'"
            " ORDER BY document_id, seq"
        )
    else:
        rows = db.execute(
            "SELECT document_id, start, section, text FROM segments WHERE kind = 'heading'"
            f" AND document_id IN ({', '.join('?' * len(missing))}) ORDER BY document_id, seq",
            missing,
        )
    for doc_id, start, section, text in rows:
        if doc_id in wanted:
            headings[doc_id].append((start, section, text))
    with _PART_MAPS_LOCK:
        if len(_PART_MAPS) > 20_000:
            _PART_MAPS.clear()
        for doc_id in missing:
            result[doc_id] = PartMap(headings.get(doc_id, []))
            if path and doc_id in keys:
                _PART_MAPS[keys[doc_id]] = result[doc_id]
    return result


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    """``items`` in lists of at most ``size``, for IN (...) queries."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])
