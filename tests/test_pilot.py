"""The pilot workflow on a small generated sample corpus: create, blind, simulate, close and
freeze, adjudicate, rounds, the report from the database, and the CLI.

The corpus (6 plans, ~120 pages) is generated and ingested once per module; every test
works on its own copy of the database.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import codebook, coding, pilot, store
from coder import reliability_report as rr
from coder.cli import main as cli
from coder.errors import FrozenError, PilotError
from coder.ingest import ingest_paths
from coder.sample import generate_corpus
from tests.accounts import make_users


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """6 plans ingested, default codebook, readers anna, bert, carla (steering: stuur)."""
    folder = tmp_path_factory.mktemp("pilot-corpus")
    generate_corpus(folder / "plans", plans=6, pages=120, seed=1, workers=1)
    path = folder / "coder.db"
    db = store.connect(path)
    ingest_paths(db, [folder / "plans"], workers=1)
    codebook.ensure_default_codebook(db)
    make_users(db, "anna")  # the admin: manages pilots, and codes
    make_users(db, "bert", "carla", role="researcher")
    make_users(db, "stuur", role="steering")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="module")
def simulated_db(corpus_db, tmp_path_factory) -> Path:
    """A copy with pilot 'sim' (4 plans) filled by 5 simulated coders and closed."""
    path = tmp_path_factory.mktemp("pilot-sim") / "coder.db"
    shutil.copy(corpus_db, path)
    db = store.connect(path)
    pilot.create(db, "anna", "sim", plans=4, seed=3)
    pilot.simulate(db, "anna", "sim", noise=0.2, coders=5)
    pilot.close(db, "anna", "sim")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def copy_of(source: Path, tmp_path: Path):
    target = tmp_path / "coder.db"
    shutil.copy(source, target)
    return store.connect(target)


@pytest.fixture
def db(corpus_db, tmp_path):
    database = copy_of(corpus_db, tmp_path)
    yield database
    database.close()


@pytest.fixture
def sim_db(simulated_db, tmp_path):
    database = copy_of(simulated_db, tmp_path)
    yield database
    database.close()


def first_sentence(db, document_id: int) -> tuple[int, int]:
    row = db.execute(
        'SELECT s.start, s."end" FROM sentences s JOIN segments g ON g.id = s.segment_id'
        " WHERE s.document_id = ? AND g.kind = 'paragraph' ORDER BY s.start LIMIT 1",
        [document_id],
    ).fetchone()
    return row[0], row[1]


# creating ----------------------------------------------------------------
def test_create_draws_a_reproducible_stratified_sample(db):
    made = pilot.create(db, "anna", "p1", plans=4, coders=["anna", "bert"], seed=11)
    again = pilot.create(db, "anna", "p2", plans=4, coders=["anna", "bert"], seed=11)
    assert [p.document_id for p in made.plans] == [p.document_id for p in again.plans]
    assert len(made.plans) == 4 and made.status == "open" and made.round == 1
    assert made.codebook_version == codebook.current_version(db)
    assert sum(s.drawn for s in made.strata) == 4
    assert sum(s.population for s in made.strata) == 6
    assert all(p.stratum.startswith("functions=") for p in made.plans)
    assert all(p.coders == ["anna", "bert"] for p in made.plans)
    assert [p.name for p in pilot.pilots(db)] == ["p1", "p2"]
    logged = db.execute("SELECT count(*) FROM actions WHERE verb = 'pilot-create'").fetchone()[0]
    assert logged == 2


def test_balanced_design_and_refusals(db):
    made = pilot.create(
        db,
        "anna",
        "b",
        plans=6,
        coders=["anna", "bert", "carla"],
        design="balanced",
        coders_per_plan=2,
    )
    assert all(len(p.coders) == 2 for p in made.plans)
    with pytest.raises(PilotError, match="exists already"):
        pilot.create(db, "anna", "b", plans=2)
    with pytest.raises(PilotError, match="only 6"):
        pilot.create(db, "anna", "c", plans=7)
    with pytest.raises(PilotError, match="unknown attribute 'size'"):
        pilot.create(db, "anna", "c", plans=2, stratify_by=["size"])
    with pytest.raises(PilotError, match="steering group"):
        pilot.create(db, "anna", "c", plans=2, coders=["anna", "stuur"])
    with pytest.raises(PilotError, match="coders-per-plan"):
        pilot.create(
            db,
            "anna",
            "c",
            plans=2,
            coders=["anna", "bert", "carla"],
            design="balanced",
            coders_per_plan=3,
        )
    with pytest.raises(PilotError, match="close pilot 'b'"):
        pilot.create(db, "anna", "c", plans=2, previous="b")


# blind coding ----------------------------------------------------------------
def test_blind_rule_while_open(db):
    made = pilot.create(db, "anna", "blind", plans=2, coders=["anna", "bert"])
    plan = made.plans[0].document_id
    other = next(
        d
        for (d,) in db.execute("SELECT id FROM documents")
        if d not in {p.document_id for p in made.plans}
    )
    start, end = first_sentence(db, plan)
    coding.create(db, "anna", plan, start, end, ["missie"])
    coding.create(db, "bert", plan, start, end, ["visie"])
    assert coding.visible_coders(db, "bert", plan) == ["bert"]
    assert coding.visible_coders(db, "carla", plan) is None  # not a coder of this pilot
    assert coding.visible_coders(db, "bert", other) is None  # not a pilot plan
    assert coding.suggestions_allowed(db, "bert", plan) is False
    assert coding.suggestions_allowed(db, "carla", plan) is True
    seen = coding.codings(db, plan, coders=coding.visible_coders(db, "bert", plan))
    assert {c.coder for c in seen} == {"bert"}
    pilot.close(db, "anna", "blind")
    assert coding.visible_coders(db, "bert", plan) is None
    assert coding.suggestions_allowed(db, "bert", plan) is True


# freezing ----------------------------------------------------------------
def test_closing_freezes_the_pilots_codings(db):
    made = pilot.create(db, "anna", "freeze", plans=2, coders=["anna", "bert"])
    plan = made.plans[0].document_id
    start, end = first_sentence(db, plan)
    [mine] = coding.create(db, "anna", plan, start, end, ["missie"])
    coding.create(db, "bert", plan, start, end, ["missie"])
    before = rr.build(db, "freeze", rr.Settings(n_bootstrap=0))
    closed = pilot.close(db, "anna", "freeze")
    assert closed.status == "closed" and len(pilot.codings(db, closed)) == 2
    with pytest.raises(FrozenError, match="closed pilot 'freeze'"):
        coding.update(db, "anna", mine.id, memo="later")
    with pytest.raises(FrozenError):
        coding.delete(db, "anna", [mine.id])
    with pytest.raises(FrozenError):
        coding.set_codes(db, "anna", mine.id, ["visie"])
    with pytest.raises(FrozenError):
        coding.undo(db, "anna")
    with pytest.raises(PilotError, match="closed already"):
        pilot.close(db, "anna", "freeze")
    # new codings on the plan are work after the pilot: allowed, and not in the pilot
    later = coding.create(db, "anna", plan, end + 1, end + 40, ["visie"])
    assert later and coding.undo(db, "anna")
    after = rr.build(db, "freeze", rr.Settings(n_bootstrap=0))
    assert after.overall.segment.value == before.overall.segment.value
    assert len(pilot.codings(db, pilot.get(db, "freeze"))) == 2


# simulation ----------------------------------------------------------------
def test_simulated_coders_are_labelled_everywhere(sim_db):
    found = pilot.get(sim_db, "sim")
    names = [c.name for c in found.coders]
    assert names == [f"sim-{i}" for i in range(1, 6)]
    assert all(c.simulated and c.label.endswith("(gesimuleerd)") for c in found.coders)
    assert not set(names) & set(coding.users(sim_db))  # not readers one can be
    flagged = sim_db.execute("SELECT count(*) FROM users WHERE simulated = 1").fetchone()[0]
    assert flagged == 5
    origins = {c.origin for c in pilot.codings(sim_db, found)}
    assert origins == {"simulated"}
    report = rr.build(sim_db, "sim", rr.Settings(n_bootstrap=100))
    assert report.has_simulated
    assert any("gesimuleerde lezers" in note for note in report.notes)
    assert "Gesimuleerde lezers" in rr.write(report, "html").decode()
    assert all(p.done for p in pilot.progress(sim_db, "sim"))
    with pytest.raises(PilotError, match="closed"):
        pilot.simulate(sim_db, "anna", "sim")


def test_simulation_noise_lowers_agreement(db):
    pilot.create(db, "anna", "exact", plans=2, seed=4)
    result = pilot.simulate(db, "anna", "exact", noise=0.0, coders=3)
    assert result.codings > 0 and result.missed <= result.passages * 0.05
    exact = rr.build(db, "exact", rr.Settings(n_bootstrap=0))
    assert exact.overall.segment.value == pytest.approx(1.0)
    assert exact.overall.unitized.value == pytest.approx(1.0)
    pilot.create(db, "anna", "noisy", plans=2, seed=4)
    pilot.simulate(db, "anna", "noisy", noise=0.4, coders=3)
    noisy = rr.build(db, "noisy", rr.Settings(n_bootstrap=0))
    assert noisy.overall.segment.value < 0.9
    with pytest.raises(PilotError, match="simulated coders already"):
        pilot.simulate(db, "anna", "noisy")


# the report from the database ----------------------------------------------------------------
def test_report_from_the_database(sim_db):
    report = rr.build(sim_db, "sim", rr.Settings(n_bootstrap=200))
    assert len(report.codes) == 30 and len(report.documents) == 4
    for level in rr.LEVELS:
        estimate = report.overall.level(level)
        assert 0.5 < estimate.value < 0.95
        assert estimate.low <= estimate.value <= estimate.high
        assert estimate.band in ("good", "tentative", "unacceptable")
    assert len(report.pairs) == 10 and len(report.coder_rows) == 5
    assert report.confusions and report.cells
    assert rr.disagreements(report, limit=3)
    paragraphs = rr.build(sim_db, "sim", rr.Settings(unit="paragraph", n_bootstrap=0))
    assert paragraphs.n_units < report.n_units


# adjudication ----------------------------------------------------------------
def test_adjudication_is_stored_apart(sim_db):
    report = rr.build(sim_db, "sim", rr.Settings(n_bootstrap=0))
    d = rr.disagreements(report, limit=1)[0]
    codings_before = sim_db.execute("SELECT count(*) FROM codings").fetchone()[0]
    made = pilot.adjudicate(
        sim_db,
        "anna",
        "sim",
        d.document_id,
        d.code_id,
        d.start,
        d.end,
        [(d.start, d.end, [d.code_id])],
        note="de definitie dekt dit",
    )
    assert made.note == "de definitie dekt dit"
    assert [(c.start, c.end, c.code_id) for c in made.consensus] == [(d.start, d.end, d.code_id)]
    assert sim_db.execute("SELECT count(*) FROM codings").fetchone()[0] == codings_before
    # deciding again supersedes: one current decision, "not coded" this time
    again = pilot.adjudicate(sim_db, "anna", "sim", d.document_id, d.code_id, d.start, d.end, [])
    current = pilot.adjudications(sim_db, "sim")
    assert [a.id for a in current] == [again.id] and current[0].consensus == []
    assert pilot.consensus(sim_db, "sim") == []
    kept = sim_db.execute("SELECT count(*) FROM adjudications").fetchone()[0]
    assert kept == 2
    with pytest.raises(PilotError, match=r"unknown, a group or retired"):
        pilot.adjudicate(
            sim_db,
            "anna",
            "sim",
            d.document_id,
            d.code_id,
            d.start,
            d.end,
            [(d.start, d.end, ["nope"])],
        )


def test_adjudication_needs_a_closed_pilot(db):
    made = pilot.create(db, "anna", "open", plans=2, coders=["anna", "bert"])
    with pytest.raises(PilotError, match="close pilot 'open' first"):
        pilot.adjudicate(db, "anna", "open", made.plans[0].document_id, "missie", 0, 10, [])


# rounds ----------------------------------------------------------------
def test_second_round_after_a_codebook_revision(sim_db):
    codebook.edit(sim_db, "missie", actor="anna", definition="Waarom de organisatie bestaat.")
    second = pilot.create(sim_db, "anna", "sim-2", plans=2, previous="sim", seed=9)
    first = pilot.get(sim_db, "sim")
    assert second.round == 2 and second.previous == "sim"
    assert second.codebook_version > first.codebook_version
    assert not {p.document_id for p in second.plans} & {p.document_id for p in first.plans}
    pilot.simulate(sim_db, "anna", "sim-2", noise=0.1, coders=5)
    report = rr.build(sim_db, "sim-2", rr.Settings(n_bootstrap=0))
    assert [r.round for r in report.rounds] == [1, 2]
    assert any("missie" in change for change in report.codebook_changes)
    assert "Rondes vergeleken" in rr.write(report, "html").decode()


# progress and CLI ----------------------------------------------------------------
def test_progress_per_coder_and_plan(db):
    made = pilot.create(db, "anna", "prog", plans=2, coders=["anna", "bert"])
    plan = made.plans[0].document_id
    start, end = first_sentence(db, plan)
    coding.create(db, "anna", plan, start, end, ["missie", "visie"])
    rows = {(r.coder, r.document_id): r for r in pilot.progress(db, "prog")}
    assert len(rows) == 4
    assert rows[("anna", plan)].codings == 2 and rows[("anna", plan)].fragments == 1
    assert rows[("bert", plan)].codings == 0


def test_cli(corpus_db, tmp_path):
    path = tmp_path / "coder.db"
    shutil.copy(corpus_db, path)
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", str(path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    made = json.loads(
        run("pilot", "create", "demo", "--plans", "2", "--seed", "5", "--json", "--as", "anna")
    )
    assert len(made["plans"]) == 2
    out = run("pilot", "simulate", "demo", "--noise", "0.2", "--coders", "3", "--as", "anna")
    assert "3 simulated coders" in out
    assert "(gesimuleerd)" in run("pilot", "show", "demo")
    assert "demo" in run("pilot", "list")
    progress = json.loads(run("pilot", "progress", "demo", "--json"))
    assert len(progress) == 6 and all(r["simulated"] for r in progress)
    assert "closed" in run("pilot", "close", "demo", "--as", "anna")
    summary = json.loads(run("reliability", "demo", "--bootstrap", "50", "--json"))
    assert summary["overall"]["segment"]["band"] in ("good", "tentative", "unacceptable")
    assert "simulated coders" in run("reliability", "demo", "--bootstrap", "0")
    target = tmp_path / "report.html"
    run("reliability", "demo", "--bootstrap", "0", "--format", "html", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    run("reliability", "demo", "--bootstrap", "0", "-o", str(tmp_path / "report.xlsx"))
    assert (tmp_path / "report.xlsx").read_bytes()[:2] == b"PK"
    failed = runner.invoke(cli, ["--db", str(path), "reliability", "nope"])
    assert failed.exit_code == 1 and "no pilot named 'nope'" in failed.output
    assert not math.isnan(summary["overall"]["unitized"]["value"])
