"""The pure text-mining module: lemmas, keyness (G²), sub-themes, terms per group."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from coder import textmining

VOLUNTEERS = [
    "De vrijwilligers zetten zich elke week in voor de bibliotheek en de leesclub.",
    "Onze vrijwilligers krijgen vorming en een vrijwilligersvergoeding.",
    "Vrijwilligers begeleiden de leesclub en onthalen nieuwe leden.",
    "We werven nieuwe vrijwilligers via de lokale leesclub.",
    "Elke vrijwilliger krijgt een peter of meter in de leesclub.",
    "De leesclub draait volledig op vrijwilligers.",
]
DIGITAL = [
    "We bouwen een digitaal platform met online cursussen en webinars.",
    "Het digitaal platform ondersteunt online leren en webinars.",
    "Online cursussen via het platform bereiken nieuwe deelnemers.",
    "Webinars en online cursussen vragen een sterk platform.",
    "Digitaal leren gebeurt via webinars op ons platform.",
    "Het platform bundelt alle online cursussen.",
]


def test_lemmas_without_stop_words() -> None:
    lem = textmining.lemmatizer()
    terms = lem.terms(
        "De vrijwilligers werkten samen met 12 deelnemers in sociaal-culturele kringen."
    )
    assert "vrijwilliger" in terms and "deelnemer" in terms and "werken" in terms
    assert "de" not in terms and "met" not in terms and "12" not in terms
    assert "sociaal-cultureel" in terms  # a hyphenated compound stays one word
    assert textmining.lemmatizer() is lem  # built once


def test_keyness_matches_the_log_likelihood_formula() -> None:
    target = Counter({"vrijwilliger": 20, "werking": 5})
    reference = Counter({"vrijwilliger": 10, "werking": 200, "begroting": 90})
    terms = textmining.keyness(target, reference, min_count=1)
    assert [t.term for t in terms] == ["vrijwilliger"]
    a, b, c, d = 20, 10, 25, 300
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert terms[0].g2 == pytest.approx(g2)
    assert terms[0].log_ratio == pytest.approx(math.log2((a / c) / (b / d)))
    assert textmining.keyness(Counter(), reference) == []
    zero = textmining.keyness(Counter({"nieuw": 4}), Counter({"oud": 100}), min_count=1)
    assert zero[0].reference_count == 0 and zero[0].log_ratio > 0


def test_subthemes_separate_two_topics_deterministically() -> None:
    lem = textmining.lemmatizer()
    texts = [lem.terms(t) for t in VOLUNTEERS + DIGITAL]
    themes = textmining.subthemes(texts, 2, seed=3)
    assert len(themes) == 2
    groups = sorted(sorted(t.members) for t in themes)
    assert groups == [list(range(6)), list(range(6, 12))]
    by_first = {min(t.members): t for t in themes}
    assert "leesclub" in by_first[0].terms and "platform" in by_first[6].terms
    assert by_first[0].representatives[0] in range(6)
    again = textmining.subthemes(texts, 2, seed=3)
    assert [t.as_dict() for t in again] == [t.as_dict() for t in themes]
    assert textmining.subthemes(texts[:3]) == []
    with pytest.raises(ValueError, match="k"):
        textmining.subthemes(texts, 0)


def test_default_number_of_themes() -> None:
    assert textmining.default_k(10) == 2
    assert textmining.default_k(700) == 6
    assert textmining.default_k(100_000) == 8


def test_group_keyness() -> None:
    lem = textmining.lemmatizer()
    texts = [lem.terms(t) for t in VOLUNTEERS + DIGITAL]
    groups = ["Antwerpen"] * 6 + [["Limburg", "Brussel"]] * 6
    result = textmining.group_keyness(texts, groups, top=3)
    assert set(result) == {"Antwerpen", "Limburg", "Brussel"}
    assert result["Antwerpen"][0].term in {"vrijwilliger", "leesclub"}
    assert "platform" in [t.term for t in result["Limburg"]]
    with pytest.raises(ValueError, match="groups"):
        textmining.group_keyness(texts, ["x"])
