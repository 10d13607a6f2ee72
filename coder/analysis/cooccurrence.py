"""Co-occurrence: which codes are given to the same text, ranked, with the places.

Two ways to be together (``mode``):

- ``overlap``: a fragment of A and a fragment of B share at least one character.
  ``count`` is the number of such (A fragment, B fragment) pairs; the share of A
  is the fraction of A's fragments that overlap some B fragment.
- ``paragraph``: A and B are coded in the same paragraph (segment: paragraph,
  list item, table or heading). ``count`` is the number of paragraphs holding
  both; the share of A is that count over the paragraphs holding A.

``jaccard`` is symmetric: overlap mode (A fragments overlapping B + B fragments
overlapping A) / (A fragments + B fragments); paragraph mode paragraphs with
both / paragraphs with either. Fragments are distinct spans per code (two
readers' identical codings count once). Figures come from one pass over the live
codings in Python: a sort-and-sweep per document for overlaps and a binary search
in each document's paragraph starts for paragraphs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

import sqlite_utils

from coder.analysis.base import LIVE, CodeInfo, Frame, Scope, codes, frame, live
from coder.errors import NotFoundError

MODES = ("overlap", "paragraph")


@dataclass(slots=True)
class Pair:
    a: CodeInfo
    b: CodeInfo
    count: int
    organisations: int  # organisations where the two co-occur at least once
    share_a: float  # of A's units (fragments or paragraphs), the share that holds B
    share_b: float
    jaccard: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "code_a": self.a.id,
            "name_a": self.a.name,
            "code_b": self.b.id,
            "name_b": self.b.name,
            "count": self.count,
            "organisations": self.organisations,
            "share_a": self.share_a,
            "share_b": self.share_b,
            "jaccard": self.jaccard,
        }


@dataclass(slots=True)
class Cooccurrence:
    mode: str
    codes: list[CodeInfo]
    units: dict[str, int]  # per code: fragments (overlap) or paragraphs (paragraph)
    pairs: list[Pair]  # most co-occurrences first
    focus: str | None = None

    def long(self) -> list[dict[str, Any]]:
        """Both orientations of every pair plus zero cells: a square heatmap's table."""
        found = {(p.a.id, p.b.id): p for p in self.pairs}
        found |= {(p.b.id, p.a.id): p for p in self.pairs}
        rows = []
        for a in self.codes:
            for b in self.codes:
                if a.id == b.id:
                    continue
                pair = found.get((a.id, b.id))
                rows.append(
                    {
                        "code_a": a.name,
                        "code_b": b.name,
                        "count": pair.count if pair else 0,
                        "jaccard": pair.jaccard if pair else 0.0,
                    }
                )
        return rows

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "focus": self.focus,
            "codes": [asdict(c) for c in self.codes],
            "units": self.units,
            "pairs": [p.as_dict() for p in self.pairs],
        }


@dataclass(slots=True)
class Place:
    """Where two codes co-occur: an overlap of two fragments, or one paragraph."""

    document_id: int
    organisation: str
    start: int
    end: int
    coding_ids_a: list[int]
    coding_ids_b: list[int]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# span: (start, end, code, first coding id, paragraph starts it lies in)
_Span = tuple[int, int, str, int, tuple[int, ...]]

_UNIT_SQL = """,
  (SELECT g.start FROM segments g WHERE g.document_id = c.document_id
     AND g.start <= c.start ORDER BY g.start DESC LIMIT 1),
  (SELECT g.start FROM segments g WHERE g.document_id = c.document_id
     AND g.start < c."end" ORDER BY g.start DESC LIMIT 1)"""


