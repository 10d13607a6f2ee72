"""REFI-QDA codebook exchange (.qdc): schema-valid export, lossless round trip, real files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from coder import codebook as cb
from coder import store
from coder.codebook.model import default_guid
from coder.codebook.qdc import describe, parse_description
from coder.errors import CodebookError
from tests.accounts import make_users

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "codebook" / "default.yaml"
REFI = ROOT.parent / "shared" / "refi-qda"
SAMPLES = REFI / "samples"
NS = {"q": "urn:QDA-XML:codebook:1.0"}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(REFI / "Codebook-mrt2019.xsd"))


@pytest.fixture(autouse=True)
def admins(tmp_path: Path) -> None:
    """The codebook's editors, in every database these tests open."""
    for name in ("coder.db", "fresh.db", "other.db", "cli.db", "t.db"):
        make_users(tmp_path / name, "an", "bo", "cas", "x", "admin")


@pytest.fixture
def loaded(db):
    cb.load(db, DEFAULT, actor="an")
    return db


def snapshot(db) -> list[dict]:
    return [c.as_dict() for c in cb.codes_at(db)]


def export_to(db, path: Path, **kwargs) -> Path:
    path.write_bytes(cb.export(db, "qdc", **kwargs))
    return path


def test_export_is_valid_against_the_codebook_xsd(loaded, schema, tmp_path) -> None:
    path = export_to(loaded, tmp_path / "codeboek.qdc")
    schema.validate(str(path))
    data = path.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook')
    assert not data.startswith(b"\xef\xbb\xbf")
    root = ET.fromstring(data)
    groups = root.findall("q:Codes/q:Code", NS)
    assert [g.get("isCodable") for g in groups] == ["false"] * 5
    assert sum(len(g.findall("q:Code", NS)) for g in groups) == 30
    missie = groups[0].find("q:Code", NS)
    assert (missie.get("name"), missie.get("color"), missie.get("isCodable")) == (
        "Missie",
        "#2e75b6",
        "true",
    )
    description = missie.find("q:Description", NS).text
    assert description.startswith("De kernopdracht van de organisatie")
    assert "\n\nWel coderen: Expliciete missieformuleringen" in description
    assert description.endswith("Korte naam: Missie\n\nCode-id: missie")


def test_db_qdc_db_is_lossless(loaded, schema, tmp_path) -> None:
    cb.add(
        loaded,
        cb.Code(
            "lastig",
            'Lastig: <tekst> & "quotes"',
            "Alinea één.\n\nAlinea twee met Wel coderen: midden in de zin.",
            "missie",
            short_name="lastig",
            colour="#AbC",
            inclusion="Meerdere\nregels.",
            examples=["Eén 🙂.", "Twee: ook."],
        ),
        actor="an",
    )
    cb.add(loaded, cb.Code("los", "Los bovenaan", "Zonder groep."), actor="an")
    cb.edit(loaded, "visie", actor="an", colour="", examples=[], inclusion="", exclusion="")
    path = export_to(loaded, tmp_path / "a.qdc")
    schema.validate(str(path))
    fresh = store.connect(tmp_path / "fresh.db")
    result = cb.import_qdc(fresh, path, actor="bo")
    assert result.version == 1 and result.warnings == []
    assert snapshot(fresh) == snapshot(loaded)
    # importing it back into the database it came from changes nothing
    assert cb.import_qdc(loaded, path, actor="bo").version is None


def test_guids_are_stable_across_exports(loaded, tmp_path) -> None:
    def guids(data: bytes) -> dict[str, str]:
        root = ET.fromstring(data)
        return {c.get("name"): c.get("guid") for c in root.iter(f"{{{NS['q']}}}Code")}

    first = guids(cb.export(loaded, "qdc"))
    assert first == guids(cb.export(loaded, "qdc"))
    assert first["Missie"] == default_guid("missie")
    cb.rename(loaded, "missie", "Opdracht", actor="bo")
    cb.move(loaded, "brussel", None, actor="bo")
    second = guids(cb.export(loaded, "qdc"))
    assert second["Opdracht"] == first["Missie"] and second["Brussel"] == first["Brussel"]
    other = store.connect(tmp_path / "other.db")
    cb.load(other, DEFAULT, actor="cas")
    assert guids(cb.export(other, "qdc")) == first  # same code, same GUID, any database


