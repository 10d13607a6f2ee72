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


if __name__ == "__main__":
    main()