def _load(
    db: sqlite_utils.Database,
    fr: Frame,
    scope: Scope | None,
    code_ids: set[str],
    paragraphs: bool,
) -> dict[int, list[_Span]]:
    """Distinct spans per document, sorted by start; with ``paragraphs``, their paragraphs.

    A paragraph is named by its start offset, looked up in SQL (an index seek in
    ``segments(document_id, start)`` per coding) so the 100,000+ paragraph
    boundaries of the corpus never travel to Python.
    """
    params: list[Any] = []
    where = LIVE
    if scope is not None and scope.coders is not None:
        where += f" AND c.coder IN ({', '.join('?' * len(scope.coders))})"
        params.extend(scope.coders)
    per_doc: dict[int, dict[tuple[int, int, str], tuple[int, int, int]]] = defaultdict(dict)
    for doc_id, start, end, code_id, coding_id, *units in db.execute(
        f'SELECT c.document_id, c.start, c."end", c.code_id, c.id'
        f"{_UNIT_SQL if paragraphs else ''} FROM codings c WHERE {where}",
        params,
    ):
        if doc_id in fr.document_org and code_id in code_ids:
            per_doc[doc_id].setdefault((start, end, code_id), (coding_id, *(units or (None, None))))
    result = {}
    for doc_id, spans in per_doc.items():
        items = []
        for (start, end, code_id), (coding_id, first, last) in spans.items():
            units: tuple[int, ...] = ()
            if paragraphs:
                first = 0 if first is None else first
                units = (
                    (first,) if last is None or last == first else _between(db, doc_id, first, last)
                )
            items.append((start, end, code_id, coding_id, units))
        items.sort()
        result[doc_id] = items
    return result


def _between(db: sqlite_utils.Database, doc_id: int, first: int, last: int) -> tuple[int, ...]:
    """The paragraph starts from ``first`` to ``last`` (a span over several paragraphs)."""
    return tuple(
        r[0]
        for r in db.execute(
            "SELECT start FROM segments WHERE document_id = ? AND start >= ? AND start <= ?"
            " ORDER BY start",
            [doc_id, first, last],
        )
    )


def _overlaps(items: list[_Span]) -> list[tuple[_Span, _Span]]:
    """Every pair of spans of different codes that overlap (sort and sweep)."""
    found = []
    active: list[_Span] = []
    for span in items:
        active = [a for a in active if a[1] > span[0]]
        found.extend((a, span) for a in active if a[2] != span[2])
        active.append(span)
    return found


def _units(
    per_doc: dict[int, list[_Span]], mode: str
) -> tuple[dict[str, set], dict[tuple[str, str], set], dict[tuple[str, str], list]]:
    """Per code its units; per (A, B) the shared units and the places behind them."""
    per_code: dict[str, set] = defaultdict(set)
    shared: dict[tuple[str, str], set] = defaultdict(set)  # units of A holding B, keyed (A,B)
    places: dict[tuple[str, str], list] = defaultdict(list)
    if mode == "overlap":
        for doc_id, items in per_doc.items():
            for span in items:
                per_code[span[2]].add((doc_id, span[0], span[1]))
            for x, y in _overlaps(items):
                shared[(x[2], y[2])].add((doc_id, x[0], x[1]))
                shared[(y[2], x[2])].add((doc_id, y[0], y[1]))
                key = (x[2], y[2]) if x[2] < y[2] else (y[2], x[2])
                first, second = (x, y) if x[2] < y[2] else (y, x)
                places[key].append((doc_id, first, second))
        return per_code, shared, places
    for doc_id, items in per_doc.items():
        in_unit: dict[int, dict[str, list[_Span]]] = defaultdict(dict)
        for span in items:
            for unit in span[4]:
                in_unit[unit].setdefault(span[2], []).append(span)
                per_code[span[2]].add((doc_id, unit))
        for unit, by_code in in_unit.items():
            if len(by_code) < 2:
                continue
            for a, b in combinations(sorted(by_code), 2):
                shared[(a, b)].add((doc_id, unit))
                shared[(b, a)].add((doc_id, unit))
                places[(a, b)].append((doc_id, unit, by_code[a], by_code[b]))
    return per_code, shared, places


