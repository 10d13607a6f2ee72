"""The codebook verbs: load, import, add, rename, edit, move, merge, split, retire.

Every verb builds the complete codebook it would leave behind and hands it to
:func:`_apply`, the one path into the database: it validates the whole result,
refuses to drop codes that still have codings, records each changed field as a
change of a new version (who, when) and writes it all in one transaction. A
change that fails any check writes nothing; a change that changes nothing
makes no version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any

import sqlite_utils

from coder import users
from coder.codebook import qdc, records
from coder.codebook.model import (
    EDITABLE_FIELDS,
    Code,
    default_guid,
    descendants,
    normalise_guid,
    ordered,
    renumber,
    validate,
)
from coder.codebook.records import Change
from coder.codebook.yaml_io import read_yaml
from coder.errors import CodebookError, NotFoundError
from coder.store import transaction

DEFAULT_CODEBOOK = Path(__file__).resolve().parents[2] / "codebook" / "default.yaml"
DIFF_FIELDS = (
    "name",
    "short_name",
    "parent_id",
    "sort_order",
    "colour",
    "definition",
    "inclusion",
    "exclusion",
    "examples",
    "is_group",
    "guid",
)
_FIELD_ACTION = {"name": "rename", "parent_id": "move", "sort_order": "reorder"}
# Reported in summaries, in this order; 'reorder' alone is noise next to a move.
_SUMMARY_ACTIONS = (
    ("add", "added"),
    ("restore", "restored"),
    ("rename", "renamed"),
    ("edit", "edited"),
    ("move", "moved"),
    ("merge", "merged"),
    ("split", "split"),
    ("retire", "retired"),
)


@dataclass
class ApplyResult:
    """What a verb did: the new version (None when nothing changed) and its changes."""

    version: int | None
    summary: str
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Codes per action, e.g. {'add': 35} (several fields of one code count once)."""
        seen = {(c.code_id, c.action) for c in self.changes}
        return dict(Counter(action for _, action in seen))

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "summary": self.summary,
            "counts": self.counts(),
            "changes": [c.as_dict() for c in self.changes],
            "warnings": self.warnings,
        }


@dataclass
class MergeResult(ApplyResult):
    """A merge: besides the version, how many codings moved and how many were twins."""

    moved: int = 0
    duplicates: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "moved": self.moved, "duplicates": self.duplicates}


@dataclass
class SplitResult(ApplyResult):
    """A split: the new codes and the codings still on the old code, to review."""

    into: list[str] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "into": self.into, "review": self.review}


def can_edit(db: sqlite_utils.Database, actor: str | None) -> bool:
    """Whether ``actor`` may change the codebook (admins: see :mod:`coder.users`).

    The UI asks this to show or hide edit controls; every verb checks the same rule.
    """
    return users.can(db, actor, "codebook")


def _require_editor(db: sqlite_utils.Database, actor: str, source: str) -> None:
    """Refuse a change without an acting user (CodebookError) or by a non-admin
    (PermissionDenied). Call inside the change's transaction."""
    if not actor or not actor.strip():
        raise CodebookError(source, ["who makes the change is missing (--as USER)"])
    users.require(db, actor.strip(), "codebook")


def _unit_of_work(verb: Callable[..., Any]) -> Callable[..., Any]:
    """Run a verb in one transaction, reading the codebook it changes inside it.

    BEGIN IMMEDIATE takes the write lock before the verb reads the current codes, so
    two people changing the codebook at once queue instead of one silently undoing
    the other's change with a stale copy.
    """

    @wraps(verb)
    def wrapper(db: sqlite_utils.Database, *args: Any, **kwargs: Any) -> Any:
        with transaction(db):
            return verb(db, *args, **kwargs)

    return wrapper


# -- the one path in ---------------------------------------------------------------


