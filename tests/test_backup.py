"""`coder backup` while people work, and `coder restore` of a backup or a dump."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import backup, store
from coder.cli import main
from coder.errors import ExchangeError
from coder.exchange import dump
from tests.test_exchange_tables import build_corpus

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys, time
from coder import coding, store
db = store.connect(sys.argv[1])
coding.ensure_user(db, "dirk")
text = db.execute("SELECT text FROM documents WHERE id = 1").fetchone()[0]
n = 0
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    start = n % (len(text) - 30)
    coding.code_spans(db, "dirk", [(1, start, start + 5), (1, start + 10, start + 25)], "missie")
    n += 1
print(n)
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    return path


def rows(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_backup_while_a_writer_writes_is_whole_and_sound(source: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(source), "3"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    db = store.connect(source)
    copies = []
    while writer.poll() is None and len(copies) < 20:
        time.sleep(0.1)
        info = backup.backup(db, tmp_path / f"backup-{len(copies)}.db")
        copies.append(Path(info.path))
    _, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    db.close()
    made = [rows(c, "SELECT count(*) FROM codings WHERE coder = 'dirk'") for c in copies]
    assert len(copies) >= 3 and made == sorted(made) and made[-1] > made[0]
    for copy in copies:
        assert rows(copy, "PRAGMA integrity_check") == "ok"
        assert not Path(f"{copy}-wal").exists()  # one self-contained file
        # each batch whole: every coding with its action row, and no row without its coding
        unmatched = rows(
            copy,
            "SELECT count(*) FROM codings c FULL JOIN (SELECT * FROM actions"
            " WHERE actor = 'dirk' AND entity = 'coding') a"
            " ON a.entity_id = CAST(c.id AS TEXT) AND a.batch_id = c.batch_id"
            " WHERE (c.coder = 'dirk' OR c.id IS NULL) AND (a.id IS NULL OR c.id IS NULL)",
        )
        assert unmatched == 0
    assert not list(tmp_path.glob("*partial*"))


def test_restore_takes_a_backup_or_a_dump_and_never_half_writes(
    source: Path, tmp_path: Path
) -> None:
    db = store.connect(source)
    saved = backup.backup(db, tmp_path / "saved.db")
    dump(db, tmp_path / "saved.zip")
    codings = rows(source, "SELECT count(*) FROM codings")
    db.close()
    assert saved.schema_version == store.SCHEMA_VERSION and saved.bytes > 0
    # into nothing, and into a new empty database: no --force needed
    info = backup.restore(tmp_path / "saved.db", tmp_path / "a.db")
    assert (
        info.kind == "backup" and rows(tmp_path / "a.db", "SELECT count(*) FROM codings") == codings
    )
    store.connect(tmp_path / "empty.db").close()
    assert backup.restore(tmp_path / "saved.zip", tmp_path / "empty.db").kind == "dump"
    # over work: refused without force, and the old database is untouched
    target = tmp_path / "a.db"
    before = target.read_bytes()
    with pytest.raises(ExchangeError, match="--force"):
        backup.restore(tmp_path / "saved.zip", target)
    assert target.read_bytes() == before
    assert backup.restore(tmp_path / "saved.zip", target, force=True).kind == "dump"
    # what is neither is refused, whatever its name, and nothing is left behind
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    with pytest.raises(ExchangeError, match="neither a backup"):
        backup.restore(junk, tmp_path / "b.db")
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(ExchangeError, match="not a coder database"):
        backup.restore(foreign, tmp_path / "b.db")
    damaged = tmp_path / "damaged.db"
    data = bytearray((tmp_path / "saved.db").read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    damaged.write_bytes(bytes(data))
    with pytest.raises(ExchangeError):
        backup.restore(damaged, tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists()
    assert not list(tmp_path.glob("*.restoring*"))


def test_cli_backup_and_restore(source: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    copy = tmp_path / "nightly" / "coder.db"
    result = runner.invoke(main, ["--db", str(source), "backup", str(copy)])
    assert result.exit_code == 0 and "integrity ok" in result.output, result.output
    fresh = str(tmp_path / "fresh.db")
    result = runner.invoke(main, ["--db", fresh, "restore", str(copy)])
    assert result.exit_code == 0 and "from the backup" in result.output, result.output
    result = runner.invoke(main, ["--db", fresh, "restore", str(copy)])
    assert result.exit_code == 1 and "--force" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["--db", fresh, "restore", str(copy), "--force", "--json"])
    assert result.exit_code == 0 and '"kind": "backup"' in result.output
    result = runner.invoke(main, ["--db", str(source), "backup", str(source)])
    assert result.exit_code == 1 and "the database itself" in result.output
    for target in (tmp_path, copy / "under-a-file.db"):  # a folder; a file as the folder
        result = runner.invoke(main, ["--db", str(source), "backup", str(target)])
        assert result.exit_code in (1, 2) and isinstance(result.exception, SystemExit)
