"""Codebook commands: load, list, show, log, diff, export and every change."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from coder.cli.base import (
    actor_option,
    console,
    errors,
    handles_errors,
    json_option,
    lists_problems,
    main,
    new_table,
    open_db,
    print_json,
    report_change,
    say,
)
from coder.errors import CoderError
from coder.files import write_atomic


def _cb() -> Any:
    """The codebook package, imported when a codebook command runs (keeps start-up quick)."""
    from coder import codebook as cb

    return cb


def _position(position: int | None) -> int | None:
    return None if position is None else position - 1


@main.group()
def codebook() -> None:
    """The codebook: load, browse, change (each change a new version) and exchange codes."""


@codebook.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_load(ctx: click.Context, file: Path, actor: str, as_json: bool) -> None:
    """Make a YAML codebook FILE the codebook (validated first; a bad file changes nothing)."""
    report_change(_cb().load(open_db(ctx), file, actor=actor), as_json)


@codebook.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--fill-definitions",
    is_flag=True,
    help="Put a placeholder where a code of the other tool has no description.",
)
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_import(
    ctx: click.Context, file: Path, fill_definitions: bool, actor: str, as_json: bool
) -> None:
    """Make a REFI-QDA codebook FILE (.qdc) the codebook."""
    result = _cb().import_qdc(open_db(ctx), file, actor=actor, fill_definitions=fill_definitions)
    report_change(result, as_json)


@codebook.command("list")
@click.option("--version", "version", type=click.IntRange(1), help="A past version.")
@click.option("--search", "query", help="Only codes whose text has all these words.")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_list(
    ctx: click.Context, version: int | None, query: str | None, as_json: bool
) -> None:
    """The codes as a tree: id, name, short name, colour and number of codings."""
    cb = _cb()
    db = open_db(ctx)
    codes = cb.codes_at(db, version)
    if query:
        codes = [c for c in codes if cb.matches(c, query)]
    counts = cb.coding_counts(db)
    if as_json:
        print_json([{**c.as_dict(), "codings": counts.get(c.id, 0)} for c in codes])
        return
    if not codes:
        say("no codes" if query else "no codebook yet: coder codebook load FILE")
        return
    by_id = {c.id: c for c in codes}
    table = new_table(
        f"Codebook version {version or cb.current_version(db)}",
        ("id", "name", "short", "colour", "codings"),
        figures={"codings"},
    )
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
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_show(ctx: click.Context, code_id: str, as_json: bool) -> None:
    """One code in full: definition, criteria, examples, codings and its history."""
    cb = _cb()
    db = open_db(ctx)
    code = cb.get(db, code_id)
    count = cb.coding_counts(db).get(code_id, 0)
    history = cb.log(db, code_id=code_id)
    if as_json:
        print_json({**code.as_dict(), "codings": count, "history": [v.as_dict() for v in history]})
        return
    say(f"[bold]{escape(code.name)}[/bold] ({escape(code.id)})")
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
            say(f"[dim]{label}:[/dim] {escape(value)}")
    for example in code.examples:
        say(f"[dim]example:[/dim] {escape(example)}")
    for entry in history:
        say(
            f"[dim]v{entry.version} {entry.created_at} {escape(entry.actor)}:[/dim]"
            f" {escape(entry.summary)}",
        )


@codebook.command("log")
@click.option("--code", "code_id", help="Only versions that changed this code.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every changed field.")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_log(ctx: click.Context, code_id: str | None, verbose: bool, as_json: bool) -> None:
    """Every codebook version, newest first: number, when, who and what changed."""
    entries = _cb().log(open_db(ctx), code_id=code_id)
    if as_json:
        print_json([v.as_dict() for v in entries])
        return
    if not entries:
        say("no codebook versions yet")
    for entry in entries:
        say(
            f"[bold]v{entry.version}[/bold] {entry.created_at} [cyan]{escape(entry.actor)}[/cyan]"
            f"  {escape(entry.summary)}",
        )
        if verbose or code_id:
            for change in entry.changes:
                if code_id and change.code_id != code_id:
                    continue
                what = f".{change.field}" if change.field else ""
                value = f": {change.before!r} -> {change.after!r}" if change.field else ""
                say(
                    f"    {change.action} {escape(change.code_id)}{what}{escape(value)}",
                )


@codebook.command("diff")
@click.argument("v1", type=int)
@click.argument("v2", type=int)
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_diff(ctx: click.Context, v1: int, v2: int, as_json: bool) -> None:
    """What changed between codebook versions V1 and V2."""
    diffs = _cb().diff(open_db(ctx), v1, v2)
    if as_json:
        print_json([d.as_dict() for d in diffs])
        return
    say(f"codebook v{v1} -> v{v2}: codes that differ: {len(diffs)}")
    marks = {
        "added": "[green]+[/green]",
        "removed": "[red]-[/red]",
        "changed": "[yellow]~[/yellow]",
    }
    for d in diffs:
        note = f"  ({escape(d.note)})" if d.note else ""
        say(f"{marks[d.kind]} {escape(d.code_id)}  {escape(d.name)}{note}")
        for name, (before, after) in d.fields.items():
            if isinstance(before, str) and isinstance(after, str) and len(before + after) > 60:
                say(f"    {name}:")
                say(f"      [red]- {escape(before)}[/red]")
                say(f"      [green]+ {escape(after)}[/green]")
            else:
                say(f"    {name}: {escape(repr(before))} -> {escape(repr(after))}")


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
    data = _cb().export(open_db(ctx), fmt, version=version)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
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
@actor_option("recorded in the codebook log")
@json_option
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
    report_change(cb.add(open_db(ctx), code, actor=actor, position=position), as_json)


@codebook.command("rename")
@click.argument("code_id")
@click.argument("name")
@click.option("--short-name", default=None)
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_rename(
    ctx: click.Context, code_id: str, name: str, short_name: str | None, actor: str, as_json: bool
) -> None:
    """Give code CODE_ID a new NAME (its id and codings stay)."""
    report_change(
        _cb().rename(open_db(ctx), code_id, name, actor=actor, short_name=short_name), as_json
    )


@codebook.command("edit")
@click.argument("code_id")
@click.option("--definition")
@click.option("--inclusion")
@click.option("--exclusion")
@click.option("--example", "examples", multiple=True, help="Replaces all examples (repeatable).")
@click.option("--colour", help="#RRGGBB, or '' for none")
@click.option("--short-name")
@actor_option("recorded in the codebook log")
@json_option
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
    report_change(_cb().edit(open_db(ctx), code_id, actor=actor, **changes), as_json)


@codebook.command("move")
@click.argument("code_id")
@click.option("--to", "parent", help="Id of the new parent group or code.")
@click.option("--top", is_flag=True, help="Move to the top level.")
@click.option("--position", type=click.IntRange(1), help="Place among its siblings (1 = first).")
@actor_option("recorded in the codebook log")
@json_option
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
    db = open_db(ctx)
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
    report_change(result, as_json)


@codebook.command("merge")
@click.argument("source")
@click.argument("target")
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_merge(ctx: click.Context, source: str, target: str, actor: str, as_json: bool) -> None:
    """Merge code SOURCE into TARGET: all codings move, SOURCE is retired."""
    report_change(_cb().merge(open_db(ctx), source, target, actor=actor), as_json)


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
@actor_option("recorded in the codebook log")
@json_option
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
    result = cb.split(open_db(ctx), code_id, new, actor=actor)
    report_change(result, as_json)
    if not as_json and result.review:
        say(
            f"{len(result.review)} codings stay on {escape(code_id)} for review:"
            f" coder codebook review {escape(code_id)}",
        )


@codebook.command("retire")
@click.argument("code_id")
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_retire(ctx: click.Context, code_id: str, actor: str, as_json: bool) -> None:
    """Take CODE_ID out of the codebook (refused while it has codings or subcodes)."""
    report_change(_cb().retire(open_db(ctx), code_id, actor=actor), as_json)


@codebook.command("review")
@click.argument("code_id", required=False)
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_review(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """Codings still on split codes, to reassign with: coder codebook reassign IDS --to CODE."""
    reviews = _cb().reviews(open_db(ctx), code_id)
    if as_json:
        print_json([r.as_dict() for r in reviews])
        return
    if not reviews:
        say("nothing to review")
    for review in reviews:
        say(
            f"[bold]{escape(review.code_id)}[/bold] {escape(review.name)}: {len(review.codings)}"
            f" codings; new codes: {escape(', '.join(review.into))}",
        )
        for c in review.codings:
            say(
                f"  #{c['id']} {escape(str(c['document']))} [{c['start']}:{c['end']}]"
                f" {escape(c['coder'])}: {escape(c['text'][:100])}",
            )


@codebook.command("reassign")
@click.argument("coding_ids", nargs=-1, required=True, type=int)
@click.option("--to", "target", required=True, help="The code the codings move to.")
@actor_option("recorded in the codebook log")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def codebook_reassign(
    ctx: click.Context, coding_ids: tuple[int, ...], target: str, actor: str, as_json: bool
) -> None:
    """Move codings (by id, as `review` lists them) to another code."""
    moved, duplicates = _cb().reassign(open_db(ctx), list(coding_ids), target, actor=actor)
    if as_json:
        print_json({"moved": moved, "duplicates": duplicates})
        return
    say(f"{moved} codings moved to {escape(target)}, {duplicates} duplicates joined")
