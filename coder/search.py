"""Full-text search over the corpus (SQLite FTS5), and the spans of its hits.

Researchers type words, "phrases", prefixes (``vrijwillig*``) and AND/OR/NOT,
as in NVivo's text search. Dutch stop words are dropped from plain queries
(``de``, ``het``, ``een`` would match everything), and a prefix option turns
every word into a prefix. For "code all hits" each hit is resolved to exact
offsets: the matching words, their sentence, or their paragraph.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

import sqlite_utils
from spacy.lang.nl.stop_words import STOP_WORDS

from coder.errors import SearchQueryError

QUERY_HELP = 'use words, "a phrase", prefix* and AND / OR / NOT'
SPREADS = ("hit", "sentence", "paragraph")
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}
_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, as FTS5's unicode61 remove_diacritics 2."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(text: str, *, prefix: bool = False) -> str:
    """Turn what a researcher typed into an FTS5 query.

    Bare words that are Dutch stop words are dropped (unless the query has
    nothing else); with ``prefix`` every bare word matches as a prefix.
    Phrases, operators, parentheses and explicit ``*`` pass through.
    """
    if text.count('"') % 2:
        raise SearchQueryError(f'search query {text!r} is not valid (unbalanced "): {QUERY_HELP}')
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise SearchQueryError(f"empty search query: {QUERY_HELP}")
    content = [t for t in tokens if t not in _OPERATORS and t not in "()"]
    keep_stops = all(t.lower().rstrip("*") in STOP_WORDS for t in content)
    out: list[str] = []
    for token in tokens:
        if token in _OPERATORS or token in ("(", ")") or token.startswith('"'):
            out.append(token)
        elif token.lower() in STOP_WORDS and not keep_stops:
            continue
        elif prefix and not token.endswith("*"):
            out.append(f"{token}*")
        else:
            out.append(token)
    # an operator left dangling by a dropped stop word would be a syntax error
    while out and out[-1] in _OPERATORS:
        out.pop()
    while out and out[0] in _OPERATORS - {"NOT"}:
        out.pop(0)
    return " ".join(out)


@dataclass(slots=True)
class Hit:
    segment_id: int
    document_id: int
    document: str
    organisation: str | None
    page: int
    page_label: str | None
    section: str
    kind: str
    start: int
    end: int
    snippet: str
    #: absolute (start, end) offsets of the matching words in the document
    matches: list[tuple[int, int]] = field(default_factory=list)


def _patterns(query: str) -> list[list[tuple[str, bool]]]:
    """Word sequences to highlight: each a list of (folded word, is_prefix)."""
    patterns = []
    negate = False
    for token in _TOKEN.findall(query):
        if token == "NOT":
            negate = True
            continue
        if token in _OPERATORS or token in ("(", ")"):
            continue
        if not negate:
            words = _WORD.findall(token.strip('"'))
            if words:
                last_prefix = token.rstrip('"').endswith("*")
                patterns.append(
                    [(_fold(w), last_prefix and i == len(words) - 1) for i, w in enumerate(words)]
                )
        negate = False
    return patterns


def _matches(
    text: str, offset: int, patterns: list[list[tuple[str, bool]]]
) -> list[tuple[int, int]]:
    words = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
    found = []
    for pattern in patterns:
        for i in range(len(words) - len(pattern) + 1):
            ok = all(
                words[i + k][2].startswith(w) if is_prefix else words[i + k][2] == w
                for k, (w, is_prefix) in enumerate(pattern)
            )
            if ok:
                found.append((offset + words[i][0], offset + words[i + len(pattern) - 1][1]))
    return sorted(set(found))


def search(
    db: sqlite_utils.Database,
    text: str,
    *,
    limit: int = 100,
    document_id: int | None = None,
    prefix: bool = False,
) -> list[Hit]:
    """Segments matching the query, best first, with snippets and match offsets.

    A query SQLite cannot parse raises :class:`SearchQueryError` with a hint.
    """
    query = fts_query(text, prefix=prefix)
    if not query:
        raise SearchQueryError(f"no words to search for in {text!r}: {QUERY_HELP}")
    sql = """
        SELECT s.id AS segment_id, s.document_id, d.filename AS document, o.name AS organisation,
               s.page, p.label AS page_label, s.section, s.kind, s.start, s."end",
               snippet(segments_fts, 0, '[', ']', '…', 16) AS snippet, s.text AS body
        FROM segments_fts
        JOIN segments s ON s.id = segments_fts.rowid
        JOIN documents d ON d.id = s.document_id
        LEFT JOIN organisations o ON o.id = d.organisation_id
        LEFT JOIN pages p ON p.document_id = s.document_id AND p.number = s.page
        WHERE segments_fts MATCH ? {filter}
        ORDER BY rank LIMIT ?
    """
    params: list[object] = [query]
    where = ""
    if document_id is not None:
        where = "AND s.document_id = ?"
        params.append(document_id)
    params.append(limit)
    try:
        rows = list(db.query(sql.format(filter=where), params))
    except sqlite3.OperationalError as exc:
        raise SearchQueryError(f"search query {text!r} is not valid ({exc}): {QUERY_HELP}") from exc
    patterns = _patterns(query)
    hits = []
    for row in rows:
        body = row.pop("body")
        hits.append(Hit(**row, matches=_matches(body, row["start"], patterns)))
    return hits


def hit_spans(db: sqlite_utils.Database, hit: Hit, spread: str) -> list[tuple[int, int]]:
    """The spans to code for a hit: its matching words, their sentences or the paragraph."""
    if spread not in SPREADS:
        raise SearchQueryError(f"spread {spread!r} is not one of {', '.join(SPREADS)}")
    if spread == "paragraph" or not hit.matches:
        return [(hit.start, hit.end)]
    if spread == "hit":
        return list(hit.matches)
    sentences = db.execute(
        'SELECT start, "end" FROM sentences WHERE segment_id = ? ORDER BY start', [hit.segment_id]
    ).fetchall()
    spans = {
        (s, e) for s, e in sentences for m_start, m_end in hit.matches if s < m_end and m_start < e
    }
    return sorted(spans) or [(hit.start, hit.end)]
