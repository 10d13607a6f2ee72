"""Simulated coders: the ground truth of a sample plan, coded with the mistakes readers make.

A pilot's reliability report only shows something once several readers have coded the
same plans. For the demo, the tests and the benchmark, ``coder pilot simulate`` makes
those readers from ``ground_truth.jsonl``: every simulated coder starts from the passages
the generator wrote with their codes, and at rate ``noise`` makes the three mistakes a
human pilot shows (and a reliability report must detect):

- **missing a code**: a passage's code is left out (probability ``noise / 3`` per code);
- **a wrong code**: the code is replaced by a code it is easily confused with, or else by
  another code of its group (``noise / 3`` per code); the confusable pairs below are the
  ones a codebook revision typically has to sharpen;
- **other boundaries**: the span starts or ends one to three words earlier or later
  (``noise`` per coded passage);

plus an occasional **spurious code** on a passage the ground truth leaves uncoded
(``noise / 6`` per passage). Each coder draws from its own seeded generator, so the
coders disagree with one another as independent readers would, and the same seed
gives the same codings. Pure: no database; :mod:`coder.pilot` stores the result.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coder.sample.codes import CODE_BY_ID, CODES

#: pairs of codes that readers mix up (definitions that overlap in the starter codebook)
CONFUSABLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("missie", "visie"),
    ("strategische-doelstellingen", "operationele-doelstellingen"),
    ("contextanalyse", "zelfevaluatie-swot"),
    ("doelgroepen", "participatie-bereik"),
    ("doelgroepen", "diversiteit-inclusie"),
    ("verbindende-rol", "samenwerking-netwerken"),
    ("kritische-rol", "maatschappelijke-bewegingsfunctie"),
    ("laboratoriumrol", "innovatie-experiment"),
    ("cultuurfunctie", "gemeenschapsvormende-functie"),
    ("leerfunctie", "operationele-doelstellingen"),
    ("lokale-werking", "brussel"),
    ("vrijwilligers", "medewerkers"),
    ("goed-bestuur", "kwaliteitszorg"),
    ("financien", "infrastructuur"),
    ("communicatie-beeldvorming", "digitalisering"),
    ("civiel-actorschap", "maatschappelijke-bewegingsfunctie"),
    ("internationale-werking", "samenwerking-netwerken"),
)


def confusable(code: str) -> list[str]:
    """The codes ``code`` is easily mistaken for (possibly none)."""
    return sorted({b if a == code else a for a, b in CONFUSABLE_PAIRS if code in (a, b)})


@dataclass(frozen=True)
class Passage:
    """A ground-truth passage found in the ingested text: where it is and its codes."""

    start: int
    end: int
    codes: tuple[str, ...]


def _loose_pattern(text: str) -> re.Pattern[str]:
    """The passage's words with any white space between them (ingest reflows lines)."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def locate(text: str, records: Iterable[dict]) -> tuple[list[Passage], int]:
    """Find each ground-truth record (``text``, ``codes``) in a plan's ingested text.

    Records come in document order, so each is looked for after the previous one,
    first exactly, then allowing other white space, then anywhere. Returns the
    passages found and how many records were not found.
    """
    found: list[Passage] = []
    missed = 0
    cursor = 0
    for record in records:
        wanted = str(record.get("text", "")).strip()
        if not wanted:
            continue
        start = text.find(wanted, cursor)
        end = start + len(wanted)
        if start < 0:
            pattern = _loose_pattern(wanted)
            match = pattern.search(text, cursor) or pattern.search(text)
            if match is None:
                missed += 1
                continue
            start, end = match.span()
        found.append(Passage(start, end, tuple(record.get("codes") or ())))
        cursor = end
    return found, missed


class _Words:
    """Word boundaries of a text, to move a span's edges by whole words."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in re.finditer(r"\S+", text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def move_start(self, position: int, words: int) -> int:
        if not self.starts:
            return position
        index = min(max(bisect_left(self.starts, position) + words, 0), len(self.starts) - 1)
        return self.starts[index]

    def move_end(self, position: int, words: int) -> int:
        if not self.ends:
            return position
        index = min(max(bisect_left(self.ends, position) + words, 0), len(self.ends) - 1)
        return self.ends[index]


def _wrong_code(code: str, rng: random.Random, allowed: Sequence[str]) -> str:
    choices = [c for c in confusable(code) if c in allowed]
    if not choices:
        group = CODE_BY_ID[code].group if code in CODE_BY_ID else None
        choices = [c.id for c in CODES if c.group == group and c.id != code and c.id in allowed]
    if not choices:
        choices = [c for c in allowed if c != code]
    return rng.choice(choices) if choices else code


def simulate_coder(
    text: str,
    passages: Sequence[Passage],
    noise: float,
    rng: random.Random,
    allowed: Sequence[str] | None = None,
) -> list[tuple[int, int, str]]:
    """One simulated coder's codings of one plan: (start, end, code), in text order.

    ``allowed`` limits the codes (those of the codebook in use); ground-truth codes
    outside it are dropped, as a reader cannot use a code the codebook lacks.
    """
    if not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise: expected a number from 0 to 1, got {noise!r}")
    allowed = list(allowed) if allowed is not None else [c.id for c in CODES]
    allowed_set = set(allowed)
    words = _Words(text)
    result: list[tuple[int, int, str]] = []
    for passage in passages:
        codes = [c for c in passage.codes if c in allowed_set]
        if not codes:
            if allowed and rng.random() < noise / 6:
                codes = [rng.choice(allowed)]
            else:
                continue
        start, end = passage.start, passage.end
        if rng.random() < noise:
            start = words.move_start(start, rng.choice((-3, -2, -1, 1, 2, 3)))
            end = words.move_end(end, rng.choice((-3, -2, -1, 1, 2, 3)))
            if end <= start:
                start, end = passage.start, passage.end
        for code in codes:
            draw = rng.random()
            if draw < noise / 3:
                continue
            if draw < 2 * noise / 3:
                code = _wrong_code(code, rng, allowed)
            result.append((start, end, code))
    return sorted(set(result))
