"""The ingest pipeline against the database: storage, idempotence, codings, bad input."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.pdfgen import canvas

from coder import corpus, store
from coder import search as text_search
from coder.cli import main
from coder.errors import ManifestError
from coder.ingest import ingest_paths
from coder.ingest.manifest import COLUMNS
from tests.pdfkit import PdfBuilder, prose


def make_plan(path: Path, paragraphs: int = 6, *, extra: str | None = None) -> PdfBuilder:
    pdf = PdfBuilder(path, header=f"{path.stem} – Beleidsplan 2021-2025")
    pdf.heading("1 Missie")
    if extra:
        pdf.paragraph(extra)
    for i in range(paragraphs):
        pdf.paragraph(f"Alinea {i * 13 + 1} van {path.stem}. " + prose(i, 4))
    pdf.save()
    return pdf


def test_ingest_stores_document_pages_segments_sentences_and_fts(db, tmp_path: Path) -> None:
    pdf = make_plan(tmp_path / "vormingplus-test.pdf", 12)
    report = ingest_paths(db, [tmp_path], workers=1)
    assert [r.status for r in report.results] == ["ingested"]
    doc = db.execute("SELECT * FROM documents").fetchone()
    cols = [d[0] for d in db.execute("SELECT * FROM documents").description]
    doc = dict(zip(cols, doc, strict=True))
    assert doc["status"] == "ingested" and doc["page_count"] >= 1 and len(doc["sha256"]) == 64
    assert doc["doc_type"] == "beleidsplan"
    segments = list(db.query("SELECT * FROM segments ORDER BY seq"))
    assert [s["text"] for s in segments] == pdf.expected
    for s in segments:  # offsets re-derive the text
        assert doc["text"][s["start"] : s["end"]] == s["text"]
    for sentence in db.query('SELECT start, "end", text FROM sentences'):
        assert doc["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    org = db.execute("SELECT name, source FROM organisations").fetchone()
    assert org == ("vormingplus-test", "filename")
    hits = text_search.search(db, "vergrijzing")
    assert hits and "[vergrijzing]" in hits[0].snippet and hits[0].page == 1
    assert text_search.search(db, "vergrij*")  # prefix search


def test_store_settings_and_env_override(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CODER_DB", str(tmp_path / "env.db"))
    from coder import config

    assert config.db_path() == tmp_path / "env.db"
    assert config.db_path(tmp_path / "x.db") == tmp_path / "x.db"
    db = store.connect(config.db_path())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    assert store.schema_version(db) == store.SCHEMA_VERSION
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(Exception, match="newer than this coder"):
        store.connect(tmp_path / "env.db")


def test_unchanged_file_is_skipped_and_nothing_changes(db, tmp_path: Path) -> None:
    make_plan(tmp_path / "a.pdf")
    ingest_paths(db, [tmp_path], workers=1)
    before = db.execute("SELECT id, ingested_at, text FROM documents").fetchall()
    segments = db.execute("SELECT id FROM segments").fetchall()
    report = ingest_paths(db, [tmp_path], workers=1)
    assert [r.status for r in report.results] == ["unchanged"]
    assert db.execute("SELECT id, ingested_at, text FROM documents").fetchall() == before
    assert db.execute("SELECT id FROM segments").fetchall() == segments


def _add_coding(db, document_id: int, text: str, code: str) -> int:
    full = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
    start = full.index(text)
    with store.transaction(db):
        return (
            db["codings"]
            .insert(
                {
                    "document_id": document_id,
                    "start": start,
                    "end": start + len(text),
                    "text": text,
                    "code_id": code,
                    "coder": "anna",
                    "created_at": "2026-01-01T00:00:00",
                    "updated_at": "2026-01-01T00:00:00",
                }
            )
            .last_pk
        )


def test_changed_file_is_reingested_and_codings_are_reanchored_or_orphaned(
    db, tmp_path: Path
) -> None:
    path = tmp_path / "plan.pdf"
    make_plan(path, 6, extra="Deze alinea verdwijnt in de nieuwe versie van het plan.")
    ingest_paths(db, [path], workers=1)
    kept = _add_coding(db, 1, "Alinea 27 van plan.", "missie")
    gone = _add_coding(db, 1, "Deze alinea verdwijnt", "visie")
    # version 2: the paragraph is replaced by a longer one, so everything after it moves
    make_plan(path, 6, extra="Een nieuwe inleiding die veel langer is dan de oude. " * 3)
    report = ingest_paths(db, [path], workers=1)
    result = report.results[0]
    assert result.status == "updated" and result.reanchored == 1 and result.orphaned == 1
    text = db.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
    row = db["codings"].get(kept)
    assert row["anchor"] == "reanchored" and text[row["start"] : row["end"]] == row["text"]
    orphan = db["codings"].get(gone)
    assert orphan["anchor"] == "orphaned" and orphan["text"] == "Deze alinea verdwijnt"
    assert db.execute("SELECT count(*) FROM codings").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def _encrypted(path: Path) -> Path:
    c = canvas.Canvas(str(path), encrypt="geheim")
    c.drawString(100, 700, "Vertrouwelijk beleidsplan met wachtwoord")
    c.save()
    return path


def _scan(path: Path) -> Path:
    pdf = PdfBuilder(path, footer=None)
    pdf.image_page()
    pdf.canvas.save()
    return path


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    make_plan(folder / "goed.pdf", 4)
    (folder / "leeg.pdf").write_bytes(b"")
    good = (folder / "goed.pdf").read_bytes()
    (folder / "afgekapt.pdf").write_bytes(good[: len(good) // 2])
    with zipfile.ZipFile(folder / "verslag.pdf", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    _encrypted(folder / "geheim.pdf")
    _scan(folder / "scan.pdf")
    # a plan with one scanned page among text pages
    mixed = PdfBuilder(folder / "gemengd.pdf")
    mixed.paragraph(prose(1, 5))
    mixed.image_page()
    mixed.new_page()
    mixed.paragraph(prose(2, 5))
    mixed.save()
    return folder


def test_bad_inputs_each_fail_with_one_line_and_the_others_go_on(db, bad_folder: Path) -> None:
    report = ingest_paths(db, [bad_folder], workers=2)
    by_name = {Path(r.path).name: r for r in report.results}
    assert by_name["goed.pdf"].status == "ingested"
    assert by_name["gemengd.pdf"].status == "ingested"
    assert "need OCR: 2" in by_name["gemengd.pdf"].warnings[0]
    expected = {
        "leeg.pdf": "empty file (0 bytes)",
        "afgekapt.pdf": "truncated or damaged",
        "verslag.pdf": "a zip archive (a Word .docx?), not a PDF",
        "geheim.pdf": "password required",
        "scan.pdf": "no text layer on any page",
    }
    for name, reason in expected.items():
        result = by_name[name]
        assert result.status == "failed", name
        assert reason in result.error and name in result.error and "\n" not in result.error
        # nothing half-written: the failure is recorded, without pages or segments
        row = db.execute("SELECT id, status FROM documents WHERE filename = ?", [name]).fetchone()
        assert row[1] == "failed"
        for table in ("pages", "segments", "sentences"):
            count = db.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", [row[0]])
            assert count.fetchone()[0] == 0
    ocr = db.execute("SELECT number FROM pages WHERE needs_ocr = 1").fetchall()
    assert ocr == [(2,)]
    status = corpus.status(db)
    assert status.failed == 5 and status.ingested == 2 and status.ocr_pages == 1


def test_cli_ingest_exit_code_messages_status_and_json(bad_folder: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    result = runner.invoke(main, ["--db", db, "ingest", "--workers", "1", str(bad_folder)])
    assert result.exit_code == 1
    assert "password required" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["--db", db, "status", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["ingested"] == 2 and data["failed"] == 5 and data["ocr_pages"] == 1
    result = runner.invoke(main, ["--db", db, "search", "--json", "vrijwilligers"])
    assert result.exit_code == 0 and json.loads(result.output)
    result = runner.invoke(main, ["--db", db, "search", 'NOT AND "'])
    assert result.exit_code == 1
    assert "is not valid" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["--db", db, "ingest", str(tmp_path / "nergens")])
    assert result.exit_code == 1 and "no such file or folder" in result.output


def test_ocr_option_runs_ocrmypdf_when_installed(db, tmp_path: Path, monkeypatch) -> None:
    scan = _scan(tmp_path / "scan.pdf")
    text_version = make_plan(tmp_path / "ocr-output.pdf", 2).path
    fake = tmp_path / "bin" / "ocrmypdf"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nfor last; do :; done\ncp "{text_version}" "$last"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    report = ingest_paths(db, [scan], workers=1, ocr=True)
    assert report.results[0].status == "ingested"
    assert "Alinea 1 van ocr-output" in db.execute("SELECT text FROM documents").fetchone()[0]


def test_ocr_option_without_ocrmypdf_says_what_to_install(db, tmp_path: Path, monkeypatch):
    scan = _scan(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    report = ingest_paths(db, [scan], workers=1, ocr=True)
    assert "needs ocrmypdf" in report.results[0].error


MANIFEST_HEADER = ",".join(COLUMNS)


def test_manifest_attributes_are_linked(db, tmp_path: Path) -> None:
    make_plan(tmp_path / "a.pdf")
    make_plan(tmp_path / "b.pdf")
    (tmp_path / "organisations.csv").write_text(
        MANIFEST_HEADER + "\n"
        "Vormingplus Kempen,a.pdf,vzw,vormingsinstelling,leerfunctie;cultuurfunctie,"
        "412500,6.5,Antwerpen,0,nee,beleidsplan,2021-2025\n"
        "Brusselse Beweging,b.pdf,vzw,beweging,maatschappelijke bewegingsfunctie,"
        "1.250.000,14.2,Brussel,3,ja,beleidsplan,2021-2025\n",
        encoding="utf-8",
    )
    ingest_paths(db, [tmp_path], workers=1)
    rows = {r["name"]: r for r in db.query("SELECT * FROM organisations")}
    kempen, brussel = rows["Vormingplus Kempen"], rows["Brusselse Beweging"]
    assert json.loads(kempen["functions"]) == ["leerfunctie", "cultuurfunctie"]
    assert kempen["subsidy"] == 412500 and kempen["fte"] == 6.5 and kempen["new_entrant"] == 0
    assert brussel["subsidy"] == 1250000 and brussel["branches"] == 3 and brussel["new_entrant"]
    linked = db.execute(
        "SELECT d.filename, o.name, d.period FROM documents d JOIN organisations o"
        " ON o.id = d.organisation_id ORDER BY d.filename"
    ).fetchall()
    assert linked == [
        ("a.pdf", "Vormingplus Kempen", "2021-2025"),
        ("b.pdf", "Brusselse Beweging", "2021-2025"),
    ]


def test_manifest_errors_name_each_row_and_store_nothing(db, tmp_path: Path) -> None:
    make_plan(tmp_path / "a.pdf")
    (tmp_path / "organisations.csv").write_text(
        MANIFEST_HEADER + "\n"
        "Een,a.pdf,vzw,,leerfunctie,veel,1,Antwerpen,0,nee,,\n"
        "Een,a.pdf,vzw,,leerfunctie,1000,1,Antwerpen,0,nee,,\n"
        "Twee,ontbreekt.pdf,vzw,,zingfunctie,1000,1,Gent,0,misschien,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ManifestError) as caught:
        ingest_paths(db, [tmp_path], workers=1)
    problems = "\n".join(caught.value.problems)
    assert "row 2: subsidy 'veel' is not a number" in problems
    assert "row 3: duplicate name 'Een' (row 2)" in problems
    assert "row 3: file 'a.pdf' already listed on row 2" in problems
    assert "row 4: file 'ontbreekt.pdf' not found" in problems
    assert "row 4: functions: 'zingfunctie'" in problems
    assert "row 4: region 'Gent'" in problems and "row 4: new_entrant 'misschien'" in problems
    for table in ("organisations", "documents", "segments"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(tmp_path / "x.db"), "ingest", str(tmp_path)])
    assert result.exit_code == 1 and "row 4: region 'Gent'" in result.output


def test_moved_file_is_recognised_by_its_content(db, tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    make_plan(tmp_path / "old" / "plan.pdf")
    ingest_paths(db, [tmp_path / "old"], workers=1)
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "plan.pdf").rename(tmp_path / "new" / "plan.pdf")
    report = ingest_paths(db, [tmp_path / "new"], workers=1)
    assert report.results[0].status == "unchanged"
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert db.execute("SELECT path FROM documents").fetchone()[0].endswith("new/plan.pdf")


def test_same_file_through_another_path_is_one_document(db, tmp_path: Path, monkeypatch) -> None:
    """Stored paths are relative to the working directory: run from elsewhere, with the
    folder reached through a symlink, the file is still the same document."""
    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    make_plan(project / "plans" / "plan.pdf")
    monkeypatch.chdir(project)
    ingest_paths(db, [Path("plans")], workers=1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plans").symlink_to(project / "plans")
    monkeypatch.chdir(elsewhere)
    report = ingest_paths(db, [Path("plans")], workers=1)
    assert report.results[0].status == "unchanged"
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
