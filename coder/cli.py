"""The `coder` command: a thin skin over the library.

Each command parses its arguments, calls one library function and formats
the result (a table, or JSON with ``--json``). Library errors become one-line
messages and exit code 1; nothing here knows SQL.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import wraps
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from coder import config, corpus, store
from coder import search as text_search
from coder.errors import CoderError, ManifestError

console = Console()
errors = Console(stderr=True)


def _fail(message: str) -> None:
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def handles_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a one-line message and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ManifestError as exc:
            for problem in exc.problems:
                _fail(f"{exc.path}: {problem}")
            sys.exit(1)
        except CoderError as exc:
            _fail(str(exc))
            sys.exit(1)

    return wrapper


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group()
@click.option(
    "--db",
    "db_path",
    envvar="CODER_DB",
    default=None,
    type=click.Path(dir_okay=False),
    help="Database file (default: $CODER_DB, else data/coder.db).",
)
@click.version_option(package_name="coder")
@click.pass_context
def main(ctx: click.Context, db_path: str | None) -> None:
    """coder: qualitative coding and analysis of policy plans."""
    ctx.obj = config.db_path(db_path)


def _open(ctx: click.Context):
    return store.connect(ctx.obj)


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

    db = _open(ctx)
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
        _print_json(
            {"seconds": round(report.seconds, 2), "files": [asdict(r) for r in report.results]}
        )
    else:
        _print_ingest_summary(report)
    if report.failed:
        sys.exit(1)


def _print_ingest_summary(report: Any) -> None:
    table = Table(title="Ingest summary")
    for column in ("file", "status", "pages", "segments", "sentences", "s", "notes"):
        table.add_column(
            column, justify="right" if column in ("pages", "segments", "sentences", "s") else "left"
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
    result = corpus.status(_open(ctx))
    if as_json:
        _print_json(result.as_dict())
        return
    table = Table(title=f"Corpus {ctx.obj}")
    table.add_column("what")
    table.add_column("count", justify="right")
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
    hits = text_search.search(_open(ctx), query, limit=limit, prefix=prefix)
    if as_json:
        _print_json([asdict(h) for h in hits])
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
        _print_json(
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


# -- codebook -----------------------------------------------------------------------------


def _say(text: str) -> None:
    """One line of codebook output: never re-wrapped (diffs and logs stay greppable)."""
    console.print(text, highlight=False, soft_wrap=True)


def _cb() -> Any:
    """The codebook package, imported when a codebook command runs (keeps start-up quick)."""
    from coder import codebook as cb

    return cb


def lists_problems(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print each problem of a CodebookError on its own line (code and field), then exit 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CoderError as exc:
            problems = getattr(exc, "problems", None)
            if not problems or isinstance(exc, ManifestError):
                raise
            for problem in problems:
                _fail(f"{exc.source}: {problem}")
            sys.exit(1)

    return wrapper


def _actor(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as",
        "actor",
        envvar="USER",
        default="admin",
        show_default="$USER, else admin",
        help="Who makes the change (recorded in the codebook log).",
    )(command)


def _as_json(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print as JSON.")(command)


def _report(result: Any, as_json: bool) -> None:
    """The outcome of a change: its version and summary, or that nothing changed."""
    if as_json:
        _print_json(result.as_dict())
        return
    for warning in getattr(result, "warnings", []):
        _say(f"[yellow]warning:[/yellow] {escape(warning)}")
    if result.version is None:
        _say("no changes: the codebook already is like this")
    else:
        _say(f"version {result.version}: {escape(result.summary)}")


def _position(position: int | None) -> int | None:
    return None if position is None else position - 1


@main.group()
def codebook() -> None:
    """The codebook: load, browse, change (each change a new version) and exchange codes."""


@codebook.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_load(ctx: click.Context, file: Path, actor: str, as_json: bool) -> None:
    """Make a YAML codebook FILE the codebook (validated first; a bad file changes nothing)."""
    _report(_cb().load(_open(ctx), file, actor=actor), as_json)


@codebook.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--fill-definitions",
    is_flag=True,
    help="Put a placeholder where a code of the other tool has no description.",
)
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_import(
    ctx: click.Context, file: Path, fill_definitions: bool, actor: str, as_json: bool
) -> None:
    """Make a REFI-QDA codebook FILE (.qdc) the codebook."""
    result = _cb().import_qdc(_open(ctx), file, actor=actor, fill_definitions=fill_definitions)
    _report(result, as_json)


@codebook.command("list")
@click.option("--version", "version", type=click.IntRange(1), help="A past version.")
@click.option("--search", "query", help="Only codes whose text has all these words.")
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_list(
    ctx: click.Context, version: int | None, query: str | None, as_json: bool
) -> None:
    """The codes as a tree: id, name, short name, colour and number of codings."""
    cb = _cb()
    db = _open(ctx)
    codes = cb.codes_at(db, version)
    if query:
        codes = [c for c in codes if cb.matches(c, query)]
    counts = cb.coding_counts(db)
    if as_json:
        _print_json([{**c.as_dict(), "codings": counts.get(c.id, 0)} for c in codes])
        return
    if not codes:
        _say("no codes" if query else "no codebook yet: coder codebook load FILE")
        return
    by_id = {c.id: c for c in codes}
    table = Table(title=f"Codebook version {version or cb.current_version(db)}")
    for column in ("id", "name", "short", "colour", "codings"):
        table.add_column(column, justify="right" if column == "codings" else "left")
    for code in codes:
        level, parent = 0, code.parent_id
        while parent in by_id:
            level, parent = level + 1, by_id[parent].parent_id
        swatch = f"[{code.colour}]■[/] {code.colour}" if code.colour else ""
        table.add_row(
            "  " * level + escape(code.id),
            f"[bold]{escape(code.name)}[/bold]" if code.is_group else escape(code.name),
            escape(code.short_name),
            swatch,
            "" if code.is_group else str(counts.get(code.id, 0)),
        )
    console.print(table)


@codebook.command("show")
@click.argument("code_id")
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_show(ctx: click.Context, code_id: str, as_json: bool) -> None:
    """One code in full: definition, criteria, examples, codings and its history."""
    cb = _cb()
    db = _open(ctx)
    code = cb.get(db, code_id)
    count = cb.coding_counts(db).get(code_id, 0)
    history = cb.log(db, code_id=code_id)
    if as_json:
        _print_json({**code.as_dict(), "codings": count, "history": [v.as_dict() for v in history]})
        return
    _say(f"[bold]{escape(code.name)}[/bold] ({escape(code.id)})")
    for label, value in (
        ("short name", code.short_name),
        ("parent", code.parent_id or ""),
        ("colour", code.colour or ""),
        ("kind", "group (not codable)" if code.is_group else f"code, {count} codings"),
        ("definition", code.definition),
        ("inclusion", code.inclusion),
        ("exclusion", code.exclusion),
    ):
        if value:
            _say(f"[dim]{label}:[/dim] {escape(value)}")
    for example in code.examples:
        _say(f"[dim]example:[/dim] {escape(example)}")
    for entry in history:
        _say(
            f"[dim]v{entry.version} {entry.created_at} {escape(entry.actor)}:[/dim]"
            f" {escape(entry.summary)}",
        )


@codebook.command("log")
@click.option("--code", "code_id", help="Only versions that changed this code.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every changed field.")
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_log(ctx: click.Context, code_id: str | None, verbose: bool, as_json: bool) -> None:
    """Every codebook version, newest first: number, when, who and what changed."""
    entries = _cb().log(_open(ctx), code_id=code_id)
    if as_json:
        _print_json([v.as_dict() for v in entries])
        return
    if not entries:
        _say("no codebook versions yet")
    for entry in entries:
        _say(
            f"[bold]v{entry.version}[/bold] {entry.created_at} [cyan]{escape(entry.actor)}[/cyan]"
            f"  {escape(entry.summary)}",
        )
        if verbose or code_id:
            for change in entry.changes:
                if code_id and change.code_id != code_id:
                    continue
                what = f".{change.field}" if change.field else ""
                value = f": {change.before!r} -> {change.after!r}" if change.field else ""
                _say(
                    f"    {change.action} {escape(change.code_id)}{what}{escape(value)}",
                )


@codebook.command("diff")
@click.argument("v1", type=int)
@click.argument("v2", type=int)
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_diff(ctx: click.Context, v1: int, v2: int, as_json: bool) -> None:
    """What changed between codebook versions V1 and V2."""
    diffs = _cb().diff(_open(ctx), v1, v2)
    if as_json:
        _print_json([d.as_dict() for d in diffs])
        return
    _say(f"codebook v{v1} -> v{v2}: codes that differ: {len(diffs)}")
    marks = {
        "added": "[green]+[/green]",
        "removed": "[red]-[/red]",
        "changed": "[yellow]~[/yellow]",
    }
    for d in diffs:
        note = f"  ({escape(d.note)})" if d.note else ""
        _say(f"{marks[d.kind]} {escape(d.code_id)}  {escape(d.name)}{note}")
        for name, (before, after) in d.fields.items():
            if isinstance(before, str) and isinstance(after, str) and len(before + after) > 60:
                _say(f"    {name}:")
                _say(f"      [red]- {escape(before)}[/red]")
                _say(f"      [green]+ {escape(after)}[/green]")
            else:
                _say(f"    {name}: {escape(repr(before))} -> {escape(repr(after))}")


@codebook.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "md", "html", "qdc"]),
    default="yaml",
    show_default=True,
)
@click.option("--version", "version", type=click.IntRange(1), help="A past version.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write ('-' for standard output).",
)
@click.pass_context
@handles_errors
@lists_problems
def codebook_export(ctx: click.Context, fmt: str, version: int | None, output: str) -> None:
    """Write the codebook (now, or --version N) as YAML, Markdown, HTML or REFI-QDA .qdc."""
    data = _cb().export(_open(ctx), fmt, version=version)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise CoderError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    errors.print(f"wrote {escape(output)} ({fmt}, {len(data):,} bytes)")


@codebook.command("add")
@click.argument("code_id")
@click.option("--name", required=True)
@click.option("--definition", default="", help="Required for codes, optional for groups.")
@click.option("--parent", default=None, help="Id of the group or code to put it under.")
@click.option("--short-name", default="")
@click.option("--colour", default=None, help="#RRGGBB")
@click.option("--inclusion", default="")
@click.option("--exclusion", default="")
@click.option("--example", "examples", multiple=True, help="An example sentence (repeatable).")
@click.option("--group", "is_group", is_flag=True, help="A heading that is not codable.")
@click.option("--position", type=click.IntRange(1), help="Place among its siblings (1 = first).")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_add(
    ctx: click.Context, code_id: str, actor: str, as_json: bool, **fields: Any
) -> None:
    """Add a code CODE_ID (a stable id: lower case, digits, hyphens)."""
    cb = _cb()
    position = _position(fields.pop("position"))
    code = cb.Code(
        id=code_id,
        parent_id=fields.pop("parent"),
        examples=list(fields.pop("examples")),
        **fields,
    )
    _report(cb.add(_open(ctx), code, actor=actor, position=position), as_json)


@codebook.command("rename")
@click.argument("code_id")
@click.argument("name")
@click.option("--short-name", default=None)
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_rename(
    ctx: click.Context, code_id: str, name: str, short_name: str | None, actor: str, as_json: bool
) -> None:
    """Give code CODE_ID a new NAME (its id and codings stay)."""
    _report(_cb().rename(_open(ctx), code_id, name, actor=actor, short_name=short_name), as_json)


@codebook.command("edit")
@click.argument("code_id")
@click.option("--definition")
@click.option("--inclusion")
@click.option("--exclusion")
@click.option("--example", "examples", multiple=True, help="Replaces all examples (repeatable).")
@click.option("--colour", help="#RRGGBB, or '' for none")
@click.option("--short-name")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_edit(
    ctx: click.Context, code_id: str, actor: str, as_json: bool, **fields: Any
) -> None:
    """Change the definition, criteria, examples, colour or short name of CODE_ID."""
    changes = {k: v for k, v in fields.items() if v is not None and k != "examples"}
    if fields["examples"]:
        changes["examples"] = list(fields["examples"])
    if not changes:
        raise CoderError(f"edit {code_id}: nothing to change (give --definition, --example, ...)")
    _report(_cb().edit(_open(ctx), code_id, actor=actor, **changes), as_json)


@codebook.command("move")
@click.argument("code_id")
@click.option("--to", "parent", help="Id of the new parent group or code.")
@click.option("--top", is_flag=True, help="Move to the top level.")
@click.option("--position", type=click.IntRange(1), help="Place among its siblings (1 = first).")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_move(
    ctx: click.Context,
    code_id: str,
    parent: str | None,
    top: bool,
    position: int | None,
    actor: str,
    as_json: bool,
) -> None:
    """Put CODE_ID (with its subcodes) under another parent, or reorder it with --position."""
    db = _open(ctx)
    cb = _cb()
    if parent and top:
        raise CoderError(f"move {code_id}: give --to PARENT or --top, not both")
    if not parent and not top:
        parent = cb.get(db, code_id).parent_id
        if position is None:
            raise CoderError(f"move {code_id}: give --to PARENT, --top or --position N")
    result = cb.move(
        db, code_id, None if top else parent, actor=actor, position=_position(position)
    )
    _report(result, as_json)


@codebook.command("merge")
@click.argument("source")
@click.argument("target")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_merge(ctx: click.Context, source: str, target: str, actor: str, as_json: bool) -> None:
    """Merge code SOURCE into TARGET: all codings move, SOURCE is retired."""
    _report(_cb().merge(_open(ctx), source, target, actor=actor), as_json)


@codebook.command("split")
@click.argument("code_id")
@click.option(
    "--into",
    "into",
    multiple=True,
    required=True,
    metavar="ID=NAME",
    help="A new code (repeat: at least two).",
)
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_split(
    ctx: click.Context, code_id: str, into: tuple[str, ...], actor: str, as_json: bool
) -> None:
    """Split CODE_ID into new codes; its codings stay on it, listed for review."""
    cb = _cb()
    new = []
    for spec in into:
        new_id, sep, name = spec.partition("=")
        if not sep or not new_id.strip() or not name.strip():
            raise CoderError(f"split {code_id}: --into {spec!r} must be ID=NAME")
        new.append(cb.Code(id=new_id.strip(), name=name.strip()))
    result = cb.split(_open(ctx), code_id, new, actor=actor)
    _report(result, as_json)
    if not as_json and result.review:
        _say(
            f"{len(result.review)} codings stay on {escape(code_id)} for review:"
            f" coder codebook review {escape(code_id)}",
        )


@codebook.command("retire")
@click.argument("code_id")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_retire(ctx: click.Context, code_id: str, actor: str, as_json: bool) -> None:
    """Take CODE_ID out of the codebook (refused while it has codings or subcodes)."""
    _report(_cb().retire(_open(ctx), code_id, actor=actor), as_json)


@codebook.command("review")
@click.argument("code_id", required=False)
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_review(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """Codings still on split codes, to reassign with: coder codebook reassign IDS --to CODE."""
    reviews = _cb().reviews(_open(ctx), code_id)
    if as_json:
        _print_json([r.as_dict() for r in reviews])
        return
    if not reviews:
        _say("nothing to review")
    for review in reviews:
        _say(
            f"[bold]{escape(review.code_id)}[/bold] {escape(review.name)}: {len(review.codings)}"
            f" codings; new codes: {escape(', '.join(review.into))}",
        )
        for c in review.codings:
            _say(
                f"  #{c['id']} {escape(str(c['document']))} [{c['start']}:{c['end']}]"
                f" {escape(c['coder'])}: {escape(c['text'][:100])}",
            )


@codebook.command("reassign")
@click.argument("coding_ids", nargs=-1, required=True, type=int)
@click.option("--to", "target", required=True, help="The code the codings move to.")
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def codebook_reassign(
    ctx: click.Context, coding_ids: tuple[int, ...], target: str, actor: str, as_json: bool
) -> None:
    """Move codings (by id, as `review` lists them) to another code."""
    moved, duplicates = _cb().reassign(_open(ctx), list(coding_ids), target, actor=actor)
    if as_json:
        _print_json({"moved": moved, "duplicates": duplicates})
        return
    _say(f"{moved} codings moved to {escape(target)}, {duplicates} duplicates joined")


# -- horizontal analysis, summaries and reports (issue 7) ---------------------------------


def _writer(ctx: click.Context, actor: str) -> tuple[Any, str]:
    """The database and the acting user, registered on first use (as the app's reader list)."""
    from coder import coding

    db = _open(ctx)
    return db, coding.ensure_user(db, actor)


def _analysis_actor(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as",
        "actor",
        envvar="USER",
        default="admin",
        show_default="$USER, else admin",
        help="Who does this (a steering-group member may only comment).",
    )(command)


def _pct(value: float) -> str:
    return f"{value:.1%}"


def _text_arg(text: str | None, file: Path | None) -> str:
    if file is not None:
        return file.read_text(encoding="utf-8")
    if text is None:
        raise click.UsageError("give the text with --text or --file")
    return text


@main.command("report")
@click.argument("code_id", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["html", "docx", "pdf"]), default="html", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=True, path_type=Path), help="File or folder."
)
@click.option(
    "--all", "all_codes", is_flag=True, help="One report with every code and the findings."
)
@click.option("--each", is_flag=True, help="One file per code in the folder given with -o.")
@click.pass_context
@handles_errors
def report_command(
    ctx: click.Context,
    code_id: str | None,
    fmt: str,
    output: Path | None,
    all_codes: bool,
    each: bool,
) -> None:
    """Per-code report (summary, figures, charts, key quotes, coverage, method) as HTML/DOCX/PDF."""
    from coder import reports

    db = _open(ctx)
    if each:
        if output is None:
            raise click.UsageError("--each needs a folder: -o reports/")
        written = reports.write_code_reports(db, output, fmt)
        console.print(f"{len(written)} reports written to {escape(str(output))}", highlight=False)
        return
    if not all_codes and not code_id:
        raise click.UsageError("name a code (coder report vrijwilligers), or use --all or --each")
    data = reports.all_codes(db, fmt) if all_codes else reports.report(db, code_id, fmt)
    target = output or Path(reports.filename(None if all_codes else code_id, fmt))
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        return
    target.write_bytes(data)
    console.print(f"written: {escape(str(target))} ({len(data):,} bytes)", highlight=False)


