"""Time the generation of the full sample corpus (131 plans, about 9,000 pages).

Usage: ``python benchmarks/sample.py [--out DIR] [--plans N] [--pages N] [--workers N]``

Prints plans, pages, seconds and pages per second, and writes (or replaces) the
``## Sample corpus generation`` section of ``benchmarks/RESULTS.md``, keeping other sections.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import RESULTS, machine, table, write_section
from coder.sample import generate_corpus
from coder.sample.codes import CODE_IDS

TITLE = "Sample corpus generation"


def _corpus_figures(out: Path) -> dict[str, object]:
    """Page and passage statistics of a generated corpus (read back from its files)."""
    pages = []
    for pdf_path in sorted(out.glob("*.pdf")):
        pdf = pdfium.PdfDocument(pdf_path)
        pages.append(len(pdf))
        pdf.close()
    records = [json.loads(line) for line in (out / "ground_truth.jsonl").open(encoding="utf-8")]
    plans_per_code: dict[str, set[str]] = {code: set() for code in CODE_IDS}
    for record in records:
        for code in record["codes"]:
            plans_per_code[code].add(record["document"])
    kinds = Counter(record["kind"] for record in records)
    return {
        "pages_min": min(pages),
        "pages_median": statistics.median(pages),
        "pages_max": max(pages),
        "passages": len(records),
        "paragraphs": kinds["paragraph"],
        "list_items": kinds["list_item"],
        "multi_code": sum(len(r["codes"]) >= 2 for r in records) / len(records),
        "no_code": sum(not r["codes"] for r in records) / len(records),
        "min_plans_per_code": min(len(v) for v in plans_per_code.values()),
        "size_mb": sum(p.stat().st_size for p in out.glob("*.pdf")) / 1e6,
    }


def _section(args: argparse.Namespace, summary, figures: dict[str, object]) -> str:
    rate = summary.pages / summary.seconds if summary.seconds else float("nan")
    header = [
        "plans", "pages", "seconds", "pages/s", "pages per plan (min/median/max)", "passages",
        "multi-code", "no code", "min plans per code", "PDF size",
    ]  # fmt: skip
    row = [
        summary.plans,
        summary.pages,
        f"{summary.seconds:.1f}",
        f"{rate:.1f}",
        f"{figures['pages_min']}/{figures['pages_median']}/{figures['pages_max']}",
        figures["passages"],
        f"{figures['multi_code']:.1%}",
        f"{figures['no_code']:.1%}",
        figures["min_plans_per_code"],
        f"{figures['size_mb']:.0f} MB",
    ]
    deviation = abs(summary.pages - args.pages) / args.pages
    return "\n\n".join(
        [
            f"`python benchmarks/sample.py`, workers={args.workers or os.cpu_count()}, "
            f"seed={args.seed}. Machine: {machine()}.",
            table(header, [row]),
            f"Requested {args.pages} pages; the total is within {deviation:.1%} of that. "
            "Target (issue 3): the full corpus in under 5 minutes on 2 cores"
            f" — {'met' if summary.seconds < 300 else 'NOT met'}.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="output directory (default: a temp dir)")
    parser.add_argument("--plans", type=int, default=131)
    parser.add_argument("--pages", type=int, default=9000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coder-sample-") as tmp:
        out = args.out or Path(tmp)
        summary = generate_corpus(
            out, plans=args.plans, pages=args.pages, seed=args.seed, workers=args.workers
        )
        figures = _corpus_figures(out)
    rate = summary.pages / summary.seconds
    print(f"plans:     {summary.plans}")
    print(f"pages:     {summary.pages}")
    print(f"seconds:   {summary.seconds:.1f}")
    print(f"pages/s:   {rate:.1f}")
    for key, value in figures.items():
        print(f"{key + ':':<20} {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    if not args.no_write:
        write_section(TITLE, _section(args, summary, figures))
        print(f"updated {RESULTS}")


if __name__ == "__main__":
    main()
