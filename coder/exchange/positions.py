"""Character positions in exchange files versus coder's code-point offsets.

coder counts offsets in Unicode code points of ``documents.text`` (Python's
``text[start:end]``). REFI-QDA 1.5 §10.2 says code points too, but real tools
differ (see ``../shared/refi-qda/README.md``):

* NVivo counts UTF-16 code units, so every character outside the Basic
  Multilingual Plane (emoji, some symbols) counts twice;
* plain texts keep CR LF and most tools count it as two characters, while
  ATLAS.ti (per QualCoder's importer) counts it as one;
* a leading BOM is not counted.

Pure functions, no I/O: they turn positions in a file's units into offsets in
the text coder stores (LF line ends only) and back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

UNITS = ("codepoints", "utf16")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NEWLINES = re.compile(r"\r\n?")

PositionMap = Callable[[int], int | None]


def astral_positions(text: str) -> list[int]:
    """Code-point indexes of the characters outside the BMP (two UTF-16 units each)."""
    return [m.start() for m in _ASTRAL.finditer(text)]


def length_in(text: str, unit: str) -> int:
    """The length of ``text`` counted in ``unit``."""
    return len(text) + (len(astral_positions(text)) if unit == "utf16" else 0)


def from_units(text: str, unit: str) -> PositionMap:
    """Map a position counted in ``unit`` to a code-point index into ``text``.

    Returns None for a position outside the text or one that falls between the
    two halves of a surrogate pair (a sign that the unit is wrong).
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    length = len(text)
    astral = astral_positions(text) if unit == "utf16" else []
    if not astral:
        return lambda position: position if 0 <= position <= length else None
    # UTF-16 start of the j-th astral character: its code-point index plus j
    starts = [index + j for j, index in enumerate(astral)]
    total = length + len(astral)

    def convert(position: int) -> int | None:
        if not 0 <= position <= total:
            return None
        inside = bisect_left(starts, position - 1)
        if inside < len(starts) and starts[inside] == position - 1:
            return None  # the low half of a surrogate pair
        return position - bisect_right(starts, position - 2)

    return convert


def to_units(text: str, unit: str) -> Callable[[int], int]:
    """Map a code-point index into ``text`` to a position counted in ``unit``."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    astral = astral_positions(text) if unit == "utf16" else []
    if not astral:
        return lambda index: index
    return lambda index: index + bisect_left(astral, index)


def normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with CR LF and lone CR made LF, and the map from old to new indexes.

    Offsets must be applied to the text as the file has it and only then moved
    to the normalised text; normalising first would shift every later selection.
    """
    if "\r" not in text:
        return text, lambda index: index
    removed = [m.start() for m in _NEWLINES.finditer(text) if m.end() - m.start() == 2]
    normalised = _NEWLINES.sub("\n", text)
    return normalised, lambda index: index - bisect_left(removed, index)


def word_edges(text: str, spans: list[tuple[int, int]]) -> int:
    """How many spans start and end on a word boundary: evidence for the right unit.

    A person selects whole words; a span counted in the wrong unit is shifted by
    one character per astral character before it and mostly cuts words.
    """

    def edge(index: int) -> bool:
        if index <= 0 or index >= len(text):
            return True
        return not (text[index - 1].isalnum() and text[index].isalnum())

    return sum(1 for start, end in spans if edge(start) and edge(end))
