"""`coder backup` and `coder restore` (of a backup or of a `coder dump` archive)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from coder.cli.base import (
    handles_errors,
    json_option,
    lists_problems,
    main,
    open_db,
    print_json,
    say,
)


@main.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@json_option
@click.pass_context
@handles_errors
@lists_problems
def backup_database(ctx: click.Context, file: Path, as_json: bool) -> None:
    """Copy the database to FILE (SQLite online backup, checked); safe while the app runs."""
    from coder import backup

    info = backup.backup(open_db(ctx), file)
    if as_json:
        print_json(info.as_dict())
        return
    say(
        f"wrote {escape(str(file))}: {info.bytes:,} bytes, schema version {info.schema_version},"
        f" integrity ok, {info.seconds} s"
    )


@main.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that holds data (stop the app).")
@json_option
@click.pass_context
@handles_errors
@lists_problems
def restore_database(ctx: click.Context, file: Path, force: bool, as_json: bool) -> None:
    """Restore a `coder backup` file or a `coder dump` archive into --db.

    Never over a database that holds data without --force; never half-written.
    """
    from coder import backup

    info = backup.restore(file, ctx.obj, force=force)
    if as_json:
        print_json(info.as_dict())
        return
    say(
        f"restored {escape(str(ctx.obj))} from the {info.kind} {escape(str(file))}"
        f" (made {info.created_at}, schema version {info.schema_version})"
    )