def test_a_code_edited_in_another_tool_is_matched_by_guid(loaded, tmp_path) -> None:
    """A tool that rewrites descriptions (no Code-id lines) and renames: still the same code."""
    text = cb.export(loaded, "qdc").decode()
    text = text.replace("\n\nCode-id: missie</Description>", "</Description>")
    text = text.replace('name="Missie"', 'name="Missie (herzien)"')
    path = tmp_path / "other-tool.qdc"
    path.write_text(text, encoding="utf-8")
    result = cb.import_qdc(loaded, path, actor="bo")
    assert [(c.code_id, c.action, c.field) for c in result.changes] == [
        ("missie", "rename", "name")
    ]


def test_description_paragraphs_round_trip() -> None:
    code = cb.Code(
        "x",
        "X",
        "Eén.\n\nTwee.",
        inclusion="In.",
        exclusion="Uit.\n\nMeer uit.",
        examples=["A.", "B.\n\nC."],
        short_name="x",
    )
    parsed = parse_description(describe(code))
    assert parsed == {
        "definition": "Eén.\n\nTwee.",
        "inclusion": "In.",
        "exclusion": "Uit.\n\nMeer uit.",
        "examples": ["A.", "B.\n\nC."],
        "short_name": "x",
        "id": "x",
    }
    assert parse_description("Zomaar een beschrijving.\r\n\r\nMet twee alinea's.") == {
        "definition": "Zomaar een beschrijving.\n\nMet twee alinea's.",
        "examples": [],
    }


# -- files of other tools ------------------------------------------------------------------


def test_import_the_refi_annex_example(db, schema, tmp_path) -> None:
    result = cb.import_qdc(db, SAMPLES / "refi15_annexA1_codebook.qdc", actor="an")
    codes = {c.id: c for c in cb.codes_at(db)}
    assert result.counts() == {"add": 6}
    assert codes["topics"].is_group and not codes["economy"].is_group
    assert codes["economy"].colour == "#ffff00"
    assert codes["economy"].definition == "Anything about jobs or taxes or business"
    # braces and case are normalised; the other tool's GUIDs are kept for the way back
    assert codes["topics"].guid == "5215cc69-b628-4e02-afb9-9beeaee55808"
    path = export_to(db, tmp_path / "back.qdc")
    schema.validate(str(path))
    back = {c.get("name"): c.get("guid") for c in ET.parse(path).iter(f"{{{NS['q']}}}Code")}
    assert back["Values"] == "9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520"


