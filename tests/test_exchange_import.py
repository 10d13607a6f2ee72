"""REFI-QDA project import from hand-written .qdpx files, and bad archives refused whole.

The hand-written projects exercise nested codes, several users, cases with typed
variables and odd positions (UTF-16 units from NVivo, CR LF, a BOM, characters
outside the BMP, white space at the edges, empty selections). Each bad archive
gives a clear error and leaves every table as it was.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from coder import codebook, coding, store
from coder.errors import CoderError, ExchangeError, PermissionDenied
from coder.exchange import import_project
from coder.exchange.archive import SafeZip
from coder.exchange.refi_read import read_project
from tests.accounts import make_users

USER_A = "10000000-0000-0000-0000-00000000000a"
USER_B = "10000000-0000-0000-0000-00000000000b"
TEXT_1 = "\ufeffÉén plan 😀 met vrijwilligers.\r\n Tweede regel over jongeren in Brussel.\r\n"


def code(guid: int, name: str, codable: bool = True, inner: str = "", about: str = "") -> str:
    description = f"<Description>{about}</Description>" if about else ""
    return (
        f'<Code guid="20000000-0000-0000-0000-{guid:012d}" name="{name}"'
        f' isCodable="{str(codable).lower()}">{description}{inner}</Code>'
    )


def ref(guid: int) -> str:
    return f'<CodeRef targetGUID="20000000-0000-0000-0000-{guid:012d}"/>'


CODEBOOK = (
    "<CodeBook><Codes>"
    + code(
        1,
        "Werking",
        False,
        code(2, "Vrijwilligers", True, code(3, "Jongeren"), about="Vrije inzet.")
        + code(5, "Andere"),
    )
    + code(4, "Andere", about="Rest.")
    + "</Codes></CodeBook>"
)


def units(text: str, fragment: str) -> tuple[int, int]:
    """UTF-16 positions of ``fragment`` in ``text`` as NVivo counts them (BOM not counted)."""
    body = text.removeprefix("\ufeff")
    start = body.index(fragment)
    before = len(body[:start].encode("utf-16-le")) // 2
    return before, before + len(fragment.encode("utf-16-le")) // 2


def selection(guid: int, span: tuple[int, int], codings: str, extra: str = "") -> str:
    start, end = span
    return (
        f'<PlainTextSelection guid="50000000-0000-0000-0000-{guid:012d}" startPosition="{start}"'
        f' endPosition="{end}">{extra}{codings}</PlainTextSelection>'
    )


def coding_xml(guid: int, code_guid: int, user: str | None = None, note: str = "") -> str:
    who = f' creatingUser="{user}"' if user else ""
    return (
        f'<Coding guid="60000000-0000-0000-0000-{guid:012d}"{who}>{ref(code_guid)}{note}</Coding>'
    )


def project(body: str, origin: str = "NVivo for Windows 12.6") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="Proef" origin="{origin}">{body}</Project>'
    )


def write(tmp_path: Path, qde: str | bytes, files: dict[str, bytes] | None = None) -> Path:
    path = tmp_path / "project.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def nvivo_like(tmp_path: Path) -> Path:
    users = (
        f'<Users><User guid="{USER_A}" name="Jan (extern)"/>'
        f'<User guid="{USER_B}" name="Marie"/></Users>'
    )
    variables = (
        "<Variables>"
        '<Variable guid="30000000-0000-0000-0000-000000000001" name="region"'
        ' typeOfVariable="Text"/>'
        '<Variable guid="30000000-0000-0000-0000-000000000002" name="subsidy"'
        ' typeOfVariable="Float"/>'
        '<Variable guid="30000000-0000-0000-0000-000000000003" name="branches"'
        ' typeOfVariable="Integer"/>'
        '<Variable guid="30000000-0000-0000-0000-000000000004" name="new_entrant"'
        ' typeOfVariable="Boolean"/>'
        '<Variable guid="30000000-0000-0000-0000-000000000005" name="functions"'
        ' typeOfVariable="Text"/>'
        '<Variable guid="30000000-0000-0000-0000-000000000006" name="Stichtingsjaar"'
        ' typeOfVariable="Integer"/>'
        "</Variables>"
    )

    def value(n: int, kind: str, text: str) -> str:
        return (
            f'<VariableValue><VariableRef targetGUID="30000000-0000-0000-0000-{n:012d}"/>'
            f"<{kind}>{text}</{kind}></VariableValue>"
        )

    cases = (
        '<Cases><Case guid="d0000000-0000-0000-0000-000000000001" name="Vormingplus Oost">'
        + value(1, "TextValue", "Oost-Vlaanderen")
        + value(2, "FloatValue", "301250.50")
        + value(3, "IntegerValue", "4")
        + value(4, "BooleanValue", "true")
        + value(5, "TextValue", "leerfunctie;cultuurfunctie")
        + value(6, "IntegerValue", "1978")
        + '<SourceRef targetGUID="40000000-0000-0000-0000-000000000001"/>'
        '</Case><Case guid="d0000000-0000-0000-0000-000000000002" name="Zonder plan"/></Cases>'
    )
    note = '<NoteRef targetGUID="a0000000-0000-0000-0000-000000000001"/>'
    source_1 = (
        '<TextSource guid="40000000-0000-0000-0000-000000000001" name="Oost.docx"'
        ' plainTextPath="internal://11111111-1111-1111-1111-111111111111.txt">'
        + selection(1, units(TEXT_1, "vrijwilligers"), coding_xml(1, 2, USER_A, note))
        + selection(
            2,
            units(TEXT_1, " jongeren in Brussel.\r\n"),  # white space at both edges
            coding_xml(2, 3, USER_B) + coding_xml(3, 1, USER_B),  # 1: a category
            extra="<Description>Goed voorbeeld.</Description>",
        )
        + selection(3, (4, 4), coding_xml(4, 4, USER_A))  # empty
        + selection(4, units(TEXT_1, "Tweede"), "")  # no coding
        + "</TextSource>"
    )
    source_2 = (
        '<TextSource guid="40000000-0000-0000-0000-000000000002" name="losse_nota.txt">'
        "<PlainTextContent>Een nota zonder organisatie.</PlainTextContent>"
        + selection(5, (4, 8), coding_xml(5, 4))
        + "</TextSource>"
        '<PictureSource guid="40000000-0000-0000-0000-000000000003" name="foto.jpg"'
        ' path="internal://22222222-2222-2222-2222-222222222222.jpg"/>'
    )
    notes = (
        '<Notes><Note guid="a0000000-0000-0000-0000-000000000001" name="memo">'
        "<PlainTextContent>Let op de telling.</PlainTextContent></Note></Notes>"
    )
    sets = (
        '<Sets><Set guid="c0000000-0000-0000-0000-000000000001" name="Set">'
        '<MemberCode targetGUID="20000000-0000-0000-0000-000000000002"/></Set></Sets>'
    )
    qde = project(
        users
        + CODEBOOK
        + variables
        + cases
        + "<Sources>"
        + source_1
        + source_2
        + "</Sources>"
        + notes
        + sets
    )
    files = {"Sources/11111111-1111-1111-1111-111111111111.txt": TEXT_1.encode("utf-8")}
    return write(tmp_path, qde, files)


@pytest.fixture(autouse=True)
def importers(tmp_path: Path) -> None:
    """Imports (and codebook loads) are for admins: these are, in the tests' databases."""
    for name in ("coder.db", "other.db"):
        make_users(tmp_path / name, "importer", "imp", "an")


