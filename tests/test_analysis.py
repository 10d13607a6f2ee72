"""Figures of the horizontal analysis on the hand-made corpus, against known answers."""

from __future__ import annotations

import pytest
from scipy.stats import chi2_contingency

from coder import analysis, coding
from coder.analysis import OrgFilter, Scope
from coder.analysis.parts import heading_parts, names_business_topic, title_of
from coder.errors import NotFoundError
from tests.test_analysis_corpus import Corpus, build

V = "vrijwilligers"


@pytest.fixture
def corpus(db) -> Corpus:
    return build(db)


# part detection (pure) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "business"),
    [
        ("5 Financieel plan", True),
        ("Financiën en begroting", True),
        ("3.2 Begroting 2021-2025", True),
        ("Personeelsbeleid", True),
        ("Huisvesting en infrastructuur", True),
        ("Organisatie en goed bestuur", True),
        ("Organisatiestructuur en bestuur", True),
        ("Zakelijk deel", True),
        ("Missie en visie", False),
        ("Onze organisatie in Vlaanderen", False),
        ("Strategische doelstellingen", False),
        ("Vrijwilligersbeleid", False),
    ],
)
def test_business_chapter_titles(title: str, business: bool) -> None:
    assert names_business_topic(title) is business


def test_numbering_and_accents_are_ignored() -> None:
    assert title_of("V. Financiën") == "financien"
    assert title_of("2.1 Personeel") == "personeel"


def test_everything_after_the_zakelijk_deel_heading_is_zakelijk() -> None:
    paths = [
        ["1 Missie"],
        ["2 Zakelijk plan"],
        ["2 Zakelijk plan", "2.1 Kwaliteitszorg"],
        ["3 Evaluatie en opvolging"],
        ["4 Bijlagen"],
    ]
    assert heading_parts(paths) == ["inhoudelijk"] + ["zakelijk"] * 4


def test_a_cover_title_above_all_chapters_is_looked_through() -> None:
    cover = "Beleidsplan 2021-2025"
    paths = [[cover], [cover, "1 Missie"], [cover, "2 Personeelsplan"], [cover, "3 Werking"]]
    assert heading_parts(paths) == ["inhoudelijk", "inhoudelijk", "zakelijk", "inhoudelijk"]


def test_cover_lines_with_the_organisation_name_are_looked_through() -> None:
    cover = ["Beleidsplan 2021-2025", "Mediahuis"]
    paths = [
        cover[:1],
        cover,
        [*cover, "Inhoudstafel"],
        [*cover, "MISSIE EN VISIE"],
        [*cover, "MISSIE EN VISIE", "Visie"],
        [*cover, "FINANCIEEL PLAN"],
        [*cover, "FINANCIEEL PLAN", "Begroting"],
    ]
    assert heading_parts(paths) == ["inhoudelijk"] * 5 + ["zakelijk"] * 2


def test_a_numbered_chapter_is_never_a_cover_line() -> None:
    paths = [["1 Doelen"], ["1 Doelen", "1.1 Begroting voor projecten"], ["2 Financieel plan"]]
    assert heading_parts(paths) == ["inhoudelijk", "inhoudelijk", "zakelijk"]


def test_appendices_follow_the_part_before_them() -> None:
    assert heading_parts([["1 Missie"], ["Bijlage 1"]]) == ["inhoudelijk", "inhoudelijk"]
    assert heading_parts([["1 Begroting"], ["Bijlagen"]]) == ["zakelijk", "zakelijk"]
    assert heading_parts([]) == []


# code view -----------------------------------------------------------------------
def test_code_view_groups_fragments_by_organisation_with_context(corpus: Corpus) -> None:
    view = analysis.code_view(corpus.db, V)
    assert [g.organisation.name for g in view.groups] == ["Alfa", "Beta", "Gamma"]
    assert view.total_organisations == 4 and view.unfiltered_fragments == 4
    alfa = view.groups[0]
    first, second = alfa.fragments
    # the double-coded span is one fragment with both coders and both codings
    assert first.text == "Wij werken met vrijwilligers." and first.coders == ["anna", "bert"]
    assert len(first.coding_ids) == 2
    assert (first.page, first.section, first.part) == (1, "1 Missie", "inhoudelijk")
    assert (second.page, second.section, second.part) == (2, "2 Financieel plan", "zakelijk")
    gamma = view.groups[2].fragments[0]
    assert gamma.before == "" and gamma.after == ""
    wider = analysis.code_view(corpus.db, V, context=1)
    gamma = wider.groups[2].fragments[0]
    assert gamma.before == "Onze afdelingen werken lokaal. "
    assert wider.groups[0].fragments[0].after == " Zij zijn de kern van onze werking."
    beta = analysis.code_view(corpus.db, "digitalisering").groups[1].fragments[0]
    assert (beta.before, beta.after) == ("Wij bouwen ", ".")
    assert beta.page == 1 and beta.page_name == "12"  # printed label of Beta's first page
    start, end = corpus.span("Alfa", first.text)
    assert (first.start, first.end) == (start, end)