@main.group("analysis")
def analysis_group() -> None:
    """Horizontal analysis: code view, coverage, matrices, co-occurrence, alignment, terms."""


@analysis_group.command("fragments")
@click.argument("code_id")
@click.option("--region", multiple=True, help="Only these regions (repeatable).")
@click.option("--function", "functions", multiple=True, help="Only organisations with a function.")
@click.option("--new-entrant/--established", default=None, help="Only new entrants, or only not.")
@click.option("--coder", "coders", multiple=True, help="Only codings by these readers.")
@click.option("--text", help="Only fragments with all these words (accents and case ignored).")
@click.option("--part", type=click.Choice(["inhoudelijk", "zakelijk"]), help="Part of the plan.")
@click.option("--key-quotes", is_flag=True, help="Only key quotes.")
@click.option(
    "--sort",
    default="organisation",
    show_default=True,
    help="organisation, fragments, share, region, fte, subsidy, branches.",
)
@click.option("--desc", is_flag=True, help="Sort descending.")
@click.option("--context", type=click.IntRange(0, 5), default=0, help="Extra sentences around.")
@_as_json
@click.pass_context
@handles_errors
def analysis_fragments(
    ctx: click.Context,
    code_id: str,
    region: tuple[str, ...],
    functions: tuple[str, ...],
    new_entrant: bool | None,
    coders: tuple[str, ...],
    text: str | None,
    part: str | None,
    key_quotes: bool,
    sort: str,
    desc: bool,
    context: int,
    as_json: bool,
) -> None:
    """The code view: every fragment of a code, grouped by organisation."""
    from coder import analysis

    where = analysis.OrgFilter()
    if region:
        where.attributes["region"] = list(region)
    if functions:
        where.attributes["functions"] = list(functions)
    if new_entrant is not None:
        where.attributes["new_entrant"] = ["ja" if new_entrant else "nee"]
    view = analysis.code_view(
        _open(ctx),
        code_id,
        where=where,
        coders=list(coders) or None,
        text=text,
        part=part,
        key_quotes_only=key_quotes,
        sort=sort,
        descending=desc,
        context=context,
    )
    if as_json:
        _print_json(view.as_dict())
        return
    _say(
        f"[bold]{escape(view.code.name)}[/bold]: {len(view.fragments)} fragments in"
        f" {len(view.groups)} of {view.total_organisations} organisations"
    )
    for group in view.groups:
        _say(
            f"\n[bold]{escape(group.organisation.name)}[/bold] ({len(group.fragments)} fragments,"
            f" {_pct(group.share)} of the plan)"
        )
        for f in group.fragments:
            star = "★ " if f.key_quote else ""
            _say(
                f"  {star}#{f.coding_id} p. {escape(f.page_name)} [dim]{escape(f.section)}"
                f" · {f.part} · {escape(', '.join(f.coders))}[/dim]"
            )
            _say(f"    {escape(f.before)}[bold]{escape(f.text)}[/bold]{escape(f.after)}")


