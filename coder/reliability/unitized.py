"""Krippendorff's alphas for unitizing a continuum: spans that readers choose themselves.

In qualitative coding nobody hands the coders ready-made units: each reader marks the
stretches of text they find relevant and codes them. Agreement then concerns both where
the units lie and what they are coded. Krippendorff's unitizing alphas compare the
coders' segmentations of one continuum [0, L) (here: characters of a document).

Each coder i partitions the continuum into sections: the units they marked, each with
its code c, and the gaps between them (value phi, "not coded"). Following Krippendorff,
Mathet, Bouvry & Widlöcher (2016) and Krippendorff (2019, section 12.6):

Observed coincidences, the lengths over which coder i's section of value c overlaps
coder j's section of value k, over all ordered pairs of coders::

    l_ck = 1 / (m - 1) * sum_i sum_{j != i} sum_g sum_h |s_ig (value c)  ∩  s_jh (value k)|

(the table sums to l.. = m L; l_c. is the total length all coders gave value c).

Expected coincidences, as if the same sections were placed at random, where a unit
cannot pair with itself: a unit of length l is indivisible (l ** 2 self-pairs), a gap is
divisible (l self-pairs)::

    e_ck = (l_c. l_.k - [c = k] S_c) / (l.. - S / l..)
    S_c = sum over sections of value c:  l_ig ** 2 for units,  l_ig for gaps;  S = sum_c S_c

Then, for nominal codes, alpha = 1 - D_o / D_e with D_o = sum_{c != k} l_ck / l.. and
D_e = sum_{c != k} e_ck / l.. . The variants differ in what they compare:

``variant="u"``  (_u alpha)
    Units and their codes together, gaps included: disagreeing on where a unit lies
    and on how it is coded both count.
``variant="binary"``  (|_u alpha; ATLAS.ti's "alpha binary")
    All codes collapsed into "coded": do coders agree on what is relevant at all?
    With ``codes=[k]`` this is the binary alpha of one code (k against everything else),
    which ATLAS.ti reports per code; with the codes of a semantic domain, per domain.
``variant="cu"``  (_cu alpha; ATLAS.ti's "cu-alpha")
    Coding given unitization: only the overlaps of coded sections enter (the table
    l_ck for c, k != phi), so it asks whether coders who both marked a stretch gave it
    the same code. The self-pair correction uses each unit's pairable part (its overlap
    with the other coders' coded sections) in place of its length. ATLAS.ti's global
    "Cu-alpha" is this coefficient computed with each code replaced by its semantic
    domain.

References
----------
Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of
unitizing textual continua: Further developments. Quality & Quantity, 50, 2347-2364.
Krippendorff, K. (2019). Content analysis: An introduction to its methodology (4th ed.),
section 12.6 (eqs. 32-37). Sage.
Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
Methodology, 25, 47-76 (the original u-alpha, replaced by the 2016 definition above,
which behaves as expected with more than two coders).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from numbers import Integral
from typing import Any, Literal

import numpy as np

from coder.reliability._common import AgreementResult, explained_by, undefined

Variant = Literal["u", "binary", "cu"]
VARIANTS: tuple[str, ...] = ("u", "binary", "cu")
_TOLERANCE = 1e-12


@dataclass(frozen=True)
class _Coder:
    """One coder's units: sorted, non-overlapping; ``values`` index ``Continuum.codes``."""

    starts: np.ndarray
    ends: np.ndarray
    values: np.ndarray


@dataclass(frozen=True)
class _Continuum:
    length: int
    coders: list[Hashable]
    codes: list[Hashable]  # value v >= 1 is codes[v - 1]; 0 is the gap
    units: list[_Coder]


def sorted_labels(labels: Iterable[Hashable]) -> list[Hashable]:
    """Distinct labels in a stable order, also when they do not compare (mixed types),
    so coders and codes keep one order across measures and runs."""
    distinct = set(labels)
    try:
        return sorted(distinct)  # type: ignore[type-var]
    except TypeError:
        return sorted(distinct, key=repr)


def _check_length(length: Any) -> int:
    if isinstance(length, bool) or not isinstance(length, Integral) or length <= 0:
        raise ValueError(f"length: expected a positive whole number of positions, got {length!r}")
    return int(length)


def _read_segments(
    segments: Iterable[Any], length: int
) -> list[tuple[Hashable, int, int, Hashable]]:
    rows = []
    for i, segment in enumerate(segments):
        try:
            coder, start, end, code = segment
        except (TypeError, ValueError):
            raise ValueError(
                f"segments[{i}]: expected (coder, start, end, code), got {segment!r}"
            ) from None
        for bound in (start, end):
            if isinstance(bound, bool) or not isinstance(bound, Integral):
                raise ValueError(f"segments[{i}]: start and end must be whole numbers")
        if not 0 <= start < end <= length:
            raise ValueError(
                f"segments[{i}]: the span [{start}, {end}) is empty or not inside "
                f"the continuum [0, {length})"
            )
        rows.append((coder, int(start), int(end), code))
    return rows


