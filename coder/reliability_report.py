"""The reliability report of a pilot: how alike its coders code, at three levels.

Readers choose their own passages, so "agreement" can be counted in more than one way,
and each way answers another question. The report gives all three, per code and
overall, each with its value, a 95% confidence interval, the number of units, the
prevalence (how much of the text carries the code) and a verdict band:

1. **Segment level** -- do coders apply a code to the same sentences (or paragraphs)?
   The units are the sentences (or paragraphs) of the pilot's plans, headings left out.
   A unit counts as coded with a code by a coder when that coder's coding covers at
   least ``min_overlap`` of the unit, or at least ``min_overlap`` of the coding lies in
   the unit (so a short coding inside a long paragraph counts, and a boundary that
   spills a few words into the next sentence does not); ``min_overlap=0`` counts any
   overlap. Per code: Krippendorff's alpha (nominal) on the binary presence, with
   Krippendorff's bootstrap. Overall: the same alpha over all (unit, code) pairs.
2. **Character level** -- NVivo's coding comparison: per code, per plan and per pair of
   coders, Cohen's kappa and percent agreement over the plan's characters; per code the
   length-weighted average over plans (NVivo's advice), then the mean over coder pairs.
   Overall: the length-weighted average over every code and plan, mean over pairs.
   The interval comes from resampling plans.
3. **Unitized alpha** -- Krippendorff's |u alpha per code (ATLAS.ti's alpha-binary): each
   coder's codings of the code cut each plan into coded stretches and gaps, and both
   where the stretches lie and whether they are there count. Pooled over plans (a plan
   boundary ends every stretch; each plan counts the coders who read it, as alpha does
   with missing values), from the coincidence sums of the character comparison; overall
   pooled over codes too. The interval comes from resampling plans.

Verdict bands follow Krippendorff (2019, section 12.4): alpha >= 0.800 good ("goed"),
0.667 to 0.800 tentative ("voorlopig", only for tentative conclusions), below 0.667
unacceptable ("onvoldoende"); the same bands are applied to the kappas for reading
ease. A measure that is undefined (nobody used the code; a single coder) is NaN with
its reason, never 0 or 1.

Around the levels: the pairwise coder matrix (who deviates: every pair's agreement,
each coder's mean, and the overall alpha without that coder), code confusion (units
where one coder used code A and another code B: candidates for a sharper codebook), a
heatmap of codes by plans, and the drill-down from any cell to the disagreeing
fragments (:func:`disagreements`, :func:`confusion_units`). A pilot that follows
earlier rounds is compared with them code by code.

:func:`build` reads a pilot from the database; :func:`compute` does the work on plain
data (:class:`ReportInput`), so it is testable on hand-made cases.
:mod:`coder.reliability_formats` writes HTML, CSV and XLSX.

How the figures relate to :mod:`coder.reliability`: per-code segment alphas and percent
agreement are its ``krippendorff_alpha`` and ``percent_agreement``. The pooled, pairwise,
leave-one-out and resampled alphas, the character kappas and the unitized alphas are
computed from their sufficient statistics (coincidence sums, coded and shared character
counts) with the same formulas, because pooling over plans and codes and resampling
plans needs sums, and because a 15 x 5 x 30 pilot would otherwise call the measures
tens of thousands of times. ``tests/test_pilot_report.py`` checks every such figure
against ``krippendorff_alpha``, ``pairwise_matrix``, ``character_agreement`` and
``unitized_alpha`` themselves.

Intervals: every 95% interval comes from resampling plans with replacement (a cluster
bootstrap, the same resamples for all three levels): sentences of one plan are not
independent, and Krippendorff's pair-drawing bootstrap, which draws at most 25 pairs per
cell of the coincidence matrix, gives intervals close to [0, 1] for codes that mark a few
percent of the sentences. With few plans the interval is rough; it is stated, not hidden.

References
----------
Krippendorff, K. (2019). Content analysis (4th ed.), sections 12.4 (standards) and 12.6
(unitizing). Krippendorff, Mathet, Bouvry & Widlöcher (2016), Quality & Quantity 50.
NVivo help, "Run a coding comparison query".
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from itertools import combinations
from typing import Any

import numpy as np
import sqlite_utils

from coder.errors import CoderError, PilotError
from coder.reliability import (
    explain,
    krippendorff_alpha,
    percent_agreement,
)

NAN = math.nan
UNITS = ("sentence", "paragraph")
LEVELS = ("segment", "character", "unitized")
GOOD, TENTATIVE = 0.8, 0.667
BANDS = {
    "good": "goed",
    "tentative": "voorlopig",
    "unacceptable": "onvoldoende",
    "undefined": "onbepaald",
}
LEVEL_LABELS = {
    "segment": "segmentniveau",
    "character": "tekenniveau",
    "unitized": "unitized alpha",
}


def band(value: float) -> str:
    """Krippendorff's verdict: good (>= 0.8), tentative (>= 0.667), unacceptable, undefined."""
    if value is None or math.isnan(value):
        return "undefined"
    if value >= GOOD:
        return "good"
    if value >= TENTATIVE:
        return "tentative"
    return "unacceptable"


# input -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """How the report counts; every choice is stated in the report itself."""

    unit: str = "sentence"
    min_overlap: float = 0.5
    n_bootstrap: int = 1000
    confidence: float = 0.95
    seed: int = 0

    def check(self) -> Settings:
        if self.unit not in UNITS:
            raise PilotError(f"unit: expected one of {', '.join(UNITS)}, got {self.unit!r}")
        if not 0.0 <= self.min_overlap <= 1.0:
            raise PilotError(f"min-overlap: expected 0 to 1, got {self.min_overlap!r}")
        if isinstance(self.n_bootstrap, bool) or not 0 <= self.n_bootstrap <= 100_000:
            raise PilotError(f"bootstrap: expected 0 to 100000 resamples, got {self.n_bootstrap}")
        if not 0.0 < self.confidence < 1.0:
            raise PilotError(
                f"confidence: expected a number between 0 and 1, got {self.confidence}"
            )
        return self


@dataclass(frozen=True)
class Document:
    """One plan of the pilot: its text, its units and who read it."""

    id: int
    label: str
    text: str
    units: tuple[tuple[int, int], ...]
    coders: tuple[str, ...]

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Span:
    """One coding: a coder gave ``code_id`` to ``[start, end)`` of a plan."""

    document_id: int
    coder: str
    start: int
    end: int
    code_id: str


