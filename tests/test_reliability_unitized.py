"""Unitized alphas: a hand-worked example, a literal transcription of the formulas as a
reference, an independent implementation of u-alpha as an oracle when installed
(krippendorff-unitized-alpha), and properties."""

from __future__ import annotations

import math
from itertools import permutations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coder.reliability import explain, unitized_alpha

FAST = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much],
)
GAP = None


# --- a literal transcription of Krippendorff et al. (2016), section by section ------------


def sections(segments, coder, length, codes):
    """A coder's partition of [0, L): (start, end, value) with gaps as value GAP."""
    mine = sorted((s, e, c) for who, s, e, c in segments if who == coder and c in codes)
    out, position = [], 0
    for start, end, code in mine:
        if start > position:
            out.append((position, start, GAP))
        out.append((start, end, code))
        position = end
    if position < length:
        out.append((position, length, GAP))
    return out


def reference(segments, length, variant, coders):
    codes = sorted({s[3] for s in segments})
    if variant == "binary":
        segments = [(who, s, e, "coded") for who, s, e, _ in segments]
        codes = ["coded"]
    values = [GAP, *codes]
    index = {v: i for i, v in enumerate(values)}
    parts = {c: sections(segments, c, length, codes) for c in coders}
    m = len(coders)
    observed = np.zeros((len(values), len(values)))
    for i, j in permutations(coders, 2):
        for s1, e1, v1 in parts[i]:
            for s2, e2, v2 in parts[j]:
                observed[index[v1], index[v2]] += max(0, min(e1, e2) - max(s1, s2))
    observed /= m - 1
    self_pairs = np.zeros(len(values))
    if variant == "cu":
        observed = observed[1:, 1:]
        self_pairs = self_pairs[1:]
        for coder in coders:
            others = {
                p
                for other in coders
                if other != coder
                for s, e, v in parts[other]
                if v is not GAP
                for p in range(s, e)
            }
            for s, e, v in parts[coder]:
                if v is not GAP:
                    self_pairs[index[v] - 1] += sum(p in others for p in range(s, e)) ** 2
    else:
        for coder in coders:
            for s, e, v in parts[coder]:
                self_pairs[index[v]] += (e - s) if v is GAP else (e - s) ** 2
    total = observed.sum()
    if total == 0:
        return math.nan
    expected = np.outer(observed.sum(1), observed.sum(0)) - np.diag(self_pairs)
    expected /= total - self_pairs.sum() / total
    d_o = total - np.trace(observed)
    d_e = expected.sum() - np.trace(expected)
    return math.nan if d_e <= 1e-9 else 1 - d_o / d_e


@st.composite
def continua(draw, max_coders=4, codes=("a", "b", "c")):
    """Segments of 2..max_coders coders on [0, L): each coder's spans are disjoint."""
    length = draw(st.integers(5, 60))
    m = draw(st.integers(2, max_coders))
    segments = []
    for coder in range(m):
        position = draw(st.integers(0, 5))
        while position < length - 1 and draw(st.booleans()):
            end = min(length, position + draw(st.integers(1, 15)))
            segments.append((coder, position, end, draw(st.sampled_from(codes))))
            position = end + draw(st.integers(0, 6))
    return segments, length, list(range(m))


# --- the worked example ----------------------------------------------------------------------


def test_hand_worked_example():
    spans = [("ann", 2, 6, "x"), ("ben", 3, 7, "x")]
    # l_phi,phi = 10, l_xx = 6, l_phi,x = l_x,phi = 2; S_phi = 12, S_x = 32, l.. = 20;
    # D_o l.. = 4, D_e l.. = 2 * 12 * 8 / (20 - 44/20): alpha = 1 - 4 * 17.8 / 192
    result = explain(unitized_alpha, spans, 10)
    assert result.value == pytest.approx(1 - 4 * 17.8 / 192, abs=1e-12)
    assert result.observed == pytest.approx(4 / 20)
    assert result.expected == pytest.approx(2 * 12 * 8 / 17.8 / 20)
    assert reference(spans, 10, "u", ["ann", "ben"]) == pytest.approx(result.value)


def test_identical_segmentations_give_one():
    spans = [(c, s, e, k) for c in "AB" for s, e, k in [(0, 4, "x"), (6, 9, "y")]]
    for variant in ("u", "binary", "cu"):
        assert unitized_alpha(spans, 12, variant) == pytest.approx(1.0)


# --- reference and oracle --------------------------------------------------------------------


@FAST
@given(continua(), st.sampled_from(["u", "binary", "cu"]))
def test_matches_the_literal_formulas(continuum, variant):
    segments, length, coders = continuum
    expected = reference(segments, length, variant, coders)
    value = unitized_alpha(segments, length, variant, coders=coders)
    assert (math.isnan(value) and math.isnan(expected)) or value == pytest.approx(
        expected, abs=1e-9
    )


@FAST
@given(continua())
def test_u_alpha_matches_krippendorff_unitized_alpha_package(continuum):
    module = pytest.importorskip("krippendorff_unitized_alpha.krippendorffs_unitized_alpha")
    segments, length, coders = continuum
    result = explain(unitized_alpha, segments, length, coders=coders)
    assume(result.defined)
    data = {
        coder: [
            module.Segment(module.EMPTY_TAG if v is GAP else v, s, e)
            for s, e, v in sections(segments, coder, length, {"a", "b", "c"})
        ]
        for coder in coders
    }
    expected = module.KrippendorffUnitizedAlpha(data).result
    assert result.value == pytest.approx(expected, abs=1e-9)


