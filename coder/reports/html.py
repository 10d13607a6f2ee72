"""Per-code and all-codes reports as one self-contained HTML file.

Everything from the database is escaped (``html.escape``), the summaries go
through the safe Markdown renderer (raw HTML off), charts are inline SVG, the
styles are inline: the file opens anywhere, offline, and carries no script.
"""

from __future__ import annotations

import re
from html import escape

from coder import summaries
from coder.reports import charts
from coder.reports.outline import (
    Chart,
    CodeStart,
    Element,
    Heading,
    Markdown,
    Note,
    Quote,
    Residual,
    Status,
    Table,
    Text,
)

STYLE = """
body{font-family:Helvetica,Arial,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ccc;
padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}th{background:#f3f6f8}
blockquote{margin:.8em 0;padding:.3em 1em;border-left:4px solid #2f6f8f;background:#f7fafb}
blockquote footer{color:#555;font-size:.9em;margin-top:.3em}
.note{color:#555;font-size:.92em}.status{font-weight:bold;color:#2f6f8f}
.pos{color:#1a7f37;font-weight:bold}.neg{color:#b42318;font-weight:bold}
section.code{page-break-before:always}
"""


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _markdown(text: str, below: int) -> str:
    """Safe HTML of Markdown, its headings moved below a section heading of level ``below``."""
    return _HEADING.sub(
        lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + below)}>",
        summaries.render_markdown(text),
    )


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[object]], numeric: set[int] = frozenset()) -> str:
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{_e(h)}</th>" for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{_e(c)}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object, numeric: bool) -> str:
    css = " class=n" if numeric else ""
    if isinstance(value, Residual) and value.value is not None and abs(value.value) >= 1.96:
        colour = "pos" if value.value > 0 else "neg"
        return f'<td{css}><span class="{colour}">{_e(value)}</span></td>'
    return f"<td{css}>{_e('' if value is None else value)}</td>"


def _table(table: Table) -> str:
    head = "".join(
        f"<th{' class=n' if i in table.numeric else ''}>{_e(h)}</th>"
        for i, h in enumerate(table.header)
    )
    body = "".join(
        "<tr>" + "".join(_cell(c, i in table.numeric) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _element(element: Element) -> str:
    match element:
        case Heading(text, depth):
            return f"<h{min(6, depth)}>{_e(text)}</h{min(6, depth)}>"
        case Text(text, label):
            return f"<p>{f'<strong>{_e(label)}</strong> ' if label else ''}{_e(text)}</p>"
        case Note(text):
            return f'<p class="note">{_e(text)}</p>'
        case Status(text):
            return f'<p class="status">{_e(text)}</p>'
        case Markdown(text, below):
            return _markdown(text, below)
        case Table():
            return _table(element)
        case Chart(chart):
            return charts.svg(chart)
        case Quote(text, source):
            return f"<blockquote><p>“{_e(text)}”</p><footer>{_e(source)}</footer></blockquote>"
        case _:  # pragma: no cover - a new kind of element (CodeStart is the document's)
            raise TypeError(f"no HTML for {element!r}")


def document(elements: list[Element], title: str) -> str:
    """One self-contained HTML file; each code of the all-codes report in its own
    section (a new page when printed)."""
    body: list[str] = []
    in_section = False
    for element in elements:
        if isinstance(element, CodeStart):
            if in_section:
                body.append("</section>")
            body.append('<section class="code">')
            in_section = True
        else:
            body.append(_element(element))
    if in_section:
        body.append("</section>")
    text = "\n".join(body)
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body>\n{text}\n</body></html>\n"
    )
