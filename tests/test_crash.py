"""kill -9 in the middle of work: the database opens sound and nothing is half-done.

Each test starts the work in a subprocess (its own process group, so ingest's
worker pool dies with it, as on a power cut), waits for a sign that the work is
under way, kills the group with SIGKILL and then opens what is left.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from coder import coding, store
from coder.exchange.plaintext import store_text_document
from coder.ingest import ingest_paths
from tests.pdfkit import prose
from tests.test_exchange_tables import build_corpus
from tests.test_ingest import make_plan

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


def start(code: str, *args: str) -> subprocess.Popen:
    """Run ``code`` (Python) in a new process group, from the repository root."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_when(process: subprocess.Popen, sign: Callable[[], bool], timeout: float = 30) -> None:
    """SIGKILL the process group as soon as ``sign()`` holds; fail if the work ended first."""
    deadline = time.monotonic() + timeout
    while not sign():
        if process.poll() is not None:
            pytest.fail(f"the work ended before it could be killed: {process.stderr.read()!r}")
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail("no sign of progress")
        time.sleep(0.02)
    assert process.poll() is None, "the work ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        # the FTS index too: it raises on a mismatch with its content table
        conn.execute("INSERT INTO segments_fts(segments_fts) VALUES ('integrity-check')")
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def count(path: Path, sql: str, params: tuple = ()) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def test_kill_during_ingest_leaves_whole_documents(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(5):
        make_plan(plans / f"plan-{i}.pdf", 60, extra=prose(i, 3))
    path = tmp_path / "coder.db"
    store.connect(path).close()
    ingest = start(
        """
        import sys
        from coder import store
        from coder.ingest import ingest_paths
        ingest_paths(store.connect(sys.argv[1]), [sys.argv[2]], workers=1)
        """,
        str(path),
        str(plans),
    )
    kill_when(ingest, lambda: count(path, "SELECT count(*) FROM documents") >= 1)
    assert integrity(path) == "ok"
    stored = count(path, "SELECT count(*) FROM documents")
    assert 1 <= stored < 5, "killed mid-way: some plans stored, not all"
    # every stored plan is whole: its pages, segments, sentences and text all there
    half = count(
        path,
        "SELECT count(*) FROM documents d WHERE d.status != 'ingested'"
        " OR d.page_count != (SELECT count(*) FROM pages p WHERE p.document_id = d.id)"
        " OR NOT EXISTS (SELECT 1 FROM segments s WHERE s.document_id = d.id)"
        " OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
        ' OR length(d.text) < (SELECT max("end") FROM segments s WHERE s.document_id = d.id)',
    )
    assert half == 0
    orphans = count(
        path,
        "SELECT (SELECT count(*) FROM pages WHERE document_id NOT IN (SELECT id FROM documents))"
        " + (SELECT count(*) FROM segments WHERE document_id NOT IN (SELECT id FROM documents))",
    )
    assert orphans == 0
    # and ingest picks up where it stopped
    db = store.connect(path)
    report = ingest_paths(db, [plans], workers=1)
    assert sum(r.status == "unchanged" for r in report.results) == stored
    assert count(path, "SELECT count(*) FROM documents WHERE status = 'ingested'") == 5
    db.close()


def test_kill_during_a_code_all_hits_batch_leaves_none_of_it(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    db = store.connect(path)
    build_corpus(db)
    with store.transaction(db):  # a long plan, so that the batch is long
        long_plan = store_text_document(
            db,
            path="plans/lang.pdf",
            filename="lang.pdf",
            organisation_id=None,
            text="\n\n".join(prose(i, 6) for i in range(250)),
        )
    coding.ensure_user(db, "carla")
    db.close()
    before = count(path, "SELECT count(*) FROM codings") + count(
        path, "SELECT count(*) FROM actions"
    )
    started = tmp_path / "in-transaction"
    batch = start(
        """
        import re, sys
        from pathlib import Path
        from coder import coding, store

        path, document, flag = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
        db = store.connect(path)
        text = db.execute("SELECT text FROM documents WHERE id = ?", [document]).fetchone()[0]
        words = [(m.start(), m.end()) for m in re.finditer(r"\\w+", text)]

        def spans():  # every run of 1-3 words: 54,000 hits
            flag.touch()  # code_spans reads the spans inside its transaction
            for length in range(3):
                for first, last in zip(words, words[length:]):
                    yield document, first[0], last[1]

        coding.code_spans(db, "carla", spans(), "vrijwilligers")
        """,
        str(path),
        str(long_plan),
        str(started),
    )
    # wait until the batch is inside its transaction and writing, then kill it
    wal = Path(f"{path}-wal")
    kill_when(batch, lambda: started.exists() and wal.exists() and wal.stat().st_size > 1_000_000)
    assert integrity(path) == "ok"
    assert count(path, "SELECT count(*) FROM codings WHERE coder = 'carla'") == 0
    assert (
        count(path, "SELECT count(*) FROM actions WHERE actor = 'carla' AND entity = 'coding'") == 0
    )
    after = count(path, "SELECT count(*) FROM codings") + count(
        path, "SELECT count(*) FROM actions"
    )
    assert after == before
    db = store.connect(path)  # and the database takes new work
    assert coding.code_spans(db, "carla", [(long_plan, 0, 10)], "vrijwilligers") == 1
    db.close()


def test_kill_during_an_export_leaves_no_half_written_file(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    target = tmp_path / "codings.xlsx"
    # a finished export first, then one killed while its bytes are on their way to disk
    # (fsync made slow, so the kill lands after the write and before the rename)
    export = """
        import os, sys, time
        from coder.cli import main
        if sys.argv[1] == "slow":
            os.fsync = lambda fd: time.sleep(60)
        main(["--db", sys.argv[2], "export", "--format", "xlsx", "-o", sys.argv[3]])
        """
    done = start(export, "fast", str(path), str(target))
    assert done.wait(timeout=60) == 0, done.stderr.read()
    done.stderr.close()
    finished = target.read_bytes()
    killed = start(export, "slow", str(path), str(target))
    partials = lambda: list(tmp_path.glob(".codings.xlsx.*.partial"))  # noqa: E731
    kill_when(killed, lambda: any(p.stat().st_size > 0 for p in partials()))
    assert target.read_bytes() == finished  # the old file, whole; never half of the new one
    for partial in partials():  # what was being written lies beside it, under another name
        assert partial.name.startswith(".") and partial.suffix == ".partial"
