"""How good are the suggestions? Grouped cross-validation, a learning curve and a baseline.

Plans of one organisation share wording, so a split that puts one plan in training and
another of the same organisation in testing flatters the model: every split here is by
organisation (``GroupKFold``, or one seeded split that trains on a share of the
organisations). Features are refitted on each training part alone, so nothing of the
test plans leaks in through the vocabulary either.

Reported, in one run: per code precision, recall, F1 and support; micro averages
(every passage x code decision counts once) and macro averages (every code counts
once, so rare codes weigh as much as common ones); the same for a keyword baseline
(a code is predicted where its name or short name occurs, lemmatized); a learning
curve (micro-F1 against the number of coded fragments trained on, on one fixed test
part); and calibration (predicted probability against how often the code was there).
Only labels that are known count (see :mod:`coder.suggest.examples`).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils
from sklearn.model_selection import GroupKFold

from coder.coding import now
from coder.errors import SuggestError
from coder.store import transaction
from coder.suggest.corpus import corpus_index
from coder.suggest.examples import Examples, codable_codes, from_database, from_ground_truth
from coder.suggest.features import Vectorizer, terms
from coder.suggest.model import DEFAULT_C, DEFAULT_THRESHOLD, fit

#: the shares of the training organisations the learning curve trains on
CURVE_SHARES = (0.1, 0.2, 0.35, 0.5, 0.75, 1.0)
CALIBRATION_BINS = 10
_NAME_PARTS = re.compile(r"\s+en\s+|,|/", re.IGNORECASE)


@dataclass(slots=True)
class Scores:
    """Precision, recall and F1 from counts (0 where undefined, as scikit-learn's default)."""

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int

    @classmethod
    def of(cls, tp: float, fp: float, fn: float) -> Scores:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            round(float(precision), 4),
            round(float(recall), 4),
            round(float(f1), 4),
            int(tp + fn),
            int(tp + fp),
        )


@dataclass(slots=True)
class Evaluation:
    source: str
    split: str
    seed: int
    threshold: float
    passages: int
    organisations: int
    fragments: int
    per_code: list[dict[str, Any]]
    micro: Scores
    macro: Scores
    baseline_micro: Scores
    baseline_macro: Scores
    folds: list[dict[str, Any]]
    learning_curve: list[dict[str, Any]]
    calibration: list[dict[str, Any]]
    seconds: float = 0.0
    id: int | None = None
    run_at: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evaluation:
        scores = ("micro", "macro", "baseline_micro", "baseline_macro")
        return cls(**{k: Scores(**v) if k in scores else v for k, v in data.items()})


def splits(
    groups: np.ndarray, *, folds: int = 5, train_share: float | None = None, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train rows, test rows) per split; no group is ever on both sides.

    With ``train_share``, one split: a seeded random ``train_share`` of the groups
    trains, the rest tests. Otherwise ``GroupKFold(folds)``: each group tests once.
    """
    names = np.array(sorted(set(groups.tolist())), dtype=object)
    if train_share is not None:
        if not 0 < train_share < 1:
            raise SuggestError(f"--train-share {train_share} must lie between 0 and 1")
        n_train = round(train_share * len(names))
        if n_train < 1 or n_train >= len(names):
            raise SuggestError(
                f"{len(names)} organisations cannot be split {train_share:.0%} / rest:"
                " each side needs one at least"
            )
        shuffled = np.random.default_rng(seed).permutation(names)
        train = np.isin(groups, shuffled[:n_train])
        return [(np.flatnonzero(train), np.flatnonzero(~train))]
    if folds < 2 or len(names) < folds:
        raise SuggestError(
            f"{folds}-fold cross-validation needs at least {max(folds, 2)} organisations"
            f" with coded passages; there are {len(names)}"
        )
    return list(GroupKFold(n_splits=folds).split(np.zeros(len(groups)), groups=groups))


def _counts(predicted: np.ndarray, examples: Examples) -> np.ndarray:
    """Per code: true positives, false positives, false negatives (3 x codes)."""
    known, positive = examples.known, examples.positive
    return np.array(
        [
            (predicted & positive & known).sum(axis=0),
            (predicted & ~positive & known).sum(axis=0),
            (~predicted & positive & known).sum(axis=0),
        ],
        dtype=np.int64,
    )


def _micro(counts: np.ndarray) -> Scores:
    return Scores.of(*counts.sum(axis=1))


def _macro(counts: np.ndarray) -> Scores:
    """Mean over the codes that occur in the test data."""
    per_code = [Scores.of(*counts[:, k]) for k in range(counts.shape[1])]
    present = [s for s in per_code if s.support] or [Scores(0, 0, 0, 0, 0)]
    return Scores(
        round(float(np.mean([s.precision for s in present])), 4),
        round(float(np.mean([s.recall for s in present])), 4),
        round(float(np.mean([s.f1 for s in present])), 4),
        sum(s.support for s in present),
        sum(s.predicted for s in present),
    )


def keyword_patterns(codes: list[dict]) -> list[list[frozenset[str]]]:
    """Per code, the lemma sets of its name and short name and of their parts.

    "Diversiteit en inclusie" gives {diversiteit, inclusie}, {diversiteit} and
    {inclusie}: a passage naming either part is predicted to carry the code.
    """
    patterns = []
    for code in codes:
        phrases = {code["name"], code["short_name"] or code["name"]}
        phrases |= {part for p in list(phrases) for part in _NAME_PARTS.split(p)}
        lemma_sets = {frozenset(t) for t in terms(sorted(phrases)) if t}
        patterns.append(sorted(lemma_sets, key=sorted))
    return patterns


def keyword_baseline(
    term_lists: list[list[str]], patterns: list[list[frozenset[str]]]
) -> np.ndarray:
    """Passages x codes: True where all lemmas of one of the code's name parts occur."""
    predicted = np.zeros((len(term_lists), len(patterns)), dtype=bool)
    for i, passage in enumerate(term_lists):
        present = set(passage)
        for k, lemma_sets in enumerate(patterns):
            predicted[i, k] = any(lemmas <= present for lemmas in lemma_sets)
    return predicted


