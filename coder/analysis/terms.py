"""Text mining per code: the corpus side of :mod:`coder.textmining`.

Reads the fragments of a code (distinct spans) and, for distinctive terms, the
term counts of the whole corpus in scope. Counting the corpus takes a few
seconds, so those counts are kept per database file and corpus state (which
documents, when ingested) for the life of the process; a re-ingest changes the
state and so the key.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from threading import Lock
from typing import Any

import sqlite_utils

from coder import textmining
from coder.analysis.base import (
    LIVE,
    CodeInfo,
    Frame,
    Scope,
    attribute,
    chunks,
    code,
    database_file,
    frame,
)
from coder.analysis.fragments import Fragment, fragments_by_id

_CACHE: dict[tuple, Counter] = {}
_LOCK = Lock()


@dataclass(slots=True)
class CodeText:
    """The fragments of one code as texts, with who they belong to."""

    coding_ids: list[int]
    organisation_ids: list[int]
    texts: list[str]
    terms: list[list[str]]


def code_texts(
    db: sqlite_utils.Database, code_id: str, fr: Frame, scope: Scope | None = None
) -> CodeText:
    params: list[Any] = [code_id]
    where = f"c.code_id = ? AND {LIVE}"
    if scope is not None and scope.coders is not None:
        where += f" AND c.coder IN ({', '.join('?' * len(scope.coders))})"
        params.extend(scope.coders)
    seen: dict[tuple[int, int, int], tuple[int, str]] = {}
    for coding_id, doc_id, start, end, text in db.execute(
        f'SELECT c.id, c.document_id, c.start, c."end", c.text FROM codings c WHERE {where}'
        " ORDER BY c.document_id, c.start, c.id",
        params,
    ):
        if doc_id in fr.document_org:
            seen.setdefault((doc_id, start, end), (coding_id, text))
    lem = textmining.lemmatizer()
    keys = list(seen)
    texts = [seen[k][1] for k in keys]
    return CodeText(
        coding_ids=[seen[k][0] for k in keys],
        organisation_ids=[fr.document_org[k[0]] for k in keys],
        texts=texts,
        terms=[lem.terms(t) for t in texts],
    )


def corpus_counts(db: sqlite_utils.Database, fr: Frame) -> Counter:
    """Term counts of all text of the documents in scope (cached per corpus state)."""
    ids = sorted(fr.document_org)
    # sha256 and size, not ingested_at: they come before the text in the row, so the
    # state is read without touching the documents' texts
    state = db.execute(
        "SELECT count(*), coalesce(group_concat(sha256), ''), coalesce(sum(size), 0)"
        f" FROM documents WHERE id IN ({', '.join(str(i) for i in ids) or 'NULL'})"
    ).fetchone()
    key = (database_file(db), tuple(ids), state)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    lem = textmining.lemmatizer()
    counts: Counter = Counter()
    for chunk in chunks(ids):
        for (text,) in db.execute(
            f"SELECT text FROM segments WHERE document_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            counts.update(lem.terms(text))
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = counts
    return counts


@dataclass(slots=True)
class CodeTerms:
    code: CodeInfo
    fragments: int
    tokens: int
    terms: list[textmining.Term]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": asdict(self.code),
            "fragments": self.fragments,
            "tokens": self.tokens,
            "terms": [t.as_dict() for t in self.terms],
        }


def code_terms(
    db: sqlite_utils.Database,
    code_id: str,
    *,
    top: int = 25,
    min_count: int = 3,
    scope: Scope | None = None,
) -> CodeTerms:
    """Terms distinctive of a code's fragments versus the rest of the corpus."""
    info = code(db, code_id)
    fr = frame(db, scope)
    texts = code_texts(db, code_id, fr, scope)
    target = textmining.count_terms(texts.terms)
    reference = corpus_counts(db, fr).copy()
    reference.subtract(target)
    reference = Counter({k: v for k, v in reference.items() if v > 0})
    terms = textmining.keyness(target, reference, top=top, min_count=min_count)
    return CodeTerms(info, len(texts.texts), sum(target.values()), terms)


@dataclass(slots=True)
class SubTheme:
    index: int
    terms: list[str]
    size: int
    weight: float
    organisations: list[str]
    representatives: list[Fragment]

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "terms": self.terms,
            "size": self.size,
            "weight": self.weight,
            "organisations": self.organisations,
            "representatives": [f.as_dict() for f in self.representatives],
        }


@dataclass(slots=True)
class CodeThemes:
    code: CodeInfo
    fragments: int
    themes: list[SubTheme]
    seed: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": asdict(self.code),
            "fragments": self.fragments,
            "seed": self.seed,
            "themes": [t.as_dict() for t in self.themes],
        }


def code_subthemes(
    db: sqlite_utils.Database,
    code_id: str,
    *,
    k: int | None = None,
    seed: int = 0,
    representatives: int = 3,
    scope: Scope | None = None,
) -> CodeThemes:
    """Sub-themes inside a code: clusters of its fragments with their organisations."""
    info = code(db, code_id)
    fr = frame(db, scope)
    texts = code_texts(db, code_id, fr, scope)
    themes = textmining.subthemes(texts.terms, k, seed=seed, representatives=representatives)
    wanted = [texts.coding_ids[i] for t in themes for i in t.representatives]
    found = fragments_by_id(db, wanted)
    result = []
    for theme in themes:
        orgs = sorted(
            {fr.organisations[texts.organisation_ids[i]].name for i in theme.members},
            key=str.casefold,
        )
        reps = [
            found[texts.coding_ids[i]]
            for i in theme.representatives
            if texts.coding_ids[i] in found
        ]
        result.append(
            SubTheme(theme.index, theme.terms, len(theme.members), theme.weight, orgs, reps)
        )
    return CodeThemes(info, len(texts.texts), result, seed)


def group_terms(
    db: sqlite_utils.Database,
    code_id: str,
    by: str,
    *,
    top: int = 10,
    min_count: int = 2,
    scope: Scope | None = None,
) -> dict[str, list[textmining.Term]]:
    """Within one code: per group of an attribute, the terms that set its fragments apart."""
    attr = attribute(by)
    fr = frame(db, scope)
    texts = code_texts(db, code_id, fr, scope)
    groups = [fr.organisations[o].values(attr.key) for o in texts.organisation_ids]
    return textmining.group_keyness(texts.terms, groups, top=top, min_count=min_count)