@analysis_group.command("coverage")
@click.argument("code_id", required=False)
@_as_json
@click.pass_context
@handles_errors
def analysis_coverage(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """Who mentions a code and how much, and who never does (no CODE: every code)."""
    from coder import analysis

    db = _open(ctx)
    if code_id is None:
        every = analysis.coverage_all(db)
        if as_json:
            _print_json([c.as_dict() for c in every])
            return
        table = Table(title="Coverage of every code")
        for column in ("code", "organisations", "fragments", "median share", "absent"):
            table.add_column(column, justify="left" if column == "code" else "right")
        for c in every:
            table.add_row(
                escape(c.code.name),
                f"{c.organisations}/{c.total_organisations}",
                str(c.fragments),
                _pct(c.median_share),
                str(len(c.absent)),
            )
        console.print(table)
        return
    cov = analysis.coverage(db, code_id)
    if as_json:
        _print_json(cov.as_dict())
        return
    table = Table(
        title=f"{cov.code.name}: {cov.organisations} of {cov.total_organisations} organisations,"
        f" {cov.fragments} fragments"
    )
    for column in ("organisation", "fragments", "codings", "characters", "share of plan"):
        table.add_column(column, justify="left" if column == "organisation" else "right")
    for r in cov.rows:
        table.add_row(
            escape(r.organisation.name),
            str(r.fragments),
            str(r.codings),
            str(r.characters),
            _pct(r.share),
        )
    console.print(table)
    _say(f"never mention it ({len(cov.absent)}): " + escape(", ".join(o.name for o in cov.absent)))


@analysis_group.command("matrix")
@click.option(
    "--by",
    "by",
    required=True,
    help="organisation, or an attribute: region, functions, size, subsidy, branches,"
    " new_entrant, org_type, legal_form.",
)
@click.option("--code", "code_ids", multiple=True, help="Only these codes (repeatable).")
@click.option("--csv", "as_csv", is_flag=True, help="Print the table as CSV.")
@_as_json
@click.pass_context
@handles_errors
def analysis_matrix(
    ctx: click.Context, by: str, code_ids: tuple[str, ...], as_csv: bool, as_json: bool
) -> None:
    """Code x organisation, or code x attribute with chi-square tests."""
    import csv

    from coder import analysis

    db = _open(ctx)
    codes = list(code_ids) or None
    if by in ("organisation", "organisations"):
        matrix = analysis.organisation_matrix(db, codes)
        if as_json:
            _print_json(matrix.as_dict())
            return
        rows = matrix.wide("fragments")
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
        return
    matrix = analysis.attribute_matrix(db, by, codes)
    if as_json:
        _print_json(matrix.as_dict())
        return
    if as_csv:
        rows = matrix.long()
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(title=f"Organisations mentioning each code, by {matrix.attribute.label}")
    table.add_column("code")
    for value in matrix.values:
        table.add_column(f"{escape(value)} ({matrix.group_sizes[value]})", justify="right")
    table.add_column("test", justify="right")
    for row in matrix.rows:
        cells = []
        for c in row.cells:
            mark = ""
            if c.residual is not None and abs(c.residual) >= 1.96:
                mark = " +" if c.residual > 0 else " -"
            cells.append(f"{c.mentioning} ({c.share:.0%}){mark}")
        test = ""
        if row.test is not None and row.test.p_value == row.test.p_value:
            test = f"p={row.test.p_value:.3f}" + ("" if row.test.valid else " (!)")
        table.add_row(escape(row.code.name), *cells, test)
    console.print(table)
    _say(escape(matrix.note))
    _say("+/-: adjusted residual beyond ±1.96; (!): expected counts too small for the test")


@analysis_group.command("cooccurrence")
@click.argument("code_id", required=False)
@click.option(
    "--mode", type=click.Choice(["overlap", "paragraph"]), default="overlap", show_default=True
)
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True)
@_as_json
@click.pass_context
@handles_errors
def analysis_cooccurrence(
    ctx: click.Context, code_id: str | None, mode: str, limit: int, as_json: bool
) -> None:
    """Pairs of codes given to the same text, most frequent first (or one code's pairs)."""
    from coder import analysis

    result = analysis.cooccurrence(_open(ctx), code_id, mode=mode)
    if as_json:
        _print_json(result.as_dict())
        return
    table = Table(title=f"Co-occurrence ({mode})")
    for column in ("code A", "code B", "count", "organisations", "share A", "share B", "jaccard"):
        table.add_column(column, justify="left" if column.startswith("code") else "right")
    for p in result.pairs[:limit]:
        table.add_row(
            escape(p.a.name),
            escape(p.b.name),
            str(p.count),
            str(p.organisations),
            _pct(p.share_a),
            _pct(p.share_b),
            f"{p.jaccard:.3f}",
        )
    console.print(table)


