"""Bootstrap intervals (seeded, Krippendorff's algorithm for alpha), the pairwise coder
matrix, and the doctests of every module of coder.reliability."""

from __future__ import annotations

import doctest
import importlib
import math
import pkgutil

import numpy as np
import pytest

import coder.reliability
from coder.reliability import (
    bootstrap_ci,
    cohen_kappa,
    coincidence_matrix,
    explain,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    pairwise_matrix,
    percent_agreement,
    unitized_alpha,
)

N = None
EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def noisy(seed, coders=4, units=150, agreement=0.8):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 4, units)
    data = np.where(rng.random((coders, units)) < agreement, truth, rng.integers(0, 4, units))
    return data.astype(float)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_krippendorff_bootstrap_brackets_alpha_and_is_seeded(level):
    ci = bootstrap_ci(krippendorff_alpha, EXAMPLE, level=level, seed=3)
    assert ci.method == "krippendorff"
    assert ci.estimate == krippendorff_alpha(EXAMPLE, level)
    assert -1.0 <= ci.low < ci.estimate < ci.high <= 1.0
    assert ci.samples.size == 2000
    again = bootstrap_ci(krippendorff_alpha, EXAMPLE, level=level, seed=3)
    assert (again.low, again.high) == (ci.low, ci.high)
    other = bootstrap_ci(krippendorff_alpha, EXAMPLE, level=level, seed=4)
    assert (other.low, other.high) != (ci.low, ci.high) or level == "nominal"


def test_krippendorff_bootstrap_mean_is_alpha():
    # Each resample draws pairs with the observed probabilities o_ck / n, so the
    # resampled D_o is unbiased and the mean alpha* is alpha (up to the -1 floor and
    # the no-variation correction, both negligible for these data).
    data = noisy(1)
    ci = bootstrap_ci(krippendorff_alpha, data, n_resamples=4000, seed=0)
    assert ci.samples.mean() == pytest.approx(ci.estimate, abs=0.005)
    # with (m - 1) n / 2 draws the spread matches the unit bootstrap's in size
    units = bootstrap_ci(krippendorff_alpha, data, method="units", n_resamples=500, seed=0)
    width, unit_width = ci.high - ci.low, units.high - units.low
    assert 0.3 < width / unit_width < 3


def test_krippendorff_bootstrap_draw_count():
    # M = min(25 Q, (m - 1) n.. / 2): Q = 17 non-empty cells, m = 4 coders, n.. = 40 -> 60.
    # Nominal delta is 0 or 1, so (1 - alpha*) M D_e counts the disagreeing pairs drawn.
    _, o = coincidence_matrix(EXAMPLE)
    assert np.count_nonzero(o) == 17 and o.sum() == pytest.approx(40)
    d_e = explain(krippendorff_alpha, EXAMPLE).expected
    ci = bootstrap_ci(krippendorff_alpha, EXAMPLE, n_resamples=200, seed=0)
    disagreeing = (1 - ci.samples) * 60 * d_e
    assert np.allclose(disagreeing, np.round(disagreeing), atol=1e-9)
    assert disagreeing.max() <= 60


def test_perfect_agreement_bootstraps_to_one_except_single_value_resamples():
    data = [[1, 2, 1, 2, 1, 2], [1, 2, 1, 2, 1, 2]]
    ci = bootstrap_ci(krippendorff_alpha, data, n_resamples=1000, seed=0)
    assert ci.estimate == 1.0
    assert set(np.unique(ci.samples)) <= {0.0, 1.0}  # 0: resamples holding one value only
    assert ci.high == 1.0


def test_undefined_alpha_gives_an_undefined_interval():
    ci = bootstrap_ci(krippendorff_alpha, [[1, 1, 1], [1, 1, 1]])
    assert math.isnan(ci.estimate) and math.isnan(ci.low) and "no variation" in ci.reason


