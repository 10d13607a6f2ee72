"""A measure for every pair of coders: who agrees with whom.

An overall coefficient says whether a team codes alike; the pairwise matrix says which
coder drifts. Each cell compares two coders on the units (or the continuum) they share,
with any measure of :mod:`coder.reliability`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from coder.reliability._common import read_ratings
from coder.reliability.coefficients import cohen_kappa, fleiss_kappa
from coder.reliability.unitized import sorted_labels, unitized_alpha


@dataclass(frozen=True)
class PairwiseMatrix:
    """``values[i, j]`` is the measure between ``coders[i]`` and ``coders[j]``.

    Symmetric; the diagonal is NaN (a coder compared with themselves says nothing).
    """

    coders: list[Hashable]
    values: np.ndarray
    measure: str

    def pairs(self) -> list[tuple[Hashable, Hashable, float]]:
        """Each pair once, as (coder, coder, value), in the order of ``coders``."""
        return [
            (self.coders[i], self.coders[j], float(self.values[i, j]))
            for i, j in combinations(range(len(self.coders)), 2)
        ]


def pairwise_matrix(
    measure: Callable[..., float],
    data: Any,
    *,
    coders: Sequence[Hashable] | None = None,
    **kwargs: Any,
) -> PairwiseMatrix:
    """Compute ``measure`` for every pair of coders.

    Parameters
    ----------
    measure : callable
        A measure of coders x units data (``krippendorff_alpha``, ``percent_agreement``,
        ``gwet_ac1``, ``brennan_prediger``), ``cohen_kappa`` (given two rows), or
        ``unitized_alpha`` (given segments). Not ``fleiss_kappa``, whose counts table
        does not say who rated what.
    data : array-like or iterable
        Coders x units data; for ``unitized_alpha`` the (coder, start, end, code) spans.
    coders : sequence, optional
        Names of the coders: one per row of ``data`` (default 0, 1, ...), or for
        ``unitized_alpha`` the coders to compare (default: those in the segments).
    **kwargs
        Passed on to ``measure`` (``level=``, ``length=``, ``variant=``, ...).

    Returns
    -------
    PairwiseMatrix

    Examples
    --------
    >>> from coder.reliability import percent_agreement
    >>> m = pairwise_matrix(percent_agreement, [["a", "b", "a"], ["a", "b", "b"],
    ...                                         ["a", "b", "a"]], coders=["ann", "ben", "cy"])
    >>> m.pairs()
    [('ann', 'ben', 0.6666666666666666), ('ann', 'cy', 1.0), ('ben', 'cy', 0.6666666666666666)]
    """
    if measure is fleiss_kappa:
        raise ValueError(
            "measure: fleiss_kappa's counts do not say which coder rated what; "
            "use cohen_kappa or krippendorff_alpha for pairs"
        )
    name = getattr(measure, "__name__", "measure")
    if measure is unitized_alpha:
        segments = list(data)
        names = list(coders) if coders is not None else sorted_labels(s[0] for s in segments)

        def value(i: int, j: int) -> float:
            pair = [s for s in segments if s[0] in (names[i], names[j])]
            return measure(pair, coders=[names[i], names[j]], **kwargs)

    else:
        rows = _rows(data)
        if coders is not None and len(coders) != rows.shape[0]:
            raise ValueError(
                f"coders: names {len(coders)} coders but data has {rows.shape[0]} rows"
            )
        names = list(coders) if coders is not None else list(range(rows.shape[0]))

        def value(i: int, j: int) -> float:
            if measure is cohen_kappa:
                return measure(rows[i], rows[j], **kwargs)
            return measure(rows[[i, j]], **kwargs)

    size = len(names)
    values = np.full((size, size), np.nan)
    for i, j in combinations(range(size), 2):
        values[i, j] = values[j, i] = value(i, j)
    return PairwiseMatrix(names, values, name)


def _rows(data: Any) -> np.ndarray:
    read_ratings(data, numeric=False)  # validates shape and rows, naming data
    try:
        return np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        return np.asarray(data, dtype=object)