@analysis_group.command("places")
@click.argument("code_a")
@click.argument("code_b")
@click.option(
    "--mode", type=click.Choice(["overlap", "paragraph"]), default="overlap", show_default=True
)
@_as_json
@click.pass_context
@handles_errors
def analysis_places(ctx: click.Context, code_a: str, code_b: str, mode: str, as_json: bool) -> None:
    """Where two codes co-occur (drill down from a co-occurrence pair)."""
    from coder import analysis

    db = _open(ctx)
    found = analysis.places(db, code_a, code_b, mode=mode)
    if as_json:
        _print_json([p.as_dict() for p in found])
        return
    fragments = analysis.fragments_by_id(
        db, [i for p in found for i in (*p.coding_ids_a, *p.coding_ids_b)]
    )
    for p in found:
        ids = [*p.coding_ids_a, *p.coding_ids_b]
        page = fragments[ids[0]].page_name if ids and ids[0] in fragments else "?"
        _say(f"[bold]{escape(p.organisation)}[/bold] p. {escape(page)}")
        for label, group in ((code_a, p.coding_ids_a), (code_b, p.coding_ids_b)):
            for i in group:
                if i in fragments:
                    _say(f"  {escape(label)} #{i}: {escape(fragments[i].text[:160])}")


@analysis_group.command("alignment")
@click.option(
    "--code", "code_ids", multiple=True, help="Codes to check (default: the Werking codes)."
)
@click.option("--gaps", is_flag=True, help="List only content ambitions without a counterpart.")
@_as_json
@click.pass_context
@handles_errors
def analysis_alignment(
    ctx: click.Context, code_ids: tuple[str, ...], gaps: bool, as_json: bool
) -> None:
    """Zakelijk vs inhoudelijk deel: per code, organisations aligned, mentioned, with a gap."""
    from coder import analysis

    result = analysis.alignment(_open(ctx), list(code_ids) or None)
    if as_json:
        data = result.as_dict()
        if gaps:
            data = [c.as_dict() for c in result.gaps()]
        _print_json(data)
        return
    if gaps:
        names = {c.id: c.name for c in result.codes}
        for cell in result.gaps():
            _say(
                f"{escape(cell.organisation)}: {escape(names[cell.code_id])} —"
                f" {cell.content} fragments in the content part, none in the zakelijk deel"
            )
        return
    table = Table(title="Alignment of content ambitions with the zakelijk deel (organisations)")
    table.add_column("code")
    for status in analysis.STATUSES:
        table.add_column(status, justify="right")
    for row in result.summary():
        table.add_row(escape(row["code"]), *(str(row[s]) for s in analysis.STATUSES))
    console.print(table)