def test_nvivo_like_project(db, tmp_path: Path) -> None:
    report = import_project(db, nvivo_like(tmp_path), actor="importer")
    assert report.positions == "NVivo counts UTF-16 code units"
    codings = {
        (r["coder"], r["code_id"]): r
        for r in db.query('SELECT coder, code_id, text, memo, start, "end" FROM codings')
    }
    assert codings.keys() == {
        ("Jan extern", "vrijwilligers"),
        ("Marie", "jongeren"),
        ("importer", "andere-2"),
    }
    assert codings[("Jan extern", "vrijwilligers")]["text"] == "vrijwilligers"
    assert codings[("Jan extern", "vrijwilligers")]["memo"] == "Let op de telling."
    assert codings[("Marie", "jongeren")]["text"] == "jongeren in Brussel."  # edges trimmed
    assert codings[("Marie", "jongeren")]["memo"] == "Goed voorbeeld."
    assert codings[("importer", "andere-2")]["text"] == "nota"
    text = db.execute("SELECT text FROM documents WHERE filename = 'Oost.docx'").fetchone()[0]
    assert "\r" not in text and not text.startswith("\ufeff")
    row = codings[("Jan extern", "vrijwilligers")]
    assert text[row["start"] : row["end"]] == "vrijwilligers"
    # nested codes, categories, placeholders, names made unique
    codes = {c.id: c for c in codebook.codes_at(db)}
    assert codes["jongeren"].parent_id == "vrijwilligers"
    assert codes["vrijwilligers"].parent_id == "werking" and codes["werking"].is_group
    assert codes["jongeren"].definition.startswith("Nog te definiëren")
    assert codes["vrijwilligers"].definition == "Vrije inzet."
    assert {codes["andere"].name, codes["andere-2"].name} == {"Andere", "Andere (Werking)"}
    # cases and variables
    org = next(db.query("SELECT * FROM organisations WHERE name = 'Vormingplus Oost'"))
    assert org["region"] == "Oost-Vlaanderen" and org["subsidy"] == 301250.5
    assert org["branches"] == 4 and org["new_entrant"] == 1
    assert json.loads(org["functions"]) == ["leerfunctie", "cultuurfunctie"]
    assert json.loads(org["extra"]) == {"Stichtingsjaar": "1978"}
    assert db.execute("SELECT 1 FROM organisations WHERE name = 'Zonder plan'").fetchone()
    loose = db.execute(
        "SELECT o.name FROM documents d JOIN organisations o ON o.id = d.organisation_id"
        " WHERE d.filename = 'losse_nota.txt'"
    ).fetchone()
    assert loose == ("losse nota",)
    assert report.users == {"Jan (extern)": "Jan extern", "Marie": "Marie"}
    skipped = {(s["what"], s["why"]): s["count"] for s in report.skipped}
    assert skipped[("codings", "coded with a category that is not codable")] == 1
    assert skipped[("codings", "the selection is empty or only white space")] == 1
    assert skipped[("selections", "no coding on the selection")] == 1
    assert skipped[("sources", "PictureSource: coder holds text only")] == 1
    assert skipped[("sets", "coder has no links, sets or graphs")] == 1
    # pages, segments and sentences exist, so the plan can be read and searched
    document = db.execute("SELECT id, page_count FROM documents WHERE filename = 'Oost.docx'")
    document_id, pages = document.fetchone()
    assert pages == 1
    assert (
        db.execute(
            "SELECT count(*) FROM sentences WHERE document_id = ?", [document_id]
        ).fetchone()[0]
        >= 2
    )