def test_unit_resampling_for_other_measures():
    data = noisy(2, units=60)
    for measure in (percent_agreement, gwet_ac1):
        ci = bootstrap_ci(measure, data, n_resamples=300, seed=0)
        assert ci.method == "units"
        assert ci.low <= ci.estimate <= ci.high
    kappa = bootstrap_ci(cohen_kappa, (data[0], data[1]), n_resamples=300, weights="linear")
    assert kappa.estimate == cohen_kappa(data[0], data[1], weights="linear")
    assert kappa.low < kappa.estimate < kappa.high
    counts = np.stack([(data == v).sum(axis=0) for v in range(4)], axis=1)
    fleiss = bootstrap_ci(fleiss_kappa, counts, n_resamples=300)
    assert fleiss.estimate == fleiss_kappa(counts) and fleiss.low < fleiss.high


def test_undefined_resamples_are_counted():
    data = [[1, 1, 1, 2], [1, 1, 1, 2]]  # many resamples hold no 2: gwet_ac1 undefined
    ci = bootstrap_ci(gwet_ac1, data, n_resamples=400, seed=0)
    assert ci.n_undefined > 0 and ci.samples.size == 400 - ci.n_undefined


def test_probability_below_a_minimum():
    ci = bootstrap_ci(krippendorff_alpha, noisy(3), seed=0)
    assert ci.probability_below(-1.0) == 0.0
    assert ci.probability_below(1.01) == 1.0
    assert 0.0 <= ci.probability_below(0.8) <= 1.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"measure": krippendorff_alpha, "n_resamples": 0}, "n_resamples: expected"),
        ({"measure": krippendorff_alpha, "confidence": 95}, "confidence: expected"),
        ({"measure": krippendorff_alpha, "method": "jackknife"}, "method: expected"),
        ({"measure": percent_agreement, "method": "krippendorff"}, "method: 'krippendorff'"),
        ({"measure": krippendorff_alpha, "weights": "linear"}, "takes level="),
        ({"measure": unitized_alpha}, "measure: unitized alphas"),
    ],
)
def test_bootstrap_input_errors_name_the_parameter(kwargs, match):
    measure = kwargs.pop("measure")
    with pytest.raises(ValueError, match=match):
        bootstrap_ci(measure, EXAMPLE, **kwargs)


# --- pairwise matrix --------------------------------------------------------------------------


def test_pairwise_matrix_matches_the_measure_on_each_pair():
    data = noisy(5, coders=3, units=40)
    matrix = pairwise_matrix(cohen_kappa, data, coders=["ann", "ben", "cy"], weights="linear")
    assert matrix.coders == ["ann", "ben", "cy"]
    assert np.isnan(np.diag(matrix.values)).all()
    assert np.allclose(matrix.values, matrix.values.T, equal_nan=True)
    assert matrix.values[0, 2] == cohen_kappa(data[0], data[2], weights="linear")
    alpha = pairwise_matrix(krippendorff_alpha, data, level="interval")
    assert alpha.values[1, 2] == krippendorff_alpha(data[[1, 2]], "interval")
    assert [p[:2] for p in alpha.pairs()] == [(0, 1), (0, 2), (1, 2)]


def test_pairwise_unitized():
    spans = [("a", 0, 5, "x"), ("b", 0, 5, "x"), ("c", 5, 9, "x")]
    matrix = pairwise_matrix(unitized_alpha, spans, length=10)
    assert matrix.coders == ["a", "b", "c"]
    assert matrix.values[0, 1] == pytest.approx(1.0)
    assert matrix.values[0, 2] < 0


def test_pairwise_errors():
    with pytest.raises(ValueError, match="measure: fleiss_kappa"):
        pairwise_matrix(fleiss_kappa, [[1, 2], [1, 2]])
    with pytest.raises(ValueError, match="coders: names 3 coders but data has 2 rows"):
        pairwise_matrix(percent_agreement, [[1, 2], [1, 2]], coders=["a", "b", "c"])


# --- every docstring example runs ------------------------------------------------------------

MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(coder.reliability.__path__, "coder.reliability.")
)


@pytest.mark.parametrize("name", ["coder.reliability", *MODULES])
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
