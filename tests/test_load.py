"""The load test in short: 4 writer processes and a reader on one database, no work lost.

The long form is ``benchmarks/load.py`` (8 writers and 2 readers for 60 s on the
full corpus); this one runs the same processes and the same verification — each
writer's own log replayed against the database — for a few seconds on a small
corpus, so a change that loses, duplicates or corrupts codings fails ``make test``.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import load
from coder import store
from tests.test_exchange_tables import build_corpus


def test_writers_and_a_reader_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "load.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    result = load.run(path, tmp_path / "logs", writers=4, readers=1, seconds=5)
    check = result.verification
    assert check is not None
    # an action refused after the busy timeout on an overloaded machine is not lost work
    # (it is refused whole, and the user told); anything else is a failure
    assert [e for e in result.errors if "database is locked" not in e] == []
    assert check.lost == [] and check.duplicated == [] and check.corrupted == []
    assert check.integrity == "ok" and check.ok
    # every kind of action ran, by every writer, and the reads went on meanwhile
    assert all(result.count((op,)) > 0 for op in load.WRITE_OPS + load.READ_OPS)
    for log in (tmp_path / "logs").glob("load-*.jsonl"):
        ops = {json.loads(line)["op"] for line in log.read_text().splitlines()}
        assert {"create", "update", "code_spans"} <= ops
    assert check.codings > 100


def test_the_verification_sees_lost_duplicated_and_corrupted_codings(tmp_path: Path) -> None:
    path = tmp_path / "load.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    result = load.run(path, tmp_path / "logs", writers=1, readers=0, seconds=1)
    assert result.verification is not None and result.verification.ok
    db = store.connect(path)
    # live codings: corruption is judged on those (a writer may have deleted any other)
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id FROM codings WHERE coder = 'load-1' AND deleted_at IS NULL ORDER BY id"
        )
    ]
    with store.transaction(db):
        db.execute("DELETE FROM codings WHERE id = ?", [ids[0]])  # lost
        db.execute("UPDATE codings SET text = 'x' WHERE id = ?", [ids[1]])  # corrupted
        db.execute(  # a coding no log made
            'INSERT INTO codings (document_id, start, "end", text, code_id, coder, created_at,'
            ' updated_at) SELECT document_id, start, "end", text, code_id, coder, created_at,'
            " updated_at FROM codings WHERE id = ?",
            [ids[2]],
        )
    db.close()
    check = load.verify(path, tmp_path / "logs", ["load-1"])
    assert len(check.lost) == 1 and len(check.duplicated) == 1 and len(check.corrupted) == 1
    assert not check.ok
