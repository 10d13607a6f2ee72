"""What every measure shares: the result type, ``explain``, and reading coders x units data.

Design: each measure is a plain function returning a ``float`` (so it compares directly
with reference packages and drops into NumPy code), and NaN when the measure is undefined.
The *reason* for a NaN lives in an :class:`AgreementResult`, which ``explain(measure, ...)``
returns for the same arguments. Bad input (wrong shape, unknown level, a span outside the
document) is never NaN: it raises ``ValueError`` naming the parameter at fault.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np

NAN = math.nan

# public float function -> function returning the AgreementResult for the same arguments
_EXPLAINERS: dict[Callable[..., Any], Callable[..., AgreementResult]] = {}


@dataclass(frozen=True)
class AgreementResult:
    """A measure's value with what it rests on, and why it is NaN when it is.

    ``observed`` and ``expected`` are the two terms the coefficient is built from:
    disagreements ``D_o`` and ``D_e`` for the alpha family (``1 - D_o / D_e``),
    agreements ``p_o`` and ``p_e`` for the kappa family (``(p_o - p_e) / (1 - p_e)``);
    NaN when the measure has no such terms (percent agreement has no ``expected``).

    ``n_units`` counts what entered the computation: units coded by two or more coders
    (pairable units), rated units for kappas, or the length of the continuum for the
    unitized alphas.
    """

    measure: str
    value: float
    reason: str | None = None
    n_units: int = 0
    n_coders: int = 0
    observed: float = NAN
    expected: float = NAN

    def __post_init__(self) -> None:
        for name in ("value", "observed", "expected"):  # plain floats, never NumPy scalars
            object.__setattr__(self, name, float(getattr(self, name)))

    def __float__(self) -> float:
        return float(self.value)

    @property
    def defined(self) -> bool:
        """True unless the measure is undefined for this data (then ``reason`` says why)."""
        return self.reason is None


def undefined(measure: str, reason: str, **fields: Any) -> AgreementResult:
    """An undefined result: NaN with its reason."""
    return AgreementResult(measure=measure, value=NAN, reason=reason, **fields)


def explained_by(result_fn: Callable[..., AgreementResult]) -> Callable[[Callable], Callable]:
    """Register ``result_fn`` as what :func:`explain` calls for the decorated measure."""

    def register(measure: Callable) -> Callable:
        _EXPLAINERS[measure] = result_fn
        return measure

    return register


def explain(measure: Callable[..., Any], /, *args: Any, **kwargs: Any) -> AgreementResult:
    """The :class:`AgreementResult` behind ``measure(*args, **kwargs)``.

    Use it when a NaN needs its reason, or when a report shows the observed and
    expected terms next to the coefficient.

    Examples
    --------
    >>> from coder.reliability import explain, krippendorff_alpha
    >>> r = explain(krippendorff_alpha, [[1, 1, 1], [1, 1, 1]])
    >>> r.value
    nan
    >>> r.reason
    'no variation: every pairable value is the same, so expected disagreement is zero'
    """
    try:
        result_fn = _EXPLAINERS[measure]
    except (KeyError, TypeError):
        name = getattr(measure, "__name__", repr(measure))
        raise ValueError(
            f"measure: {name} is not a coder.reliability measure; "
            f"explain() takes one of {sorted(f.__name__ for f in _EXPLAINERS)}"
        ) from None
    return result_fn(*args, **kwargs)


def is_missing(value: Any) -> bool:
    """None and float NaN mean "this coder did not code this unit"."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN is the only value unequal to itself
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Ratings:
    """Coders x units data as float codes with NaN for missing.

    ``values`` is the float array handed to the measures; ``labels`` is None when the
    input was numeric (``values`` are the data themselves), else the original labels,
    with ``values`` holding their indices.
    """

    values: np.ndarray
    labels: list[Hashable] | None

    @property
    def n_coders(self) -> int:
        return self.values.shape[0]


def read_ratings(data: Any, *, numeric: bool, name: str = "data", level: str = "") -> Ratings:
    """Validate coders x units data and return it as floats with NaN for missing.

    Numbers (ints, floats, bools) pass through; other labels (strings, ...) are
    replaced by their index in sorted order, which is only allowed when the measure
    is nominal (``numeric=False``).
    """
    values, labels = _as_float(data, name)
    if labels is not None and numeric:
        example = next(label for label in labels if not isinstance(label, Real))
        raise ValueError(
            f"{name}: level={level!r} needs numbers, got the label {example!r}; "
            "use level='nominal' for categories that are not numbers"
        )
    if values.ndim != 2:
        raise ValueError(
            f"{name}: expected a 2-D coders x units array (one row per coder), "
            f"got shape {values.shape}"
        )
    if values.shape[0] < 2:
        raise ValueError(f"{name}: needs at least two coders (rows), got {values.shape[0]}")
    if np.isinf(values).any():
        raise ValueError(f"{name}: contains an infinite value; use NaN or None for missing")
    return Ratings(values, labels)


def _as_float(data: Any, name: str) -> tuple[np.ndarray, list[Hashable] | None]:
    """Numbers as floats (None -> NaN); anything else factorized into label indices."""
    try:
        array = np.asarray(data)
    except ValueError:
        raise ValueError(f"{name}: every coder (row) must have one entry per unit") from None
    if array.dtype.kind in "biuf":
        return np.asarray(array, dtype=float), None  # no copy when already float64
    if array.dtype.kind == "O" and all(
        is_missing(v) or (isinstance(v, Real) and not isinstance(v, str)) for v in array.flat
    ):
        return np.where(_missing_mask(array), NAN, array).astype(float), None
    if array.ndim != 2:
        raise ValueError(
            f"{name}: expected a 2-D coders x units array (one row per coder), "
            f"got shape {array.shape}"
        )
    present = {_plain(v) for v in array.flat if not is_missing(v)}
    try:
        labels: list[Hashable] = sorted(present)
    except TypeError:
        labels = sorted(present, key=repr)
    index = {label: i for i, label in enumerate(labels)}
    values = np.array([NAN if is_missing(v) else index[_plain(v)] for v in array.flat], dtype=float)
    return values.reshape(array.shape), labels


def _plain(value: Any) -> Any:
    """NumPy scalars (np.str_, np.int64) as the Python values they stand for."""
    return value.item() if isinstance(value, np.generic) else value


def _missing_mask(array: np.ndarray) -> np.ndarray:
    return np.frompyfunc(is_missing, 1, 1)(array).astype(bool)
