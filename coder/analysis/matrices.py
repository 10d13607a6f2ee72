"""Matrices: code x organisation and code x attribute, with a test of association.

Code x attribute counts *organisations*, not fragments: the question is whether
organisations of a kind (a region, a chosen function, a size class) mention a
code more often than the others, and organisations are the independent units
(fragments of one plan are not). Each code gets a 2 x k table (mentions / does
not mention x the attribute's groups) and Pearson's chi-square with adjusted
residuals. The functions are multi-valued (an organisation chooses one or more),
so their groups overlap; there each function is tested on its own 2 x 2 table
(chose it / did not). Organisations whose attribute is unknown are shown but
left out of the test.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils

from coder.analysis.base import (
    UNKNOWN,
    Attribute,
    CodeInfo,
    Frame,
    Organisation,
    OrgFilter,
    Scope,
    Span,
    attribute,
    codes,
    frame,
    spans,
    union_length,
)
from coder.analysis.fragments import CodeView, code_view
from coder.analysis.stats import ChiSquare, chi_square


@dataclass(slots=True)
class Cell:
    fragments: int = 0
    characters: int = 0
    share: float = 0.0  # characters / the organisation's plan characters


@dataclass(slots=True)
class OrganisationMatrix:
    """Fragments, characters and plan share per code (rows) and organisation (columns)."""

    codes: list[CodeInfo]
    organisations: list[Organisation]
    cells: dict[tuple[str, int], Cell]

    def cell(self, code_id: str, organisation_id: int) -> Cell:
        return self.cells.get((code_id, organisation_id), Cell())

    def wide(self, measure: str = "fragments") -> list[dict[str, Any]]:
        """One row per code, one column per organisation: ``measure`` per cell."""
        return [
            {"code": c.name}
            | {o.name: getattr(self.cell(c.id, o.id), measure) for o in self.organisations}
            for c in self.codes
        ]

    def long(self) -> list[dict[str, Any]]:
        """One row per code and organisation (zeros included): ready for a heatmap or CSV."""
        return [
            {
                "code_id": c.id,
                "code": c.name,
                "organisation_id": o.id,
                "organisation": o.name,
                **asdict(self.cell(c.id, o.id)),
            }
            for c in self.codes
            for o in self.organisations
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "codes": [asdict(c) for c in self.codes],
            "organisations": [{"id": o.id, "name": o.name} for o in self.organisations],
            "cells": [r for r in self.long() if r["fragments"]],
        }


def _by_code_org(fr: Frame, items: list[Span]) -> dict[tuple[str, int], list[Span]]:
    grouped: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for span in items:
        grouped[(span.code_id, fr.document_org[span.document_id])].append(span)
    return grouped


def organisation_matrix(
    db: sqlite_utils.Database,
    code_ids: list[str] | None = None,
    *,
    scope: Scope | None = None,
) -> OrganisationMatrix:
    """Code x organisation: how much each organisation says about each code."""
    infos = codes(db, code_ids)
    fr = frame(db, scope)
    cells = {}
    for (code_id, org_id), items in _by_code_org(
        fr, spans(db, fr, scope, [c.id for c in infos])
    ).items():
        chars = union_length((s.start, s.end) for s in items)
        plan = fr.organisations[org_id].characters
        cells[(code_id, org_id)] = Cell(len(items), chars, chars / plan if plan else 0.0)
    return OrganisationMatrix(infos, fr.ordered(), cells)


@dataclass(slots=True)
class GroupCell:
    """One code in one attribute group."""

    value: str
    organisations: int  # organisations in the group
    mentioning: int  # of which mention the code
    share: float  # mentioning / organisations
    fragments: int
    characters: int
    expected: float | None = None  # expected mentioning organisations under independence
    residual: float | None = None  # adjusted standardized residual of ``mentioning``
    p_value: float | None = None  # only for multi-valued attributes (own 2 x 2 test)
    reliable: bool | None = None  # multi-valued: whether its own test's expected counts suffice
    min_expected: float | None = None  # multi-valued: smallest expected count of its test

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class AttributeRow:
    code: CodeInfo
    cells: list[GroupCell]
    mentioning: int  # organisations with a known value that mention the code
    test: ChiSquare | None  # the 2 x k test (single-valued attributes)
    note: str = ""

    def cell(self, value: str) -> GroupCell:
        return next(c for c in self.cells if c.value == value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": asdict(self.code),
            "mentioning": self.mentioning,
            "cells": [c.as_dict() for c in self.cells],
            "test": self.test.as_dict() if self.test else None,
            "note": self.note,
        }


@dataclass(slots=True)
class AttributeMatrix:
    attribute: Attribute
    values: list[str]
    group_sizes: dict[str, int]
    rows: list[AttributeRow]
    note: str = ""
    organisations: int = 0
    unknown: int = 0  # organisations whose value is unknown (left out of the tests)
    members: dict[str, list[int]] = field(default_factory=dict)

    def long(self) -> list[dict[str, Any]]:
        """One row per code and group: counts, shares, residuals (a heatmap's table)."""
        return [
            {
                "code_id": row.code.id,
                "code": row.code.name,
                "attribute": self.attribute.key,
                **cell.as_dict(),
                "p_value_code": None if row.test is None else _clean(row.test.p_value),
            }
            for row in self.rows
            for cell in row.cells
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute.key,
            "label": self.attribute.label,
            "values": self.values,
            "group_sizes": self.group_sizes,
            "organisations": self.organisations,
            "unknown": self.unknown,
            "note": self.note,
            "rows": [r.as_dict() for r in self.rows],
        }


def _clean(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def _values(attr: Attribute, fr: Frame) -> tuple[list[str], dict[str, list[int]]]:
    members: dict[str, list[int]] = defaultdict(list)
    for org in fr.ordered():
        for value in org.values(attr.key):
            members[value].append(org.id)
    ordered = [v for v in attr.order if v in members]
    ordered += sorted(v for v in members if v not in attr.order and v != UNKNOWN)
    if UNKNOWN in members:
        ordered.append(UNKNOWN)
    return ordered, members


def attribute_matrix(
    db: sqlite_utils.Database,
    by: str,
    code_ids: list[str] | None = None,
    *,
    scope: Scope | None = None,
) -> AttributeMatrix:
    """Code x attribute: per group, organisations mentioning each code, and the test."""
    attr = attribute(by)
    infos = codes(db, code_ids)
    fr = frame(db, scope)
    values, members = _values(attr, fr)
    tested = [v for v in values if v != UNKNOWN]
    known = {o for v in tested for o in members[v]}
    grouped = _by_code_org(fr, spans(db, fr, scope, [c.id for c in infos]))
    per_code: dict[str, dict[int, list[Span]]] = defaultdict(dict)
    for (code_id, org_id), items in grouped.items():
        per_code[code_id][org_id] = items
    rows = []
    for info in infos:
        orgs = per_code.get(info.id, {})
        cells = []
        for value in values:
            in_group = members[value]
            mentioning = [o for o in in_group if o in orgs]
            cells.append(
                GroupCell(
                    value=value,
                    organisations=len(in_group),
                    mentioning=len(mentioning),
                    share=len(mentioning) / len(in_group) if in_group else 0.0,
                    fragments=sum(len(orgs[o]) for o in mentioning),
                    characters=sum(
                        union_length((s.start, s.end) for s in orgs[o]) for o in mentioning
                    ),
                )
            )
        mentioning_known = sum(1 for o in known if o in orgs)
        row = AttributeRow(info, cells, mentioning_known, None)
        if attr.multi:
            _test_each(row, tested, members, known, orgs)
        else:
            _test_groups(row, tested)
        rows.append(row)
    note = (
        f"{attr.label}: an organisation can have several values, so the groups overlap;"
        " each value is tested on its own 2 x 2 table (has it / has it not) against"
        " mentioning the code."
        if attr.multi
        else f"{attr.label}: one 2 x k chi-square test per code (mentions the code or not x group)."
    )
    unknown = len(members.get(UNKNOWN, []))
    if unknown:
        note += f" {unknown} organisation(s) with unknown {attr.label.lower()} are left out."
    return AttributeMatrix(
        attribute=attr,
        values=values,
        group_sizes={v: len(members[v]) for v in values},
        rows=rows,
        note=note,
        organisations=len(fr.organisations),
        unknown=unknown,
        members=dict(members),
    )


def _test_groups(row: AttributeRow, tested: list[str]) -> None:
    """Single-valued attribute: one 2 x k table over the known groups."""
    cells = [row.cell(v) for v in tested]
    table = [
        [c.mentioning for c in cells],
        [c.organisations - c.mentioning for c in cells],
    ]
    if len(cells) < 2:
        row.note = "no test: fewer than two groups"
        return
    result = chi_square(table)
    row.test = result
    row.note = result.note
    for j, cell in enumerate(cells):
        cell.expected = _clean(result.expected[0][j])
        cell.residual = _clean(result.residuals[0][j])


def _test_each(
    row: AttributeRow,
    tested: list[str],
    members: dict[str, list[int]],
    known: set[int],
    orgs: dict[int, list[Span]],
) -> None:
    """Multi-valued attribute: each value against the organisations without it (2 x 2)."""
    notes = []
    for value in tested:
        cell = row.cell(value)
        inside = set(members[value])
        outside = known - inside
        out_mentioning = sum(1 for o in outside if o in orgs)
        table = [
            [cell.mentioning, out_mentioning],
            [cell.organisations - cell.mentioning, len(outside) - out_mentioning],
        ]
        result = chi_square(table)
        cell.expected = _clean(result.expected[0][0])
        cell.residual = _clean(result.residuals[0][0])
        cell.p_value = _clean(result.p_value)
        cell.reliable = result.valid
        cell.min_expected = _clean(result.min_expected)
        if result.note:
            notes.append(f"{value}: {result.note}")
    row.note = "; ".join(notes)


def cell_fragments(
    db: sqlite_utils.Database,
    code_id: str,
    *,
    attribute_key: str | None = None,
    value: str | None = None,
    organisation_id: int | None = None,
    scope: Scope | None = None,
    **view: Any,
) -> CodeView:
    """Drill down: the fragments behind one matrix cell (an attribute group or an organisation)."""
    where = OrgFilter()
    if attribute_key is not None and value is not None:
        attribute(attribute_key)
        where.attributes[attribute_key] = [value]
    if organisation_id is not None:
        where.organisations = [organisation_id]
    return code_view(db, code_id, where=where, scope=scope, **view)
