"""The sample corpus through the real ingest: ground truth, manifest and broken inputs agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coder import store
from coder.ingest import ingest_paths
from coder.sample import generate_bad_inputs, generate_corpus

SQUASH = re.compile(r"\s+")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("sample")
    generate_corpus(folder, plans=5, pages=120, seed=7, workers=2)
    db = store.connect(folder / "coder.db")
    report = ingest_paths(db, [folder], workers=2)
    assert not report.failed, [r.error for r in report.failed]
    return folder, db


def test_every_ground_truth_passage_is_found_on_its_page(ingested) -> None:
    folder, db = ingested
    docs = {r["filename"]: r for r in db.query("SELECT id, filename, text FROM documents")}
    pages = {
        (r["document_id"], r["number"]): (r["start"], r["end"])
        for r in db.query('SELECT document_id, number, start, "end" FROM pages')
    }
    missing = []
    passages = [json.loads(line) for line in (folder / "ground_truth.jsonl").open()]
    assert passages
    for passage in passages:
        doc = docs[passage["document"]]
        start = pages[(doc["id"], passage["page"])][0]
        end = pages[(doc["id"], passage["page_end"])][1]
        on_pages = SQUASH.sub("", doc["text"][start:end])
        if SQUASH.sub("", passage["text"]) not in on_pages:
            missing.append((passage["document"], passage["page"], passage["text"][:80]))
    assert not missing, f"{len(missing)}/{len(passages)} passages not found: {missing[:5]}"


def test_manifest_attributes_are_stored(ingested) -> None:
    _, db = ingested
    rows = list(
        db.query(
            "SELECT o.*, d.period FROM organisations o JOIN documents d ON d.organisation_id = o.id"
        )
    )
    assert len(rows) == 5
    for row in rows:
        assert row["source"] == "manifest" and row["period"] == "2021-2025"
        assert json.loads(row["functions"]) and row["subsidy"] > 0 and row["fte"] > 0


def test_broken_sample_inputs_fail_one_by_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    generate_bad_inputs(bad)
    db = store.connect(tmp_path / "bad.db")
    report = ingest_paths(db, [bad], workers=1)
    assert {Path(r.path).name for r in report.failed} == {
        "encrypted.pdf",
        "truncated.pdf",
        "empty.pdf",
        "verslag.pdf",
        "scan-only.pdf",
    }
    assert all("\n" not in r.error for r in report.failed)
