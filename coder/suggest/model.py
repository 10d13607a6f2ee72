"""The suggestion model: one logistic regression per code on TF-IDF of lemmas.

One-vs-rest logistic regression rather than a single multi-class model because a
passage can carry several codes (17% of the sample corpus carries two), and each
code learns only from the passages whose label for it is known (see
:mod:`coder.suggest.examples`). Regularised logistic regression on a rare code is
under-confident (on the sample corpus, passages scored 0.3-0.4 carried the code 58%
of the time), so each code's scores are calibrated with Platt's sigmoid (Platt 1999)
fitted on out-of-fold scores, folds by organisation like the evaluation. The sigmoid
of a linear score is again linear in the features, so the calibrated model is still
one weight vector and intercept per code. liblinear is deterministic for a seed.

Retraining is from scratch, on demand (``coder suggest train``) or when enough has
changed (:func:`needs_training`): it takes seconds, so an incremental learner
(whose result would depend on the order codings came in) buys nothing.
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass

import numpy as np
import sqlite_utils
from scipy import sparse
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from coder.codebook.records import current_version
from coder.coding import now
from coder.errors import SuggestError
from coder.store import transaction
from coder.suggest.corpus import corpus_index, corpus_key, database_file
from coder.suggest.examples import Examples, from_database
from coder.suggest.features import Vectorizer

#: a code needs this many coded passages (and one known negative) to get a classifier
MIN_POSITIVES = 5
#: inverse regularisation strength: of 4, 16 and 64, 16 and 64 did best on the sample
#: corpus (micro-F1 +0.02 over 4 with 40 plans, +0.26 with 2); 16 leaves more margin for
#: real plans, whose wording varies more
DEFAULT_C = 16.0
#: out-of-fold folds (by organisation) for the calibration of each code
CALIBRATION_FOLDS = 3
#: a code is suggested (and counted as predicted in the evaluation) from this probability
DEFAULT_THRESHOLD = 0.5
#: retrain when this many coding actions or verdicts came in since the last model
RETRAIN_AFTER = 100
_MEMORY: dict[tuple[str, int], Model] = {}


@dataclass(slots=True)
class Model:
    """A trained model: its vectorizer and, per code, weights and intercept."""

    vectorizer: Vectorizer
    codes: list[str]
    coef: np.ndarray  # float32, codes x features
    intercept: np.ndarray  # float64, codes
    id: int | None = None
    trained_at: str = ""
    codebook_version: int | None = None
    corpus_key: str = ""

    def probabilities(self, features: sparse.csr_matrix) -> np.ndarray:
        """P(code | passage), passages x codes (float32)."""
        scores = features @ self.coef.T + self.intercept
        return expit(np.asarray(scores, dtype=np.float32))

    def probabilities_of(self, texts: list[str]) -> np.ndarray:
        return self.probabilities(self.vectorizer.transform_texts(texts))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            codes=np.array(self.codes, dtype=str),
            coef=self.coef,
            intercept=self.intercept,
            **self.vectorizer.arrays(),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, **row: object) -> Model:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            return cls(
                vectorizer=Vectorizer.from_arrays(stored),
                codes=stored["codes"].tolist(),
                coef=stored["coef"],
                intercept=stored["intercept"],
                **row,  # type: ignore[arg-type]
            )


@dataclass(slots=True)
class Fitted:
    """A model with what each code learned from: positives and negatives, or why not."""

    model: Model
    positives: dict[str, int]
    negatives: dict[str, int]
    skipped: dict[str, str]


def _logistic(
    features: sparse.csr_matrix, labels: np.ndarray, *, c: float, seed: int
) -> tuple[np.ndarray, float]:
    classifier = LogisticRegression(C=c, solver="liblinear", random_state=seed)
    classifier.fit(features, labels)
    return classifier.coef_[0], float(classifier.intercept_[0])


def _platt(
    features: sparse.csr_matrix, labels: np.ndarray, groups: np.ndarray, *, c: float, seed: int
) -> tuple[float, float]:
    """Slope and shift of the sigmoid that maps a code's scores to calibrated probabilities,
    fitted on out-of-fold scores; (1, 0), no change, when too few organisations or a fold
    without both labels leave nothing honest to fit on."""
    if len(set(groups.tolist())) < CALIBRATION_FOLDS:
        return 1.0, 0.0
    scores = np.empty(len(labels))
    for train, test in GroupKFold(CALIBRATION_FOLDS).split(features, labels, groups):
        if labels[train].all() or not labels[train].any():
            return 1.0, 0.0
        weights, intercept = _logistic(features[train], labels[train], c=c, seed=seed)
        scores[test] = features[test] @ weights + intercept
    return _sigmoid(scores, labels)


def _sigmoid(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Platt's fit of P(label | score) = expit(slope * score + shift) by Newton's method.

    Targets are Platt's smoothed ones, (N+ + 1) / (N+ + 2) and 1 / (N- + 2), which keep
    the fit finite when the scores separate the labels perfectly.
    """
    n_pos = int(labels.sum())
    targets = np.where(labels, (n_pos + 1) / (n_pos + 2), 1 / (len(labels) - n_pos + 2))
    design = np.column_stack([scores, np.ones_like(scores)])
    params = np.array([1.0, 0.0])
    for _ in range(100):
        p = expit(design @ params)
        hessian = (design * (p * (1 - p))[:, None]).T @ design + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, design.T @ (targets - p))
        params += step
        if np.abs(step).max() < 1e-9:
            break
    return float(params[0]), float(params[1])


