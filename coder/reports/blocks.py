"""Markdown as plain blocks and runs, for the DOCX and PDF writers.

HTML reports render Markdown with :func:`coder.summaries.render_markdown`; Word
and PDF need structure instead of HTML, so the same markdown-it parse is walked
into headings, paragraphs, list items, quotes and code, each a list of runs
(bold, italic, code, link). Raw HTML is not parsed (``html`` off): it stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(slots=True)
class Block:
    kind: str  # heading, paragraph, item, quote, code
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level, or list depth (1 = top)
    number: int | None = None  # ordered list position

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _runs(children: list) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", "")) or None
        elif kind == "link_close":
            href = None
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" " if kind == "softbreak" else "\n"))
        elif kind == "code_inline":
            runs.append(Run(token.content, bool(bold), bool(italic), True, href))
        elif kind == "image":
            runs.append(Run(f"[{token.content}]", bool(bold), bool(italic), False, href))
        elif token.content:
            runs.append(Run(token.content, bool(bold), bool(italic), False, href))
    return runs


def parse(text: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    blocks: list[Block] = []
    lists: list[list[int | None]] = []  # per open list: [next number or None]
    quote = 0
    pending: Block | None = None
    for token in _PARSER.parse(text or ""):
        kind = token.type
        if kind == "heading_open":
            pending = Block("heading", level=int(token.tag[1]))
        elif kind == "bullet_list_open":
            lists.append([None])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1][0] if lists else None
            if number is not None:
                lists[-1][0] = number + 1
            pending = Block("item", level=len(lists), number=number)
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "paragraph_open" and pending is None:
            pending = Block("quote" if quote else "paragraph")
        elif kind == "inline":
            block = pending or Block("quote" if quote else "paragraph")
            if block.runs:  # a second paragraph in one list item
                block.runs.append(Run(" "))
            else:
                blocks.append(block)
            block.runs.extend(_runs(token.children or []))
        elif kind in ("heading_close", "list_item_close"):
            pending = None
        elif kind == "paragraph_close":
            if pending is not None and pending.kind != "item":
                pending = None
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", [Run(token.content.rstrip("\n"), code=True)]))
        elif kind == "hr":
            blocks.append(Block("paragraph", [Run("—" * 3)]))
    return blocks
