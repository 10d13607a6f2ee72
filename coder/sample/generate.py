"""Orchestration: draw organisations, plan, make unique, render in parallel, write files.

Why three phases: planning is pure and parallel; the uniqueness pass needs all plans at
once (it runs in the main process, in plan order, so it is deterministic); rendering is the
expensive part and runs in a process pool, largest plans first so the pool stays busy to
the end. Every random choice derives from (seed, plan index), so the number of workers never
changes the output.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from coder.sample.blocks import PlanDocument
from coder.sample.manifest import (
    GROUND_TRUTH_NAME,
    MANIFEST_NAME,
    ground_truth_records,
    write_ground_truth,
    write_manifest,
)
from coder.sample.organisations import (
    MAX_PAGES,
    MAX_PLANS,
    MIN_PAGES,
    Organisation,
    allocate_pages,
    sample_organisations,
)
from coder.sample.prose import plan_document
from coder.sample.unique import make_unique

Progress = Callable[[int, int], None]


@dataclass
class SampleSummary:
    """What ``generate_corpus`` produced."""

    out_dir: Path
    plans: int
    pages: int  # actual total number of PDF pages
    files: list[Path] = field(default_factory=list)  # PDFs, then the manifest and ground truth
    seconds: float = 0.0


def validate(plans: int, pages: int, seed: int, workers: int | None) -> None:
    """Raise ``ValueError`` with a one-line message naming the bad argument."""
    if isinstance(plans, bool) or not isinstance(plans, int) or plans < 1:
        raise ValueError(f"plans must be a positive integer, got {plans!r}")
    if plans > MAX_PLANS:
        raise ValueError(f"plans must be at most {MAX_PLANS}, got {plans}")
    if isinstance(pages, bool) or not isinstance(pages, int):
        raise ValueError(f"pages must be an integer, got {pages!r}")
    if pages < MIN_PAGES * plans:
        raise ValueError(
            f"pages must be at least {MIN_PAGES} per plan ({MIN_PAGES * plans} for {plans} "
            f"plans), got {pages}"
        )
    if pages > MAX_PAGES * plans:
        raise ValueError(
            f"pages must be at most {MAX_PAGES} per plan ({MAX_PAGES * plans} for {plans} "
            f"plans), got {pages}"
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise ValueError(f"workers must be a positive integer or None, got {workers!r}")


def _plan_task(org: Organisation, target: int, seed: int, peers: list[str]) -> PlanDocument:
    return plan_document(org, target, seed, peers)


def _render_task(doc: PlanDocument, out_dir: str) -> tuple[int, int, dict[int, tuple[int, int]]]:
    from coder.sample.render import render_to_target  # import here: workers only need it

    result = render_to_target(doc)
    (Path(out_dir) / doc.org.file).write_bytes(result.pdf)
    return doc.org.index, result.pages, result.passage_pages


class _InlineExecutor(Executor):
    """Runs tasks in this process (workers=1): simpler tracebacks, no pickling."""

    def submit(self, fn, /, *args, **kwargs):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _context() -> multiprocessing.context.BaseContext:
    """Fork when that is safe (one thread, POSIX): fast and needs no ``__main__`` guard.

    Otherwise (threads running, e.g. inside a web app, or no fork on this OS) spawn fresh
    interpreters; callers then need the usual ``if __name__ == "__main__"`` guard.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _executor(count: int) -> Executor:
    if count <= 1:
        return _InlineExecutor()
    return ProcessPoolExecutor(count, mp_context=_context())


def _plan_all(
    executor: Executor, orgs: list[Organisation], targets: list[int], seed: int
) -> list[PlanDocument]:
    """Plan every document (largest first), then make all passages unique in plan order."""
    peers = [org.name for org in orgs]
    order = sorted(range(len(orgs)), key=lambda i: targets[i], reverse=True)
    planned = {i: executor.submit(_plan_task, orgs[i], targets[i], seed, peers) for i in order}
    docs = [planned[i].result() for i in range(len(orgs))]
    make_unique(docs, seed)
    return docs


def plan_corpus(
    plans: int = 131, pages: int = 9000, seed: int = 1, workers: int | None = None
) -> list[PlanDocument]:
    """The content of a whole corpus without rendering it (same text as generate_corpus)."""
    validate(plans, pages, seed, workers)
    orgs = sample_organisations(plans, seed)
    targets = allocate_pages(orgs, pages, seed)
    with _executor(min(workers or os.cpu_count() or 1, plans)) as executor:
        return _plan_all(executor, orgs, targets, seed)


def generate_corpus(
    out_dir: Path,
    plans: int = 131,
    pages: int = 9000,
    seed: int = 1,
    workers: int | None = None,
    progress: Progress | None = None,
) -> SampleSummary:
    """Write ``plans`` PDFs (about ``pages`` pages in total), the manifest and ground truth.

    ``progress(done, total)`` is called each time a plan's PDF is written.
    """
    started = time.perf_counter()
    validate(plans, pages, seed, workers)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    orgs = sample_organisations(plans, seed)
    targets = allocate_pages(orgs, pages, seed)
    with _executor(min(workers or os.cpu_count() or 1, plans)) as executor:
        docs = _plan_all(executor, orgs, targets, seed)
        order = sorted(range(plans), key=lambda i: targets[i], reverse=True)
        placed: dict[int, dict[int, tuple[int, int]]] = {}
        page_counts: dict[int, int] = {}
        futures = [executor.submit(_render_task, docs[i], str(out)) for i in order]
        for done, future in enumerate(as_completed(futures), start=1):
            index, page_count, passage_pages = future.result()
            placed[index] = passage_pages
            page_counts[index] = page_count
            if progress:
                progress(done, plans)
    manifest = write_manifest(out / MANIFEST_NAME, orgs)
    records = (r for doc in docs for r in ground_truth_records(doc, placed[doc.org.index]))
    truth = write_ground_truth(out / GROUND_TRUTH_NAME, records)
    files = [out / org.file for org in orgs] + [manifest, truth]
    return SampleSummary(
        out_dir=out,
        plans=plans,
        pages=sum(page_counts.values()),
        files=files,
        seconds=round(time.perf_counter() - started, 2),
    )
