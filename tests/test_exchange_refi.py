"""REFI-QDA project export: XSD-valid, exact positions, deterministic; the round trip.

Every .qdpx written here is validated against ../shared/refi-qda/Project-mrt2019.xsd.
"""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from coder import codebook, store
from coder.exchange import export_project, export_table, import_project
from coder.exchange.positions import word_edges
from coder.exchange.refi_import import choose_unit, resolve_positions
from coder.exchange.refi_read import read_project
from tests.accounts import make_users
from tests.test_exchange_tables import PLAN_A, PLAN_B, WHEN, build_corpus

ROOT = Path(__file__).resolve().parents[1]
REFI = ROOT.parent / "shared" / "refi-qda"
SAMPLES = REFI / "samples"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(REFI / "Project-mrt2019.xsd"))


@pytest.fixture(autouse=True)
def importers(tmp_path: Path) -> None:
    """Imports are for admins: these are, in the test's database."""
    make_users(tmp_path / "coder.db", "importer", "imp")


@pytest.fixture
def corpus(db):
    build_corpus(db)
    return db


def unpack(data: bytes) -> tuple[ET.Element, dict[str, bytes], bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    files = {name: archive.read(name) for name in archive.namelist()}
    qde = files["project.qde"]
    return ET.fromstring(qde), files, qde


def test_export_is_schema_valid_and_complete(corpus, schema) -> None:
    result = export_project(corpus, actor="anna", generated_at=WHEN)
    root, files, qde = unpack(result.data)
    schema.validate(io.BytesIO(qde))
    assert next(iter(files)) == "project.qde" and all(
        n.startswith("sources/") and n.endswith(".txt") for n in list(files)[1:]
    )
    assert result.counts == {
        "users": 2,
        "codes": 35,
        "cases": 2,
        "sources": 3,
        "pdfs": 0,
        "selections": 7,
        "codings": 10,
        "notes": 4,
    }
    assert [u.get("name") for u in root.iterfind("q:Users/q:User", NS)] == ["anna", "bert"]
    groups = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert len(groups) == 5 and all(g.get("isCodable") == "false" for g in groups)
    variables = {v.get("name"): v.get("typeOfVariable") for v in root.iterfind(".//q:Variable", NS)}
    assert variables["subsidy"] == "Float" and variables["new_entrant"] == "Boolean"
    assert variables["branches"] == "Integer" and variables["website"] == "Text"
    cases = {c.get("name"): c for c in root.iterfind("q:Cases/q:Case", NS)}
    assert len(cases["Vormingplus Kempen"].findall("q:SourceRef", NS)) == 2
    notes = [
        n.findtext("q:PlainTextContent", namespaces=NS) for n in root.iterfind(".//q:Note", NS)
    ]
    assert sorted(notes) == ["klein team", "mooi 🙂", "mooi 🙂", "zie ook p. 8"]
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        text = files["sources/" + source.get("plainTextPath").split("://")[1]]
        assert not text.startswith(b"\xef\xbb\xbf")  # no BOM
        assert source.findtext("q:Description", namespaces=NS).startswith("coder-layout: ")


def test_positions_are_code_points_or_utf16_exactly(corpus, schema) -> None:
    """Accented letters and characters outside the BMP: text[start:end] is the fragment."""
    for unit in ("codepoints", "utf16"):
        root, files, qde = unpack(export_project(corpus, actor="anna", positions_unit=unit).data)
        schema.validate(io.BytesIO(qde))
        seen = 0
        for source in root.iterfind("q:Sources/q:TextSource", NS):
            text = files["sources/" + source.get("plainTextPath").split("://")[1]].decode()
            for item in source.iterfind("q:PlainTextSelection", NS):
                start, end = int(item.get("startPosition")), int(item.get("endPosition"))
                if unit == "utf16":
                    units = text.encode("utf-16-le")
                    fragment = units[start * 2 : end * 2].decode("utf-16-le")
                else:
                    fragment = text[start:end]
                assert fragment.startswith(item.get("name")[:20]), (unit, fragment)
                seen += 1
        assert seen == 7
    cafe = "Het Brusselse café 😀😀 brengt buurtbewoners samen"
    start = PLAN_B.index(cafe)
    root, _, _ = unpack(export_project(corpus, actor="anna", positions_unit="utf16").data)
    item = next(i for i in root.iterfind(".//q:PlainTextSelection", NS) if "café" in i.get("name"))
    assert int(item.get("startPosition")) == start  # nothing astral before it
    assert int(item.get("endPosition")) == start + len(cafe) + 2  # two emoji, two units each


def test_export_is_deterministic_apart_from_the_creation_time(corpus) -> None:
    assert (
        export_project(corpus, actor="anna", generated_at=WHEN).data
        == export_project(corpus, actor="anna", generated_at=WHEN).data
    )
    later = export_project(corpus, actor="anna").data
    assert b'creationDateTime="2025-03-01T12:00:00Z"' not in unpack(later)[2]


def test_with_pdf_embeds_the_plan_as_pdf_source(corpus, schema, tmp_path: Path) -> None:
    pdf = tmp_path / "kempen.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% een plan\n")
    corpus.execute(
        "UPDATE documents SET path = ?, sha256 = ? WHERE filename = 'kempen.pdf'",
        [str(pdf), hashlib.sha256(pdf.read_bytes()).hexdigest()],
    )
    result = export_project(corpus, actor="anna", with_pdf=True)
    root, files, qde = unpack(result.data)
    schema.validate(io.BytesIO(qde))
    assert result.counts["pdfs"] == 1 and len(result.warnings) == 2  # the other two: no PDF
    source = root.find("q:Sources/q:PDFSource", NS)
    assert files["sources/" + source.get("path").split("://")[1]] == pdf.read_bytes()
    representation = source.find("q:Representation", NS)
    assert len(representation.findall("q:PlainTextSelection", NS)) == 4
    text = files["sources/" + representation.get("plainTextPath").split("://")[1]].decode()
    assert text == PLAN_A


