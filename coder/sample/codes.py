"""The 30-code starter codebook as the sample generator sees it.

The generator tags every passage it writes with these stable ids, so the ids here are the
contract between the sample corpus (``ground_truth.jsonl``) and the rest of ``coder``.
The generator keeps its own copy on purpose: the editable codebook under ``codebook/`` may be
renamed or extended by users, but a generated corpus must stay reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SampleCode:
    """One code: stable id, Dutch display name and the group it belongs to."""

    id: str
    name: str
    group: str


_GROUPS: dict[str, list[tuple[str, str]]] = {
    "Identiteit en strategie": [
        ("missie", "Missie"),
        ("visie", "Visie"),
        ("contextanalyse", "Contextanalyse en maatschappelijke uitdagingen"),
        ("zelfevaluatie-swot", "Zelfevaluatie en SWOT"),
        ("strategische-doelstellingen", "Strategische doelstellingen"),
        ("operationele-doelstellingen", "Operationele doelstellingen en acties"),
        ("civiel-actorschap", "Civiel actorschap"),
    ],
    "Functies": [
        ("cultuurfunctie", "Cultuurfunctie"),
        ("leerfunctie", "Leerfunctie"),
        ("gemeenschapsvormende-functie", "Gemeenschapsvormende functie"),
        ("maatschappelijke-bewegingsfunctie", "Maatschappelijke bewegingsfunctie"),
    ],
    "Rollen": [
        ("verbindende-rol", "Verbindende rol"),
        ("kritische-rol", "Kritische rol"),
        ("laboratoriumrol", "Laboratoriumrol"),
    ],
    "Werking": [
        ("doelgroepen", "Doelgroepen"),
        ("participatie-bereik", "Participatie en bereik"),
        ("vrijwilligers", "Vrijwilligers"),
        ("diversiteit-inclusie", "Diversiteit en inclusie"),
        ("digitalisering", "Digitalisering"),
        ("samenwerking-netwerken", "Samenwerking en netwerken"),
        ("lokale-werking", "Lokale werking en afdelingen"),
        ("brussel", "Brussel"),
        ("internationale-werking", "Internationale werking"),
        ("innovatie-experiment", "Innovatie en experiment"),
        ("communicatie-beeldvorming", "Communicatie en beeldvorming"),
    ],
    "Zakelijk deel": [
        ("financien", "Financiën"),
        ("medewerkers", "Medewerkers"),
        ("goed-bestuur", "Goed bestuur"),
        ("infrastructuur", "Infrastructuur"),
        ("kwaliteitszorg", "Kwaliteitszorg en monitoring"),
    ],
}

CODES: tuple[SampleCode, ...] = tuple(
    SampleCode(code_id, name, group) for group, items in _GROUPS.items() for code_id, name in items
)
CODE_IDS: tuple[str, ...] = tuple(code.id for code in CODES)
CODE_BY_ID: dict[str, SampleCode] = {code.id: code for code in CODES}

# The four decree functions as they are named in the manifest (``functions`` column) and the
# code id that tags passages about each of them.
FUNCTION_CODES: dict[str, str] = {
    "cultuurfunctie": "cultuurfunctie",
    "leerfunctie": "leerfunctie",
    "gemeenschapsvormende functie": "gemeenschapsvormende-functie",
    "maatschappelijke bewegingsfunctie": "maatschappelijke-bewegingsfunctie",
}