@analysis_group.command("terms")
@click.argument("code_id")
@click.option("--top", type=click.IntRange(1, 200), default=25, show_default=True)
@click.option("--by", "by", help="Per group of this attribute, within the code (e.g. region).")
@_as_json
@click.pass_context
@handles_errors
def analysis_terms(
    ctx: click.Context, code_id: str, top: int, by: str | None, as_json: bool
) -> None:
    """Distinctive terms (lemmas) of a code versus the rest of the corpus, or per group."""
    from coder import analysis

    db = _open(ctx)
    if by:
        groups = analysis.group_terms(db, code_id, by, top=top)
        if as_json:
            _print_json({g: [t.as_dict() for t in terms] for g, terms in groups.items()})
            return
        for group, terms in sorted(groups.items()):
            _say(f"[bold]{escape(group)}[/bold]: " + escape(", ".join(t.term for t in terms)))
        return
    result = analysis.code_terms(db, code_id, top=top)
    if as_json:
        _print_json(result.as_dict())
        return
    table = Table(title=f"{result.code.name}: distinctive terms ({result.fragments} fragments)")
    for column in ("term", "in code", "rest", "G²", "log ratio"):
        table.add_column(column, justify="left" if column == "term" else "right")
    for t in result.terms:
        table.add_row(
            escape(t.term),
            str(t.count),
            str(t.reference_count),
            f"{t.g2:.1f}",
            f"{t.log_ratio:.2f}",
        )
    console.print(table)


@analysis_group.command("themes")
@click.argument("code_id")
@click.option("-k", "k", type=click.IntRange(1, 30), default=None, help="Number of themes.")
@click.option("--seed", type=int, default=0, show_default=True)
@_as_json
@click.pass_context
@handles_errors
def analysis_themes(
    ctx: click.Context, code_id: str, k: int | None, seed: int, as_json: bool
) -> None:
    """Sub-themes inside a code (NMF on TF-IDF), with representative fragments."""
    from coder import analysis

    result = analysis.code_subthemes(_open(ctx), code_id, k=k, seed=seed)
    if as_json:
        _print_json(result.as_dict())
        return
    if not result.themes:
        _say("too few fragments for sub-themes")
    for theme in result.themes:
        _say(
            f"\n[bold]Theme {theme.index + 1}[/bold] ({theme.size} fragments,"
            f" {len(theme.organisations)} organisations): {escape(', '.join(theme.terms))}"
        )
        for f in theme.representatives:
            _say(
                f"  #{f.coding_id} {escape(f.organisation)} p. {escape(f.page_name)}:"
                f" {escape(f.text[:160])}"
            )


@analysis_group.command("quote")
@click.argument("coding_id", type=int)
@click.option("--note", default="", help="Why this quote matters.")
@click.option("--remove", is_flag=True, help="Take it off the key quotes.")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def analysis_quote(
    ctx: click.Context, coding_id: int, note: str, remove: bool, actor: str, as_json: bool
) -> None:
    """Mark a coding as a key quote of its code (or --remove it)."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    if remove:
        removed = summaries.unmark_key_quote(db, actor, coding_id)
        if as_json:
            _print_json({"removed": removed})
        else:
            _say("removed" if removed else "it was not a key quote")
        return
    quote = summaries.mark_key_quote(db, actor, coding_id, note=note)
    if as_json:
        _print_json(quote.as_dict())
        return
    where = (
        f" ({quote.fragment.organisation}, p. {quote.fragment.page_name})" if quote.fragment else ""
    )
    _say(f"key quote of {escape(quote.code_id)}: #{coding_id}{escape(where)}")


def _print_summary(item: Any, comments: list[Any]) -> None:
    from coder import summaries

    title = item.title or item.code_id
    _say(
        f"[bold]{escape(title)}[/bold] — {summaries.STATUS_LABELS[item.status]} ({item.status}),"
        f" version {item.version} by {escape(item.current.author)}"
        f" at {item.current.created_at[:16]}"
    )
    if item.kind == "finding":
        _say("codes: " + escape(", ".join(item.codes) or "—"))
    _say("")
    click.echo(item.body)
    for c in comments:
        _say(
            f"\n[dim]comment #{c.id} by {escape(c.author)} on version {c.version}:[/dim]"
            f" {escape(c.body)}"
        )


@analysis_group.group("summary")
def summary_group() -> None:
    """Per-code summaries: write, review (draft -> ready -> reviewed), comment, history."""


@summary_group.command("list")
@_as_json
@click.pass_context
@handles_errors
def summary_list(ctx: click.Context, as_json: bool) -> None:
    """Every code and the state of its summary."""
    from coder import analysis, summaries

    db = _open(ctx)
    written = {s.code_id: s for s in summaries.summaries(db)}
    rows = [
        {
            "code_id": c.id,
            "code": c.name,
            "status": written[c.id].status if c.id in written else None,
            "version": written[c.id].version if c.id in written else 0,
            "comments": written[c.id].comments if c.id in written else 0,
        }
        for c in analysis.codes(db)
    ]
    if as_json:
        _print_json(rows)
        return
    table = Table(title="Summaries")
    for column in ("code", "status", "version", "comments"):
        table.add_column(column)
    for r in rows:
        table.add_row(escape(r["code"]), r["status"] or "—", str(r["version"]), str(r["comments"]))
    console.print(table)


@summary_group.command("show")
@click.argument("code_id")
@click.option("--version", "version", type=click.IntRange(1), help="A past version.")
@_as_json
@click.pass_context
@handles_errors
def summary_show(ctx: click.Context, code_id: str, version: int | None, as_json: bool) -> None:
    """The summary of a code (latest version, or --version N) with its comments."""
    from coder import summaries
    from coder.errors import NotFoundError

    db = _open(ctx)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet: coder analysis summary write {code_id}")
    comments = summaries.comments(db, item.id)
    if version is not None:
        past = {v.version: v for v in summaries.history(db, item.id)}
        if version not in past:
            raise NotFoundError(f"the summary of {code_id} has versions 1 to {item.version}")
        item.current = past[version]
    if as_json:
        _print_json(item.as_dict() | {"comments": [c.as_dict() for c in comments]})
        return
    _print_summary(item, comments)


@summary_group.command("write")
@click.argument("code_id")
@click.option("--text", help="The Markdown text.")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--expected-version", type=int, help="Refuse if someone saved after this version.")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def summary_write(
    ctx: click.Context,
    code_id: str,
    text: str | None,
    file: Path | None,
    expected_version: int | None,
    actor: str,
    as_json: bool,
) -> None:
    """Save a new version of a code's summary (Markdown; [[coding id]] cites a fragment)."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    item = summaries.save_summary(
        db, actor, code_id, _text_arg(text, file), expected_version=expected_version
    )
    if as_json:
        _print_json(item.as_dict())
        return
    _say(f"{escape(code_id)}: version {item.version} ({item.status}) — {escape(item.current.note)}")


@summary_group.command("status")
@click.argument("code_id")
@click.argument("status", type=click.Choice(["draft", "ready", "reviewed"]))
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def summary_status(
    ctx: click.Context, code_id: str, status: str, actor: str, as_json: bool
) -> None:
    """Move a summary through review: draft -> ready -> reviewed (back to draft at any time)."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    item = summaries.set_summary_status(db, actor, code_id, status)
    if as_json:
        _print_json(item.as_dict())
        return
    _say(f"{escape(code_id)}: {item.status} (version {item.version})")


@summary_group.command("comment")
@click.argument("code_id")
@click.argument("text")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def summary_comment(ctx: click.Context, code_id: str, text: str, actor: str, as_json: bool) -> None:
    """Comment on a code's summary (steering-group members too)."""
    from coder import summaries
    from coder.errors import NotFoundError

    db, actor = _writer(ctx, actor)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet to comment on")
    comment = summaries.add_comment(db, actor, item.id, text)
    if as_json:
        _print_json(comment.as_dict())
        return
    _say(f"comment #{comment.id} on version {comment.version}")


