"""Krippendorff's alpha: the published worked example, the `krippendorff` package as an
oracle on random data, and properties that any correct alpha has."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coder.reliability import coincidence_matrix, explain, krippendorff_alpha
from coder.reliability.krippendorff import LEVELS

N = None
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
# four observers, twelve units, missing values.
EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
PUBLISHED = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}

FAST = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much],
)


@pytest.mark.parametrize("level", LEVELS)
def test_published_example_at_every_level(level):
    assert round(krippendorff_alpha(EXAMPLE, level), 3) == PUBLISHED[level]


def test_published_example_nominal_exactly():
    # alpha = 1 - (n - 1) sum_{c != k} o_ck / (n^2 - sum_c n_c^2), with n = 40 pairable values,
    # off-diagonal coincidences 40 - 32 = 8 and n_c = 9, 13, 10, 5, 3 (sum of squares 384):
    # 1 - 39 * 8 / 1216 = 113/152, which Krippendorff reports as .743.
    assert krippendorff_alpha(EXAMPLE) == pytest.approx(float(Fraction(113, 152)), abs=1e-15)


def test_published_coincidence_matrix():
    third = 1 / 3
    values, o = coincidence_matrix(EXAMPLE)
    assert values == [1, 2, 3, 4, 5]
    expected = [
        [7, 4 * third, third, third, 0],
        [4 * third, 10, 4 * third, third, 0],
        [third, 4 * third, 8, third, 0],
        [third, third, third, 4, 0],
        [0, 0, 0, 0, 3],
    ]
    np.testing.assert_allclose(o, expected, atol=1e-12)
    assert o.sum() == pytest.approx(40)


def test_labels_may_be_strings_for_nominal():
    letters = [[None if v is None else "abcde"[v - 1] for v in row] for row in EXAMPLE]
    assert krippendorff_alpha(letters) == krippendorff_alpha(EXAMPLE)
    assert coincidence_matrix(letters)[0] == ["a", "b", "c", "d", "e"]


def test_numpy_nan_and_none_are_the_same_missing_value():
    array = np.array(EXAMPLE, dtype=float)
    assert krippendorff_alpha(array, "interval") == krippendorff_alpha(EXAMPLE, "interval")


# --- undefined cases: NaN with a reason, never 1.0 or a crash -----------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ([[1, 1, 1], [1, 1, 1]], "no variation"),
        ([[1, None, 2], [None, 1, None]], "no unit was coded by two"),
        ([[1, 2, None], [2, None, 3]], "only one unit"),
        ([[None, None], [None, None]], "no unit was coded by two"),
    ],
)
def test_undefined_cases_return_nan_with_a_reason(data, reason):
    for level in LEVELS:
        assert math.isnan(krippendorff_alpha(data, level))
        result = explain(krippendorff_alpha, data, level)
        assert not result.defined
        assert reason in result.reason


def test_perfect_agreement_is_one_when_there_is_variation():
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3], [1, 2, None]], "interval") == 1.0


# --- input errors name the parameter ---------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "level", "match"),
    [
        ([1, 2, 3], "nominal", "data: expected a 2-D"),
        ([[1, 2, 3]], "nominal", "data: needs at least two coders"),
        ([[1, 2], [1, 2]], "cardinal", "level: expected one of"),
        ([["a", "b"], ["a", "c"]], "interval", "data: level='interval' needs numbers"),
        ([[1, -2], [1, 2]], "ratio", "data: level='ratio' needs values >= 0"),
        ([[1, np.inf], [1, 2]], "interval", "data: contains an infinite value"),
        ([[1, 2], [1]], "nominal", "data: every coder"),
    ],
)
def test_input_errors_name_the_parameter(data, level, match):
    with pytest.raises(ValueError, match=match):
        krippendorff_alpha(data, level)


# --- oracle: the `krippendorff` package, on random data with missing values ---------------


def reliability_data(max_coders=5, max_units=30, max_value=6):
    """Coders x units integer matrices (1..max_value) with some NaN."""
    return st.integers(2, max_coders).flatmap(
        lambda m: st.integers(2, max_units).flatmap(
            lambda n: st.lists(
                st.lists(
                    st.one_of(st.integers(1, max_value), st.just(None)),
                    min_size=n,
                    max_size=n,
                ),
                min_size=m,
                max_size=m,
            )
        )
    )


def as_array(data):
    return np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)


@FAST
@given(reliability_data(), st.sampled_from(LEVELS))
def test_matches_krippendorff_package(data, level):
    krippendorff = pytest.importorskip("krippendorff")
    result = explain(krippendorff_alpha, data, level)
    assume(result.defined)
    expected = krippendorff.alpha(reliability_data=as_array(data), level_of_measurement=level)
    assert result.value == pytest.approx(expected, abs=1e-9)


def test_matches_krippendorff_package_on_a_large_matrix():
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(7)
    truth = rng.integers(0, 7, 3000)
    data = np.where(rng.random((6, 3000)) < 0.7, truth, rng.integers(0, 7, (6, 3000)))
    data = data.astype(float) + 0.5  # non-integer values take the np.unique path
    data[rng.random(data.shape) < 0.2] = np.nan
    for level in LEVELS:
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        assert krippendorff_alpha(data, level) == pytest.approx(expected, abs=1e-9)


def test_matches_irrcac_alpha():
    irrcac = pytest.importorskip("irrCAC.raw")
    import pandas as pd

    ratings = pd.DataFrame(as_array(EXAMPLE).T)
    cac = irrcac.CAC(ratings, categories=[1.0, 2.0, 3.0, 4.0, 5.0], digits=15)
    expected = cac.krippendorff()["est"]["coefficient_value"]
    assert krippendorff_alpha(EXAMPLE) == pytest.approx(expected, abs=1e-9)


# --- properties -------------------------------------------------------------------------------


@FAST
@given(reliability_data(), st.sampled_from(LEVELS), st.randoms(use_true_random=False))
def test_invariant_under_permuting_coders_and_units(data, level, random):
    value = krippendorff_alpha(data, level)
    rows = [list(row) for row in data]
    random.shuffle(rows)
    order = list(range(len(rows[0])))
    random.shuffle(order)
    shuffled = [[row[i] for i in order] for row in rows]
    other = krippendorff_alpha(shuffled, level)
    assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value, abs=1e-12)


@FAST
@given(reliability_data(), st.sampled_from(LEVELS))
def test_perfect_agreement_gives_one(data, level):
    truth = data[0]
    agreed = [[None if v is None else t for v, t in zip(row, truth, strict=True)] for row in data]
    result = explain(krippendorff_alpha, agreed, level)
    assert (not result.defined) or result.value == pytest.approx(1.0, abs=1e-12)


@FAST
@given(reliability_data(), st.sampled_from(LEVELS))
def test_unpairable_values_and_absent_coders_do_not_count(data, level):
    value = krippendorff_alpha(data, level)
    widened = [[*row, None] for row in data]
    widened[0][-1] = 3  # a unit only one coder coded
    widened.append([None] * len(widened[0]))  # a coder who coded nothing
    other = krippendorff_alpha(widened, level)
    assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value, abs=1e-12)


@FAST
@given(reliability_data(max_value=9), st.sampled_from(LEVELS))
def test_the_pairwise_path_for_many_values_agrees_with_the_table(data, level):
    """Interval data with thousands of distinct values skip the coincidence table."""
    from unittest import mock

    from coder.reliability import krippendorff as module

    expected = explain(krippendorff_alpha, data, level)
    with mock.patch.object(module, "_TABLE_CELLS", 0):
        result = explain(krippendorff_alpha, data, level)
        if expected.defined:
            with pytest.raises(ValueError, match="too many to tabulate"):
                coincidence_matrix(data)
    assert result.reason == expected.reason
    if expected.defined:
        assert result.value == pytest.approx(expected.value, abs=1e-12)
