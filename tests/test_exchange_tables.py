"""Tabular exports (CSV, XLSX, Parquet, JSONL): rows, types, filters and determinism.

``build_corpus`` makes a small coded corpus without PDFs (plain-text documents with
pages, headings, accented Dutch and characters outside the BMP); the other
exchange tests use it too.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from coder import codebook, coding, store
from coder.errors import ExchangeError
from coder.exchange import COLUMNS, Filters, export_table, plaintext
from coder.ingest.manifest import Organisation
from tests.accounts import make_users

DEFAULT = Path(__file__).resolve().parents[1] / "codebook" / "default.yaml"
WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

PLAN_A = (
    "1 Missie en visie\n\n"
    "Wij werken met vrijwilligers in Brussel 🙂 en Antwerpen: één werking, één ploeg.\n\n"
    "Onze financiën 𝄞 zijn gezond; de begroting groeit met 3 % per jaar.\n\n"
    "2 Werking\n\n"
    "2.1 Participatie\n\n"
    "=SUM(A1) is geen formule maar tekst over deelnemers en bereik.\n\n"
    "Diversiteit en inclusie staan centraal in élke activiteit."
)
PLAN_B = (
    "Voorwoord\n\n"
    "Het Brusselse café 😀😀 brengt buurtbewoners samen rond taal en cultuur.\n\n"
    "Ons personeelsplan telt 6,5 VTE."
)


def _span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def build_corpus(db) -> dict[str, int]:
    """Two organisations, three documents, two coders, codings with memos; ids by name.

    Admins ``an`` (who loads the codebook) and ``admin`` (the CLI's default user)."""
    make_users(db, "an", "admin")
    codebook.load(db, DEFAULT, actor="an")
    with store.transaction(db):
        kempen = (
            db["organisations"]
            .insert(
                Organisation(
                    name="Vormingplus Kempen",
                    legal_form="vzw",
                    org_type="vormingsinstelling",
                    functions=["leerfunctie", "cultuurfunctie"],
                    subsidy=412500.0,
                    fte=6.5,
                    region="Antwerpen",
                    branches=0,
                    new_entrant=False,
                    extra={"website": "kempen.be"},
                ).row()
            )
            .last_pk
        )
        brussel = (
            db["organisations"]
            .insert(
                Organisation(
                    name="Buurtwerk Brussel",
                    functions=["gemeenschapsvormende functie"],
                    subsidy=250000.0,
                    region="Brussel",
                    branches=3,
                    new_entrant=True,
                ).row()
            )
            .last_pk
        )
        heading_2 = PLAN_A.index("2 Werking")
        heading_21 = PLAN_A.index("2.1 Participatie")
        layout = plaintext.Layout(
            pages=[(1, 0, 120, "7"), (2, 120, len(PLAN_A), "8")],
            blocks={0: ("heading", 1), heading_2: ("heading", 1), heading_21: ("heading", 2)},
        )
        plan_a = plaintext.store_text_document(
            db,
            path="plans/kempen.pdf",
            filename="kempen.pdf",
            organisation_id=kempen,
            text=PLAN_A,
            period="2021-2025",
            layout=layout,
        )
        report = plaintext.store_text_document(
            db,
            path="plans/kempen-2023.pdf",
            filename="kempen-2023.pdf",
            organisation_id=kempen,
            text="Voortgang 2023: de vrijwilligers groeien.",
            doc_type="voortgangsrapport",
            period="2021-2025",
        )
        plan_b = plaintext.store_text_document(
            db,
            path="plans/brussel.pdf",
            filename="brussel.pdf",
            organisation_id=brussel,
            text=PLAN_B,
            period="2021-2025",
            layout=plaintext.Layout(blocks={0: ("heading", 1)}),
        )
    coding.ensure_user(db, "anna")
    coding.ensure_user(db, "bert")
    start, end = _span(PLAN_A, "vrijwilligers in Brussel 🙂 en Antwerpen")
    coding.create(db, "anna", plan_a, start, end, ["vrijwilligers", "brussel"], memo="mooi 🙂")
    coding.create(db, "bert", plan_a, start, end, ["vrijwilligers"])
    start, end = _span(PLAN_A, "financiën 𝄞 zijn gezond; de begroting")
    coding.create(db, "bert", plan_a, start, end, ["financien"], memo="zie ook p. 8")
    start, end = _span(PLAN_A, "=SUM(A1) is geen formule")
    coding.create(db, "anna", plan_a, start, end, ["participatie-bereik"])
    start, end = _span(PLAN_A, "Diversiteit en inclusie")
    coding.create(db, "anna", plan_a, start, end, ["diversiteit-inclusie"])
    coding.create(db, "anna", report, 17, 39, ["vrijwilligers"])
    start, end = _span(PLAN_B, "Het Brusselse café 😀😀 brengt buurtbewoners samen")
    coding.create(db, "bert", plan_b, start, end, ["brussel", "samenwerking-netwerken"])
    start, end = _span(PLAN_B, "6,5 VTE")
    coding.create(db, "anna", plan_b, start, end, ["medewerkers"], memo="klein team")
    return {"plan_a": plan_a, "report": report, "plan_b": plan_b}


@pytest.fixture
def corpus(db):
    build_corpus(db)
    return db


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_one_row_per_coding_with_all_columns(corpus) -> None:
    data = export_table(corpus, "csv", actor="anna")
    assert data.startswith("\ufeff".encode())
    rows = rows_of(data)
    assert len(rows) == 10
    names = list(rows[0])
    assert names[:10] == [c.name for c in COLUMNS[:10]]
    assert "extra.website" in names and names[-2:] == ["created_at", "updated_at"]
    # sorted by organisation, document, position, code, coder
    assert [r["organisation"] for r in rows][:3] == ["Buurtwerk Brussel"] * 3
    first = next(r for r in rows if r["code_id"] == "brussel" and r["coder"] == "anna")
    assert first["text"] == "vrijwilligers in Brussel 🙂 en Antwerpen"
    assert PLAN_A[int(first["start"]) : int(first["end"])] == first["text"]
    assert first["functions"] == "leerfunctie;cultuurfunctie"
    assert first["new_entrant"] == "nee" and first["subsidy"] == "412500.0"
    assert first["extra.website"] == "kempen.be"
    assert (first["page"], first["page_end"], first["pages"]) == ("1", "1", "7")
    assert first["section"] == "1 Missie en visie"
    assert (first["code_name"], first["code_group"]) == ("Brussel", "Werking")
    assert first["code_path"] == "Werking > Brussel" and first["memo"] == "mooi 🙂"
    money = next(r for r in rows if r["code_id"] == "financien")
    assert (money["page"], money["page_end"], money["pages"]) == ("1", "2", "7-8")
    deep = next(r for r in rows if r["code_id"] == "participatie-bereik")
    assert deep["section"] == "2 Werking > 2.1 Participatie"
    report = next(r for r in rows if r["document"] == "kempen-2023.pdf")
    assert report["doc_type"] == "voortgangsrapport" and report["section"] == ""


def test_jsonl_keeps_lists_and_nulls(corpus) -> None:
    lines = export_table(corpus, "jsonl", actor="anna").decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 10
    brussel = next(r for r in records if r["organisation"] == "Buurtwerk Brussel")
    assert brussel["functions"] == ["gemeenschapsvormende functie"]
    assert brussel["legal_form"] is None and brussel["new_entrant"] is True
    assert brussel["extra.website"] is None


def test_parquet_keeps_types(corpus) -> None:
    table = pq.read_table(io.BytesIO(export_table(corpus, "parquet", actor="anna")))
    schema = table.schema
    assert schema.field("coding_id").type == pa.int64()
    assert schema.field("subsidy").type == pa.float64()
    assert schema.field("new_entrant").type == pa.bool_()
    assert schema.field("functions").type == pa.list_(pa.string())
    assert schema.field("created_at").type == pa.timestamp("us", tz="UTC")
    rows = table.to_pylist()
    assert len(rows) == 10
    assert rows[0]["branches"] == 3 and rows[0]["created_at"].tzinfo is not None
    assert json.loads(schema.metadata[b"coder.filters"])["phase"] == "all"


def test_xlsx_has_an_index_and_a_sheet_per_code(corpus) -> None:
    data = export_table(corpus, "xlsx", actor="anna", generated_at=WHEN)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Index"
    index = [[c.value for c in row] for row in book["Index"].iter_rows()]
    assert index[0] == ["code_id", "code", "group", "codings", "sheet"]
    counts = {row[0]: row[3] for row in index[1:] if row[0]}
    assert counts["vrijwilligers"] == 3 and counts["brussel"] == 2 and sum(counts.values()) == 10
    assert len(book.sheetnames) == 1 + len(counts)
    sheet_of = {row[0]: row[4] for row in index[1:] if row[0]}
    participation = book[sheet_of["participatie-bereik"]]
    header = [c.value for c in participation[1]]
    text = participation.cell(row=2, column=header.index("text") + 1)
    assert text.value.startswith("=SUM(A1)") and text.data_type == "s"  # not a formula
    assert book["Index"]["E2"].hyperlink.location.endswith("!A1")


def test_exports_are_deterministic(corpus) -> None:
    for fmt in ("csv", "jsonl", "parquet"):
        assert export_table(corpus, fmt, actor="anna") == export_table(corpus, fmt, actor="anna"), (
            fmt
        )
    first = export_table(corpus, "xlsx", actor="anna", generated_at=WHEN)
    assert first == export_table(corpus, "xlsx", actor="anna", generated_at=WHEN)


def test_filters(corpus) -> None:
    def codes(**kwargs) -> list[tuple[str, str]]:
        rows = rows_of(export_table(corpus, "csv", Filters(**kwargs), actor="anna"))
        return sorted((r["code_id"], r["coder"]) for r in rows)

    assert {c for c, _ in codes(codes=("zakelijk-deel",))} == {"financien", "medewerkers"}
    assert {c for _, c in codes(coders=("bert",))} == {"bert"}
    assert len(codes(organisations=("Buurtwerk Brussel",))) == 3
    assert len(codes(attributes=("region=Antwerpen",))) == 7
    assert len(codes(attributes=("region=Antwerpen", "region=Brussel"))) == 10
    assert len(codes(attributes=("subsidy>=300000",))) == 7
    assert len(codes(attributes=("functions=leerfunctie", "doc_type=beleidsplan"))) == 6
    assert len(codes(attributes=("new_entrant=ja",))) == 3
    assert len(codes(attributes=("website!=kempen.be",))) == 3
    with pytest.raises(ExchangeError, match="unknown attribute 'regio'"):
        codes(attributes=("regio=Antwerpen",))
    with pytest.raises(ExchangeError, match="unknown code 'nope'"):
        codes(codes=("nope",))
    with pytest.raises(ExchangeError, match="unknown coder"):
        codes(coders=("zoe",))
    with pytest.raises(ExchangeError, match="not KEY=VALUE"):
        codes(attributes=("region",))
    with pytest.raises(ExchangeError, match="issue 6"):
        codes(phase="pilot")


def test_codebook_version_filter_uses_that_versions_codes(corpus) -> None:
    codebook.rename(corpus, "brussel", "Brussel en rand", actor="an")
    codebook.add(
        corpus,
        codebook.Code(id="klimaat", name="Klimaat", parent_id="werking", definition="Klimaat."),
        actor="an",
    )
    plan = corpus.execute("SELECT id FROM documents WHERE filename = 'kempen.pdf'").fetchone()[0]
    coding.create(corpus, "anna", plan, 0, 5, ["klimaat"])
    now = rows_of(export_table(corpus, "csv", actor="anna"))
    assert {r["code_name"] for r in now if r["code_id"] == "brussel"} == {"Brussel en rand"}
    assert any(r["code_id"] == "klimaat" for r in now)
    then = rows_of(export_table(corpus, "csv", Filters(codebook_version=1), actor="anna"))
    assert {r["code_name"] for r in then if r["code_id"] == "brussel"} == {"Brussel"}
    assert not any(r["code_id"] == "klimaat" for r in then)


def test_empty_selection_still_writes_valid_files(db) -> None:
    make_users(db, "an")
    codebook.load(db, DEFAULT, actor="an")
    assert rows_of(export_table(db, "csv", actor="an")) == []
    assert export_table(db, "jsonl", actor="an") == b""
    assert pq.read_table(io.BytesIO(export_table(db, "parquet", actor="an"))).num_rows == 0
    assert load_workbook(io.BytesIO(export_table(db, "xlsx", actor="an"))).sheetnames == ["Index"]
    with pytest.raises(ExchangeError, match="format 'pdf'"):
        export_table(db, "pdf", actor="an")