def test_user_map_and_existing_codebook(db, tmp_path: Path) -> None:
    codebook.load(db, Path(__file__).resolve().parents[1] / "codebook" / "default.yaml", actor="an")
    report = import_project(
        db, nvivo_like(tmp_path), actor="importer", user_map={"Marie": "marie-b", USER_A: "jan"}
    )
    assert report.users == {"Jan (extern)": "jan", "Marie": "marie-b"}
    assert report.codes["add"] == 3  # werking and vrijwilligers are the default's own ids
    assert codebook.get(db, "missie").name == "Missie"  # codes not in the file stay
    assert codebook.get(db, "vrijwilligers").definition == "Vrije inzet."


def test_atlas_counts_crlf_as_one_and_others_count_code_points(db, tmp_path: Path) -> None:
    text = "Regel één 😀\r\nregel twee met vrijwilligers\r\n"
    normalised = text.replace("\r\n", "\n")
    start = normalised.index("vrijwilligers")
    body = (
        CODEBOOK + '<Sources><TextSource guid="40000000-0000-0000-0000-000000000009" name="t"'
        ' plainTextPath="internal://t.txt">'
        + selection(1, (start, start + 13), coding_xml(1, 2))
        + "</TextSource></Sources>"
    )
    files = {"sources/t.txt": text.encode()}
    path = write(tmp_path, project(body, "ATLAS.ti 9.1"), files)
    report = import_project(db, path, actor="imp")
    assert report.codings == 1
    assert db.execute("SELECT text FROM codings").fetchone()[0] == "vrijwilligers"
    # the same span in code points of the file as written (CR LF = 2): MAXQDA, QualCoder
    other = store.connect(tmp_path / "other.db")
    raw = text.index("vrijwilligers")
    body = body.replace(f'startPosition="{start}"', f'startPosition="{raw}"').replace(
        f'endPosition="{start + 13}"', f'endPosition="{raw + 13}"'
    )
    (tmp_path / "maxqda").mkdir()
    import_project(
        other, write(tmp_path / "maxqda", project(body, "MAXQDA 24"), files), actor="imp"
    )
    assert other.execute("SELECT text FROM codings").fetchone()[0] == "vrijwilligers"


def test_auto_positions_follow_the_spans_when_the_tool_is_unknown(db, tmp_path: Path) -> None:
    """UTF-16 positions from a tool whose name says nothing: the word edges decide."""
    text = "".join(f"Zin {i} 🙂🙂 met woord{i} en meer.\n" for i in range(12))
    spans = "".join(
        selection(i + 1, units(text, f"woord{i}"), coding_xml(i + 1, 2)) for i in range(12)
    )
    body = (
        CODEBOOK + '<Sources><TextSource guid="40000000-0000-0000-0000-000000000009" name="t">'
        f"<PlainTextContent>{text}</PlainTextContent>{spans}</TextSource></Sources>"
    )
    report = import_project(db, write(tmp_path, project(body, "Onbekend 1.0")), actor="imp")
    assert report.positions.startswith("utf16")
    texts = sorted(r[0] for r in db.execute("SELECT text FROM codings"))
    assert texts == sorted(f"woord{i}" for i in range(12))


