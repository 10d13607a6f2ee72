"""Whole-database dump and restore, position arithmetic, and the CLI faces of the exchange."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import store
from coder.backup import restore
from coder.cli import main
from coder.errors import ExchangeError
from coder.exchange import dump, read_manifest
from coder.exchange.positions import from_units, length_in, normalise_newlines, to_units
from tests.accounts import make_users
from tests.test_exchange_tables import build_corpus


def counts(path: Path) -> dict[str, int]:
    db = store.connect(path)
    try:
        return {
            t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in ("organisations", "documents", "pages", "codings", "codes", "actions")
        }
    finally:
        db.close()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    return path


def test_dump_and_restore(source: Path, tmp_path: Path) -> None:
    db = store.connect(source)
    archive = tmp_path / "backup.zip"
    info = dump(db, archive)
    assert info.schema_version == store.SCHEMA_VERSION and info.counts["codings"] == 10
    assert read_manifest(archive).sha256 == info.sha256
    target = tmp_path / "restored.db"
    restore(archive, target)
    assert counts(target) == counts(source)
    restored = store.connect(target)
    texts = [r[0] for r in restored.execute("SELECT text FROM codings ORDER BY id")]
    assert texts == [r[0] for r in db.execute("SELECT text FROM codings ORDER BY id")]
    # never over an existing database without force; with force, replaced
    restored.execute("DELETE FROM key_quotes")
    restored.close()
    with pytest.raises(ExchangeError, match="--force"):
        restore(archive, target)
    restore(archive, target, force=True)
    assert counts(target) == counts(source)


def _rewrite(archive: Path, out: Path, manifest: dict | None = None, db: bytes | None = None):
    with zipfile.ZipFile(archive) as old, zipfile.ZipFile(out, "w") as new:
        data = json.loads(old.read("manifest.json"))
        new.writestr("manifest.json", json.dumps({**data, **(manifest or {})}))
        new.writestr("coder.db", db if db is not None else old.read("coder.db"))
    return out


def test_restore_refuses_newer_damaged_and_foreign_archives(source: Path, tmp_path) -> None:
    archive = tmp_path / "backup.zip"
    dump(store.connect(source), archive)
    target = tmp_path / "t.db"
    newer = _rewrite(archive, tmp_path / "newer.zip", {"schema_version": 99})
    with pytest.raises(ExchangeError, match="newer than this coder"):
        restore(newer, target)
    damaged = _rewrite(archive, tmp_path / "damaged.zip", db=b"SQLite format 3\0" + b"x" * 100)
    with pytest.raises(ExchangeError, match=r"bytes, the manifest says|checksum"):
        restore(damaged, target)
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as new:
        new.writestr("notes.txt", "hallo")
    with pytest.raises(ExchangeError, match="not a coder dump"):
        restore(foreign, target)
    assert not target.exists() and not list(tmp_path.glob("*.restoring"))


def test_an_older_dump_is_migrated_forward(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    db = store.connect(old, migrate=False)
    for version in range(3):  # stop at schema version 3
        with store.transaction(db):
            store.MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version={version + 1}")
    info = dump(db, tmp_path / "old.zip")
    assert info.schema_version == 3
    restore(tmp_path / "old.zip", tmp_path / "new.db")
    assert store.schema_version(store.connect(tmp_path / "new.db")) == store.SCHEMA_VERSION


def test_positions_between_units() -> None:
    text = "é😀a\r\nb𝄞c"
    assert length_in(text, "utf16") == len(text) + 2
    to16, from16 = to_units(text, "utf16"), from_units(text, "utf16")
    for index in range(len(text) + 1):
        assert from16(to16(index)) == index
        assert to16(index) == len(text[:index].encode("utf-16-le")) // 2
    assert from16(2) is None  # between the halves of 😀
    assert from16(length_in(text, "utf16") + 1) is None
    normalised, shift = normalise_newlines(text)
    assert normalised == "é😀a\nb𝄞c"
    assert [normalised[shift(i)] for i in (0, 3, 5)] == ["é", "\n", "b"]


def test_cli_export_import_dump_restore(source: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(source)
    result = runner.invoke(main, ["--db", db, "export", "--format", "csv", "-o", "-"])
    assert result.exit_code == 0 and result.output.count("\n") == 11
    result = runner.invoke(
        main, ["--db", db, "export", "--format", "jsonl", "-o", "-", "--where", "region=Brussel"]
    )
    assert len(result.output.splitlines()) == 3
    qdpx = tmp_path / "p.qdpx"
    result = runner.invoke(main, ["--db", db, "export", "--format", "qdpx", "-o", str(qdpx)])
    assert result.exit_code == 0 and "10 codings" in result.output
    fresh = str(tmp_path / "fresh.db")
    make_users(Path(fresh), "admin")
    result = runner.invoke(
        main, ["--db", fresh, "import", str(qdpx), "--map-user", "anna=An", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["codings"] == 10 and report["users"]["anna"] == "An"
    result = runner.invoke(main, ["--db", fresh, "import", str(qdpx), "--map-user", "anna=An"])
    assert "codings: 0 new, 10 already here" in result.output
    backup = tmp_path / "b.zip"
    assert runner.invoke(main, ["--db", fresh, "dump", "-o", str(backup)]).exit_code == 0
    result = runner.invoke(main, ["--db", fresh, "restore", str(backup)])
    assert result.exit_code == 1 and "--force" in result.output
    result = runner.invoke(main, ["--db", fresh, "restore", str(backup), "--force"])
    assert result.exit_code == 0 and "restored" in result.output


def test_cli_errors_are_one_line(source: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"geen zip")
    result = runner.invoke(main, ["--db", str(source), "import", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "not a ZIP archive" in result.output
    result = runner.invoke(
        main, ["--db", str(source), "export", "--format", "csv", "-o", "-", "--code", "nope"]
    )
    assert result.exit_code == 1 and "unknown code 'nope'" in result.output
    result = runner.invoke(main, ["--db", str(source), "export", "--format", "parquet", "-o", "-"])
    assert result.exit_code == 1 and "binary" in result.output
