"""From ordered lines to segments: headings, paragraphs, list items and tables.

The result is the document's canonical full text (segments joined by a blank
line) with code-point offsets for every segment and every page, so that any
fragment is (document, start, end) and ``text[start:end]`` re-derives it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from coder.ingest.pdf import Line
from coder.ingest.tables import Table, table_text
from coder.ingest.textclean import Lexicon, clean_text, join_lines

SEPARATOR = "\n\n"
BULLET = re.compile(r"^(?:[•▪◦●○■□►▸‣∙·*–—-]|\d{1,2}[.)]|[a-z][.)])\s+\S")
TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d+$|\u2026+\s*\d+$")
SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)]?$")
HEADING_SIZE_RATIO = 1.12


@dataclass(slots=True)
class Segment:
    kind: str
    page: int
    page_end: int
    text: str
    start: int = 0
    end: int = 0
    level: int | None = None
    section: str = ""
    cells: list[list[str]] | None = None
    bbox: tuple[float, float, float, float] | None = None
    #: (page, offset within text) where each page's part of the segment begins
    page_starts: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Open:
    kind: str
    column: int
    lines: list[Line]
    level: int | None = None


@dataclass(slots=True)
class PageOrder:
    """One page's content in reading order: (column, line) pairs and its tables."""

    number: int
    items: list[tuple[int, Line]]
    tables: list[Table]