def _apply(
    db: sqlite_utils.Database,
    new_codes: list[Code],
    *,
    actor: str,
    summary: str,
    source: str,
    notes: dict[str, tuple[str, dict[str, Any] | None]] | None = None,
    extra: list[Change] | None = None,
    tally: bool = False,
    by_the_app: bool = False,
) -> ApplyResult:
    """Make ``new_codes`` the codebook, as one new version (see the module docstring).

    ``notes`` renames the action of a code's add/remove row and attaches a detail
    (a merge, a code made by a split); ``extra`` adds rows that change no field
    (the split itself); ``tally`` appends the count per action to the summary (for
    loads, where the summary alone says little). ``by_the_app`` is for the default
    codebook only, which the app loads as :data:`coder.users.SYSTEM` before anyone
    can have logged in.
    """
    notes = notes or {}
    with transaction(db):
        if not by_the_app:
            _require_editor(db, actor, source)
        old = {c.id: c for c in records.active_codes(db)}
        retired = records.retired_codes(db)
        guids = records.stored_guids(db)
        codes = renumber(new_codes)
        codes = [c if c.guid else c.copy(guid=guids.get(c.id) or default_guid(c.id)) for c in codes]
        problems = validate(codes)
        problems += _store_problems(db, codes, old, retired)
        if problems:
            raise CodebookError(source, problems)
        changes = _changes(old, codes, retired, notes)
        changes += extra or []
        if not changes:
            return ApplyResult(None, "no changes")
        removed_ids = [c.code_id for c in changes if c.action in ("retire", "merge")]
        removed = {
            code_id: (notes.get(code_id, ("", None))[1] or {}).get("into")
            for code_id in removed_ids
        }
        text = _summarise(summary, changes, tally)
        version = records.write_version(
            db, actor=actor.strip(), summary=text, changes=changes, new_codes=codes, removed=removed
        )
        return ApplyResult(version, text, changes)


def _store_problems(
    db: sqlite_utils.Database,
    codes: list[Code],
    old: dict[str, Code],
    retired: dict[str, dict[str, Any]],
) -> list[str]:
    """What the database forbids: dropping coded codes, coded groups, reused GUIDs."""
    problems = []
    counts = records.coding_counts(db)
    new_ids = {c.id for c in codes}
    for code_id in old:
        if code_id not in new_ids and counts.get(code_id):
            problems.append(
                f"code {code_id!r}: has {counts[code_id]} codings; merge it into another code"
                " (or move its codings) before it can leave the codebook"
            )
    for code in codes:
        if code.is_group and counts.get(code.id):
            problems.append(
                f"code {code.id!r}: has {counts[code.id]} codings, so it cannot become a group"
                " (groups are not codable)"
            )
        key = normalise_guid(code.guid)
        for other_id, row in retired.items():
            if other_id != code.id and key and normalise_guid(row["guid"]) == key:
                problems.append(
                    f"code {code.id!r}: guid {code.guid} belongs to retired code {other_id!r}"
                )
    return problems


def _changes(
    old: dict[str, Code],
    codes: list[Code],
    retired: dict[str, dict[str, Any]],
    notes: dict[str, tuple[str, dict[str, Any] | None]],
) -> list[Change]:
    """The rows of the change log that turn ``old`` into ``codes``."""
    changes = []
    for code in codes:
        action, detail = notes.get(code.id, ("", None))
        before = old.get(code.id)
        if before is None:
            default = "restore" if code.id in retired else "add"
            changes.append(Change(code.id, action or default, None, None, code.as_dict(), detail))
            continue
        moved = before.parent_id != code.parent_id
        for name in DIFF_FIELDS:
            was, now = getattr(before, name), getattr(code, name)
            if was != now:
                kind = "move" if name == "sort_order" and moved else _FIELD_ACTION.get(name, "edit")
                changes.append(Change(code.id, kind, name, was, now))
    new_ids = {c.id for c in codes}
    for code_id, code in old.items():
        if code_id not in new_ids:
            action, detail = notes.get(code_id, ("retire", None))
            changes.append(Change(code_id, action, None, code.as_dict(), None, detail))
    return changes


def _summarise(summary: str, changes: list[Change], tally: bool) -> str:
    """'<summary>: 2 added, 1 renamed' (codes per action; reorders only if alone)."""
    if not tally:
        return summary
    seen = {(c.code_id, c.action) for c in changes}
    counts = Counter(action for _, action in seen)
    parts = [f"{counts[a]} {label}" for a, label in _SUMMARY_ACTIONS if counts.get(a)]
    if not parts and counts.get("reorder"):
        parts.append(f"{counts['reorder']} reordered")
    return f"{summary}: {', '.join(parts)}" if parts else summary


# -- loading -------------------------------------------------------------------------


