"""Zakelijk deel versus inhoudelijk deel: which part of a plan a heading opens.

Pure: no database. The 2017 decree asks every plan for a content part (identity,
context, functions, objectives) and a business part (finances, staff,
infrastructure, governance), but imposes no layout, so the part is read from the
headings that ingest found. The rules, applied to the headings in reading order:

1. The *chapter* of a heading is the first component of its section path below
   the cover lines that every sectioned heading shares (the plan's title and the
   organisation's name, printed larger than the chapter headings, would otherwise
   make the whole plan one chapter); a numbered title is always a chapter.
2. A chapter that names the business part itself ("Zakelijk deel", "Zakelijk
   plan", "Zakelijk beleid", "Zakelijk luik", "Zakelijke gedeelte") starts the
   zakelijk deel: that chapter and everything after it are zakelijk.
3. A chapter that names a business topic is zakelijk: financ*, begroting,
   budget, personeel*, infrastructuur, huisvesting, *bestuur, organisatiestructuur,
   or a title that starts with "organisatie" ("Organisatie en goed bestuur").
4. Appendices (bijlage*) belong to the part before them.
5. Everything else, and text before the first heading, is inhoudelijk.

Numbering ("5", "5.2", "V.") is ignored, and so are case and accents (financiën).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

CONTENT = "inhoudelijk"
BUSINESS = "zakelijk"
PARTS = (CONTENT, BUSINESS)
SEPARATOR = " > "

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivxlc]{1,6}[.)]|[a-z][.)])\s+")
_BUSINESS_PART = re.compile(r"^zakelijke?\s+(deel|plan|beleid|luik|gedeelte|kader|informatie)\b")
_BUSINESS_TOPIC = re.compile(
    r"\b(financ\w*|begroting\w*|budget\w*|personeel\w*|infrastructuur\w*|huisvesting\w*|"
    r"\w*bestuur\w*|organisatiestructuur\w*)|^organisatie\b"
)
_APPENDIX = re.compile(r"^bijlage")


def fold(text: str) -> str:
    """Lower case without accents: 'Financiën' -> 'financien'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=8192)
def title_of(heading: str) -> str:
    """A heading without its numbering, folded: '5.2 Financieel plan' -> 'financieel plan'."""
    return _NUMBERING.sub("", fold(heading).strip(), count=1).strip()


@lru_cache(maxsize=8192)
def names_business_part(heading: str) -> bool:
    """Whether a chapter title announces the business part as a whole (rule 2)."""
    return bool(_BUSINESS_PART.match(title_of(heading)))


@lru_cache(maxsize=8192)
def names_business_topic(heading: str) -> bool:
    """Whether a chapter title is about finances, staff, infrastructure or governance (rule 3)."""
    title = title_of(heading)
    return bool(_BUSINESS_PART.match(title) or _BUSINESS_TOPIC.search(title))


def heading_parts(paths: Sequence[Sequence[str]]) -> list[str]:
    """The part each heading opens, given every heading's full path in reading order.

    A heading's full path is its ancestors' titles followed by its own title
    (ingest stores the ancestors in ``segments.section``).

    >>> heading_parts([["1 Missie"], ["2 Financieel plan"], ["2 Financieel plan", "2.1 Begroting"],
    ...                ["3 Werking"], ["4 Zakelijk deel"], ["4 Zakelijk deel", "4.1 Team"],
    ...                ["5 Bijlagen"]])
    ['inhoudelijk', 'zakelijk', 'zakelijk', 'inhoudelijk', 'zakelijk', 'zakelijk', 'zakelijk']
    """
    if not paths:
        return []
    shared = _shared_depth(paths)
    parts: list[str] = []
    in_business_part = False
    previous = CONTENT
    for path in paths:
        chapter = path[shared] if len(path) > shared else path[-1]
        if names_business_part(chapter):
            in_business_part = True
        if in_business_part or names_business_topic(chapter):
            part = BUSINESS
        elif _is_appendix(chapter):
            part = previous
        else:
            part = CONTENT
        parts.append(part)
        previous = part
    return parts


@lru_cache(maxsize=8192)
def _is_appendix(heading: str) -> bool:
    return bool(_APPENDIX.match(title_of(heading)))


def _shared_depth(paths: Sequence[Sequence[str]]) -> int:
    """How many leading titles sit above every chapter (cover lines: the plan's title, the
    organisation's name), so the chapters are found below them.

    A title is looked through when every heading that has sub-headings of its own lies
    under it, and it is not numbered ("2 Doelstellingen" is a chapter, not a cover line).
    Headings without sub-headings at that level (a table of contents, a foreword) do not
    stop it.
    """
    depth = 0
    while True:
        below = [p for p in paths if len(p) > depth + 1]
        if not below:
            return depth
        title = below[0][depth]
        if any(p[depth] != title for p in below) or _NUMBERING.match(fold(title)):
            return depth
        depth += 1


class PartMap:
    """The part of every offset of one document, from its headings.

    ``headings`` are (start offset, section path of the heading's ancestors,
    heading text) in reading order; a position takes the part of the last
    heading at or before it.
    """

    def __init__(self, headings: Sequence[tuple[int, str, str]]) -> None:
        paths = [
            [*(section.split(SEPARATOR) if section else []), text]
            for _start, section, text in headings
        ]
        # keep only the headings where the part changes: fewer steps to search
        self.starts: list[int] = []
        self.parts: list[str] = []
        for (start, _section, _text), part in zip(headings, heading_parts(paths), strict=True):
            if not self.parts or part != self.parts[-1]:
                self.starts.append(start)
                self.parts.append(part)

    def part_at(self, offset: int) -> str:
        """The part of the plan that holds ``offset`` (inhoudelijk before any heading)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.parts[i] if i >= 0 else CONTENT

    def business_share(self, length: int) -> float:
        """Share of the document's characters (0..``length``) that lie in the zakelijk deel."""
        if length <= 0:
            return 0.0
        total = 0
        for i, start in enumerate(self.starts):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else length
            if self.parts[i] == BUSINESS:
                total += max(0, min(end, length) - start)
        return total / length
