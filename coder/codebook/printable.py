"""The codebook for readers: Markdown and a self-contained, printable HTML page.

Grouped as in the tree, each code with its definition, when to code it and when
not, example sentences and, once anything is coded, the number of codings (a
group shows the total of its subcodes). Pure: the caller passes the codes and
the counts.
"""

from __future__ import annotations

import html
import re

from coder.codebook.model import Code, depth, descendants, ordered

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Escape what Markdown would interpret, so a definition prints as written."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _totals(codes: list[Code], counts: dict[str, int]) -> dict[str, int]:
    """Codings per code, a code's subcodes included (what a reader of a group wants)."""
    return {
        code.id: counts.get(code.id, 0)
        + sum(counts.get(below, 0) for below in descendants(codes, code.id))
        for code in codes
    }


def to_markdown(codes: list[Code], counts: dict[str, int], *, title: str, subtitle: str) -> str:
    """The codebook as Markdown: a heading per code, criteria as labelled paragraphs."""
    codes = ordered(codes)
    by_id = {c.id: c for c in codes}
    totals = _totals(codes, counts)
    show_counts = any(counts.get(c.id) for c in codes)
    lines = [f"# {_md(title)}", "", _md(subtitle), ""]
    for code in codes:
        level = min(2 + depth(code, by_id), 6)
        short = f" ({_md(code.short_name)})" if code.short_name else ""
        lines += [f"{'#' * level} {_md(code.name)}{short}", ""]
        meta = [f"id `{code.id}`"]
        if code.colour:
            meta.append(f"kleur {code.colour}")
        if code.is_group:
            meta.append("groep, niet codeerbaar")
        if show_counts:
            meta.append(f"{totals[code.id]} coderingen")
        lines += [" · ".join(meta), ""]
        if code.definition:
            lines += [_md(code.definition), ""]
        if code.inclusion:
            lines += [f"**Wel coderen:** {_md(code.inclusion)}", ""]
        if code.exclusion:
            lines += [f"**Niet coderen:** {_md(code.exclusion)}", ""]
        if code.examples:
            lines += ["**Voorbeelden:**", ""]
            lines += [f"- _{_md(example)}_" for example in code.examples]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
.subtitle { color: #555; margin-top: 0; }
section.group { border-top: 3px solid var(--c, #999); margin-top: 2rem; }
section.group > h2 { margin: .6rem 0 .3rem; }
article { margin: 1.1rem 0; page-break-inside: avoid; break-inside: avoid; }
article h3, article h4 { margin: 0 0 .2rem; font-size: 1.1rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px;
          background: var(--c, transparent); border: 1px solid #0003; margin-right: .35em; }
.meta { color: #666; font-size: .85rem; margin: 0 0 .3rem; }
.label { font-weight: bold; }
ul.examples { margin: .2rem 0; } ul.examples li { font-style: italic; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; }
               section.group { page-break-before: auto; } a { color: inherit; } }
"""


def to_html(codes: list[Code], counts: dict[str, int], *, title: str, subtitle: str) -> str:
    """A standalone HTML page (inline CSS, prints well) with every text escaped."""
    codes = ordered(codes)
    by_id = {c.id: c for c in codes}
    totals = _totals(codes, counts)
    show_counts = any(counts.get(c.id) for c in codes)
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="subtitle">{e(subtitle)}</p>',
    ]
    open_sections = 0
    for code in codes:
        colour = f' style="--c: {e(code.colour)}"' if code.colour else ""
        meta = [f"id <code>{e(code.id)}</code>"]
        if code.short_name:
            meta.append(f"kort: {e(code.short_name)}")
        if show_counts:
            meta.append(f"{totals[code.id]} coderingen")
        body = [f'<p class="meta">{" · ".join(meta)}</p>']
        if code.definition:
            body.append(f"<p>{_paragraphs(code.definition)}</p>")
        if code.inclusion:
            body.append(
                f'<p><span class="label">Wel coderen:</span> {_paragraphs(code.inclusion)}</p>'
            )
        if code.exclusion:
            body.append(
                f'<p><span class="label">Niet coderen:</span> {_paragraphs(code.exclusion)}</p>'
            )
        if code.examples:
            items = "".join(f"<li>{e(example)}</li>" for example in code.examples)
            body.append(f'<ul class="examples">{items}</ul>')
        if code.is_group and depth(code, by_id) == 0:
            out.append("</section>" * open_sections)
            open_sections = 1
            out.append(f'<section class="group"{colour}><h2>{e(code.name)}</h2>')
            out.extend(body)
            continue
        heading = "h3" if depth(code, by_id) <= 1 else "h4"
        out.append(
            f'<article id="{e(code.id)}"{colour}><{heading}><span class="swatch"></span>'
            f"{e(code.name)}</{heading}>{''.join(body)}</article>"
        )
    out.append("</section>" * open_sections)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _paragraphs(text: str) -> str:
    """Escaped text whose blank lines become paragraph breaks."""
    return "</p><p>".join(html.escape(part) for part in re.split(r"\n\s*\n", text))