@dataclass
class ReportInput:
    """Everything the report is computed from (plain data, no database)."""

    name: str
    coders: list[tuple[str, bool]]  # (name, simulated)
    codes: list[tuple[str, str]]  # (id, name), in codebook order
    documents: list[Document]
    spans: list[Span]
    round: int = 1
    codebook_version: int = 0
    status: str = "closed"
    design: str = "crossed"


# output ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Estimate:
    """One measure: value, interval, units, prevalence, percent agreement, and why NaN."""

    value: float
    low: float = NAN
    high: float = NAN
    n_units: int = 0
    prevalence: float = NAN
    agreement: float = NAN
    reason: str | None = None

    @property
    def band(self) -> str:
        return band(self.value)

    @property
    def band_label(self) -> str:
        return BANDS[self.band]


@dataclass(frozen=True)
class CodeRow:
    code_id: str
    name: str
    segment: Estimate
    character: Estimate
    unitized: Estimate

    def level(self, level: str) -> Estimate:
        return getattr(self, level)


@dataclass(frozen=True)
class Cell:
    """A code in a plan (heatmap cell): character kappa and agreement, mean over pairs."""

    code_id: str
    document_id: int
    kappa: float
    agreement: float
    disagreement: float  # share of characters coded by one coder of a pair but not the other
    reason: str | None = None


@dataclass(frozen=True)
class PairRow:
    coder_a: str
    coder_b: str
    segment_alpha: float
    character_kappa: float
    shared_plans: int


@dataclass(frozen=True)
class CoderRow:
    """One coder against the others: who deviates."""

    coder: str
    label: str
    simulated: bool
    mean_alpha: float  # mean of the pairwise segment alphas with the others
    alpha_without: float  # overall segment alpha when this coder is left out
    mean_kappa: float  # mean of the pairwise character kappas with the others
    coverage: float  # share of the characters of their plans they coded (any code)
    codings: int


@dataclass(frozen=True)
class Confusion:
    """Units where one coder used ``code_a`` and another ``code_b`` (and not the other)."""

    code_a: str
    code_b: str
    name_a: str
    name_b: str
    count: int  # coder pairs x units
    units: int  # distinct units
    share: float  # of the units where either code was used by anyone


@dataclass(frozen=True)
class Disagreement:
    """One place in a plan where the coders did not code a code alike.

    ``start``-``end`` covers every coder's span there; ``spans`` gives each coder's
    own (empty: that coder did not code it), ``other_codes`` the other codes each
    coder gave to that text (a confusion shows up here). ``kind`` is ``missing``
    (some coders did not code it) or ``boundary`` (all did, with other extents).
    """

    document_id: int
    plan: str
    code_id: str
    code: str
    start: int
    end: int
    text: str
    kind: str
    spans: dict[str, list[tuple[int, int]]]
    other_codes: dict[str, list[str]]

    @property
    def coded_by(self) -> list[str]:
        return [c for c, s in self.spans.items() if s]

    @property
    def missing_by(self) -> list[str]:
        return [c for c, s in self.spans.items() if not s]


@dataclass(frozen=True)
class ConfusionUnit:
    document_id: int
    plan: str
    start: int
    end: int
    text: str
    codes: dict[str, list[str]]  # coder -> codes on the unit


@dataclass(frozen=True)
class RoundRow:
    """One round of a chain of pilots, for the comparison of rounds."""

    round: int
    pilot: str
    codebook_version: int
    overall: CodeRow
    codes: dict[str, CodeRow]


@dataclass
class Report:
    name: str
    round: int
    codebook_version: int
    status: str
    design: str
    settings: Settings
    coders: list[tuple[str, bool]]
    documents: list[tuple[int, str, int]]  # (id, label, characters)
    n_units: int  # segment units in all plans
    overall: CodeRow
    codes: list[CodeRow]
    cells: list[Cell]
    pairs: list[PairRow]
    coder_rows: list[CoderRow]
    confusions: list[Confusion]
    notes: list[str]
    rounds: list[RoundRow] = field(default_factory=list)
    codebook_changes: list[str] = field(default_factory=list)
    _work: _Work | None = field(default=None, repr=False)

    @property
    def has_simulated(self) -> bool:
        return any(simulated for _, simulated in self.coders)

    def coder_label(self, name: str) -> str:
        simulated = dict(self.coders).get(name, False)
        return f"{name} (gesimuleerd)" if simulated else name

    def code_name(self, code_id: str) -> str:
        for row in self.codes:
            if row.code_id == code_id:
                return row.name
        return code_id

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: NaN becomes None; bands are included beside each estimate."""
        return _plain(self)


def _plain(value: Any) -> Any:
    if isinstance(value, Estimate):
        data = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        data["band"] = value.band
        return data
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


# the work ----------------------------------------------------------------------------------
def _merge(spans: Iterable[tuple[int, int]], *, touching: bool) -> list[tuple[int, int]]:
    """Union of spans; ``touching=False`` keeps touching spans apart (as unitized alpha does)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] if touching else start < merged[-1][1]):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _interval(samples: np.ndarray, confidence: float) -> tuple[float, float]:
    """Percentile interval with the ranks coder.reliability's bootstrap uses."""
    samples = np.sort(samples[~np.isnan(samples)])
    count = samples.size
    if count == 0:
        return NAN, NAN
    tail = (1.0 - confidence) / 2.0
    low = max(math.floor(tail * count + 1e-9), 1)
    high = min(math.floor((1.0 - tail) * count + 1e-9) + 1, count)
    return float(samples[low - 1]), float(samples[high - 1])