def _compute(
    db: sqlite_utils.Database,
    mode: str,
    code_ids: list[str] | None,
    scope: Scope | None,
) -> tuple[list[CodeInfo], Frame, dict, dict, dict, dict]:
    if mode not in MODES:
        raise NotFoundError(f"unknown co-occurrence mode {mode!r}: choose one of {MODES}")
    infos = codes(db, code_ids)
    fr = frame(db, scope)
    per_doc = _load(db, fr, scope, {c.id for c in infos}, mode == "paragraph")
    per_code, shared, places = _units(per_doc, mode)
    return infos, fr, per_doc, per_code, shared, places


def cooccurrence(
    db: sqlite_utils.Database,
    code_id: str | None = None,
    *,
    mode: str = "overlap",
    code_ids: list[str] | None = None,
    scope: Scope | None = None,
) -> Cooccurrence:
    """Ranked pairs of codes that co-occur; with ``code_id``, only that code's pairs.

    One code's overlaps are found in SQL (a range search of the document-ordered index
    per fragment of the code), so that view costs in proportion to the code, not to the
    whole project; the rest needs one pass over every live coding.
    """
    if code_id is not None and code_ids is not None and code_id not in code_ids:
        code_ids = [*code_ids, code_id]
    if code_id is not None and mode == "overlap":
        return _focus_overlap(db, code_id, code_ids, scope)
    infos, fr, _per_doc, per_code, shared, places = _compute(db, mode, code_ids, scope)
    by_id = {c.id: c for c in infos}
    if code_id is not None and code_id not in by_id:
        by_id[code_id] = codes(db, [code_id])[0]
        infos.append(by_id[code_id])
    pairs = []
    for (a, b), where in places.items():
        if code_id is not None and code_id not in (a, b):
            continue
        if code_id is not None and b == code_id:
            a, b = b, a  # the focus code first
        n_a, n_b = len(per_code[a]), len(per_code[b])
        in_a, in_b = len(shared[(a, b)]), len(shared[(b, a)])
        if mode == "overlap":
            count = len(where)
            jaccard = (in_a + in_b) / (n_a + n_b) if n_a + n_b else 0.0
        else:
            count = in_a
            jaccard = count / (n_a + n_b - count) if n_a + n_b - count else 0.0
        organisations = len({fr.document_org[place[0]] for place in where})
        pairs.append(
            Pair(
                a=by_id[a],
                b=by_id[b],
                count=count,
                organisations=organisations,
                share_a=in_a / n_a if n_a else 0.0,
                share_b=in_b / n_b if n_b else 0.0,
                jaccard=jaccard,
            )
        )
    pairs.sort(key=lambda p: (-p.count, -p.jaccard, p.a.name, p.b.name))
    units = {c.id: len(per_code.get(c.id, ())) for c in infos}
    return Cooccurrence(mode, infos, units, pairs, focus=code_id)


