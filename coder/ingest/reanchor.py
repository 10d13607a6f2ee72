"""Keep codings attached when a plan's text changes on re-ingest.

A coding is (document, start, end) plus the text it had. After a changed
file is re-ingested, each coding is looked up by that text, nearest to where
it was; failing that, with whitespace ignored. A coding whose text is gone
is kept as it was and flagged ``orphaned`` for a person to look at: codings
are never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class Anchor:
    coding_id: int
    start: int
    end: int
    anchor: str  # ok, reanchored, orphaned


def _nearest(matches: list[tuple[int, int]], expected: float) -> tuple[int, int] | None:
    return min(matches, key=lambda span: abs(span[0] - expected)) if matches else None


def reanchor(
    old_length: int, new_text: str, codings: list[tuple[int, int, int, str]]
) -> list[Anchor]:
    """New positions for ``codings`` given as (id, start, end, text)."""
    scale = len(new_text) / old_length if old_length else 1.0
    anchors = []
    for coding_id, start, end, text in codings:
        if text and new_text[start:end] == text:
            anchors.append(Anchor(coding_id, start, end, "ok"))
            continue
        expected = start * scale
        exact = (
            [(m.start(), m.end()) for m in re.finditer(re.escape(text), new_text)] if text else []
        )
        span = _nearest(exact, expected)
        if span is None and text.strip():
            pattern = r"\s+".join(re.escape(word) for word in text.split())
            span = _nearest(
                [(m.start(), m.end()) for m in re.finditer(pattern, new_text)], expected
            )
        if span is None:
            anchors.append(Anchor(coding_id, start, end, "orphaned"))
        else:
            anchors.append(Anchor(coding_id, span[0], span[1], "reanchored"))
    return anchors
