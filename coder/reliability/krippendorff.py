"""Krippendorff's alpha for coders x units data, at the four levels of measurement.

alpha = 1 - D_o / D_e, where D_o is the disagreement observed between values that
coders gave the same unit and D_e the disagreement expected when the same values are
paired by chance. Both rest on the coincidence matrix o_ck: every ordered pair of values
(c, k) that two coders gave one unit, weighted 1 / (m_u - 1) where m_u is the number of
coders who coded unit u. Units coded by fewer than two coders are not pairable and drop
out, which is how alpha handles missing data.

    D_o = (1 / n) sum_c sum_k o_ck delta2_ck
    D_e = 1 / (n (n - 1)) sum_c sum_k n_c n_k delta2_ck

with n_c the marginals of o_ck (how often value c is pairable) and n their total. The
difference functions delta2_ck are

    nominal   1 if c != k else 0
    ordinal   (sum_{g=c..k} n_g - (n_c + n_k) / 2) ** 2
    interval  (c - k) ** 2
    ratio     ((c - k) / (c + k)) ** 2

Speed: o_ck is tabulated without a loop over units. The values of each unit are
counted with one ``bincount`` (units x values), and o = C' W C - diag(sum_u w_u n_u.)
with w_u = 1 / (m_u - 1) is a single matrix product; small non-negative integer codes
(the usual case) skip the sort of ``np.unique``. D_e needs only the marginals n_c.
When there are too many distinct values for a table (interval data), D_o is summed
over the pairs of coders instead. A 5 x 200,000 matrix takes some tens of
milliseconds (``benchmarks/reliability.py``).

References
----------
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School
for Communication, University of Pennsylvania. https://repository.upenn.edu/asc_papers/43
Krippendorff, K. (2019). Content analysis: An introduction to its methodology (4th ed.),
chapter 12. Sage.
Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability
measure for coding data. Communication Methods and Measures, 1(1), 77-89.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from coder.reliability._common import AgreementResult, explained_by, read_ratings, undefined

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")
_RATIO_BLOCK = 1 << 22  # cells per block when D_e of ratio data needs the V x V sum
_SMALL_CODES = 4096  # non-negative integer values below this are their own codes
_TABLE_CELLS = 1 << 23  # largest units x values (and values x values) table built


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level: expected one of {', '.join(LEVELS)}, got {level!r}")


@dataclass(frozen=True)
class _Table:
    """The data's values as codes, masked to the pairable ones, and (if small) o_ck.

    ``distinct`` lists the pairable values (sorted), ``n_c`` how often each occurs;
    ``o`` is the V x V coincidence matrix, or None when V is too large to tabulate
    (then D_o is summed pair of coders by pair of coders instead).
    """

    values: np.ndarray  # coders x units, NaN missing
    missing: np.ndarray  # missing or unpairable (the unit's only value)
    m_u: np.ndarray  # pairable values per unit (0 for units with fewer than two)
    n_units: int  # pairable units
    codes: np.ndarray  # index into distinct; undefined where missing
    distinct: np.ndarray
    n_c: np.ndarray
    o: np.ndarray | None


def _tabulate(values: np.ndarray) -> _Table:
    missing = np.isnan(values)
    m_u = values.shape[0] - np.count_nonzero(missing, axis=0)
    keep = m_u >= 2
    if not keep.all():  # mask rather than copy the pairable columns: copying is slower
        missing |= ~keep
        m_u = np.where(keep, m_u, 0)
    filled = np.where(missing, 0.0, values)
    if (
        filled.size
        and filled.min() >= 0
        and filled.max() < _SMALL_CODES
        and np.array_equal(filled, np.trunc(filled))
    ):
        # the usual case, codes 0..k: the values are their own codes, no sort needed
        codes = filled.astype(np.int64)
        distinct = np.arange(int(filled.max()) + 1, dtype=float)
    else:
        distinct, inverse = np.unique(values[~missing], return_inverse=True)
        codes = np.zeros(values.shape, dtype=np.int64)
        codes[~missing] = inverse
    size, units = distinct.size, values.shape[1]
    o = None
    if units * (size + 1) <= _TABLE_CELLS and size * size <= _TABLE_CELLS:
        # per-unit value counts n_uc; missing values go to an extra column, dropped
        slots = np.where(missing, size, codes) + (size + 1) * np.arange(units)
        counts = np.bincount(slots.ravel(), minlength=units * (size + 1))
        counts = counts.reshape(units, size + 1)[:, :size].astype(float)
        weighted = counts * _unit_weights(m_u)[:, None]
        o = weighted.T @ counts - np.diag(weighted.sum(axis=0))
        n_c = o.sum(axis=1)
    else:
        n_c = np.bincount(codes[~missing], minlength=size).astype(float)
    used = n_c > 0
    if not used.all():
        remap = np.cumsum(used) - 1
        codes = remap[codes]
        distinct, n_c = distinct[used], n_c[used]
        o = o[np.ix_(used, used)] if o is not None else None
    return _Table(values, missing, m_u, int(keep.sum()), codes, distinct, n_c, o)


def _unit_weights(m_u: np.ndarray) -> np.ndarray:
    """1 / (m_u - 1) for pairable units, 0 for the others."""
    return np.divide(1.0, m_u - 1.0, out=np.zeros(m_u.shape), where=m_u >= 2)


def _alpha_result(data: Any, level: Level = "nominal") -> AgreementResult:
    check_level(level)
    ratings = read_ratings(data, numeric=level != "nominal", level=level)
    if level == "ratio" and np.nanmin(ratings.values, initial=0.0) < 0:
        raise ValueError("data: level='ratio' needs values >= 0 (a ratio scale has a true zero)")
    table = _tabulate(ratings.values)
    measure = f"krippendorff_alpha[{level}]"
    fields = {"n_units": table.n_units, "n_coders": ratings.n_coders}
    if table.n_units == 0:
        return undefined(measure, "no unit was coded by two or more coders", **fields)
    if table.distinct.size == 1:
        return undefined(
            measure,
            "no variation: every pairable value is the same, so expected disagreement is zero",
            **fields,
        )
    if table.n_units == 1:
        return undefined(measure, "only one unit is pairable; alpha needs two or more", **fields)
    if level == "ordinal":
        # the ordinal delta is the interval delta between mid-ranks of the pairable values
        points, metric = np.cumsum(table.n_c) - table.n_c / 2.0, "interval"
    else:
        points, metric = table.distinct, level
    n = float(table.n_c.sum())
    if table.o is not None:
        delta = _delta(points[:, None], points[None, :], metric)
        d_o = float((table.o * delta).sum()) / n
    else:
        ranked = np.where(table.missing, np.nan, points[table.codes])
        d_o = _observed_sum(ranked, table.m_u, metric) / n
    d_e = _expected_sum(points, table.n_c, metric) / (n * (n - 1.0))
    return AgreementResult(
        measure=measure, value=1.0 - d_o / d_e, observed=d_o, expected=d_e, **fields
    )


def _delta(a: np.ndarray, b: np.ndarray, level: str) -> np.ndarray:
    if level == "nominal":
        return (a != b).astype(float)
    if level == "interval":
        return (a - b) ** 2
    total = a + b
    ratio = np.divide(a - b, total, out=np.zeros(np.broadcast(a, b).shape), where=total != 0)
    return ratio**2


def _observed_sum(values: np.ndarray, m_u: np.ndarray, level: str) -> float:
    """sum_c sum_k o_ck delta_ck, summed pair of coders by pair of coders (large V)."""
    weight = 2.0 * _unit_weights(m_u)  # both orders of each pair, each 1 / (m_u - 1)
    present = ~np.isnan(values)
    total = 0.0
    for i in range(values.shape[0] - 1):
        for j in range(i + 1, values.shape[0]):
            both = present[i] & present[j]
            delta = _delta(np.where(both, values[i], 0.0), np.where(both, values[j], 0.0), level)
            total += float(np.dot(delta, weight))
    return total


def _expected_sum(distinct: np.ndarray, n_c: np.ndarray, level: str) -> float:
    """sum_c sum_k n_c n_k delta_ck from the marginals alone."""
    n = n_c.sum()
    if level == "nominal":
        return float(n * n - np.dot(n_c, n_c))
    if level == "interval":
        centred = distinct - np.dot(n_c, distinct) / n
        return float(2.0 * n * np.dot(n_c, centred**2))
    total = 0.0  # ratio: no closed form; sum the V x V terms in blocks
    block = max(1, _RATIO_BLOCK // distinct.size)
    for start in range(0, distinct.size, block):
        rows = slice(start, start + block)
        delta = _delta(distinct[rows, None], distinct[None, :], "ratio")
        total += float(n_c[rows] @ delta @ n_c)
    return total


@explained_by(_alpha_result)
def krippendorff_alpha(data: Any, level: Level = "nominal") -> float:
    """Krippendorff's alpha: agreement among any number of coders, with missing data.

    Alpha is the reliability coefficient of content analysis because it takes any
    number of coders, tolerates units that not every coder coded, corrects for the
    agreement expected by chance from the values actually used, and respects the
    level of measurement (a near miss on an ordinal scale counts less than a far one).

    Parameters
    ----------
    data : array-like of shape (n_coders, n_units)
        One row per coder, one column per unit; ``None`` or NaN where a coder did not
        code a unit. Nominal data may use any labels (strings, ints); the other levels
        need numbers (ratio: numbers >= 0).
    level : {"nominal", "ordinal", "interval", "ratio"}, default="nominal"
        Level of measurement; selects the difference function (see module docstring).

    Returns
    -------
    float
        Alpha, 1 for perfect agreement, 0 for agreement at chance level, negative for
        systematic disagreement. NaN when undefined: no unit coded by two coders, only
        one pairable unit, or no variation (every pairable value the same, where alpha
        is 0/0); ``explain(krippendorff_alpha, data, level)`` gives the reason.

    Raises
    ------
    ValueError
        If ``data`` is not a 2-D array with two or more rows, holds an infinite value or,
        for ordinal/interval/ratio, a non-number; if ``level`` is unknown.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    https://repository.upenn.edu/asc_papers/43 (the worked example below).
    Krippendorff, K. (2019). Content analysis (4th ed.), section 12.3. Sage.

    Examples
    --------
    Krippendorff's (2011) example: four coders, twelve units, missing values.

    >>> data = [
    ...     [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ...     [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ...     [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ...     [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ... ]
    >>> round(krippendorff_alpha(data, "nominal"), 3)
    0.743
    >>> round(krippendorff_alpha(data, "ordinal"), 3)
    0.815
    >>> round(krippendorff_alpha(data, "interval"), 3)
    0.849
    >>> round(krippendorff_alpha(data, "ratio"), 3)
    0.797
    """
    return _alpha_result(data, level).value


def coincidence_matrix(data: Any) -> tuple[list[Any], np.ndarray]:
    """The values and their coincidence matrix o_ck, as Krippendorff tabulates it.

    Cell (c, k) sums, over the pairable units, the ordered pairs of values (c, k) from
    two different coders, each weighted 1 / (m_u - 1). Row sums are the number of
    times each value is pairable; the matrix is symmetric. Reports show it to make a
    disagreement visible, and :func:`~coder.reliability.bootstrap_ci` resamples it.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability, section B.

    Examples
    --------
    >>> values, o = coincidence_matrix([["a", "a", "b"], ["a", "b", "b"]])
    >>> values
    ['a', 'b']
    >>> o.tolist()
    [[2.0, 1.0], [1.0, 2.0]]
    """
    ratings = read_ratings(data, numeric=False)
    table = _tabulate(ratings.values)
    o = table.o
    if o is None:
        raise ValueError(
            f"data: {table.distinct.size} distinct values are too many to tabulate; "
            "the coincidence matrix is meant for categories"
        )
    distinct = table.distinct
    labels = (
        [ratings.labels[int(v)] for v in distinct]
        if ratings.labels is not None
        else [_plain(v) for v in distinct]
    )
    return labels, o


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)
