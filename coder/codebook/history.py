"""Reading the codebook's past: any version rebuilt from the log, the log, diffs, exports.

A version is never stored whole: replaying the change log up to version N gives
the codebook as it was then (the ``codes`` table is the replay of everything,
kept for speed). So the log cannot drift from what exports and diffs show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from coder.codebook import printable, qdc, records
from coder.codebook.model import Code, ordered
from coder.codebook.records import Version
from coder.codebook.yaml_io import dump_yaml
from coder.errors import CodebookError, NotFoundError

FORMATS = ("yaml", "md", "html", "qdc")


def _check_version(db: sqlite_utils.Database, version: int) -> int:
    latest = records.current_version(db)
    if latest == 0:
        raise NotFoundError(
            "the database has no codebook yet; load one with: coder codebook load FILE"
        )
    if not 1 <= version <= latest:
        raise NotFoundError(f"no codebook version {version}; versions run from 1 to {latest}")
    return version


def replay(db: sqlite_utils.Database, version: int) -> list[Code]:
    """The codebook at ``version``, rebuilt from the change log alone."""
    state: dict[str, dict[str, Any]] = {}
    for entry in records.versions(db, upto=version):
        for change in entry.changes:
            if change.action in ("add", "restore"):
                state[change.code_id] = dict(change.after)
            elif change.action in ("retire", "merge"):
                state.pop(change.code_id, None)
            elif change.field is not None and change.code_id in state:
                state[change.code_id][change.field] = change.after
    return ordered(Code.from_dict(data) for data in state.values())


def codes_at(db: sqlite_utils.Database, version: int | None = None) -> list[Code]:
    """The codes in use at ``version`` (default: now), in reading order."""
    if version is None or version == records.current_version(db):
        return records.active_codes(db)
    return replay(db, _check_version(db, version))


def log(db: sqlite_utils.Database, *, code_id: str | None = None) -> list[Version]:
    """Every version, newest first, with who, when and what; or those touching one code."""
    return list(reversed(records.versions(db, code_id=code_id)))


@dataclass
class CodeDiff:
    """How one code differs between two versions.

    ``kind`` is added, removed or changed; ``fields`` maps a field to (before,
    after), with ``position`` (1-based among siblings) when only the order moved;
    ``note`` tells how a code came or went (merged into, split from, retired).
    """

    code_id: str
    kind: str
    name: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "code_id": self.code_id,
            "kind": self.kind,
            "name": self.name,
            "fields": {k: {"before": b, "after": a} for k, (b, a) in self.fields.items()},
            "note": self.note,
        }


_COMPARED = (
    "name",
    "short_name",
    "parent_id",
    "colour",
    "definition",
    "inclusion",
    "exclusion",
    "examples",
    "is_group",
    "guid",
)


def diff(db: sqlite_utils.Database, v1: int, v2: int) -> list[CodeDiff]:
    """What changed from version ``v1`` to ``v2`` (either order), in reading order of v2."""
    old = {c.id: c for c in codes_at(db, _check_version(db, v1))}
    new_list = codes_at(db, _check_version(db, v2))
    new = {c.id: c for c in new_list}
    notes = _notes(db, min(v1, v2), max(v1, v2), forward=v1 <= v2)
    positions_old, positions_new = _positions(old, new), _positions(new, old)
    result = []
    for code in new_list:
        before = old.get(code.id)
        if before is None:
            result.append(CodeDiff(code.id, "added", code.name, note=notes.get(code.id, "")))
            continue
        fields = {
            name: (getattr(before, name), getattr(code, name))
            for name in _COMPARED
            if getattr(before, name) != getattr(code, name)
        }
        if code.id in positions_old and positions_old[code.id] != positions_new[code.id]:
            fields["position"] = (positions_old[code.id], positions_new[code.id])
        if fields:
            result.append(CodeDiff(code.id, "changed", code.name, fields))
    for code in ordered(old.values()):
        if code.id not in new:
            note = notes.get(code.id, "retired")
            result.append(CodeDiff(code.id, "removed", code.name, note=note))
    return result


def _positions(mine: dict[str, Code], other: dict[str, Code]) -> dict[str, int]:
    """1-based place of each code among siblings it shares with the other version.

    Only codes with the same parent in both count, so inserting or removing a
    sibling does not look like every later sibling moved.
    """
    common = [
        c for c in ordered(mine.values()) if c.id in other and other[c.id].parent_id == c.parent_id
    ]
    result: dict[str, int] = {}
    counters: dict[str | None, int] = {}
    for code in common:
        counters[code.parent_id] = counters.get(code.parent_id, 0) + 1
        result[code.id] = counters[code.parent_id]
    return result


def _notes(db: sqlite_utils.Database, low: int, high: int, *, forward: bool) -> dict[str, str]:
    """How codes came or went between two versions, from the log (merge, split, retire)."""
    notes: dict[str, str] = {}
    if not forward:
        return notes
    for entry in records.versions(db, upto=high):
        if entry.version <= low:
            continue
        for change in entry.changes:
            detail = change.detail or {}
            if change.action == "merge":
                notes[change.code_id] = f"merged into {detail.get('into')} (v{entry.version})"
            elif change.action == "retire":
                notes[change.code_id] = f"retired (v{entry.version})"
            elif "split_from" in detail:
                notes[change.code_id] = f"split from {detail['split_from']} (v{entry.version})"
    return notes


def export(db: sqlite_utils.Database, fmt: str, *, version: int | None = None) -> bytes:
    """The codebook at ``version`` (default: now) as yaml, md, html or qdc bytes (UTF-8)."""
    if fmt not in FORMATS:
        raise CodebookError("export", [f"format {fmt!r} is not one of {', '.join(FORMATS)}"])
    latest = records.current_version(db)
    number = _check_version(db, version if version is not None else latest)
    codes = codes_at(db, number)
    if not codes:
        raise CodebookError("export", [f"version {number} has no codes"])
    info = next(v for v in records.versions(db, upto=number) if v.version == number)
    if fmt == "yaml":
        comment = f"Exported from version {number} of {info.created_at[:10]} ({info.actor})."
        return dump_yaml(codes, comment=comment).encode()
    if fmt == "qdc":
        return qdc.to_qdc(codes)
    counts = records.coding_counts(db)
    codable = sum(1 for c in codes if not c.is_group)
    subtitle = f"Versie {number} van {info.created_at[:10]} ({info.actor}) · {codable} codes"
    if any(counts.get(c.id) for c in codes):
        subtitle += f", {sum(counts.get(c.id, 0) for c in codes)} coderingen"
    render = printable.to_markdown if fmt == "md" else printable.to_html
    return render(codes, counts, title="Codeboek", subtitle=subtitle).encode()
