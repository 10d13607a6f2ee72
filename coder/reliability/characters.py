"""Character-level agreement per code and document, as NVivo's coding comparison reports it.

NVivo compares two coders (or groups) code by code and document by document, treating
every character of the document as a unit: for one code, each character is "coded" or
"not coded" by each coder. Its table shows, per code and document,

    agreement    = (characters both coded + characters neither coded) / L
    A and B, not A and not B, A not B, B not A  (as shares of L)
    kappa        = (p_o - p_e) / (1 - p_e),  p_o = agreement,
                   p_e = (a b + (L - a)(L - b)) / L ** 2

with a and b the characters each coder coded and L the document length: Cohen's kappa
over characters. For an overall figure across documents NVivo's guidance is to weight
each document's kappa (and agreement) by its length; :func:`average_agreement` does so.

One deliberate difference: where neither coder coded the document (or both coded all
of it) chance agreement is 1 and kappa is 0/0. NVivo shows 1 there; we return NaN with
a reason and leave that document out of the kappa average (its agreement, 100%, still
counts in the agreement average), because a code nobody applied says nothing about
whether coders apply it alike.

References
----------
Lumivero (QSR International). NVivo help: "Run a coding comparison query" and "How
is the Kappa coefficient calculated?" (the per-document kappa and the advice to average
by source size).
Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
Psychological Measurement, 20(1), 37-46.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from numbers import Integral
from typing import Any

NAN = math.nan


@dataclass(frozen=True)
class CharacterAgreement:
    """One code in one document: how two coders' characters compare.

    ``a`` and ``b`` are the characters each coder coded, ``both`` those both coded;
    ``agreement`` and ``kappa`` as in the module docstring (``kappa`` NaN with a
    ``reason`` when undefined).
    """

    length: int
    a: int
    b: int
    both: int
    agreement: float
    kappa: float
    reason: str | None = None
    document: Hashable | None = None
    code: Hashable | None = None

    @property
    def neither(self) -> int:
        return self.length - self.a - self.b + self.both

    @property
    def a_only(self) -> int:
        return self.a - self.both

    @property
    def b_only(self) -> int:
        return self.b - self.both

    @property
    def disagreement(self) -> float:
        """Share of characters coded by exactly one of the two coders."""
        return (self.a_only + self.b_only) / self.length


@dataclass(frozen=True)
class AverageAgreement:
    """Length-weighted averages over documents (see :func:`average_agreement`)."""

    kappa: float
    agreement: float
    n_documents: int
    n_undefined: int
    length: int
    reason: str | None = None


def _union(spans: Iterable[Any], length: int, name: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    checked = []
    for i, span in enumerate(spans):
        try:
            start, end = span
        except (TypeError, ValueError):
            raise ValueError(f"{name}[{i}]: expected (start, end), got {span!r}") from None
        if not (isinstance(start, Integral) and isinstance(end, Integral)):
            raise ValueError(f"{name}[{i}]: start and end must be whole numbers")
        if not 0 <= start < end <= length:
            raise ValueError(
                f"{name}[{i}]: the span [{start}, {end}) is empty or not inside [0, {length})"
            )
        checked.append((int(start), int(end)))
    for start, end in sorted(checked):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _intersection(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def character_agreement(
    spans_a: Iterable[Any],
    spans_b: Iterable[Any],
    length: int,
    *,
    document: Hashable | None = None,
    code: Hashable | None = None,
) -> CharacterAgreement:
    """Agreement and kappa over the characters of one document, for one code.

    Parameters
    ----------
    spans_a, spans_b : iterable of (start, end)
        The spans each coder coded with the code, half-open character offsets;
        overlapping or touching spans of one coder are merged.
    length : int
        Characters in the document (L > 0).
    document, code : optional
        Carried into the result, for tables.

    Returns
    -------
    CharacterAgreement
        Counts, agreement and kappa; kappa NaN (with ``reason``) when chance agreement
        is 1 because both coders coded none or all of the document.

    References
    ----------
    NVivo help, "How is the Kappa coefficient calculated?"; Cohen (1960).

    Examples
    --------
    Coder A codes characters 0-49 and B 25-74 of a 100-character document:
    a = b = 50, both = 25, neither = 25, so p_o = .5 and p_e = .5.

    >>> r = character_agreement([(0, 50)], [(25, 75)], 100)
    >>> r.agreement, r.kappa, r.disagreement
    (0.5, 0.0, 0.5)
    >>> r = character_agreement([], [], 100)
    >>> r.agreement, r.kappa, r.reason
    (1.0, nan, 'neither coder coded the document: chance agreement is 1, kappa is 0/0')
    """
    if isinstance(length, bool) or not isinstance(length, Integral) or length <= 0:
        raise ValueError(f"length: expected a positive whole number of characters, got {length!r}")
    union_a, union_b = _union(spans_a, length, "spans_a"), _union(spans_b, length, "spans_b")
    a, b = _covered(union_a), _covered(union_b)
    both = _intersection(union_a, union_b)
    p_o = (length - a - b + 2 * both) / length
    p_e = (a * b + (length - a) * (length - b)) / length**2
    if a == b and a in (0, length):
        state = "neither coder coded" if a == 0 else "both coders coded all of"
        reason: str | None = f"{state} the document: chance agreement is 1, kappa is 0/0"
        kappa = NAN
    else:
        reason, kappa = None, (p_o - p_e) / (1.0 - p_e)
    return CharacterAgreement(length, a, b, both, p_o, kappa, reason, document, code)


def coding_comparison(
    segments: Iterable[Any],
    lengths: Mapping[Hashable, int],
    coder_a: Hashable,
    coder_b: Hashable,
    *,
    codes: Iterable[Hashable] | None = None,
) -> list[CharacterAgreement]:
    """NVivo's coding comparison: one row per code and document, for two coders.

    Parameters
    ----------
    segments : iterable of (document, coder, start, end, code)
        Everyone's coded spans; rows of other coders are ignored.
    lengths : mapping of document -> int
        Length of every document compared; documents nobody coded count too (as
        agreement, with kappa NaN), as they do in NVivo's table.
    coder_a, coder_b : hashable
        The two coders (NVivo's "User A" and "User B").
    codes : iterable, optional
        Codes to compare. Default: every code either coder applied.

    Returns
    -------
    list of CharacterAgreement
        Sorted by code, then document (in the order of ``lengths``).

    Examples
    --------
    >>> rows = coding_comparison(
    ...     [("d1", "ann", 0, 50, "water"), ("d1", "ben", 25, 75, "water"),
    ...      ("d2", "ann", 0, 10, "water")],
    ...     {"d1": 100, "d2": 20}, "ann", "ben")
    >>> [(r.document, r.code, r.agreement, r.kappa) for r in rows]
    [('d1', 'water', 0.5, 0.0), ('d2', 'water', 0.5, 0.0)]
    """
    if coder_a == coder_b:
        raise ValueError("coder_b: is the same coder as coder_a")
    spans: dict[tuple[Hashable, Hashable, Hashable], list[tuple[int, int]]] = defaultdict(list)
    seen_codes = set()
    for i, segment in enumerate(segments):
        try:
            document, coder, start, end, code = segment
        except (TypeError, ValueError):
            raise ValueError(
                f"segments[{i}]: expected (document, coder, start, end, code), got {segment!r}"
            ) from None
        if coder not in (coder_a, coder_b):
            continue
        if document not in lengths:
            raise ValueError(f"segments[{i}]: document {document!r} has no entry in lengths")
        spans[(document, coder, code)].append((start, end))
        seen_codes.add(code)
    wanted = list(codes) if codes is not None else _ordered(seen_codes)
    return [
        character_agreement(
            spans.get((document, coder_a, code), []),
            spans.get((document, coder_b, code), []),
            length,
            document=document,
            code=code,
        )
        for code in wanted
        for document, length in lengths.items()
    ]


def _ordered(labels: set[Hashable]) -> list[Hashable]:
    try:
        return sorted(labels)  # type: ignore[type-var]
    except TypeError:
        return sorted(labels, key=repr)


def average_agreement(rows: Iterable[CharacterAgreement]) -> AverageAgreement:
    """Length-weighted average of kappa and agreement over documents.

    Kappa averages over the documents where it is defined; agreement over all of them
    (a document nobody coded is full agreement). Both weight each document by its
    length, so a long plan counts more than a one-page annex.

    Examples
    --------
    >>> rows = [character_agreement([(0, 50)], [(0, 50)], 100),   # kappa 1, agreement 1
    ...         character_agreement([(0, 50)], [(25, 75)], 100),  # kappa 0, agreement .5
    ...         character_agreement([], [], 600)]                  # kappa NaN, agreement 1
    >>> avg = average_agreement(rows)
    >>> avg.kappa, avg.agreement, avg.n_undefined  # (1 + 0) / 2; (100 + 50 + 600) / 800
    (0.5, 0.9375, 1)
    """
    rows = list(rows)
    total = sum(row.length for row in rows)
    defined = [row for row in rows if row.reason is None]
    weight = sum(row.length for row in defined)
    undefined_count = len(rows) - len(defined)
    if not rows:
        return AverageAgreement(NAN, NAN, 0, 0, 0, "no documents")
    agreement = sum(row.agreement * row.length for row in rows) / total
    if not defined:
        return AverageAgreement(
            NAN,
            agreement,
            len(rows),
            undefined_count,
            total,
            "kappa is undefined in every document",
        )
    kappa = sum(row.kappa * row.length for row in defined) / weight
    return AverageAgreement(kappa, agreement, len(rows), undefined_count, total)


def average_by_code(rows: Iterable[CharacterAgreement]) -> dict[Hashable, AverageAgreement]:
    """:func:`average_agreement` per code, in first-seen order."""
    groups: dict[Hashable, list[CharacterAgreement]] = {}
    for row in rows:
        groups.setdefault(row.code, []).append(row)
    return {code: average_agreement(group) for code, group in groups.items()}