def fit(
    features: sparse.csr_matrix,
    examples: Examples,
    vectorizer: Vectorizer,
    *,
    c: float = DEFAULT_C,
    seed: int = 0,
) -> Fitted:
    """One classifier per code with enough examples, each on the rows known for it."""
    coefs, intercepts, codes = [], [], []
    positives, negatives, skipped = {}, {}, {}
    for k, code in enumerate(examples.codes):
        rows = np.flatnonzero(examples.known[:, k])
        labels = examples.positive[rows, k]
        n_pos, n_neg = int(labels.sum()), int((~labels).sum())
        positives[code], negatives[code] = n_pos, n_neg
        if n_pos < MIN_POSITIVES or n_neg == 0:
            skipped[code] = (
                f"{n_pos} coded and {n_neg} uncoded passages (need {MIN_POSITIVES}+ and 1+)"
            )
            continue
        weights, intercept = _logistic(features[rows], labels, c=c, seed=seed)
        slope, shift = _platt(features[rows], labels, examples.groups[rows], c=c, seed=seed)
        coefs.append((slope * weights).astype(np.float32))
        intercepts.append(slope * intercept + shift)
        codes.append(code)
    width = len(vectorizer.vocabulary)
    model = Model(
        vectorizer=vectorizer,
        codes=codes,
        coef=np.vstack(coefs) if coefs else np.zeros((0, width), dtype=np.float32),
        intercept=np.array(intercepts, dtype=np.float64),
    )
    return Fitted(model, positives, negatives, skipped)


