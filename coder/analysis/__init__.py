"""Horizontal analysis: reading the coded corpus one code at a time, and across codes.

Read-only verbs over the store, shared by the CLI, the app and the reports:

- ``code_view`` — every fragment of a code, grouped by organisation, with context;
- ``coverage`` / ``coverage_all`` — who mentions a code, how much, who never does;
- ``organisation_matrix`` / ``attribute_matrix`` — code x organisation and code x
  attribute with chi-square tests; ``cell_fragments`` drills down into a cell;
- ``cooccurrence`` / ``places`` — codes given to the same text, ranked, and where;
- ``alignment`` — presence in the zakelijk versus the inhoudelijk deel, and gaps;
- ``code_terms`` / ``code_subthemes`` / ``group_terms`` — text mining per code.

Figures count *fragments* (distinct spans of a code; two readers coding the same
span count once) and *organisations*; see :mod:`coder.analysis.base`.
"""

from coder.analysis.alignment import (
    STATUSES,
    Alignment,
    AlignmentCell,
    alignment,
    ambition_codes,
    keywords_for,
)
from coder.analysis.base import (
    ATTRIBUTES,
    UNKNOWN,
    Attribute,
    CodeInfo,
    Frame,
    Organisation,
    OrgFilter,
    Scope,
    attribute,
    code,
    coders,
    codes,
    frame,
    union_length,
)
from coder.analysis.cooccurrence import MODES, Cooccurrence, Pair, Place, cooccurrence, places
from coder.analysis.coverage import Coverage, CoverageRow, coverage, coverage_all
from coder.analysis.fragments import (
    SORTS,
    CodeView,
    Fragment,
    OrganisationFragments,
    code_view,
    fragments_by_id,
    key_quote_ids,
)
from coder.analysis.matrices import (
    AttributeMatrix,
    AttributeRow,
    Cell,
    GroupCell,
    OrganisationMatrix,
    attribute_matrix,
    cell_fragments,
    organisation_matrix,
)
from coder.analysis.parts import BUSINESS, CONTENT, PARTS, PartMap, heading_parts
from coder.analysis.stats import ChiSquare, chi_square
from coder.analysis.terms import (
    CodeTerms,
    CodeThemes,
    SubTheme,
    code_subthemes,
    code_terms,
    group_terms,
)

__all__ = [
    "ATTRIBUTES",
    "BUSINESS",
    "CONTENT",
    "MODES",
    "PARTS",
    "SORTS",
    "STATUSES",
    "UNKNOWN",
    "Alignment",
    "AlignmentCell",
    "Attribute",
    "AttributeMatrix",
    "AttributeRow",
    "Cell",
    "ChiSquare",
    "CodeInfo",
    "CodeTerms",
    "CodeThemes",
    "CodeView",
    "Cooccurrence",
    "Coverage",
    "CoverageRow",
    "Fragment",
    "Frame",
    "GroupCell",
    "OrgFilter",
    "Organisation",
    "OrganisationFragments",
    "OrganisationMatrix",
    "Pair",
    "PartMap",
    "Place",
    "Scope",
    "SubTheme",
    "alignment",
    "ambition_codes",
    "attribute",
    "attribute_matrix",
    "cell_fragments",
    "chi_square",
    "code",
    "code_subthemes",
    "code_terms",
    "code_view",
    "coders",
    "codes",
    "cooccurrence",
    "coverage",
    "coverage_all",
    "fragments_by_id",
    "frame",
    "group_terms",
    "heading_parts",
    "key_quote_ids",
    "keywords_for",
    "organisation_matrix",
    "places",
    "union_length",
]