def test_import_taguette_needs_definitions(db) -> None:
    path = SAMPLES / "taguette141_codebook.qdc"
    with pytest.raises(CodebookError) as info:
        cb.import_qdc(db, path, actor="an")
    assert "code 'xsd-element-name': definition is missing" in info.value.problems
    assert cb.current_version(db) == 0
    result = cb.import_qdc(db, path, actor="an", fill_definitions=True)
    assert result.counts() == {"add": 3}  # the empty <Sets/> is tolerated
    codes = cb.codes_at(db)
    assert [c.name for c in codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert codes[0].definition.startswith("Nog te definiëren")
    assert codes[1].guid == "a2209cff-8e89-5b0a-a7b0-cddc4be92936"


def test_import_openqda_with_non_guid_ids_warns(db) -> None:
    result = cb.import_qdc(
        db, SAMPLES / "openqda_example_codebook.qdc", actor="an", fill_definitions=True
    )
    assert result.version == 1
    assert result.warnings and all("is not a GUID" in w for w in result.warnings)
    codes = cb.codes_at(db)
    assert any(c.parent_id for c in codes)  # the nesting survived
    assert all(len(c.guid) == 36 for c in codes)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ((SAMPLES / "openqda_example_codebook_defect.qdc").read_bytes(), "not well-formed XML"),
        (b"", "not well-formed XML"),
        (b'<CodeBook xmlns="urn:other"><Codes/></CodeBook>', "root element is"),
        (b"<CodeBook><Codes/></CodeBook>", "root element is 'CodeBook'"),
        (
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>',
            "this is a REFI-QDA project (project.qde), not a codebook",
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
            "no <Codes> with at least one <Code>",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>',
            "DOCTYPE and entity declarations are not allowed",
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            b'<Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="A" isCodable="true"'
            b' color="rgb(1,2,3)"><Description>D.</Description></Code></Codes></CodeBook>',
            "code 'a': colour 'rgb(1,2,3)' is not a colour; use #RRGGBB",
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            b'<Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="A" isCodable="ja">'
            b"<Description>D.</Description></Code></Codes></CodeBook>",
            "Code 'A': isCodable must be true or false, not 'ja'",
        ),
        (
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            b'<Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="A" isCodable="true">'
            b"<Description>D.</Description></Code>"
            b'<Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="B" isCodable="true">'
            b"<Description>D.</Description></Code></Codes></CodeBook>",
            "guid 5215cc69-b628-4e02-afb9-9beeaee55808 is also used by code 'a'",
        ),
    ],
)
def test_bad_qdc_files_change_nothing(loaded, tmp_path, content, message) -> None:
    path = tmp_path / "bad.qdc"
    path.write_bytes(content)
    before = (cb.current_version(loaded), snapshot(loaded))
    with pytest.raises(CodebookError) as info:
        cb.import_qdc(loaded, path, actor="an")
    assert message in str(info.value)
    assert (cb.current_version(loaded), snapshot(loaded)) == before


def test_nvivo_mac_namespace_is_read(db, tmp_path) -> None:
    path = tmp_path / "nvivo-mac.qdc"
    path.write_bytes(
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes>'
        b'<Code guid="{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}" name="Economy" isCodable="true">'
        b"<Description>Jobs.</Description></Code></Codes></CodeBook>"
    )
    cb.import_qdc(db, path, actor="an")
    [code] = cb.codes_at(db)
    assert (code.id, code.guid) == ("economy", "d7aa29da-519b-4946-9b90-253b6db8fd0a")


def test_cli_export_and_import_qdc(tmp_path, schema) -> None:
    from click.testing import CliRunner

    from coder.cli import main

    runner = CliRunner()
    db_path = tmp_path / "cli.db"
    out = tmp_path / "codeboek.qdc"
    assert (
        runner.invoke(main, ["--db", str(db_path), "codebook", "load", str(DEFAULT)]).exit_code == 0
    )
    result = runner.invoke(
        main, ["--db", str(db_path), "codebook", "export", "--format", "qdc", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    schema.validate(str(out))
    other = tmp_path / "other.db"
    result = runner.invoke(main, ["--db", str(other), "codebook", "import", str(out), "--as", "x"])
    assert result.exit_code == 0 and "version 1: import codeboek.qdc: 35 added" in result.output
    taguette = str(SAMPLES / "taguette141_codebook.qdc")
    result = runner.invoke(main, ["--db", str(tmp_path / "t.db"), "codebook", "import", taguette])
    assert result.exit_code == 1
    assert "definition is missing" in result.output and "Traceback" not in result.output
    result = runner.invoke(
        main,
        ["--db", str(tmp_path / "t.db"), "codebook", "import", taguette, "--fill-definitions"],
    )
    assert result.exit_code == 0
    assert "warning" not in result.output and "3 added" in result.output
