"""Drawing a pilot's plans (stratified, proportional, reproducible) and who reads what."""

from __future__ import annotations

import json
import random
from collections import Counter
from itertools import combinations

import pytest

from coder import pilot
from coder.errors import PilotError


def organisations(counts: dict[tuple[str, tuple[str, ...]], int]) -> list[dict]:
    rows = []
    for (region, functions), n in counts.items():
        for i in range(n):
            rows.append(
                {
                    "id": len(rows) + 1,
                    "organisation": f"{region}-{'-'.join(functions)}-{i}",
                    "region": region,
                    "functions": json.dumps(list(functions)),
                }
            )
    return rows


def test_allocation_is_proportional_with_every_stratum_represented():
    rng = random.Random(1)
    assert pilot.allocate({"A": 60, "B": 30, "C": 10}, 10, rng) == {"A": 6, "B": 3, "C": 1}
    # a small stratum still gets one plan when there are no more strata than plans
    assert pilot.allocate({"A": 90, "B": 9, "C": 1}, 5, rng) == {"A": 3, "B": 1, "C": 1}
    # never more than a stratum holds
    assert pilot.allocate({"A": 1, "B": 50}, 10, rng) == {"A": 1, "B": 9}
    with pytest.raises(PilotError, match="only 3"):
        pilot.allocate({"A": 2, "B": 1}, 4, rng)


def test_more_strata_than_plans_covers_every_attribute_value_first():
    rows = organisations(
        {
            (region, functions): 3
            for region in ("Antwerpen", "Limburg", "Brussel", "Oost-Vlaanderen")
            for functions in (
                ("leerfunctie",),
                ("cultuurfunctie",),
                ("leerfunctie", "cultuurfunctie"),
            )
        }
    )
    chosen, strata = pilot.draw_sample(rows, 4, ["region", "functions"], seed=5)
    assert len(strata) == 12 and sum(s.drawn for s in strata) == 4
    regions = {plan["region"] for plan, _ in chosen}
    functions = {f for plan, _ in chosen for f in json.loads(plan["functions"])}
    assert regions == {"Antwerpen", "Limburg", "Brussel", "Oost-Vlaanderen"}
    assert functions == {"leerfunctie", "cultuurfunctie"}


def test_sample_is_proportional_and_reproducible_from_the_seed():
    rows = organisations(
        {
            ("Antwerpen", ("leerfunctie",)): 40,
            ("Limburg", ("leerfunctie",)): 20,
            ("Brussel", ("cultuurfunctie",)): 10,
            ("Limburg", ("cultuurfunctie", "leerfunctie")): 10,
        }
    )
    chosen, strata = pilot.draw_sample(rows, 8, ["region", "functions"], seed=7)
    drawn = {s.key: s.drawn for s in strata}
    assert drawn == {
        "region=Antwerpen | functions=leerfunctie": 4,
        "region=Brussel | functions=cultuurfunctie": 1,
        "region=Limburg | functions=cultuurfunctie+leerfunctie": 1,
        "region=Limburg | functions=leerfunctie": 2,
    }
    assert Counter(stratum for _, stratum in chosen) == Counter(
        {k: v for k, v in drawn.items() if v}
    )
    again, _ = pilot.draw_sample(rows, 8, ["region", "functions"], seed=7)
    assert [p["id"] for p, _ in again] == [p["id"] for p, _ in chosen]
    other, _ = pilot.draw_sample(rows, 8, ["region", "functions"], seed=8)
    assert {p["id"] for p, _ in other} != {p["id"] for p, _ in chosen}


def test_stratum_values():
    org = {"functions": '["leerfunctie", "cultuurfunctie"]', "region": None, "new_entrant": 1}
    assert pilot.stratum_values(org, ["functions", "region", "new_entrant"]) == {
        "functions": "cultuurfunctie+leerfunctie",
        "region": "(onbekend)",
        "new_entrant": "ja",
    }


def test_crossed_and_balanced_incomplete_designs():
    plans, coders = list(range(15)), ["a", "b", "c", "d", "e"]
    crossed = pilot.assign(plans, coders, "crossed", None, random.Random(1))
    assert all(readers == coders for readers in crossed.values())
    balanced = pilot.assign(plans, coders, "balanced", 3, random.Random(1))
    assert all(len(readers) == 3 for readers in balanced.values())
    load = Counter(c for readers in balanced.values() for c in readers)
    assert set(load.values()) == {9}  # 15 plans x 3 readers / 5 coders
    met = Counter(p for readers in balanced.values() for p in combinations(sorted(readers), 2))
    assert len(met) == 10 and max(met.values()) - min(met.values()) <= 1
    assert pilot.assign(plans, coders, "balanced", 3, random.Random(1)) == balanced
