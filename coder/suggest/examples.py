"""Labelled examples to learn from and to evaluate on: passages with the codes they carry.

A passage (paragraph, list item, table) is **positive** for a code when a live coding
of that code covers it: they overlap by at least half of the shorter of the two, so a
coded sentence marks its paragraph and a fragment spanning three paragraphs marks all
three. What a passage is *not* is known only where a reader looked:

- a coded passage is negative for every code it does not carry (the reader chose its
  codes);
- a passage on a page a reader marked read, or in a plan a reader marked done, that
  nobody coded is negative for every code;
- a rejected suggestion makes its passage negative for that code.

Everything else is unlabelled, not negative: a team that has coded a sixth of the
plans has not said that the rest of the corpus lacks their codes. So each code's
classifier learns from its own rows (``known``), and evaluation counts only those.
Deleted, orphaned and simulated (pilot) codings are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sqlite_utils

from coder.codebook.records import active_codes
from coder.errors import SuggestError
from coder.suggest.corpus import CorpusIndex

_LIVE = "c.deleted_at IS NULL AND c.anchor != 'orphaned' AND c.origin != 'simulated'"


@dataclass(slots=True)
class Examples:
    """Passages with a code matrix: ``positive[i, k]`` only counts where ``known[i, k]``."""

    codes: list[str]
    texts: list[str]
    groups: np.ndarray  # organisation of each passage: the unit no split may cut
    positive: np.ndarray  # bool, passages x codes
    known: np.ndarray  # bool, passages x codes
    segment_ids: np.ndarray | None = None  # for passages from the database
    n_codings: int = 0
    n_feedback: int = 0

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, rows: np.ndarray) -> Examples:
        """These rows only (the counts of what was read from the database stay)."""
        return Examples(
            codes=self.codes,
            texts=[self.texts[i] for i in rows],
            groups=self.groups[rows],
            positive=self.positive[rows],
            known=self.known[rows],
            segment_ids=None if self.segment_ids is None else self.segment_ids[rows],
            n_codings=self.n_codings,
            n_feedback=self.n_feedback,
        )

    def fragments(self) -> int:
        """How many coded fragments (passage x code) these examples hold."""
        return int((self.positive & self.known).sum())


def codable_codes(db: sqlite_utils.Database) -> list[dict]:
    """The codes one can code with now, in codebook order (id, name, short name, colour)."""
    return [
        {"id": c.id, "name": c.name, "short_name": c.short_name, "colour": c.colour}
        for c in active_codes(db)
        if not c.is_group
    ]


def from_database(
    db: sqlite_utils.Database, index: CorpusIndex, codes: list[str] | None = None
) -> Examples:
    """The team's codings, reading marks and verdicts as labelled passages (see the module)."""
    codes = codes if codes is not None else [c["id"] for c in codable_codes(db)]
    column = {code: k for k, code in enumerate(codes)}
    positive = np.zeros((len(index.segment_ids), len(codes)), dtype=bool)
    n_codings = 0
    for document_id, start, end, code_id in db.execute(
        f'SELECT c.document_id, c.start, c."end", c.code_id FROM codings c WHERE {_LIVE}'
    ):
        if code_id in column:
            n_codings += 1
            positive[index.covering(document_id, start, end), column[code_id]] = True
    all_known = positive.any(axis=1)
    pages = {(row[0], row[1]) for row in db.execute("SELECT document_id, page FROM pages_read")}
    done = {row[0] for row in db.execute("SELECT document_id FROM plans_done")}
    if pages or done:
        all_known |= index.on_pages(pages, done)
    known = np.repeat(all_known[:, None], len(codes), axis=1)
    n_feedback = 0
    for segment_id, document_id, start, end, code_id, verdict in db.execute(
        'SELECT segment_id, document_id, start, "end", code_id, verdict FROM suggestion_feedback'
    ):
        n_feedback += 1
        if verdict == "reject" and code_id in column:
            rows = (
                index.rows(np.array([segment_id]))
                if segment_id
                else index.covering(document_id, start, end)
            )
            known[rows, column[code_id]] = True
    rows = np.flatnonzero(known.any(axis=1))
    ids = index.segment_ids[rows]
    texts, groups = _passage_texts(db, ids)
    return Examples(
        codes=codes,
        texts=texts,
        groups=groups,
        positive=positive[rows],
        known=known[rows],
        segment_ids=ids,
        n_codings=n_codings,
        n_feedback=n_feedback,
    )


def _passage_texts(db: sqlite_utils.Database, ids: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Text and organisation (the plan's file when it has none) of each passage, in order."""
    found: dict[int, tuple[str, str]] = {}
    id_list = ids.tolist()
    for first in range(0, len(id_list), 900):
        chunk = id_list[first : first + 900]
        for row in db.execute(
            "SELECT s.id, s.text, coalesce(o.name, d.filename) FROM segments s"
            " JOIN documents d ON d.id = s.document_id"
            " LEFT JOIN organisations o ON o.id = d.organisation_id"
            f" WHERE s.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            found[row[0]] = (row[1], row[2])
    texts = [found[i][0] for i in id_list]
    groups = np.array([found[i][1] for i in id_list], dtype=object)
    return texts, groups


def from_ground_truth(path: str | Path, codes: list[str]) -> Examples:
    """Passages of a sample corpus's ``ground_truth.jsonl``, every code known for each.

    This is the honest yardstick: all passages of every plan with the codes they were
    written to express, including the ~15% that carry none.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        passages = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        raise SuggestError(f"{path}: cannot read the ground truth ({exc})") from exc
    column = {code: k for k, code in enumerate(codes)}
    unknown = sorted({c for p in passages for c in p.get("codes", []) if c not in column})
    if unknown:
        raise SuggestError(
            f"{path}: codes not in the codebook: {', '.join(unknown)}; load the codebook the"
            " ground truth was written for"
        )
    positive = np.zeros((len(passages), len(codes)), dtype=bool)
    for i, passage in enumerate(passages):
        positive[i, [column[c] for c in passage.get("codes", [])]] = True
    return Examples(
        codes=codes,
        texts=[p["text"] for p in passages],
        groups=np.array([p.get("organisation") or p["document"] for p in passages], dtype=object),
        positive=positive,
        known=np.ones_like(positive),
    )
