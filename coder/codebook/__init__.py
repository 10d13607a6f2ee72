"""The codebook: codes with stable ids, versioned changes, YAML/Markdown/HTML/.qdc exchange.

The verbs below are what the CLI (``coder codebook ...``) and the app call; each
change takes the acting user and becomes a new codebook version.

Modules: ``model`` (pure dataclass and validation), ``yaml_io`` (the editable
file), ``qdc`` (REFI-QDA), ``printable`` (Markdown/HTML), ``records`` (the SQL),
``service`` (changing verbs) and ``history`` (versions, log, diff, export).
"""

from coder.codebook.history import FORMATS, CodeDiff, codes_at, diff, export, log, replay
from coder.codebook.model import Code, matches, validate
from coder.codebook.records import Change, Version, coding_counts, current_version
from coder.codebook.service import (
    DEFAULT_CODEBOOK,
    ApplyResult,
    MergeResult,
    SplitResult,
    SplitReview,
    add,
    can_edit,
    edit,
    ensure_default_codebook,
    get,
    import_codes,
    import_qdc,
    load,
    merge,
    move,
    reassign,
    rename,
    retire,
    reviews,
    split,
)

__all__ = [
    "DEFAULT_CODEBOOK",
    "FORMATS",
    "ApplyResult",
    "Change",
    "Code",
    "CodeDiff",
    "MergeResult",
    "SplitResult",
    "SplitReview",
    "Version",
    "add",
    "can_edit",
    "codes_at",
    "coding_counts",
    "current_version",
    "diff",
    "edit",
    "ensure_default_codebook",
    "export",
    "get",
    "import_codes",
    "import_qdc",
    "load",
    "log",
    "matches",
    "merge",
    "move",
    "reassign",
    "rename",
    "replay",
    "retire",
    "reviews",
    "split",
    "validate",
]