def _unitized_alpha(
    off: np.ndarray, total: np.ndarray, coded: np.ndarray, self_pairs: np.ndarray
) -> np.ndarray:
    """|u alpha from coincidence sums (arrays: one value per resample or one in all).

    For a binary continuum (coded / gap) Krippendorff's unitizing alpha is
    ``1 - D_o / D_e`` with ``D_o = off / l..`` and
    ``D_e = 2 l_x (l.. - l_x) / ((l.. - S / l..) l..)``: ``off`` the coincidences of a
    coded with an uncoded position over coder pairs, ``l..`` (``total``) m times the
    length, ``l_x`` (``coded``) the length all coders coded, ``S`` the self-pairs
    (units squared, gaps linear). These are sums over plans, which is what pools them.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        gaps = total - coded
        expected = 2.0 * coded * gaps / (total - self_pairs / total)
        alpha = 1.0 - off / expected
    return np.where((coded > 0) & (gaps > 0) & (expected > 1e-12), alpha, np.nan)


@dataclass
class _Work:
    """What the computation keeps for drill-downs."""

    data: ReportInput
    coders: list[str]
    codes: list[str]
    names: dict[str, str]
    documents: list[Document]
    merged: dict[tuple[int, str, str], list[tuple[int, int]]]
    unit_doc: np.ndarray  # index into documents, per unit
    unit_start: np.ndarray
    unit_end: np.ndarray
    present: np.ndarray  # codes x coders x units, bool
    assigned: np.ndarray  # coders x units, bool
    every_disagreement: list[Disagreement] | None = None  # cached by disagreements()


def compute(data: ReportInput, settings: Settings | None = None) -> Report:
    """The report from plain data; see the module docstring for what each figure means."""
    settings = (settings or Settings()).check()
    coders = [name for name, _ in data.coders]
    coder_index = {name: i for i, name in enumerate(coders)}
    names = dict(data.codes)
    codes = [code for code, _ in data.codes]
    for span in data.spans:
        if span.code_id not in names:
            names[span.code_id] = span.code_id
            codes.append(span.code_id)
    code_index = {code: k for k, code in enumerate(codes)}
    documents = [d for d in data.documents if d.length > 0]
    doc_index = {d.id: i for i, d in enumerate(documents)}

    raw: dict[tuple[int, str, str], list[tuple[int, int]]] = defaultdict(list)
    codings_per_coder: dict[str, int] = defaultdict(int)
    for span in data.spans:
        i = doc_index.get(span.document_id)
        if i is None or span.coder not in documents[i].coders:
            continue  # not a plan this coder read in the pilot
        if not 0 <= span.start < span.end <= documents[i].length:
            raise PilotError(
                f"coding {span.start}-{span.end} of {span.coder} lies outside plan"
                f" {documents[i].label} (0-{documents[i].length})"
            )
        raw[(span.document_id, span.coder, span.code_id)].append((span.start, span.end))
        codings_per_coder[span.coder] += 1
    merged = {key: _merge(spans, touching=True) for key, spans in raw.items()}
    units_of = {key: _merge(spans, touching=False) for key, spans in raw.items()}

    work = _segment_work(data, settings, coders, coder_index, codes, code_index, names, merged)
    work.merged = merged
    work.documents = documents
    resampled = _resample(settings, len(documents))
    segment = _segment_level(work, settings, resampled)
    character, unitized, cells, char_pairs, coverage = _character_level(
        work, settings, units_of, resampled
    )
    rows = [
        CodeRow(code, names[code], segment["codes"][k], character["codes"][k], unitized["codes"][k])
        for k, code in enumerate(codes)
    ]
    overall = CodeRow(
        "", "Alle codes", segment["overall"], character["overall"], unitized["overall"]
    )
    pairs = []
    for a, b in combinations(range(len(coders)), 2):
        shared = sum(1 for d in documents if coders[a] in d.coders and coders[b] in d.coders)
        pairs.append(
            PairRow(
                coders[a],
                coders[b],
                float(segment["pairwise"][a, b]),
                float(char_pairs.get((a, b), NAN)),
                shared,
            )
        )
    coder_rows = []
    simulated = dict(data.coders)
    for i, coder in enumerate(coders):
        alphas = [p.segment_alpha for p in pairs if coder in (p.coder_a, p.coder_b)]
        kappas = [p.character_kappa for p in pairs if coder in (p.coder_a, p.coder_b)]
        coder_rows.append(
            CoderRow(
                coder,
                f"{coder} (gesimuleerd)" if simulated[coder] else coder,
                simulated[coder],
                _nanmean(alphas),
                float(segment["without"][i]),
                _nanmean(kappas),
                float(coverage[i]),
                codings_per_coder.get(coder, 0),
            )
        )
    notes = _notes(data, settings, work)
    return Report(
        name=data.name,
        round=data.round,
        codebook_version=data.codebook_version,
        status=data.status,
        design=data.design,
        settings=settings,
        coders=list(data.coders),
        documents=[(d.id, d.label, d.length) for d in documents],
        n_units=int(work.unit_start.size),
        overall=overall,
        codes=rows,
        cells=cells,
        pairs=pairs,
        coder_rows=coder_rows,
        confusions=_confusions(work),
        notes=notes,
        _work=work,
    )


def _nanmean(values: Sequence[float]) -> float:
    defined = [float(v) for v in values if not math.isnan(v)]
    return sum(defined) / len(defined) if defined else NAN


def _segment_work(
    data: ReportInput,
    settings: Settings,
    coders: list[str],
    coder_index: dict[str, int],
    codes: list[str],
    code_index: dict[str, int],
    names: dict[str, str],
    merged: dict[tuple[int, str, str], list[tuple[int, int]]],
) -> _Work:
    """Units of every plan, and per code and coder which units they coded."""
    documents = [d for d in data.documents if d.length > 0]
    unit_doc, starts, ends = [], [], []
    offsets = {}
    for i, doc in enumerate(documents):
        offsets[doc.id] = len(starts)
        for start, end in sorted(doc.units):
            if end > start:
                unit_doc.append(i)
                starts.append(start)
                ends.append(end)
    unit_doc_a = np.asarray(unit_doc, dtype=np.int64)
    start_a = np.asarray(starts, dtype=np.int64)
    end_a = np.asarray(ends, dtype=np.int64)
    total = start_a.size
    assigned = np.zeros((len(coders), total), dtype=bool)
    present = np.zeros((len(codes), len(coders), total), dtype=bool)
    bounds = {}
    for i, doc in enumerate(documents):
        lo = offsets[doc.id]
        hi = lo + int(np.count_nonzero(unit_doc_a == i))
        bounds[doc.id] = (lo, hi)
        for coder in doc.coders:
            if coder in coder_index:
                assigned[coder_index[coder], lo:hi] = True
    threshold = settings.min_overlap
    by_doc: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for (doc_id, coder, code), spans in merged.items():
        if doc_id in bounds and coder in coder_index:
            by_doc[doc_id] += [(code_index[code], coder_index[coder], s, e) for s, e in spans]
    n_coders = len(coders)
    for doc_id, items in by_doc.items():
        lo, hi = bounds[doc_id]
        n = hi - lo
        if n == 0:
            continue
        # every (span, unit) pair that may overlap, at once for the whole plan
        k, c, s, e = np.asarray(items, dtype=np.int64).T
        u_start, u_end = start_a[lo:hi], end_a[lo:hi]
        first = np.searchsorted(u_end, s, side="right")
        count = np.maximum(np.searchsorted(u_start, e, side="left") - first, 0)
        span = np.repeat(np.arange(s.size), count)
        unit = first[span] + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        overlap = np.minimum(e[span], u_end[unit]) - np.maximum(s[span], u_start[unit])
        touching = overlap > 0
        long_enough = (overlap >= threshold * (u_end[unit] - u_start[unit])) | (
            overlap >= threshold * (e - s)[span]
        )
        hit = touching & long_enough
        present[k[span][hit], c[span][hit], lo + unit[hit]] = True
        # and the units that several spans of one coder cover together
        key = ((k[span] * n_coders + c[span]) * n + unit)[touching]
        keys, inverse = np.unique(key, return_inverse=True)
        covered = np.bincount(inverse, weights=overlap[touching])
        units = keys % n
        full = covered >= threshold * (u_end[units] - u_start[units])
        pair = keys[full] // n
        present[pair // n_coders, pair % n_coders, lo + units[full]] = True
    return _Work(
        data=data,
        coders=coders,
        codes=codes,
        names=names,
        documents=documents,
        merged=merged,
        unit_doc=unit_doc_a,
        unit_start=start_a,
        unit_end=end_a,
        present=present,
        assigned=assigned,
    )


def _binary_alpha(o01: Any, n0: Any, n1: Any) -> Any:
    """Krippendorff's nominal alpha of binary data from its coincidence sums.

    ``o01`` sums ``k1 k0 / (m_u - 1)`` over the pairable units (``k1`` coders said
    present, ``k0`` absent, of ``m_u``), ``n0``/``n1`` the pairable absent/present
    values: alpha = 1 - (n - 1) o01 / (n0 n1). The sums add over plans and codes,
    which gives the pooled "all codes" alpha and the plan-resampling bootstrap.
    Vectorised: arrays in, arrays out; NaN where there is no variation.
    """
    o01, n0, n1 = (np.asarray(v, dtype=float) for v in (o01, n0, n1))
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1.0 - (n0 + n1 - 1.0) * o01 / (n0 * n1)
    return np.where((n0 > 0) & (n1 > 0), alpha, np.nan)


def _resample(settings: Settings, n_docs: int) -> np.ndarray:
    """How often each plan is drawn in each bootstrap resample (resamples x plans)."""
    counts = np.zeros((settings.n_bootstrap, n_docs))
    if settings.n_bootstrap and n_docs:
        rng = np.random.default_rng(settings.seed)
        picks = rng.integers(0, n_docs, size=(settings.n_bootstrap, n_docs))
        rows = np.repeat(np.arange(settings.n_bootstrap), n_docs)
        np.add.at(counts, (rows, picks.ravel()), 1)
    return counts


def _segment_level(work: _Work, settings: Settings, resampled: np.ndarray) -> dict[str, Any]:
    """Per code: alpha (coder.reliability) and its plan-resampled interval; overall,
    pairwise and leave-one-out alphas from the coincidence sums (they equal
    ``krippendorff_alpha`` on the pooled data, which the tests check)."""
    n_coders, n_codes, n_docs = len(work.coders), len(work.codes), len(work.documents)
    assigned = work.assigned
    m = assigned.sum(axis=0).astype(float)
    pairable = m >= 2
    ones = np.einsum("kcu,cu->ku", work.present.astype(np.int32), assigned.astype(np.int32))
    ones = ones.astype(float)
    zeros = m - ones
    with np.errstate(divide="ignore", invalid="ignore"):
        o01_u = np.where(pairable, ones * zeros / (m - 1.0), 0.0)
        agree_u = np.where(
            pairable, (ones * (ones - 1.0) + zeros * (zeros - 1.0)) / (m * (m - 1.0)), 0.0
        )
    by_doc = work.unit_doc

    def per_doc(values: np.ndarray) -> np.ndarray:
        return np.stack([np.bincount(by_doc, weights=row, minlength=n_docs) for row in values])

    o01 = per_doc(o01_u) if n_codes else np.zeros((0, n_docs))
    n1 = per_doc(np.where(pairable, ones, 0.0)) if n_codes else np.zeros((0, n_docs))
    n0 = per_doc(np.where(pairable, zeros, 0.0)) if n_codes else np.zeros((0, n_docs))
    agreeing = per_doc(agree_u) if n_codes else np.zeros((0, n_docs))
    units_doc = np.bincount(by_doc, weights=pairable.astype(float), minlength=n_docs)

    def interval(o: np.ndarray, z: np.ndarray, p: np.ndarray) -> tuple[float, float]:
        if not settings.n_bootstrap:
            return NAN, NAN
        samples = _binary_alpha(
            np.einsum("bd,d->b", resampled, o),
            np.einsum("bd,d->b", resampled, z),
            np.einsum("bd,d->b", resampled, p),
        )
        return _interval(samples, settings.confidence)

    per_code = []
    if n_coders < 2:
        per_code = [Estimate(NAN, reason="fewer than two coders")] * n_codes
    for k in range(n_codes if n_coders >= 2 else 0):
        data = np.where(assigned, work.present[k], np.nan).astype(float)
        result = explain(krippendorff_alpha, data)
        valued = data[~np.isnan(data)]
        prevalence = float(valued.mean()) if valued.size else NAN
        agreement = percent_agreement(data) if result.n_units else NAN
        low, high = interval(o01[k], n0[k], n1[k]) if result.defined else (NAN, NAN)
        reason = result.reason
        if reason and prevalence == 0.0:
            reason = "no coder used this code: " + reason
        per_code.append(
            Estimate(
                float(result.value),
                low,
                high,
                result.n_units,
                prevalence,
                float(agreement),
                reason,
            )
        )
    if n_coders < 2 or not n_codes or not pairable.any():
        reason = "fewer than two coders" if n_coders < 2 else "no units that two coders read"
        return {
            "codes": per_code or [Estimate(NAN, reason=reason)] * n_codes,
            "overall": Estimate(NAN, reason=reason),
            "pairwise": np.full((n_coders, n_coders), np.nan),
            "without": np.full(n_coders, np.nan),
        }
    o_all, z_all, p_all = o01.sum(axis=0), n0.sum(axis=0), n1.sum(axis=0)
    value = float(_binary_alpha(o_all.sum(), z_all.sum(), p_all.sum()))
    low, high = interval(o_all, z_all, p_all) if not math.isnan(value) else (NAN, NAN)
    total_values = float(z_all.sum() + p_all.sum())
    overall = Estimate(
        value,
        low,
        high,
        int(units_doc.sum()) * n_codes,
        float(p_all.sum() / total_values) if total_values else NAN,
        float(agreeing.sum() / (units_doc.sum() * n_codes)),
        None if not math.isnan(value) else "no variation: no coder used any code",
    )
    pairwise = np.full((n_coders, n_coders), np.nan)
    for a, b in combinations(range(n_coders), 2):
        both = assigned[a] & assigned[b]
        pa, pb = work.present[:, a, both], work.present[:, b, both]
        differ = float(np.count_nonzero(pa != pb))
        present = float(np.count_nonzero(pa) + np.count_nonzero(pb))
        values = 2.0 * n_codes * float(np.count_nonzero(both))
        pairwise[a, b] = pairwise[b, a] = float(_binary_alpha(differ, values - present, present))
    without = np.full(n_coders, np.nan)
    if n_coders >= 3:
        for i in range(n_coders):
            mine = (work.present[:, i, :] & assigned[i]).astype(float)
            m_i = m - assigned[i]
            ones_i = ones - mine
            zeros_i = m_i - ones_i
            ok = m_i >= 2
            with np.errstate(divide="ignore", invalid="ignore"):
                o = np.where(ok, ones_i * zeros_i / (m_i - 1.0), 0.0).sum()
            without[i] = float(
                _binary_alpha(o, np.where(ok, zeros_i, 0.0).sum(), np.where(ok, ones_i, 0.0).sum())
            )
    return {"codes": per_code, "overall": overall, "pairwise": pairwise, "without": without}


def _overlaps(spans: Sequence[list[tuple[int, int]]], length: int) -> np.ndarray:
    """Characters every two coders both coded (coders x coders), from their merged spans."""
    bounds = np.unique(
        np.array([0, length] + [x for row in spans for span in row for x in span], dtype=np.int64)
    )
    widths = np.diff(bounds).astype(float)
    covered = np.zeros((len(spans), widths.size))
    for i, row in enumerate(spans):
        if row:
            edges = np.asarray(row, dtype=np.int64)
            step = np.zeros(bounds.size)
            np.add.at(step, np.searchsorted(bounds, edges[:, 0]), 1.0)
            np.add.at(step, np.searchsorted(bounds, edges[:, 1]), -1.0)
            covered[i] = np.cumsum(step)[:-1] > 0
    return np.einsum("ie,je,e->ij", covered, covered, widths)


def _characters(a: float, b: float, both: float, length: int) -> tuple[float, float, float]:
    """(kappa, agreement, disagreement) of two coders over one plan's characters.

    The formulas of :func:`coder.reliability.character_agreement` (NVivo's), from the
    counts: the report needs them for every code, plan and pair of coders, and
    computing the overlaps of all coders at once is what keeps the report fast;
    the tests check the figures against ``character_agreement`` itself.
    """
    agreement = (length - a - b + 2 * both) / length
    chance = (a * b + (length - a) * (length - b)) / length**2
    kappa = NAN if a == b and a in (0, length) else (agreement - chance) / (1.0 - chance)
    return kappa, agreement, (a + b - 2 * both) / length


def _character_level(
    work: _Work,
    settings: Settings,
    units_of: dict[tuple[int, str, str], list[tuple[int, int]]],
    resampled: np.ndarray,
) -> tuple[dict[str, Any], dict[str, Any], list[Cell], dict[tuple[int, int], float], np.ndarray]:
    """NVivo's per-code, per-plan, per-pair comparison, and the unitized sums built on it."""
    coders, codes, documents = work.coders, work.codes, work.documents
    n_codes, n_docs = len(codes), len(documents)
    pairs = list(combinations(range(len(coders)), 2))
    n_pairs = len(pairs)
    lengths = np.array([d.length for d in documents], dtype=float)
    kappa = np.full((n_codes, n_pairs, n_docs), np.nan)
    agree = np.full((n_codes, n_pairs, n_docs), np.nan)
    differ = np.full((n_codes, n_pairs, n_docs), np.nan)
    off = np.zeros((n_codes, n_docs))
    total = np.zeros(n_docs)
    coded = np.zeros((n_codes, n_docs))
    self_pairs = np.zeros((n_codes, n_docs))
    covered = np.zeros((len(coders), n_docs))
    for d, doc in enumerate(documents):
        readers = [i for i, c in enumerate(coders) if c in doc.coders]
        m = len(readers)
        total[d] = m * doc.length
        for i in readers:
            union = _merge(
                (s for code in codes for s in work.merged.get((doc.id, coders[i], code), [])),
                touching=True,
            )
            covered[i, d] = sum(e - s for s, e in union)
        for k, code in enumerate(codes):
            spans = {i: work.merged.get((doc.id, coders[i], code), []) for i in readers}
            lengths_i = {i: sum(e - s for s, e in spans[i]) for i in readers}
            coded[k, d] = sum(lengths_i.values())
            units = [e - s for i in readers for s, e in units_of.get((doc.id, coders[i], code), [])]
            self_pairs[k, d] = float(sum(u * u for u in units)) + (total[d] - coded[k, d])
            if m < 2:
                continue
            both = _overlaps([spans[i] for i in readers], doc.length)
            disagreeing = 0.0
            for p, (a, b) in enumerate(pairs):
                if a not in spans or b not in spans:
                    continue
                ia, ib = readers.index(a), readers.index(b)
                row = _characters(lengths_i[a], lengths_i[b], both[ia, ib], doc.length)
                kappa[k, p, d], agree[k, p, d], differ[k, p, d] = row
                disagreeing += lengths_i[a] + lengths_i[b] - 2 * both[ia, ib]
            off[k, d] = 2.0 * disagreeing / (m - 1)
    for d, doc in enumerate(documents):
        if sum(1 for c in coders if c in doc.coders) < 2:
            total[d] = 0.0
            coded[:, d] = 0.0
            self_pairs[:, d] = 0.0
            off[:, d] = 0.0

    shared = ~np.isnan(agree[0]) if n_codes else np.zeros((n_pairs, n_docs), dtype=bool)
    assigned_chars = np.array(
        [[doc.length if c in doc.coders else 0 for doc in documents] for c in coders], dtype=float
    )

    def character_estimate(
        num: np.ndarray,
        den: np.ndarray,
        agree_num: np.ndarray,
        agree_den: np.ndarray,
        prevalence: float,
        reason: str,
    ) -> Estimate:
        """num/den: pairs x plans sums of length-weighted kappa over defined plans."""
        with np.errstate(invalid="ignore", divide="ignore"):
            per_pair = num.sum(axis=1) / den.sum(axis=1)
            agreement_pair = agree_num.sum(axis=1) / agree_den.sum(axis=1)
        value = _nanmean(list(per_pair)) if n_pairs else NAN
        agreement = _nanmean(list(agreement_pair)) if n_pairs else NAN
        low = high = NAN
        if not math.isnan(value) and settings.n_bootstrap:
            with np.errstate(invalid="ignore", divide="ignore"):
                # einsum, not @: tiny products, and BLAS threads only contend here
                samples = np.einsum("bd,pd->bp", resampled, num) / np.einsum(
                    "bd,pd->bp", resampled, den
                )
                finite = np.isfinite(samples)
                samples = np.where(finite, samples, 0.0).sum(axis=1) / finite.sum(axis=1)
            low, high = _interval(samples, settings.confidence)
        n_units = int(lengths[shared.any(axis=0)].sum()) if n_pairs else 0
        return Estimate(
            value,
            low,
            high,
            n_units,
            prevalence,
            agreement,
            None if not math.isnan(value) else reason,
        )

    read = np.array([sum(1 for c in coders if c in doc.coders) >= 2 for doc in documents])
    characters = int(lengths[read].sum()) if n_docs else 0

    def unitized_estimate(
        o: np.ndarray, t: np.ndarray, x: np.ndarray, s: np.ndarray, n_units: int, per_code: bool
    ) -> Estimate:
        value = float(_unitized_alpha(o.sum(), t.sum(), x.sum(), s.sum()))
        reason = None
        if math.isnan(value):
            if len(coders) < 2 or t.sum() == 0:
                reason = "fewer than two coders read a plan"
            elif x.sum() == 0:
                reason = "no coder marked any text" + (" with this code" if per_code else "")
            else:
                reason = "no variation: every coder coded all of the text"
        low = high = NAN
        if reason is None and settings.n_bootstrap:
            samples = _unitized_alpha(*(np.einsum("bd,d->b", resampled, v) for v in (o, t, x, s)))
            low, high = _interval(samples, settings.confidence)
        prevalence = float(x.sum() / t.sum()) if t.sum() else NAN
        agreement = float(1.0 - o.sum() / t.sum()) if t.sum() else NAN
        return Estimate(value, low, high, n_units, prevalence, agreement, reason)

    char_codes, unit_codes, cells = [], [], []
    defined_all = np.zeros((n_pairs, n_docs))
    weighted_all = np.zeros((n_pairs, n_docs))
    agree_all = np.zeros((n_pairs, n_docs))
    agree_w_all = np.zeros((n_pairs, n_docs))
    for k, code in enumerate(codes):
        defined = ~np.isnan(kappa[k])
        num = np.where(defined, kappa[k], 0.0) * lengths
        den = defined * lengths
        has = ~np.isnan(agree[k])
        agree_num = np.where(has, agree[k], 0.0) * lengths
        agree_den = has * lengths
        weighted_all += num
        defined_all += den
        agree_all += agree_num
        agree_w_all += agree_den
        prevalence = float(coded[k].sum() / assigned_chars.sum()) if assigned_chars.sum() else NAN
        char_codes.append(
            character_estimate(
                num,
                den,
                agree_num,
                agree_den,
                prevalence,
                "kappa is undefined in every plan: no pair of coders differs in using this code"
                if coded[k].sum()
                else "no coder used this code",
            )
        )
        unit_codes.append(
            unitized_estimate(off[k], total, coded[k], self_pairs[k], characters, per_code=True)
        )
        for d, doc in enumerate(documents):
            if not has[:, d].any():
                continue
            kd = kappa[k, :, d]
            value = _nanmean(list(kd[~np.isnan(kd)]))
            cells.append(
                Cell(
                    code,
                    doc.id,
                    value,
                    _nanmean(list(agree[k, has[:, d], d])),
                    _nanmean(list(differ[k, has[:, d], d])),
                    None
                    if not math.isnan(value)
                    else ("nobody coded it here" if coded[k, d] == 0 else "everybody coded all"),
                )
            )
    all_prevalence = (
        float(coded.sum() / (assigned_chars.sum() * max(n_codes, 1)))
        if assigned_chars.sum()
        else NAN
    )
    char_overall = character_estimate(
        weighted_all,
        defined_all,
        agree_all,
        agree_w_all,
        all_prevalence,
        "kappa is undefined in every plan and code",
    )
    unit_overall = unitized_estimate(
        off.sum(axis=0),
        total * max(n_codes, 1),
        coded.sum(axis=0),
        self_pairs.sum(axis=0),
        characters * n_codes,
        per_code=False,
    )
    char_pairs = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for p, pair in enumerate(pairs):
            den = defined_all[p].sum()
            char_pairs[pair] = float(weighted_all[p].sum() / den) if den else NAN
    coverage = np.divide(
        covered.sum(axis=1),
        assigned_chars.sum(axis=1),
        out=np.full(len(coders), np.nan),
        where=assigned_chars.sum(axis=1) > 0,
    )
    return (
        {"codes": char_codes, "overall": char_overall},
        {"codes": unit_codes, "overall": unit_overall},
        cells,
        char_pairs,
        coverage,
    )


def _confusions(work: _Work, limit: int = 25) -> list[Confusion]:
    """Code pairs that coders swap on the same units, most frequent first."""
    n_codes, n_coders = len(work.codes), len(work.coders)
    if n_codes < 2 or n_coders < 2 or work.unit_start.size == 0:
        return []
    counts = np.zeros((n_codes, n_codes))
    for a, b in combinations(range(n_coders), 2):
        both = work.assigned[a] & work.assigned[b]
        only_a = (work.present[:, a, :] & ~work.present[:, b, :] & both).astype(np.int32)
        only_b = (work.present[:, b, :] & ~work.present[:, a, :] & both).astype(np.int32)
        counts += np.einsum("xu,yu->xy", only_a, only_b)
    counts = counts + counts.T
    used = work.present.any(axis=1)  # codes x units: anyone used it
    found = []
    for x, y in zip(*np.triu_indices(n_codes, 1), strict=True):
        if counts[x, y] > 0:
            found.append((int(counts[x, y]), int(x), int(y)))
    found.sort(key=lambda item: (-item[0], work.codes[item[1]], work.codes[item[2]]))
    result = []
    for count, x, y in found[:limit]:
        units = int(np.count_nonzero(_confusion_mask(work, x, y)))
        either = int(np.count_nonzero(used[x] | used[y]))
        result.append(
            Confusion(
                work.codes[x],
                work.codes[y],
                work.names[work.codes[x]],
                work.names[work.codes[y]],
                count,
                units,
                units / either if either else NAN,
            )
        )
    return result


def _confusion_mask(work: _Work, x: int, y: int) -> np.ndarray:
    mask = np.zeros(work.unit_start.size, dtype=bool)
    present = work.present
    for a, b in combinations(range(len(work.coders)), 2):
        both = work.assigned[a] & work.assigned[b]
        ax, ay, bx, by = present[x, a], present[y, a], present[x, b], present[y, b]
        mask |= both & ((ax & ~bx & by & ~ay) | (bx & ~ax & ay & ~by))
    return mask


def _notes(data: ReportInput, settings: Settings, work: _Work) -> list[str]:
    unit = "zinnen" if settings.unit == "sentence" else "alinea's"
    overlap = (
        "elke overlap"
        if settings.min_overlap == 0
        else f"de codering dekt minstens {settings.min_overlap:.0%} van de eenheid,"
        f" of minstens {settings.min_overlap:.0%} van de codering ligt in de eenheid"
    )
    notes = [
        f"Segmentniveau: eenheden zijn de {unit} van de plannen (titels niet meegeteld);"
        f" een eenheid telt als gecodeerd met een code als {overlap}. Per code:"
        " Krippendorffs alfa (nominaal) op aanwezig/afwezig; 'alle codes' is dezelfde alfa"
        " over alle paren (eenheid, code).",
        "Tekenniveau: zoals NVivo's coding comparison, per code, plan en paar lezers Cohens"
        " kappa en procent overeenstemming over de tekens; per code het naar lengte gewogen"
        " gemiddelde over de plannen, dan het gemiddelde over de paren. Waar niemand (of"
        " iedereen) de code gebruikte is kappa onbepaald en telt het plan niet mee in de kappa.",
        "Unitized alfa: Krippendorffs |u-alfa per code (ATLAS.ti's alpha-binary), gepoold over"
        " de plannen; 'alle codes' poolt ook over de codes.",
        f"Betrouwbaarheidsintervallen ({settings.confidence:.0%}): {settings.n_bootstrap}"
        f" bootstrap-trekkingen (seed {settings.seed}); segmentniveau met Krippendorffs"
        " bootstrap, teken- en unitized niveau door plannen te hertrekken.",
        "Oordeel (Krippendorff): >= 0,800 goed; 0,667-0,800 voorlopig; < 0,667 onvoldoende;"
        " dezelfde grenzen gelden hier voor kappa.",
    ]
    if data.status == "open":
        notes.append("De pilot is nog open: de cijfers kunnen nog veranderen.")
    if any(simulated for _, simulated in data.coders):
        notes.append(
            "Deze pilot bevat gesimuleerde lezers (uit de grondwaarheid van het voorbeeldcorpus,"
            " met ruis): de cijfers tonen de werking van het rapport, niet die van echte lezers."
        )
    if data.design != "crossed":
        notes.append(
            "Onvolledig gebalanceerd ontwerp: elk plan telt de lezers die het lazen; paren"
            " worden vergeleken op de plannen die ze allebei lazen."
        )
    return notes


# drill-down --------------------------------------------------------------------------------
def disagreements(
    report: Report,
    *,
    code_id: str | None = None,
    document_id: int | None = None,
    coders: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[Disagreement]:
    """The places where coders did not code alike, for a heatmap cell, a pair or a code.

    Each coder's spans of the code are grouped where they overlap; a group where not
    every coder has exactly the same spans is a disagreement. ``coders`` limits the
    comparison to some coders (a cell of the pairwise matrix).
    """
    work = _require_work(report)
    everything = code_id is None and document_id is None and coders is None and limit is None
    if everything and work.every_disagreement is not None:
        return list(work.every_disagreement)
    result: list[Disagreement] = []
    wanted_codes = [code_id] if code_id is not None else work.codes
    for doc in work.documents:
        if document_id is not None and doc.id != document_id:
            continue
        readers = [c for c in work.coders if c in doc.coders and (coders is None or c in coders)]
        if len(readers) < 2:
            continue
        index = {c: _SpanIndex(work, doc.id, c) for c in readers}
        for code in wanted_codes:
            spans = [
                (s, e, coder)
                for coder in readers
                for s, e in work.merged.get((doc.id, coder, code), [])
            ]
            for group in _groups(spans):
                start, end = min(s for s, _, _ in group), max(e for _, e, _ in group)
                by_coder = {c: sorted((s, e) for s, e, who in group if who == c) for c in readers}
                if all(by_coder[c] == by_coder[readers[0]] for c in readers):
                    continue
                kind = "missing" if any(not v for v in by_coder.values()) else "boundary"
                others = {c: index[c].codes_over(start, end, code) for c in readers}
                result.append(
                    Disagreement(
                        doc.id,
                        doc.label,
                        code,
                        work.names[code],
                        start,
                        end,
                        doc.text[start:end],
                        kind,
                        by_coder,
                        others,
                    )
                )
                if limit is not None and len(result) >= limit:
                    return result
    if everything:
        work.every_disagreement = list(result)
    return result


class _SpanIndex:
    """One coder's spans of every code in one plan, to ask which codes lie over a stretch."""

    def __init__(self, work: _Work, document_id: int, coder: str) -> None:
        spans = sorted(
            (s, e, code)
            for code in work.codes
            for s, e in work.merged.get((document_id, coder, code), [])
        )
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.longest = max((e - s for s, e, _ in spans), default=0)

    def codes_over(self, start: int, end: int, leave_out: str) -> list[str]:
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return sorted(
            {
                code
                for s, e, code in self.spans[first:last]
                if e > start and s < end and code != leave_out
            }
        )


def _groups(spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    groups: list[list[tuple[int, int, str]]] = []
    end = -1
    for span in sorted(spans):
        if groups and span[0] < end:
            groups[-1].append(span)
            end = max(end, span[1])
        else:
            groups.append([span])
            end = span[1]
    return groups


def confusion_units(
    report: Report, code_a: str, code_b: str, limit: int = 200
) -> list[ConfusionUnit]:
    """The units where one coder used ``code_a`` and another ``code_b`` (drill-down)."""
    work = _require_work(report)
    try:
        x, y = work.codes.index(code_a), work.codes.index(code_b)
    except ValueError:
        raise PilotError(f"unknown code {code_a!r} or {code_b!r} in this report") from None
    mask = _confusion_mask(work, x, y)
    result = []
    for u in np.flatnonzero(mask)[:limit]:
        doc = work.documents[int(work.unit_doc[u])]
        start, end = int(work.unit_start[u]), int(work.unit_end[u])
        codes = {
            coder: [work.codes[k] for k in range(len(work.codes)) if work.present[k, c, u]]
            for c, coder in enumerate(work.coders)
            if work.assigned[c, u]
        }
        result.append(ConfusionUnit(doc.id, doc.label, start, end, doc.text[start:end], codes))
    return result


def _require_work(report: Report) -> _Work:
    if report._work is None:
        raise PilotError("this report was not computed in this session; build it again")
    return report._work


# from the database ---------------------------------------------------------------------------
def load(db: sqlite_utils.Database, name: str, *, unit: str = "sentence") -> ReportInput:
    """The pilot's plans, units, coders, codes (of its codebook version) and codings."""
    from coder import codebook, pilot

    if unit not in UNITS:
        raise PilotError(f"unit: expected one of {', '.join(UNITS)}, got {unit!r}")
    found = pilot.get(db, name)
    ids = [p.document_id for p in found.plans]
    marks = ", ".join("?" * len(ids)) or "NULL"
    texts = {
        row[0]: row[1]
        for row in db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids)
    }
    if unit == "sentence":
        sql = (
            'SELECT s.document_id, s.start, s."end" FROM sentences s'
            " JOIN segments g ON g.id = s.segment_id"
            f" WHERE g.kind != 'heading' AND s.document_id IN ({marks})"
        )
    else:
        sql = (
            'SELECT document_id, start, "end" FROM segments'
            f" WHERE kind != 'heading' AND document_id IN ({marks})"
        )
    units: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in db.execute(sql, ids):
        units[doc_id].append((start, end))
    try:
        codes = codebook.codes_at(db, found.codebook_version)
    except CoderError:  # that version is gone (a restored database): use today's codebook
        codes = codebook.codes_at(db)
    code_list = [(c.id, c.name) for c in codes if not c.is_group]
    known = {c for c, _ in code_list}
    extra = {}
    spans = []
    for c in pilot.codings(db, found):
        spans.append(Span(c.document_id, c.coder, c.start, c.end, c.code_id))
        if c.code_id not in known:
            extra[c.code_id] = c.code_id
    if extra:
        marks_codes = ", ".join("?" * len(extra))
        for code_id, code_name in db.execute(
            f"SELECT id, name FROM codes WHERE id IN ({marks_codes})", list(extra)
        ):
            extra[code_id] = code_name
        code_list += sorted(extra.items())
    documents = [
        Document(
            p.document_id,
            p.label,
            texts.get(p.document_id, ""),
            tuple(units.get(p.document_id, [])),
            tuple(p.coders),
        )
        for p in found.plans
    ]
    return ReportInput(
        name=found.name,
        coders=[(c.name, c.simulated) for c in found.coders],
        codes=code_list,
        documents=documents,
        spans=spans,
        round=found.round,
        codebook_version=found.codebook_version,
        status=found.status,
        design=found.design,
    )


def build(
    db: sqlite_utils.Database,
    name: str,
    settings: Settings | None = None,
    *,
    compare_rounds: bool = True,
) -> Report:
    """The reliability report of a pilot, compared with its earlier rounds."""
    from coder import codebook, pilot

    settings = (settings or Settings()).check()
    report = compute(load(db, name, unit=settings.unit), settings)
    if not compare_rounds:
        return report
    chain = pilot.rounds(db, name)
    if len(chain) > 1:
        quick = Settings(settings.unit, settings.min_overlap, 0, settings.confidence, settings.seed)
        for earlier in chain[:-1]:
            past = compute(load(db, earlier.name, unit=settings.unit), quick)
            report.rounds.append(_round(past))
        report.rounds.append(_round(report))
        before, now = chain[-2].codebook_version, chain[-1].codebook_version
        if before != now:
            for change in codebook.diff(db, before, now):
                what = ", ".join(change.fields) if change.fields else change.note
                report.codebook_changes.append(
                    f"{change.name} ({change.code_id}): {change.kind}"
                    + (f" — {what}" if what else "")
                )
    return report


def _round(report: Report) -> RoundRow:
    return RoundRow(
        report.round,
        report.name,
        report.codebook_version,
        report.overall,
        {row.code_id: row for row in report.codes},
    )


def write(report: Report, fmt: str) -> bytes:
    """The report as ``html``, ``csv``, ``xlsx`` or ``json`` bytes."""
    from coder import reliability_formats

    return reliability_formats.write(report, fmt)
