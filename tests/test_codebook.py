"""The codebook: default file, YAML round trip, validation, versions, diff, merge/split/retire."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import codebook as cb
from coder import store
from coder.cli import main
from coder.codebook.model import default_guid
from coder.codebook.yaml_io import dump_yaml, parse_yaml, read_yaml
from coder.errors import CodebookError, NotFoundError
from tests.accounts import make_users

DEFAULT = Path(__file__).resolve().parents[1] / "codebook" / "default.yaml"
GROUPS = {
    "identiteit-strategie": [
        "missie",
        "visie",
        "contextanalyse",
        "zelfevaluatie-swot",
        "strategische-doelstellingen",
        "operationele-doelstellingen",
        "civiel-actorschap",
    ],
    "functies": [
        "cultuurfunctie",
        "leerfunctie",
        "gemeenschapsvormende-functie",
        "maatschappelijke-bewegingsfunctie",
    ],
    "rollen": ["verbindende-rol", "kritische-rol", "laboratoriumrol"],
    "werking": [
        "doelgroepen",
        "participatie-bereik",
        "vrijwilligers",
        "diversiteit-inclusie",
        "digitalisering",
        "samenwerking-netwerken",
        "lokale-werking",
        "brussel",
        "internationale-werking",
        "innovatie-experiment",
        "communicatie-beeldvorming",
    ],
    "zakelijk-deel": [
        "financien",
        "medewerkers",
        "goed-bestuur",
        "infrastructuur",
        "kwaliteitszorg",
    ],
}


ADMINS = ("an", "bo", "a", "cas", "admin")


@pytest.fixture(autouse=True)
def admins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The codebook's editors, in every database these tests open."""
    make_users(tmp_path / "coder.db", *ADMINS)
    make_users(tmp_path / "cli.db", *ADMINS)
    make_users(tmp_path / "fresh.db", *ADMINS)
    monkeypatch.setenv("USER", "admin")  # the CLI's default --as


@pytest.fixture
def loaded(db):
    cb.load(db, DEFAULT, actor="an")
    return db


def snapshot(db) -> list[dict]:
    return [c.as_dict() for c in cb.codes_at(db)]


def state(db) -> tuple:
    """Everything a failed change must leave alone."""
    return (
        cb.current_version(db),
        list(db.query("SELECT * FROM codes ORDER BY id")),
        list(db.query("SELECT * FROM codings ORDER BY id")),
    )


def add_document(db, name: str = "plan.pdf") -> int:
    with store.transaction(db):
        cursor = db.execute(
            "INSERT INTO documents (path, filename, status, text) VALUES (?, ?, 'ingested', ?)",
            [f"/plans/{name}", name, "x" * 5000],
        )
    return cursor.lastrowid


def add_coding(db, document: int, start: int, end: int, code: str, coder: str = "an", memo=""):
    with store.transaction(db):
        cursor = db.execute(
            'INSERT INTO codings (document_id, start, "end", text, code_id, coder, memo,'
            " created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?, 't', 't')",
            [document, start, end, code, coder, memo],
        )
    return cursor.lastrowid


def live(db, code_id: str) -> list[tuple]:
    return db.execute(
        'SELECT document_id, start, "end", coder FROM codings'
        " WHERE code_id = ? AND deleted_at IS NULL ORDER BY 1, 2, 3, 4",
        [code_id],
    ).fetchall()


# -- the default codebook ------------------------------------------------------------------


def test_default_codebook_has_the_fixed_ids_and_every_field() -> None:
    codes = read_yaml(DEFAULT)
    groups = [c for c in codes if c.is_group]
    assert [g.id for g in groups] == list(GROUPS)
    for group in groups:
        assert [c.id for c in codes if c.parent_id == group.id] == GROUPS[group.id]
    codable = [c for c in codes if not c.is_group]
    assert len(codable) == 30
    for code in codable:
        assert code.definition and code.inclusion and code.exclusion, code.id
        assert code.examples and all(len(e) > 20 for e in code.examples), code.id
        assert code.colour and code.short_name, code.id
        assert len(code.definition) < 250, f"{code.id}: a definition is read in seconds"
    assert len({c.colour for c in codes}) == len(codes)


