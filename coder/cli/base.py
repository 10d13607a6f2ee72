"""The `coder` command group and what every command module shares: the database
option, error handling (library errors become one line and exit code 1), output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection, Iterable
from functools import wraps
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coder import config, store
from coder.errors import CoderError, ManifestError

console = Console()
errors = Console(stderr=True)


def new_table(title: str | None, columns: Iterable[str], *, figures: Collection[str] = ()) -> Table:
    """A rich table with these columns; the ``figures`` columns are right-aligned, so
    their numbers line up."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column, justify="right" if column in figures else "left")
    return table


def fail(message: str) -> None:
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def handles_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into a one-line message and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ManifestError as exc:
            for problem in exc.problems:
                fail(f"{exc.path}: {problem}")
            sys.exit(1)
        except CoderError as exc:
            fail(str(exc))
            sys.exit(1)

    return wrapper


def print_json(data: Any) -> None:
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


def open_db(ctx: click.Context):
    return store.connect(ctx.obj)


def say(text: str) -> None:
    """One line of codebook output: never re-wrapped (diffs and logs stay greppable)."""
    console.print(text, highlight=False, soft_wrap=True)


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
                fail(f"{exc.source}: {problem}")
            sys.exit(1)

    return wrapper


def json_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print as JSON.")(command)


def report_change(result: Any, as_json: bool) -> None:
    """The outcome of a change: its version and summary, or that nothing changed."""
    if as_json:
        print_json(result.as_dict())
        return
    for warning in getattr(result, "warnings", []):
        say(f"[yellow]warning:[/yellow] {escape(warning)}")
    if result.version is None:
        say("no changes: the codebook already is like this")
    else:
        say(f"version {result.version}: {escape(result.summary)}")


def actor_option(purpose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--as NAME`` option: who does what a command changes."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        return click.option(
            "--as",
            "actor",
            envvar="USER",
            default="admin",
            show_default="$USER, else admin",
            help=f"Who does this ({purpose}).",
        )(command)

    return decorate


def acting(ctx: click.Context, actor: str) -> tuple[Any, str]:
    """The database and the acting user, who must be a registered, enabled user.

    Names are no longer registered on first use: a user is added by an admin
    (``coder user add``), so the audit trail names people, not typos.
    """
    from coder import users

    db = open_db(ctx)
    users.role(db, actor)
    return db, actor