def load(db: sqlite_utils.Database, path: str | Path, *, actor: str) -> ApplyResult:
    """Make the codebook file at ``path`` the codebook (one version, or none if equal).

    Codes missing from the file are retired (refused while they have codings),
    codes of the file that were retired come back. Loading the same file twice
    makes no second version.
    """
    codes = read_yaml(path)
    return _apply(
        db, codes, actor=actor, summary=f"load {Path(path).name}", source=str(path), tally=True
    )


def ensure_default_codebook(db: sqlite_utils.Database) -> ApplyResult | None:
    """Load ``codebook/default.yaml`` when the database has no code yet (app start-up).

    Safe to call on every start and from two processes at once: a second load
    finds the codebook equal and records nothing.
    """
    if records.has_codes(db):
        return None
    return _apply(
        db,
        read_yaml(DEFAULT_CODEBOOK),
        actor=users.SYSTEM,
        summary=f"load {DEFAULT_CODEBOOK.name}",
        source=str(DEFAULT_CODEBOOK),
        tally=True,
        by_the_app=True,
    )


@_unit_of_work
def import_qdc(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    actor: str,
    fill_definitions: bool = False,
) -> ApplyResult:
    """Make a REFI-QDA .qdc the codebook, like :func:`load` does with YAML.

    A code is recognised by its ``Code-id`` line, else by its GUID (a code coder
    exported before), else gets an id made from its name. Codebooks from tools
    without definitions are refused unless ``fill_definitions`` puts a placeholder
    ("nog te definiëren") in place of each missing one.
    """
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CodebookError(source, [f"cannot read the file ({exc})"]) from exc
    parsed, problems = qdc.from_qdc(data)
    if problems:
        raise CodebookError(source, problems)
    by_guid = {normalise_guid(g): i for i, g in records.stored_guids(db).items()}
    rename: dict[str, str] = {}
    for code in parsed.codes:
        known = by_guid.get(code.guid) if code.guid else None
        if code.id not in parsed.explicit_ids and known:
            rename[code.id] = known
    codes = []
    for code in parsed.codes:
        changes: dict[str, Any] = {"id": rename.get(code.id, code.id)}
        if code.parent_id:
            changes["parent_id"] = rename.get(code.parent_id, code.parent_id)
        if fill_definitions and not code.is_group and not code.definition.strip():
            changes["definition"] = f"Nog te definiëren (overgenomen uit {Path(path).name})."
        codes.append(code.copy(**changes))
    result = import_codes(db, ordered(codes), actor=actor, label=Path(path).name, source=source)
    result.warnings = parsed.warnings
    return result


def import_codes(
    db: sqlite_utils.Database,
    codes: list[Code],
    *,
    actor: str,
    label: str,
    source: str | None = None,
) -> ApplyResult:
    """Make ``codes``, read from another tool's file ``label``, the codebook as one
    version: the way in for .qdc files and the codes of a .qdpx project."""
    return _apply(
        db, codes, actor=actor, summary=f"import {label}", source=source or label, tally=True
    )


# -- single changes -------------------------------------------------------------------


def _current(db: sqlite_utils.Database) -> list[Code]:
    return records.active_codes(db)


def get(db: sqlite_utils.Database, code_id: str) -> Code:
    """The active code ``code_id``; a clear error for unknown and retired ids."""
    for code in _current(db):
        if code.id == code_id:
            return code
    retired = records.retired_codes(db).get(code_id)
    if retired:
        into = f" into {retired['merged_into']!r}" if retired["merged_into"] else ""
        raise NotFoundError(
            f"code {code_id!r} was {'merged' + into if into else 'retired'}"
            f" in version {retired['retired_version']}"
        )
    raise NotFoundError(f"no code {code_id!r} in the codebook (coder codebook list shows the ids)")


def _place(codes: list[Code], code: Code, position: int | None) -> list[Code]:
    """``codes`` with ``code`` put among its siblings at ``position`` (0-based; None: last)."""
    rest = [c for c in codes if c.id != code.id]
    siblings = [c for c in rest if c.parent_id == code.parent_id]
    if position is None or position >= len(siblings):
        return [*rest, code]
    index = rest.index(siblings[max(position, 0)])
    return [*rest[:index], code, *rest[index:]]


