"""`coder analysis ...` and `coder report`: thin commands, JSON out, one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from coder.cli import main
from tests.test_analysis_corpus import Corpus, build

V = "vrijwilligers"


@pytest.fixture
def run(db):
    corpus: Corpus = build(db)
    db.execute("INSERT INTO users (name, role, created_at) VALUES ('stuur', 'steering', 'x')")
    path = db.execute("PRAGMA database_list").fetchone()[2]
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True):
        result = runner.invoke(main, ["--db", path, *args])
        assert (result.exit_code == 0) is ok, result.output
        return result

    invoke.corpus = corpus
    return invoke


def test_json_outputs(run) -> None:
    coverage = json.loads(run("analysis", "coverage", V, "--json").output)
    assert coverage["organisations"] == 3 and coverage["absent"][0]["organisation"] == "Delta"
    every = json.loads(run("analysis", "coverage", "--json").output)
    assert len(every) == 30
    view = json.loads(run("analysis", "fragments", V, "--region", "Antwerpen", "--json").output)
    assert [g["organisation"]["name"] for g in view["groups"]] == ["Alfa", "Gamma"]
    matrix = json.loads(run("analysis", "matrix", "--by", "region", "--code", V, "--json").output)
    assert matrix["values"] == ["Antwerpen", "Limburg", "Brussel"]
    pairs = json.loads(run("analysis", "cooccurrence", V, "--json").output)["pairs"]
    assert {p["code_b"] for p in pairs} == {"financien", "lokale-werking"}
    places = json.loads(run("analysis", "places", V, "financien", "--json").output)
    assert places[0]["organisation"] == "Alfa"
    aligned = json.loads(run("analysis", "alignment", "--code", V, "--json").output)
    assert aligned["summary"][0]["gap"] == 1
    gaps = json.loads(run("analysis", "alignment", "--code", V, "--gaps", "--json").output)
    assert [g["organisation"] for g in gaps] == ["Beta"]
    terms = json.loads(run("analysis", "terms", V, "--json").output)
    assert terms["fragments"] == 4
    assert "Antwerpen" in run("analysis", "matrix", "--by", "region", "--csv").output
    assert "Alfa" in run("analysis", "matrix", "--by", "organisation").output


def test_summary_workflow_on_the_command_line(run) -> None:
    out = json.loads(
        run("analysis", "summary", "write", V, "--text", "Eerst.", "--as", "anna", "--json").output
    )
    assert out["current_version"] == 1 and out["current_status"] == "draft"
    run("analysis", "summary", "status", V, "ready", "--as", "anna")
    run("analysis", "summary", "comment", V, "Goed zo", "--as", "stuur")
    shown = json.loads(run("analysis", "summary", "show", V, "--json").output)
    assert shown["current_status"] == "ready" and shown["comments"][0]["author"] == "stuur"
    first = json.loads(run("analysis", "summary", "show", V, "--version", "1", "--json").output)
    assert first["current_status"] == "draft"
    assert "status: draft -> ready" in run("analysis", "summary", "log", V).output
    refused = run("analysis", "summary", "write", V, "--text", "Mijn", "--as", "stuur", ok=False)
    assert "they do not write summaries" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    stale = run(
        "analysis",
        "summary",
        "write",
        V,
        "--text",
        "Later",
        "--expected-version",
        "1",
        "--as",
        "anna",
        ok=False,
    )
    assert "changed meanwhile" in stale.output
    coding_id = run.corpus.codings[
        ("Beta", V, "Vrijwilligers maken het verschil. Wij ondersteunen hen goed.")
    ][0]
    quoted = json.loads(run("analysis", "quote", str(coding_id), "--as", "anna", "--json").output)
    assert quoted["fragment"]["organisation"] == "Beta"
    assert "removed" in run("analysis", "quote", str(coding_id), "--remove", "--as", "anna").output


def test_findings_on_the_command_line(run) -> None:
    made = json.loads(
        run(
            "analysis",
            "finding",
            "add",
            "Digitaal zonder budget",
            "--code",
            "digitalisering",
            "--text",
            "Twee van drie.",
            "--as",
            "anna",
            "--json",
        ).output
    )
    finding_id = str(made["id"])
    run("analysis", "finding", "edit", finding_id, "--text", "Allemaal.", "--as", "bert")
    run("analysis", "finding", "status", finding_id, "ready", "--as", "anna")
    run("analysis", "finding", "comment", finding_id, "Eens", "--as", "stuur")
    listed = json.loads(run("analysis", "finding", "list", "--json").output)
    assert listed[0]["current_version"] == 3 and listed[0]["comments"] == 1
    assert "Allemaal." in run("analysis", "finding", "show", finding_id).output


def test_errors_are_one_line(run) -> None:
    result = run("analysis", "coverage", "klimaat", ok=False)
    assert result.output.strip() == (
        "error: unknown code 'klimaat': see the codes with: coder codebook list"
    )
    assert (
        "unknown attribute 'kleur'" in run("analysis", "matrix", "--by", "kleur", ok=False).output
    )
    assert "name a code" in run("report", ok=False).output
