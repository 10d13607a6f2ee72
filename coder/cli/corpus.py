"""Corpus commands: ingest, status, search and the sample generator."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from coder import corpus
from coder import search as text_search
from coder.cli.base import (
    console,
    errors,
    handles_errors,
    main,
    new_table,
    open_db,
    print_json,
)
from coder.errors import CoderError


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="organisations.csv to use (default: the one beside the PDFs).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes to use (default: one per core).",
)
@click.option("--force", is_flag=True, help="Re-ingest files even when unchanged.")
@click.option("--ocr", is_flag=True, help="Run ocrmypdf on files with image-only pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handles_errors
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    manifest: Path | None,
    workers: int | None,
    force: bool,
    ocr: bool,
    as_json: bool,
) -> None:
    """Ingest plan PDFs (files or folders) into the corpus."""
    from coder.ingest import ingest_paths

    db = open_db(ctx)
    show = not as_json and sys.stderr.isatty()
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages • {task.fields[rate]} pages/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=errors,
        disable=not show,
    )
    state: dict[str, Any] = {}

    def on_start(total: int) -> None:
        state["task"] = progress.add_task("ingest", total=total or 1, rate="-")

    def on_file(result: Any, pages: int) -> None:
        progress.advance(state["task"], pages)
        elapsed = progress.tasks[0].elapsed or 0
        done = progress.tasks[0].completed
        progress.update(state["task"], rate=f"{done / elapsed:.0f}" if elapsed else "-")
        if result.status == "failed" and not as_json:
            progress.console.print(f"[red]failed:[/red] {escape(result.error)}", highlight=False)

    with progress:
        report = ingest_paths(
            db,
            paths,
            manifest=manifest,
            workers=workers,
            force=force,
            ocr=ocr,
            on_start=on_start,
            on_file=on_file,
        )
    if as_json:
        print_json(
            {"seconds": round(report.seconds, 2), "files": [asdict(r) for r in report.results]}
        )
    else:
        _print_ingest_summary(report)
    if report.failed:
        sys.exit(1)


def _print_ingest_summary(report: Any) -> None:
    table = new_table(
        "Ingest summary",
        ("file", "status", "pages", "segments", "sentences", "s", "notes"),
        figures={"pages", "segments", "sentences", "s"},
    )
    for r in report.results:
        notes = r.error or "; ".join(r.warnings)
        if r.reanchored or r.orphaned:
            notes = f"codings re-anchored {r.reanchored}, orphaned {r.orphaned}. {notes}"
        style = {"failed": "red", "unchanged": "dim"}.get(r.status)
        table.add_row(
            Path(r.path).name,
            r.status,
            str(r.pages or ""),
            str(r.segments or ""),
            str(r.sentences or ""),
            f"{r.seconds:.1f}" if r.seconds else "",
            notes,
            style=style,
        )
    console.print(table)
    counts: dict[str, int] = {}
    for r in report.results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    rate = report.pages / report.seconds if report.seconds else 0
    console.print(f"{summary}; {report.pages} pages in {report.seconds:.1f} s ({rate:.0f} pages/s)")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
@handles_errors
def status(ctx: click.Context, as_json: bool) -> None:
    """Documents, pages, segments and failures in the corpus."""
    result = corpus.status(open_db(ctx))
    if as_json:
        print_json(result.as_dict())
        return
    table = new_table(f"Corpus {ctx.obj}", ("what", "count"), figures={"count"})
    for label in (
        "organisations",
        "documents",
        "ingested",
        "failed",
        "pages",
        "segments",
        "sentences",
        "ocr_pages",
    ):
        table.add_row(label.replace("_", " "), str(getattr(result, label)))
    console.print(table)
    for failure in result.failures:
        console.print(f"[red]failed:[/red] {escape(failure['error'])}", highlight=False)
    for warning in result.warnings:
        console.print(
            f"[yellow]warning:[/yellow] {escape(warning['path'])}: {escape(warning['warning'])}",
            highlight=False,
        )


@main.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--prefix", is_flag=True, help="Match every word as a prefix (vrijwillig*).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
@handles_errors
def search(ctx: click.Context, query: str, limit: int, prefix: bool, as_json: bool) -> None:
    """Full-text search (FTS5): words, "a phrase", prefix*, AND/OR/NOT; Dutch stop words dropped."""
    hits = text_search.search(open_db(ctx), query, limit=limit, prefix=prefix)
    if as_json:
        print_json([asdict(h) for h in hits])
        return
    if not hits:
        console.print("no hits")
    for hit in hits:
        page = hit.page_label or hit.page
        console.print(
            f"[bold]{escape(hit.organisation or hit.document)}[/bold] p. {page}"
            f" [dim]{escape(hit.section)}[/dim]\n  {escape(hit.snippet)}",
            highlight=False,
        )


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("plans/sample"),
    show_default=True,
)
@click.option("--plans", type=int, default=131, show_default=True)
@click.option("--pages", type=int, default=9000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=None)
@click.option(
    "--bad/--no-bad",
    default=True,
    show_default=True,
    help="Also write broken inputs to <out>-bad for the ingest error paths.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handles_errors
def sample(
    out: Path, plans: int, pages: int, seed: int, workers: int | None, bad: bool, as_json: bool
) -> None:
    """Generate the sample corpus: plan PDFs, organisations.csv and ground_truth.jsonl."""
    from coder.sample import generate_bad_inputs, generate_corpus

    try:
        with Progress(
            TextColumn("[bold]sample"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=errors,
            disable=as_json or not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("plans", total=plans)
            summary = generate_corpus(
                out,
                plans=plans,
                pages=pages,
                seed=seed,
                workers=workers,
                progress=lambda done, total: progress.update(task, completed=done),
            )
    except ValueError as exc:
        raise CoderError(str(exc)) from exc
    bad_files = generate_bad_inputs(out.parent / f"{out.name}-bad") if bad else []
    if as_json:
        print_json(
            {
                "out": str(summary.out_dir),
                "plans": summary.plans,
                "pages": summary.pages,
                "seconds": round(summary.seconds, 1),
                "bad_inputs": [str(p) for p in bad_files],
            }
        )
        return
    console.print(
        f"{summary.plans} plans, {summary.pages} pages in {summary.out_dir}"
        f" ({summary.seconds:.0f} s); broken inputs: {len(bad_files)}"
    )