def test_ensure_default_codebook_loads_once(db) -> None:
    first = cb.ensure_default_codebook(db)
    assert first is not None and first.version == 1
    assert first.counts() == {"add": 35}
    assert cb.ensure_default_codebook(db) is None
    assert cb.current_version(db) == 1
    assert cb.log(db)[0].actor == "coder"


# -- YAML round trip -----------------------------------------------------------------------

TRICKY = """\
format: coder-codebook/1
codes:
  - id: top
    name: "Top: met dubbelepunt"
    group: true
    codes:
      - id: midden
        name: Midden
        definition: |
          Eerste alinea met 'quotes' en "dubbele".

          Tweede alinea: # geen commentaar, wel een hekje.
        codes:
          - id: diep
            name: Diep
            colour: "#AbC"
            definition: Drie niveaus diep; accenten é ë ç en een emoji 🙂.
            examples: [Eén zin., "Twee: zinnen."]
            guid: "{5215CC69-B628-4E02-AFB9-9BEEAEE55808}"
  - id: los
    name: Los, zonder groep
    short_name: los
    definition: '- begint met een streepje'
    inclusion: "yes"
    exclusion: "123"
  - id: later
    name: Later
    parent: top
    definition: Hangt via parent onder top.
"""


def test_yaml_db_yaml_is_lossless_for_the_default(loaded, tmp_path: Path) -> None:
    original = [c.as_dict() for c in read_yaml(DEFAULT)]
    stored = snapshot(loaded)
    # the file names no GUIDs: each code gets the one derived from its id
    assert all(c["guid"] == default_guid(c["id"]) for c in stored)
    assert [{**c, "guid": ""} for c in stored] == original
    exported = cb.export(loaded, "yaml").decode()
    assert [c.as_dict() for c in parse_yaml(exported)] == original
    path = tmp_path / "export.yaml"
    path.write_text(exported, encoding="utf-8")
    assert cb.load(loaded, path, actor="bo").version is None
    fresh = store.connect(tmp_path / "fresh.db")
    cb.load(fresh, path, actor="an")
    assert snapshot(fresh) == stored

    def body(text: str) -> str:
        return "".join(line for line in text.splitlines(True) if not line.startswith("#"))

    assert body(cb.export(fresh, "yaml").decode()) == body(exported)


def test_yaml_round_trip_keeps_tricky_text_nesting_and_guids(db, tmp_path: Path) -> None:
    source = tmp_path / "tricky.yaml"
    source.write_text(TRICKY, encoding="utf-8")
    cb.load(db, source, actor="an")
    codes = cb.codes_at(db)
    by_id = {c.id: c for c in codes}
    assert by_id["diep"].parent_id == "midden" and by_id["midden"].parent_id == "top"
    assert by_id["midden"].definition.startswith("Eerste alinea") and "\n\n" in (
        by_id["midden"].definition
    )
    assert by_id["diep"].guid == "5215cc69-b628-4e02-afb9-9beeaee55808"
    assert by_id["los"].inclusion == "yes" and by_id["los"].exclusion == "123"
    assert by_id["later"].parent_id == "top"
    text = cb.export(db, "yaml").decode()
    assert "guid: 5215cc69-b628-4e02-afb9-9beeaee55808" in text  # not derived: kept
    exported = tmp_path / "export.yaml"
    exported.write_text(text, encoding="utf-8")
    fresh = store.connect(tmp_path / "fresh.db")
    cb.load(fresh, exported, actor="an")
    assert snapshot(fresh) == snapshot(db)
    assert dump_yaml(parse_yaml(text)) == dump_yaml(codes)


# -- validation ----------------------------------------------------------------------------

