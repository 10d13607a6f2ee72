"""NVivo-style character-level comparison: kappa over characters equals Cohen's kappa on
the characters as units (scikit-learn as oracle), and documents average by length."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.reliability import (
    average_agreement,
    average_by_code,
    character_agreement,
    coding_comparison,
)

FAST = settings(max_examples=50, deadline=None, database=None)


def flags(spans, length):
    coded = np.zeros(length, dtype=int)
    for start, end in spans:
        coded[start:end] = 1
    return coded


@st.composite
def documents(draw):
    length = draw(st.integers(1, 200))
    span = st.tuples(st.integers(0, length - 1), st.integers(1, length)).map(
        lambda p: (min(p[0], p[1] - 1), max(p[0] + 1, p[1]))
    )
    return (
        draw(st.lists(span, max_size=5)),
        draw(st.lists(span, max_size=5)),
        length,
    )


@FAST
@given(documents())
def test_kappa_is_cohens_kappa_over_characters(document):
    metrics = pytest.importorskip("sklearn.metrics")
    spans_a, spans_b, length = document
    result = character_agreement(spans_a, spans_b, length)
    a, b = flags(spans_a, length), flags(spans_b, length)
    assert result.a == a.sum() and result.b == b.sum() and result.both == (a & b).sum()
    assert result.agreement == pytest.approx(np.mean(a == b))
    assert result.neither + result.a_only + result.b_only + result.both == length
    if result.reason is None:
        expected = metrics.cohen_kappa_score(a, b, labels=[0, 1])
        assert result.kappa == pytest.approx(expected, abs=1e-9)
    else:
        assert math.isnan(result.kappa)
        assert a.sum() == b.sum() and a.sum() in (0, length)


def test_nvivo_example_numbers():
    # A codes 0-59, B codes 20-79 of 100 characters: both 40, neither 20, A only 20, B only 20.
    r = character_agreement([(0, 30), (25, 60)], [(20, 80)], 100)
    assert (r.a, r.b, r.both, r.neither) == (60, 60, 40, 20)
    assert r.agreement == pytest.approx(0.6)
    assert r.disagreement == pytest.approx(0.4)
    # p_e = (60 * 60 + 40 * 40) / 100^2 = .52; kappa = (.6 - .52) / .48
    assert r.kappa == pytest.approx(0.08 / 0.48)


def test_both_coding_everything_is_undefined_not_one():
    r = character_agreement([(0, 10)], [(0, 10)], 10)
    assert r.agreement == 1.0
    assert math.isnan(r.kappa)
    assert "both coders coded all" in r.reason


def test_coding_comparison_rows_and_weighted_average():
    segments = [
        ("plan", "ann", 0, 50, "water"),
        ("plan", "ben", 0, 50, "water"),
        ("annex", "ann", 0, 10, "water"),
        ("annex", "ben", 10, 20, "water"),
        ("plan", "ann", 60, 70, "energy"),
        ("plan", "cy", 0, 100, "energy"),  # a third coder is ignored
    ]
    rows = coding_comparison(segments, {"plan": 100, "annex": 20}, "ann", "ben")
    assert [(r.code, r.document) for r in rows] == [
        ("energy", "plan"),
        ("energy", "annex"),
        ("water", "plan"),
        ("water", "annex"),
    ]
    water = average_by_code(rows)["water"]
    plan_kappa = 1.0
    annex = character_agreement([(0, 10)], [(10, 20)], 20)
    assert water.kappa == pytest.approx((100 * plan_kappa + 20 * annex.kappa) / 120)
    assert water.agreement == pytest.approx((100 * 1.0 + 20 * annex.agreement) / 120)
    energy = average_by_code(rows)["energy"]
    assert energy.n_undefined == 1  # nobody coded energy in the annex
    assert energy.kappa == pytest.approx(rows[0].kappa)


def test_average_of_nothing_and_of_undefined_rows():
    assert math.isnan(average_agreement([]).kappa)
    only_empty = average_agreement([character_agreement([], [], 10)])
    assert math.isnan(only_empty.kappa) and only_empty.agreement == 1.0
    assert "undefined in every document" in only_empty.reason


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: character_agreement([(0, 5)], [], 0), "length: expected a positive"),
        (lambda: character_agreement([(5, 2)], [], 10), r"spans_a\[0\]: the span"),
        (lambda: character_agreement([], [(0, 11)], 10), r"spans_b\[0\]: the span"),
        (lambda: character_agreement([(0,)], [], 10), r"spans_a\[0\]: expected \(start, end\)"),
        (lambda: coding_comparison([], {"d": 5}, "a", "a"), "coder_b: is the same coder"),
        (
            lambda: coding_comparison([("x", "a", 0, 1, "c")], {"d": 5}, "a", "b"),
            "document 'x' has no entry in lengths",
        ),
        (
            lambda: coding_comparison([("x", "a", 0, 1)], {"d": 5}, "a", "b"),
            r"segments\[0\]: expected \(document, coder, start, end, code\)",
        ),
    ],
)
def test_input_errors_name_the_parameter(call, match):
    with pytest.raises(ValueError, match=match):
        call()
