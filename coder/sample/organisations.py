"""Invented organisations with the attributes of the subsidy administration.

Why separate: the manifest (``organisations.csv``), the plan text and the page budget all
derive from these attributes, so they are drawn once, deterministically from the seed, and
passed around as frozen values. Organisation ``i`` depends only on ``(seed, i)`` and on the
names drawn before it, so a small corpus is a prefix of a large one with the same seed.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass, field

from coder.ingest.manifest import FUNCTIONS as FUNCTIONS
from coder.sample import vocabulary as vocab

ORG_TYPES: dict[str, float] = {
    "vereniging": 0.30,
    "landelijke organisatie met afdelingen": 0.26,
    "vormingsinstelling": 0.22,
    "beweging": 0.22,
}
# Function each type always chooses, and how likely the others are picked on top.
_CORE_FUNCTION = {
    "vormingsinstelling": "leerfunctie",
    "beweging": "maatschappelijke bewegingsfunctie",
    "landelijke organisatie met afdelingen": "gemeenschapsvormende functie",
    "vereniging": None,
}
_FUNCTION_WEIGHTS = {
    "cultuurfunctie": 0.25,
    "leerfunctie": 0.35,
    "gemeenschapsvormende functie": 0.25,
    "maatschappelijke bewegingsfunctie": 0.18,
}
_FUNCTION_COUNT = ((1, 0.15), (2, 0.55), (3, 0.22), (4, 0.08))
_FTE_MEDIAN = {
    "vereniging": 5.0,
    "landelijke organisatie met afdelingen": 16.0,
    "vormingsinstelling": 9.0,
    "beweging": 6.0,
}
_NATIONAL_SHARE = {
    "vereniging": 0.4,
    "landelijke organisatie met afdelingen": 1.0,
    "vormingsinstelling": 0.15,
    "beweging": 0.6,
}
MIN_PAGES = 15
MAX_PAGES = 250
MAX_PLANS = 1000


@dataclass(frozen=True)
class Organisation:
    """One subsidised organisation: the manifest row plus what the prose needs."""

    index: int
    name: str
    slug: str
    org_type: str
    functions: tuple[str, ...]
    subsidy: int
    fte: float
    region: str
    seat: str
    branches: int
    new_entrant: bool
    national: bool
    area: str  # working area as a noun phrase: "de Kempen", "Vlaanderen en Brussel"
    themes: tuple[str, ...]
    theme_roots: tuple[str, ...]
    target_groups: tuple[str, ...]
    founded: int
    director: str
    chair: str
    legal_form: str = "vzw"
    doc_type: str = "beleidsplan"
    period: str = "2021-2025"
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def file(self) -> str:
        """The plan's PDF file name, relative to the corpus directory."""
        return f"{self.slug}.pdf"


