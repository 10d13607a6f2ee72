"""Horizontal-analysis benchmark: code view, coverage, matrix and co-occurrence per code,
and the 30 per-code reports, on the full sample corpus with >= 21,500 codings.

The database (``--db``, default ``benchmarks/.cache/analysis.db``, git-ignored) is built once
and reused:

1. If ``plans/sample-bench/`` holds the generated corpus with ``ground_truth.jsonl``, it is
   ingested and ground-truth passages become codings (one per code) at the passage's
   place in the extracted text (exact match, then whitespace-insensitive). Plans are divided
   over five readers; the first 15 plans (the pilot) are coded by a second reader too.
2. Otherwise a synthetic corpus is written straight into the store: 131 organisations with
   manifest-like attributes, ~9,000 pages of paragraphs with a content part and a zakelijk
   deel, and the codings over the 30 codes (seeded).

Each per-code operation runs once for every code of the codebook after a warm-up: the
p50/p95/max over the 30 codes are reported. Reports: all 30 per-code reports in each format,
each report gathered separately (as `coder report CODE` does).

By default 21,500 codings (the real project's count) are sampled (seeded) from the ground
truth, which holds about 140,000 passage codes, so that every plan is coded as in the real
project (``benchmarks/fixture.py``'s shared database codes the first 21,500 passages in file
order, about 20 plans, which would make coverage and matrices look cheaper than they are);
``--stress`` then times the per-code operations again with every ground-truth coding.

Targets (issue 7): p95 < 300 ms for code view, coverage, matrix and co-occurrence of one
code; all 30 per-code reports < 2 minutes.

Usage: python benchmarks/analysis.py [--db FILE] [--corpus plans/sample-bench] [--codings N]
       [--stress] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import machine, table, write_section
from coder import analysis, codebook, reports, store
from coder.coding import ensure_user, now

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0
TARGET_REPORTS_S = 120.0
MIN_CODINGS = 21_500
READERS = ("an", "bart", "chris", "dina", "els")
PILOT_PLANS = 15


def _codings(db) -> int:
    return db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NULL").fetchone()[0]


def _insert_codings(db, rows: list[tuple[int, int, int, str, str, str]]) -> None:
    stamp = now()
    with store.transaction(db):
        db.execute("DELETE FROM key_quotes")
        db.execute("DELETE FROM codings")
        db.conn.executemany(
            'INSERT INTO codings (document_id, start, "end", text, code_id, coder, origin,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?)",
            [(*row, stamp, stamp) for row in rows],
        )
    for reader in READERS:
        ensure_user(db, reader)


def from_ground_truth(db, corpus: Path, wanted: int | None) -> str:
    """Ingest the generated corpus and code it as its ground truth says."""
    from coder.ingest import ingest_paths

    if db.execute("SELECT count(*) FROM documents WHERE status = 'ingested'").fetchone()[0] < 131:
        print(f"ingesting {corpus} (once) ...", flush=True)
        ingest_paths(db, [corpus])
    docs = {
        filename: (doc_id, text)
        for doc_id, filename, text in db.execute(
            "SELECT id, filename, text FROM documents WHERE status = 'ingested' ORDER BY id"
        )
    }
    order = {name: n for n, name in enumerate(sorted(docs))}
    valid = {c.id for c in analysis.codes(db)}
    rows, position, missed = [], {}, 0
    for line in (corpus / "ground_truth.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        codes = [c for c in record["codes"] if c in valid]
        if not codes or record["document"] not in docs:
            continue
        doc_id, text = docs[record["document"]]
        start = text.find(record["text"], position.get(doc_id, 0))
        end = start + len(record["text"])
        if start < 0:
            pattern = r"\s+".join(re.escape(w) for w in record["text"].split())
            match = re.compile(pattern).search(text, position.get(doc_id, 0))
            if match is None:
                missed += 1
                continue
            start, end = match.span()
        position[doc_id] = end
        n = order[record["document"]]
        readers = [READERS[n % len(READERS)]]
        if n < PILOT_PLANS:
            readers.append(READERS[(n + 1) % len(READERS)])
        for code_id in codes:
            for reader in readers:
                rows.append((doc_id, start, end, text[start:end], code_id, reader))
    if wanted is not None and wanted < len(rows):
        rows = random.Random(7).sample(rows, wanted)
    _insert_codings(db, rows)
    return (
        f"sample corpus `{corpus}` ({len(docs)} plans), codings from its ground truth"
        f" ({missed} of the passages not found in the extracted text were skipped)"
    )


def synthetic(db, wanted: int) -> str:
    """A synthetic corpus straight into the store, when the sample corpus is not there."""
    from tests.test_analysis_corpus import add_document  # the hand-made corpus's writer

    rng = random.Random(11)
    words = [
        "vrijwilligers",
        "deelnemers",
        "organisatie",
        "werking",
        "digitaal",
        "samenwerking",
        "vorming",
        "lokale",
        "afdelingen",
        "begroting",
        "personeel",
        "middelen",
        "kwaliteit",
        "bestuur",
        "cultuur",
        "gemeenschap",
        "maatschappij",
        "kritisch",
        "verbinden",
        "experiment",
        "netwerk",
        "Brussel",
        "Vlaanderen",
        "inclusie",
    ]
    regions = analysis.base.REGIONS
    functions = analysis.base.FUNCTIONS
    codes = [c.id for c in analysis.codes(db)]
    if db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
        with store.transaction(db):
            for n in range(131):
                org_id = (
                    db["organisations"]
                    .insert(
                        {
                            "name": f"Organisatie {n + 1:03d}",
                            "functions": json.dumps(rng.sample(functions, rng.randint(1, 3))),
                            "region": rng.choice(regions),
                            "fte": round(rng.uniform(1, 40), 1),
                            "subsidy": rng.randint(150_000, 2_500_000),
                            "branches": rng.choice([0, 0, 5, 30, 120]),
                            "new_entrant": int(rng.random() < 0.15),
                            "source": "manifest",
                        }
                    )
                    .last_pk
                )
                segments, page = [], 1
                for chapter in range(1, 9):
                    title = [
                        "Missie",
                        "Context",
                        "Functies",
                        "Doelstellingen",
                        "Werking",
                        "Financieel plan",
                        "Personeelsplan",
                        "Bestuur",
                    ][chapter - 1]
                    segments.append(("heading", 1, f"{chapter} {title}", page))
                    for _ in range(rng.randint(40, 70)):
                        sentence_count = rng.randint(2, 5)
                        text = " ".join(
                            " ".join(
                                rng.choice(words) for _ in range(rng.randint(8, 18))
                            ).capitalize()
                            + "."
                            for _ in range(sentence_count)
                        )
                        segments.append(("paragraph", None, text, page))
                        if rng.random() < 0.14:
                            page += 1
                add_document(db, org_id, f"org-{n + 1:03d}", segments)
    rows = []
    paragraphs = list(
        db.execute(
            "SELECT document_id, start, \"end\", text FROM segments WHERE kind = 'paragraph'"
        )
    )
    for _ in range(wanted):
        doc_id, start, end, text = rng.choice(paragraphs)
        rows.append((doc_id, start, end, text, rng.choice(codes), rng.choice(READERS)))
    _insert_codings(db, rows)
    return "synthetic corpus (131 organisations, no sample corpus found)"


def seed_summaries(db, code_ids: list[str]) -> None:
    """A summary citing three key quotes and five marked key quotes per code, as after analysis."""
    from coder import summaries

    for code_id in code_ids:
        quotes = [
            r[0]
            for r in db.execute(
                "SELECT min(id) FROM codings WHERE code_id = ? AND deleted_at IS NULL"
                " GROUP BY document_id ORDER BY document_id LIMIT 5",
                [code_id],
            )
        ]
        for coding_id in quotes:
            summaries.mark_key_quote(db, READERS[0], coding_id, note="benchmark")
        cited = " ".join(f"[[{i}]]" for i in quotes[:3])
        body = "\n\n".join(
            [
                "## Observaties",
                "De meeste organisaties beschrijven dit thema uitvoerig in hun inhoudelijk deel. "
                + "Ze verbinden het met hun functies en met hun doelgroepen. " * 8,
                "- Verschillen tussen regio's zijn klein.\n- Nieuwkomers schrijven er minder over.",
                "## Conclusies",
                "Het thema is breed gedragen; de vertaling naar middelen blijft vaak uit. " * 6,
                f"Kerncitaten: {cited}",
            ]
        )
        summaries.save_summary(db, READERS[0], code_id, body)


def timings(call: Callable[[str], object], code_ids: list[str]) -> list[float]:
    call(code_ids[0])  # warm-up: page cache, imports
    result = []
    for code_id in code_ids:
        started = time.perf_counter()
        call(code_id)
        result.append((time.perf_counter() - started) * 1000)
    return result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def per_code(db, code_ids: list[str]) -> tuple[list[list[str]], list[bool]]:
    """p50/p95/max over the codes of each per-code operation, and whether p95 meets the target."""
    operations: list[tuple[str, Callable[[str], object]]] = [
        ("code view (all fragments with context)", lambda c: analysis.code_view(db, c)),
        ("coverage", lambda c: analysis.coverage(db, c)),
        (
            "matrix: code x region, chi-square",
            lambda c: analysis.attribute_matrix(db, "region", [c]),
        ),
        (
            "matrix: code x functions, 2x2 per function",
            lambda c: analysis.attribute_matrix(db, "functions", [c]),
        ),
        ("co-occurrence of one code (overlap)", lambda c: analysis.cooccurrence(db, c)),
        (
            "co-occurrence of one code (same paragraph)",
            lambda c: analysis.cooccurrence(db, c, mode="paragraph"),
        ),
    ]
    rows, verdicts = [], []
    for label, call in operations:
        ms = timings(call, code_ids)
        ok = p95(ms) < TARGET_MS
        verdicts.append(ok)
        p50 = statistics.median(ms)
        rows.append(
            [label, f"{p50:.0f}", f"{p95(ms):.0f}", f"{max(ms):.0f}", "met" if ok else "MISSED"]
        )
        print(
            f"  {label}: p50 {p50:.0f} ms, p95 {p95(ms):.0f} ms, max {max(ms):.0f} ms", flush=True
        )
    return rows, verdicts


def describe(db) -> tuple[str, str]:
    """Codings, fragments and the largest code, for the section text; and that code's id."""
    live = _codings(db)
    fragments = db.execute(
        'SELECT count(*) FROM (SELECT DISTINCT document_id, start, "end", code_id FROM codings'
        " WHERE deleted_at IS NULL)"
    ).fetchone()[0]
    n, largest = max(
        (n, c)
        for c, n in db.execute(
            "SELECT code_id, count(*) FROM codings WHERE deleted_at IS NULL GROUP BY code_id"
        )
    )
    return (
        f"{live:,} live codings, {fragments:,} distinct fragments; the largest code,"
        f" {largest}, has {n:,} codings",
        largest,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / ".cache" / "analysis.db")
    parser.add_argument("--corpus", type=Path, default=ROOT / "plans" / "sample-bench")
    parser.add_argument(
        "--codings",
        type=int,
        default=MIN_CODINGS,
        help="codings sampled from the ground truth (default: the real project's 21,500)",
    )
    parser.add_argument(
        "--stress",
        action="store_true",
        help="also time the per-code operations with every ground-truth coding",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    db = store.connect(args.db)
    codebook.ensure_default_codebook(db)
    ground_truth = (args.corpus / "ground_truth.jsonl").exists()
    built = time.perf_counter()
    if ground_truth:
        source = from_ground_truth(db, args.corpus, args.codings)
    else:
        source = synthetic(db, args.codings)
    built = time.perf_counter() - built
    status = db.execute(
        "SELECT count(*), sum(page_count) FROM documents WHERE status = 'ingested'"
    ).fetchone()
    volume, largest = describe(db)
    print(f"{source}: {status[0]} plans, {status[1]} pages; {volume} ({built:.0f} s)", flush=True)
    code_ids = [c.id for c in analysis.codes(db)]
    seed_summaries(db, code_ids)
    rows, verdicts = per_code(db, code_ids)
    extra = []
    for label, call in [
        ("coverage of all 30 codes", lambda: analysis.coverage_all(db)),
        ("code x organisation matrix, all codes", lambda: analysis.organisation_matrix(db)),
        ("code x region matrix, all codes", lambda: analysis.attribute_matrix(db, "region")),
        ("co-occurrence, all pairs (overlap)", lambda: analysis.cooccurrence(db)),
        (
            "co-occurrence, all pairs (same paragraph)",
            lambda: analysis.cooccurrence(db, mode="paragraph"),
        ),
        ("alignment of the Werking codes", lambda: analysis.alignment(db)),
        (
            f"distinctive terms of {largest}, first call (counts the corpus)",
            lambda: analysis.code_terms(db, largest),
        ),
        (
            f"distinctive terms of {largest}, corpus counted",
            lambda: analysis.code_terms(db, largest),
        ),
        (f"sub-themes of {largest} (NMF)", lambda: analysis.code_subthemes(db, largest)),
    ]:
        started = time.perf_counter()
        call()
        seconds = time.perf_counter() - started
        extra.append([label, f"{seconds * 1000:.0f}"])
        print(f"  {label}: {seconds * 1000:.0f} ms", flush=True)
    report_rows = []
    for fmt in reports.FORMATS:
        started = time.perf_counter()
        size = sum(len(reports.report(db, c, fmt)) for c in code_ids)
        seconds = time.perf_counter() - started
        ok = seconds < TARGET_REPORTS_S
        verdicts.append(ok)
        report_rows.append(
            [
                fmt,
                f"{seconds:.1f}",
                f"{seconds / len(code_ids):.2f}",
                f"{size / 1e6:.1f}",
                "met" if ok else "MISSED",
            ]
        )
        print(f"  30 reports as {fmt}: {seconds:.1f} s ({size / 1e6:.1f} MB)", flush=True)
    started = time.perf_counter()
    size = len(reports.all_codes(db, "pdf"))
    all_seconds = time.perf_counter() - started
    print(f"  one report of all codes (pdf): {all_seconds:.1f} s", flush=True)
    parts = [
        f"`python benchmarks/analysis.py` on {source}: {status[0]} plans, {status[1]:,} pages;"
        f" {volume}. Machine: {machine()}.",
        f"Per-code operations, once for each of the {len(code_ids)} codes after a warm-up"
        f" (target p95 < {TARGET_MS:.0f} ms):",
        table(["operation", "p50 ms", "p95 ms", "max ms", "target"], rows),
        "Whole-corpus operations (one run each):",
        table(["operation", "ms"], extra),
        f"All {len(code_ids)} per-code reports, each gathered on its own as `coder report CODE`"
        f" does (target < {TARGET_REPORTS_S:.0f} s per format):",
        table(["format", "seconds", "per report", "MB", "target"], report_rows),
        f"One report of all codes as PDF: {all_seconds:.1f} s ({size / 1e6:.1f} MB).",
    ]
    if args.stress and ground_truth:
        from_ground_truth(db, args.corpus, None)
        volume, _ = describe(db)
        print(f"stress: every ground-truth coding; {volume}", flush=True)
        stress_rows, _ = per_code(db, code_ids)
        if not args.no_write:  # its own section, so a run without --stress keeps it
            write_section(
                "Horizontal analysis under stress",
                f"`python benchmarks/analysis.py --stress`, machine: {machine()}. The same"
                f" per-code operations with every ground-truth coding of the sample corpus"
                f" ({volume}), about 7 times the real project (no target):\n\n"
                + table(["operation", "p50 ms", "p95 ms", "max ms", "300 ms"], stress_rows),
            )
    if not args.no_write:
        write_section("Horizontal analysis", "\n\n".join(parts))
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
