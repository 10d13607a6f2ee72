"""Content planning: the structure, text and codes of every sample plan.

Why pure and separate from rendering: tests can inspect all 131 plans (codes per plan,
duplicate paragraphs, consistency with the manifest) in seconds, and the renderer makes no
wording decisions. A plan follows the usual outline of a beleidsplan 2021-2025: voorwoord,
identiteit, contextanalyse and SWOT, functies en rollen, strategische en operationele
doelstellingen with praktijken, transversal themes and the zakelijk deel. How much text each
chapter gets comes from the page target and the page estimator; the objectives chapter is
filled last so the whole plan lands on its target.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from coder.sample import phrases
from coder.sample import vocabulary as vocab
from coder.sample.blocks import (
    Block,
    Box,
    BulletList,
    Heading,
    PageBreak,
    Para,
    Passage,
    PlanDocument,
    ScanPage,
    Table,
)
from coder.sample.codes import FUNCTION_CODES
from coder.sample.estimate import Estimator, chapter_layout
from coder.sample.figures import (
    YEARS,
    format_euro,
    format_fte,
    format_number,
    make_budget,
    make_staff,
)
from coder.sample.metrics import Metrics
from coder.sample.organisations import Organisation, allocate_pages, sample_organisations
from coder.sample.styles import HouseStyle, pick_style
from coder.sample.unique import make_unique
from coder.sample.writer import FUNCTION_LABELS, Writer

# Share of the content pages each chapter gets, and a cap in pages: long plans are long
# because of their objectives and praktijken, which take whatever remains.
_SHARES = {
    "identiteit": (0.08, 4.0),
    "context": (0.12, 6.0),
    "functies": (0.12, 7.0),
    "werking": (0.12, 5.5),
    "financieel": (0.05, 2.2),
    "personeel": (0.04, 1.6),
    "infrastructuur": (0.02, 0.7),
    "bestuur": (0.045, 1.8),
}
_TITLES = {
    "voorwoord": ("Voorwoord", "Woord vooraf", "Inleiding"),
    "identiteit": ("Identiteit", "Wie zijn we?", "Onze identiteit", "Missie en visie"),
    "context": (
        "Contextanalyse en zelfevaluatie",
        "Omgevingsanalyse en zelfevaluatie",
        "Context en zelfevaluatie",
        "Maatschappelijke context en SWOT",
    ),
    "functies": (
        "Keuze van functies en rollen",
        "Functies en rollen",
        "Onze sociaal-culturele functies en rollen",
    ),
    "doelen": (
        "Strategische en operationele doelstellingen",
        "Doelstellingen en praktijken",
        "Ons beleid in doelstellingen",
    ),
    "werking": (
        "Transversale thema's",
        "Onze werking",
        "Werkingsprincipes",
        "Accenten in de werking",
    ),
    "zakelijk": ("Zakelijk deel", "Zakelijk plan", "Zakelijk beleid"),
    "financieel": ("Financieel plan", "Financieel beleid en begroting", "Begroting 2021-2025"),
    "personeel": ("Personeelsplan", "Personeelsbeleid", "Medewerkers en personeelsbeleid"),
    "infrastructuur": ("Infrastructuur", "Huisvesting en infrastructuur"),
    "bestuur": (
        "Organisatie en goed bestuur",
        "Organisatiestructuur en bestuur",
        "Bestuur en kwaliteitszorg",
    ),
    "bijlagen": ("Bijlagen", "Bijlagen bij het beleidsplan"),
}
_WERKING_SECTIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # (code, title options, extra codes that may join a paragraph)
    ("vrijwilligers", ("Vrijwilligersbeleid", "Engagement en vrijwillige inzet"),
     ("diversiteit-inclusie", "medewerkers", "kwaliteitszorg")),
    ("diversiteit-inclusie", ("Inclusief werken", "Diversiteit als opdracht"),
     ("doelgroepen", "participatie-bereik", "medewerkers")),
    ("samenwerking-netwerken", ("Partnerschappen", "Samen sterker: netwerken"),
     ("lokale-werking", "innovatie-experiment", "internationale-werking")),
    ("communicatie-beeldvorming", ("Communicatie", "Zichtbaarheid en communicatie"),
     ("digitalisering", "doelgroepen", "participatie-bereik")),
    ("digitalisering", ("Digitale werking", "Digitaal en online"),
     ("infrastructuur", "medewerkers", "diversiteit-inclusie")),
    ("lokale-werking", ("Lokale verankering", "Dichtbij werken"),
     ("samenwerking-netwerken", "participatie-bereik")),
    ("innovatie-experiment", ("Vernieuwing en experiment", "Ruimte voor vernieuwing"),
     ("laboratoriumrol", "digitalisering", "samenwerking-netwerken")),
    ("internationale-werking", ("Internationale werking", "Over de grenzen heen"),
     ("samenwerking-netwerken", "diversiteit-inclusie")),
    ("brussel", ("Brussel", "Werken in en met Brussel"),
     ("diversiteit-inclusie", "lokale-werking", "doelgroepen")),
)  # fmt: skip
_ROLES = (
    ("verbindende-rol", "De verbindende rol"),
    ("kritische-rol", "De kritische rol"),
    ("laboratoriumrol", "De laboratoriumrol"),
)
_PRAKTIJK_EXTRAS = (
    "doelgroepen", "participatie-bereik", "vrijwilligers", "diversiteit-inclusie",
    "digitalisering", "samenwerking-netwerken", "lokale-werking", "innovatie-experiment",
    "communicatie-beeldvorming", "verbindende-rol", "kritische-rol", "laboratoriumrol",
)  # fmt: skip
EXTRA_CHANCE = 0.24  # share of coded paragraphs that also carry a second code
NONE_CHANCE = 0.4  # chance of an uncoded paragraph (anecdote, practicality) in a section


class _Numbering:
    """Hierarchical heading numbers ("3", "3.2", "3.2.1")."""

    def __init__(self) -> None:
        self.counters = [0, 0, 0]

    def next(self, level: int) -> str:
        self.counters[level - 1] += 1
        for i in range(level, 3):
            self.counters[i] = 0
        return ".".join(str(c) for c in self.counters[:level])


class Planner:
    """Plans one document; see the module docstring for the outline."""

    def __init__(
        self, org: Organisation, target_pages: int, seed: int, peers: Sequence[str]
    ) -> None:
        self.org = org
        self.target = target_pages
        self.rng = random.Random(f"coder-sample:plan:{seed}:{org.index}")
        self.style: HouseStyle = pick_style(self.rng, target_pages)
        self.writer = Writer(org, self.rng, peers)
        self.estimator = Estimator(self.style)
        self.metrics = Metrics(self.style)
        self.numbering = _Numbering()
        self.function_codes = [FUNCTION_CODES[f] for f in org.functions]
        self.scans = self._scan_count()
        self.brussel_aside = org.region != "Brussel" and self.rng.random() < 0.5
        self._used_praktijken: set[str] = set()

    # ---------------------------------------------------------------- helpers
    def _scan_count(self) -> int:
        draw = self.rng.random()
        if draw < 0.07:
            return 1
        if draw < 0.10:
            return 2
        return 0

    def _title(self, key: str) -> str:
        return self.rng.choice(_TITLES[key])

    def chapter(self, key: str, zone: str, numbered: bool = True) -> Heading:
        number = self.numbering.next(1) if numbered else ""
        return Heading(1, self._title(key) if key in _TITLES else key, number, zone)

    def heading(self, level: int, title: str) -> Heading:
        number = self.numbering.next(level) if level <= 3 else ""
        return Heading(level, title, number)

    def para(self, code: str | None, extras: Sequence[str] = (), **kwargs) -> Para:
        """A paragraph with a second code from ``extras`` at the usual rate."""
        extra = None
        if code and extras and self.rng.random() < EXTRA_CHANCE:
            options = [e for e in extras if e != code and self._allowed(e)]
            extra = self.rng.choice(options) if options else None
        return Para(self.writer.paragraph(code, extra, **kwargs))

    def none_para(self, context: str = "") -> Para:
        """An uncoded paragraph: reading guidance, or an anecdote/formality by context."""
        pool = f"geen:{context}" if context else "geen"
        count = self.rng.choice((2, 2, 3))
        return Para(self.writer.paragraph(None, sentences=count, pool=pool))

    def _allowed(self, code: str) -> bool:
        if code == "brussel":
            return self.org.region == "Brussel" or self.brussel_aside
        return True

    def pages(self, blocks: Sequence[Block], zone: str) -> float:
        """Pages a run of blocks fills in a chapter of ``zone`` (no breaks counted)."""
        layout = chapter_layout(self.style, zone)
        capacity = self.metrics.frame_height * (2 if layout == "two" else 1)
        return sum(self.estimator.height(b, layout) for b in blocks) / capacity

    def fill(
        self, blocks: list[Block], zone: str, budget: float, make: Callable[[], list[Block]]
    ) -> None:
        """Append what ``make`` returns until the blocks fill ``budget`` pages."""
        used = self.pages(blocks, zone)
        while used < budget:
            new = make()
            blocks.extend(new)
            used += self.pages(new, zone)

    def maybe_none(self, context: str = "") -> list[Block]:
        return [self.none_para(context)] if self.rng.random() < NONE_CHANCE else []

    # ---------------------------------------------------------------- chapters
    def voorwoord(self) -> list[Block]:
        org, w = self.org, self.writer
        blocks: list[Block] = [self.chapter("voorwoord", "front", numbered=False)]
        blocks.append(Para(w.paragraph(None, pool="voorwoord", sentences=2)))
        blocks.append(self.para("missie", ("contextanalyse", "civiel-actorschap")))
        if self.target > 30:
            blocks.append(self.para("contextanalyse", ("doelgroepen",)))
        blocks.append(Para(w.paragraph(None, pool="voorwoord", sentences=2)))
        signature = (
            f"{org.director}, {'directeur' if org.fte >= 6 else 'coördinator'}, en "
            f"{org.chair}, voorzitter van de raad van bestuur"
        )
        blocks.append(Para(w.fixed(signature), role="signature"))
        return blocks

    def identiteit(self, budget: float) -> list[Block]:
        org, rng = self.org, self.rng
        blocks: list[Block] = [self.chapter("identiteit", "inhoud")]
        if rng.random() < 0.4:
            blocks.append(self.none_para())

        def section(title: str, share: float, first: list[Block], code: str, extras) -> None:
            part: list[Block] = [self.heading(2, title), *first]

            def more() -> list[Block]:
                return [self.para(code, extras)]

            self.fill(part, "inhoud", budget * share, more)
            blocks.extend(part)

        missie_extras = ("civiel-actorschap", "doelgroepen")
        section(rng.choice(("Missie", "Onze missie", "Waar we voor staan")), 0.25,
                [self.para("missie", missie_extras)], "missie", missie_extras)  # fmt: skip
        visie_extras = ("contextanalyse", "diversiteit-inclusie")
        section(rng.choice(("Visie", "Onze visie", "Ons toekomstbeeld")), 0.25,
                [self.para("visie", visie_extras)], "visie", visie_extras)  # fmt: skip
        if org.new_entrant:
            history = (
                f"{org.name} ontstond in {org.founded} als projectwerking. Met dit plan vragen we "
                "voor het eerst een structurele erkenning en subsidie aan als "
                "sociaal-culturele volwassenenorganisatie."
            )
        else:
            history = (
                f"{org.name} werd opgericht in {org.founded} en is sindsdien uitgegroeid tot "
                f"een {org.org_type} met een eigen plek in het sociaal-cultureel "
                "volwassenenwerk."
            )
        if org.branches:
            history += f" Vandaag telt de organisatie {org.branches} lokale afdelingen."
        first = [Para(self.writer.paragraph("civiel-actorschap", lead=history))]
        section(rng.choice(("Geschiedenis", "Ons verhaal", "Wie we zijn")), 0.15, first,
                "civiel-actorschap", ("missie", "kritische-rol"))  # fmt: skip
        first = [self.para("doelgroepen", ("participatie-bereik", "diversiteit-inclusie"))]
        if org.region == "Brussel" or self.brussel_aside:
            first.append(self.para("brussel", ("doelgroepen",)))
        if org.branches:
            first.append(self.para("lokale-werking", ("vrijwilligers",)))
        section(rng.choice(("Doelgroepen en werkingsgebied", "Met wie we werken")), 0.35, first,
                "doelgroepen", ("participatie-bereik", "diversiteit-inclusie"))  # fmt: skip
        return blocks

    def context(self, budget: float) -> list[Block]:
        rng = self.rng
        blocks: list[Block] = [self.chapter("context", "inhoud")]
        if rng.random() < 0.5:
            blocks.append(self.none_para())
        blocks.append(
            self.heading(2, rng.choice(("Maatschappelijke uitdagingen", "Contextanalyse")))
        )
        extras = ("digitalisering", "diversiteit-inclusie", "doelgroepen", "brussel",
                  "internationale-werking", "participatie-bereik")  # fmt: skip
        analysis: list[Block] = [self.para("contextanalyse", extras)]
        themes = list(self.org.themes)
        self.fill(analysis, "inhoud", budget * 0.5, lambda: [self.para("contextanalyse", extras)])
        if len(analysis) > 4:
            per = max(1, len(analysis) // len(themes))
            for i, theme in enumerate(themes):
                title = f"Uitdaging {i + 1}: {theme}"
                analysis.insert(i * (per + 1), self.heading(3, title[0].upper() + title[1:]))
        blocks += analysis
        blocks.append(self.heading(2, rng.choice(("Zelfevaluatie", "Terugblik en zelfevaluatie"))))
        blocks.append(self.para("zelfevaluatie-swot", ("kwaliteitszorg", "participatie-bereik")))
        blocks.append(self.swot_table())
        blocks.append(self.para("zelfevaluatie-swot", ("kwaliteitszorg", "medewerkers")))
        self.fill(
            blocks,
            "inhoud",
            budget,
            lambda: [self.para("zelfevaluatie-swot", ("kwaliteitszorg", "participatie-bereik"))],
        )
        return blocks

    def swot_table(self) -> Table:
        w, rng = self.writer, self.rng
        cells = {}
        for key, templates in phrases.SWOT_ITEMS.items():
            picks = rng.sample(templates, min(len(templates), rng.randint(3, 5)))
            cells[key] = "\n".join(w.expand(t) for t in picks)
        narrow = chapter_layout(self.style, "inhoud") == "two"
        caption = "SWOT-analyse"
        if narrow:
            rows = [[key, cells[key]] for key in cells]
            return Table("swot", caption, ["", "Analyse"], rows, [1, 2.4], [False, False])
        header = ["Sterktes", "Zwaktes"]
        rows = [
            [cells["Sterktes"], cells["Zwaktes"]],
            ["Kansen", "Bedreigingen"],
            [cells["Kansen"], cells["Bedreigingen"]],
        ]
        return Table("swot", caption, header, rows, [1, 1], [False, False])

    def functies(self, budget: float) -> list[Block]:
        org, rng, w = self.org, self.rng, self.writer
        blocks: list[Block] = [self.chapter("functies", "inhoud")]
        labels = [FUNCTION_LABELS[f] for f in org.functions]
        chosen = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]
        intro = f"Voor de beleidsperiode 2021-2025 kiezen we voor {chosen}."
        blocks.append(Para(w.paragraph(self.function_codes[0], lead=intro, sentences=1)))
        blocks[-1].passage.codes = tuple(self.function_codes)
        others = [c for c in FUNCTION_CODES.values() if c not in self.function_codes]
        if others:
            parts = [w.sentence_from(rng.choice(phrases.SENTENCES[f"functie_niet:{c}"]))
                     for c in others]  # fmt: skip
            blocks.append(Para(w.fixed(" ".join(parts), others)))
        per_function = budget * 0.65 / len(self.function_codes)
        for name, code in zip(org.functions, self.function_codes, strict=True):
            section: list[Block] = [self.heading(2, FUNCTION_LABELS[name].capitalize())]
            section.append(self.para(code, _PRAKTIJK_EXTRAS))
            if rng.random() < 0.35:
                section.append(self.box(code))

            def more(code: str = code) -> list[Block]:
                return [self.para(code, _PRAKTIJK_EXTRAS), *self.maybe_none("praktijk")]

            self.fill(section, "inhoud", per_function, more)
            blocks += section
        blocks.append(self.heading(2, rng.choice(("Sociaal-culturele rollen", "Onze rollen"))))
        role_budget = budget * 0.3 / 3
        for code, title in _ROLES:
            section = [
                self.heading(3, title),
                self.para(code, ("innovatie-experiment", "samenwerking-netwerken")),
            ]

            def more_role(code: str = code) -> list[Block]:
                return [self.para(code, ("doelgroepen", "innovatie-experiment"))]

            self.fill(section, "inhoud", role_budget, more_role)
            blocks += section
        if rng.random() < 0.6:
            blocks.append(self.heading(2, "Civiel actorschap"))
            blocks.append(self.para("civiel-actorschap", ("kritische-rol", "missie")))
        return blocks

    def box(self, code: str | None) -> Box:
        w, rng = self.writer, self.rng
        subject = w.current_praktijk or rng.choice(w.praktijken)
        title = f"{rng.choice(phrases.BOX_TITLES)}: {subject}"
        first = w.paragraph(code, sentences=2, lead=rng.choice(phrases.PRAKTIJK_OPENERS))
        passages = [first]
        if rng.random() < 0.5:
            passages.append(w.paragraph(None, sentences=2, pool="geen:praktijk"))
        return Box(title, passages)

    def doelstellingen(self, budget: float) -> tuple[list[Block], list[list[Block]]]:
        """Skeleton of SDs/ODs plus praktijk units; units are appended to reach the target."""
        rng, w = self.rng, self.writer
        head: list[Block] = [self.chapter("doelen", "inhoud")]
        if rng.random() < 0.5:
            head.append(self.none_para())
        head.append(self.para("strategische-doelstellingen", ("contextanalyse", "missie")))
        n_sd = max(2, min(7, round(self.target / 30) + 1))
        skeleton: list[list[Block]] = []
        for sd in range(1, n_sd + 1):
            title = f"SD{sd}: {w.expand(rng.choice(phrases.SD_TITLES))}"
            sd_blocks: list[Block] = [self.heading(2, title)]
            sd_blocks.append(
                self.para("strategische-doelstellingen", ("contextanalyse", *self.function_codes))
            )
            skeleton.append(sd_blocks)
            n_od = rng.randint(2, 3 if self.target < 60 else 4)
            for od in range(1, n_od + 1):
                od_title = f"OD{sd}.{od}: {w.expand(rng.choice(phrases.OD_TITLES))}"
                od_blocks: list[Block] = [self.heading(3, od_title)]
                od_blocks.append(
                    self.para("operationele-doelstellingen", tuple(self.function_codes))
                )
                skeleton.append(od_blocks)
        self._od_slots = [i for i, part in enumerate(skeleton) if part[0].level == 3]
        self._doel_head = head
        self._doel_skeleton = skeleton
        units: list[list[Block]] = [[] for _ in skeleton]
        self._doel_units = units
        self._next_slot = 0
        self.add_units(min(budget - self.pages(self._flatten_doelen(), "inhoud"), 0.01))
        return head, skeleton

    def add_units(self, pages: float) -> None:
        """Add praktijk units round-robin over the ODs until they fill ``pages`` pages."""
        added = 0.0
        while added < pages:
            slot = self._od_slots[self._next_slot % len(self._od_slots)]
            unit = self.praktijk()
            self._doel_units[slot].append(unit)
            self._next_slot += 1
            added += self.pages(unit, "inhoud")

    def _flatten_doelen(self) -> list[Block]:
        blocks = list(self._doel_head)
        for part, unit_list in zip(self._doel_skeleton, self._doel_units, strict=True):
            blocks += part
            for unit in unit_list:
                blocks += unit
        return blocks

    def praktijk(self) -> list[Block]:
        """One praktijk: its heading, paragraphs, maybe actions, indicators and a box."""
        name = self._praktijk_name()
        self.writer.current_praktijk = name
        try:
            return self._praktijk_unit(name)
        finally:
            self.writer.current_praktijk = None

    def _praktijk_unit(self, name: str) -> list[Block]:
        rng = self.rng
        blocks: list[Block] = [Heading(4, rng.choice(("Praktijk: ", "Praktijk – ", "")) + name)]
        topics = self.function_codes + [c for c in _PRAKTIJK_EXTRAS if self._allowed(c)]
        code = rng.choice(self.function_codes) if rng.random() < 0.45 else rng.choice(topics)
        opener = rng.choice(phrases.PRAKTIJK_OPENERS).replace("{praktijk}", name)
        blocks.append(self.para(code, _PRAKTIJK_EXTRAS, lead=opener))
        for _ in range(rng.choice((0, 1, 1, 2))):
            other = rng.choice(topics)
            blocks.append(self.para(other, self.function_codes + list(_PRAKTIJK_EXTRAS)))
        blocks += self.maybe_none("praktijk")
        if rng.random() < 0.45:
            blocks.append(self.action_list())
        if rng.random() < 0.3:
            blocks.append(Heading(4, rng.choice(("Indicatoren", "Zo meten we het resultaat"))))
            blocks.append(self.indicator_list())
        if rng.random() < 0.1:
            blocks.append(self.box(rng.choice([*self.function_codes, None])))
        return blocks

    def _praktijk_name(self) -> str:
        """A praktijk name not yet used as a heading in this plan."""
        used = self._used_praktijken
        for attempt in range(40):
            name = self.rng.choice(self.writer.praktijken)
            if attempt > 3 or name in used:
                name = (
                    f"{self.rng.choice(vocab.PRAKTIJK_NAMES)} {self.rng.choice(self.writer.cities)}"
                )
            if name not in used:
                break
        used.add(name)
        return name

    def action_list(self) -> BulletList:
        rng = self.rng
        picks = rng.sample(phrases.ACTIONS, rng.randint(2, 5))
        items = []
        for code, template in picks:
            if code and code != "operationele-doelstellingen" and rng.random() < 0.3:
                codes: list[str | None] = ["operationele-doelstellingen", code]
            else:
                codes = [code]
            items.append(self.writer.item(template, codes))
        return BulletList(items, self.style.bullet)

    def indicator_list(self) -> BulletList:
        rng = self.rng
        picks = rng.sample(phrases.INDICATORS, rng.randint(2, 4))
        items = [self.writer.item(template, [code]) for code, template in picks]
        return BulletList(items, "dash" if self.style.bullet == "number" else self.style.bullet)

    def werking(self, budget: float) -> list[Block]:
        org, rng = self.org, self.rng
        blocks: list[Block] = [self.chapter("werking", "inhoud")]
        if rng.random() < 0.5:
            blocks.append(self.none_para())
        sections = []
        for code, titles, extras in _WERKING_SECTIONS:
            if code == "brussel" and not (org.region == "Brussel" or rng.random() < 0.25):
                continue
            if code == "internationale-werking" and rng.random() > 0.6:
                continue
            if code == "innovatie-experiment" and rng.random() > 0.6:
                continue
            sections.append((code, titles, extras))
        per_section = budget / len(sections)
        for code, titles, extras in sections:
            title = rng.choice(titles)
            if code == "lokale-werking" and org.branches:
                title = rng.choice(("Onze afdelingen", "Afdelingswerking"))
            section: list[Block] = [self.heading(2, title), self.para(code, extras)]

            def more(code: str = code, extras: tuple[str, ...] = extras) -> list[Block]:
                return [self.para(code, extras), *self.maybe_none("praktijk")]

            self.fill(section, "inhoud", per_section, more)
            blocks += section
        return blocks

    # ---------------------------------------------------------------- zakelijk deel
    def financieel(self, budget: float, level: int) -> list[Block]:
        org, w = self.org, self.writer
        blocks: list[Block] = [self._zak_heading("financieel", level)]
        subsidy = format_euro(org.subsidy)
        lead = self.rng.choice(
            (
                f"Voor de beleidsperiode 2021-2025 vragen we een jaarlijkse werkingssubsidie van "
                f"{subsidy}.",
                f"We vragen een werkingssubsidie van {subsidy} per jaar.",
                f"De gevraagde subsidie bedraagt {subsidy} per werkingsjaar.",
            )
        )
        blocks.append(Para(w.paragraph("financien", lead=lead)))
        budget_plan = make_budget(org, self.rng)
        blocks += self.budget_tables(budget_plan, level)
        share = round(100 * org.subsidy / budget_plan.income_totals()[0])
        share_text = (
            f"In 2021 komt {share} procent van onze begrote opbrengsten uit de werkingssubsidie."
        )
        blocks.append(Para(w.paragraph("financien", lead=share_text, sentences=2)))
        results = budget_plan.results()
        low, high = min(results), max(results)
        result_text = (
            f"Het begrote resultaat schommelt tussen {format_euro(low)} en {format_euro(high)} "
            "per jaar."
        ).replace("€ -", "-€ ")
        blocks.append(Para(w.paragraph("financien", lead=result_text, sentences=2)))
        extras = ("digitalisering", "medewerkers", "infrastructuur", "goed-bestuur")

        def more() -> list[Block]:
            return [self.para("financien", extras), *self.maybe_none("zakelijk")]

        self.fill(blocks, "zakelijk", budget, more)
        return blocks

    def _zak_heading(self, key: str, level: int) -> Heading:
        if level == 1:
            return self.chapter(key, "zakelijk")
        return self.heading(2, self._title(key))

    def budget_tables(self, budget, level: int) -> list[Block]:
        narrow = chapter_layout(self.style, "zakelijk") == "two"
        years = [str(y) for y in YEARS]
        n = format_number
        tables: list[Block] = []
        if narrow:
            income_rows = []
            for i, year in enumerate(years):
                subsidy = budget.income[0].amounts[i]
                own = budget.income_totals()[i] - subsidy
                income_rows.append([year, n(subsidy), n(own), n(budget.income_totals()[i])])
            income_rows.append(
                ["Totaal", *(n(sum(int(r[c].replace(".", "")) for r in income_rows))
                             for c in (1, 2, 3))]
            )  # fmt: skip
            tables.append(
                Table("budget", "Begrote opbrengsten (in euro)",
                      ["Jaar", "Subsidie", "Eigen inkomsten", "Totaal"], income_rows,
                      [0.8, 1.2, 1.2, 1.2], [False, True, True, True], 1)
            )  # fmt: skip
            cost_rows = []
            for i, year in enumerate(years):
                staff = budget.costs[0].amounts[i]
                other = budget.cost_totals()[i] - staff
                cost_rows.append([year, n(staff), n(other), n(budget.cost_totals()[i])])
            cost_rows.append(
                ["Totaal", *(n(sum(int(r[c].replace(".", "")) for r in cost_rows))
                             for c in (1, 2, 3))]
            )  # fmt: skip
            tables.append(
                Table("budget", "Begrote kosten (in euro)",
                      ["Jaar", "Personeel", "Werking", "Totaal"], cost_rows,
                      [0.8, 1.2, 1.2, 1.2], [False, True, True, True], 1)
            )  # fmt: skip
            return tables
        for title, lines, totals, label in (
            ("Begrote opbrengsten 2021-2025 (in euro)", budget.income, budget.income_totals(),
             "Totaal opbrengsten"),
            ("Begrote kosten 2021-2025 (in euro)", budget.costs, budget.cost_totals(),
             "Totaal kosten"),
        ):  # fmt: skip
            rows = [[line.label, *(n(a) for a in line.amounts), n(line.total)] for line in lines]
            rows.append([label, *(n(t) for t in totals), n(sum(totals))])
            tables.append(
                Table("budget", title, ["", *years, "Totaal"], rows,
                      [3.2, 1, 1, 1, 1, 1, 1.15], [False] + [True] * 6, 1)
            )  # fmt: skip
        return tables

    def personeel(self, budget: float, level: int) -> list[Block]:
        org, w = self.org, self.writer
        blocks: list[Block] = [self._zak_heading("personeel", level)]
        staff = make_staff(org, self.rng)
        persons = sum(line.persons for line in staff)
        lead = f"Ons team telt {persons} medewerkers, samen goed voor {format_fte(org.fte)} VTE."
        blocks.append(Para(w.paragraph("medewerkers", lead=lead, sentences=2)))
        rows = [[line.role, str(line.persons), format_fte(line.fte)] for line in staff]
        rows.append(["Totaal", str(persons), format_fte(org.fte)])
        blocks.append(
            Table("fte", "Personeelsinzet 2021 (in VTE)", ["Functie", "Personen", "VTE"], rows,
                  [3, 1, 1], [False, True, True], 1)
        )  # fmt: skip
        extras = ("diversiteit-inclusie", "vrijwilligers", "kwaliteitszorg", "digitalisering")

        def more() -> list[Block]:
            return [self.para("medewerkers", extras), *self.maybe_none("zakelijk")]

        self.fill(blocks, "zakelijk", budget, more)
        return blocks

    def infrastructuur(self, budget: float, level: int) -> list[Block]:
        blocks: list[Block] = [self._zak_heading("infrastructuur", level)]
        extras = ("digitalisering", "financien", "lokale-werking", "brussel")
        blocks.append(self.para("infrastructuur", extras))
        self.fill(blocks, "zakelijk", budget, lambda: [self.para("infrastructuur", extras)])
        return blocks

    def bestuur(self, budget: float, level: int) -> list[Block]:
        rng = self.rng
        blocks: list[Block] = [self._zak_heading("bestuur", level)]
        extras = ("vrijwilligers", "diversiteit-inclusie", "kwaliteitszorg", "civiel-actorschap")
        blocks.append(self.para("goed-bestuur", extras))
        self.fill(
            blocks,
            "zakelijk",
            budget * 0.55,
            lambda: [self.para("goed-bestuur", extras), *self.maybe_none("zakelijk")],
        )
        sub = 3 if level == 2 else 2
        blocks.append(self.heading(sub, rng.choice(("Kwaliteitszorg", "Kwaliteit en opvolging"))))
        q_extras = ("zelfevaluatie-swot", "participatie-bereik", "digitalisering")
        blocks.append(self.para("kwaliteitszorg", q_extras))
        self.fill(blocks, "zakelijk", budget, lambda: [self.para("kwaliteitszorg", q_extras)])
        return blocks

    def bijlagen(self) -> list[Block]:
        org, rng = self.org, self.rng
        blocks: list[Block] = [self.chapter("bijlagen", "zakelijk")]
        letters = rng.sample(phrases.SCAN_LETTERS, self.scans)
        for i, (title, lines) in enumerate(letters, start=1):
            blocks.append(self.heading(2, f"Bijlage {i}: {title}"))
            signer = org.chair if i == 1 else rng.choice(self.writer.partners)
            filled = [
                line.replace("{org}", org.name)
                .replace("{persoon_vol}", org.chair)
                .replace("{thema}", org.themes[0])
                .replace("{aantal}", str(rng.randint(9, 40)))
                .replace(
                    "{datum}", f"{rng.randint(2, 27)} {rng.choice(('januari', 'februari'))} 2020"
                )
                for line in lines
            ]
            place = f"{org.seat}, {rng.randint(2, 27)} februari 2020"
            sender = f"{org.name} vzw" if i == 1 else signer[0].upper() + signer[1:]
            street = f"{rng.choice(vocab.STREETS)} {rng.randint(1, 180)}, {org.seat}"
            letterhead = [sender, street, ""] if i == 1 else [sender, ""]
            blocks.append(ScanPage(title, letterhead + filled, signer, place))
        return blocks

    # ---------------------------------------------------------------- whole document
    def plan(self) -> PlanDocument:
        org, rng = self.org, self.rng
        content = max(8.0, self.target - 1 - 1 - self.scans * 1.2 - (1 if self.scans else 0))
        share = {k: min(cap, frac * content) for k, (frac, cap) in _SHARES.items()}
        front = self.voorwoord()
        identiteit = self.identiteit(share["identiteit"])
        context = self.context(share["context"])
        functies = self.functies(share["functies"])
        self.doelstellingen(content - sum(share.values()))
        werking = self.werking(share["werking"])
        grouped = rng.random() < 0.5
        zakelijk: list[Block] = []
        if grouped:
            zakelijk.append(self.chapter("zakelijk", "zakelijk"))
        level = 2 if grouped else 1
        zakelijk += self.financieel(share["financieel"], level)
        zakelijk += self.personeel(share["personeel"], level)
        zakelijk += self.infrastructuur(share["infrastructuur"], level)
        zakelijk += self.bestuur(share["bestuur"], level)
        tail = self.bijlagen() if self.scans else []

        def assemble() -> list[Block]:
            return [
                *front, *identiteit, *context, *functies, *self._flatten_doelen(),
                *werking, *zakelijk, *tail,
            ]  # fmt: skip

        def estimate(blocks: list[Block]) -> float:
            entries = sum(1 for b in blocks if isinstance(b, Heading) and b.level <= 2)
            return self.estimator.pages(blocks, entries)

        blocks = assemble()
        # Top up (or trim) the objectives chapter until the estimate meets the target.
        pages = estimate(blocks)
        for _round in range(12):
            if pages < self.target - 0.15:
                self.add_units(max(0.2, (self.target - 0.15 - pages) * 0.9))
            elif pages > self.target + 0.85:
                if not self._trim_units((pages - self.target) * 0.8):
                    break
            else:
                break
            blocks = assemble()
            pages = estimate(blocks)
        blocks = self._renumber(blocks)
        cover = [
            "Beleidsplan 2021-2025",
            org.name,
            "Aanvraag tot subsidiëring als sociaal-culturele volwassenenorganisatie",
            f"{org.seat}, {rng.choice(('januari', 'februari'))} 2020",
        ]
        return PlanDocument(org, self.style, self.target, cover, blocks)

    def _trim_units(self, pages: float) -> bool:
        """Drop the latest praktijk units worth about ``pages``; False when none can go."""
        removed = 0.0
        dropped = False
        for index in range(self._next_slot - 1, -1, -1):
            slot = self._od_slots[index % len(self._od_slots)]
            if len(self._doel_units[slot]) > 1:
                removed += self.pages(self._doel_units[slot].pop(), "inhoud")
                self._next_slot = index
                dropped = True
                if removed >= pages:
                    break
        return dropped

    @staticmethod
    def _renumber(blocks: list[Block]) -> list[Block]:
        """Heading numbers in final order, and passage ids in document order."""
        numbering = _Numbering()
        pid = 0
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Heading) and block.level <= 3 and block.number:
                block = Heading(block.level, block.title, numbering.next(block.level), block.zone)
            for passage in _passages_of(block):
                passage.pid = pid
                pid += 1
            out.append(block)
        return out


def _passages_of(block: Block) -> list[Passage]:
    if isinstance(block, Para):
        return [block.passage]
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Box):
        return list(block.passages)
    return []


def plan_document(
    org: Organisation, target_pages: int, seed: int, peers: Sequence[str]
) -> PlanDocument:
    """The content of one plan; deterministic in (seed, org.index, target, peers)."""
    return Planner(org, target_pages, seed, peers).plan()


def plan_corpus(plans: int, pages: int, seed: int) -> list[PlanDocument]:
    """All plans of a corpus as content only (no PDF): fast enough for tests at full size."""
    orgs = sample_organisations(plans, seed)
    targets = allocate_pages(orgs, pages, seed)
    peers = [org.name for org in orgs]
    docs = [plan_document(org, t, seed, peers) for org, t in zip(orgs, targets, strict=True)]
    make_unique(docs, seed)
    return docs


__all__ = ["PageBreak", "plan_corpus", "plan_document"]
