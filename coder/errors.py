"""Typed errors of the library.

Library code raises these; the CLI and the UI turn them into one-line messages.
Every message names the file, field or argument at fault and what to do, so a
user never needs a traceback to fix their input.
"""


class CoderError(Exception):
    """Base class: anything the user can fix by changing their input or set-up."""


class StoreError(CoderError):
    """The database cannot be opened, is too new for this version, or is damaged."""


class IngestError(CoderError):
    """One PDF could not be ingested (encrypted, corrupt, not a PDF, ...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ManifestError(CoderError):
    """The organisations manifest has problems; ``problems`` lists one line per row."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


class SearchQueryError(CoderError):
    """A full-text query that SQLite's FTS5 cannot parse."""


class NotFoundError(CoderError):
    """A document, organisation or other record named by the user does not exist."""


class CodebookError(CoderError):
    """A codebook file or change has problems; ``problems`` lists one line per code and field.

    Raised before anything is written, so a rejected file or change leaves the
    database as it was.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class CodingError(CoderError):
    """A coding action that cannot be done: bad span, unknown code, nothing to undo."""


class PermissionDenied(CoderError):
    """The acting user may not do this (e.g. change another reader's coding)."""


class ConflictError(CoderError):
    """Someone changed the record since it was read; reload and try again."""


class ExchangeError(CoderError):
    """An export, import, dump or restore that cannot be done; ``problems`` lists each reason.

    Raised before anything is written (or inside the one transaction, which then
    rolls back), so a refused import or restore leaves the database as it was.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        super().__init__(f"{source}: {shown}{more}")


class SummaryError(CoderError):
    """A summary, finding, comment or key quote change that cannot be made as asked
    (an unknown status, a transition the review workflow does not allow, an empty text)."""


class PilotError(CoderError):
    """A pilot that cannot be created, simulated, closed or adjudicated as asked
    (an unknown pilot, too few plans to sample, a pilot that is already closed)."""


class FrozenError(PermissionDenied):
    """The coding belongs to a closed pilot: its codings are the evidence of the
    reliability report and no longer change (new codings on the plan are fine)."""


class AccountError(CoderError):
    """A user account change or login that cannot be done as asked (a name taken, a weak
    password, an unknown role). Login failures say no more than "name or password wrong",
    so a message never tells whether an account exists."""


class SuggestError(CoderError):
    """Code suggestions cannot be made, trained or evaluated as asked (no model trained yet,
    too few codings to learn from, an evaluation split with too few organisations)."""