def test_code_view_characters_and_share(corpus: Corpus) -> None:
    alfa = analysis.code_view(corpus.db, V).groups[0]
    expected = len("Wij werken met vrijwilligers.") + len(
        "De begroting voorziet middelen voor vrijwilligers en hun onkosten."
    )
    assert alfa.characters == expected
    assert alfa.share == pytest.approx(expected / corpus.length("Alfa"))


def test_code_view_filters(corpus: Corpus) -> None:
    db = corpus.db

    def names(view) -> list[str]:
        return [g.organisation.name for g in view.groups]

    antwerp = OrgFilter(attributes={"region": ["Antwerpen"]})
    assert names(analysis.code_view(db, V, where=antwerp)) == ["Alfa", "Gamma"]
    assert analysis.code_view(db, V, where=antwerp).total_organisations == 2
    learning = OrgFilter(attributes={"functions": ["leerfunctie"]})
    assert names(analysis.code_view(db, V, where=learning)) == ["Alfa", "Beta"]
    new = OrgFilter(attributes={"new_entrant": ["ja"]})
    assert names(analysis.code_view(db, V, where=new)) == ["Beta"]
    big = OrgFilter(fte_min=5)
    assert names(analysis.code_view(db, V, where=big)) == ["Beta", "Gamma"]
    small = OrgFilter(attributes={"size": ["klein (< 5 VTE)"]})
    assert names(analysis.code_view(db, V, where=small)) == ["Alfa"]
    by_bert = analysis.code_view(db, V, coders=["bert"])
    assert names(by_bert) == ["Alfa", "Beta"] and len(by_bert.fragments) == 2
    words = analysis.code_view(db, V, text="AFDELING")
    assert [f.text for f in words.fragments] == ["Vrijwilligers trekken de afdelingen."]
    business = analysis.code_view(db, V, part="zakelijk")
    assert [f.organisation for f in business.fragments] == ["Alfa"]


def test_code_view_sorts_organisations(corpus: Corpus) -> None:
    db = corpus.db
    by_count = analysis.code_view(db, V, sort="fragments")
    assert [g.organisation.name for g in by_count.groups] == ["Alfa", "Beta", "Gamma"]
    by_fte = analysis.code_view(db, V, sort="fte", descending=True)
    assert [g.organisation.name for g in by_fte.groups] == ["Gamma", "Beta", "Alfa"]
    by_share = analysis.code_view(db, V, sort="share")
    assert by_share.groups[0].organisation.name == "Alfa"
    with pytest.raises(NotFoundError, match="unknown sort"):
        analysis.code_view(db, V, sort="colour")


def test_unknown_codes_and_groups_are_refused(corpus: Corpus) -> None:
    with pytest.raises(NotFoundError, match="unknown code 'klimaat'"):
        analysis.code_view(corpus.db, "klimaat")
    with pytest.raises(NotFoundError, match="group of codes"):
        analysis.coverage(corpus.db, "werking")


def test_deleted_codings_drop_out(corpus: Corpus) -> None:
    ids = corpus.codings[("Gamma", V, "Vrijwilligers trekken de afdelingen.")]
    coding.delete(corpus.db, "anna", ids)
    assert [g.organisation.name for g in analysis.code_view(corpus.db, V).groups] == [
        "Alfa",
        "Beta",
    ]
    assert [o.name for o in analysis.coverage(corpus.db, V).absent] == ["Delta", "Gamma"]


# coverage ------------------------------------------------------------------------
def test_coverage(corpus: Corpus) -> None:
    cov = analysis.coverage(corpus.db, V)
    assert (cov.organisations, cov.total_organisations) == (3, 4)
    assert (cov.fragments, cov.codings) == (4, 5)
    assert [o.name for o in cov.absent] == ["Delta"]
    rows = {r.organisation.name: r for r in cov.rows}
    assert rows["Alfa"].fragments == 2 and rows["Alfa"].codings == 3
    assert rows["Alfa"].coders == ["anna", "bert"]
    beta = len("Vrijwilligers maken het verschil. Wij ondersteunen hen goed.")
    assert rows["Beta"].characters == beta
    assert rows["Beta"].share == pytest.approx(beta / corpus.length("Beta"))
    assert cov.organisation_share == 0.75 and cov.median_fragments == 1
    assert cov.rows[0].organisation.name == "Alfa"  # most fragments first


