"""Ingest benchmark: pages/s and peak memory of `coder ingest`, next to pdftotext.

Runs, on the same corpus in the same run:
1. `coder ingest` into a fresh database (all cores), sampling the summed RSS of
   the process tree every 0.1 s for the peak;
2. `coder ingest` again (nothing changed: must be a no-op);
3. `pdftotext` (poppler) over the same files, one process and two in parallel;
4. a quality check: the share of ground-truth passages found on their page.

Usage: python benchmarks/ingest.py [--corpus plans/sample-bench]
(the corpus is generated with `coder sample` when missing).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import machine, table, write_section
from coder import store

CODER = [sys.executable, "-m", "coder.cli"]


def tree_rss_kb(pid: int) -> int:
    """Summed resident memory (kB) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return total


def run_measured(cmd: list[str]) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time and peak tree RSS (MB) of a command."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    done = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    return time.perf_counter() - started, peak // 1024, done


def pdftotext_seconds(files: list[Path], parallel: int) -> float:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise SystemExit("pdftotext not found: apt-get install poppler-utils (make bench does)")
    started = time.perf_counter()
    running: list[subprocess.Popen] = []
    for file in files:
        while len(running) >= parallel:
            running = [p for p in running if p.poll() is None]
            time.sleep(0.005)
        running.append(
            subprocess.Popen(
                [exe, str(file), "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
    for p in running:
        p.wait()
    return time.perf_counter() - started


def ground_truth_found(db_path: Path, corpus: Path) -> tuple[int, int, int]:
    """(passages, found in the document text, found on their page)."""
    truth = corpus / "ground_truth.jsonl"
    if not truth.exists():
        return 0, 0, 0
    db = store.connect(db_path)
    texts = {
        r["filename"]: (r["id"], r["text"])
        for r in db.query("SELECT id, filename, text FROM documents WHERE status = 'ingested'")
    }
    pages = {}
    for r in db.query('SELECT document_id, number, start, "end" FROM pages'):
        pages[(r["document_id"], r["number"])] = (r["start"], r["end"])
    squash = re.compile(r"\s+")
    flat = {name: squash.sub("", text) for name, (_, text) in texts.items()}
    total = found = on_page = 0
    for line in truth.read_text(encoding="utf-8").splitlines():
        passage = json.loads(line)
        if passage["document"] not in texts:
            continue
        total += 1
        doc_id, text = texts[passage["document"]]
        needle = squash.sub("", passage["text"])
        if needle in flat[passage["document"]]:
            found += 1
            start, end = pages.get((doc_id, passage["page"]), (0, 0))
            last = pages.get((doc_id, passage.get("page_end", passage["page"])), (start, end))[1]
            if needle in squash.sub("", text[start:last]):
                on_page += 1
    return total, found, on_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("plans/sample-bench"))
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    corpus: Path = args.corpus
    if not any(corpus.glob("*.pdf")):
        print(f"generating the sample corpus in {corpus} ...", flush=True)
        subprocess.run([*CODER, "sample", "--out", str(corpus), "--no-bad"], check=True)
    files = sorted(corpus.glob("*.pdf"))
    workdir = Path(tempfile.mkdtemp(prefix="coder-bench-"))
    db_path = workdir / "bench.db"
    ingest = [*CODER, "--db", str(db_path), "ingest", "--json", str(corpus)]
    if args.workers:
        ingest += ["--workers", str(args.workers)]

    first_s, first_mb, first = run_measured(ingest)
    report = json.loads(first.stdout)
    pages = sum(f["pages"] for f in report["files"])
    failed = [f for f in report["files"] if f["status"] == "failed"]
    second_s, _, second = run_measured(ingest)
    unchanged = sum(f["status"] == "unchanged" for f in json.loads(second.stdout)["files"])
    one_s = pdftotext_seconds(files, 1)
    two_s = pdftotext_seconds(files, 2)
    total, found, on_page = ground_truth_found(db_path, corpus)
    shutil.rmtree(workdir)

    rows = [
        [
            "coder ingest (all cores), first run",
            f"{first_s:.1f}",
            f"{pages / first_s:.1f}",
            first_mb,
        ],
        ["coder ingest, second run (nothing changed)", f"{second_s:.2f}", "-", "-"],
        ["pdftotext, 1 process", f"{one_s:.1f}", f"{pages / one_s:.1f}", "-"],
        ["pdftotext, 2 processes", f"{two_s:.1f}", f"{pages / two_s:.1f}", "-"],
    ]
    body = "\n".join(
        [
            f"Corpus: {corpus} — {len(files)} PDFs, {pages} pages ingested, {len(failed)} failed. "
            f"Machine: {machine()}.",
            "",
            table(["run", "seconds", "pages/s", "peak RSS (MB, whole process tree)"], rows),
            "",
            f"coder ingest is {first_s / two_s:.1f}x the time of pdftotext on 2 processes "
            f"({first_s / one_s:.1f}x of 1 process); pdftotext extracts plain text only "
            "(no layout, headers, hyphens, tables, sentences or database). "
            f"Second run: {unchanged}/{len(files)} files unchanged.",
            f"Ground truth: {found}/{total} passages found in their document's text"
            f" ({found / total:.1%}), {on_page}/{total} on their page ({on_page / total:.1%})."
            if total
            else "No ground_truth.jsonl in the corpus.",
            "",
            "Targets (issue 2): 9,000 pages < 10 min on 2 cores, peak RSS < 1.5 GB,"
            " second run < 5 s.",
        ]
    )
    write_section("Ingest", body)
    print(body)


if __name__ == "__main__":
    main()
