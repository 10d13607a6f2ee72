"""Chi-square test of association with adjusted standardized residuals.

Pure: plain numbers in, plain numbers out (NumPy, and SciPy for the chi-square
distribution). Used for code x attribute tables: does mentioning a code go
together with an organisation attribute (region, chosen function, size)?

References: Agresti, *Categorical Data Analysis* (3rd ed., 2013), §2.4 (Pearson
X², adjusted residuals (O - E) / sqrt(E (1 - r/n) (1 - c/n)), Haberman 1973) and
Cochran (1954) for the rule that the approximation needs expected counts of at
least 5 in 80% of the cells and none below 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2 as chi2_distribution

MIN_EXPECTED = 5.0


@dataclass(slots=True)
class ChiSquare:
    """Pearson's chi-square test of independence on an r x c table of counts.

    ``residuals`` are the adjusted standardized residuals (roughly standard normal
    under independence: beyond ±1.96 a cell holds notably more or fewer than
    expected). ``note`` says when the test is unreliable or undefined; then
    ``statistic`` and ``p_value`` may be NaN.
    """

    statistic: float
    dof: int
    p_value: float
    cramers_v: float
    n: int
    expected: list[list[float]]
    residuals: list[list[float]]
    small_expected: int = 0
    min_expected: float = math.nan
    note: str = ""
    valid: bool = True

    def as_dict(self) -> dict:
        return {
            "statistic": _finite(self.statistic),
            "dof": self.dof,
            "p_value": _finite(self.p_value),
            "cramers_v": _finite(self.cramers_v),
            "n": self.n,
            "expected": self.expected,
            "residuals": [[_finite(v) for v in row] for row in self.residuals],
            "small_expected": self.small_expected,
            "min_expected": _finite(self.min_expected),
            "note": self.note,
            "valid": self.valid,
        }


def _finite(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else round(float(value), 6)


def chi_square(table: Sequence[Sequence[float]]) -> ChiSquare:
    """Pearson's X² (no continuity correction) with adjusted residuals and a reliability note.

    Rows or columns that are all zero are left out of the test (they carry no
    information and would divide by zero); when fewer than two rows or columns
    remain the test is undefined and ``statistic`` is NaN.

    >>> result = chi_square([[10, 20], [30, 40]])
    >>> round(result.statistic, 4), result.dof, round(result.p_value, 4)
    (0.7937, 1, 0.373)
    """
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or counts.size == 0:
        raise ValueError("table: expected a non-empty 2-D table of counts")
    if (counts < 0).any() or not np.isfinite(counts).all():
        raise ValueError("table: counts must be finite and non-negative")
    rows, cols = counts.shape
    n = round(float(counts.sum()))
    nan_grid = [[math.nan] * cols for _ in range(rows)]
    keep_r = counts.sum(axis=1) > 0
    keep_c = counts.sum(axis=0) > 0
    if keep_r.sum() < 2 or keep_c.sum() < 2:
        return ChiSquare(
            statistic=math.nan,
            dof=0,
            p_value=math.nan,
            cramers_v=math.nan,
            n=n,
            expected=nan_grid,
            residuals=nan_grid,
            note="no test: every case falls in one row or one column",
            valid=False,
        )
    sub = counts[np.ix_(keep_r, keep_c)]
    row_totals = sub.sum(axis=1, keepdims=True)
    col_totals = sub.sum(axis=0, keepdims=True)
    total = sub.sum()
    expected = row_totals @ col_totals / total
    statistic = float(((sub - expected) ** 2 / expected).sum())
    dof = (sub.shape[0] - 1) * (sub.shape[1] - 1)
    p_value = float(chi2_distribution.sf(statistic, dof))
    adjusted = (sub - expected) / np.sqrt(
        expected * (1 - row_totals / total) * (1 - col_totals / total)
    )
    cramers_v = math.sqrt(statistic / (total * (min(sub.shape) - 1)))
    full_expected = np.full(counts.shape, np.nan)
    full_resid = np.full(counts.shape, np.nan)
    full_expected[np.ix_(keep_r, keep_c)] = expected
    full_resid[np.ix_(keep_r, keep_c)] = adjusted
    small = int((expected < MIN_EXPECTED).sum())
    min_expected = float(expected.min())
    notes = []
    valid = True
    if min_expected < 1 or small > 0.2 * expected.size:
        valid = False
        notes.append(
            f"{small} of {expected.size} cells have an expected count below"
            f" {MIN_EXPECTED:g} (smallest {min_expected:.1f}): the chi-square approximation is"
            " unreliable; merge groups or use an exact test"
        )
    elif small:
        notes.append(
            f"{small} of {expected.size} cells have an expected count below {MIN_EXPECTED:g}"
        )
    dropped_r, dropped_c = int((~keep_r).sum()), int((~keep_c).sum())
    if dropped_r or dropped_c:
        notes.append(f"left out: {dropped_r} empty row(s), {dropped_c} empty column(s)")
    return ChiSquare(
        statistic=statistic,
        dof=dof,
        p_value=p_value,
        cramers_v=cramers_v,
        n=n,
        expected=[[float(v) for v in row] for row in full_expected],
        residuals=[[float(v) for v in row] for row in full_resid],
        small_expected=small,
        min_expected=min_expected,
        note="; ".join(notes),
        valid=valid,
    )
