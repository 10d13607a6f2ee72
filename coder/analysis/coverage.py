"""Coverage: how many organisations mention a code, how much, and who never does.

Per organisation: fragments, codings, characters coded (overlaps counted once)
and that as a share of the organisation's plan text; and the organisations in
scope without a single fragment, which is often the finding itself.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from coder.analysis.base import (
    CodeInfo,
    Frame,
    Organisation,
    Scope,
    Span,
    code,
    codes,
    frame,
    spans,
    union_length,
)


@dataclass(slots=True)
class CoverageRow:
    organisation: Organisation
    fragments: int
    codings: int
    characters: int
    share: float  # of the organisation's plan text
    coders: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "organisation_id": self.organisation.id,
            "organisation": self.organisation.name,
            "fragments": self.fragments,
            "codings": self.codings,
            "characters": self.characters,
            "plan_characters": self.organisation.characters,
            "share": self.share,
            "coders": self.coders,
            "region": self.organisation.region,
            "functions": self.organisation.functions,
        }


@dataclass(slots=True)
class Coverage:
    code: CodeInfo
    rows: list[CoverageRow]  # organisations that mention the code, most fragments first
    absent: list[Organisation]  # organisations in scope that never mention it
    total_organisations: int

    @property
    def organisations(self) -> int:
        return len(self.rows)

    @property
    def fragments(self) -> int:
        return sum(r.fragments for r in self.rows)

    @property
    def codings(self) -> int:
        return sum(r.codings for r in self.rows)

    @property
    def characters(self) -> int:
        return sum(r.characters for r in self.rows)

    @property
    def organisation_share(self) -> float:
        return self.organisations / self.total_organisations if self.total_organisations else 0.0

    @property
    def median_fragments(self) -> float:
        """Median fragments per mentioning organisation (0 when none mentions the code)."""
        return statistics.median(r.fragments for r in self.rows) if self.rows else 0.0

    @property
    def median_share(self) -> float:
        return statistics.median(r.share for r in self.rows) if self.rows else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": asdict(self.code),
            "organisations": self.organisations,
            "total_organisations": self.total_organisations,
            "organisation_share": self.organisation_share,
            "fragments": self.fragments,
            "codings": self.codings,
            "characters": self.characters,
            "median_fragments": self.median_fragments,
            "median_share": self.median_share,
            "rows": [r.as_dict() for r in self.rows],
            "absent": [{"organisation_id": o.id, "organisation": o.name} for o in self.absent],
        }


def _coverage(info: CodeInfo, fr: Frame, code_spans: list[Span]) -> Coverage:
    per_org: dict[int, list[Span]] = defaultdict(list)
    for span in code_spans:
        per_org[fr.document_org[span.document_id]].append(span)
    rows = []
    for org_id, items in per_org.items():
        org = fr.organisations[org_id]
        chars = union_length((s.start, s.end) for s in items)
        coders = sorted({c for s in items for c in s.coders})
        rows.append(
            CoverageRow(
                organisation=org,
                fragments=len(items),
                codings=sum(len(s.coding_ids) for s in items),
                characters=chars,
                share=chars / org.characters if org.characters else 0.0,
                coders=coders,
            )
        )
    rows.sort(key=lambda r: (-r.fragments, -r.characters, r.organisation.name.casefold()))
    absent = [o for o in fr.ordered() if o.id not in per_org]
    return Coverage(info, rows, absent, len(fr.organisations))


def coverage(
    db: sqlite_utils.Database,
    code_id: str,
    *,
    scope: Scope | None = None,
    fr: Frame | None = None,
) -> Coverage:
    """Coverage of one code across the organisations in scope."""
    info = code(db, code_id)
    fr = fr or frame(db, scope)
    return _coverage(info, fr, spans(db, fr, scope, [code_id]))


def coverage_all(
    db: sqlite_utils.Database,
    code_ids: list[str] | None = None,
    *,
    scope: Scope | None = None,
) -> list[Coverage]:
    """Coverage of every code (or the given ones) from one read of the codings."""
    infos = codes(db, code_ids)
    fr = frame(db, scope)
    by_code: dict[str, list[Span]] = defaultdict(list)
    for span in spans(db, fr, scope, [c.id for c in infos]):
        by_code[span.code_id].append(span)
    return [_coverage(info, fr, by_code.get(info.id, [])) for info in infos]
