"""The code view: every fragment of one code across all plans, grouped by organisation.

What a researcher reads in the horizontal analysis: per organisation, each
fragment with the rest of the sentence(s) around it, the page it is on, its
section and part of the plan, who coded it and whether it is a key quote; with
filters on organisation attributes, coder, part and words in the fragment.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils

from coder.analysis.base import (
    LIVE,
    CodeInfo,
    Frame,
    Organisation,
    OrgFilter,
    Scope,
    chunks,
    code,
    frame,
    part_maps,
    union_length,
)
from coder.analysis.parts import fold
from coder.errors import NotFoundError

SORTS = ("organisation", "fragments", "share", "region", "fte", "subsidy", "branches")


@dataclass(slots=True)
class Fragment:
    """One span of the code, with its surroundings. ``coding_ids[0]`` stands for it."""

    coding_ids: list[int]
    document_id: int
    organisation_id: int
    organisation: str
    start: int
    end: int
    text: str
    before: str
    after: str
    page: int
    page_label: str | None
    section: str
    part: str
    coders: list[str]
    memos: list[str]
    key_quote: bool = False

    @property
    def coding_id(self) -> int:
        return self.coding_ids[0]

    @property
    def page_name(self) -> str:
        """The page as printed in the plan when known, else its physical number."""
        return self.page_label or str(self.page)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"coding_id": self.coding_id}


@dataclass(slots=True)
class OrganisationFragments:
    organisation: Organisation
    fragments: list[Fragment]
    characters: int
    share: float  # characters coded / characters of the organisation's documents

    def as_dict(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation.as_dict(),
            "characters": self.characters,
            "share": self.share,
            "fragments": [f.as_dict() for f in self.fragments],
        }


@dataclass(slots=True)
class CodeView:
    code: CodeInfo
    groups: list[OrganisationFragments]
    total_organisations: int  # organisations in scope that pass the filter
    unfiltered_fragments: int
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def fragments(self) -> list[Fragment]:
        return [f for g in self.groups for f in g.fragments]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": asdict(self.code),
            "organisations": len(self.groups),
            "total_organisations": self.total_organisations,
            "fragments": sum(len(g.fragments) for g in self.groups),
            "unfiltered_fragments": self.unfiltered_fragments,
            "filters": self.filters,
            "groups": [g.as_dict() for g in self.groups],
        }


def _matches_words(text: str, words: list[str]) -> bool:
    folded = fold(text)
    return all(w in folded for w in words)


def code_view(
    db: sqlite_utils.Database,
    code_id: str,
    *,
    where: OrgFilter | None = None,
    coders: list[str] | None = None,
    text: str | None = None,
    part: str | None = None,
    key_quotes_only: bool = False,
    sort: str = "organisation",
    descending: bool = False,
    context: int = 0,
    scope: Scope | None = None,
    fr: Frame | None = None,
) -> CodeView:
    """Every fragment of ``code_id``, grouped by organisation.

    ``context`` extra whole sentences are shown on each side, within the
    paragraph; ``text`` keeps fragments holding every word (case and accents
    ignored; a word also matches longer words: ``vrijwillig``); ``part`` keeps
    ``zakelijk`` or ``inhoudelijk`` fragments. ``sort`` orders the organisations
    (see ``SORTS``), fragments stay in document order.

    The codings are filtered first (a covering index read); sentences, pages and
    sections are then looked up for the fragments that remain.
    """
    if sort not in SORTS:
        raise NotFoundError(f"unknown sort {sort!r}: choose one of {', '.join(SORTS)}")
    info = code(db, code_id)
    fr = fr or frame(db, scope)
    keys = key_quote_ids(db, code_id)
    where = where or OrgFilter()
    words = [fold(w) for w in (text or "").split() if w.strip()]
    wanted_coders = set(coders) if coders else None
    params: list[Any] = [code_id]
    clause = "c.code_id = ?"
    if scope is not None and scope.coders is not None:
        clause += f" AND c.coder IN ({', '.join('?' * len(scope.coders))})"
        params.extend(scope.coders)
    merged = _merge(
        db.execute(
            f'SELECT c.id, c.document_id, c.start, c."end", c.coder, c.memo, c.text'
            f" FROM codings c WHERE {LIVE} AND {clause}",
            params,
        ),
        fr,
    )
    kept = []
    for item in merged:
        org = fr.organisations[fr.document_org[item["document_id"]]]
        if not where.matches(org):
            continue
        if wanted_coders is not None and not wanted_coders & set(item["coders"]):
            continue
        if words and not _matches_words(item["text"], words):
            continue
        item["key_quote"] = any(i in keys for i in item["coding_ids"])
        if key_quotes_only and not item["key_quote"]:
            continue
        kept.append(item)
    parts = part_maps(db, {i["document_id"] for i in kept})
    if part is not None:
        kept = [i for i in kept if parts[i["document_id"]].part_at(i["start"]) == part]
    kept.sort(key=lambda i: (i["document_id"], i["start"], i["end"]))
    by_org: dict[int, list[Fragment]] = defaultdict(list)
    for built in _fragments(db, kept, fr, parts, context):
        by_org[built.organisation_id].append(built)
    groups = []
    for org_id, fragments in by_org.items():
        org = fr.organisations[org_id]
        chars = union_length((f.start, f.end) for f in fragments)
        share = chars / org.characters if org.characters else 0.0
        groups.append(OrganisationFragments(org, fragments, chars, share))
    groups.sort(key=_sort_key(sort))
    if descending:
        groups.reverse()
    total = sum(1 for o in fr.organisations.values() if where.matches(o))
    filters = {
        "where": asdict(where),
        "coders": coders,
        "text": text,
        "part": part,
        "key_quotes_only": key_quotes_only,
        "sort": sort,
        "descending": descending,
    }
    return CodeView(info, groups, total, len(merged), filters)


def _merge(rows: Any, fr: Frame) -> list[dict[str, Any]]:
    """Codings of one span (two readers, same code) as one fragment; out-of-scope dropped."""
    merged: dict[tuple[int, int, int], dict[str, Any]] = {}
    for coding_id, doc_id, start, end, coder, memo, text in rows:
        if doc_id not in fr.document_org:
            continue
        item = merged.get((doc_id, start, end))
        if item is None:
            merged[(doc_id, start, end)] = {
                "document_id": doc_id,
                "start": start,
                "end": end,
                "text": text,
                "coding_ids": [coding_id],
                "coders": [coder],
                "memos": [memo] if memo else [],
            }
            continue
        item["coding_ids"].append(coding_id)
        if coder not in item["coders"]:
            item["coders"].append(coder)
        if memo:
            item["memos"].append(memo)
    return list(merged.values())


def _sort_key(sort: str) -> Any:
    def missing_last(value: float | None) -> tuple[bool, float]:
        return (value is None, value or 0.0)

    if sort == "organisation":
        return lambda g: g.organisation.name.casefold()
    if sort == "fragments":
        return lambda g: (-len(g.fragments), g.organisation.name.casefold())
    if sort == "share":
        return lambda g: (-g.share, g.organisation.name.casefold())
    if sort == "region":
        return lambda g: (g.organisation.region or "~", g.organisation.name.casefold())
    return lambda g: (missing_last(getattr(g.organisation, sort)), g.organisation.name.casefold())


def _section(segment: dict[str, Any] | None) -> str:
    if segment is None:
        return ""
    if segment["kind"] == "heading":
        return " > ".join(p for p in (segment["section"], segment["text"]) if p)
    return segment["section"]


_PLACE_SQL = """
    WITH f AS (
      SELECT c.id,
        (SELECT g.id FROM segments g WHERE g.document_id = c.document_id
           AND g.start <= c.start ORDER BY g.start DESC LIMIT 1) AS segment_id,
        (SELECT s.id FROM sentences s WHERE s.document_id = c.document_id
           AND s.start <= c.start ORDER BY s.start DESC LIMIT 1) AS first_sentence,
        (SELECT s.id FROM sentences s WHERE s.document_id = c.document_id
           AND s.start < c."end" ORDER BY s.start DESC LIMIT 1) AS last_sentence,
        (SELECT p.number || '|' || coalesce(p.label, '') FROM pages p
           WHERE p.document_id = c.document_id AND p.start <= c.start
           ORDER BY p.start DESC LIMIT 1) AS page
      FROM codings c WHERE c.id IN ({marks})
    )
    SELECT f.id, f.page, g.kind, g.section, g.text AS heading,
           s1.segment_id AS s1_segment, s1.seq AS s1_seq, s1.start AS s1_start,
           s1."end" AS s1_end, s1.text AS s1_text,
           s2.segment_id AS s2_segment, s2.seq AS s2_seq, s2.start AS s2_start,
           s2."end" AS s2_end, s2.text AS s2_text
    FROM f LEFT JOIN segments g ON g.id = f.segment_id
    LEFT JOIN sentences s1 ON s1.id = f.first_sentence
    LEFT JOIN sentences s2 ON s2.id = f.last_sentence