@_unit_of_work
def add(
    db: sqlite_utils.Database, code: Code, *, actor: str, position: int | None = None
) -> ApplyResult:
    """Add a code (or group) under ``code.parent_id``, last among its siblings by default."""
    codes = _current(db)
    if any(c.id == code.id for c in codes):
        raise CodebookError(f"add {code.id}", [f"code {code.id!r} already exists"])
    return _apply(
        db,
        _place(codes, code.copy(), position),
        actor=actor,
        summary=f"add {code.id}",
        source=f"add {code.id}",
    )


@_unit_of_work
def rename(
    db: sqlite_utils.Database,
    code_id: str,
    name: str,
    *,
    actor: str,
    short_name: str | None = None,
) -> ApplyResult:
    """Give a code a new name (and short name); its id, and so its codings, stay."""
    code = get(db, code_id)
    changes: dict[str, Any] = {"name": name.strip()}
    if short_name is not None:
        changes["short_name"] = short_name.strip()
    codes = [c.copy(**changes) if c.id == code_id else c for c in _current(db)]
    return _apply(
        db,
        codes,
        actor=actor,
        summary=f"rename {code_id}: {code.name!r} -> {name.strip()!r}",
        source=f"rename {code_id}",
    )


@_unit_of_work
def edit(db: sqlite_utils.Database, code_id: str, *, actor: str, **fields: Any) -> ApplyResult:
    """Change the definition, criteria, examples, colour or short name of a code.

    ``name`` is accepted too, so a form that saves a whole code makes one version
    (logged as a rename plus edits); the id and the parent are not editable here.
    """
    editable = ("name", *EDITABLE_FIELDS)
    unknown = sorted(set(fields) - set(editable))
    if unknown:
        raise CodebookError(
            f"edit {code_id}",
            [
                f"{name!r} cannot be edited here; editable: {', '.join(editable)}"
                for name in unknown
            ],
        )
    get(db, code_id)
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "examples" in clean:
        clean["examples"] = [str(e).strip() for e in clean["examples"] if str(e).strip()]
    if clean.get("colour") == "":
        clean["colour"] = None
    codes = [c.copy(**clean) if c.id == code_id else c for c in _current(db)]
    return _apply(
        db,
        codes,
        actor=actor,
        summary=f"edit {code_id} ({', '.join(sorted(clean))})",
        source=f"edit {code_id}",
    )


@_unit_of_work
def move(
    db: sqlite_utils.Database,
    code_id: str,
    parent_id: str | None,
    *,
    actor: str,
    position: int | None = None,
) -> ApplyResult:
    """Put a code (with its subcodes) under another parent, or at the top with None."""
    code = get(db, code_id)
    if parent_id is not None:
        get(db, parent_id)
    codes = _current(db)
    moved = code.copy(parent_id=parent_id)
    where = parent_id or "the top level"
    return _apply(
        db,
        _place(codes, moved, position),
        actor=actor,
        summary=f"move {code_id} to {where}",
        source=f"move {code_id}",
    )


def merge(db: sqlite_utils.Database, source_id: str, target_id: str, *, actor: str) -> MergeResult:
    """Merge code ``source_id`` into ``target_id``: all its codings move, then it retires.

    A coding whose span and coder the target already has is not moved twice: the
    pair becomes one coding (memos joined). Codings, the merge and the retirement
    are one transaction.
    """
    where = f"merge {source_id} into {target_id}"
    with transaction(db):
        _require_editor(db, actor, where)
        source, target = get(db, source_id), get(db, target_id)
        problems = []
        if source_id == target_id:
            problems.append("a code cannot be merged into itself")
        if source.is_group:
            problems.append(f"code {source_id!r} is a group; move or merge its subcodes instead")
        if target.is_group:
            problems.append(f"code {target_id!r} is a group, which cannot hold codings")
        below = descendants(_current(db), source_id)
        if below:
            problems.append(
                f"code {source_id!r} has subcodes ({', '.join(below)}); move them first"
            )
        if problems:
            raise CodebookError(where, problems)
        moved, duplicates = records.move_codings(
            db,
            records.live_coding_ids(db, source_id),
            target_id,
            actor=actor,
            label=f"codebook: merge {source_id} into {target_id}",
        )
        detail = {"into": target_id, "moved": moved, "duplicates": duplicates}
        result = _apply(
            db,
            [c for c in _current(db) if c.id != source_id],
            actor=actor,
            summary=f"merge {source_id} into {target_id} ({moved} codings moved,"
            f" {duplicates} duplicates joined)",
            source=where,
            notes={source_id: ("merge", detail)},
        )
    return MergeResult(
        result.version, result.summary, result.changes, moved=moved, duplicates=duplicates
    )


