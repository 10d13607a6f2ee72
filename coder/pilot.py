"""Pilots ("proeflezing"): a sample of plans read by several coders, to test the codebook.

The project starts by having a few readers code the same plans (15 plans by 5 readers)
and measuring how alike they code (:mod:`coder.reliability_report`), before anyone
codes the 131 plans. This module is the workflow around that measurement; every verb
takes the acting user and is one transaction:

- :func:`create` draws a **stratified random sample** of plans (proportional over the
  strata of organisation attributes such as functions and region, every stratum
  represented where possible, reproducible from the seed) and decides who reads what:
  every coder every plan (``crossed``) or a **balanced incomplete** design (each plan by
  ``coders_per_plan`` coders, work and coder pairs spread evenly).
- While a pilot is **open**, its coders code **blind**: each sees only their own codings
  on its plans, and code suggestions are off for them (``coding.visible_coders`` and
  ``coding.suggestions_allowed``, which every view asks).
- :func:`close` **freezes** the pilot: its codings are copied into the pilot
  (``pilot_codings``) and can no longer be changed (``coding`` refuses with
  :class:`~coder.errors.FrozenError`), so the report of a closed round never moves.
  New codings on the same plans stay possible: they are the full coding that follows
  the pilot (by the same readers, as a rule) and are not part of it.
- :func:`adjudicate` records, per disagreement, the **consensus coding** and a note;
  the consensus set is stored apart from the codings.
- A **second round** after a codebook revision is a new pilot with ``previous=``: it
  records the codebook version it codes with, draws plans the earlier rounds did not
  use, and the report compares the rounds.
- :func:`simulate` fills a pilot with **simulated coders** from the sample corpus
  ground truth (demo, tests, benchmark); they are flagged, and their codings carry
  origin ``simulated``, wherever they are shown.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import sqlite_utils

from coder import audit, coding
from coder.codebook import current_version
from coder.errors import NotFoundError, PilotError
from coder.store import transaction
from coder.users import require

DESIGNS = ("crossed", "balanced")
#: organisation attributes a pilot can be stratified by (categorical ones)
STRATIFY_KEYS = ("functions", "region", "org_type", "legal_form", "new_entrant")
SIMULATED_PREFIX = "sim-"
UNKNOWN = "(onbekend)"


# records ------------------------------------------------------------------------
@dataclass(slots=True)
class PilotCoder:
    name: str
    simulated: bool

    @property
    def label(self) -> str:
        """The name as shown everywhere: simulated coders always say so."""
        return f"{self.name} (gesimuleerd)" if self.simulated else self.name


@dataclass(slots=True)
class PilotPlan:
    document_id: int
    organisation: str | None
    filename: str
    stratum: str
    length: int
    page_count: int
    coders: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.organisation or self.filename


@dataclass(slots=True)
class Stratum:
    """One stratum of the sample: how many plans it holds, its fair share, how many drawn."""

    key: str
    population: int
    quota: float
    drawn: int


@dataclass(slots=True)
class Pilot:
    id: int
    name: str
    created_by: str
    created_at: str
    seed: int
    design: str
    coders_per_plan: int | None
    stratify_by: list[str]
    strata: list[Stratum]
    codebook_version: int
    status: str
    closed_by: str | None
    closed_at: str | None
    round: int
    previous: str | None
    plans: list[PilotPlan]
    coders: list[PilotCoder]

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def has_simulated(self) -> bool:
        return any(c.simulated for c in self.coders)

    def coder(self, name: str) -> PilotCoder:
        for coder in self.coders:
            if coder.name == name:
                return coder
        raise NotFoundError(f"{name!r} is not a coder of pilot {self.name!r}")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for coder, row in zip(self.coders, data["coders"], strict=True):
            row["label"] = coder.label
        return data


@dataclass(slots=True)
class PilotCoding:
    """A coding that counts for a pilot (frozen copy once closed)."""

    coding_id: int
    document_id: int
    coder: str
    start: int
    end: int
    code_id: str
    text: str
    origin: str


@dataclass(slots=True)
class ProgressRow:
    coder: str
    simulated: bool
    document_id: int
    plan: str
    pages_read: int
    page_count: int
    fragments: int
    codings: int
    done: bool


@dataclass(slots=True)
class ConsensusCoding:
    id: int
    adjudication_id: int
    document_id: int
    start: int
    end: int
    text: str
    code_id: str
    created_by: str
    created_at: str


@dataclass(slots=True)
class Adjudication:
    id: int
    document_id: int
    code_id: str
    start: int
    end: int
    note: str
    decided_by: str
    decided_at: str
    consensus: list[ConsensusCoding] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SimulationResult:
    pilot: str
    noise: float
    coders: list[str]
    codings: int
    passages: int
    missed: int
    skipped_codes: list[str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# helpers ------------------------------------------------------------------------
def _log(
    db: sqlite_utils.Database, actor: str, verb: str, entity: str, entity_id: object, after: Any
) -> None:
    """Audit-only entry in the action log (these verbs are never undone by a reader's undo)."""
    audit.record(db, actor, verb, entity, entity_id, None, after)


def _pilot_row(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM pilots WHERE name = ?", [name]))
    if not rows:
        known = [r[0] for r in db.execute("SELECT name FROM pilots ORDER BY id")]
        hint = f"; pilots: {', '.join(known)}" if known else "; create one with: coder pilot create"
        raise NotFoundError(f"no pilot named {name!r}{hint}")
    return rows[0]


def get(db: sqlite_utils.Database, name: str) -> Pilot:
    """The pilot with its plans (and who reads each), coders and strata."""
    row = _pilot_row(db, name)
    previous = None
    if row["previous_id"] is not None:
        previous = db.execute(
            "SELECT name FROM pilots WHERE id = ?", [row["previous_id"]]
        ).fetchone()
        previous = previous[0] if previous else None
    readers: dict[int, list[str]] = defaultdict(list)
    for document_id, coder in db.execute(
        "SELECT a.document_id, a.coder FROM pilot_assignments a"
        " JOIN pilot_coders c ON c.pilot_id = a.pilot_id AND c.coder = a.coder"
        " WHERE a.pilot_id = ? ORDER BY c.seq",
        [row["id"]],
    ):
        readers[document_id].append(coder)
    plans = [
        PilotPlan(
            document_id=r["document_id"],
            organisation=r["organisation"],
            filename=r["filename"],
            stratum=r["stratum"],
            length=r["length"],
            page_count=r["page_count"] or 0,
            coders=readers.get(r["document_id"], []),
        )
        for r in db.query(
            "SELECT p.document_id, p.stratum, o.name AS organisation, d.filename,"
            " length(d.text) AS length, d.page_count FROM pilot_plans p"
            " JOIN documents d ON d.id = p.document_id"
            " LEFT JOIN organisations o ON o.id = d.organisation_id"
            " WHERE p.pilot_id = ? ORDER BY p.seq",
            [row["id"]],
        )
    ]
    coders = [
        PilotCoder(name, bool(simulated))
        for name, simulated in db.execute(
            "SELECT coder, simulated FROM pilot_coders WHERE pilot_id = ? ORDER BY seq",
            [row["id"]],
        )
    ]
    return Pilot(
        id=row["id"],
        name=row["name"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        seed=row["seed"],
        design=row["design"],
        coders_per_plan=row["coders_per_plan"],
        stratify_by=json.loads(row["stratify_by"]),
        strata=[Stratum(**s) for s in json.loads(row["strata"])],
        codebook_version=row["codebook_version"],
        status=row["status"],
        closed_by=row["closed_by"],
        closed_at=row["closed_at"],
        round=row["round"],
        previous=previous,
        plans=plans,
        coders=coders,
    )


def pilots(db: sqlite_utils.Database) -> list[Pilot]:
    """Every pilot, oldest first."""
    return [get(db, name) for (name,) in db.execute("SELECT name FROM pilots ORDER BY id")]


def rounds(db: sqlite_utils.Database, name: str) -> list[Pilot]:
    """The chain of rounds that ends with this pilot, first round first."""
    chain = [get(db, name)]
    while chain[0].previous is not None and len(chain) < 100:
        chain.insert(0, get(db, chain[0].previous))
    return chain


# sampling -------------------------------------------------------------------------
def stratum_values(organisation: Mapping[str, Any], keys: Sequence[str]) -> dict[str, str]:
    """The value of each stratification attribute (a plan's combination of functions
    is one value: 'cultuurfunctie+leerfunctie')."""
    values = {}
    for key in keys:
        value = organisation.get(key)
        if key == "functions":
            items = json.loads(value) if isinstance(value, str) else list(value or [])
            values[key] = "+".join(sorted(items)) if items else UNKNOWN
        elif key == "new_entrant":
            values[key] = {1: "ja", 0: "nee"}.get(value, UNKNOWN)
        else:
            values[key] = str(value) if value not in (None, "") else UNKNOWN
    return values


def _marginals(values: Mapping[str, str]) -> set[str]:
    """The single attribute values a stratum stands for (each function on its own)."""
    found = set()
    for key, value in values.items():
        parts = value.split("+") if key == "functions" and value != UNKNOWN else [value]
        found.update(f"{key}={part}" for part in parts)
    return found


def allocate(
    sizes: Mapping[str, int],
    n: int,
    rng: random.Random,
    marginals: Mapping[str, set[str]] | None = None,
) -> dict[str, int]:
    """How many plans to draw from each stratum: proportional, every stratum where possible.

    Plans are handed out one at a time. With no more strata than plans, each
    stratum first gets one, then the stratum furthest below its proportional quota
    ``n * N_h / N`` gets the next. With more strata than plans not every stratum can
    be represented; then each attribute value (every region, every function) is
    covered first, then the quotas decide. Ties are broken by the seeded ``rng``.
    """
    total = sum(sizes.values())
    if n > total:
        raise PilotError(f"plans: asked for {n} plans but only {total} can be drawn")
    strata = sorted(sizes)
    quota = {h: n * sizes[h] / total for h in strata}
    tie = {h: rng.random() for h in strata}
    marginals = marginals or {h: set() for h in strata}
    drawn = dict.fromkeys(strata, 0)
    covered: set[str] = set()
    few_strata = len(strata) <= n
    for _ in range(n):
        open_strata = [h for h in strata if drawn[h] < sizes[h]]
        chosen = max(
            open_strata,
            key=lambda h, covered=covered: (
                float(drawn[h] == 0) if few_strata else float(len(marginals[h] - covered)),
                quota[h] - drawn[h],
                tie[h],
            ),
        )
        drawn[chosen] += 1
        covered |= marginals[chosen]
    return drawn


def _candidates(db: sqlite_utils.Database, exclude: set[int]) -> list[dict[str, Any]]:
    rows = list(
        db.query(
            "SELECT d.id, d.filename, d.doc_type, o.name AS organisation, o.functions, o.region,"
            " o.org_type, o.legal_form, o.new_entrant FROM documents d"
            " LEFT JOIN organisations o ON o.id = d.organisation_id"
            " WHERE d.status = 'ingested' ORDER BY o.name, d.filename, d.id"
        )
    )
    plans = [r for r in rows if r["doc_type"] == "beleidsplan"] or rows
    return [r for r in plans if r["id"] not in exclude]


def draw_sample(
    candidates: Sequence[Mapping[str, Any]], n: int, stratify_by: Sequence[str], seed: int
) -> tuple[list[tuple[Mapping[str, Any], str]], list[Stratum]]:
    """A stratified random sample of ``n`` plans: [(plan, stratum)] and the allocation.

    Reproducible: the same candidates (in the same order), ``n``, attributes and seed
    always give the same plans.
    """
    rng = random.Random(seed)
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    marginals: dict[str, set[str]] = {}
    for plan in candidates:
        values = stratum_values(plan, stratify_by)
        key = " | ".join(f"{k}={v}" for k, v in values.items()) or "alle plannen"
        groups[key].append(plan)
        marginals[key] = _marginals(values)
    sizes = {key: len(plans) for key, plans in groups.items()}
    drawn = allocate(sizes, n, rng, marginals)
    total = sum(sizes.values())
    chosen = []
    for key in sorted(groups):
        for plan in rng.sample(groups[key], drawn[key]):
            chosen.append((plan, key))
    rng.shuffle(chosen)  # reading order: not grouped by stratum
    strata = [
        Stratum(key, sizes[key], round(n * sizes[key] / total, 2), drawn[key])
        for key in sorted(groups)
    ]
    return chosen, strata


def assign(
    documents: Sequence[int],
    coders: Sequence[str],
    design: str,
    coders_per_plan: int | None,
    rng: random.Random,
) -> dict[int, list[str]]:
    """Who reads which plan: everyone (crossed), or k coders per plan (balanced).

    The balanced incomplete design gives each plan the k coders with the least work
    so far, then the fewest plans already shared between them, so every coder reads
    about as many plans and every pair of coders meets about equally often (each
    pair's agreement rests on shared plans).
    """
    if design == "crossed" or not coders:
        return {d: list(coders) for d in documents}
    k = coders_per_plan or 2
    load = Counter({c: 0 for c in coders})
    met: Counter[tuple[str, str]] = Counter()
    result = {}
    subsets = list(combinations(coders, k))
    for document in documents:
        tie = {s: rng.random() for s in subsets}
        best = min(
            subsets,
            key=lambda s: (
                sum(load[c] for c in s),
                sum(met[p] for p in combinations(s, 2)),
                tie[s],
            ),
        )
        for c in best:
            load[c] += 1
        met.update(combinations(best, 2))
        result[document] = list(best)
    return result


# creating and closing -----------------------------------------------------------------
def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 64 or any(ch in name for ch in "/\\\n\t"):
        raise PilotError(f"pilot name {name!r} is not valid: 1-64 characters, no slashes")
    return name


def _register_coders(db: sqlite_utils.Database, actor: str, names: Iterable[str]) -> list[str]:
    result = []
    for raw in names:
        name = coding.ensure_user(db, raw, actor=actor)
        row = db.execute("SELECT role, simulated FROM users WHERE name = ?", [name]).fetchone()
        if row[0] == "steering":
            raise PilotError(f"coders: {name!r} is in the steering group, who do not code")
        if row[1]:
            raise PilotError(
                f"coders: {name!r} is a simulated coder; add simulated coders with"
                " coder pilot simulate"
            )
        if name in result:
            raise PilotError(f"coders: {name!r} is named twice")
        result.append(name)
    return result


def create(
    db: sqlite_utils.Database,
    actor: str,
    name: str,
    *,
    plans: int = 15,
    coders: Sequence[str] = (),
    stratify_by: Sequence[str] = ("functions", "region"),
    seed: int = 1,
    design: str = "crossed",
    coders_per_plan: int | None = None,
    previous: str | None = None,
) -> Pilot:
    """Draw the plans, register the coders, and open the pilot.

    ``coders`` may be empty for a pilot that :func:`simulate` fills. With
    ``previous`` (a closed pilot) this is the next round: by default the same human
    coders, plans the earlier rounds did not use, and the current codebook version.
    """
    name = _check_name(name)
    if design not in DESIGNS:
        raise PilotError(f"design: expected one of {', '.join(DESIGNS)}, got {design!r}")
    unknown = [k for k in stratify_by if k not in STRATIFY_KEYS]
    if unknown:
        raise PilotError(
            f"stratify-by: unknown attribute {unknown[0]!r}; choose from {', '.join(STRATIFY_KEYS)}"
        )
    if isinstance(plans, bool) or not isinstance(plans, int) or plans < 1:
        raise PilotError(f"plans: expected a positive number of plans, got {plans!r}")
    with transaction(db):
        require(db, actor, "pilot")
        if db.execute("SELECT 1 FROM pilots WHERE name = ?", [name]).fetchone():
            raise PilotError(f"a pilot named {name!r} exists already; choose another name")
        version = current_version(db)
        if version == 0:
            raise PilotError("no codebook yet: load one first (coder codebook load FILE)")
        round_no, previous_id, exclude = 1, None, set()
        if previous is not None:
            chain = rounds(db, previous)
            if chain[-1].is_open:
                raise PilotError(f"close pilot {previous!r} before starting its next round")
            round_no, previous_id = chain[-1].round + 1, chain[-1].id
            exclude = {p.document_id for pilot in chain for p in pilot.plans}
            if not coders:
                coders = [c.name for c in chain[-1].coders if not c.simulated]
        names = _register_coders(db, actor, coders)
        if design == "balanced" and not names:  # simulated coders come later
            coders_per_plan = coders_per_plan or 2
        elif design == "balanced":
            if len(names) < 3:
                raise PilotError("design balanced: needs at least three coders")
            k = coders_per_plan or 2
            if not 2 <= k < len(names):
                raise PilotError(
                    f"coders-per-plan: expected 2 to {len(names) - 1} for {len(names)} coders,"
                    f" got {k}"
                )
            coders_per_plan = k
        else:
            coders_per_plan = None
        candidates = _candidates(db, exclude)
        if not candidates:
            raise PilotError("no ingested plans to draw from: ingest plans first (coder ingest)")
        if plans > len(candidates):
            raise PilotError(
                f"plans: asked for {plans} plans but only {len(candidates)} can be drawn"
                + (" (earlier rounds' plans are left out)" if exclude else "")
            )
        chosen, strata = draw_sample(candidates, plans, list(stratify_by), seed)
        pilot_id = (
            db["pilots"]
            .insert(
                {
                    "name": name,
                    "created_by": actor,
                    "created_at": coding.now(),
                    "seed": seed,
                    "design": design,
                    "coders_per_plan": coders_per_plan,
                    "stratify_by": json.dumps(list(stratify_by)),
                    "strata": json.dumps([asdict(s) for s in strata], ensure_ascii=False),
                    "codebook_version": version,
                    "status": "open",
                    "round": round_no,
                    "previous_id": previous_id,
                }
            )
            .last_pk
        )
        for seq, (plan, stratum) in enumerate(chosen):
            db["pilot_plans"].insert(
                {"pilot_id": pilot_id, "document_id": plan["id"], "seq": seq, "stratum": stratum}
            )
        _add_coders(db, pilot_id, names, simulated=False)
        documents = [plan["id"] for plan, _ in chosen]
        _assign(db, pilot_id, documents, names, design, coders_per_plan, random.Random(seed))
        _log(db, actor, "pilot-create", "pilot", name, {"plans": documents, "coders": names})
    return get(db, name)


def _add_coders(
    db: sqlite_utils.Database, pilot_id: int, names: Sequence[str], *, simulated: bool
) -> None:
    start = db.execute(
        "SELECT coalesce(max(seq), -1) + 1 FROM pilot_coders WHERE pilot_id = ?", [pilot_id]
    ).fetchone()[0]
    for offset, name in enumerate(names):
        db["pilot_coders"].insert(
            {
                "pilot_id": pilot_id,
                "coder": name,
                "seq": start + offset,
                "simulated": int(simulated),
            }
        )


def _assign(
    db: sqlite_utils.Database,
    pilot_id: int,
    documents: Sequence[int],
    names: Sequence[str],
    design: str,
    coders_per_plan: int | None,
    rng: random.Random,
) -> None:
    for document_id, readers in assign(documents, names, design, coders_per_plan, rng).items():
        for coder in readers:
            db["pilot_assignments"].insert(
                {"pilot_id": pilot_id, "document_id": document_id, "coder": coder}
            )


def codings(db: sqlite_utils.Database, pilot: Pilot) -> list[PilotCoding]:
    """The codings that count for the pilot: the frozen copy once it is closed; while it
    is open, the live codings of each coder on the plans they read (leaving out codings
    that another, closed pilot froze)."""
    if not pilot.is_open:
        sql = (
            'SELECT coding_id, document_id, coder, start, "end", code_id, text, origin'
            ' FROM pilot_codings WHERE pilot_id = ? ORDER BY document_id, start, "end", coding_id'
        )
    else:
        sql = """
            SELECT c.id AS coding_id, c.document_id, c.coder, c.start, c."end", c.code_id,
                   c.text, c.origin
            FROM codings c JOIN pilot_assignments a
              ON a.pilot_id = ? AND a.document_id = c.document_id AND a.coder = c.coder
            WHERE c.deleted_at IS NULL AND NOT EXISTS (
                SELECT 1 FROM pilot_codings f JOIN pilots p ON p.id = f.pilot_id
                WHERE f.coding_id = c.id AND p.status = 'closed')
            ORDER BY c.document_id, c.start, c."end", c.id
        """
    return [PilotCoding(**row) for row in db.query(sql, [pilot.id])]


def close(db: sqlite_utils.Database, actor: str, name: str) -> Pilot:
    """Close the pilot: freeze its codings (a copy the report and adjudication read)."""
    with transaction(db):
        require(db, actor, "pilot")
        pilot = get(db, name)
        if not pilot.is_open:
            raise PilotError(f"pilot {name!r} was closed already ({pilot.closed_at[:19]})")
        frozen = codings(db, pilot)
        for c in frozen:
            db["pilot_codings"].insert({"pilot_id": pilot.id, **asdict(c)})
        db.execute(
            "UPDATE pilots SET status = 'closed', closed_by = ?, closed_at = ? WHERE id = ?",
            [actor, coding.now(), pilot.id],
        )
        _log(db, actor, "pilot-close", "pilot", name, {"codings": len(frozen)})
    return get(db, name)


# progress -------------------------------------------------------------------------------
def progress(db: sqlite_utils.Database, name: str) -> list[ProgressRow]:
    """Per coder and plan they read: pages read, fragments and codings, marked done."""
    pilot = get(db, name)
    counts: Counter[tuple[str, int]] = Counter()
    spans: dict[tuple[str, int], set[tuple[int, int]]] = defaultdict(set)
    for c in codings(db, pilot):
        counts[(c.coder, c.document_id)] += 1
        spans[(c.coder, c.document_id)].add((c.start, c.end))
    read = Counter(
        {
            (coder, doc): n
            for coder, doc, n in db.execute(
                "SELECT r.coder, r.document_id, count(*) FROM pages_read r JOIN pilot_assignments a"
                " ON a.pilot_id = ? AND a.coder = r.coder AND a.document_id = r.document_id"
                " GROUP BY r.coder, r.document_id",
                [pilot.id],
            )
        }
    )
    done = {
        (coder, doc)
        for coder, doc in db.execute(
            "SELECT x.coder, x.document_id FROM plans_done x JOIN pilot_assignments a"
            " ON a.pilot_id = ? AND a.coder = x.coder AND a.document_id = x.document_id",
            [pilot.id],
        )
    }
    rows = []
    for coder in pilot.coders:
        for plan in pilot.plans:
            if coder.name not in plan.coders:
                continue
            key = (coder.name, plan.document_id)
            rows.append(
                ProgressRow(
                    coder=coder.name,
                    simulated=coder.simulated,
                    document_id=plan.document_id,
                    plan=plan.label,
                    pages_read=read[key],
                    page_count=plan.page_count,
                    fragments=len(spans[key]),
                    codings=counts[key],
                    done=key in done,
                )
            )
    return rows


# simulation ---------------------------------------------------------------------------
def _ground_truth(path: Path, cache: dict[Path, dict[str, list[dict]]]) -> dict[str, list[dict]]:
    if path not in cache:
        if not path.exists():
            raise PilotError(
                f"{path}: no ground truth here; simulate works on the sample corpus"
                " (coder sample), whose ground_truth.jsonl lies beside the PDFs"
            )
        records: dict[str, list[dict]] = defaultdict(list)
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    records[record["document"]].append(record)
        cache[path] = records
    return cache[path]


def simulate(
    db: sqlite_utils.Database,
    actor: str,
    name: str,
    *,
    noise: float = 0.2,
    coders: int = 5,
    seed: int | None = None,
    ground_truth: str | Path | None = None,
) -> SimulationResult:
    """Add ``coders`` simulated coders (sim-1, sim-2, ...) to an open pilot and code its
    plans from the sample corpus ground truth with ``noise`` (see
    :mod:`coder.sample.simulate`). Their codings have origin ``simulated``."""
    from coder.sample.simulate import locate, simulate_coder

    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= 1:
        raise PilotError(f"noise: expected a number from 0 to 1, got {noise!r}")
    if isinstance(coders, bool) or not isinstance(coders, int) or not 2 <= coders <= 20:
        raise PilotError(f"coders: expected 2 to 20 simulated coders, got {coders!r}")
    require(db, actor, "pilot")
    pilot = get(db, name)
    if not pilot.is_open:
        raise PilotError(f"pilot {name!r} is closed: simulate into an open pilot")
    if pilot.has_simulated:
        raise PilotError(f"pilot {name!r} has simulated coders already; create a new pilot")
    if pilot.design == "balanced" and (pilot.coders_per_plan or 2) >= coders:
        raise PilotError(
            f"coders: a balanced pilot with {pilot.coders_per_plan} readers per plan needs"
            f" more than {pilot.coders_per_plan} simulated coders"
        )
    seed = pilot.seed if seed is None else seed
    names = [f"{SIMULATED_PREFIX}{i}" for i in range(1, coders + 1)]
    allowed = [
        r[0] for r in db.execute("SELECT id FROM codes WHERE is_group = 0 AND retired_at IS NULL")
    ]
    texts = {
        r["id"]: (r["text"], r["path"], r["filename"])
        for r in db.query(
            "SELECT d.id, d.text, d.path, d.filename FROM documents d JOIN pilot_plans p"
            " ON p.document_id = d.id WHERE p.pilot_id = ?",
            [pilot.id],
        )
    }
    cache: dict[Path, dict[str, list[dict]]] = {}
    located = {}
    passages = missed = 0
    skipped: set[str] = set()
    for plan in pilot.plans:
        text, path, filename = texts[plan.document_id]
        truth = Path(ground_truth) if ground_truth else Path(path).parent / "ground_truth.jsonl"
        records = _ground_truth(truth, cache).get(filename)
        if not records:
            raise PilotError(f"{truth}: has no passages of {filename}")
        found, lost = locate(text, records)
        located[plan.document_id] = found
        passages += len(found)
        missed += lost
        skipped.update(c for p in found for c in p.codes if c not in allowed)
    made = 0
    with transaction(db):
        for sim in names:
            exists = db.execute("SELECT simulated FROM users WHERE name = ?", [sim]).fetchone()
            if exists is not None and not exists[0]:
                raise PilotError(f"a reader named {sim!r} exists and is not simulated")
            coding.ensure_user(db, sim, actor=actor)
            db.execute("UPDATE users SET simulated = 1 WHERE name = ?", [sim])
        _add_coders(db, pilot.id, names, simulated=True)
        documents = [p.document_id for p in pilot.plans]
        _assign(
            db,
            pilot.id,
            documents,
            names,
            pilot.design,
            pilot.coders_per_plan,
            random.Random(f"{seed}:simulated"),
        )
        assigned: dict[str, list[int]] = defaultdict(list)
        for document_id, coder in db.execute(
            "SELECT document_id, coder FROM pilot_assignments WHERE pilot_id = ?", [pilot.id]
        ):
            if coder in names:
                assigned[coder].append(document_id)
        for sim in names:
            by_code: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
            for document_id in sorted(assigned[sim]):
                rng = random.Random(f"{seed}:{sim}:{texts[document_id][2]}")
                text = texts[document_id][0]
                for start, end, code in simulate_coder(
                    text, located[document_id], noise, rng, allowed
                ):
                    by_code[code].append((document_id, start, end))
            for code, spans in sorted(by_code.items()):
                made += coding.code_spans(db, sim, spans, code, origin="simulated")
            # a simulated coder reads every page of its plans and finishes them
            stamp = coding.now()
            for document_id in assigned[sim]:
                db.execute(
                    "INSERT OR IGNORE INTO pages_read (coder, document_id, page, read_at)"
                    " SELECT ?, document_id, number, ? FROM pages WHERE document_id = ?",
                    [sim, stamp, document_id],
                )
                db.execute(
                    "INSERT OR IGNORE INTO plans_done (coder, document_id, done_at)"
                    " VALUES (?, ?, ?)",
                    [sim, document_id, stamp],
                )
        _log(
            db,
            actor,
            "pilot-simulate",
            "pilot",
            name,
            {"coders": names, "noise": noise, "seed": seed, "codings": made},
        )
    return SimulationResult(name, float(noise), names, made, passages, missed, sorted(skipped))


# adjudication ---------------------------------------------------------------------------
def _consensus_rows(
    db: sqlite_utils.Database, where: str, params: list[Any]
) -> list[ConsensusCoding]:
    return [
        ConsensusCoding(**row)
        for row in db.query(
            'SELECT id, adjudication_id, document_id, start, "end", text, code_id, created_by,'
            f" created_at FROM consensus_codings WHERE deleted_at IS NULL AND {where}"
            ' ORDER BY document_id, start, "end", code_id',
            params,
        )
    ]


def adjudicate(
    db: sqlite_utils.Database,
    actor: str,
    name: str,
    document_id: int,
    code_id: str,
    start: int,
    end: int,
    consensus: Sequence[tuple[int, int, Sequence[str]]],
    note: str = "",
) -> Adjudication:
    """Record the consensus for one disagreement of a closed pilot.

    The disagreement is where the coders' spans of ``code_id`` lie (``start``-``end``
    in the plan); ``consensus`` is what the team agrees the text should be coded as:
    spans with their codes, or nothing (the text is not coded so). Deciding the same
    disagreement again supersedes the earlier decision, which stays in the database.
    """
    with transaction(db):
        require(db, actor, "adjudicate")
        pilot = get(db, name)
        if pilot.is_open:
            raise PilotError(f"close pilot {name!r} first: adjudication works on frozen codings")
        if document_id not in {p.document_id for p in pilot.plans}:
            raise PilotError(f"document {document_id} is not a plan of pilot {name!r}")
        if db.execute("SELECT 1 FROM codes WHERE id = ?", [code_id]).fetchone() is None:
            raise PilotError(f"unknown code {code_id!r}")
        text = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
        if not 0 <= start < end <= len(text):
            raise PilotError(f"span {start}-{end} is outside the plan (0-{len(text)})")
        rows = []
        for span_start, span_end, codes in consensus:
            if not 0 <= span_start < span_end <= len(text):
                raise PilotError(
                    f"consensus span {span_start}-{span_end} is outside the plan (0-{len(text)})"
                )
            if not codes:
                raise PilotError("a consensus span needs at least one code")
            for code in dict.fromkeys(codes):
                row = db.execute(
                    "SELECT is_group, retired_at FROM codes WHERE id = ?", [code]
                ).fetchone()
                if row is None or row[0] or row[1]:
                    raise PilotError(f"consensus code {code!r} is unknown, a group or retired")
                rows.append((span_start, span_end, code))
        stamp = coding.now()
        for (old,) in db.execute(
            "SELECT id FROM adjudications WHERE pilot_id = ? AND document_id = ? AND code_id = ?"
            ' AND start = ? AND "end" = ? AND superseded_at IS NULL',
            [pilot.id, document_id, code_id, start, end],
        ).fetchall():
            db.execute("UPDATE adjudications SET superseded_at = ? WHERE id = ?", [stamp, old])
            db.execute(
                "UPDATE consensus_codings SET deleted_at = ? WHERE adjudication_id = ?",
                [stamp, old],
            )
        adjudication_id = (
            db["adjudications"]
            .insert(
                {
                    "pilot_id": pilot.id,
                    "document_id": document_id,
                    "code_id": code_id,
                    "start": start,
                    "end": end,
                    "note": note.strip(),
                    "decided_by": actor,
                    "decided_at": stamp,
                }
            )
            .last_pk
        )
        for span_start, span_end, code in rows:
            db["consensus_codings"].insert(
                {
                    "pilot_id": pilot.id,
                    "adjudication_id": adjudication_id,
                    "document_id": document_id,
                    "start": span_start,
                    "end": span_end,
                    "text": text[span_start:span_end],
                    "code_id": code,
                    "created_by": actor,
                    "created_at": stamp,
                }
            )
        _log(
            db,
            actor,
            "adjudicate",
            "adjudication",
            adjudication_id,
            {
                "pilot": name,
                "document_id": document_id,
                "code_id": code_id,
                "span": [start, end],
                "consensus": rows,
                "note": note.strip(),
            },
        )
    return adjudications(db, name, adjudication_id=adjudication_id)[0]


def adjudications(
    db: sqlite_utils.Database, name: str, *, adjudication_id: int | None = None
) -> list[Adjudication]:
    """The current decisions of a pilot's adjudication, each with its consensus codings."""
    pilot_id = _pilot_row(db, name)["id"]
    where, params = "pilot_id = ? AND superseded_at IS NULL", [pilot_id]
    if adjudication_id is not None:
        where, params = "id = ?", [adjudication_id]
    found = [
        Adjudication(**row)
        for row in db.query(
            'SELECT id, document_id, code_id, start, "end", note, decided_by, decided_at'
            f' FROM adjudications WHERE {where} ORDER BY document_id, start, "end", code_id',
            params,
        )
    ]
    by_id = {a.id: a for a in found}
    if by_id:
        marks = ", ".join("?" * len(by_id))
        for row in _consensus_rows(db, f"adjudication_id IN ({marks})", list(by_id)):
            by_id[row.adjudication_id].consensus.append(row)
    return found


def consensus(db: sqlite_utils.Database, name: str) -> list[ConsensusCoding]:
    """The consensus set of a pilot: what the adjudication decided, apart from the codings."""
    return _consensus_rows(db, "pilot_id = ?", [_pilot_row(db, name)["id"]])
