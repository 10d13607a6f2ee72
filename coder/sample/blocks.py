"""The content plan of one document: a flat list of typed blocks.

Why a plain data model between prose and PDF: tests can check the text and codes of all
131 plans without rendering 9,000 pages, and the renderer stays free of any wording
decisions. Every passage (a paragraph or list item that ends up in ``ground_truth.jsonl``)
has an id unique within its document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from coder.sample.organisations import Organisation
from coder.sample.styles import HouseStyle


@dataclass
class Passage:
    """A unit of ground truth: body text as a reader sees it, with its codes."""

    pid: int
    text: str
    codes: tuple[str, ...]
    kind: str = "paragraph"  # or "list_item"


@dataclass
class Heading:
    """A heading; level 1 is a chapter, 2 a section, 3 a subsection, 4 a run-in title."""

    level: int
    title: str
    number: str = ""
    zone: str = "inhoud"  # chapters only: "front", "inhoud" or "zakelijk" (layout choice)


@dataclass
class Para:
    """A body paragraph (``role`` "signature" is set ragged, e.g. the voorwoord signature)."""

    passage: Passage
    role: str = "body"


@dataclass
class BulletList:
    items: list[Passage]
    marker: str  # "bullet", "dash", "square" or "number"


@dataclass
class Box:
    """A shaded box with a title and a few paragraphs (a praktijk in the spotlight)."""

    title: str
    passages: list[Passage]


@dataclass
class Table:
    """A ruled table; the last ``total_rows`` rows are totals (set in bold)."""

    kind: str  # "budget", "fte", "swot", "overview"
    caption: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    numeric: list[bool]  # right-align these columns
    total_rows: int = 0


@dataclass
class ScanPage:
    """A page that exists only as an image (a signed letter, an annex)."""

    title: str
    lines: list[str]
    signer: str
    place_date: str


@dataclass
class PageBreak:
    pass


Block = Heading | Para | BulletList | Box | Table | ScanPage | PageBreak


@dataclass
class PlanDocument:
    """One organisation's beleidsplan as content: what the renderer turns into a PDF."""

    org: Organisation
    style: HouseStyle
    target_pages: int
    cover_lines: list[str]
    blocks: list[Block] = field(default_factory=list)

    def passages(self) -> Iterator[Passage]:
        """All passages in document order (paragraphs, box paragraphs and list items)."""
        for block in self.blocks:
            if isinstance(block, Para):
                yield block.passage
            elif isinstance(block, BulletList):
                yield from block.items
            elif isinstance(block, Box):
                yield from block.passages

    def headings(self) -> Iterator[Heading]:
        return (block for block in self.blocks if isinstance(block, Heading))

    def toc_entries(self) -> list[Heading]:
        """Headings listed in the table of contents (chapters and sections)."""
        return [h for h in self.headings() if h.level <= 2]

    def text(self) -> str:
        """All headings and passages as plain text, for consistency checks."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(f"{block.number} {block.title}".strip())
            elif isinstance(block, Table):
                parts.append(block.caption)
                parts.extend(" | ".join(row) for row in [block.header, *block.rows])
        parts.extend(p.text for p in self.passages())
        return "\n".join(parts)
