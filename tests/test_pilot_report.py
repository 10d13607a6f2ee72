"""The reliability report on hand-made pilots with known answers (no database, no PDFs).

Two plans made of 10-character "sentences"; three coders (ann, ben, cy). Code x:
ann codes characters 0-50 and ben 20-70 of plan 1, cy codes like ann; in plan 2 (200
characters) all three code 0-100 alike. Code z: everyone codes 80-90 of plan 1. Code w
and v: on 90-100 of plan 1 ann and cy say w, ben says v (a confusion). Code y: nobody.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random

import numpy as np
import pytest

from coder import reliability_report as rr
from coder.errors import PilotError
from coder.reliability import (
    character_agreement,
    krippendorff_alpha,
    pairwise_matrix,
    percent_agreement,
    unitized_alpha,
)
from coder.reliability_formats import to_csv, to_html, to_xlsx, write

CODERS = ["ann", "ben", "cy"]


def sentences(length: int, size: int = 10) -> tuple[tuple[int, int], ...]:
    return tuple((i, i + size) for i in range(0, length, size))


def hand_made(**overrides) -> rr.ReportInput:
    text1 = "".join(f"Zin {i:02d} xx." for i in range(10))  # 10 x 10 characters
    text2 = "".join(f"Zin {i:02d} yy." for i in range(20))
    spans = [
        rr.Span(1, "ann", 0, 50, "x"),
        rr.Span(1, "ben", 20, 70, "x"),
        rr.Span(1, "cy", 0, 50, "x"),
        *(rr.Span(2, c, 0, 100, "x") for c in CODERS),
        *(rr.Span(1, c, 80, 90, "z") for c in CODERS),
        rr.Span(1, "ann", 90, 100, "w"),
        rr.Span(1, "cy", 90, 100, "w"),
        rr.Span(1, "ben", 90, 100, "v"),
    ]
    data = rr.ReportInput(
        name="hand",
        coders=[(c, False) for c in CODERS],
        codes=[("x", "Code x"), ("y", "Code y"), ("z", "Code z"), ("w", "Code w"), ("v", "Code v")],
        documents=[
            rr.Document(1, "Plan <één>", text1, sentences(100), tuple(CODERS)),
            rr.Document(2, "Plan twee", text2, sentences(200), tuple(CODERS)),
        ],
        spans=spans,
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


@pytest.fixture(scope="module")
def report() -> rr.Report:
    return rr.compute(hand_made(), rr.Settings(n_bootstrap=200, seed=3))


def row(report: rr.Report, code: str) -> rr.CodeRow:
    return next(r for r in report.codes if r.code_id == code)


def presence(*units: int, n: int = 30) -> list[int]:
    return [1 if u in units else 0 for u in range(n)]


# known answers -------------------------------------------------------------------------------
def test_segment_level_matches_hand_counted_presence(report):
    # units 0-9 of plan 1 then 0-19 of plan 2; ann/cy: units 0-4 and 10-19, ben 2-6 and 10-19
    x = [presence(0, 1, 2, 3, 4, *range(10, 20)), presence(2, 3, 4, 5, 6, *range(10, 20))]
    x.append(x[0])
    assert row(report, "x").segment.value == pytest.approx(krippendorff_alpha(x))
    # by hand, two coders only: n = 60, n1 = n0 = 30, 4 disagreeing units: 1 - 59*4/900
    pair = rr.compute(
        hand_made(coders=[("ann", False), ("ben", False)]), rr.Settings(n_bootstrap=0)
    )
    assert row(pair, "x").segment.value == pytest.approx(1 - 59 * 4 / 900)
    assert row(report, "x").segment.n_units == 30
    assert row(report, "x").segment.prevalence == pytest.approx(45 / 90)
    assert row(report, "x").segment.agreement == pytest.approx(percent_agreement(x))
    assert row(report, "z").segment.value == 1.0
    assert row(report, "z").segment.band == "good"


def test_character_level_is_nvivo_kappa_weighted_by_plan_length(report):
    # plan 1, ann vs ben: a = b = 50, both 30 of 100: p_o .6, p_e .5, kappa .2; plan 2: 1
    assert character_agreement([(0, 50)], [(20, 70)], 100).kappa == pytest.approx(0.2)
    ann_ben = (0.2 * 100 + 1.0 * 200) / 300
    expected = (ann_ben + 1.0 + ann_ben) / 3  # pairs ann-ben, ann-cy, ben-cy
    assert row(report, "x").character.value == pytest.approx(expected)
    cell = next(c for c in report.cells if c.code_id == "x" and c.document_id == 1)
    assert cell.kappa == pytest.approx((0.2 + 1.0 + 0.2) / 3)
    assert cell.agreement == pytest.approx((0.6 + 1.0 + 0.6) / 3)


def test_unitized_alpha_pools_plans_like_one_continuum(report):
    concatenated = [
        (c, s + (100 if d == 2 else 0), e + (100 if d == 2 else 0), "x")
        for d, c, s, e in [
            (1, "ann", 0, 50),
            (1, "ben", 20, 70),
            (1, "cy", 0, 50),
            (2, "ann", 0, 100),
            (2, "ben", 0, 100),
            (2, "cy", 0, 100),
        ]
    ]
    # plan 2's spans start where plan 1 ends without touching a plan-1 span, so the
    # concatenated continuum has the same stretches as the pooled plans
    reference = unitized_alpha(concatenated, 300, "binary", codes="x", coders=CODERS)
    assert row(report, "x").unitized.value == pytest.approx(reference)
    assert row(report, "x").unitized.n_units == 300


def test_undefined_measures_are_nan_with_a_reason(report):
    unused = row(report, "y")
    for level in rr.LEVELS:
        estimate = unused.level(level)
        assert math.isnan(estimate.value)
        assert estimate.band == "undefined"
        assert estimate.reason
        assert math.isnan(estimate.low) and math.isnan(estimate.high)
    assert "no coder used this code" in unused.segment.reason
    alone = rr.compute(hand_made(coders=[("ann", False)]), rr.Settings(n_bootstrap=0))
    assert math.isnan(alone.overall.segment.value)
    assert "fewer than two coders" in alone.overall.segment.reason


def test_bands_follow_krippendorff():
    assert rr.band(0.8) == "good"
    assert rr.band(0.7999) == "tentative"
    assert rr.band(0.667) == "tentative"
    assert rr.band(0.6669) == "unacceptable"
    assert rr.band(math.nan) == "undefined"


def test_who_deviates_and_confusion(report):
    by = {c.coder: c for c in report.coder_rows}
    # leaving out ben (the one who differs) gives the highest alpha
    assert max(by.values(), key=lambda c: c.alpha_without).coder == "ben"
    assert by["ben"].mean_alpha < by["ann"].mean_alpha
    pairs = {(p.coder_a, p.coder_b): p for p in report.pairs}
    assert pairs[("ann", "cy")].character_kappa == pytest.approx(1.0)
    top = report.confusions[0]
    assert {top.code_a, top.code_b} == {"v", "w"}
    assert top.units == 1 and top.count == 2  # ben against ann and against cy
    units = rr.confusion_units(report, "v", "w")
    assert [(u.document_id, u.start, u.end) for u in units] == [(1, 90, 100)]
    assert units[0].codes == {"ann": ["w"], "ben": ["v"], "cy": ["w"]}


def test_drill_down_to_the_disagreeing_fragments(report):
    found = rr.disagreements(report, code_id="x")
    assert [(d.document_id, d.start, d.end, d.kind) for d in found] == [(1, 0, 70, "boundary")]
    assert found[0].spans == {"ann": [(0, 50)], "ben": [(20, 70)], "cy": [(0, 50)]}
    missing = rr.disagreements(report, code_id="w")
    assert missing[0].kind == "missing" and missing[0].missing_by == ["ben"]
    assert missing[0].other_codes["ben"] == ["v"]
    assert rr.disagreements(report, code_id="x", coders=["ann", "cy"]) == []
    assert rr.disagreements(report, code_id="z") == []


def test_overlap_rule_is_configurable():
    spill = hand_made(
        coders=[("ann", False), ("ben", False)],
        spans=[rr.Span(1, "ann", 0, 12, "x"), rr.Span(1, "ben", 0, 10, "x")],
    )
    strict = rr.compute(spill, rr.Settings(n_bootstrap=0, min_overlap=0.5))
    loose = rr.compute(spill, rr.Settings(n_bootstrap=0, min_overlap=0.0))
    assert row(strict, "x").segment.value == 1.0  # 2 characters in the next sentence: no
    assert row(loose, "x").segment.value < 1.0  # any overlap: ann coded the next sentence too
    assert any("minstens 50%" in note for note in strict.notes)
    assert any("elke overlap" in note for note in loose.notes)


def test_intervals_are_reproducible_and_bracket_the_value(report):
    again = rr.compute(hand_made(), rr.Settings(n_bootstrap=200, seed=3))
    for level in rr.LEVELS:
        a, b = report.overall.level(level), again.overall.level(level)
        assert (a.low, a.high) == (b.low, b.high)
        assert a.low <= a.value + 1e-9 and a.value - 1e-9 <= a.high


# the shortcuts equal the library ----------------------------------------------------------------
def random_pilot(seed: int, *, balanced: bool = False) -> rr.ReportInput:
    rng = random.Random(seed)
    codes = ["a", "b", "c", "d"]
    coders = ["p", "q", "r", "s"]
    documents, spans = [], []
    for doc_id in range(1, 5):
        length = rng.randrange(300, 900)
        readers = tuple(rng.sample(coders, 3)) if balanced else tuple(coders)
        documents.append(
            rr.Document(doc_id, f"plan {doc_id}", "x" * length, sentences(length, 25), readers)
        )
        for _ in range(12):
            start = rng.randrange(0, length - 40)
            end = start + rng.randrange(5, 120)
            code = rng.choice(codes)
            for coder in readers:
                if rng.random() < 0.7:  # inside (0, length): no stretch touches a plan's edge
                    s = max(1, start + rng.randrange(-10, 10))
                    e = min(length - 1, max(s + 1, end + rng.randrange(-10, 10)))
                    c = code if rng.random() < 0.85 else rng.choice(codes)
                    spans.append(rr.Span(doc_id, coder, s, e, c))
    return rr.ReportInput(
        "random",
        [(c, False) for c in coders],
        [(c, c.upper()) for c in codes],
        documents,
        spans,
        design="balanced" if balanced else "crossed",
    )


@pytest.mark.parametrize("balanced", [False, True])
def test_pooled_pairwise_and_leave_one_out_alphas_equal_krippendorff_alpha(balanced):
    result = rr.compute(random_pilot(7, balanced=balanced), rr.Settings(n_bootstrap=0))
    work = result._work
    data = [np.where(work.assigned, work.present[k], np.nan) for k in range(len(work.codes))]
    pooled = np.concatenate(data, axis=1)
    assert result.overall.segment.value == pytest.approx(krippendorff_alpha(pooled), abs=1e-12)
    assert result.overall.segment.agreement == pytest.approx(percent_agreement(pooled))
    for k, code_row in enumerate(result.codes):
        assert code_row.segment.value == pytest.approx(krippendorff_alpha(data[k]), nan_ok=True)
    matrix = pairwise_matrix(krippendorff_alpha, pooled, coders=work.coders)
    for (a, b, value), pair in zip(matrix.pairs(), result.pairs, strict=True):
        assert (a, b) == (pair.coder_a, pair.coder_b)
        assert pair.segment_alpha == pytest.approx(value, abs=1e-12, nan_ok=True)
    for i, coder in enumerate(result.coder_rows):
        expected = krippendorff_alpha(np.delete(pooled, i, axis=0))
        assert coder.alpha_without == pytest.approx(expected, abs=1e-12, nan_ok=True)


def test_character_figures_equal_character_agreement():
    data = random_pilot(11)
    result = rr.compute(data, rr.Settings(n_bootstrap=0))
    work = result._work
    for doc in data.documents:
        for code in work.codes:
            for a, b in [("p", "q"), ("q", "s"), ("p", "r")]:
                mine = rr._characters(
                    *(
                        sum(e - s for s, e in work.merged.get((doc.id, c, code), []))
                        for c in (a, b)
                    ),
                    rr._overlaps(
                        [
                            work.merged.get((doc.id, a, code), []),
                            work.merged.get((doc.id, b, code), []),
                        ],
                        doc.length,
                    )[0, 1],
                    doc.length,
                )
                theirs = character_agreement(
                    work.merged.get((doc.id, a, code), []),
                    work.merged.get((doc.id, b, code), []),
                    doc.length,
                )
                assert mine[0] == pytest.approx(theirs.kappa, nan_ok=True)
                assert mine[1] == pytest.approx(theirs.agreement)
                assert mine[2] == pytest.approx(theirs.disagreement)


def test_unitized_alphas_equal_unitized_alpha_on_the_concatenated_plans():
    data = random_pilot(5)
    result = rr.compute(data, rr.Settings(n_bootstrap=0))
    offset, offsets = 0, {}
    for doc in data.documents:
        offsets[doc.id] = offset
        offset += doc.length
    for code_row in result.codes:
        segments = [
            (s.coder, s.start + offsets[s.document_id], s.end + offsets[s.document_id], s.code_id)
            for s in data.spans
            if s.code_id == code_row.code_id
        ]
        reference = unitized_alpha(
            segments, offset, "binary", codes=code_row.code_id, coders=[c for c, _ in data.coders]
        )
        assert code_row.unitized.value == pytest.approx(reference, abs=1e-9)


# files -------------------------------------------------------------------------------------------
def test_html_is_self_contained_and_escaped():
    data = hand_made()
    data.codes = [("x", "<b>Code x</b>"), *data.codes[1:]]
    data.coders = [("ann", False), ("ben", True), ("cy", False)]
    report = rr.compute(data, rr.Settings(n_bootstrap=50))
    page = to_html(report)
    assert "<b>Code x</b>" not in page and "&lt;b&gt;Code x&lt;/b&gt;" in page
    assert "Plan &lt;één&gt;" in page
    assert "ben (gesimuleerd)" in page and "Gesimuleerde lezers" in page
    assert "http://" not in page and "https://" not in page  # nothing loaded from elsewhere
    assert 'id="d-0-0"' in page  # the heatmap cell of code x in plan 1 links to its fragments


def test_csv_xlsx_and_json(report):
    text = to_csv(report).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    overall = [r for r in rows if r["section"] == "overall"]
    assert [r["level"] for r in overall] == list(rr.LEVELS)
    y = [r for r in rows if r["section"] == "code" and r["code_id"] == "y"]
    assert all(r["value"] == "" and r["band"] == "undefined" for r in y)
    from openpyxl import load_workbook

    data = hand_made()
    data.codes = [("x", '=HYPERLINK("http://x")'), *data.codes[1:]]
    book = load_workbook(io.BytesIO(to_xlsx(rr.compute(data, rr.Settings(n_bootstrap=0)))))
    assert "Per code" in book.sheetnames and "Verschillen" in book.sheetnames
    names = [c.value for c in book["Per code"]["B"]]
    assert '=HYPERLINK("http://x")' in names
    cell = next(c for c in book["Per code"]["B"] if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s"  # a value, never a formula
    loaded = json.loads(write(report, "json"))
    y_row = next(r for r in loaded["codes"] if r["code_id"] == "y")
    assert y_row["segment"]["value"] is None and y_row["segment"]["band"] == "undefined"
    with pytest.raises(PilotError, match="format"):
        write(report, "pdf")


def test_bad_settings_are_refused():
    with pytest.raises(PilotError, match="unit"):
        rr.compute(hand_made(), rr.Settings(unit="page"))
    with pytest.raises(PilotError, match="min-overlap"):
        rr.compute(hand_made(), rr.Settings(min_overlap=1.5))


def test_a_pilot_without_codings_reports_nan_with_reasons():
    empty = rr.compute(hand_made(spans=[]), rr.Settings(n_bootstrap=20))
    for level in rr.LEVELS:
        assert math.isnan(empty.overall.level(level).value)
        assert empty.overall.level(level).reason
    assert empty.overall.unitized.reason == "no coder marked any text"
    assert empty.confusions == [] and rr.disagreements(empty) == []
    for fmt in ("html", "csv", "xlsx", "json"):
        assert write(empty, fmt)