@summary_group.command("log")
@click.argument("code_id")
@_as_json
@click.pass_context
@handles_errors
def summary_log(ctx: click.Context, code_id: str, as_json: bool) -> None:
    """Every version of a code's summary: who, when, status, what changed."""
    from coder import summaries
    from coder.errors import NotFoundError

    db = _open(ctx)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet")
    versions = summaries.history(db, item.id)
    if as_json:
        _print_json([v.as_dict() for v in versions])
        return
    for v in versions:
        _say(f"{v.version}  {v.created_at[:19]}  {escape(v.author)}  {v.status}  {escape(v.note)}")


@summary_group.command("diff")
@click.argument("code_id")
@click.argument("v1", type=int)
@click.argument("v2", type=int)
@click.pass_context
@handles_errors
def summary_diff(ctx: click.Context, code_id: str, v1: int, v2: int) -> None:
    """What changed in a code's summary between two versions (unified diff)."""
    from coder import summaries
    from coder.errors import NotFoundError

    db = _open(ctx)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet")
    click.echo(summaries.diff(db, item.id, v1, v2) or "no differences")


@analysis_group.group("finding")
def finding_group() -> None:
    """Findings across codes, with the same review workflow as summaries."""


@finding_group.command("add")
@click.argument("title")
@click.option("--text", help="The Markdown text.")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", "code_ids", multiple=True, help="A code the finding is about (repeatable).")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def finding_add(
    ctx: click.Context,
    title: str,
    text: str | None,
    file: Path | None,
    code_ids: tuple[str, ...],
    actor: str,
    as_json: bool,
) -> None:
    """Write down a finding that spans codes (as draft)."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    body = _text_arg(text, file) if (text is not None or file is not None) else ""
    item = summaries.create_finding(db, actor, title, body, list(code_ids))
    if as_json:
        _print_json(item.as_dict())
        return
    _say(f"finding {item.id}: {escape(item.title)}")


@finding_group.command("list")
@click.option("--code", "code_id", help="Only findings about this code.")
@_as_json
@click.pass_context
@handles_errors
def finding_list(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """The findings, newest first."""
    from coder import summaries

    found = summaries.findings(_open(ctx), code_id=code_id)
    if as_json:
        _print_json([f.as_dict() for f in found])
        return
    if not found:
        _say("no findings yet")
    for f in found:
        _say(
            f"{f.id}  {f.status:<8}  v{f.version}  {escape(f.title)}"
            f"  [dim]{escape(', '.join(f.codes))}[/dim]"
        )


@finding_group.command("show")
@click.argument("finding_id", type=int)
@_as_json
@click.pass_context
@handles_errors
def finding_show(ctx: click.Context, finding_id: int, as_json: bool) -> None:
    """A finding with its comments."""
    from coder import summaries

    db = _open(ctx)
    item = summaries.finding(db, finding_id)
    comments = summaries.comments(db, item.id)
    if as_json:
        _print_json(item.as_dict() | {"comments": [c.as_dict() for c in comments]})
        return
    _print_summary(item, comments)


@finding_group.command("edit")
@click.argument("finding_id", type=int)
@click.option("--title")
@click.option("--text", help="The new Markdown text.")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", "code_ids", multiple=True, help="Replace the codes (repeatable).")
@click.option("--expected-version", type=int, help="Refuse if someone saved after this version.")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def finding_edit(
    ctx: click.Context,
    finding_id: int,
    title: str | None,
    text: str | None,
    file: Path | None,
    code_ids: tuple[str, ...],
    expected_version: int | None,
    actor: str,
    as_json: bool,
) -> None:
    """Save a new version of a finding."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    body = _text_arg(text, file) if (text is not None or file is not None) else None
    item = summaries.save_finding(
        db,
        actor,
        finding_id,
        title=title,
        body=body,
        codes=list(code_ids) or None,
        expected_version=expected_version,
    )
    if as_json:
        _print_json(item.as_dict())
        return
    _say(f"finding {item.id}: version {item.version} ({item.status})")


@finding_group.command("status")
@click.argument("finding_id", type=int)
@click.argument("status", type=click.Choice(["draft", "ready", "reviewed"]))
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def finding_status(
    ctx: click.Context, finding_id: int, status: str, actor: str, as_json: bool
) -> None:
    """Move a finding through review."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    item = summaries.set_finding_status(db, actor, finding_id, status)
    if as_json:
        _print_json(item.as_dict())
        return
    _say(f"finding {item.id}: {item.status} (version {item.version})")


@finding_group.command("comment")
@click.argument("finding_id", type=int)
@click.argument("text")
@_analysis_actor
@_as_json
@click.pass_context
@handles_errors
def finding_comment(
    ctx: click.Context, finding_id: int, text: str, actor: str, as_json: bool
) -> None:
    """Comment on a finding (steering-group members too)."""
    from coder import summaries

    db, actor = _writer(ctx, actor)
    comment = summaries.add_comment(db, actor, summaries.finding(db, finding_id).id, text)
    if as_json:
        _print_json(comment.as_dict())
        return
    _say(f"comment #{comment.id} on version {comment.version}")


# -- export, import, dump, restore -----------------------------------------------------------


def _filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The filters every export takes (the same as the app's export page)."""
    options = [
        click.option("--code", "codes", multiple=True, help="Code id (a group brings its codes)."),
        click.option("--coder", "coders", multiple=True, help="Only this coder's codings."),
        click.option("--organisation", "organisations", multiple=True, help="Organisation name."),
        click.option(
            "--where",
            "attributes",
            multiple=True,
            help="Attribute test: region=Antwerpen, subsidy>=250000, functions=leerfunctie.",
        ),
        click.option(
            "--codebook-version", type=click.IntRange(1), help="Codes as in this version."
        ),
        click.option(
            "--phase",
            type=click.Choice(["all", "pilot", "full"]),
            default="all",
            show_default=True,
            help="Pilot or full coding (pilots arrive with issue 6).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "parquet", "jsonl", "qdpx"]),
    required=True,
)
@click.option("-o", "--output", required=True, help="File to write ('-' = stdout, csv/jsonl).")
@_filter_options
@click.option("--with-pdf", is_flag=True, help="qdpx: include the plan PDFs (PDFSource).")
@click.option(
    "--positions",
    type=click.Choice(["codepoints", "utf16"]),
    default="codepoints",
    show_default=True,
    help="qdpx: how positions count (utf16 for NVivo).",
)
@click.option("--name", default="coder", show_default=True, help="qdpx: the project name.")
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def export(
    ctx: click.Context,
    fmt: str,
    output: str,
    codes: tuple[str, ...],
    coders: tuple[str, ...],
    organisations: tuple[str, ...],
    attributes: tuple[str, ...],
    codebook_version: int | None,
    phase: str,
    with_pdf: bool,
    positions: str,
    name: str,
    as_json: bool,
) -> None:
    """Export the coded corpus: a row per coding (csv, xlsx, parquet, jsonl) or a .qdpx project."""
    from coder import exchange

    filters = exchange.Filters(
        codes=codes,
        coders=coders,
        organisations=organisations,
        attributes=attributes,
        codebook_version=codebook_version,
        phase=phase,
    )
    db = _open(ctx)
    summary: dict[str, Any] = {"format": fmt, "output": output}
    if fmt == "qdpx":
        project = exchange.export_project(
            db, filters, name=name, with_pdf=with_pdf, positions_unit=positions
        )
        data = project.data
        summary |= project.as_dict()
    else:
        data = exchange.export_table(db, fmt, filters)
        summary["bytes"] = len(data)
    if output == "-":
        if fmt not in ("csv", "jsonl"):
            raise CoderError(f"--format {fmt} is binary: write it to a file with -o FILE")
        sys.stdout.buffer.write(data)
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise CoderError(f"{output}: cannot write ({exc.strerror})") from exc
    if as_json:
        _print_json(summary)
        return
    for warning in summary.get("warnings", []):
        _say(f"[yellow]warning:[/yellow] {escape(warning)}")
    counts = summary.get("counts")
    detail = ", ".join(f"{n} {k}" for k, n in counts.items()) if counts else f"{len(data)} bytes"
    _say(f"wrote {escape(output)} ({fmt}): {detail}")


@main.command("import")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--map-user",
    "user_map",
    multiple=True,
    help="USER=CODER: whose codings become whose (user name or GUID of the file).",
)
@click.option(
    "--positions",
    type=click.Choice(["auto", "codepoints", "utf16"]),
    default="auto",
    show_default=True,
    help="How the file counts positions (auto: by tool and by the spans themselves).",
)
@click.option(
    "--skip-missing-sources",
    is_flag=True,
    help="Import the rest when some text files are missing from the archive.",
)
@_actor
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def import_project(
    ctx: click.Context,
    file: Path,
    user_map: tuple[str, ...],
    positions: str,
    skip_missing_sources: bool,
    actor: str,
    as_json: bool,
) -> None:
    """Import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, ...); all or nothing."""
    from coder import exchange

    mapping = {}
    for item in user_map:
        user, sep, coder = item.partition("=")
        if not sep or not user.strip() or not coder.strip():
            raise CoderError(f"--map-user {item!r}: write USER=CODER")
        mapping[user.strip()] = coder.strip()
    report = exchange.import_project(
        _open(ctx),
        file,
        actor=actor,
        user_map=mapping,
        positions_unit=positions,
        allow_missing_sources=skip_missing_sources,
    )
    if as_json:
        _print_json(report.as_dict())
        return
    for warning in report.warnings:
        _say(f"[yellow]warning:[/yellow] {escape(warning)}")
    _say(f"imported {escape(report.source)} ({escape(report.origin or 'unknown tool')})")
    _say(f"  positions: {escape(report.positions)}")
    _say(
        f"  documents: {report.documents_new} new, {report.documents_matched} already here;"
        f" organisations: {report.organisations_new} new, {report.organisations_matched} matched"
    )
    codes = ", ".join(f"{n} {k}" for k, n in sorted(report.codes.items())) or "no changes"
    version = f"version {report.codebook_version}" if report.codebook_version else "unchanged"
    _say(f"  codebook: {version} ({codes})")
    _say(
        f"  codings: {report.codings} new, {report.duplicates} already here; memos: {report.memos}"
    )
    for user, coder in sorted(report.users.items()):
        _say(f"  user {escape(user)} -> coder {escape(coder)}")
    for item in report.skipped:
        _say(f"  skipped {item['count']} {escape(item['what'])}: {escape(item['why'])}")