def snapshot(db) -> dict:
    """What must survive a round trip: codings, codebook, organisations, pages, sections."""
    rows = json.loads(
        "[" + export_table(db, "jsonl", actor="admin").decode().strip().replace("\n", ",") + "]"
    )
    codings = sorted(
        tuple(
            row[k]
            for k in (
                "organisation",
                "document",
                "start",
                "end",
                "text",
                "code_id",
                "coder",
                "memo",
                "page",
                "page_end",
                "pages",
                "section",
                "doc_type",
                "period",
            )
        )
        for row in rows
    )
    organisations = [
        {k: v for k, v in row.items() if k not in ("id", "source")}
        for row in db.query("SELECT * FROM organisations ORDER BY name")
    ]
    codes = [c.as_dict() for c in codebook.codes_at(db)]
    texts = sorted(r[0] for r in db.execute("SELECT text FROM documents"))
    pages = sorted(
        tuple(r)
        for r in db.execute(
            'SELECT d.filename, p.number, p.label, p.start, p."end" FROM pages p'
            " JOIN documents d ON d.id = p.document_id"
        )
    )
    return {
        "codings": codings,
        "organisations": organisations,
        "codes": codes,
        "texts": texts,
        "pages": pages,
    }


def test_round_trip_into_a_fresh_database(corpus, tmp_path: Path) -> None:
    path = tmp_path / "project.qdpx"
    path.write_bytes(export_project(corpus, actor="anna").data)
    fresh = store.connect(tmp_path / "fresh.db")
    make_users(fresh, "importer", "admin")
    report = import_project(fresh, path, actor="importer")
    assert report.codings == 10 and report.duplicates == 0 and report.memos == 4
    assert report.documents_new == 3 and report.organisations_new == 2
    assert report.codes == {"add": 35} and report.skipped == []
    assert report.users == {"anna": "anna", "bert": "bert"}
    assert snapshot(fresh) == snapshot(corpus)
    assert {r[0] for r in fresh.execute("SELECT DISTINCT origin FROM codings")} == {"import"}
    # the same file again changes nothing
    again = import_project(fresh, path, actor="importer")
    assert (again.codings, again.duplicates, again.documents_new) == (0, 10, 0)
    assert again.documents_matched == 3 and again.codebook_version is None
    assert snapshot(fresh) == snapshot(corpus)


def test_import_into_the_database_it_came_from_matches_documents(corpus, tmp_path) -> None:
    path = tmp_path / "project.qdpx"
    path.write_bytes(export_project(corpus, actor="anna").data)
    report = import_project(corpus, path, actor="importer", user_map={"anna": "anna-nvivo"})
    assert report.documents_matched == 3 and report.documents_new == 0
    assert report.codings == 6  # anna's codings come back as anna-nvivo's; bert's are there
    coders = {r[0] for r in corpus.execute("SELECT DISTINCT coder FROM codings")}
    assert coders == {"anna", "bert", "anna-nvivo"}


def test_nvivo_positions_are_read_as_utf16() -> None:
    """NVivo 12's sample: 892 emoji; spans fit word edges only when counted in UTF-16."""
    project = read_project(SAMPLES / "nvivo12win_oltas0517.qdpx")
    unit, crlf_as_one, why = choose_unit(project, "auto")
    assert (unit, crlf_as_one) == ("utf16", False) and "NVivo" in why
    texts, spans, problems = resolve_positions(project, unit, crlf_as_one)
    assert problems == [] and sum(len(s) for s in spans) == 303
    on_edges = sum(
        word_edges(text, [s for s in source_spans if s])
        for text, source_spans in zip(texts, spans, strict=True)
    )
    assert on_edges >= 300
    assert all("\r" not in text for text in texts)  # CR LF kept for counting, then made LF


def test_samples_of_other_tools_import(db) -> None:
    qc = import_project(db, SAMPLES / "qc132_demo.qdpx", actor="imp")
    assert qc.codings == 205 and qc.documents_new == 2 and qc.codes["add"] == 262
    assert any("appears twice" in w for w in qc.warnings)  # same name under two parents
    hand = import_project(
        db, SAMPLES / "qdpx-toolkit_hand_authored", actor="imp", allow_missing_sources=True
    )
    assert hand.codings == 2 and hand.users == {"Researcher A": "Researcher A"}
    skipped = {(s["what"], s["why"]) for s in hand.skipped}
    assert ("sources", "PictureSource: coder holds text only") in skipped
    assert ("PDF area selections", "regions of a PDF page have no text offsets") in skipped
    age = db.execute("SELECT extra FROM organisations WHERE name = 'Participant 1'").fetchone()
    assert json.loads(age[0]) == {"Age": "34", "Consented": "true"}