def body_size(pages: list[PageOrder]) -> float:
    """The font size carrying most characters: the size of body text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for _, line in page.items:
            if line.table < 0:
                sizes[round(line.size * 2) / 2] += line.chars
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_heading(line: Line, body: float) -> bool:
    text = line.text
    if len(text) > 160 or sum(c.isalpha() for c in text) < 2 or TOC_LINE.search(text):
        return False
    if line.size >= body * HEADING_SIZE_RATIO:
        return True
    return (
        line.bold
        and line.size >= body * 0.95
        and len(text.split()) <= 14
        and not text.endswith((".", ",", ";"))
    )


def _heading_levels(pages: list[PageOrder], body: float) -> dict[float, int]:
    sizes = sorted(
        {
            round(line.size * 2) / 2
            for page in pages
            for _, line in page.items
            if line.table < 0 and line.size >= body * HEADING_SIZE_RATIO and _is_heading(line, body)
        },
        reverse=True,
    )
    return {size: index + 1 for index, size in enumerate(sizes)}


def _pitch(pages: list[PageOrder], body: float) -> float:
    """The line pitch (leading) of body text within a paragraph.

    The smallest pitch that occurs often: the most common pitch can be the
    paragraph spacing in plans made of short paragraphs.
    """
    counts: Counter[float] = Counter()
    for page in pages:
        prev: tuple[int, Line] | None = None
        for column, line in page.items:
            if prev and prev[0] == column and line.table < 0 and abs(line.size - body) < 0.6:
                step = line.top - prev[1].top
                if 0 < step < 3 * body:
                    counts[round(step * 2) / 2] += 1
            prev = (column, line)
    if not counts:
        return body * 1.2
    floor = max(counts.values()) * 0.2
    return min(step for step, n in counts.items() if n >= floor)


def _column_edges(pages: list[PageOrder]) -> dict[tuple[int, int], tuple[float, float]]:
    """Left and right text edge of each column on each page (robust extremes)."""
    groups: dict[tuple[int, int], list[Line]] = {}
    for page in pages:
        for column, line in page.items:
            if line.table < 0:
                groups.setdefault((page.number, column), []).append(line)
    edges = {}
    for key, lines in groups.items():
        lefts = sorted(ln.x0 for ln in lines)
        rights = sorted(ln.x1 for ln in lines)
        edges[key] = (lefts[len(lefts) // 5], rights[(len(rights) * 4) // 5])
    return edges


def build_segments(pages: list[PageOrder]) -> tuple[str, list[Segment], dict[int, int]]:
    """Turn the document's ordered lines into segments and its full text.

    Returns (text, segments, page_start) where ``page_start[n]`` is the offset
    at which page ``n``'s content begins.
    """
    body = body_size(pages)
    levels = _heading_levels(pages, body)
    lowest = len(levels) + 1
    pitch = _pitch(pages, body)
    edges = _column_edges(pages)
    lexicon = Lexicon(line.text for page in pages for _, line in page.items if line.table < 0)

    segments: list[Segment] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            segments.append(_finish(current, lexicon))
            current = None

    for page in pages:
        for column, line in page.items:
            if line.table >= 0:
                close()
                table = page.tables[line.table]
                segments.append(
                    Segment(
                        kind="table",
                        page=page.number,
                        page_end=page.number,
                        text=table_text(table.rows),
                        cells=table.rows,
                        bbox=table.bbox,
                        page_starts=[(page.number, 0)],
                    )
                )
                continue
            line.text = clean_text(line.text)
            if not line.text:
                continue
            if _is_heading(line, body):
                level = levels.get(round(line.size * 2) / 2, lowest)
                if (
                    current is not None
                    and current.kind == "heading"
                    and current.level == level
                    and current.lines[-1].page == line.page
                    and line.top - current.lines[-1].bottom < 0.8 * line.size
                ):
                    current.lines.append(line)
                    continue
                close()
                current = _Open("heading", column, [line], level)
                continue
            if BULLET.match(line.text):
                close()
                current = _Open("list_item", column, [line])
                continue
            if current is not None and current.kind != "heading":
                prev = current.lines[-1]
                if _continues(current, prev, line, column, edges, pitch):
                    current.lines.append(line)
                    current.column = column
                    continue
            close()
            current = _Open("paragraph", column, [line])
    close()
    _assign_sections(segments)
    return _assemble(segments)


def _continues(
    current: _Open,
    prev: Line,
    line: Line,
    column: int,
    edges: dict[tuple[int, int], tuple[float, float]],
    pitch: float,
) -> bool:
    """Does ``line`` carry on the open paragraph or list item?"""
    if TOC_LINE.search(prev.text) or TOC_LINE.search(line.text):
        return False
    prev_text = prev.text
    if prev.page != line.page or current.column != column:
        # a paragraph running on into the next column or page: the sentence is
        # unfinished and the last line was full (or the next starts in lower case)
        if SENTENCE_END.search(prev_text) or abs(line.size - prev.size) > 0.6:
            return False
        _, prev_right = edges.get((prev.page, current.column), (prev.x0, prev.x1))
        return line.text[:1].islower() or not _room_for_next_word(prev, line, prev_right)
    if line.top - prev.top > pitch * 1.2 + 0.5 or abs(line.size - prev.size) > 0.6:
        return False
    left, right = edges.get((line.page, column), (prev.x0, prev.x1))
    if current.kind == "list_item":
        # continuation lines of an item hang indented under its text
        return line.x0 > current.lines[0].x0 + 2
    if line.x0 > left + 0.8 * line.size and SENTENCE_END.search(prev_text):
        return False  # first-line indent of a new paragraph
    return not (_room_for_next_word(prev, line, right) and SENTENCE_END.search(prev_text))


def _room_for_next_word(prev: Line, line: Line, right: float) -> bool:
    """Would the next line's first word have fitted on ``prev``? Then the break was deliberate.

    Character widths are estimated at half the font size, which errs on the
    side of keeping lines together.
    """
    first_word = line.text.split(" ", 1)[0]
    return right - prev.x1 > (len(first_word) + 1) * 0.5 * prev.size


def _finish(open_: _Open, lexicon: Lexicon) -> Segment:
    if open_.kind == "heading":
        text, starts = " ".join(ln.text for ln in open_.lines), None
    else:
        text, starts = join_lines([ln.text for ln in open_.lines], lexicon)
    first = open_.lines[0]
    page_starts: list[tuple[int, int]] = [(first.page, 0)]
    if starts is not None:
        for line, offset in zip(open_.lines, starts, strict=True):
            if line.page != page_starts[-1][0]:
                page_starts.append((line.page, offset))
    on_first = [ln for ln in open_.lines if ln.page == first.page]
    bbox = (
        min(ln.x0 for ln in on_first),
        min(ln.top for ln in on_first),
        max(ln.x1 for ln in on_first),
        max(ln.bottom for ln in on_first),
    )
    return Segment(
        kind=open_.kind,
        page=first.page,
        page_end=open_.lines[-1].page,
        text=text,
        level=open_.level,
        bbox=bbox,
        page_starts=page_starts,
    )


def _assign_sections(segments: list[Segment]) -> None:
    stack: list[tuple[int, str]] = []
    for segment in segments:
        if segment.kind == "heading":
            level = segment.level or 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            segment.section = " > ".join(text for _, text in stack)
            stack.append((level, segment.text))
        else:
            segment.section = " > ".join(text for _, text in stack)


def _assemble(segments: list[Segment]) -> tuple[str, list[Segment], dict[int, int]]:
    parts: list[str] = []
    offset = 0
    page_start: dict[int, int] = {}
    kept = []
    for segment in segments:
        if not segment.text:
            continue
        if parts:
            parts.append(SEPARATOR)
            offset += len(SEPARATOR)
        segment.start = offset
        segment.end = offset + len(segment.text)
        for page, inner in segment.page_starts:
            page_start.setdefault(page, offset + inner)
        parts.append(segment.text)
        offset = segment.end
        kept.append(segment)
    return "".join(parts), kept, page_start
