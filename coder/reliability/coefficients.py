"""Percent agreement and the kappa family: Cohen, Fleiss, Gwet's AC1, Brennan-Prediger.

All take coders x units data (``None``/NaN for missing) except Cohen's kappa, which
compares two coders' ratings, and Fleiss' kappa, which takes the units x categories
table of counts Fleiss (1971) works from (:func:`category_counts` builds it).

The chance-corrected coefficients share one form, (p_o - p_e) / (1 - p_e): observed
agreement p_o corrected by the agreement p_e expected by chance. They differ in p_e:

    Cohen              p_e = sum_k p_ak p_bk            (each coder's own marginals)
    Fleiss             p_e = sum_k p_k ** 2              (pooled marginals)
    Gwet AC1           p_e = sum_k pi_k (1 - pi_k) / (q - 1)
    Brennan-Prediger   p_e = 1 / q                       (q categories, uniform chance)

With more than two coders p_o is the share of agreeing pairs of coders within a unit,
averaged over the units coded by two or more coders (Fleiss 1971; Gwet 2014, ch. 2);
this is also :func:`percent_agreement`.

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
Psychological Measurement, 20(1), 37-46.
Cohen, J. (1968). Weighted kappa. Psychological Bulletin, 70(4), 213-220.
Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
Bulletin, 76(5), 378-382.
Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses, misuses, and
alternatives. Educational and Psychological Measurement, 41(3), 687-699.
Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the presence of
high agreement. British Journal of Mathematical and Statistical Psychology, 61, 29-48.
Gwet, K. L. (2014). Handbook of inter-rater reliability (4th ed.). Advanced Analytics.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Literal

import numpy as np

from coder.reliability._common import (
    NAN,
    AgreementResult,
    Ratings,
    explained_by,
    read_ratings,
    undefined,
)

Weights = Literal["linear", "quadratic"] | None


def _pair_agreement(values: np.ndarray) -> tuple[float, int]:
    """Mean share of agreeing coder pairs per unit, over units with two or more coders."""
    present = ~np.isnan(values)
    m_u = present.sum(axis=0)
    keep = m_u >= 2
    agree = np.zeros(values.shape[1])
    for i in range(values.shape[0] - 1):
        for j in range(i + 1, values.shape[0]):
            agree += present[i] & present[j] & (values[i] == values[j])
    n_units = int(keep.sum())
    if n_units == 0:
        return NAN, 0
    pairs = m_u[keep] * (m_u[keep] - 1) / 2.0
    return float(np.mean(agree[keep] / pairs)), n_units


def _percent_result(data: Any) -> AgreementResult:
    ratings = read_ratings(data, numeric=False)
    p_o, n_units = _pair_agreement(ratings.values)
    fields = {"n_units": n_units, "n_coders": ratings.n_coders}
    if n_units == 0:
        return undefined("percent_agreement", "no unit was coded by two or more coders", **fields)
    return AgreementResult("percent_agreement", p_o, observed=p_o, **fields)


@explained_by(_percent_result)
def percent_agreement(data: Any) -> float:
    """Share of agreeing pairs of coders, averaged over units: agreement without chance.

    Reported because readers understand it, never alone: it rewards a codebook whose
    codes are rare (two coders who never apply a code agree 100% on it). With two
    coders it is the share of units they coded alike.

    Parameters
    ----------
    data : array-like of shape (n_coders, n_units)
        One row per coder; ``None`` or NaN where a coder did not code a unit. Any labels.

    Returns
    -------
    float
        Between 0 and 1. NaN when no unit was coded by two or more coders. Unlike the
        chance-corrected measures it is defined for a single unit and without variation.

    References
    ----------
    Fleiss, J. L. (1971), the observed agreement P-bar; Gwet, K. L. (2014), p_a.

    Examples
    --------
    >>> percent_agreement([["a", "b", "a", "a"], ["a", "b", "b", "a"]])
    0.75
    >>> percent_agreement([[1, 1, None], [1, 2, 2], [1, 1, 2]])  # 1 + 1/3 + 1 over 3 units
    0.7777777777777777
    """
    return _percent_result(data).value


def _positions(
    ratings: Ratings, labels: Sequence[Hashable] | None, name: str
) -> tuple[np.ndarray, list[Hashable]]:
    """Ratings as category positions 0..q-1 (NaN missing), and the categories in order.

    Without ``labels`` the categories are the distinct ratings, sorted.
    """
    present = ~np.isnan(ratings.values)
    if labels is None:
        distinct = np.unique(ratings.values[present])
        out = np.full(ratings.values.shape, NAN)
        out[present] = np.searchsorted(distinct, ratings.values[present])
        if ratings.labels is None:
            return out, [_key(float(v)) for v in distinct]
        return out, [ratings.labels[int(v)] for v in distinct]
    order = list(labels)
    if len(set(order)) != len(order):
        raise ValueError(f"{name}: contains a label twice")
    position = {label: float(i) for i, label in enumerate(order)}
    originals = (
        ratings.values[present]
        if ratings.labels is None
        else [ratings.labels[int(v)] for v in ratings.values[present]]
    )
    try:
        mapped = [position[_key(v)] for v in originals]
    except KeyError as error:
        raise ValueError(f"{name}: the rating {error.args[0]!r} is not one of the labels") from None
    out = np.full(ratings.values.shape, NAN)
    out[present] = mapped
    return out, order


def _key(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 1.0 finds the label 1
    return value


def _cohen_result(
    a: Sequence[Any],
    b: Sequence[Any],
    weights: Weights = None,
    labels: Sequence[Hashable] | None = None,
) -> AgreementResult:
    if weights not in (None, "linear", "quadratic"):
        raise ValueError(f"weights: expected None, 'linear' or 'quadratic', got {weights!r}")
    for name, ratings in (("a", a), ("b", b)):
        if np.ndim(ratings) != 1:
            raise ValueError(f"{name}: expected a 1-D sequence of ratings, one per unit")
    if len(a) != len(b):
        raise ValueError(f"b: has {len(b)} ratings but a has {len(a)}; give one per unit each")
    ratings = read_ratings([list(a), list(b)], numeric=False, name="a, b")
    values, names = _positions(ratings, labels, "labels")
    both = ~np.isnan(values).any(axis=0)
    x, y = values[0, both].astype(np.int64), values[1, both].astype(np.int64)
    measure = "cohen_kappa" if weights is None else f"cohen_kappa[{weights}]"
    fields = {"n_units": int(both.sum()), "n_coders": 2}
    if x.size < 2:
        return undefined(measure, "fewer than two units rated by both coders", **fields)
    q = len(names)
    observed = np.zeros((q, q))
    np.add.at(observed, (x, y), 1.0)
    observed /= x.size
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    index = np.arange(q)
    distance = np.abs(index[:, None] - index[None, :]).astype(float)
    if weights is None:
        distance = (distance > 0).astype(float)
    elif weights == "quadratic":
        distance **= 2
    scale = distance.max() if distance.max() > 0 else 1.0
    d_o = float((distance * observed).sum()) / scale
    d_e = float((distance * expected).sum()) / scale
    if d_e == 0:
        return undefined(
            measure,
            "no variation: both coders used one and the same category, so chance agreement is 1",
            observed=1.0 - d_o,
            expected=1.0,
            **fields,
        )
    return AgreementResult(
        measure, 1.0 - d_o / d_e, observed=1.0 - d_o, expected=1.0 - d_e, **fields
    )


@explained_by(_cohen_result)
def cohen_kappa(
    a: Sequence[Any],
    b: Sequence[Any],
    weights: Weights = None,
    labels: Sequence[Hashable] | None = None,
) -> float:
    """Cohen's kappa between two coders: agreement corrected by each coder's own habits.

    Kappa discounts the agreement two coders would reach by chance given how often each
    of them uses each category. Weighted kappa credits near misses on an ordered scale.
    Computed as scikit-learn's ``cohen_kappa_score`` does, so the two agree.

    Parameters
    ----------
    a, b : sequence of length n_units
        The two coders' ratings of the same units; a unit where either is ``None``/NaN
        is left out.
    weights : {None, "linear", "quadratic"}, default=None
        Disagreement weights by distance between category positions: none (plain kappa),
        ``|i - j|`` or ``(i - j) ** 2``.
    labels : sequence, optional
        The categories in their order (matters for weights). Default: the sorted
        distinct ratings. Every rating must be one of them.

    Returns
    -------
    float
        Kappa, 1 for perfect agreement, 0 at chance. NaN when fewer than two units are
        rated by both, or when chance agreement is 1 (both used one category only).

    References
    ----------
    Cohen, J. (1960). Educational and Psychological Measurement, 20(1), 37-46
    (table 1 is the example below); Cohen, J. (1968). Weighted kappa.

    Examples
    --------
    Cohen's (1960) example, 200 units in three categories: p_o = .70, p_e = .41.

    >>> cells = {(1, 1): 88, (1, 2): 14, (1, 3): 18, (2, 1): 10, (2, 2): 40, (2, 3): 10,
    ...          (3, 1): 2, (3, 2): 6, (3, 3): 12}
    >>> a = [i for (i, j), n in cells.items() for _ in range(n)]
    >>> b = [j for (i, j), n in cells.items() for _ in range(n)]
    >>> round(cohen_kappa(a, b), 4)  # (.70 - .41) / (1 - .41)
    0.4915
    >>> round(cohen_kappa(a, b, weights="linear"), 4)
    0.4737
    """
    return _cohen_result(a, b, weights, labels).value


def _counts_result(counts: Any) -> AgreementResult:
    table = np.asarray(counts, dtype=float)
    if table.ndim != 2:
        raise ValueError(
            f"counts: expected a 2-D units x categories table, got shape {table.shape}"
        )
    if (table < 0).any() or not np.array_equal(table, np.floor(table)):
        raise ValueError("counts: must hold non-negative whole numbers of ratings")
    raters = table.sum(axis=1)
    if raters.size and not np.all(raters == raters[0]):
        raise ValueError(
            "counts: every unit (row) must be rated by the same number of raters, got row "
            f"sums {sorted(set(raters.astype(int).tolist()))}; for missing ratings use "
            "krippendorff_alpha or gwet_ac1"
        )
    n = float(raters[0]) if raters.size else 0.0
    if raters.size and n < 2:
        raise ValueError(f"counts: each unit needs two or more ratings, got {int(n)}")
    fields = {"n_units": int(table.shape[0]), "n_coders": int(n)}
    if table.shape[0] < 2:
        return undefined("fleiss_kappa", "fewer than two units; kappa needs two or more", **fields)
    p_j = table.sum(axis=0) / (table.shape[0] * n)
    p_i = ((table**2).sum(axis=1) - n) / (n * (n - 1.0))
    p_o, p_e = float(p_i.mean()), float(np.dot(p_j, p_j))
    if p_e >= 1.0:
        return undefined(
            "fleiss_kappa",
            "no variation: every rating is in one category, so chance agreement is 1",
            observed=p_o,
            expected=p_e,
            **fields,
        )
    return AgreementResult(
        "fleiss_kappa", (p_o - p_e) / (1.0 - p_e), observed=p_o, expected=p_e, **fields
    )


@explained_by(_counts_result)
def fleiss_kappa(counts: Any) -> float:
    """Fleiss' kappa: agreement among a fixed number of raters per unit, chance-corrected.

    Fleiss generalised Scott's pi to many raters who need not be the same people for
    every unit; chance agreement comes from the pooled category shares.

    Parameters
    ----------
    counts : array-like of shape (n_units, n_categories)
        How many raters put each unit in each category; every row must sum to the same
        number of raters (two or more). :func:`category_counts` builds it from
        coders x units data.

    Returns
    -------
    float
        Kappa; NaN for fewer than two units or when every rating is in one category.

    References
    ----------
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    Psychological Bulletin, 76(5), 378-382 (30 patients, 6 psychiatrists: kappa = .430).

    Examples
    --------
    The example on which Wikipedia's and statsmodels' tests agree: 10 units, 14 raters.

    >>> table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...          [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
    ...          [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    >>> round(fleiss_kappa(table), 3)
    0.21
    """
    return _counts_result(counts).value


def category_counts(
    data: Any, labels: Sequence[Hashable] | None = None
) -> tuple[list[Hashable], np.ndarray]:
    """The units x categories counts table of coders x units data, for Fleiss' kappa.

    Examples
    --------
    >>> labels, counts = category_counts([["a", "b", "b"], ["a", "a", "b"], ["a", "b", "b"]])
    >>> labels
    ['a', 'b']
    >>> counts.tolist()
    [[3, 0], [1, 2], [0, 3]]
    """
    ratings = read_ratings(data, numeric=False)
    positions, names = _positions(ratings, labels, "labels")
    table = np.zeros((positions.shape[1], len(names)), dtype=np.int64)
    for row in positions:
        present = ~np.isnan(row)
        np.add.at(table, (np.flatnonzero(present), row[present].astype(np.int64)), 1)
    return names, table


def _chance_inputs(
    data: Any, labels: Sequence[Hashable] | None
) -> tuple[Ratings, np.ndarray, int, float, int]:
    """Ratings, their category positions, q, Gwet's p_a and the pairable unit count."""
    ratings = read_ratings(data, numeric=False)
    positions, names = _positions(ratings, labels, "labels")
    q = len(names)
    p_a, n_units = _pair_agreement(positions)
    return ratings, positions, q, p_a, n_units


def _gwet_result(data: Any, labels: Sequence[Hashable] | None = None) -> AgreementResult:
    ratings, positions, q, p_a, n_units = _chance_inputs(data, labels)
    fields = {"n_units": n_units, "n_coders": ratings.n_coders}
    problem = _chance_problem(n_units, q)
    if problem:
        return undefined("gwet_ac1", problem, observed=p_a, **fields)
    present = ~np.isnan(positions)
    r_i = present.sum(axis=0)
    rated = r_i >= 1
    pi = np.zeros(q)
    for row, mask in zip(positions, present, strict=True):
        use = mask & rated
        index = row[use].astype(np.int64)
        pi += np.bincount(index, weights=1.0 / r_i[use], minlength=q)
    pi /= rated.sum()
    p_e = float(np.dot(pi, 1.0 - pi) / (q - 1))
    return AgreementResult(
        "gwet_ac1", (p_a - p_e) / (1.0 - p_e), observed=p_a, expected=p_e, **fields
    )


def _chance_problem(n_units: int, q: int) -> str | None:
    if n_units == 0:
        return "no unit was coded by two or more coders"
    if n_units == 1:
        return "only one unit was coded by two or more coders; the measure needs two or more"
    if q < 2:
        return "only one category: chance agreement is 1, so the measure is 0/0"
    return None


@explained_by(_gwet_result)
def gwet_ac1(data: Any, labels: Sequence[Hashable] | None = None) -> float:
    """Gwet's AC1: chance-corrected agreement that stays stable when one code dominates.

    Kappa-type coefficients collapse when nearly every unit gets the same category
    (high agreement, low kappa: the "kappa paradox"). AC1 bases chance agreement on how
    far the category shares are from uniform, which keeps it close to percent
    agreement in that case. Coders may skip units.

    Parameters
    ----------
    data : array-like of shape (n_coders, n_units)
        One row per coder; ``None`` or NaN where a coder did not code a unit.
    labels : sequence, optional
        All categories of the codebook. q, the number of categories, enters chance
        agreement, so pass unused categories too. Default: the categories that occur.

    Returns
    -------
    float
        AC1; NaN for fewer than two units coded by two coders, or a single category.

    References
    ----------
    Gwet, K. L. (2008). British Journal of Mathematical and Statistical Psychology, 61,
    29-48; Gwet, K. L. (2014). Handbook of inter-rater reliability (4th ed.), ch. 2.

    Examples
    --------
    >>> data = [["a", "a", "a", "a", "b"], ["a", "a", "a", "a", "a"]]
    >>> round(gwet_ac1(data), 4)
    0.7561
    >>> round(cohen_kappa(*data), 4)  # the paradox: 80% agreement, kappa 0
    0.0
    """
    return _gwet_result(data, labels).value


def _bp_result(data: Any, labels: Sequence[Hashable] | None = None) -> AgreementResult:
    ratings, _, q, p_a, n_units = _chance_inputs(data, labels)
    fields = {"n_units": n_units, "n_coders": ratings.n_coders}
    problem = _chance_problem(n_units, q)
    if problem:
        return undefined("brennan_prediger", problem, observed=p_a, **fields)
    p_e = 1.0 / q
    return AgreementResult(
        "brennan_prediger", (p_a - p_e) / (1.0 - p_e), observed=p_a, expected=p_e, **fields
    )


@explained_by(_bp_result)
def brennan_prediger(data: Any, labels: Sequence[Hashable] | None = None) -> float:
    """Brennan and Prediger's kappa: chance agreement 1/q, as if coders chose uniformly.

    Useful when the number of categories is fixed by the codebook rather than learnt
    from the data; also known as Bennett's S or Randolph's free-marginal kappa.

    Parameters
    ----------
    data : array-like of shape (n_coders, n_units)
        One row per coder; ``None`` or NaN where a coder did not code a unit.
    labels : sequence, optional
        All categories of the codebook (q = len(labels)). Default: those that occur.

    Returns
    -------
    float
        The coefficient; NaN for fewer than two units coded by two coders, or q < 2.

    References
    ----------
    Brennan, R. L., & Prediger, D. J. (1981). Educational and Psychological
    Measurement, 41(3), 687-699; Gwet, K. L. (2014), ch. 2 (multiple raters, missing).

    Examples
    --------
    >>> brennan_prediger([["a", "a", "b", "b"], ["a", "b", "b", "b"]])  # (.75 - .5) / .5
    0.5
    >>> round(brennan_prediger([["a", "a", "b", "b"], ["a", "b", "b", "b"]],
    ...                        labels=["a", "b", "c", "d"]), 4)  # (.75 - .25) / .75
    0.6667
    """
    return _bp_result(data, labels).value
