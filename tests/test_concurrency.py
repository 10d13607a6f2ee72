"""Two readers coding at the same time, in two processes, never lose each other's work."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from coder import coding, store
from tests.test_coding import add_codes
from tests.test_ingest import make_plan

ROUNDS = 40


def _reader(db_path: str, name: str, offset: int) -> list[int]:
    db = store.connect(db_path)
    made = []
    for i in range(ROUNDS):
        start = offset + i * 7
        rows = coding.create(db, name, 1, start, start + 5, ["missie", "brussel"])
        made.extend(c.id for c in rows)
        if i % 5 == 0:
            coding.update(db, name, rows[0].id, memo=f"{name} {i}")
    db.close()
    return made


def test_two_reader_processes_keep_all_their_codings(tmp_path: Path) -> None:
    db_path = tmp_path / "shared.db"
    db = store.connect(db_path)
    from coder.ingest import ingest_paths

    make_plan(tmp_path / "plan.pdf", 12)
    ingest_paths(db, [tmp_path / "plan.pdf"], workers=1)
    add_codes(db)
    for name in ("anna", "bert"):
        coding.ensure_user(db, name)
    db.close()
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        anna, bert = pool.starmap(_reader, [(str(db_path), "anna", 0), (str(db_path), "bert", 3)])
    db = store.connect(db_path)
    live = coding.codings(db, 1)
    assert len(anna) == len(bert) == 2 * ROUNDS
    assert sorted(c.id for c in live) == sorted(anna + bert)
    assert {c.coder for c in live} == {"anna", "bert"}
    memos = {c.memo for c in live if c.memo}
    assert {f"anna {i}" for i in range(0, ROUNDS, 5)} <= memos
    assert {f"bert {i}" for i in range(0, ROUNDS, 5)} <= memos
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