def slugify(name: str) -> str:
    """ASCII, lower-case, dash-separated file stem: "Leerhuis Waasland" -> leerhuis-waasland."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _place_word(area: str) -> str:
    """Drop the article: "de Kempen" -> "Kempen", "het Waasland" -> "Waasland"."""
    word = re.sub(r"^(de regio|de|het) ", "", area).replace("Brusselse ", "").strip()
    return word[:1].upper() + word[1:]


def _name(rng: random.Random, org_type: str, theme: tuple, area: str | None) -> str:
    _label, roots, topic = theme
    root = rng.choice(roots)
    tail = rng.choice(vocab.NAME_TAILS)
    compound = f"{root} {tail.capitalize()}" if " " in root or "-" in root else root + tail
    prefix = rng.choice(vocab.NAME_PREFIXES[org_type])
    place = _place_word(area) if area else ""
    if org_type == "vormingsinstelling":
        options = [f"{prefix} {place}" if place else f"{prefix} {root}", f"{compound} {place}"]
    elif org_type == "landelijke organisatie met afdelingen":
        options = [f"{compound} Vlaanderen", f"{prefix} {topic}", f"{compound}"]
    elif org_type == "beweging":
        options = [compound, f"{prefix} {topic}", f"{compound} {place}" if place else compound]
    else:
        options = [compound, f"{compound} {place}" if place else f"{prefix} {topic}"]
    return re.sub(r"\s+", " ", rng.choice(options)).strip()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}"


def _functions(rng: random.Random, org_type: str) -> tuple[str, ...]:
    count = rng.choices([c for c, _ in _FUNCTION_COUNT], [w for _, w in _FUNCTION_COUNT])[0]
    chosen: set[str] = set()
    core = _CORE_FUNCTION[org_type]
    if core:
        chosen.add(core)
    while len(chosen) < count:
        remaining = {f: w for f, w in _FUNCTION_WEIGHTS.items() if f not in chosen}
        chosen.add(_weighted(rng, remaining))
    return tuple(f for f in FUNCTIONS if f in chosen)


def _draw(rng: random.Random, index: int, taken: set[str]) -> Organisation:
    org_type = _weighted(rng, ORG_TYPES)
    national = rng.random() < _NATIONAL_SHARE[org_type]
    if national:
        weights = dict(vocab.REGION_WEIGHTS, Brussel=0.24)
    else:
        weights = dict(vocab.REGION_WEIGHTS, Brussel=0.10)
    region = _weighted(rng, weights)
    seat = rng.choice(vocab.CITIES[region])
    subregion = rng.choice(vocab.SUBREGIONS[region])
    if national:
        area = "Vlaanderen en Brussel"
    elif region == "Brussel":
        area = "het Brussels Hoofdstedelijk Gewest"
    else:
        area = rng.choice([subregion, f"de provincie {region}", subregion])
    theme_picks = rng.sample(vocab.THEMES, rng.choice((2, 2, 3)))
    themes = tuple(label for label, _, _ in theme_picks)
    theme = theme_picks[0]
    groups = tuple(rng.sample(vocab.TARGET_GROUPS, rng.choice((2, 3, 3))))

    name = ""
    for _attempt in range(50):
        name = _name(rng, org_type, theme, None if national else subregion)
        if name.lower() not in taken and slugify(name) not in taken:
            break
        theme = rng.choice(vocab.THEMES)
    else:  # pragma: no cover - the name space is far larger than MAX_PLANS
        name = f"{name} {index + 1}"
    taken.update({name.lower(), slugify(name)})

    new_entrant = rng.random() < 0.10
    median = _FTE_MEDIAN[org_type] * (0.4 if new_entrant else 1.0)
    fte = round(min(80.0, max(2.0, rng.lognormvariate(math.log(median), 0.7))), 1)
    per_fte = rng.uniform(56_000, 74_000)
    subsidy = int(min(5_000_000, max(150_000, fte * per_fte * rng.uniform(0.9, 1.1))))

    branches = 0
    if org_type == "landelijke organisatie met afdelingen":
        branches = int(min(450, max(8, rng.lognormvariate(math.log(60), 0.8))))
    elif org_type == "vereniging" and rng.random() < 0.35:
        branches = rng.randint(3, 40)

    tags = {"afd" if branches else "noafd", "bru" if region == "Brussel" else "nonbru"}
    tags.add("new" if new_entrant else "old")
    founded = rng.randint(2012, 2018) if new_entrant else rng.randint(1948, 2010)
    return Organisation(
        index=index,
        name=name,
        slug=slugify(name),
        org_type=org_type,
        functions=_functions(rng, org_type),
        subsidy=subsidy,
        fte=fte,
        region=region,
        seat=seat,
        branches=branches,
        new_entrant=new_entrant,
        national=national,
        area=area,
        themes=themes,
        theme_roots=tuple(r for _, rs, _ in theme_picks for r in rs),
        target_groups=groups,
        founded=founded,
        director=_person(rng),
        chair=_person(rng),
        tags=frozenset(tags),
    )


def sample_organisations(plans: int, seed: int) -> list[Organisation]:
    """Draw ``plans`` organisations with unique names, deterministic for ``seed``."""
    taken: set[str] = set()
    orgs = []
    for index in range(plans):
        rng = random.Random(f"coder-sample:org:{seed}:{index}")
        orgs.append(_draw(rng, index, taken))
    return orgs


def allocate_pages(orgs: list[Organisation], pages: int, seed: int) -> list[int]:
    """Target page counts per plan, summing exactly to ``pages``.

    Bigger organisations (more staff, more functions, branches) write longer plans, with
    noise; every plan gets between MIN_PAGES and a cap of about 180 pages (higher only when
    the requested average demands it).
    """
    rng = random.Random(f"coder-sample:pages:{seed}")
    weights = []
    for org in orgs:
        weight = org.fte**0.6 * (0.7 + 0.15 * len(org.functions))
        weight *= 1.25 if org.branches else 1.0
        weight *= rng.lognormvariate(0.0, 0.3)
        weights.append(weight)
    average = pages / len(orgs)
    cap = min(MAX_PAGES, max(180.0, 1.5 * average))

    def total(k: float) -> float:
        return sum(min(cap, max(MIN_PAGES, k * w)) for w in weights)

    low, high = 0.0, 1.0
    while total(high) < pages:
        high *= 2
    for _ in range(80):
        mid = (low + high) / 2
        if total(mid) < pages:
            low = mid
        else:
            high = mid
    raw = [min(cap, max(MIN_PAGES, high * w)) for w in weights]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: max(0, pages - sum(counts))]:
        counts[i] += 1
    while sum(counts) > pages:  # only when the bisection overshot by a page or so
        counts[counts.index(max(counts))] -= 1
    return counts