def _code_filter(codes: Any) -> set[Hashable] | None:
    if codes is None:
        return None
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Collection):
        return {codes}  # one code given on its own
    if not codes:
        raise ValueError("codes: is empty; pass None to compare all codes")
    return set(codes)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping spans (touching spans stay separate units)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _continuum(
    segments: Iterable[Any],
    length: Any,
    variant: str,
    codes: Any,
    coders: Collection[Hashable] | None,
) -> _Continuum:
    if variant not in VARIANTS:
        raise ValueError(f"variant: expected one of {', '.join(VARIANTS)}, got {variant!r}")
    size = _check_length(length)
    rows = _read_segments(segments, size)
    if coders is None:
        coder_list = sorted_labels(row[0] for row in rows)
    else:
        coder_list = list(coders)
        known = set(coder_list)
        if len(known) != len(coder_list):
            raise ValueError("coders: names a coder twice")
        for i, row in enumerate(rows):
            if row[0] not in known:
                raise ValueError(f"segments[{i}]: coder {row[0]!r} is not in coders")
    if len(coder_list) < 2:
        raise ValueError(
            f"coders: unitized alphas need two or more coders, got {len(coder_list)}; "
            "pass coders=[...] to include coders who marked nothing"
        )
    wanted = _code_filter(codes)
    if wanted is not None:
        rows = [row for row in rows if row[3] in wanted]
    code_list = ["coded"] if variant == "binary" else sorted_labels(row[3] for row in rows)
    value_of = {code: v + 1 for v, code in enumerate(code_list)}
    units = []
    for coder in coder_list:
        mine = [row for row in rows if row[0] == coder]
        if variant == "binary":
            spans = [(s, e, 1) for s, e in _merge([(s, e) for _, s, e, _ in mine])]
        else:
            spans = []
            for code in {row[3] for row in mine}:
                spans += [
                    (s, e, value_of[code])
                    for s, e in _merge([(s, e) for _, s, e, c in mine if c == code])
                ]
            spans.sort()
            for (s1, e1, v1), (s2, e2, v2) in pairwise(spans):
                if s2 < e1:
                    raise ValueError(
                        f"segments: coder {coder!r} coded [{s1}, {e1}) as "
                        f"{code_list[v1 - 1]!r} and [{s2}, {e2}) as {code_list[v2 - 1]!r}, "
                        "which overlap; these alphas need each coder's codes to exclude one "
                        "another (a semantic domain). Compare overlapping codes one at a "
                        "time with variant='binary', codes=[code]"
                    )
        array = np.array(spans, dtype=np.int64).reshape(-1, 3)
        units.append(_Coder(array[:, 0], array[:, 1], array[:, 2]))
    return _Continuum(size, coder_list, code_list, units)


