"""Budget and staff figures that add up and match the manifest.

Why: the analysis of the real plans pays special attention to the alignment between the
business part and the content part, so the sample plans must carry tables whose rows sum
to their totals, whose subsidy row equals the manifest subsidy and whose staff table sums
to the manifest FTE. All amounts are integers in euro; FTE is handled in tenths so that sums
are exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from coder.sample.organisations import Organisation

YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)


def format_number(value: int) -> str:
    """Dutch thousands separator: 1234567 -> "1.234.567"."""
    return f"{value:,}".replace(",", ".")


def format_euro(value: int) -> str:
    """Euro amount as written in the plans: "€ 1.234.567"."""
    return f"€ {format_number(value)}"


def format_fte(value: float) -> str:
    """One decimal with a decimal comma: 12.5 -> "12,5"."""
    return f"{value:.1f}".replace(".", ",")


@dataclass(frozen=True)
class BudgetLine:
    label: str
    amounts: tuple[int, ...]  # one per year in YEARS

    @property
    def total(self) -> int:
        return sum(self.amounts)


@dataclass(frozen=True)
class Budget:
    """Exploitation budget 2021-2025: income and cost lines."""

    income: tuple[BudgetLine, ...]
    costs: tuple[BudgetLine, ...]

    def income_totals(self) -> tuple[int, ...]:
        return tuple(sum(col) for col in zip(*(line.amounts for line in self.income), strict=True))

    def cost_totals(self) -> tuple[int, ...]:
        return tuple(sum(col) for col in zip(*(line.amounts for line in self.costs), strict=True))

    def results(self) -> tuple[int, ...]:
        return tuple(i - c for i, c in zip(self.income_totals(), self.cost_totals(), strict=True))


SUBSIDY_LABEL = "Werkingssubsidie Vlaamse Gemeenschap"


def make_budget(org: Organisation, rng: random.Random) -> Budget:
    """A plausible budget whose subsidy line is the manifest subsidy in every year."""
    subsidy = org.subsidy
    growth = [1.0 + 0.02 * i for i in range(len(YEARS))]
    shares = {
        "Projectsubsidies (lokaal, provinciaal, Europees)": rng.uniform(0.04, 0.25),
        "Deelnemersbijdragen": rng.uniform(0.03, 0.18),
        "Sponsoring en giften": rng.uniform(0.005, 0.04),
        "Andere opbrengsten": rng.uniform(0.005, 0.03),
    }
    if org.org_type in ("vereniging", "landelijke organisatie met afdelingen") or org.branches:
        shares = {"Lidgelden": rng.uniform(0.03, 0.15), **shares}
    income = [BudgetLine(SUBSIDY_LABEL, tuple(subsidy for _ in YEARS))]
    for label, share in shares.items():
        amounts = tuple(round(subsidy * share * g * rng.uniform(0.97, 1.03)) for g in growth)
        income.append(BudgetLine(label, amounts))
    income_totals = [sum(line.amounts[i] for line in income) for i in range(len(YEARS))]

    personnel_first = min(org.fte * rng.uniform(58_000, 64_000), income_totals[0] * 0.8)
    cost_shares = {
        "Werkingskosten": rng.uniform(0.25, 0.35),
        "Activiteitenkosten": rng.uniform(0.25, 0.4),
        "Huisvesting en energie": rng.uniform(0.1, 0.2),
        "Communicatie en ICT": rng.uniform(0.06, 0.12),
        "Afschrijvingen": rng.uniform(0.03, 0.06),
    }
    share_sum = sum(cost_shares.values())
    personnel = []
    other: dict[str, list[int]] = {label: [] for label in cost_shares}
    for i, total in enumerate(income_totals):
        staff = round(personnel_first * (1.02**i))
        target = total * rng.uniform(0.975, 1.01)
        rest = max(total * 0.12, target - staff)
        personnel.append(staff)
        for label, share in cost_shares.items():
            other[label].append(round(rest * share / share_sum))
    costs = [BudgetLine("Personeelskosten", tuple(personnel))]
    costs += [BudgetLine(label, tuple(values)) for label, values in other.items()]
    return Budget(income=tuple(income), costs=tuple(costs))


@dataclass(frozen=True)
class StaffLine:
    role: str
    persons: int
    tenths: int  # FTE x 10

    @property
    def fte(self) -> float:
        return self.tenths / 10


_ROLES = (
    "Educatief medewerker",
    "Stafmedewerker beleid",
    "Projectmedewerker",
    "Communicatiemedewerker",
    "Administratief medewerker",
    "Financieel medewerker",
    "Onthaal en logistiek",
    "Medewerker vrijwilligersbeleid",
)


def make_staff(org: Organisation, rng: random.Random) -> list[StaffLine]:
    """Staff lines whose FTE sum to exactly ``org.fte``."""
    total = round(org.fte * 10)
    lead = min(10, total)
    lines = [StaffLine("Directeur" if total >= 60 else "Coördinator", 1, lead)]
    remaining = total - lead
    roles = list(_ROLES)
    rng.shuffle(roles)
    if org.branches:
        roles.insert(0, "Regiomedewerker afdelingswerking")
    count = max(1, min(len(roles), round(remaining / 18) + 1))
    roles = roles[:count]
    if remaining <= 0:
        return lines
    weights = [rng.uniform(0.5, 2.0) for _ in roles]
    if org.branches:
        weights[0] *= 2.5
    raw = [remaining * w / sum(weights) for w in weights]
    tenths = [max(1, int(r)) for r in raw]
    while sum(tenths) > remaining:
        tenths[tenths.index(max(tenths))] -= 1
    order = sorted(range(len(raw)), key=lambda i: raw[i] - tenths[i], reverse=True)
    index = 0
    while sum(tenths) < remaining:
        tenths[order[index % len(order)]] += 1
        index += 1
    for role, share in zip(roles, tenths, strict=True):
        if share <= 0:
            continue
        persons = max(1, -(-share // 10))
        if share >= 10 and rng.random() < 0.5:
            persons += 1
        lines.append(StaffLine(role, persons, share))
    return lines
