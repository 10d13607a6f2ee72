"""Page layout: running headers and footers, columns and reading order.

Pure functions over :class:`~coder.ingest.pdf.Line` fragments, so each step
can be tested on a hand-made page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from coder.ingest.pdf import Line, PageContent

#: Share of the page height, at top and bottom, where headers and footers live.
MARGIN_ZONE = 0.1
PAGE_NUMBER = re.compile(
    r"^(?:(?:p|pag|pagina|page|blz)\.?\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?"
    r"(?:\s*(?:/|van|of|op)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _margin_key(line: Line, height: float) -> tuple[str, str]:
    zone = "top" if line.bottom <= height * MARGIN_ZONE else "bottom"
    return zone, _DIGITS.sub("#", line.text.lower()).strip()


def in_margin(line: Line, height: float) -> bool:
    return line.bottom <= height * MARGIN_ZONE or line.top >= height * (1 - MARGIN_ZONE)


def _body_size(pages: list[PageContent]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size)] += line.chars
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _isolated(line: Line, page: PageContent) -> bool:
    """No other line sits right above or below it: headers and footers stand apart,
    the last line of a column does not."""
    for other in page.lines:
        if other is line or other.x1 < line.x0 or other.x0 > line.x1:
            continue
        if abs(other.top - line.top) < 1.6 * max(line.size, other.size):
            return False
    return True


def _is_running(occurrences: list[tuple[int, Line]], threshold: int, body: float) -> bool:
    """Lines of one masked text in one margin zone: a running header or footer?

    They must recur on enough pages, at one fixed height, no bigger than body
    text, and either read the same everywhere or differ only by a number that
    moves with the page number ("Beleidsplan 2021-2025 | 12"). A chapter
    heading at the top of a page fails on size or position.
    """
    if len({page for page, _ in occurrences}) < threshold:
        return False
    if any(line.size > body * 1.1 for _, line in occurrences):
        return False
    tops = sorted(line.top for _, line in occurrences)
    median = tops[len(tops) // 2]
    if sum(abs(top - median) <= 3 for top in tops) < 0.8 * len(tops):
        return False
    texts = {line.text for _, line in occurrences}
    if len(texts) == 1:
        return True
    offsets = Counter()
    for page, line in occurrences:
        numbers = _DIGITS.findall(line.text)
        offsets[int(numbers[-1]) - page if numbers else None] += 1
    return offsets.most_common(1)[0][1] >= 0.8 * len(occurrences)


def _page_numbers(pages: list[PageContent]) -> dict[int, str]:
    """Margin lines that are printed page numbers: id(line) -> the number.

    A bare number in the margin is a page number only if it keeps step with
    the page: the printed number minus the physical page number is the same
    on most pages. A wrapped body line such as "2025" near the bottom fails that.
    """
    candidates: list[tuple[int, Line, str]] = []
    for page in pages:
        for line in page.lines:
            found = PAGE_NUMBER.match(line.text.strip()) if in_margin(line, page.height) else None
            if found:
                candidates.append((page.number, line, found.group(1)))
    offsets = Counter(int(number) - page for page, _, number in candidates)
    if not offsets:
        return {}
    offset, count = offsets.most_common(1)[0]
    if count < 2 and len(pages) > 2:
        return {}
    return {id(line): number for page, line, number in candidates if int(number) - page == offset}


def strip_running_lines(pages: list[PageContent]) -> dict[int, str]:
    """Remove running headers, footers and page numbers in place.

    Bare page numbers in the margin ("12", "p. 12", "- 12 -", "Pagina 12 van
    148") always go; other margin lines go when :func:`_is_running` says so.
    Returns the printed page number (label) found per page.
    """
    body = _body_size(pages)
    folios = _page_numbers(pages)
    groups: dict[tuple[str, str], list[tuple[int, Line]]] = {}
    for page in pages:
        for line in page.lines:
            if in_margin(line, page.height) and id(line) not in folios and _isolated(line, page):
                groups.setdefault(_margin_key(line, page.height), []).append((page.number, line))
    threshold = 2 if len(pages) <= 4 else 3
    running = {key for key, occ in groups.items() if _is_running(occ, threshold, body)}
    # Short chapters print their name in the running header on only a page or
    # two. The header and footer bands are where confirmed running lines and
    # page numbers sit; any small margin line inside a band is running too.
    bands: dict[str, tuple[float, float]] = {}
    for page in pages:
        for line in page.lines:
            if not in_margin(line, page.height):
                continue
            zone = _margin_key(line, page.height)[0]
            if _margin_key(line, page.height) in running or id(line) in folios:
                low, high = bands.get(zone, (line.top, line.bottom))
                bands[zone] = (min(low, line.top), max(high, line.bottom))
    for key, occurrences in groups.items():
        band = bands.get(key[0])
        if (
            key not in running
            and band
            and all(
                line.size <= body * 1.1
                and band[0] - 1 <= (line.top + line.bottom) / 2 <= band[1] + 1
                for _, line in occurrences
            )
        ):
            running.add(key)
    labels: dict[int, str] = {}
    # "Beleidsplan 2021-2025 | 12": a trailing number is a page label only if it varies
    trailing: dict[tuple[str, str], dict[int, str]] = {}
    for page in pages:
        kept = []
        for line in page.lines:
            if in_margin(line, page.height):
                if id(line) in folios:
                    labels.setdefault(page.number, folios[id(line)])
                    continue
                key = _margin_key(line, page.height)
                if key in running:
                    last = re.search(r"(\d{1,4})\s*$", line.text)
                    if last:
                        trailing.setdefault(key, {}).setdefault(page.number, last.group(1))
                    continue
            kept.append(line)
        page.lines = kept
    for per_page in trailing.values():
        if len(set(per_page.values())) > 1:
            for number, label in per_page.items():
                labels.setdefault(number, label)
    return labels


@dataclass(slots=True)
class Gutter:
    x0: float
    x1: float


def find_gutters(lines: list[Line], width: float) -> list[Gutter]:
    """Vertical white strips that separate text columns on a page.

    A strip qualifies when almost no line crosses it (full-width headings may),
    it lies in the inner part of the text area, and the lines on both sides
    are long relative to their column: short labels beside values in a table
    are not columns.
    """
    if len(lines) < 6:
        return []
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    span = right - left
    if span <= 0:
        return []
    steps = int(span) + 1
    cover = [0] * steps
    for ln in lines:
        for x in range(int(ln.x0 - left), min(steps, int(ln.x1 - left) + 1)):
            cover[x] += 1
    allowed = max(1, len(lines) // 10)
    gutters: list[Gutter] = []
    x = int(span * 0.2)
    end = int(span * 0.8)
    while x < end:
        if cover[x] <= allowed:
            start = x
            while x < steps and cover[x] <= allowed:
                x += 1
            if x - start >= 8:
                # narrow the strip to the white space around its middle: the
                # fringe may hold the ends of a few long lines
                mid = left + (start + x) / 2
                ends = [ln.x1 for ln in lines if ln.x1 <= mid]
                begins = [ln.x0 for ln in lines if ln.x0 >= mid]
                if ends and begins:
                    gutters.append(Gutter(max(ends), min(begins)))
        x += 1
    return [g for g in gutters if _separates_columns(lines, g, left, right)]


def _row_widths(lines: list[Line]) -> list[float]:
    """Widths of text rows: fragments on one baseline (a bullet and its text, the
    words of a widely justified line) count as one row."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top + ln.bottom) / 2):
        mid = (line.top + line.bottom) / 2
        if rows:
            last = rows[-1][0]
            if abs(mid - (last.top + last.bottom) / 2) < 0.5 * max(line.size, last.size):
                rows[-1].append(line)
                continue
        rows.append([line])
    return sorted(max(ln.x1 for ln in row) - min(ln.x0 for ln in row) for row in rows)


def _separates_columns(lines: list[Line], gutter: Gutter, left: float, right: float) -> bool:
    lefts = [ln for ln in lines if ln.x1 <= gutter.x0 + 1]
    rights = [ln for ln in lines if ln.x0 >= gutter.x1 - 1]
    if len(lefts) < 3 or len(rights) < 3:
        return False

    def median_width(group: list[Line]) -> float:
        widths = _row_widths(group)
        return widths[len(widths) // 2]

    col_left = gutter.x0 - min(ln.x0 for ln in lefts)
    col_right = max(ln.x1 for ln in rights) - gutter.x1
    return median_width(lefts) >= 0.6 * col_left and median_width(rights) >= 0.6 * col_right


def reading_order(lines: list[Line], width: float) -> list[tuple[int, Line]]:
    """Order a page's lines for reading, each with its column index.

    Lines crossing a gutter (titles, full-width boxes, tables) cut the page
    into bands; within a band each column is read top to bottom before the
    next. Fragments on one baseline within one column are merged.
    """
    gutters = find_gutters(lines, width)
    bounds = [(g.x0 + g.x1) / 2 for g in gutters]

    def column_of(line: Line) -> int | None:
        for gutter in gutters:
            mid = (gutter.x0 + gutter.x1) / 2
            if line.x0 < mid < line.x1:
                return None  # crosses this gutter: spans columns
        return sum(1 for b in bounds if line.x0 >= b)

    ordered: list[tuple[int, Line]] = []
    band: list[tuple[int, Line]] = []

    def flush_band() -> None:
        band.sort(key=lambda item: (item[0], item[1].top, item[1].x0))
        ordered.extend(_merge_same_baseline(band))
        band.clear()

    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        column = column_of(line)
        if column is None:
            flush_band()
            ordered.append((-1, line))
        else:
            band.append((column, line))
    flush_band()
    return ordered


def _merge_same_baseline(items: list[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """Cluster fragments of one column into rows, order each row left to right, merge."""
    rows: list[list[tuple[int, Line]]] = []
    for column, line in items:
        mid = (line.top + line.bottom) / 2
        if rows:
            first_col, first = rows[-1][0]
            first_mid = (first.top + first.bottom) / 2
            same_row = abs(mid - first_mid) < 0.5 * max(first.size, line.size)
            if first_col == column and same_row and first.table < 0 and line.table < 0:
                rows[-1].append((column, line))
                continue
        rows.append([(column, line)])
    merged: list[tuple[int, Line]] = []
    for row in rows:
        row.sort(key=lambda item: item[1].x0)
        column, line = row[0]
        for _, nxt in row[1:]:
            line = Line(
                page=line.page,
                text=f"{line.text} {nxt.text}",
                x0=line.x0,
                x1=max(line.x1, nxt.x1),
                top=min(line.top, nxt.top),
                bottom=max(line.bottom, nxt.bottom),
                size=max(line.size, nxt.size),
                bold=line.bold and nxt.bold,
                chars=line.chars + nxt.chars,
            )
        merged.append((column, line))
    return merged