@main.command("dump")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def dump_database(ctx: click.Context, output: Path, as_json: bool) -> None:
    """Back up the whole database to a portable archive (.zip); safe while the app runs."""
    from coder import exchange

    info = exchange.dump(_open(ctx), output)
    if as_json:
        _print_json(info.as_dict())
        return
    rows = sum(info.counts.values())
    _say(
        f"wrote {escape(str(output))}: schema version {info.schema_version},"
        f" {rows} rows in {len(info.counts)} tables, {info.bytes} bytes"
    )


@main.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace the database that is there (stop the app).")
@_as_json
@click.pass_context
@handles_errors
@lists_problems
def restore_database(ctx: click.Context, file: Path, force: bool, as_json: bool) -> None:
    """Restore a dump made by `coder dump` into --db (never over a database without --force)."""
    from coder import exchange

    info = exchange.restore(file, ctx.obj, force=force)
    if as_json:
        _print_json(info.as_dict())
        return
    _say(
        f"restored {escape(str(ctx.obj))} from {escape(str(file))} (made {info.created_at},"
        f" schema version {info.schema_version})"
    )


# -- pilots and the reliability report (issue 6) --------------------------------------------


def _pilot_actor(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as",
        "actor",
        envvar="USER",
        default="admin",
        show_default="$USER, else admin",
        help="Who does this (recorded in the action log).",
    )(command)


def _pilot_db(ctx: click.Context, actor: str) -> tuple[Any, str]:
    """The database and the acting user, registered on first use."""
    from coder import coding

    db = _open(ctx)
    return db, coding.ensure_user(db, actor)


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _show_pilot(found: Any) -> None:
    state = "open (blind)" if found.is_open else f"closed {found.closed_at[:19]}"
    design = found.design + (
        f", {found.coders_per_plan} coders per plan" if found.coders_per_plan else ""
    )
    _say(
        f"pilot {escape(found.name)}: round {found.round}, {state}, {design},"
        f" codebook version {found.codebook_version}, seed {found.seed}"
        + (f", after {escape(found.previous)}" if found.previous else "")
    )
    _say("coders: " + (", ".join(escape(c.label) for c in found.coders) or "none yet"))
    table = Table(title=f"{len(found.plans)} plans")
    for column in ("plan", "pages", "stratum", "read by"):
        table.add_column(column, justify="right" if column == "pages" else "left")
    for plan in found.plans:
        table.add_row(
            escape(plan.label),
            str(plan.page_count),
            escape(plan.stratum),
            escape(", ".join(plan.coders)),
        )
    console.print(table)


@main.group("pilot")
def pilot_group() -> None:
    """Pilots: a stratified sample of plans coded blind by several readers, then frozen."""


@pilot_group.command("create")
@click.argument("name")
@click.option("--plans", type=click.IntRange(1), default=15, show_default=True)
@click.option("--coders", help="Comma-separated readers (none: fill with `pilot simulate`).")
@click.option(
    "--stratify-by",
    default="functions,region",
    show_default=True,
    help="Comma-separated: functions, region, org_type, legal_form, new_entrant.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same sample.")
@click.option(
    "--design",
    type=click.Choice(["crossed", "balanced"]),
    default="crossed",
    show_default=True,
    help="Everyone reads every plan, or k readers per plan.",
)
@click.option("--per-plan", "per_plan", type=click.IntRange(2), help="Readers per plan (balanced).")
@click.option("--previous", help="The closed pilot this is the next round of.")
@_pilot_actor
@_as_json
@click.pass_context
@handles_errors
def pilot_create(
    ctx: click.Context,
    name: str,
    plans: int,
    coders: str | None,
    stratify_by: str,
    seed: int,
    design: str,
    per_plan: int | None,
    previous: str | None,
    actor: str,
    as_json: bool,
) -> None:
    """Draw a stratified random sample of plans and open pilot NAME (blind coding)."""
    from coder import pilot

    db, actor = _pilot_db(ctx, actor)
    found = pilot.create(
        db,
        actor,
        name,
        plans=plans,
        coders=_names(coders),
        stratify_by=_names(stratify_by),
        seed=seed,
        design=design,
        coders_per_plan=per_plan,
        previous=previous,
    )
    if as_json:
        _print_json(found.as_dict())
        return
    _show_pilot(found)


