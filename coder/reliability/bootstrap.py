"""Bootstrap confidence intervals for the agreement measures, seeded and reproducible.

Two procedures:

``method="krippendorff"`` (the default for :func:`krippendorff_alpha`)
    Krippendorff's algorithm (2006, revised 2011), as in Hayes's KALPHA macro: keep the
    expected disagreement D_e of the data fixed, and draw M pairs of values with
    replacement from the coincidence matrix, each cell (c, k) with probability
    o_ck / n.. (off-diagonal cells counted in both orders). Each resample gives
    alpha* = 1 - (sum of delta2 over the M pairs) / (M D_e), limited below at -1.
    M = min(25 Q, (m - 1) n.. / 2), with Q the non-empty cells of the coincidence
    matrix, m the coders and n.. the pairable values. A resample whose pairs all hold
    one and the same value has no variation (alpha = 0/0); Krippendorff counts it as
    alpha = 0, and so do we (we detect those resamples exactly instead of estimating
    their number). The interval takes the sorted alpha* at ranks
    max(floor(X p_low), 1) and min(floor(X p_high) + 1, X), 1-based, as the published
    implementations do.
``method="units"`` (every other measure)
    The ordinary nonparametric bootstrap: resample the units (columns of the coders x
    units data; rows of Fleiss' counts) with replacement, recompute the measure, and
    take the same ranks of the sorted values. Resamples where the measure is undefined
    (NaN) are left out and counted in ``n_undefined``.

Unitized alphas have no units to resample and are not bootstrapped here.

References
----------
Krippendorff, K. (2006, revised 2011). Algorithm for bootstrapping a distribution of
alpha. Annenberg School for Communication, University of Pennsylvania.
Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability
measure for coding data. Communication Methods and Measures, 1(1), 77-89.
Efron, B., & Tibshirani, R. J. (1993). An introduction to the bootstrap. Chapman & Hall.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from coder.reliability._common import explain, read_ratings
from coder.reliability.coefficients import cohen_kappa, fleiss_kappa
from coder.reliability.krippendorff import (
    _delta,
    check_level,
    coincidence_matrix,
    krippendorff_alpha,
)
from coder.reliability.unitized import unitized_alpha

Method = Literal["auto", "krippendorff", "units"]
_CELLS_PER_CHUNK = 1 << 22


@dataclass(frozen=True)
class ConfidenceInterval:
    """A bootstrap interval: ``low <= estimate <= high`` at ``confidence``, usually.

    ``samples`` holds the defined resampled values, for histograms and for
    :meth:`probability_below`. Everything is NaN, with a ``reason``, when the measure
    is undefined for the data themselves.
    """

    estimate: float
    low: float
    high: float
    confidence: float
    n_resamples: int
    method: str
    n_undefined: int = 0
    reason: str | None = None
    samples: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False, compare=False)

    def probability_below(self, minimum: float) -> float:
        """q, the probability that the measure fails to reach ``minimum`` (e.g. 0.8).

        Krippendorff reports it next to the interval: the share of resampled values
        below the smallest acceptable reliability.
        """
        if self.samples.size == 0:
            return math.nan
        return float(np.mean(self.samples < minimum))


def _ranks(sorted_samples: np.ndarray, confidence: float) -> tuple[float, float]:
    count = sorted_samples.size
    tail = (1.0 - confidence) / 2.0
    low = max(math.floor(tail * count + 1e-9), 1)
    high = min(math.floor((1.0 - tail) * count + 1e-9) + 1, count)
    return float(sorted_samples[low - 1]), float(sorted_samples[high - 1])


def _krippendorff(
    data: Any, level: str, n_resamples: int, confidence: float, rng: np.random.Generator
) -> ConfidenceInterval:
    check_level(level)
    result = explain(krippendorff_alpha, data, level)
    if not result.defined:
        return ConfidenceInterval(
            math.nan,
            math.nan,
            math.nan,
            confidence,
            n_resamples,
            "krippendorff",
            reason=result.reason,
        )
    try:
        labels, o = coincidence_matrix(data)
    except ValueError as error:
        raise ValueError(f"{error}; use method='units' for such data") from None
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    if level == "nominal":
        delta = 1.0 - np.eye(len(labels))
    elif level == "ordinal":
        ranks = np.cumsum(n_c) - n_c / 2.0
        delta = _delta(ranks[:, None], ranks[None, :], "interval")
    else:
        values = np.asarray(labels, dtype=float)
        delta = _delta(values[:, None], values[None, :], level)
    upper = np.triu(np.ones_like(o, dtype=bool)) & (o > 0)
    rows, cols = np.nonzero(upper)
    probability = np.where(rows == cols, o[rows, cols], 2.0 * o[rows, cols]) / n
    probability /= probability.sum()
    cell_delta = delta[rows, cols]
    coders = read_ratings(data, numeric=False).n_coders
    draws = int(min(25 * np.count_nonzero(o), (coders - 1) * n / 2.0))
    diagonal = np.flatnonzero(rows == cols)
    samples = np.empty(n_resamples)
    chunk = max(1, _CELLS_PER_CHUNK // max(1, rows.size))
    for start in range(0, n_resamples, chunk):
        size = min(chunk, n_resamples - start)
        counts = rng.multinomial(draws, probability, size=size)
        alpha = 1.0 - (counts @ cell_delta) / (draws * result.expected)
        alpha = np.maximum(alpha, -1.0)
        one_value = (counts[:, diagonal] == draws).any(axis=1)
        alpha[one_value] = 0.0
        samples[start : start + size] = alpha
    samples.sort()
    low, high = _ranks(samples, confidence)
    return ConfidenceInterval(
        result.value, low, high, confidence, n_resamples, "krippendorff", samples=samples
    )


def _units(
    measure: Callable[..., float],
    data: Any,
    n_resamples: int,
    confidence: float,
    rng: np.random.Generator,
    kwargs: dict[str, Any],
) -> ConfidenceInterval:
    if measure is fleiss_kappa:
        table = np.asarray(data, dtype=float)
        if table.ndim != 2:
            raise ValueError("data: fleiss_kappa takes a 2-D units x categories table")
        n_units = table.shape[0]

        def compute(index: np.ndarray) -> float:
            return measure(table[index], **kwargs)

    else:
        if measure is cohen_kappa:
            if len(data) != 2:
                raise ValueError("data: for cohen_kappa pass the two coders' ratings (a, b)")
            if len(data[0]) != len(data[1]):
                raise ValueError("data: the two coders' ratings differ in length")
        array = _as_array(data)
        n_units = array.shape[1]

        def compute(index: np.ndarray) -> float:
            sample = array[:, index]
            if measure is cohen_kappa:
                return measure(sample[0], sample[1], **kwargs)
            return measure(sample, **kwargs)

    estimate = compute(np.arange(n_units))
    name = getattr(measure, "__name__", "measure")
    if math.isnan(estimate):
        return ConfidenceInterval(
            math.nan,
            math.nan,
            math.nan,
            confidence,
            n_resamples,
            "units",
            reason=f"{name} is undefined for the data",
        )
    samples = np.array([compute(rng.integers(0, n_units, n_units)) for _ in range(n_resamples)])
    defined = np.sort(samples[~np.isnan(samples)])
    n_undefined = int(samples.size - defined.size)
    if defined.size == 0:
        return ConfidenceInterval(
            estimate,
            math.nan,
            math.nan,
            confidence,
            n_resamples,
            "units",
            n_undefined,
            f"{name} is undefined in every resample",
        )
    low, high = _ranks(defined, confidence)
    return ConfidenceInterval(
        estimate, low, high, confidence, n_resamples, "units", n_undefined, samples=defined
    )


def _as_array(data: Any) -> np.ndarray:
    """Coders x units data as an array that keeps the labels (numbers as floats)."""
    try:
        array = np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        array = np.asarray(data, dtype=object)
    if array.ndim != 2:
        raise ValueError(f"data: expected a 2-D coders x units array, got shape {array.shape}")
    return array


def bootstrap_ci(
    measure: Callable[..., float],
    data: Any,
    *,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int | None = 0,
    method: Method = "auto",
    **kwargs: Any,
) -> ConfidenceInterval:
    """A bootstrap confidence interval for an agreement measure.

    Parameters
    ----------
    measure : callable
        One of the measures of :mod:`coder.reliability` (``krippendorff_alpha``,
        ``percent_agreement``, ``cohen_kappa``, ``fleiss_kappa``, ``gwet_ac1``,
        ``brennan_prediger``) or any function of coders x units data returning a float.
    data : array-like
        What ``measure`` takes: coders x units data; ``(a, b)`` for ``cohen_kappa``;
        the units x categories counts for ``fleiss_kappa``.
    n_resamples : int, default=2000
        X, the number of resamples.
    confidence : float, default=0.95
        Coverage of the interval, strictly between 0 and 1.
    seed : int or None, default=0
        Seed of the random generator: the same seed gives the same interval.
    method : {"auto", "krippendorff", "units"}, default="auto"
        ``"auto"`` uses Krippendorff's algorithm for ``krippendorff_alpha`` and
        resamples units otherwise (module docstring).
    **kwargs
        Passed on to ``measure`` (``level=`` for alpha, ``weights=``, ``labels=``).

    Returns
    -------
    ConfidenceInterval
        Estimate, bounds, the resampled values and how many were undefined.

    References
    ----------
    Krippendorff, K. (2006, revised 2011). Algorithm for bootstrapping a distribution
    of alpha. Hayes, A. F., & Krippendorff, K. (2007).

    Examples
    --------
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ...         [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    >>> ci = bootstrap_ci(krippendorff_alpha, data, level="nominal", seed=1)
    >>> ci.low < ci.estimate < ci.high, ci.method
    (True, 'krippendorff')
    >>> bootstrap_ci(krippendorff_alpha, data, seed=1) == ci  # seeded: reproducible
    True
    """
    if not (isinstance(n_resamples, int) and n_resamples >= 1):
        raise ValueError(f"n_resamples: expected a positive int, got {n_resamples!r}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence: expected a number between 0 and 1, got {confidence!r}")
    if method not in ("auto", "krippendorff", "units"):
        raise ValueError(f"method: expected 'auto', 'krippendorff' or 'units', got {method!r}")
    if measure is unitized_alpha:
        raise ValueError("measure: unitized alphas have no units to resample; not supported")
    rng = np.random.default_rng(seed)
    if method == "krippendorff" or (method == "auto" and measure is krippendorff_alpha):
        if measure is not krippendorff_alpha:
            raise ValueError("method: 'krippendorff' applies to krippendorff_alpha only")
        unknown = set(kwargs) - {"level"}
        if unknown:
            raise ValueError(f"krippendorff_alpha takes level=, not {sorted(unknown)}")
        return _krippendorff(data, kwargs.get("level", "nominal"), n_resamples, confidence, rng)
    return _units(measure, data, n_resamples, confidence, rng, kwargs)
