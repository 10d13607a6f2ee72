"""Business vs content alignment: do content ambitions reach the zakelijk deel?

For each organisation and code: fragments in the inhoudelijk deel, fragments in
the zakelijk deel (part detection: :mod:`coder.analysis.parts`), and whether the
zakelijk deel at least names the theme (full-text search for the code's
keywords). An organisation that writes about, say, Digitalisering in its
content part but whose budget, staff and infrastructure chapters neither code
nor name it has a *gap*: an ambition without means.

Status per organisation and code:
``aligned`` coded in both parts; ``mentioned`` coded in the content part and only
named (not coded) in the zakelijk deel; ``gap`` coded in the content part, absent
from the zakelijk deel; ``business only`` coded only in the zakelijk deel;
``absent`` not coded; ``no business part`` no zakelijk deel was detected in the
plan, so no gap can be claimed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils

from coder.analysis.base import CodeInfo, Organisation, Scope, codes, frame, part_maps, spans
from coder.analysis.parts import BUSINESS, CONTENT, fold

STATUSES = ("aligned", "mentioned", "gap", "business only", "absent", "no business part")
# Words (FTS5 prefixes) that name a theme in budget, staff or infrastructure text.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "digitalisering": ("digita*", "online", "ict", "software", "website*", "platform*"),
    "vrijwilligers": ("vrijwillig*",),
    "diversiteit-inclusie": ("divers*", "inclusi*", "toegankelijk*"),
    "internationale-werking": ("internationa*", "europ*", "buitenland*"),
    "innovatie-experiment": ("innova*", "experiment*", "vernieuw*"),
    "lokale-werking": ("afdeling*", "lokale", "lokaal", "regionaal", "regionale"),
    "communicatie-beeldvorming": ("communicatie*", "campagne*", "promotie*"),
    "samenwerking-netwerken": ("samenwerk*", "partner*", "netwerk*"),
    "participatie-bereik": ("deelnemer*", "bereik*", "participa*"),
    "doelgroepen": ("doelgroep*",),
    "brussel": ("brussel*",),
    "laboratoriumrol": ("laboratorium*", "experiment*"),
    "kritische-rol": ("kritisch*", "beleidsbe*"),
    "verbindende-rol": ("verbind*", "ontmoet*"),
}
# The content ambitions looked at when no codes are given: the Werking group.
AMBITION_GROUP = "werking"
_WORD = re.compile(r"^[a-z0-9]+\*?$")


def keywords_for(info: CodeInfo) -> list[str]:
    """The keywords of a code: from :data:`KEYWORDS`, else the start of its name's first word."""
    if info.id in KEYWORDS:
        return list(KEYWORDS[info.id])
    words = re.findall(r"[a-z0-9]+", fold(info.name))
    if not words:
        return []
    first = max(words, key=len)
    return [first[: max(4, len(first) - 2)] + "*"]


@dataclass(slots=True)
class AlignmentCell:
    organisation_id: int
    organisation: str
    code_id: str
    content: int  # fragments in the inhoudelijk deel
    business: int  # fragments in the zakelijk deel
    business_mentions: int  # zakelijk paragraphs naming the theme (coded or not)
    status: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Alignment:
    codes: list[CodeInfo]
    organisations: list[Organisation]
    cells: list[AlignmentCell]
    business_share: dict[int, float]  # per organisation: share of its text in the zakelijk deel
    keywords: dict[str, list[str]] = field(default_factory=dict)

    def gaps(self, code_id: str | None = None) -> list[AlignmentCell]:
        """Content ambitions without a counterpart in the zakelijk deel, most content first."""
        found = [
            c for c in self.cells if c.status == "gap" and (code_id is None or c.code_id == code_id)
        ]
        return sorted(found, key=lambda c: (-c.content, c.organisation.casefold()))

    def summary(self) -> list[dict[str, Any]]:
        """Per code: how many organisations are in each status."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for cell in self.cells:
            counts[cell.code_id][cell.status] += 1
        return [
            {"code_id": c.id, "code": c.name} | {s: counts[c.id][s] for s in STATUSES}
            for c in self.codes
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "codes": [asdict(c) for c in self.codes],
            "keywords": self.keywords,
            "summary": self.summary(),
            "business_share": {
                o.name: round(self.business_share.get(o.id, 0.0), 4) for o in self.organisations
            },
            "cells": [c.as_dict() for c in self.cells],
        }


def ambition_codes(db: sqlite_utils.Database) -> list[str]:
    """The default codes to check: those of the Werking group (all codes if there is none)."""
    from coder.codebook import codes_at

    current = codes_at(db)
    chosen = [c.id for c in current if c.parent_id == AMBITION_GROUP and not c.is_group]
    return chosen or [c.id for c in current if not c.is_group]


def _mentions(db: sqlite_utils.Database, words: list[str], parts: dict[int, Any]) -> Counter:
    """Per document: zakelijk segments whose text names one of ``words``."""
    clean = [w for w in (fold(w) for w in words) if _WORD.match(w)]
    if not clean:
        return Counter()
    query = "text : (" + " OR ".join(clean) + ")"
    found: Counter = Counter()
    for doc_id, start in db.execute(
        "SELECT s.document_id, s.start FROM segments_fts f JOIN segments s ON s.id = f.rowid"
        " WHERE segments_fts MATCH ?",
        [query],
    ):
        part_map = parts.get(doc_id)
        if part_map is not None and part_map.part_at(start) == BUSINESS:
            found[doc_id] += 1
    return found


def alignment(
    db: sqlite_utils.Database,
    code_ids: list[str] | None = None,
    *,
    keywords: dict[str, list[str]] | None = None,
    scope: Scope | None = None,
) -> Alignment:
    """Per organisation and code, presence in the inhoudelijk and the zakelijk deel."""
    infos = codes(db, code_ids if code_ids is not None else ambition_codes(db))
    fr = frame(db, scope)
    parts = part_maps(db, fr.document_org)
    business_share = {}
    for org in fr.organisations.values():
        business = sum(
            parts[d].business_share(fr.document_length[d]) * fr.document_length[d]
            for d in org.documents
        )
        business_share[org.id] = business / org.characters if org.characters else 0.0
    counts: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for span in spans(db, fr, scope, [c.id for c in infos]):
        org_id = fr.document_org[span.document_id]
        counts[(org_id, span.code_id)][parts[span.document_id].part_at(span.start)] += 1
    used_keywords = {c.id: (keywords or {}).get(c.id) or keywords_for(c) for c in infos}
    cells = []
    for info in infos:
        mentions = _mentions(db, used_keywords[info.id], parts)
        for org in fr.ordered():
            tally = counts.get((org.id, info.id), Counter())
            content, business = tally[CONTENT], tally[BUSINESS]
            named = sum(mentions[d] for d in org.documents)
            cells.append(
                AlignmentCell(
                    organisation_id=org.id,
                    organisation=org.name,
                    code_id=info.id,
                    content=content,
                    business=business,
                    business_mentions=named,
                    status=_status(content, business, named, business_share[org.id] > 0),
                )
            )
    return Alignment(infos, fr.ordered(), cells, business_share, used_keywords)


def _status(content: int, business: int, named: int, has_business_part: bool) -> str:
    if content and business:
        return "aligned"
    if business:
        return "business only"
    if not content:
        return "absent"
    if not has_business_part:
        return "no business part"
    return "mentioned" if named else "gap"