"""


def _places(db: sqlite_utils.Database, coding_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Per coding: its page, its section, and the sentences it starts and ends in.

    Each lookup is an index seek (segments, sentences and pages by document and
    start), a few microseconds per coding whatever the size of the plans; only
    the two boundary sentences' texts are read, never whole paragraphs.
    """
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(coding_ids):
        marks = ", ".join("?" * len(chunk))
        for row in db.query(_PLACE_SQL.format(marks=marks), chunk):
            found[row["id"]] = row
    return found


def _extra_sentences(
    db: sqlite_utils.Database, places: dict[int, dict[str, Any]], extra: int
) -> dict[int, list[tuple[int, str]]]:
    """Per segment, its sentences (seq, text), for segments where context is widened."""
    if extra <= 0:
        return {}
    ids = sorted(
        {p[k] for p in places.values() for k in ("s1_segment", "s2_segment") if p[k] is not None}
    )
    sentences: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for chunk in chunks(ids):
        for seg_id, seq, text in db.execute(
            f"SELECT segment_id, seq, text FROM sentences WHERE segment_id IN"
            f" ({', '.join('?' * len(chunk))}) ORDER BY segment_id, seq",
            chunk,
        ):
            sentences[seg_id].append((seq, text))
    return sentences


def _context(
    item: dict[str, Any],
    place: dict[str, Any],
    extra: int,
    sentences: dict[int, list[tuple[int, str]]],
) -> tuple[str, str]:
    """Text before and after a fragment: to the edges of its sentences, plus ``extra`` more."""
    start, end = item["start"], item["end"]
    before = after = ""
    if place.get("s1_start") is not None and place["s1_start"] <= start < place["s1_end"]:
        before = place["s1_text"][: start - place["s1_start"]]
        if extra:
            earlier = [
                t
                for seq, t in sentences.get(place["s1_segment"], [])
                if place["s1_seq"] - extra <= seq < place["s1_seq"]
            ]
            before = " ".join([*earlier, ""]) + before if earlier else before
    if place.get("s2_start") is not None and place["s2_start"] < end <= place["s2_end"]:
        after = place["s2_text"][end - place["s2_start"] :]
        if extra:
            later = [
                t
                for seq, t in sentences.get(place["s2_segment"], [])
                if place["s2_seq"] < seq <= place["s2_seq"] + extra
            ]
            after = " ".join([after, *later]) if later else after
    return before, after