def test_coverage_counts_overlapping_fragments_once(corpus: Corpus) -> None:
    text = "Vrijwilligers maken het verschil."
    start, end = corpus.span("Beta", text)
    coding.create(corpus.db, "anna", corpus.doc["Beta"], start, end, [V])
    row = next(r for r in analysis.coverage(corpus.db, V).rows if r.organisation.name == "Beta")
    assert row.fragments == 2 and row.characters == len(
        "Vrijwilligers maken het verschil. Wij ondersteunen hen goed."
    )


def test_coverage_of_all_codes_matches_one_by_one(corpus: Corpus) -> None:
    every = {c.code.id: c for c in analysis.coverage_all(corpus.db)}
    assert len(every) == 30
    for code_id in (V, "financien", "digitalisering", "missie", "brussel"):
        one = analysis.coverage(corpus.db, code_id)
        assert every[code_id].as_dict() == one.as_dict()
    assert every["brussel"].organisations == 0 and len(every["brussel"].absent) == 4


def test_scope_by_coder(corpus: Corpus) -> None:
    cov = analysis.coverage(corpus.db, V, scope=Scope(coders=("bert",)))
    assert sorted(r.organisation.name for r in cov.rows) == ["Alfa", "Beta"]
    assert cov.fragments == 2


# matrices ------------------------------------------------------------------------
def test_organisation_matrix(corpus: Corpus) -> None:
    matrix = analysis.organisation_matrix(corpus.db, [V, "financien"])
    assert [o.name for o in matrix.organisations] == ["Alfa", "Beta", "Delta", "Gamma"]
    alfa, gamma = corpus.org["Alfa"], corpus.org["Gamma"]
    assert matrix.cell(V, alfa).fragments == 2
    assert matrix.cell("financien", gamma).fragments == 1
    assert matrix.cell("financien", corpus.org["Beta"]).fragments == 0
    wide = matrix.wide()
    assert wide[0] == {"code": "Vrijwilligers", "Alfa": 2, "Beta": 1, "Delta": 0, "Gamma": 1}
    assert len(matrix.long()) == 8


def test_attribute_matrix_region_against_scipy(corpus: Corpus) -> None:
    matrix = analysis.attribute_matrix(corpus.db, "region", [V])
    assert matrix.values == ["Antwerpen", "Limburg", "Brussel"]
    row = matrix.rows[0]
    assert [(c.mentioning, c.organisations) for c in row.cells] == [(2, 2), (1, 1), (0, 1)]
    assert [c.share for c in row.cells] == [1.0, 1.0, 0.0]
    table = [[2, 1, 0], [0, 0, 1]]
    statistic, p_value, dof, expected = chi2_contingency(table, correction=False)
    assert row.test.statistic == pytest.approx(statistic)
    assert row.test.p_value == pytest.approx(p_value)
    assert row.test.dof == dof
    assert [c.expected for c in row.cells] == pytest.approx(list(expected[0]))
    # adjusted residual of Brussel: (0 - 0.75) / sqrt(0.75 * (1 - 3/4) * (1 - 1/4))
    assert row.cells[2].residual == pytest.approx(-2.0)
    assert not row.test.valid and "expected count below 5" in row.note


def test_attribute_matrix_functions_tests_each_function(corpus: Corpus) -> None:
    matrix = analysis.attribute_matrix(corpus.db, "functions", [V])
    assert matrix.values == ["cultuurfunctie", "leerfunctie", "gemeenschapsvormende functie"]
    assert matrix.group_sizes == {
        "cultuurfunctie": 2,
        "leerfunctie": 2,
        "gemeenschapsvormende functie": 1,
    }
    cell = matrix.rows[0].cell("leerfunctie")
    assert (cell.mentioning, cell.organisations) == (2, 2)
    # leerfunctie (Alfa, Beta: both mention) vs the rest (Gamma mentions, Delta does not)
    _, p_value, _, _ = chi2_contingency([[2, 1], [0, 1]], correction=False)
    assert cell.p_value == pytest.approx(p_value)
    assert "overlap" in matrix.note


