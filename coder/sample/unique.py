"""Make every passage of a corpus unique.

Why: the brief for the sample corpus is strict (no paragraph or list item may repeat within
a plan or across plans) while plans are written independently, possibly in different
processes. Templates make repeats rare; this pass, run over the planned corpus in plan
order, rewrites the few that remain with fresh text on the same codes, deterministically.
"""

from __future__ import annotations

import random

from coder.sample import phrases
from coder.sample.blocks import Passage, PlanDocument
from coder.sample.writer import Writer

_MAX_TRIES = 25


def _item_templates(passage: Passage) -> list[str]:
    code = passage.codes[-1] if passage.codes else None
    pool = [t for c, t in (*phrases.ACTIONS, *phrases.INDICATORS) if c == code]
    return pool or [t for c, t in phrases.ACTIONS if c is None]


def _rewrite(passage: Passage, writer: Writer, seen: set[str]) -> str:
    codes = passage.codes
    text = passage.text
    for attempt in range(_MAX_TRIES):
        if passage.kind == "list_item":
            template = writer.rng.choice(_item_templates(passage))
            text = writer.item(template, codes).text
        else:
            code = codes[0] if len(codes) == 1 else None
            if len(codes) <= 1:
                text = writer.paragraph(code, sentences=3 + attempt // 5).text
            else:
                # Several codes: keep the text and add a sentence from the first code's pool.
                more = writer.sentence_from(writer.rng.choice(writer.pool(codes[0])))
                text = f"{passage.text} {more}"
        if text not in seen:
            return text
    return f"{text} ({writer.org.name})"  # pragma: no cover - practically unreachable


def make_unique(docs: list[PlanDocument], seed: int) -> int:
    """Rewrite repeated passages in place (in plan order); returns how many changed."""
    seen: set[str] = set()
    changed = 0
    for doc in docs:
        writer: Writer | None = None
        for passage in doc.passages():
            if passage.text in seen:
                if writer is None:
                    rng = random.Random(f"coder-sample:unique:{seed}:{doc.org.index}")
                    writer = Writer(doc.org, rng, peers=())
                passage.text = _rewrite(passage, writer, seen)
                changed += 1
            seen.add(passage.text)
    return changed
