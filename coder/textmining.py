"""Text mining on coded fragments: distinctive terms, sub-themes, terms per group.

Pure: texts and counts in, terms and themes out; no database, no files. Words are
reduced to lemmas with spaCy's Dutch lookup table (``spacy.blank("nl")`` with the
lookup lemmatizer from spacy-lookups-data: ``vrijwilligers`` -> ``vrijwilliger``),
and spaCy's Dutch stop words are dropped. Tokens come from a regular expression
rather than spaCy's tokenizer: the lookup lemmatizer only needs the word, and the
whole corpus (millions of words, the reference for distinctive terms) is counted
about 30 times faster this way.

- Distinctive terms: Dunning's log-likelihood G² (Dunning 1993; Rayson & Garside
  2000) of a term's frequency in the target versus a reference, with Hardie's
  (2014) log ratio as the effect size; only terms over-represented in the target.
- Sub-themes: NMF (Lee & Seung 1999) on TF-IDF of the fragments' lemmas,
  initialised with NNDSVD (Boutsidis & Gallopoulos 2008), so the result is
  deterministic for a seed; each fragment belongs to its strongest theme.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_LENGTH = 3


class Lemmatizer:
    """Dutch lemmas and stop words from spaCy, applied to regex tokens.

    Build it once (loading the lookup table takes a second): :func:`lemmatizer`.
    """

    def __init__(self, extra_stop_words: Iterable[str] = ()) -> None:
        import spacy
        from spacy.lang.nl.stop_words import STOP_WORDS

        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self._table = table
        self._cache: dict[str, str | None] = {}
        self.stop_words = frozenset(STOP_WORDS) | {w.lower() for w in extra_stop_words}

    def lemma(self, token: str) -> str | None:
        """The lemma of a lower-case token, or None for a stop word or a too-short word."""
        cached = self._cache.get(token, "")
        if cached != "":
            return cached
        result: str | None = None
        if len(token) >= MIN_LENGTH and token not in self.stop_words:
            lemma = self._table.get(token, token)
            if len(lemma) >= MIN_LENGTH and lemma not in self.stop_words:
                result = lemma
        if len(self._cache) < 500_000:
            self._cache[token] = result
        return result

    def terms(self, text: str) -> list[str]:
        """The lemmas of a text, in order, without stop words and words under 3 letters."""
        lemma = self.lemma
        return [t for t in (lemma(tok) for tok in TOKEN.findall(text.lower())) if t]


@lru_cache(maxsize=1)
def lemmatizer() -> Lemmatizer:
    """The shared lemmatizer (spaCy's tables load once per process)."""
    return Lemmatizer()


def count_terms(term_lists: Iterable[Sequence[str]]) -> Counter:
    """How often each term occurs over all the lists."""
    counts: Counter = Counter()
    for terms in term_lists:
        counts.update(terms)
    return counts


@dataclass(frozen=True, slots=True)
class Term:
    """A term distinctive of a target against a reference."""

    term: str
    count: int  # in the target
    reference_count: int
    g2: float  # log-likelihood: > 3.84 is p < 0.05, > 10.83 p < 0.001 (1 df)
    log_ratio: float  # log2 of the relative frequencies (0.5 added to a zero reference)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def keyness(
    target: Counter,
    reference: Counter,
    *,
    top: int = 25,
    min_count: int = 3,
) -> list[Term]:
    """Terms over-represented in ``target`` versus ``reference``, strongest G² first.

    >>> t = Counter({"vrijwilliger": 30, "werking": 10})
    >>> r = Counter({"vrijwilliger": 5, "werking": 200, "begroting": 100})
    >>> [term.term for term in keyness(t, r)]
    ['vrijwilliger']
    """
    c = sum(target.values())
    d = sum(reference.values())
    if c == 0 or d == 0:
        return []
    found = []
    for term, a in target.items():
        if a < min_count:
            continue
        b = reference.get(term, 0)
        if a / c <= b / d:
            continue
        e1 = c * (a + b) / (c + d)
        e2 = d * (a + b) / (c + d)
        g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))
        log_ratio = math.log2((a / c) / ((b if b else 0.5) / d))
        found.append(Term(term, a, b, g2, log_ratio))
    found.sort(key=lambda t: (-t.g2, t.term))
    return found[:top]