def test_attribute_with_unknown_values_is_left_out_of_the_test(corpus: Corpus) -> None:
    matrix = analysis.attribute_matrix(corpus.db, "size", [V])
    assert matrix.values[-1] == "onbekend" and matrix.unknown == 1
    row = matrix.rows[0]
    assert row.cell("onbekend").residual is None
    assert row.test is not None and not row.test.valid  # all three sizes mention it: no test
    assert "no test" in row.note


def test_unknown_attribute(corpus: Corpus) -> None:
    with pytest.raises(NotFoundError, match="unknown attribute 'kleur'"):
        analysis.attribute_matrix(corpus.db, "kleur")


def test_chi_square_matches_scipy_on_larger_tables() -> None:
    table = [[12, 5, 9, 20], [3, 14, 8, 6], [7, 7, 10, 2]]
    ours = analysis.chi_square(table)
    statistic, p_value, dof, expected = chi2_contingency(table, correction=False)
    assert ours.statistic == pytest.approx(statistic)
    assert ours.p_value == pytest.approx(p_value)
    assert ours.dof == dof and ours.valid
    for ours_row, theirs in zip(ours.expected, expected.tolist(), strict=True):
        assert ours_row == pytest.approx(theirs)
    with pytest.raises(ValueError, match="table"):
        analysis.chi_square([[1, -1], [2, 3]])


def test_drill_down_into_a_cell(corpus: Corpus) -> None:
    view = analysis.cell_fragments(corpus.db, V, attribute_key="region", value="Antwerpen")
    assert [g.organisation.name for g in view.groups] == ["Alfa", "Gamma"]
    one = analysis.cell_fragments(corpus.db, V, organisation_id=corpus.org["Beta"])
    assert [f.organisation for f in one.fragments] == ["Beta"]


# co-occurrence -------------------------------------------------------------------
def test_cooccurrence_overlap(corpus: Corpus) -> None:
    result = analysis.cooccurrence(corpus.db, mode="overlap")
    pairs = {(p.a.id, p.b.id): p for p in result.pairs}
    assert set(pairs) == {
        ("digitalisering", "financien"),
        ("lokale-werking", "vrijwilligers"),
        ("financien", "vrijwilligers"),
    }
    pair = pairs[("financien", "vrijwilligers")]
    assert pair.count == 1 and pair.organisations == 1
    # 1 of 2 financien fragments and 1 of 4 vrijwilligers fragments overlap the other code
    assert (pair.share_a, pair.share_b) == (0.5, 0.25)
    assert pair.jaccard == pytest.approx(2 / 6)
    assert result.units[V] == 4


def test_cooccurrence_same_paragraph(corpus: Corpus) -> None:
    result = analysis.cooccurrence(corpus.db, mode="paragraph")
    pairs = {(p.a.id, p.b.id): p for p in result.pairs}
    # missie and vrijwilligers share Alfa's first paragraph without overlapping
    assert ("missie", "vrijwilligers") in pairs
    pair = pairs[("financien", "vrijwilligers")]
    # vrijwilligers in 4 paragraphs, financien in 2, together in 1: 1 / (4 + 2 - 1)
    assert pair.count == 1 and pair.jaccard == pytest.approx(0.2)
    assert result.units == {**result.units, V: 4, "financien": 2}


def test_cooccurrence_for_one_code_puts_it_first(corpus: Corpus) -> None:
    result = analysis.cooccurrence(corpus.db, V, mode="paragraph")
    assert {p.a.id for p in result.pairs} == {V}
    assert {p.b.id for p in result.pairs} == {"financien", "lokale-werking", "missie"}


def test_cooccurrence_places(corpus: Corpus) -> None:
    found = analysis.places(corpus.db, V, "financien")
    assert len(found) == 1
    place = found[0]
    vrij = corpus.codings[
        ("Alfa", V, "De begroting voorziet middelen voor vrijwilligers en hun onkosten.")
    ]
    assert place.organisation == "Alfa" and place.coding_ids_a == vrij
    paragraph = analysis.places(corpus.db, "missie", V, mode="paragraph")
    assert [p.organisation for p in paragraph] == ["Alfa"]
    assert paragraph[0].coding_ids_b == [
        corpus.codings[("Alfa", V, "Wij werken met vrijwilligers.")][0]
    ]
    with pytest.raises(NotFoundError, match="mode"):
        analysis.cooccurrence(corpus.db, mode="sentence")