def train(db: sqlite_utils.Database, actor: str, *, c: float = DEFAULT_C, seed: int = 0) -> Model:
    """Learn from the team's codings and verdicts now; store the model (one transaction).

    Features come from the corpus index (see :mod:`coder.suggest.corpus`), so the
    model scores any passage of the corpus without lemmatizing it again.
    """
    started = time.perf_counter()
    index = corpus_index(db)
    indexed = time.perf_counter()
    examples = from_database(db, index)
    if not examples.fragments():
        raise SuggestError("nothing to learn from yet: code some fragments first")
    features = index.matrix[index.rows(examples.segment_ids)]
    fitted = fit(features, examples, index.vectorizer, c=c, seed=seed)
    if not fitted.model.codes:
        raise SuggestError(
            f"no code has {MIN_POSITIVES} coded passages yet: code more fragments first"
        )
    finished = time.perf_counter()
    metrics = {
        "positives": fitted.positives,
        "negatives": fitted.negatives,
        "skipped": fitted.skipped,
        "seconds": {
            "index": round(indexed - started, 2),
            "fit": round(finished - indexed, 2),
        },
    }
    model = fitted.model
    with transaction(db):
        model.trained_at = now()
        model.codebook_version = current_version(db)
        model.corpus_key = index.key
        last_action = db.execute("SELECT coalesce(max(id), 0) FROM actions").fetchone()[0]
        model.id = (
            db["suggestion_models"]
            .insert(
                {
                    "trained_at": model.trained_at,
                    "trained_by": actor,
                    "codebook_version": model.codebook_version,
                    "corpus_key": model.corpus_key,
                    "n_codings": examples.n_codings,
                    "n_segments": len(examples),
                    "n_feedback": examples.n_feedback,
                    "last_action_id": last_action,
                    "params": json.dumps(
                        {
                            "c": c,
                            "seed": seed,
                            "min_positives": MIN_POSITIVES,
                            "calibration_folds": CALIBRATION_FOLDS,
                        }
                    ),
                    "metrics": json.dumps(metrics),
                    "weights": model.to_bytes(),
                }
            )
            .last_pk
        )
        # only the newest model is ever used: older rows keep their figures, not weights
        db.execute("UPDATE suggestion_models SET weights = NULL WHERE id < ?", [model.id])
    return model


def latest(db: sqlite_utils.Database) -> Model | None:
    """The newest model (loaded once per process), or None before the first training."""
    row = db.execute(
        "SELECT id, trained_at, codebook_version, corpus_key FROM suggestion_models"
        " WHERE weights IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    key = (database_file(db), row[0])
    if key not in _MEMORY:
        weights = db.execute(
            "SELECT weights FROM suggestion_models WHERE id = ?", [row[0]]
        ).fetchone()[0]
        _MEMORY.clear()
        _MEMORY[key] = Model.from_bytes(
            weights, id=row[0], trained_at=row[1], codebook_version=row[2], corpus_key=row[3]
        )
    return _MEMORY[key]


def require(db: sqlite_utils.Database) -> Model:
    found = latest(db)
    if found is None:
        raise SuggestError("no suggestion model yet: train one first (coder suggest train)")
    return found


def needs_training(db: sqlite_utils.Database, *, after: int = RETRAIN_AFTER) -> str | None:
    """Why the model should be retrained now, or None while it is up to date."""
    row = db.execute(
        "SELECT trained_at, codebook_version, corpus_key, last_action_id FROM suggestion_models"
        " WHERE weights IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return "no model yet"
    trained_at, version, key, last_action = row
    if version != current_version(db):
        return "the codebook changed"
    if key != corpus_key(db):
        return "the corpus changed"
    actions = db.execute(
        "SELECT count(*) FROM actions WHERE id > ? AND entity = 'coding'", [last_action]
    ).fetchone()[0]
    verdicts = db.execute(
        "SELECT count(*) FROM suggestion_feedback WHERE at > ?", [trained_at]
    ).fetchone()[0]
    if actions + verdicts >= after:
        return f"{actions} coding changes and {verdicts} verdicts since the last training"
    return None


def models(db: sqlite_utils.Database) -> list[dict]:
    """Every training run, newest first, with its figures (not its weights)."""
    return [
        {**row, "params": json.loads(row["params"]), "metrics": json.loads(row["metrics"])}
        for row in db.query(
            "SELECT id, trained_at, trained_by, codebook_version, corpus_key, n_codings,"
            " n_segments, n_feedback, params, metrics, weights IS NOT NULL AS current"
            " FROM suggestion_models ORDER BY id DESC"
        )
    ]