def _layout(continuum: _Continuum) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut the continuum at every boundary of every coder.

    Returns the widths of the E elementary intervals, each coder's value on each
    (m x E, 0 = gap) and the index of the coder's unit covering it (m x E, -1 in gaps).
    """
    bounds = np.unique(
        np.concatenate([[0, continuum.length]] + [np.r_[c.starts, c.ends] for c in continuum.units])
    )
    lefts, widths = bounds[:-1], np.diff(bounds).astype(float)
    values = np.zeros((len(continuum.units), lefts.size), dtype=np.int64)
    unit_ids = np.full(values.shape, -1, dtype=np.int64)
    for i, coder in enumerate(continuum.units):
        if coder.starts.size == 0:
            continue
        index = np.searchsorted(coder.starts, lefts, side="right") - 1
        inside = (index >= 0) & (lefts < coder.ends[np.maximum(index, 0)])
        values[i, inside] = coder.values[index[inside]]
        unit_ids[i, inside] = index[inside]
    return widths, values, unit_ids


def _coincidences(widths: np.ndarray, values: np.ndarray, n_values: int) -> np.ndarray:
    """l_ck: over each elementary interval, every ordered pair of different coders."""
    m, e = values.shape
    counts = np.zeros((e, n_values))
    for row in values:
        counts[np.arange(e), row] += 1.0
    weighted = counts * widths[:, None]
    return (weighted.T @ counts - np.diag(weighted.sum(axis=0))) / (m - 1)


def _alpha(observed: np.ndarray, self_pairs: np.ndarray) -> tuple[float, float, float]:
    """(alpha, D_o, D_e) of a coincidence table and its self-pair correction S_c."""
    total = observed.sum()
    denominator = total - self_pairs.sum() / total
    if denominator <= 0:
        return np.nan, np.nan, 0.0
    expected = (
        np.outer(observed.sum(axis=1), observed.sum(axis=0)) - np.diag(self_pairs)
    ) / denominator
    d_o = (total - np.trace(observed)) / total
    d_e = (expected.sum() - np.trace(expected)) / total
    if d_e <= _TOLERANCE:
        return np.nan, d_o, d_e
    return 1.0 - d_o / d_e, d_o, d_e


def _unitized_result(
    segments: Iterable[Any],
    length: int,
    variant: Variant = "u",
    *,
    codes: Any = None,
    coders: Collection[Hashable] | None = None,
) -> AgreementResult:
    continuum = _continuum(segments, length, variant, codes, coders)
    measure = f"unitized_alpha[{variant}]"
    fields = {"n_units": continuum.length, "n_coders": len(continuum.coders)}
    n_values = len(continuum.codes) + 1
    widths, values, unit_ids = _layout(continuum)
    observed = _coincidences(widths, values, n_values)
    if variant != "cu":
        self_pairs = np.zeros(n_values)
        for coder in continuum.units:
            lengths = (coder.ends - coder.starts).astype(float)
            np.add.at(self_pairs, coder.values, lengths**2)
            self_pairs[0] += continuum.length - lengths.sum()  # gaps: linear
        alpha, d_o, d_e = _alpha(observed, self_pairs)
        if np.isnan(alpha):
            reason = (
                "no coder marked any section"
                if observed[1:, :].sum() == 0
                else "no variation: every position carries the same value for every coder"
            )
            return undefined(measure, reason, observed=d_o, expected=d_e, **fields)
        return AgreementResult(measure, alpha, observed=d_o, expected=d_e, **fields)
    coded = observed[1:, 1:]
    if coded.sum() == 0:
        return undefined(measure, "no coded sections of two different coders overlap", **fields)
    coverage = (values > 0).sum(axis=0)
    self_pairs = np.zeros(n_values - 1)
    for i, coder in enumerate(continuum.units):
        shared = (unit_ids[i] >= 0) & (coverage - (values[i] > 0) > 0)
        pairable = np.bincount(
            unit_ids[i][shared], weights=widths[shared], minlength=coder.starts.size
        )
        np.add.at(self_pairs, coder.values - 1, pairable**2)
    alpha, d_o, d_e = _alpha(coded, self_pairs)
    if np.isnan(alpha):
        return undefined(
            measure,
            "no variation: the overlapping coded sections all carry one code",
            observed=d_o,
            expected=d_e,
            **fields,
        )
    return AgreementResult(measure, alpha, observed=d_o, expected=d_e, **fields)


@explained_by(_unitized_result)
def unitized_alpha(
    segments: Iterable[Any],
    length: int,
    variant: Variant = "u",
    *,
    codes: Any = None,
    coders: Collection[Hashable] | None = None,
) -> float:
    """Krippendorff's alpha for spans that coders marked on one continuum.

    Use it when coders chose their own passages, as readers of a plan do; for
    predefined units (sentences, paragraphs) use :func:`krippendorff_alpha`. The
    formulas and what each variant asks are in the module docstring.

    Parameters
    ----------
    segments : iterable of (coder, start, end, code)
        The marked spans, half-open ``[start, end)`` in positions of the continuum
        (characters of one document). Overlapping spans of one coder with the same code
        are merged. For ``"u"`` and ``"cu"`` a coder's spans with different codes must
        not overlap (the codes form a semantic domain); ``"binary"`` merges them.
    length : int
        L, the length of the continuum [0, L); positions no coder marked are gaps.
    variant : {"u", "binary", "cu"}, default="u"
        Which coefficient of the family (module docstring).
    codes : code or collection of codes, optional
        Compare only these codes, as if the others had not been applied: one code for
        the per-code binary alpha, a semantic domain's codes for its alphas.
    coders : collection, optional
        All coders compared. Default: the coders named in ``segments``; pass it so that
        a coder who marked nothing counts (as all gap) rather than disappearing.

    Returns
    -------
    float
        Alpha, 1 for identical segmentations and codes. NaN when undefined: nobody
        marked anything (with these codes), no variation (``"cu"``: the overlapping
        sections carry one code only), or, for ``"cu"``, no overlapping coded sections.
        ``explain(unitized_alpha, ...)`` gives the reason.

    Raises
    ------
    ValueError
        For an unknown variant, a span outside [0, length) or empty, overlapping
        spans of one coder with different codes (``"u"``, ``"cu"``), fewer than two
        coders, or a coder in ``segments`` missing from ``coders``.

    References
    ----------
    Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). Quality &
    Quantity, 50, 2347-2364. Krippendorff, K. (2019). Content analysis (4th ed.),
    section 12.6.

    Examples
    --------
    Two coders mark one unit each on ten characters, one character apart at each end.
    l_phi-phi = 10, l_xx = 6, l_phi-x = l_x-phi = 2; S_phi = 12, S_x = 32;
    D_e l.. = 2 * 12 * 8 / (20 - 44/20), so alpha = 1 - 4 * 17.8 / 192:

    >>> spans = [("ann", 2, 6, "x"), ("ben", 3, 7, "x")]
    >>> round(unitized_alpha(spans, 10), 6)
    0.629167
    >>> unitized_alpha(spans, 10, "binary") == unitized_alpha(spans, 10)  # one code only
    True
    >>> unitized_alpha(spans + [("ann", 7, 9, "y"), ("ben", 7, 9, "y")], 10, "cu")
    1.0
    >>> unitized_alpha([("ann", 0, 4, "x"), ("ben", 0, 4, "y"), ("ann", 5, 9, "y"),
    ...                 ("ben", 5, 9, "x")], 10, "cu") < 0  # systematic disagreement
    True
    """
    return _unitized_result(segments, length, variant, codes=codes, coders=coders).value
