"""Merging a codebook that came with a project into the stored codebook, as one version.

A .qdpx brings its own codes; the stored codebook may already hold them (a plan
coded in coder, exported, coded further in NVivo and brought back) or not (a
project from another tool). A file code is the same code as a stored one when
its ``Code-id`` line (coder's own exports), its GUID, or the id made from its
name matches; the file's fields win where it has them. New codes go where the
file puts them, codes the file lacks stay, and everything goes through the
codebook's one path in (validation, change log, a new version).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from coder.codebook import records
from coder.codebook.model import Code, default_guid, depth, normalise_guid, ordered, slugify
from coder.codebook.qdc import QdcCodebook
from coder.codebook.service import import_codes


@dataclass
class MergeOutcome:
    """The file's code ids -> stored ids, the new version (None: unchanged), what happened."""

    rename: dict[str, str]
    version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def merge_codes(
    db: sqlite_utils.Database, parsed: QdcCodebook | None, *, actor: str, label: str
) -> MergeOutcome:
    """Merge ``parsed`` into the codebook; call inside the import's transaction."""
    if parsed is None or not parsed.codes:
        return MergeOutcome({})
    existing = records.active_codes(db)
    retired = {i: row["code"] for i, row in records.retired_codes(db).items()}
    stored = {normalise_guid(g): i for i, g in records.stored_guids(db).items()}
    rename: dict[str, str] = {}
    taken: set[str] = set()
    for code in parsed.codes:
        target = code.id
        if code.id not in parsed.explicit_ids and code.guid and code.guid in stored:
            target = stored[code.guid]
        n = 2
        while target in taken:
            target, n = f"{slugify(code.name)}-{n}", n + 1
        taken.add(target)
        rename[code.id] = target
    merged: dict[str, Code] = {c.id: c for c in existing}
    placeholders = 0
    for code in parsed.codes:
        code_id = rename[code.id]
        old = merged.get(code_id) or retired.get(code_id)
        fields: dict[str, Any] = {
            "id": code_id,
            "parent_id": rename[code.parent_id] if code.parent_id else None,
        }
        if old is not None:  # the same code: the file's fields win where it has them
            fields["guid"] = old.guid
            for name in ("definition", "inclusion", "exclusion", "short_name"):
                if not getattr(code, name):
                    fields[name] = getattr(old, name)
            if not code.examples:
                fields["examples"] = list(old.examples)
            if code.colour is None:
                fields["colour"] = old.colour
        elif not code.guid or code.guid in stored:
            fields["guid"] = default_guid(code_id)
        new = code.copy(**fields)
        if not new.is_group and not new.definition.strip():
            new = new.copy(definition=f"Nog te definiëren (overgenomen uit {label}).")
            placeholders += 1
        merged[code_id] = new
    warnings: list[str] = []
    codes = unique_names(list(merged.values()), set(rename.values()), warnings)
    if placeholders:
        warnings.append(
            f"{placeholders} codes had no description: their definition says 'Nog te definiëren'"
        )
    result = import_codes(db, ordered(codes), actor=actor, label=label)
    return MergeOutcome(rename, result.version, result.counts(), [*warnings, *parsed.warnings])


def unique_names(codes: list[Code], imported: set[str], warnings: list[str]) -> list[Code]:
    """Give imported codes that share a name (other tools allow it) a parent-qualified name.

    Codes already stored keep their names; of the file's codes, those nearer the
    top keep theirs. Short names used twice are dropped from the later code.
    """
    by_id = {c.id: c for c in codes}
    seen: dict[str, str] = {}
    short: set[str] = set()
    result = []
    for code in sorted(codes, key=lambda c: (c.id in imported, depth(c, by_id))):
        name = code.name.strip()
        if name.casefold() in seen and code.id in imported:
            parent = by_id.get(code.parent_id or "")
            candidate = f"{name} ({parent.name})" if parent else name
            n = 2
            while candidate.casefold() in seen:
                candidate, n = f"{name} ({n})", n + 1
            warnings.append(
                f"code {name!r} appears twice; the one at {code.id!r} is now {candidate!r}"
            )
            code = code.copy(name=candidate)
        seen[code.name.strip().casefold()] = code.id
        if code.short_name and code.short_name.casefold() in short:
            code = code.copy(short_name="")
        short.add(code.short_name.casefold())
        result.append(code)
    order = {c.id: i for i, c in enumerate(codes)}
    return sorted(result, key=lambda c: order[c.id])