def _focus_overlap(
    db: sqlite_utils.Database,
    code_id: str,
    code_ids: list[str] | None,
    scope: Scope | None,
) -> Cooccurrence:
    """The overlap pairs of one code, computed in SQL; same figures as the full pass.

    Overlapping fragments of other codes are looked up per fragment of the code in
    ``codings_doc_live`` (document, start): those that start before the fragment ends
    and no further back than the longest coding, and end after it starts.
    """
    infos = codes(db, code_ids)
    by_id = {c.id: c for c in infos}
    if code_id not in by_id:
        by_id[code_id] = codes(db, [code_id])[0]
        infos.append(by_id[code_id])
    fr = frame(db, scope)
    coder_a = coder_b = ""
    coder_params: list[Any] = []
    if scope is not None and scope.coders is not None:
        marks = ", ".join("?" * len(scope.coders))
        coder_a, coder_b = f" AND a.coder IN ({marks})", f" AND b.coder IN ({marks})"
        coder_params = list(scope.coders)
    longest = db.execute(f'SELECT max(c."end" - c.start) FROM codings c WHERE {LIVE}').fetchone()
    overlaps: set[tuple[str, int, int, int, int, int]] = set()
    for b_code, doc_id, a_start, a_end, b_start, b_end in db.execute(
        f"""
        SELECT b.code_id, a.document_id, a.start, a."end", b.start, b."end"
        FROM codings a JOIN codings b
          ON b.document_id = a.document_id AND b.start < a."end"
         AND b.start >= a.start - ? AND b."end" > a.start
        WHERE a.code_id = ? AND {live("a")}{coder_a} AND {live("b")}{coder_b}
          AND b.code_id != ?
        """,
        [longest[0] or 0, code_id, *coder_params, *coder_params, code_id],
    ):
        if doc_id in fr.document_org and b_code in by_id:
            overlaps.add((b_code, doc_id, a_start, a_end, b_start, b_end))
    units: dict[str, int] = {}
    where = LIVE + (
        f" AND c.coder IN ({', '.join('?' * len(coder_params))})" if coder_params else ""
    )
    for doc_id, code, n in db.execute(
        "SELECT document_id, code_id, count(*) FROM (SELECT DISTINCT c.document_id, c.code_id,"
        f' c.start, c."end" FROM codings c WHERE {where}) GROUP BY document_id, code_id',
        coder_params,
    ):
        if doc_id in fr.document_org and code in by_id:
            units[code] = units.get(code, 0) + n
    grouped: dict[str, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for b_code, *rest in overlaps:
        grouped[b_code].append(tuple(rest))
    n_a = units.get(code_id, 0)
    pairs = []
    for b_code, found in grouped.items():
        n_b = units.get(b_code, 0)
        in_a = len({(d, s, e) for d, s, e, _, _ in found})
        in_b = len({(d, s, e) for d, _, _, s, e in found})
        pairs.append(
            Pair(
                a=by_id[code_id],
                b=by_id[b_code],
                count=len(found),
                organisations=len({fr.document_org[d] for d, *_ in found}),
                share_a=in_a / n_a if n_a else 0.0,
                share_b=in_b / n_b if n_b else 0.0,
                jaccard=(in_a + in_b) / (n_a + n_b) if n_a + n_b else 0.0,
            )
        )
    pairs.sort(key=lambda p: (-p.count, -p.jaccard, p.a.name, p.b.name))
    return Cooccurrence(
        "overlap", infos, {c.id: units.get(c.id, 0) for c in infos}, pairs, focus=code_id
    )


def places(
    db: sqlite_utils.Database,
    code_a: str,
    code_b: str,
    *,
    mode: str = "overlap",
    scope: Scope | None = None,
) -> list[Place]:
    """Drill down: every place where two codes co-occur, in document order."""
    _infos, fr, _per_doc, _per_code, _shared, found = _compute(
        db, mode, [code_a, code_b] if code_a != code_b else [code_a], scope
    )
    key = (code_a, code_b) if code_a < code_b else (code_b, code_a)
    result = []
    for place in found.get(key, []):
        doc_id = place[0]
        org = fr.organisations[fr.document_org[doc_id]].name
        if mode == "overlap":
            x, y = place[1], place[2]
            a, b = (x, y) if x[2] == code_a else (y, x)
            start, end = min(x[0], y[0]), max(x[1], y[1])
            result.append(Place(doc_id, org, start, end, [a[3]], [b[3]]))
        else:
            unit, spans_first, spans_second = place[1], place[2], place[3]
            spans_a, spans_b = (
                (spans_first, spans_second) if key[0] == code_a else (spans_second, spans_first)
            )
            start = unit
            end = max(s[1] for s in (*spans_a, *spans_b))
            result.append(
                Place(doc_id, org, start, end, [s[3] for s in spans_a], [s[3] for s in spans_b])
            )
    result.sort(key=lambda p: (p.organisation.casefold(), p.document_id, p.start))
    return result