@_unit_of_work
def split(db: sqlite_utils.Database, code_id: str, into: list[Code], *, actor: str) -> SplitResult:
    """Split a code into new codes placed right after it; its codings stay to be reviewed.

    The new codes start with the old code's definition, criteria, examples and
    colour where they give none, so they are valid at once and editable later.
    The old code keeps its codings (listed in the result and by :func:`reviews`)
    until they are reassigned; then it can be retired.
    """
    where = f"split {code_id}"
    code = get(db, code_id)
    if code.is_group:
        raise CodebookError(where, [f"code {code_id!r} is a group; add subcodes instead"])
    if len(into) < 2:
        raise CodebookError(where, ["a split needs at least two new codes"])
    codes = _current(db)
    made = []
    for new in into:
        made.append(
            new.copy(
                parent_id=new.parent_id if new.parent_id is not None else code.parent_id,
                definition=new.definition or code.definition,
                inclusion=new.inclusion or code.inclusion,
                exclusion=new.exclusion or code.exclusion,
                examples=list(new.examples or code.examples),
                colour=new.colour or code.colour,
            )
        )
    index = [c.id for c in codes].index(code_id) + 1
    codes = [*codes[:index], *made, *codes[index:]]
    new_ids = [c.id for c in made]
    review = records.live_codings(db, code_id)
    result = _apply(
        db,
        codes,
        actor=actor,
        summary=f"split {code_id} into {', '.join(new_ids)} ({len(review)} codings to review)",
        source=where,
        notes={i: ("add", {"split_from": code_id}) for i in new_ids},
        extra=[Change(code_id, "split", None, None, None, {"into": new_ids})],
    )
    return SplitResult(result.version, result.summary, result.changes, into=new_ids, review=review)


@_unit_of_work
def retire(db: sqlite_utils.Database, code_id: str, *, actor: str) -> ApplyResult:
    """Take a code out of the codebook; refused while it has codings or subcodes."""
    get(db, code_id)
    codes = _current(db)
    below = descendants(codes, code_id)
    if below:
        raise CodebookError(
            f"retire {code_id}",
            [f"code {code_id!r} has subcodes ({', '.join(below)}); move or retire them first"],
        )
    return _apply(
        db,
        [c for c in codes if c.id != code_id],
        actor=actor,
        summary=f"retire {code_id}",
        source=f"retire {code_id}",
    )


# -- after a split ----------------------------------------------------------------------


@dataclass
class SplitReview:
    """A split code that still holds codings: where they may go, and which they are."""

    code_id: str
    name: str
    into: list[str]
    codings: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code_id": self.code_id,
            "name": self.name,
            "into": self.into,
            "codings": self.codings,
        }


def reviews(db: sqlite_utils.Database, code_id: str | None = None) -> list[SplitReview]:
    """Split codes (or just ``code_id``) whose codings still wait to be reassigned."""
    active = {c.id: c for c in _current(db)}
    result: dict[str, SplitReview] = {}
    for version in records.versions(db, code_id=code_id):
        for change in version.changes:
            if change.action != "split" or change.code_id not in active:
                continue
            codings = records.live_codings(db, change.code_id)
            if codings:
                into = [i for i in (change.detail or {}).get("into", []) if i in active]
                name = active[change.code_id].name
                result[change.code_id] = SplitReview(change.code_id, name, into, codings)
    return list(result.values())


def reassign(
    db: sqlite_utils.Database, coding_ids: list[int], target_id: str, *, actor: str
) -> tuple[int, int]:
    """Move the given codings to ``target_id``: (moved, duplicates joined).

    The step after a split; twins are joined as in :func:`merge`.
    """
    where = f"reassign to {target_id}"
    with transaction(db):
        _require_editor(db, actor, where)
        target = get(db, target_id)
        if target.is_group:
            raise CodebookError(
                where, [f"code {target_id!r} is a group, which cannot hold codings"]
            )
        found = records.codings_by_id(db, coding_ids)
        missing = [str(i) for i in coding_ids if i not in found]
        if missing:
            raise CodebookError(where, [f"no live coding with id {', '.join(missing)}"])
        return records.move_codings(
            db, list(coding_ids), target_id, actor=actor, label=f"codebook: reassign to {target_id}"
        )
