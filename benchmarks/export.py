"""Export and exchange benchmark: every export format and the .qdpx import, full corpus.

Builds a database with the full sample corpus and at least 21,500 codings:

* with ``plans/sample-bench/`` (PDFs and ``ground_truth.jsonl``, made by
  ``benchmarks/sample.py``) it ingests the corpus and codes a seeded sample of
  the ground-truth passages (one ``coding.code_spans`` batch per code) until the
  codings reach the target;
* otherwise it generates a synthetic corpus of the same size (131 plans, about
  9,000 pages of Dutch text with headings, pages and a few emoji) and codes it.

Then it times each export (csv, xlsx, parquet, jsonl, qdpx) and the import of
the .qdpx into a fresh database, checks that the import gives back every
coding, and writes the ``Export and exchange`` section of benchmarks/RESULTS.md.
Targets (issue 8): each export < 60 s, the import < 120 s.

Usage: python benchmarks/export.py [--corpus plans/sample-bench] [--codings 21500] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import machine, table, write_section
from coder import codebook, coding, store
from coder.exchange import export_project, export_table, import_project
from coder.exchange.plaintext import Layout, store_text_document
from coder.ingest.manifest import FUNCTIONS, REGIONS, Organisation

CODERS = ("an", "bram", "charlotte")
SENTENCES = (
    "Onze vrijwilligers dragen de lokale werking in elke afdeling.",
    "We versterken de kritische rol van burgers in het publieke debat.",
    "De contextanalyse toont een groeiende kloof tussen stad en platteland.",
    "Met partners in Brussel bouwen we aan een inclusieve praktijk.",
    "Het financieel plan voorziet een stijging van de werkingsmiddelen met 3 %.",
    "Deelnemers krijgen inspraak in de programmatie van het vormingsaanbod.",
    "Diversiteit en inclusie zijn geen project maar een houding.",
    "Het personeelsplan telt 6,5 VTE, verdeeld over vier functies.",
    "Via de laboratoriumrol testen we nieuwe vormen van participatie.",
    "Goed bestuur betekent voor ons een transparante raad van bestuur.",
    "De zelfevaluatie leerde ons dat bereik en diepgang elkaar versterken.",
    "Digitalisering opent deuren, maar sluit ook mensen uit.",
    "Café én cultuur: de ontmoetingsruimte is het hart van de buurt.",
    "Onze gemeenschapsvormende functie krijgt vorm in buurtfeesten 🙂 en repaircafés.",
    "We meten de kwaliteit van ons werk met een jaarlijkse bevraging.",
)


def synthetic_corpus(db, plans: int, pages: int, seed: int) -> list[tuple[int, list]]:
    """131 plans of headed Dutch paragraphs over ``pages`` pages; (document, paragraphs)."""
    rng = random.Random(seed)
    result = []
    per_plan = pages // plans
    for index in range(plans):
        organisation = Organisation(
            name=f"Organisatie {index + 1:03d}",
            legal_form="vzw",
            functions=rng.sample(FUNCTIONS, rng.randint(1, 3)),
            subsidy=float(rng.randrange(150_000, 1_500_000, 500)),
            fte=round(rng.uniform(2, 40), 1),
            region=rng.choice(REGIONS),
            branches=rng.randint(0, 60),
            new_entrant=rng.random() < 0.1,
        )
        parts, paragraphs, blocks, page_marks = [], [], {}, []
        offset = 0
        count = rng.randint(per_plan // 2, per_plan * 3 // 2)
        for page in range(1, count + 1):
            page_marks.append((page, offset))
            for block in range(6):
                if block == 0 and page % 4 == 1:
                    text = f"{page // 4 + 1} Hoofdstuk over {rng.choice(SENTENCES)[:30].strip()}"
                    blocks[offset] = ("heading", 1)
                else:
                    text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))
                    paragraphs.append((offset, offset + len(text)))
                parts.append(text)
                offset += len(text) + 2
        text = "\n\n".join(parts)
        marks = [*page_marks, (count + 1, len(text))]
        layout = Layout(
            pages=[(n, s, marks[i + 1][1], str(n)) for i, (n, s) in enumerate(marks[:-1])],
            blocks=blocks,
        )
        with store.transaction(db):
            organisation_id = db["organisations"].insert(organisation.row()).last_pk
            document_id = store_text_document(
                db,
                path=f"synthetic/plan-{index + 1:03d}.pdf",
                filename=f"plan-{index + 1:03d}.pdf",
                organisation_id=organisation_id,
                text=text,
                period="2021-2025",
                layout=layout,
            )
        result.append((document_id, paragraphs))
    return result


def code_in_batches(db, planned: dict[tuple[str, str], list]) -> int:
    """One coding.code_spans batch per coder and code; the number of codings made."""
    return sum(
        coding.code_spans(db, coder, items, code_id, origin="manual")
        for (coder, code_id), items in sorted(planned.items())
    )


def code_synthetic(db, documents: list[tuple[int, list]], target: int, seed: int) -> int:
    """Code random paragraphs (1-2 codes, one of three coders) until ``target`` codings."""
    rng = random.Random(seed)
    codes = [c.id for c in codebook.codes_at(db) if not c.is_group]
    made = 0
    while made < target:  # a span drawn twice is coded once: draw again until there
        spans: dict[tuple[str, str], list] = defaultdict(list)
        for _ in range(target - made):
            document_id, paragraphs = rng.choice(documents)
            start, end = rng.choice(paragraphs)
            code_id = rng.choice(codes)
            spans[(rng.choice(CODERS), code_id)].append((document_id, start, end))
        made += code_in_batches(db, spans)
    return made


def ground_truth_corpus(db, corpus: Path, target: int, seed: int) -> int:
    """Ingest the sample corpus and code ground-truth passages until ``target`` codings."""
    from coder.ingest import ingest_paths

    report = ingest_paths(db, [corpus])
    print(f"ingested {len(report.results)} files, {report.pages} pages", flush=True)
    documents = {
        row["filename"]: (row["id"], row["text"])
        for row in db.query("SELECT id, filename, text FROM documents WHERE status = 'ingested'")
    }
    records = [
        json.loads(line)
        for line in (corpus / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    records = [r for r in records if r["codes"] and r["document"] in documents]
    random.Random(seed).shuffle(records)
    known = {c.id for c in codebook.codes_at(db) if not c.is_group}
    pending = iter(enumerate(records))
    made = 0
    while made < target:
        spans: dict[tuple[str, str], list] = defaultdict(list)
        planned = 0
        for number, record in pending:
            document_id, text = documents[record["document"]]
            start = text.find(record["text"])
            if start >= 0:
                end = start + len(record["text"])
            else:  # ingest may break lines differently: match word by word
                words = [re.escape(w) for w in record["text"].split()]
                match = re.search(r"\s+".join(words), text) if words else None
                if match is None:
                    continue
                start, end = match.span()
            for code_id in record["codes"]:
                if code_id in known:
                    spans[(CODERS[number % len(CODERS)], code_id)].append((document_id, start, end))
                    planned += 1
            if planned >= target - made:
                break
        if not planned:
            break  # the ground truth is used up
        made += code_in_batches(db, spans)
    return made


def timed(call):
    started = time.perf_counter()
    value = call()
    return time.perf_counter() - started, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("plans/sample-bench"))
    parser.add_argument("--codings", type=int, default=21_500)
    parser.add_argument("--plans", type=int, default=131)
    parser.add_argument("--pages", type=int, default=9_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--dry-run", action="store_true", help="Do not write RESULTS.md.")
    parser.add_argument("--synthetic", action="store_true", help="Ignore --corpus.")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="coder-export-bench-"))
    try:
        db = store.connect(workdir / "bench.db")
        codebook.ensure_default_codebook(db)
        for coder in CODERS:
            coding.ensure_user(db, coder)
        real = (
            not args.synthetic
            and (args.corpus / "ground_truth.jsonl").exists()
            and any(args.corpus.glob("*.pdf"))
        )
        started = time.perf_counter()
        if real:
            made = ground_truth_corpus(db, args.corpus, args.codings, args.seed)
            source = f"{args.corpus} (ingested; ground-truth passages coded)"
        else:
            documents = synthetic_corpus(db, args.plans, args.pages, args.seed)
            made = code_synthetic(db, documents, args.codings, args.seed)
            source = "synthetic corpus"
        setup_s = time.perf_counter() - started
        pages = db.execute("SELECT count(*) FROM pages").fetchone()[0]
        plans = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        characters = db.execute("SELECT sum(length(text)) FROM documents").fetchone()[0]
        print(f"{source}: {plans} plans, {pages} pages, {made} codings ({setup_s:.0f} s)")
        rows = []
        for fmt in ("csv", "xlsx", "parquet", "jsonl"):
            seconds, data = timed(lambda fmt=fmt: export_table(db, fmt))
            rows.append([fmt, f"{seconds:.1f}", f"{len(data) / 1e6:.1f}", "< 60 s"])
            print(rows[-1], flush=True)
        seconds, project = timed(lambda: export_project(db))
        qdpx = workdir / "bench.qdpx"
        qdpx.write_bytes(project.data)
        rows.append(["qdpx", f"{seconds:.1f}", f"{len(project.data) / 1e6:.1f}", "< 60 s"])
        print(rows[-1], flush=True)
        fresh = store.connect(workdir / "fresh.db")
        seconds, report = timed(lambda: import_project(fresh, qdpx, actor="bench"))
        rows.append(["qdpx import (fresh database)", f"{seconds:.1f}", "-", "< 120 s"])
        print(rows[-1], flush=True)
        back = fresh.execute("SELECT count(*) FROM codings").fetchone()[0]
        exports_ok = all(float(r[1]) < 60 for r in rows[:5])
        import_ok = float(rows[5][1]) < 120
        body = "\n".join(
            [
                f"Corpus: {source} — {plans} plans, {pages:,} pages, {characters:,} characters,"
                f" {made:,} codings by {len(CODERS)} coders (set-up {setup_s:.0f} s)."
                f" Machine: {machine()}.",
                "",
                table(["format", "seconds", "MB", "target"], rows),
                "",
                f"The import brought back {back:,} of {made:,} codings"
                f" ({report.documents_new} documents, positions: {report.positions}).",
                f"Targets (issue 8): every export < 60 s — {'met' if exports_ok else 'NOT met'};"
                f" qdpx import < 2 min — {'met' if import_ok else 'NOT met'}.",
            ]
        )
        if not args.dry_run:
            write_section("Export and exchange", body)
        print(body)
        return 0 if exports_ok and import_ok and back == made else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
