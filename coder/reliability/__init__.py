"""Inter-coder reliability: pure measures on plain data (no database, no I/O).

Predefined units, coders x units data (``None``/NaN = not coded):
    :func:`percent_agreement`, :func:`krippendorff_alpha` (four levels),
    :func:`gwet_ac1`, :func:`brennan_prediger`; :func:`cohen_kappa` for two coders;
    :func:`fleiss_kappa` on a units x categories table (:func:`category_counts`).
Spans that coders chose themselves, on a continuum [0, L):
    :func:`unitized_alpha` (u, binary and cu variants; per code with ``codes=``), and
    NVivo-style character agreement per code and document (:func:`character_agreement`,
    :func:`coding_comparison`, :func:`average_agreement`).
Around them:
    :func:`bootstrap_ci` (seeded intervals), :func:`pairwise_matrix` (every pair of
    coders), :func:`coincidence_matrix`.

Every measure returns a float, NaN when it is undefined for the data (one unit, no
variation, nothing coded); :func:`explain` returns the :class:`AgreementResult` with
the reason. Malformed input raises ``ValueError`` naming the parameter.
"""

from coder.reliability._common import AgreementResult, explain
from coder.reliability.bootstrap import ConfidenceInterval, bootstrap_ci
from coder.reliability.characters import (
    AverageAgreement,
    CharacterAgreement,
    average_agreement,
    average_by_code,
    character_agreement,
    coding_comparison,
)
from coder.reliability.coefficients import (
    brennan_prediger,
    category_counts,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    percent_agreement,
)
from coder.reliability.krippendorff import coincidence_matrix, krippendorff_alpha
from coder.reliability.pairwise import PairwiseMatrix, pairwise_matrix
from coder.reliability.unitized import unitized_alpha

__all__ = [
    "AgreementResult",
    "AverageAgreement",
    "CharacterAgreement",
    "ConfidenceInterval",
    "PairwiseMatrix",
    "average_agreement",
    "average_by_code",
    "bootstrap_ci",
    "brennan_prediger",
    "category_counts",
    "character_agreement",
    "coding_comparison",
    "cohen_kappa",
    "coincidence_matrix",
    "explain",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "pairwise_matrix",
    "percent_agreement",
    "unitized_alpha",
]
