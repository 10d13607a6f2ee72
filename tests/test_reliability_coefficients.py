"""Percent agreement and the kappa family: published examples, reference packages as
oracles (scikit-learn, statsmodels, irrCAC when installed), undefined cases, properties."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coder.reliability import (
    brennan_prediger,
    category_counts,
    cohen_kappa,
    explain,
    fleiss_kappa,
    gwet_ac1,
    percent_agreement,
)

FAST = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much],
)
N = None

# Fleiss (1971), table 1: 30 patients, 6 psychiatrists, 5 diagnoses (as in R's irr::diagnoses).
DIAGNOSES = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]  # fmt: skip

# Wikipedia's Fleiss example (also statsmodels' test table): 10 units, 14 raters.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip

# Gwet (2014), Handbook of inter-rater reliability, 4 raters x 12 units with missing
# ratings (irrCAC's raw_4raters; the same data as Krippendorff's 2011 example).
GWET = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def cohen_table(cells):
    a = [i for (i, _), n in cells.items() for _ in range(n)]
    b = [j for (_, j), n in cells.items() for _ in range(n)]
    return a, b


def test_cohen_1960_table_1():
    a, b = cohen_table(
        {(1, 1): 88, (1, 2): 14, (1, 3): 18, (2, 1): 10, (2, 2): 40, (2, 3): 10,
         (3, 1): 2, (3, 2): 6, (3, 3): 12}
    )  # fmt: skip
    result = explain(cohen_kappa, a, b)
    assert result.observed == pytest.approx(0.70)
    assert result.expected == pytest.approx(0.41)
    assert result.value == pytest.approx(float(Fraction(29, 59)), abs=1e-15)  # .49 in Cohen


def test_cohen_wikipedia_example():
    a, b = cohen_table({("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15})
    assert cohen_kappa(a, b) == pytest.approx(0.4, abs=1e-15)


def test_fleiss_1971_diagnoses():
    labels, counts = category_counts(np.array(DIAGNOSES).T)
    assert labels == [1, 2, 3, 4, 5]
    assert counts.sum(axis=1).tolist() == [6] * 30
    assert round(fleiss_kappa(counts), 3) == 0.430  # Fleiss (1971)
    assert fleiss_kappa(counts) == pytest.approx(0.4302445, abs=1e-7)  # R irr::kappam.fleiss


def test_fleiss_wikipedia_example():
    assert round(fleiss_kappa(WIKIPEDIA_FLEISS), 3) == 0.210


def test_gwet_2014_example():
    result = explain(gwet_ac1, GWET)
    assert result.n_units == 11
    assert result.observed == pytest.approx(9 / 11, abs=1e-12)  # p_a = 0.81818
    assert round(result.expected, 5) == 0.19032
    assert round(result.value, 5) == 0.77544
    assert percent_agreement(GWET) == pytest.approx(9 / 11, abs=1e-12)
    assert brennan_prediger(GWET) == pytest.approx((9 / 11 - 1 / 5) / (4 / 5), abs=1e-12)


# --- undefined cases and input errors --------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "reason"),
    [
        (lambda: explain(cohen_kappa, ["a", "a", "a"], ["a", "a", "a"]), "no variation"),
        (lambda: explain(cohen_kappa, ["a"], ["b"]), "fewer than two units"),
        (lambda: explain(cohen_kappa, ["a", None], [None, "b"]), "fewer than two units"),
        (lambda: explain(fleiss_kappa, [[3, 0], [3, 0]]), "no variation"),
        (lambda: explain(fleiss_kappa, [[2, 1]]), "fewer than two units"),
        (lambda: explain(gwet_ac1, [["a", "a"], ["a", "a"]]), "only one category"),
        (lambda: explain(gwet_ac1, [["a", "b"], ["a", None]]), "only one unit"),
        (lambda: explain(brennan_prediger, [[1, None], [None, 2]]), "no unit was coded"),
        (lambda: explain(percent_agreement, [[1, None], [None, 2]]), "no unit was coded"),
    ],
)
def test_undefined_cases_return_nan_with_a_reason(call, reason):
    result = call()
    assert math.isnan(result.value)
    assert reason in result.reason


def test_percent_agreement_is_defined_without_variation_and_for_one_unit():
    assert percent_agreement([["a", "a"], ["a", "a"]]) == 1.0
    assert percent_agreement([["a"], ["b"]]) == 0.0


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: cohen_kappa([1, 2, 3], [1, 2]), "b: has 2 ratings but a has 3"),
        (lambda: cohen_kappa([1, 2], [1, 2], weights="cubic"), "weights: expected"),
        (lambda: cohen_kappa([[1, 2]], [1, 2]), "a: expected a 1-D"),
        (lambda: cohen_kappa([1, 2], [1, 3], labels=[1, 2]), "labels: the rating 3"),
        (lambda: fleiss_kappa([[2, 1], [1, 1]]), "counts: every unit"),
        (lambda: fleiss_kappa([[1, 0], [0, 1]]), "counts: each unit needs two or more"),
        (lambda: fleiss_kappa([[-1, 3], [1, 1]]), "counts: must hold non-negative"),
        (lambda: fleiss_kappa([1, 2, 3]), "counts: expected a 2-D"),
        (lambda: gwet_ac1([["a", "b"], ["a", "b"]], labels=["a", "a"]), "labels: contains"),
        (lambda: gwet_ac1([["a", "b"]]), "data: needs at least two coders"),
        (lambda: percent_agreement("abc"), "data: expected a 2-D"),
    ],
)
def test_input_errors_name_the_parameter(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_labels_fix_the_number_of_categories():
    data = [["a", "a", "b", "b"], ["a", "b", "b", "b"]]
    assert brennan_prediger(data, labels=list("abcd")) == pytest.approx(2 / 3)
    assert gwet_ac1(data, labels=list("abcd")) != gwet_ac1(data)


def test_weighted_kappa_uses_the_label_order():
    a, b = ["low", "mid", "high", "mid"], ["mid", "mid", "high", "low"]
    ordered = ["low", "mid", "high"]
    sklearn = pytest.importorskip("sklearn.metrics")
    expected = sklearn.cohen_kappa_score(a, b, labels=ordered, weights="quadratic")
    assert cohen_kappa(a, b, "quadratic", labels=ordered) == pytest.approx(expected, abs=1e-12)


# --- oracles on random data -------------------------------------------------------------------


def paired_ratings():
    return st.integers(2, 40).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 4), min_size=n, max_size=n),
            st.lists(st.integers(0, 4), min_size=n, max_size=n),
        )
    )


@FAST
@given(paired_ratings(), st.sampled_from([None, "linear", "quadratic"]))
def test_cohen_matches_scikit_learn(pair, weights):
    metrics = pytest.importorskip("sklearn.metrics")
    a, b = pair
    result = explain(cohen_kappa, a, b, weights)
    assume(result.defined)
    expected = metrics.cohen_kappa_score(a, b, weights=weights)
    assert result.value == pytest.approx(expected, abs=1e-9)


def count_tables():
    return st.tuples(st.integers(2, 30), st.integers(2, 6), st.integers(2, 5)).flatmap(
        lambda shape: st.lists(
            st.lists(st.integers(0, shape[2] - 1), min_size=shape[1], max_size=shape[1]),
            min_size=shape[0],
            max_size=shape[0],
        )
    )


@FAST
@given(count_tables())
def test_fleiss_matches_statsmodels(units_by_raters):
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    _, counts = category_counts(np.array(units_by_raters).T)
    result = explain(fleiss_kappa, counts)
    assume(result.defined)
    expected = inter_rater.fleiss_kappa(counts, method="fleiss")
    assert result.value == pytest.approx(expected, abs=1e-9)


def coders_by_units():
    return st.tuples(st.integers(2, 5), st.integers(2, 25)).flatmap(
        lambda shape: st.lists(
            st.lists(
                st.one_of(st.integers(1, 4), st.just(None)),
                min_size=shape[1],
                max_size=shape[1],
            ),
            min_size=shape[0],
            max_size=shape[0],
        )
    )


def irrcac(data):
    raw = pytest.importorskip("irrCAC.raw")
    import pandas as pd

    ratings = pd.DataFrame([[np.nan if v is None else v for v in row] for row in data]).T
    categories = sorted({float(v) for row in data for v in row if v is not None})
    return raw.CAC(ratings.astype(float), categories=categories, digits=15)


@FAST
@given(coders_by_units())
def test_gwet_brennan_prediger_and_percent_match_irrcac(data):
    ac1 = explain(gwet_ac1, data)
    assume(ac1.defined)
    cac = irrcac(data)
    gwet = cac.gwet()["est"]
    assert ac1.value == pytest.approx(gwet["coefficient_value"], abs=1e-9)
    assert percent_agreement(data) == pytest.approx(gwet["pa"], abs=1e-9)
    assert brennan_prediger(data) == pytest.approx(cac.bp()["est"]["coefficient_value"], abs=1e-9)


@FAST
@given(count_tables())
def test_fleiss_matches_irrcac_on_complete_data(units_by_raters):
    data = np.array(units_by_raters).T.tolist()
    _, counts = category_counts(data)
    result = explain(fleiss_kappa, counts)
    assume(result.defined)
    expected = irrcac(data).fleiss()["est"]["coefficient_value"]
    assert result.value == pytest.approx(expected, abs=1e-9)


# --- properties -------------------------------------------------------------------------------

COEFFICIENTS = [percent_agreement, gwet_ac1, brennan_prediger]


@FAST
@given(coders_by_units(), st.sampled_from(COEFFICIENTS), st.randoms(use_true_random=False))
def test_invariant_under_permuting_coders_and_units(data, measure, random):
    value = measure(data)
    rows = [list(row) for row in data]
    random.shuffle(rows)
    order = list(range(len(rows[0])))
    random.shuffle(order)
    other = measure([[row[i] for i in order] for row in rows])
    assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value, abs=1e-12)


@FAST
@given(coders_by_units(), st.sampled_from(COEFFICIENTS))
def test_perfect_agreement_gives_one(data, measure):
    agreed = [[None if v is None else t for v, t in zip(row, data[0], strict=True)] for row in data]
    result = explain(measure, agreed)
    assert (not result.defined) or result.value == pytest.approx(1.0, abs=1e-12)


@FAST
@given(coders_by_units(), st.sampled_from(COEFFICIENTS))
def test_a_coder_who_coded_nothing_changes_nothing(data, measure):
    value = measure(data)
    other = measure([*data, [None] * len(data[0])])
    assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value, abs=1e-12)


@FAST
@given(paired_ratings())
def test_cohen_is_symmetric_and_perfect_agreement_gives_one(pair):
    a, b = pair
    value = cohen_kappa(a, b)
    assert (math.isnan(value) and math.isnan(cohen_kappa(b, a))) or cohen_kappa(
        b, a
    ) == pytest.approx(value, abs=1e-12)
    self_agreement = explain(cohen_kappa, a, a)
    assert (not self_agreement.defined) or self_agreement.value == pytest.approx(1.0)
