"""Writes coded passages for one organisation from the sentence templates.

Why a stateful writer per plan: the slots (``{stad}``, ``{dg}``, ``{partner}`` ...) are
filled with this organisation's own facts, and the writer remembers every sentence and
paragraph it produced so that a plan never repeats itself. Passage ids are handed out in
creation order, which is also document order because the planner writes front to back.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Sequence

from coder.sample import phrases
from coder.sample import vocabulary as vocab
from coder.sample.blocks import Passage
from coder.sample.figures import format_euro, format_fte, format_number
from coder.sample.grammar import expand, sentence
from coder.sample.organisations import Organisation

_NUMBER_WORDS = {
    2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen",
    10: "tien", 11: "elf", 12: "twaalf",
}  # fmt: skip
_ONS = {
    "vereniging": ("onze vereniging", "onze organisatie", "{org}"),
    "beweging": ("onze beweging", "onze organisatie", "{org}"),
    "vormingsinstelling": ("ons vormingshuis", "onze organisatie", "{org}"),
    "landelijke organisatie met afdelingen": ("onze organisatie", "onze vereniging", "{org}"),
}
FUNCTION_LABELS = {
    "cultuurfunctie": "de cultuurfunctie",
    "leerfunctie": "de leerfunctie",
    "gemeenschapsvormende functie": "de gemeenschapsvormende functie",
    "maatschappelijke bewegingsfunctie": "de maatschappelijke bewegingsfunctie",
}


def normalise(text: str) -> str:
    """Ground-truth form of a text: NFC and single spaces."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