# --- variants relate as they should ----------------------------------------------------------


@FAST
@given(continua(codes=("a",)))
def test_binary_equals_u_with_a_single_code(continuum):
    segments, length, coders = continuum
    u = unitized_alpha(segments, length, "u", coders=coders)
    binary = unitized_alpha(segments, length, "binary", coders=coders)
    assert (math.isnan(u) and math.isnan(binary)) or u == pytest.approx(binary, abs=1e-12)


@FAST
@given(continua())
def test_per_code_binary_alpha_is_alpha_of_that_code_alone(continuum):
    segments, length, coders = continuum
    alone = [s for s in segments if s[3] == "a"]
    value = unitized_alpha(segments, length, "binary", codes="a", coders=coders)
    expected = unitized_alpha(alone, length, "u", coders=coders)
    assert (math.isnan(value) and math.isnan(expected)) or value == pytest.approx(expected)


# --- properties ------------------------------------------------------------------------------


@FAST
@given(continua(), st.sampled_from(["u", "binary", "cu"]), st.randoms(use_true_random=False))
def test_invariant_under_renaming_coders_and_mirroring_the_text(continuum, variant, random):
    segments, length, coders = continuum
    value = unitized_alpha(segments, length, variant, coders=coders)
    renamed = coders[:]
    random.shuffle(renamed)
    relabelled = [(renamed[c], s, e, k) for c, s, e, k in segments]
    mirrored = [(c, length - e, length - s, k) for c, s, e, k in segments]
    for other in (
        unitized_alpha(relabelled, length, variant, coders=coders),
        unitized_alpha(mirrored, length, variant, coders=coders),
    ):
        assert (math.isnan(value) and math.isnan(other)) or other == pytest.approx(value)


@FAST
@given(continua(), st.sampled_from(["u", "binary", "cu"]))
def test_perfect_agreement_gives_one(continuum, variant):
    segments, length, coders = continuum
    copied = [(c, s, e, k) for c in coders for who, s, e, k in segments if who == coders[0]]
    result = explain(unitized_alpha, copied, length, variant, coders=coders)
    assert (not result.defined) or result.value == pytest.approx(1.0)


# --- undefined cases and input errors --------------------------------------------------------


@pytest.mark.parametrize(
    ("segments", "variant", "kwargs", "reason"),
    [
        ([], "u", {"coders": ["a", "b"]}, "no coder marked any section"),
        ([("a", 0, 10, "x"), ("b", 0, 10, "x")], "u", {}, "no variation"),
        ([("a", 0, 3, "x"), ("b", 5, 9, "x")], "cu", {}, "no coded sections"),
        ([("a", 0, 6, "x"), ("b", 2, 9, "x")], "cu", {}, "all carry one code"),
        ([("a", 0, 6, "x"), ("b", 2, 9, "y")], "binary", {"codes": "z"}, "no coder marked"),
    ],
)
def test_undefined_cases_return_nan_with_a_reason(segments, variant, kwargs, reason):
    result = explain(unitized_alpha, segments, 10, variant, **kwargs)
    assert math.isnan(result.value)
    assert reason in result.reason


def test_a_coder_who_marked_nothing_counts_when_named():
    spans = [("a", 0, 5, "x"), ("b", 0, 5, "x")]
    assert unitized_alpha(spans, 10) == pytest.approx(1.0)
    assert unitized_alpha(spans, 10, coders=["a", "b", "c"]) < 0.5


def test_overlapping_spans_of_one_code_merge():
    merged = unitized_alpha([("a", 0, 5, "x"), ("a", 3, 8, "x"), ("b", 0, 8, "x")], 10)
    assert merged == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("segments", "length", "kwargs", "match"),
    [
        ([("a", 0, 5, "x")], 0, {}, "length: expected a positive"),
        ([("a", 0, 5, "x")], 4.5, {}, "length: expected a positive"),
        ([("a", 3, 3, "x"), ("b", 0, 2, "x")], 10, {}, r"segments\[0\]: the span \[3, 3\)"),
        ([("a", 0, 11, "x"), ("b", 0, 2, "x")], 10, {}, r"segments\[0\]: the span"),
        ([("a", 0, 5)], 10, {}, r"segments\[0\]: expected \(coder, start, end, code\)"),
        ([("a", 0.5, 5, "x")], 10, {}, r"segments\[0\]: start and end must be whole"),
        ([("a", 0, 5, "x")], 10, {}, "coders: unitized alphas need two or more coders"),
        ([("a", 0, 5, "x"), ("b", 0, 5, "x")], 10, {"coders": ["a"]}, "coder 'b' is not in"),
        ([("a", 0, 5, "x"), ("b", 0, 5, "x")], 10, {"variant": "k"}, "variant: expected one"),
        (
            [("a", 0, 5, "x"), ("a", 4, 8, "y"), ("b", 0, 5, "x")],
            10,
            {},
            "segments: coder 'a' coded .* which overlap",
        ),
    ],
)
def test_input_errors_name_the_parameter(segments, length, kwargs, match):
    with pytest.raises(ValueError, match=match):
        unitized_alpha(segments, length, **kwargs)


def test_overlapping_codes_are_fine_for_binary():
    spans = [("a", 0, 5, "x"), ("a", 4, 8, "y"), ("b", 0, 8, "x")]
    assert unitized_alpha(spans, 10, "binary") == pytest.approx(1.0)