def _fragments(
    db: sqlite_utils.Database,
    items: list[dict[str, Any]],
    fr: Frame,
    parts: dict[int, Any],
    context: int,
) -> list[Fragment]:
    places = _places(db, [i["coding_ids"][0] for i in items])
    sentences = _extra_sentences(db, places, context)
    result = []
    for item in items:
        place = places.get(item["coding_ids"][0], {})
        org_id = fr.document_org[item["document_id"]]
        before, after = _context(item, place, context, sentences)
        number, label = place["page"].split("|", 1) if place.get("page") else ("1", "")
        if place.get("kind") == "heading":
            section = " > ".join(p for p in (place["section"], place["heading"]) if p)
        else:
            section = place.get("section") or ""
        result.append(
            Fragment(
                coding_ids=item["coding_ids"],
                document_id=item["document_id"],
                organisation_id=org_id,
                organisation=fr.organisations[org_id].name,
                start=item["start"],
                end=item["end"],
                text=item["text"],
                before=before,
                after=after,
                page=int(number),
                page_label=label or None,
                section=section,
                part=parts[item["document_id"]].part_at(item["start"]),
                coders=item["coders"],
                memos=item["memos"],
                key_quote=item.get("key_quote", False),
            )
        )
    return result


def key_quote_ids(db: sqlite_utils.Database, code_id: str) -> set[int]:
    """Ids of the codings marked as key quotes of this code."""
    return {
        r[0]
        for r in db.execute(
            "SELECT coding_id FROM key_quotes WHERE code_id = ? AND removed_at IS NULL", [code_id]
        )
    }


def fragments_by_id(
    db: sqlite_utils.Database, coding_ids: list[int], *, context: int = 0
) -> dict[int, Fragment]:
    """Codings as fragments with their surroundings (quotes in summaries and reports).

    Deleted or orphaned codings, and codings outside the documents in scope, are
    missing from the result. ``key_quote`` says whether the coding is a key quote
    of its own code.
    """
    fr = frame(db)
    items = []
    for chunk in chunks(sorted(set(coding_ids))):
        rows = db.execute(
            f'SELECT c.id, c.document_id, c.start, c."end", c.coder, c.memo, c.text, c.code_id'
            f" FROM codings c WHERE {LIVE} AND c.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        keys = {
            (r[0], r[1])
            for r in db.execute(
                "SELECT coding_id, code_id FROM key_quotes WHERE removed_at IS NULL"
                f" AND coding_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        }
        for coding_id, doc_id, start, end, coder, memo, text, code_id in rows:
            if doc_id in fr.document_org:
                items.append(
                    {
                        "document_id": doc_id,
                        "start": start,
                        "end": end,
                        "text": text,
                        "coding_ids": [coding_id],
                        "coders": [coder],
                        "memos": [memo] if memo else [],
                        "key_quote": (coding_id, code_id) in keys,
                    }
                )
    parts = part_maps(db, {i["document_id"] for i in items})
    return {f.coding_id: f for f in _fragments(db, items, fr, parts, context)}