# alignment -----------------------------------------------------------------------
def test_alignment_statuses(corpus: Corpus) -> None:
    result = analysis.alignment(corpus.db, [V, "digitalisering"])
    status = {(c.organisation, c.code_id): c.status for c in result.cells}
    assert status[("Alfa", V)] == "aligned"
    assert status[("Beta", V)] == "gap"
    assert status[("Gamma", V)] == "mentioned"  # "vrijwilligersvergoedingen" in the budget
    assert status[("Delta", V)] == "absent"
    assert status[("Alfa", "digitalisering")] == "gap"
    assert status[("Gamma", "digitalisering")] == "business only"
    assert [c.organisation for c in result.gaps("digitalisering")] == ["Alfa", "Beta"]
    summary = {row["code_id"]: row for row in result.summary()}
    assert summary[V]["gap"] == 1 and summary[V]["aligned"] == 1
    assert result.business_share[corpus.org["Delta"]] == 0.0
    assert 0 < result.business_share[corpus.org["Alfa"]] < 1


def test_no_business_part_is_no_gap(corpus: Corpus) -> None:
    db = corpus.db
    db.execute("UPDATE segments SET text = '3 Visie' WHERE text = '2 Zakelijk deel'")
    db.execute("UPDATE segments SET text = '3.1 Team' WHERE text = '2.1 Personeel'")
    db.execute("UPDATE segments SET section = '3 Visie' WHERE section = '2 Zakelijk deel'")
    db.execute(
        "UPDATE segments SET section = '3 Visie > 3.1 Team'"
        " WHERE section = '2 Zakelijk deel > 2.1 Personeel'"
    )
    status = {(c.organisation, c.code_id): c.status for c in analysis.alignment(db, [V]).cells}
    assert status[("Beta", V)] == "no business part"


def test_default_ambitions_are_the_werking_codes(corpus: Corpus) -> None:
    chosen = analysis.ambition_codes(corpus.db)
    assert V in chosen and "digitalisering" in chosen and "financien" not in chosen


# text mining per code ----------------------------------------------------------
def test_distinctive_terms_of_a_code(corpus: Corpus) -> None:
    terms = analysis.code_terms(corpus.db, V, min_count=1)
    assert terms.fragments == 4
    assert terms.terms[0].term == "vrijwilliger" and terms.terms[0].count == 4


def test_group_terms_within_a_code(corpus: Corpus) -> None:
    groups = analysis.group_terms(corpus.db, V, "region", min_count=1)
    assert set(groups) == {"Antwerpen", "Limburg"}
    assert "verschil" in [t.term for t in groups["Limburg"]]


def test_simulated_pilot_codings_are_left_out(corpus: Corpus) -> None:
    start, end = corpus.span("Delta", "Cultuur voor iedereen in Brussel.")
    corpus.db.execute(
        'INSERT INTO codings (document_id, start, "end", text, code_id, coder, origin,'
        " created_at, updated_at) VALUES (?, ?, ?, 'x', ?, 'sim', 'simulated', 'x', 'x')",
        [corpus.doc["Delta"], start, end, V],
    )
    assert [o.name for o in analysis.coverage(corpus.db, V).absent] == ["Delta"]
    assert "Delta" not in [g.organisation.name for g in analysis.code_view(corpus.db, V).groups]


def test_one_codes_overlaps_in_sql_match_the_full_pass(corpus: Corpus) -> None:
    db = corpus.db
    extra = corpus.span("Alfa", "Digitale vorming staat centraal.")
    coding.create(db, "bert", corpus.doc["Alfa"], *extra, [V, "innovatie-experiment"])
    for scope in (None, Scope(coders=("anna",))):
        full = analysis.cooccurrence(db, scope=scope)
        for code_id in (V, "financien", "digitalisering", "innovatie-experiment", "brussel"):
            focus = analysis.cooccurrence(db, code_id, scope=scope)
            expected = {}
            for p in full.pairs:
                if code_id in (p.a.id, p.b.id):
                    a_first = p.a.id == code_id
                    other = p.b.id if a_first else p.a.id
                    shares = (p.share_a, p.share_b) if a_first else (p.share_b, p.share_a)
                    expected[other] = (p.count, p.organisations, *shares, p.jaccard)
            got = {
                p.b.id: (p.count, p.organisations, p.share_a, p.share_b, p.jaccard)
                for p in focus.pairs
            }
            assert set(got) == set(expected), (code_id, scope)
            for other, figures in expected.items():
                assert got[other] == pytest.approx(figures), (code_id, other, scope)
            assert {p.a.id for p in focus.pairs} <= {code_id}
            assert focus.units[code_id] == full.units[code_id]