VALID_CODE = "  - id: ok\n    name: Goed\n    definition: Een goede code.\n"
BAD_FILES = {
    "duplicate id": (
        VALID_CODE + "  - id: ok\n    name: Ander\n    definition: D.\n",
        ["code 'ok': id is used by more than one code"],
    ),
    "duplicate name (case ignored)": (
        VALID_CODE + "  - id: twee\n    name: goed\n    definition: D.\n",
        ["code 'twee': name 'goed' is also the name of code 'ok'"],
    ),
    "missing definition": (
        VALID_CODE + "  - id: leeg\n    name: Leeg\n",
        ["code 'leeg': definition is missing"],
    ),
    "unknown parent": (
        VALID_CODE + "  - id: wees\n    name: Wees\n    parent: nergens\n    definition: D.\n",
        ["code 'wees': parent 'nergens' is not a code in this codebook"],
    ),
    "cycle": (
        "  - id: a\n    name: A\n    parent: b\n    definition: D.\n"
        "  - id: b\n    name: B\n    parent: a\n    definition: D.\n",
        ["code 'a': parent chain a -> b -> a is a cycle (a code cannot be under itself)"],
    ),
    "self parent": (
        "  - id: a\n    name: A\n    parent: a\n    definition: D.\n",
        ["code 'a': parent chain a -> a is a cycle (a code cannot be under itself)"],
    ),
    "bad colour": (
        VALID_CODE + "  - id: kleur\n    name: K\n    colour: rood\n    definition: D.\n",
        ["code 'kleur': colour 'rood' is not a colour; use #RRGGBB"],
    ),
    "colour with alpha": (
        VALID_CODE + "  - id: kleur\n    name: K\n    colour: '#11223344'\n    definition: D.\n",
        ["code 'kleur': colour '#11223344' is not a colour; use #RRGGBB"],
    ),
    "unquoted colour": (
        VALID_CODE + "  - id: kleur\n    name: K\n    colour: #112233\n    definition: D.\n",
        [
            "code 'kleur': colour is empty; quote it, e.g. colour: \"#2e6f95\""
            " (an unquoted # starts a YAML comment)"
        ],
    ),
    "unknown field": (
        VALID_CODE + "  - id: typo\n    name: T\n    defintion: D.\n",
        [
            "code 'typo': unknown field 'defintion' (did you mean 'definition'?)",
            "code 'typo': definition is missing",
        ],
    ),
    "bad id": (
        "  - id: Grote Letters\n    name: G\n    definition: D.\n",
        [
            "code 'Grote Letters': id must be lower-case letters, digits and single hyphens"
            " (e.g. 'grote-letters')"
        ],
    ),
    "missing id and name": (
        "  - definition: D.\n",
        ["code named '': id is missing", "code named '': name is missing"],
    ),
    "examples not a list": (
        "  - id: v\n    name: V\n    definition: D.\n    examples: {a: b}\n",
        ["code 'v': examples must be a list of sentences"],
    ),
    "group not a boolean": (
        "  - id: g\n    name: G\n    group: misschien\n",
        ["code 'g': group must be true or false", "code 'g': definition is missing"],
    ),
    "nested parent contradicts": (
        "  - id: g\n    name: G\n    group: true\n    codes:\n"
        "      - id: k\n        name: K\n        parent: x\n        definition: D.\n",
        ["code 'k': parent 'x' contradicts its place under 'g'"],
    ),
    "short name too long": (
        "  - id: k\n    name: K\n    short_name: " + "x" * 40 + "\n    definition: D.\n",
        ["code 'k': short_name is 40 characters; keep it to 32"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_every_validation_problem_is_named_and_changes_nothing(loaded, tmp_path, case) -> None:
    body, expected = BAD_FILES[case]
    path = tmp_path / "bad.yaml"
    path.write_text("format: coder-codebook/1\ncodes:\n" + body, encoding="utf-8")
    before = state(loaded)
    with pytest.raises(CodebookError) as info:
        cb.load(loaded, path, actor="an")
    assert info.value.problems == expected
    assert info.value.source == str(path)
    assert state(loaded) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("codes: [\n  - id: a\n", "not valid YAML"),
        ("codes:\n  - id: a\n    name: x: y\n", "line 3, column 12: not valid YAML"),
        ("- id: a\n", "must be a mapping with a list under 'codes:'"),
        ("", "must be a mapping with a list under 'codes:'"),
        ("format: other/2\ncodes: []\n", "format 'other/2' is not 'coder-codebook/1'"),
        ("title: x\ncodes: []\n", "top level: unknown field 'title'"),
    ],
)
def test_broken_files_change_nothing(loaded, tmp_path, text, message) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    before = state(loaded)
    with pytest.raises(CodebookError) as info:
        cb.load(loaded, path, actor="an")
    assert message in str(info.value)
    assert state(loaded) == before


def test_unreadable_file_is_a_codebook_error(db, tmp_path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("codes: []\nname: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CodebookError, match="cannot read the file"):
        cb.load(db, path, actor="an")
    with pytest.raises(CodebookError, match="cannot read the file"):
        cb.load(db, tmp_path / "missing.yaml", actor="an")


def test_a_change_needs_an_actor(loaded) -> None:
    with pytest.raises(CodebookError, match="who makes the change is missing"):
        cb.rename(loaded, "missie", "X", actor=" ")


# -- versions ------------------------------------------------------------------------------


def test_every_change_is_a_version_with_who_and_when(loaded) -> None:
    document = add_document(loaded)
    coding = add_coding(loaded, document, 10, 20, "missie")
    cb.rename(loaded, "missie", "Missie en opdracht", actor="bo")
    cb.edit(loaded, "visie", actor="cas", definition="Een nieuwe definitie.")
    cb.add(
        loaded,
        cb.Code("klimaat", "Klimaat en duurzaamheid", "Aandacht voor klimaat.", "werking"),
        actor="an",
    )
    cb.move(loaded, "brussel", "identiteit-strategie", actor="bo")
    versions = cb.log(loaded)
    assert [(v.version, v.actor) for v in versions] == [
        (5, "bo"),
        (4, "an"),
        (3, "cas"),
        (2, "bo"),
        (1, "an"),
    ]
    assert versions[3].summary == "rename missie: 'Missie' -> 'Missie en opdracht'"
    assert all(v.created_at.endswith("+00:00") for v in versions)
    # codings point at the stable id: the rename did not touch them
    row = loaded.execute("SELECT code_id FROM codings WHERE id = ?", [coding]).fetchone()
    assert row == ("missie",)
    assert cb.coding_counts(loaded) == {"missie": 1}
    assert [v.version for v in cb.log(loaded, code_id="missie")] == [2, 1]


def test_a_change_that_changes_nothing_makes_no_version(loaded) -> None:
    result = cb.rename(loaded, "missie", "Missie", actor="bo")
    assert result.version is None
    assert cb.current_version(loaded) == 1


def test_every_version_can_be_rebuilt_from_the_log(loaded, tmp_path) -> None:
    snapshots = {1: snapshot(loaded)}
    document = add_document(loaded)
    add_coding(loaded, document, 0, 5, "visie")
    steps = [
        lambda: cb.rename(loaded, "missie", "Opdracht", actor="a", short_name="Opdr"),
        lambda: cb.move(loaded, "brussel", None, actor="a"),
        lambda: cb.move(loaded, "vrijwilligers", "werking", actor="a", position=0),
        lambda: cb.edit(loaded, "visie", actor="a", examples=["Eén.", "Twee."], colour=""),
        lambda: cb.merge(loaded, "visie", "missie", actor="a"),
        lambda: cb.split(
            loaded,
            "digitalisering",
            [cb.Code("digitale-werking", "Digitale werking"), cb.Code("digitale-kloof", "Kloof")],
            actor="a",
        ),
        lambda: cb.retire(loaded, "digitalisering", actor="a"),
        lambda: cb.load(loaded, DEFAULT, actor="a"),  # restores, retires the split codes
    ]
    for step in steps:
        version = step().version
        snapshots[version] = snapshot(loaded)
    assert cb.current_version(loaded) == len(steps) + 1
    for version, expected in snapshots.items():
        assert [c.as_dict() for c in cb.replay(loaded, version)] == expected, version
        assert [c.as_dict() for c in cb.codes_at(loaded, version)] == expected, version
    restored = cb.log(loaded)[0]
    actions = {(c.code_id, c.action) for c in restored.changes}
    assert ("digitalisering", "restore") in actions and ("visie", "restore") in actions
    assert ("digitale-kloof", "retire") in actions
    assert snapshots[len(steps) + 1] == snapshots[1]


def test_diff_shows_a_known_change(loaded) -> None:
    cb.rename(loaded, "missie", "Missie en opdracht", actor="bo")
    cb.edit(loaded, "visie", actor="bo", definition="Nieuw.")
    cb.add(loaded, cb.Code("klimaat", "Klimaat", "Over klimaat.", "werking"), actor="bo")
    cb.retire(loaded, "brussel", actor="bo")
    cb.move(loaded, "kritische-rol", "rollen", actor="bo", position=0)
    diffs = [d.as_dict() for d in cb.diff(loaded, 1, 6)]
    old_visie = read_yaml(DEFAULT)[2].definition
    assert diffs == [
        {
            "code_id": "missie",
            "kind": "changed",
            "name": "Missie en opdracht",
            "fields": {"name": {"before": "Missie", "after": "Missie en opdracht"}},
            "note": "",
        },
        {
            "code_id": "visie",
            "kind": "changed",
            "name": "Visie",
            "fields": {"definition": {"before": old_visie, "after": "Nieuw."}},
            "note": "",
        },
        {
            "code_id": "kritische-rol",
            "kind": "changed",
            "name": "Kritische rol",
            "fields": {"position": {"before": 2, "after": 1}},
            "note": "",
        },
        {
            "code_id": "verbindende-rol",
            "kind": "changed",
            "name": "Verbindende rol",
            "fields": {"position": {"before": 1, "after": 2}},
            "note": "",
        },
        {"code_id": "klimaat", "kind": "added", "name": "Klimaat", "fields": {}, "note": ""},
        {
            "code_id": "brussel",
            "kind": "removed",
            "name": "Brussel",
            "fields": {},
            "note": "retired (v5)",
        },
    ]
    back = {d.code_id: d.kind for d in cb.diff(loaded, 6, 1)}
    assert back["klimaat"] == "removed" and back["brussel"] == "added"
    assert cb.diff(loaded, 3, 3) == []
    with pytest.raises(NotFoundError, match="no codebook version 9"):
        cb.diff(loaded, 1, 9)


def test_export_of_an_old_version(loaded) -> None:
    first = cb.export(loaded, "yaml").decode()
    cb.rename(loaded, "missie", "Anders", actor="bo")
    old = cb.export(loaded, "yaml", version=1).decode()
    assert [c.as_dict() for c in parse_yaml(old)] == [c.as_dict() for c in parse_yaml(first)]
    assert "Anders" in cb.export(loaded, "md").decode()
    assert "Anders" not in cb.export(loaded, "md", version=1).decode()


# -- merge, split, retire ------------------------------------------------------------------


def test_merge_moves_every_coding_once(loaded) -> None:
    doc, other = add_document(loaded, "a.pdf"), add_document(loaded, "b.pdf")
    add_coding(loaded, doc, 0, 10, "visie", "an", memo="visie-memo")  # twin of a missie coding
    add_coding(loaded, doc, 0, 10, "visie", "bo")  # same span, other coder: kept
    add_coding(loaded, doc, 50, 80, "visie", "an")
    add_coding(loaded, other, 5, 9, "visie", "an")
    add_coding(loaded, doc, 0, 10, "missie", "an", memo="missie-memo")
    add_coding(loaded, other, 100, 200, "missie", "cas")
    deleted = add_coding(loaded, doc, 300, 310, "visie", "an")
    loaded.execute("UPDATE codings SET deleted_at = 't' WHERE id = ?", [deleted])
    fragments = set(live(loaded, "visie")) | set(live(loaded, "missie"))
    assert (len(live(loaded, "visie")), len(live(loaded, "missie"))) == (4, 2)

    result = cb.merge(loaded, "visie", "missie", actor="bo")

    assert (result.moved, result.duplicates) == (3, 1)
    assert live(loaded, "visie") == []
    assert len(live(loaded, "missie")) == 4 + 2 - 1
    assert set(live(loaded, "missie")) == fragments
    memo = loaded.execute(
        "SELECT memo FROM codings WHERE code_id = 'missie' AND coder = 'an' AND start = 0"
        " AND deleted_at IS NULL"
    ).fetchone()[0]
    assert memo == "missie-memo\n\nvisie-memo"
    assert "visie" not in {c.id for c in cb.codes_at(loaded)}
    with pytest.raises(NotFoundError, match="'visie' was merged into 'missie' in version 2"):
        cb.get(loaded, "visie")
    change = next(c for c in cb.log(loaded)[0].changes if c.action == "merge")
    assert change.detail == {"into": "missie", "moved": 3, "duplicates": 1}


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("missie", "missie", "a code cannot be merged into itself"),
        ("missie", "functies", "code 'functies' is a group, which cannot hold codings"),
        ("functies", "missie", "code 'functies' is a group; move or merge its subcodes instead"),
        ("missie", "nergens", "no code 'nergens'"),
    ],
)
def test_merge_refusals_change_nothing(loaded, source, target, message) -> None:
    add_coding(loaded, add_document(loaded), 0, 10, "missie")
    before = state(loaded)
    with pytest.raises((CodebookError, NotFoundError), match=message):
        cb.merge(loaded, source, target, actor="bo")
    assert state(loaded) == before


def test_merge_of_a_code_with_subcodes_is_refused(loaded) -> None:
    cb.add(loaded, cb.Code("sub", "Sub", "Onder missie.", "missie"), actor="bo")
    before = state(loaded)
    with pytest.raises(CodebookError, match=r"has subcodes \(sub\); move them first"):
        cb.merge(loaded, "missie", "visie", actor="bo")
    assert state(loaded) == before


def test_split_keeps_codings_until_reassigned(loaded) -> None:
    doc = add_document(loaded)
    ids = [add_coding(loaded, doc, i * 10, i * 10 + 5, "digitalisering") for i in range(4)]
    result = cb.split(
        loaded,
        "digitalisering",
        [
            cb.Code("digitale-werking", "Digitale werking"),
            cb.Code("digitale-kloof", "Digitale kloof", "Over de digitale kloof."),
        ],
        actor="bo",
    )
    assert result.into == ["digitale-werking", "digitale-kloof"]
    assert [c["id"] for c in result.review] == ids
    assert len(live(loaded, "digitalisering")) == 4
    codes = {c.id: c for c in cb.codes_at(loaded)}
    order = [c.id for c in cb.codes_at(loaded) if c.parent_id == "werking"]
    assert order[order.index("digitalisering") + 1 : order.index("digitalisering") + 3] == [
        "digitale-werking",
        "digitale-kloof",
    ]
    assert codes["digitale-werking"].definition == codes["digitalisering"].definition
    assert codes["digitale-kloof"].definition == "Over de digitale kloof."
    [review] = cb.reviews(loaded)
    assert (review.code_id, len(review.codings)) == ("digitalisering", 4)

    with pytest.raises(CodebookError, match="has 4 codings; merge it"):
        cb.retire(loaded, "digitalisering", actor="bo")
    assert cb.reassign(loaded, ids[:3], "digitale-werking", actor="bo") == (3, 0)
    assert cb.reassign(loaded, ids[3:], "digitale-kloof", actor="bo") == (1, 0)
    assert cb.reviews(loaded) == []
    cb.retire(loaded, "digitalisering", actor="bo")
    total = len(live(loaded, "digitale-werking")) + len(live(loaded, "digitale-kloof"))
    assert total == 4
    with pytest.raises(CodebookError, match="no live coding with id 999"):
        cb.reassign(loaded, [999], "digitale-kloof", actor="bo")


def test_split_needs_two_new_valid_codes(loaded) -> None:
    before = state(loaded)
    with pytest.raises(CodebookError, match="at least two"):
        cb.split(loaded, "missie", [cb.Code("m1", "M1")], actor="bo")
    with pytest.raises(CodebookError, match="name 'Visie' is also the name of code"):
        cb.split(loaded, "missie", [cb.Code("m1", "M1"), cb.Code("m2", "Visie")], actor="bo")
    assert state(loaded) == before


def test_retire_is_refused_while_codings_or_subcodes_remain(loaded) -> None:
    add_coding(loaded, add_document(loaded), 0, 10, "brussel")
    before = state(loaded)
    with pytest.raises(CodebookError) as info:
        cb.retire(loaded, "brussel", actor="bo")
    assert info.value.problems == [
        "code 'brussel': has 1 codings; merge it into another code (or move its codings)"
        " before it can leave the codebook"
    ]
    with pytest.raises(CodebookError, match="has subcodes"):
        cb.retire(loaded, "rollen", actor="bo")
    assert state(loaded) == before
    cb.retire(loaded, "laboratoriumrol", actor="bo")
    with pytest.raises(NotFoundError, match="'laboratoriumrol' was retired in version 2"):
        cb.get(loaded, "laboratoriumrol")


def test_loading_a_file_without_a_coded_code_is_refused(loaded, tmp_path) -> None:
    add_coding(loaded, add_document(loaded), 0, 10, "brussel")
    text = DEFAULT.read_text(encoding="utf-8")
    start = text.index("      - id: brussel")
    end = text.index("      - id: internationale-werking")
    path = tmp_path / "zonder-brussel.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    before = state(loaded)
    with pytest.raises(CodebookError, match="code 'brussel': has 1 codings"):
        cb.load(loaded, path, actor="bo")
    assert state(loaded) == before


def test_a_group_with_codings_cannot_become_a_group_and_moves_cannot_cycle(loaded) -> None:
    cb.add(loaded, cb.Code("sub", "Sub", "Onder missie.", "missie"), actor="bo")
    with pytest.raises(CodebookError, match=r"parent chain .* is a cycle"):
        cb.move(loaded, "missie", "sub", actor="bo")
    with pytest.raises(CodebookError, match="'parent_id' cannot be edited here"):
        cb.edit(loaded, "missie", actor="bo", parent_id="visie")
    with pytest.raises(CodebookError, match="already exists"):
        cb.add(loaded, cb.Code("missie", "Nog eens", "D."), actor="bo")


# -- printable export ----------------------------------------------------------------------


def test_markdown_and_html_are_grouped_with_counts_once_coded(loaded) -> None:
    markdown = cb.export(loaded, "md").decode()
    assert markdown.startswith("# Codeboek\n")
    assert "## Identiteit en strategie (Identiteit)" in markdown
    assert "### Missie (Missie)" in markdown
    assert "**Wel coderen:**" in markdown and "**Niet coderen:**" in markdown
    assert "coderingen" not in markdown
    document = add_document(loaded)
    add_coding(loaded, document, 0, 10, "missie")
    add_coding(loaded, document, 20, 30, "visie")
    markdown = cb.export(loaded, "md").decode()
    assert "id `missie` · kleur #2e75b6 · 1 coderingen" in markdown
    assert "groep, niet codeerbaar · 2 coderingen" in markdown
    cb.edit(loaded, "missie", actor="bo", definition="<script>alert(1)</script> & meer")
    page = cb.export(loaded, "html").decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert page.count('<section class="group"') == 5 and page.count("<article") == 30
    assert "@media print" in page


def test_export_rejects_unknown_formats_and_empty_databases(db, loaded) -> None:
    with pytest.raises(CodebookError, match="format 'pdf' is not one of"):
        cb.export(loaded, "pdf")


def test_export_without_codebook(db) -> None:
    with pytest.raises(NotFoundError, match="no codebook yet"):
        cb.export(db, "yaml")


# -- command line --------------------------------------------------------------------------


def run(db_path: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_cli_load_change_log_diff_export(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    assert (
        "version 1: load default.yaml: 35 added"
        in run(db_path, "codebook", "load", str(DEFAULT), "--as", "an").output
    )
    assert "no changes" in run(db_path, "codebook", "load", str(DEFAULT)).output
    listed = json.loads(run(db_path, "codebook", "list", "--json").output)
    assert len(listed) == 35 and listed[1]["id"] == "missie" and listed[1]["codings"] == 0
    run(db_path, "codebook", "rename", "missie", "Missie en opdracht", "--as", "bo")
    run(db_path, "codebook", "edit", "visie", "--definition", "Nieuw.", "--example", "Zin.")
    run(db_path, "codebook", "add", "klimaat", "--name", "Klimaat", "--definition", "Over.",
        "--parent", "werking", "--colour", "#123456")  # fmt: skip
    run(db_path, "codebook", "move", "klimaat", "--to", "rollen", "--position", "1")
    log = json.loads(run(db_path, "codebook", "log", "--json").output)
    assert [v["actor"] for v in log][-2:] == ["bo", "an"]
    diff = run(db_path, "codebook", "diff", "1", "3").output
    assert "~ missie  Missie en opdracht\n    name: 'Missie' -> 'Missie en opdracht'" in diff
    assert "      + Nieuw." in diff
    diffs = json.loads(run(db_path, "codebook", "diff", "1", "5", "--json").output)
    assert {d["code_id"]: d["kind"] for d in diffs}["klimaat"] == "added"
    shown = json.loads(run(db_path, "codebook", "show", "klimaat", "--json").output)
    assert shown["parent_id"] == "rollen" and shown["sort_order"] == 0
    assert len(shown["history"]) == 2
    out = tmp_path / "codeboek.html"
    run(db_path, "codebook", "export", "--format", "html", "-o", str(out))
    assert "Missie en opdracht" in out.read_text(encoding="utf-8")
    yaml_text = run(db_path, "codebook", "export", "--version", "1", "-o", "-").output
    assert "name: Missie\n" in yaml_text
    assert "retired" not in run(db_path, "codebook", "retire", "klimaat").output


def test_cli_reports_each_problem_on_one_line_without_traceback(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    run(db_path, "codebook", "load", str(DEFAULT))
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "codes:\n  - id: a\n    name: A\n  - id: a\n    name: B\n    colour: blauw\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--db", str(db_path), "codebook", "load", str(bad)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [
        f"error: {bad}: code 'a': definition is missing",
        f"error: {bad}: code 'a': id is used by more than one code",
        f"error: {bad}: code 'a': definition is missing",
        f"error: {bad}: code 'a': colour 'blauw' is not a colour; use #RRGGBB",
    ]
    assert "Traceback" not in result.output
    for args, message in [
        (["codebook", "show", "nergens"], "error: no code 'nergens'"),
        (["codebook", "diff", "1", "7"], "error: no codebook version 7"),
        (["codebook", "retire", "rollen"], "error: retire rollen: code 'rollen' has subcodes"),
        (["codebook", "split", "missie", "--into", "x"], "must be ID=NAME"),
        (["codebook", "edit", "missie"], "nothing to change"),
        (["codebook", "move", "missie"], "give --to PARENT, --top or --position N"),
    ]:
        result = CliRunner().invoke(main, ["--db", str(db_path), *args])
        assert result.exit_code == 1, args
        assert message in result.output, result.output
        assert "Traceback" not in result.output


def test_cli_merge_split_review_reassign(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    run(db_path, "codebook", "load", str(DEFAULT))
    db = store.connect(db_path)
    doc = add_document(db)
    first = add_coding(db, doc, 0, 10, "brussel")
    add_coding(db, doc, 20, 30, "brussel")
    db.close()
    out = run(db_path, "codebook", "split", "brussel", "--into", "brussel-stad=Brussel-stad",
              "--into", "rand=Vlaamse Rand").output  # fmt: skip
    assert "2 codings stay on brussel for review" in out
    review = json.loads(run(db_path, "codebook", "review", "--json").output)
    assert [len(r["codings"]) for r in review] == [2]
    moved = run(db_path, "codebook", "reassign", str(first), "--to", "rand", "--json").output
    assert json.loads(moved) == {"moved": 1, "duplicates": 0}
    merged = json.loads(run(db_path, "codebook", "merge", "brussel", "rand", "--json").output)
    assert (merged["moved"], merged["duplicates"]) == (1, 0)
    assert "nothing to review" in run(db_path, "codebook", "review").output