def group_keyness(
    term_lists: Sequence[Sequence[str]],
    groups: Sequence[str | Sequence[str]],
    *,
    top: int = 10,
    min_count: int = 2,
) -> dict[str, list[Term]]:
    """Per group, the terms distinctive of its texts against the texts of the other groups.

    ``groups[i]`` is the group of text ``i``, or several groups (a text of an
    organisation with two functions counts in both).
    """
    if len(groups) != len(term_lists):
        raise ValueError("groups: expected one group (or list of groups) per text")
    per_group: dict[str, Counter] = {}
    total: Counter = Counter()
    memberships = [[g] if isinstance(g, str) else list(g) for g in groups]
    for terms, names in zip(term_lists, memberships, strict=True):
        counts = Counter(terms)
        total.update(counts)
        for name in names:
            per_group.setdefault(name, Counter()).update(counts)
    result = {}
    for name, counts in per_group.items():
        rest = total.copy()
        rest.subtract(counts)
        rest = Counter({k: v for k, v in rest.items() if v > 0})
        result[name] = keyness(counts, rest, top=top, min_count=min_count)
    return result


@dataclass(slots=True)
class Theme:
    """A sub-theme: its top terms and the texts (by index) that belong to it."""

    index: int
    terms: list[str]
    members: list[int]  # texts whose strongest theme this is
    representatives: list[int]  # the members that load most on it, strongest first
    weight: float  # share of all theme weight

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_k(n: int) -> int:
    """Themes to look for in ``n`` texts: about sqrt(n / 20), between 2 and 8."""
    return min(8, max(2, round(math.sqrt(n / 20))))


def subthemes(
    term_lists: Sequence[Sequence[str]],
    k: int | None = None,
    *,
    seed: int = 0,
    top_terms: int = 8,
    representatives: int = 3,
) -> list[Theme]:
    """Sub-themes of a set of texts (already reduced to terms), largest first.

    Fewer than 6 texts, or too small a vocabulary, give no themes (an empty list).
    The same input and seed always give the same themes.
    """
    n = len(term_lists)
    if k is not None and k < 1:
        raise ValueError("k: expected at least 1 theme")
    if n < 6:
        return []
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        analyzer=lambda terms: terms,
        min_df=2 if n >= 20 else 1,
        max_df=0.95 if n >= 20 else 1.0,
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform([list(t) for t in term_lists])
    except ValueError:  # empty vocabulary
        return []
    vocabulary = vectorizer.get_feature_names_out()
    k = min(k or default_k(n), matrix.shape[1], n)
    if k < 1:
        return []
    model = NMF(n_components=k, init="nndsvd", random_state=seed, max_iter=500)
    weights = model.fit_transform(matrix)
    components = model.components_
    total = float(weights.sum()) or 1.0
    strongest = weights.argmax(axis=1)
    themes = []
    for t in range(k):
        members = [i for i in range(n) if weights[i].sum() > 0 and strongest[i] == t]
        ranked = sorted(members, key=lambda i: (-weights[i, t], i))
        order = components[t].argsort()[::-1][:top_terms]
        themes.append(
            Theme(
                index=t,
                terms=[str(vocabulary[j]) for j in order if components[t, j] > 0],
                members=members,
                representatives=ranked[:representatives],
                weight=float(weights[:, t].sum()) / total,
            )
        )
    themes = [t for t in themes if t.members]
    themes.sort(key=lambda t: (-len(t.members), t.index))
    for number, theme in enumerate(themes):
        theme.index = number
    return themes