# -- bad archives: a clear error, nothing changed ----------------------------------------------


def state(db) -> dict[str, int]:
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        )
    ]
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def good_body(start: int = 0, end: int = 4, code_guid: int = 2) -> str:
    return (
        CODEBOOK + '<Sources><TextSource guid="40000000-0000-0000-0000-000000000009" name="t"'
        ' plainTextPath="internal://t.txt">'
        + selection(1, (start, end), coding_xml(1, code_guid))
        + "</TextSource></Sources>"
    )


BAD = {
    "not a zip": (b"dit is geen zip", {}, "not a ZIP archive"),
    "no project.qde": (None, {"sources/t.txt": b"tekst"}, "no project.qde"),
    "wrong namespace": (
        project(good_body()).replace("urn:QDA-XML:project:1.0", "urn:example:other"),
        {"sources/t.txt": b"Een tekst"},
        "a REFI-QDA project has",
    ),
    "a codebook": (
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
        {},
        "codebook, not a project",
    ),
    "not well-formed": (project(good_body())[:-12], {"sources/t.txt": b"x"}, "not well-formed"),
    "entities": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + project(good_body())[39:],
        {},
        "DOCTYPE",
    ),
    "past the end": (project(good_body(2, 40)), {"sources/t.txt": b"Een tekst"}, "past the end"),
    "reversed": (project(good_body(6, 2)), {"sources/t.txt": b"Een tekst"}, "is after"),
    "not a number": (
        project(good_body()).replace('endPosition="4"', 'endPosition="vier"'),
        {"sources/t.txt": b"Een tekst"},
        "whole numbers",
    ),
    "unknown code": (
        project(good_body(code_guid=99)),
        {"sources/t.txt": b"Een tekst"},
        "is not a code of the project's codebook",
    ),
    "missing source": (project(good_body()), {}, "missing from the archive"),
    "zip slip": (project(good_body()), {"../evil.txt": b"x"}, "path traversal"),
    "traversal in a path": (
        project(good_body().replace("internal://t.txt", "internal://../../etc/passwd")),
        {},
        "points outside the project",
    ),
    "not UTF-8": (project(good_body()), {"sources/t.txt": b"caf\xe9 tekst"}, "not UTF-8"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_archives_change_nothing(db, tmp_path: Path, case: str) -> None:
    codebook.load(db, Path(__file__).resolve().parents[1] / "codebook" / "default.yaml", actor="an")
    before = state(db)
    qde, files, message = BAD[case]
    if isinstance(qde, bytes):
        path = tmp_path / "project.qdpx"
        path.write_bytes(qde)
    elif qde is None:
        path = tmp_path / "project.qdpx"
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in files.items():
                archive.writestr(name, data)
    else:
        path = write(tmp_path, qde, files)
    with pytest.raises(ExchangeError) as error:
        import_project(db, path, actor="imp")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert state(db) == before


def test_truncated_archive_is_refused(db, tmp_path: Path) -> None:
    path = write(tmp_path, project(good_body()), {"sources/t.txt": b"Een tekst " * 500})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = state(db)
    with pytest.raises(ExchangeError, match="not a ZIP archive or damaged"):
        import_project(db, path, actor="imp")
    assert state(db) == before


def test_missing_sources_may_be_skipped_when_asked(db, tmp_path: Path) -> None:
    path = write(tmp_path, project(good_body()), {})
    report = import_project(db, path, actor="imp", allow_missing_sources=True)
    assert report.documents_new == 0 and report.codings == 0
    assert {"what": "sources", "count": 1, "why": "the text file is missing from the archive"} in (
        report.skipped
    )


def test_oversized_entries_are_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, project(good_body()), {"sources/t.txt": b"a" * 5000})
    with pytest.raises(ExchangeError, match="more than the 1,000 allowed"):
        SafeZip(path, max_entry=1000)
    with pytest.raises(ExchangeError, match="more than the 1,000 allowed"):
        read_project(path, max_entry=1000)
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project(good_body()))
        archive.writestr("sources/t.txt", b"\0" * 50_000_000)
    with pytest.raises(ExchangeError, match="possible zip bomb"):
        SafeZip(bomb)


def test_a_failure_while_writing_rolls_everything_back(db, tmp_path: Path) -> None:
    """Steering-group members do not code: the import fails after documents and codes went in."""
    coding.ensure_user(db, "stuur")
    db.execute("UPDATE users SET role = 'steering' WHERE name = 'stuur'")
    before = state(db)
    with pytest.raises(PermissionDenied):
        import_project(db, nvivo_like(tmp_path), actor="imp", user_map={"Marie": "stuur"})
    assert state(db) == before
    assert isinstance(PermissionDenied("x"), CoderError)