def _predict(
    train: Examples,
    test_terms: list[list[str]],
    train_terms: list[list[str]],
    *,
    c: float,
    seed: int,
) -> np.ndarray:
    """Probabilities (test passages x all codes; 0 for codes without a classifier)."""
    vectorizer = Vectorizer.fit(train_terms)
    fitted = fit(vectorizer.transform(train_terms), train, vectorizer, c=c, seed=seed)
    model = fitted.model
    probabilities = np.zeros((len(test_terms), len(train.codes)), dtype=np.float32)
    if model.codes:
        columns = [train.codes.index(code) for code in model.codes]
        probabilities[:, columns] = model.probabilities(vectorizer.transform(test_terms))
    return probabilities


def _calibration(probabilities: np.ndarray, examples: Examples) -> list[dict[str, Any]]:
    """Per probability band: how many decisions, mean probability, how often it was right."""
    known = examples.known
    p, y = probabilities[known], examples.positive[known]
    bands = np.minimum((p * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    rows = []
    for band in range(CALIBRATION_BINS):
        inside = bands == band
        if inside.any():
            rows.append(
                {
                    "band": f"{band / CALIBRATION_BINS:.1f}-{(band + 1) / CALIBRATION_BINS:.1f}",
                    "decisions": int(inside.sum()),
                    "mean_probability": round(float(p[inside].mean()), 4),
                    "observed": round(float(y[inside].mean()), 4),
                }
            )
    return rows


def evaluate_examples(
    examples: Examples,
    codes: list[dict],
    *,
    folds: int = 5,
    train_share: float | None = None,
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
    c: float = DEFAULT_C,
    source: str = "codings",
) -> Evaluation:
    """Cross-validate on these examples (see the module); deterministic for a seed."""
    started = time.perf_counter()
    if not len(examples) or not examples.fragments():
        raise SuggestError("nothing to evaluate: there are no coded passages yet")
    parts = splits(examples.groups, folds=folds, train_share=train_share, seed=seed)
    term_lists = terms(examples.texts)
    patterns = keyword_patterns(codes)
    counts = np.zeros((3, len(examples.codes)), dtype=np.int64)
    baseline = np.zeros_like(counts)
    tested = np.zeros(len(examples), dtype=bool)
    probabilities = np.zeros(examples.positive.shape, dtype=np.float32)
    fold_rows = []
    for train_rows, test_rows in parts:
        train, test = examples.subset(train_rows), examples.subset(test_rows)
        test_terms = [term_lists[i] for i in test_rows]
        p = _predict(train, test_terms, [term_lists[i] for i in train_rows], c=c, seed=seed)
        probabilities[test_rows] = p
        tested[test_rows] = True
        fold_counts = _counts(p >= threshold, test)
        fold_baseline = _counts(keyword_baseline(test_terms, patterns), test)
        counts += fold_counts
        baseline += fold_baseline
        fold_rows.append(
            {
                "train_organisations": sorted(set(train.groups.tolist())),
                "test_organisations": sorted(set(test.groups.tolist())),
                "train_fragments": train.fragments(),
                "test_fragments": test.fragments(),
                "micro_f1": _micro(fold_counts).f1,
                "baseline_micro_f1": _micro(fold_baseline).f1,
            }
        )
    names = {code["id"]: code["name"] for code in codes}
    per_code = [
        {
            "code": code,
            "name": names.get(code, code),
            **asdict(Scores.of(*counts[:, k])),
            "baseline_f1": Scores.of(*baseline[:, k]).f1,
        }
        for k, code in enumerate(examples.codes)
    ]
    split = (
        f"train on {train_share:.0%} of the organisations, test on the rest (seed {seed})"
        if train_share is not None
        else f"{folds}-fold GroupKFold by organisation"
    )
    return Evaluation(
        source=source,
        split=split,
        seed=seed,
        threshold=threshold,
        passages=len(examples),
        organisations=len(set(examples.groups.tolist())),
        fragments=examples.fragments(),
        per_code=per_code,
        micro=_micro(counts),
        macro=_macro(counts),
        baseline_micro=_micro(baseline),
        baseline_macro=_macro(baseline),
        folds=fold_rows,
        learning_curve=_learning_curve(
            examples, term_lists, parts[0], seed=seed, threshold=threshold, c=c
        ),
        calibration=_calibration(probabilities[tested], examples.subset(np.flatnonzero(tested))),
        seconds=round(time.perf_counter() - started, 1),
        params={"folds": folds, "train_share": train_share, "c": c},
    )


def _learning_curve(
    examples: Examples,
    term_lists: list[list[str]],
    split: tuple[np.ndarray, np.ndarray],
    *,
    seed: int,
    threshold: float,
    c: float,
) -> list[dict[str, Any]]:
    """Micro- and macro-F1 on the first split's test part, training on growing shares of
    its training organisations (nested, in a seeded order)."""
    train_rows, test_rows = split
    test = examples.subset(test_rows)
    test_terms = [term_lists[i] for i in test_rows]
    names = np.array(sorted(set(examples.groups[train_rows].tolist())), dtype=object)
    order = np.random.default_rng(seed).permutation(names)
    points, sizes = [], sorted({max(1, round(s * len(order))) for s in CURVE_SHARES})
    for size in sizes:
        rows = train_rows[np.isin(examples.groups[train_rows], order[:size])]
        train = examples.subset(rows)
        if not train.fragments():
            continue
        p = _predict(train, test_terms, [term_lists[i] for i in rows], c=c, seed=seed)
        scored = _counts(p >= threshold, test)
        points.append(
            {
                "organisations": size,
                "fragments": train.fragments(),
                "micro_f1": _micro(scored).f1,
                "macro_f1": _macro(scored).f1,
            }
        )
    return points


def evaluate(
    db: sqlite_utils.Database,
    actor: str,
    *,
    folds: int = 5,
    train_share: float | None = None,
    ground_truth: str | Path | None = None,
    seed: int = 0,
    threshold: float = DEFAULT_THRESHOLD,
    c: float = DEFAULT_C,
) -> Evaluation:
    """Evaluate on the team's codings (or a ground-truth file) and keep the result for the UI."""
    codes = codable_codes(db)
    code_ids = [code["id"] for code in codes]
    if ground_truth is not None:
        examples = from_ground_truth(ground_truth, code_ids)
        source = f"ground truth {Path(ground_truth).name}"
    else:
        examples = from_database(db, corpus_index(db), code_ids)
        source = "the team's codings"
    result = evaluate_examples(
        examples,
        codes,
        folds=folds,
        train_share=train_share,
        seed=seed,
        threshold=threshold,
        c=c,
        source=source,
    )
    result.run_at = now()
    data = result.as_dict()
    with transaction(db):
        result.id = (
            db["suggestion_evaluations"]
            .insert(
                {
                    "run_at": result.run_at,
                    "run_by": actor,
                    "params": json.dumps(result.params | {"source": source, "seed": seed}),
                    "result": json.dumps({k: v for k, v in data.items() if k != "id"}),
                }
            )
            .last_pk
        )
    return result


def latest_evaluation(db: sqlite_utils.Database) -> Evaluation | None:
    """The most recent evaluation run (as shown in the app), or None."""
    row = db.execute(
        "SELECT id, result FROM suggestion_evaluations ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    found = Evaluation.from_dict(json.loads(row[1]))
    found.id = row[0]
    return found


def ground_truth_file(db: sqlite_utils.Database) -> Path:
    """The ``ground_truth.jsonl`` beside the ingested plans (a generated sample corpus)."""
    folders = {
        Path(row[0]).parent
        for row in db.execute("SELECT path FROM documents WHERE status = 'ingested'")
    }
    found = sorted(f / "ground_truth.jsonl" for f in folders if (f / "ground_truth.jsonl").exists())
    if len(found) != 1:
        where = ", ".join(str(f) for f in found) or "beside the ingested plans"
        raise SuggestError(
            f"{'no' if not found else 'more than one'} ground_truth.jsonl ({where}):"
            " name the file with --ground-truth FILE"
        )
    return found[0]