class Writer:
    """Produces sentences, paragraphs and list items in one organisation's voice."""

    def __init__(self, org: Organisation, rng: random.Random, peers: Sequence[str]) -> None:
        self.org = org
        self.rng = rng
        self._next_pid = 0
        self._sentences: set[str] = set()
        self._texts: set[str] = set()
        self._memo: dict[str, list[str]] = {}
        self._pools: dict[str, tuple[str, ...]] = {}
        self._usage: dict[str, int] = {}
        self.current_praktijk: str | None = None
        self.cities = self._cities()
        self.partners = self._partners(peers)
        self.praktijken = self._praktijken()
        self.base_participants = max(
            150, int(org.fte * rng.uniform(140, 420) + org.branches * rng.uniform(20, 60))
        )
        self.slots: dict[str, Callable[[random.Random], str]] = self._slots()

    # ---------------------------------------------------------------- org-specific facts
    def _cities(self) -> list[str]:
        if self.org.national:
            cities = [c for region in vocab.REGIONS for c in vocab.CITIES[region][:6]]
            return self.rng.sample(cities, 12)
        return list(vocab.CITIES[self.org.region])

    def _partners(self, peers: Sequence[str]) -> list[str]:
        rng = self.rng
        self.local_partners = [
            p.replace("{stad}", rng.choice(self.cities))
            for p in rng.sample(vocab.LOCAL_PARTNERS, 5)
        ]
        self.academic_partners = rng.sample(vocab.ACADEMIC_PARTNERS, 2)
        others = [p for p in peers if p != self.org.name]
        partners = self.local_partners + rng.sample(vocab.SECTOR_PARTNERS, 4)
        partners += self.academic_partners
        partners += rng.sample(others, min(3, len(others)))
        rng.shuffle(partners)
        return partners

    def _praktijken(self) -> list[str]:
        rng = self.rng
        names = set(rng.sample(vocab.PRAKTIJK_NAMES, 10))
        for root in self.org.theme_roots:
            if " " not in root:
                names.add(root + rng.choice(vocab.PRAKTIJK_FORMATS))
        ordered = sorted(names)
        rng.shuffle(ordered)
        return ordered

    # ---------------------------------------------------------------- slots
    def _pick(self, key: str, options: Sequence[str], rng: random.Random) -> str:
        """Pick an option not yet used for ``key`` in the current sentence (dg vs dg2)."""
        used = self._memo.setdefault(key, [])
        fresh = [o for o in options if o not in used] or list(options)
        choice = fresh[int(rng.random() * len(fresh))]
        used.append(choice)
        return choice

    def _slots(self) -> dict[str, Callable[[random.Random], str]]:
        org = self.org
        groups = list(org.target_groups)
        extra_groups = [g for g in vocab.TARGET_GROUPS if g not in groups]
        themes = list(org.themes)
        area = org.area
        ons = _ONS[org.org_type]

        def number(low: float, high: float, step: int = 10) -> Callable[[random.Random], str]:
            def fill(rng: random.Random) -> str:
                value = self.base_participants * rng.uniform(low, high)
                return format_number(max(step, int(round(value / step) * step)))

            return fill

        def aantal(rng: random.Random) -> str:
            value = rng.randint(2, 12)
            return _NUMBER_WORDS[value] if rng.random() < 0.5 else str(value)

        def pct(rng: random.Random) -> str:
            value = rng.randint(6, 85)
            return f"{value}%" if rng.random() < 0.5 else f"{value} procent"

        def dg2(rng: random.Random) -> str:
            pool = groups if rng.random() < 0.6 else extra_groups
            return self._pick("dg", pool, rng)

        def volunteers(rng: random.Random) -> str:
            base = org.fte * rng.uniform(4, 14) + org.branches * rng.uniform(3, 8)
            return format_number(max(12, int(base)))

        return {
            "org": lambda rng: org.name,
            "ons": lambda rng: ons[int(rng.random() * len(ons))].replace("{org}", org.name),
            "gebied": lambda rng: f"in {area}",
            "werkingsgebied": lambda rng: area,
            "zetel": lambda rng: org.seat,
            "stad": lambda rng: self._pick("stad", self.cities, rng),
            "stad2": lambda rng: self._pick("stad", self.cities, rng),
            "dg": lambda rng: self._pick("dg", groups, rng),
            "dg2": dg2,
            "thema": lambda rng: self._pick("thema", themes, rng),
            "thema2": lambda rng: self._pick("thema", [t for t, _, _ in vocab.THEMES], rng),
            "partner": lambda rng: self._pick("partner", self.partners, rng),
            "partner2": lambda rng: self._pick("partner", self.partners, rng),
            "kennispartner": lambda rng: self._pick("partner", self.academic_partners, rng),
            "lokalepartner": lambda rng: self._pick("partner", self.local_partners, rng),
            "opgericht": lambda rng: str(org.founded),
            "intl": lambda rng: rng.choice(vocab.INTERNATIONAL_PARTNERS),
            "praktijk": self._praktijk_slot,
            "functie": lambda rng: FUNCTION_LABELS[rng.choice(org.functions)],
            "jaar": lambda rng: str(rng.randint(2021, 2025)),
            "pjaar": lambda rng: str(rng.randint(max(2016, org.founded + 1), 2019)),
            "aantal": aantal,
            "avleden": lambda rng: str(rng.randint(9, 60)),
            "groei": lambda rng: f"{rng.randint(5, 30)} procent",
            "deeln": number(0.3, 1.2),
            "act": number(0.02, 0.08, 1),
            "vrijw": volunteers,
            "leden": number(0.8, 3.0, 50),
            "pct": pct,
            "afd": lambda rng: str(org.branches),
            "persoon": lambda rng: rng.choice(vocab.FIRST_NAMES),
            "leeftijd": lambda rng: str(rng.randint(24, 86)),
            "maand": lambda rng: rng.choice(vocab.MONTHS),
            "straat": lambda rng: rng.choice(vocab.STREETS),
            "fte": lambda rng: format_fte(org.fte),
            "subsidie": lambda rng: format_euro(org.subsidy),
        }

    def _praktijk_slot(self, rng: random.Random) -> str:
        """Inside a praktijk's own section, sentences mostly talk about that praktijk."""
        if self.current_praktijk and rng.random() < 0.8:
            return self.current_praktijk
        return self._pick("praktijk", self.praktijken, rng)

    # ---------------------------------------------------------------- text
    def pool(self, key: str) -> tuple[str, ...]:
        """Templates for a pool key, including the variants for this organisation's tags."""
        cached = self._pools.get(key)
        if cached is None:
            templates = list(phrases.SENTENCES.get(key, ()))
            for tag in sorted(self.org.tags):
                templates.extend(phrases.SENTENCES.get(f"{key}@{tag}", ()))
            cached = self._pools[key] = tuple(templates)
        return cached

    def expand(self, template: str) -> str:
        """Expand a template as a title or fragment (no final full stop added)."""
        self._memo = {}
        return expand(template, self.rng, self.slots)

    def sentence_from(self, template: str) -> str:
        """Expand a template as a sentence, avoiding sentences this plan already used."""
        text = ""
        for _attempt in range(6):
            self._memo = {}
            text = sentence(template, self.rng, self.slots)
            if text not in self._sentences:
                break
        self._sentences.add(text)
        return text

    def _passage(self, text: str, codes: Sequence[str], kind: str) -> Passage:
        text = normalise(text)
        self._texts.add(text)
        passage = Passage(self._next_pid, text, tuple(dict.fromkeys(codes)), kind)
        self._next_pid += 1
        return passage

    def paragraph(
        self,
        code: str | None,
        extra: str | None = None,
        sentences: int | None = None,
        lead: str | None = None,
        pool: str | None = None,
        tail: str | None = None,
    ) -> Passage:
        """A paragraph about ``code`` (None: no code), optionally also touching ``extra``.

        ``lead`` and ``tail`` are templates placed first and last (an opener naming a
        praktijk, a sentence with a budget figure); ``pool`` overrides the template pool.
        """
        rng = self.rng
        body_pool = self.pool(pool or code or "geen")
        count = sentences or rng.choice((2, 3, 3, 4, 4, 5))
        for _attempt in range(4):
            parts = [self.sentence_from(t) for t in self._least_used(body_pool, count)]
            if extra:
                extra_pool = self.pool(extra)
                k = 1 if rng.random() < 0.7 or len(extra_pool) < 2 else 2
                for template in self._least_used(extra_pool, k):
                    parts.insert(rng.randint(1, len(parts)), self.sentence_from(template))
            if lead:
                parts.insert(0, self.sentence_from(lead))
            if tail:
                parts.append(self.sentence_from(tail))
            text = normalise(" ".join(parts))
            if text not in self._texts:
                break
        codes = [c for c in (code, extra) if c]
        return self._passage(text, codes, "paragraph")

    def _least_used(self, pool: Sequence[str], count: int) -> list[str]:
        """Templates used least often so far in this plan, ties broken at random.

        A plan reuses each template only after the others had their turn, which keeps long
        sections from repeating the same sentence shapes paragraph after paragraph.
        """
        rng, usage = self.rng, self._usage
        ranked = sorted(pool, key=lambda t: (usage.get(t, 0), rng.random()))
        picks = ranked[: min(count, len(ranked))]
        rng.shuffle(picks)
        for template in picks:
            usage[template] = usage.get(template, 0) + 1
        return picks

    def fixed(self, text: str, codes: Sequence[str] = (), kind: str = "paragraph") -> Passage:
        """A passage with given text (a signature line, a sentence built by the planner)."""
        return self._passage(text, codes, kind)

    def item(self, template: str, codes: Sequence[str | None]) -> Passage:
        """A list item: one expanded template, without a final full stop."""
        text = ""
        for _attempt in range(6):
            text = normalise(self.expand(template))
            if text not in self._texts:
                break
        return self._passage(text, [c for c in codes if c], "list_item")