@pilot_group.command("list")
@_as_json
@click.pass_context
@handles_errors
def pilot_list(ctx: click.Context, as_json: bool) -> None:
    """Every pilot: round, status, plans, coders."""
    from coder import pilot

    found = pilot.pilots(_open(ctx))
    if as_json:
        _print_json([p.as_dict() for p in found])
        return
    table = Table(title="Pilots")
    for column in ("name", "round", "status", "plans", "coders", "codebook", "created"):
        table.add_column(column)
    for p in found:
        table.add_row(
            escape(p.name),
            str(p.round),
            p.status,
            str(len(p.plans)),
            escape(", ".join(c.label for c in p.coders)),
            f"v{p.codebook_version}",
            p.created_at[:10],
        )
    console.print(table)


@pilot_group.command("show")
@click.argument("name")
@_as_json
@click.pass_context
@handles_errors
def pilot_show(ctx: click.Context, name: str, as_json: bool) -> None:
    """A pilot's plans (with their stratum and readers), coders and strata."""
    from coder import pilot

    found = pilot.get(_open(ctx), name)
    if as_json:
        _print_json(found.as_dict())
        return
    _show_pilot(found)
    table = Table(title="Strata (proportional allocation)")
    for column in ("stratum", "plans", "quota", "drawn"):
        table.add_column(column, justify="left" if column == "stratum" else "right")
    for s in found.strata:
        table.add_row(escape(s.key), str(s.population), f"{s.quota:.2f}", str(s.drawn))
    console.print(table)


@pilot_group.command("simulate")
@click.argument("name")
@click.option("--noise", type=click.FloatRange(0, 1), default=0.2, show_default=True)
@click.option("--coders", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("--seed", type=int, help="Default: the pilot's seed.")
@click.option(
    "--ground-truth",
    type=click.Path(exists=True, dir_okay=False),
    help="ground_truth.jsonl (default: the one beside the plans).",
)
@_pilot_actor
@_as_json
@click.pass_context
@handles_errors
def pilot_simulate(
    ctx: click.Context,
    name: str,
    noise: float,
    coders: int,
    seed: int | None,
    ground_truth: str | None,
    actor: str,
    as_json: bool,
) -> None:
    """Fill open pilot NAME with simulated coders from the sample corpus ground truth."""
    from coder import pilot

    db, actor = _pilot_db(ctx, actor)
    result = pilot.simulate(
        db, actor, name, noise=noise, coders=coders, seed=seed, ground_truth=ground_truth
    )
    if as_json:
        _print_json(result.as_dict())
        return
    _say(
        f"{len(result.coders)} simulated coders ({', '.join(result.coders)}; noise {noise}):"
        f" {result.codings} codings of {result.passages} passages"
        + (f"; {result.missed} passages not found in the text" if result.missed else "")
    )


@pilot_group.command("close")
@click.argument("name")
@_pilot_actor
@_as_json
@click.pass_context
@handles_errors
def pilot_close(ctx: click.Context, name: str, actor: str, as_json: bool) -> None:
    """Close pilot NAME: its codings are frozen; then adjudicate and report."""
    from coder import pilot

    db, actor = _pilot_db(ctx, actor)
    found = pilot.close(db, actor, name)
    frozen = len(pilot.codings(db, found))
    if as_json:
        _print_json({**found.as_dict(), "frozen_codings": frozen})
        return
    _say(f"pilot {escape(name)} closed: {frozen} codings frozen")


@pilot_group.command("progress")
@click.argument("name")
@_as_json
@click.pass_context
@handles_errors
def pilot_progress(ctx: click.Context, name: str, as_json: bool) -> None:
    """Per coder and plan: pages read, fragments, codings, done."""
    from coder import pilot

    rows = pilot.progress(_open(ctx), name)
    if as_json:
        _print_json([asdict(r) for r in rows])
        return
    table = Table(title=f"Pilot {escape(name)}: progress")
    for column in ("coder", "plan", "pages read", "fragments", "codings", "done"):
        table.add_column(column, justify="left" if column in ("coder", "plan") else "right")
    for r in rows:
        table.add_row(
            escape(r.coder + (" (simulated)" if r.simulated else "")),
            escape(r.plan),
            f"{r.pages_read}/{r.page_count}",
            str(r.fragments),
            str(r.codings),
            "yes" if r.done else "",
        )
    console.print(table)


@main.command("reliability")
@click.argument("name")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "csv", "xlsx", "json"]),
    help="Write the report as a file (with -o).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="File to write; '-' = stdout."
)
@click.option(
    "--unit",
    type=click.Choice(["sentence", "paragraph"]),
    default="sentence",
    show_default=True,
    help="Units of the segment level.",
)
@click.option(
    "--min-overlap",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Share of a unit (or of the coding) that must be coded; 0 = any overlap.",
)
@click.option(
    "--bootstrap",
    type=click.IntRange(0, 100_000),
    default=1000,
    show_default=True,
    help="Bootstrap samples for the 95% intervals (0: none).",
)
@click.option("--seed", type=int, default=0, show_default=True)
@_as_json
@click.pass_context
@handles_errors
def reliability(
    ctx: click.Context,
    name: str,
    fmt: str | None,
    output: str | None,
    unit: str,
    min_overlap: float,
    bootstrap: int,
    seed: int,
    as_json: bool,
) -> None:
    """The reliability report of pilot NAME: segment, character and unitized level."""
    from coder import reliability_formats as formats
    from coder import reliability_report as rr

    if output and not fmt:
        fmt = Path(output).suffix.lstrip(".").lower() or None
        if fmt not in formats.FORMATS:
            raise click.UsageError("give --format html|csv|xlsx|json with -o")
    settings = rr.Settings(unit=unit, min_overlap=min_overlap, n_bootstrap=bootstrap, seed=seed)
    report = rr.build(_open(ctx), name, settings)
    if fmt:
        data = formats.write(report, fmt)
        if output in (None, "-"):
            sys.stdout.buffer.write(data)
        else:
            Path(output).write_bytes(data)
            _say(f"wrote {escape(output)} ({len(data):,} bytes)")
        return
    if as_json:
        _print_json(report.as_dict())
        return
    if report.has_simulated:
        _say("[yellow]this pilot has simulated coders:[/yellow] the figures demo the report")
    table = Table(
        title=f"Pilot {escape(name)}, round {report.round}: reliability ({report.status})"
    )
    table.add_column("code")
    for level in rr.LEVELS:
        table.add_column(level, justify="right")
        table.add_column("95% CI", justify="right")
    table.add_column("prevalence", justify="right")

    def cells(row: Any) -> list[str]:
        out = []
        for level in rr.LEVELS:
            e = row.level(level)
            out += [
                f"{formats.number(e.value)} {e.band}" if e.reason is None else f"NaN ({e.reason})",
                formats.interval(e),
            ]
        return out

    for row in [report.overall, *report.codes]:
        table.add_row(escape(row.name), *cells(row), formats.percent(row.segment.prevalence))
    console.print(table)
    defined = [c for c in report.coder_rows if c.alpha_without == c.alpha_without]  # not NaN
    if defined:
        most = max(defined, key=lambda c: c.alpha_without)
        _say(
            f"deviates most: {escape(most.label)} (alpha without them {most.alpha_without:.3f},"
            f" with everyone {report.overall.segment.value:.3f})"
        )
    for c in report.confusions[:5]:
        _say(f"confused: {escape(c.name_a)} / {escape(c.name_b)} on {c.units} units")


if __name__ == "__main__":
    main()
