"""The benchmark database: the full sample corpus with >= 21,500 codings.

Built once and cached in `benchmarks/.cache/` (git-ignored): the 131-plan /
9,000-page sample corpus is generated into `plans/sample-bench/` when missing,
ingested, the default codebook loaded, and the ground-truth passages coded
by five readers until there are at least as many codings as the real project
had (21,500), spread over all plans.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coder import codebook, coding, store, users  # noqa: E402
from coder.ingest import ingest_paths  # noqa: E402

CORPUS = ROOT / "plans" / "sample-bench"
CACHE = ROOT / "benchmarks" / ".cache"
READERS = ("anna", "bert", "carla", "dirk", "eva")
TARGET_CODINGS = 21_500
#: the readers' password (and the admin's, bench-admin), for benchmarks that log in
PASSWORD = "bench-wachtwoord"


def ensure_corpus(corpus: Path = CORPUS) -> Path:
    """The full sample corpus, generated with `coder sample` when missing."""
    if not (corpus / "ground_truth.jsonl").exists():
        subprocess.run(
            [sys.executable, "-m", "coder.cli", "sample", "--out", str(corpus), "--no-bad"],
            check=True,
            cwd=ROOT,
        )
    return corpus


def bench_database(corpus: Path = CORPUS, *, fresh: bool = False) -> Path:
    """Path of the cached benchmark database (built when missing or ``fresh``)."""
    corpus = ensure_corpus(corpus)
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "bench.db"
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = store.connect(path)
    try:
        ingest_paths(db, [corpus])
        codebook.ensure_default_codebook(db)
        have = db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NULL").fetchone()[0]
        if have < TARGET_CODINGS:
            _code_ground_truth(db, corpus, TARGET_CODINGS - have)
        _accounts(db)
    finally:
        db.close()
    return path


def _accounts(db) -> None:
    """An admin, and passwords for the readers, so that the browser benchmark can log in."""
    if users.needs_first_admin(db):
        users.add_user(db, None, "bench-admin", "admin", PASSWORD)
    for reader in READERS:
        if not users.get(db, reader).has_password:
            users.set_password(db, "bench-admin", reader, PASSWORD)


def _code_ground_truth(db, corpus: Path, wanted: int) -> None:
    """Code ground-truth passages (each with its codes) by rotating readers."""
    for reader in READERS:
        coding.ensure_user(db, reader)
    texts = {
        row["filename"]: (row["id"], row["text"])
        for row in db.query("SELECT id, filename, text FROM documents WHERE status = 'ingested'")
    }
    by_code: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    lines = (corpus / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines()
    coded = [p for p in map(json.loads, lines) if p["codes"] and p["document"] in texts]
    # every k-th coded passage, so that the codings spread over all plans
    step = max(1, int(sum(len(p["codes"]) for p in coded) / (wanted * 1.05)))
    made = 0
    for n, passage in enumerate(coded[::step]):
        doc_id, text = texts[passage["document"]]
        start = text.find(passage["text"])
        if start < 0:
            continue
        end = start + len(passage["text"])
        reader = READERS[n % len(READERS)]
        for code in passage["codes"]:
            by_code.setdefault((reader, code), []).append((doc_id, start, end))
            made += 1
        if made >= wanted:
            break
    for (reader, code), spans in sorted(by_code.items()):
        coding.code_spans(db, reader, spans, code, origin="import")


if __name__ == "__main__":
    print(bench_database(fresh="--fresh" in sys.argv))
