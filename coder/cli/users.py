"""Users: add, list, disable, passwords, roles, grants, and the demo users of `make run`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click
from rich.markup import escape

from coder.cli.base import (
    actor_option,
    console,
    handles_errors,
    json_option,
    main,
    new_table,
    open_db,
    print_json,
    say,
)
from coder.errors import AccountError

#: `coder user demo`: fixed, printed, and only for a sample corpus on one's own machine
DEMO_USERS = (
    ("admin", "admin", "demo-admin-2021"),
    ("anna", "researcher", "demo-anna-2021"),
    ("bert", "researcher", "demo-bert-2021"),
    ("stuurgroep", "steering", "demo-stuurgroep-2021"),
)


def _read_password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = click.prompt("Password", hide_input=True)
    if click.prompt("Repeat the password", hide_input=True) != first:
        raise AccountError("the two passwords differ; nothing changed")
    return first


def _password_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--password-stdin",
        is_flag=True,
        help="Read the password from the first line of stdin (for scripts); else it is asked.",
    )(command)


@main.group("user")
def user_group() -> None:
    """Users and roles: admin, researcher, steering (see README, Users, roles and login)."""


@user_group.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["admin", "researcher", "steering"]),
    default="researcher",
    show_default=True,
)
@_password_option
@actor_option("an admin; not needed for the first admin of a database")
@json_option
@click.pass_context
@handles_errors
def add(
    ctx: click.Context, name: str, role: str, password_stdin: bool, actor: str, as_json: bool
) -> None:
    """Add a user with a password (asked twice, never echoed)."""
    from coder import users

    db = open_db(ctx)
    first = users.needs_first_admin(db)
    user = users.add_user(db, None if first else actor, name, role, _read_password(password_stdin))
    if as_json:
        print_json(user.as_dict())
        return
    say(f"added {escape(user.name)} ({user.role})")


@user_group.command("list")
@click.option("--all", "include_simulated", is_flag=True, help="Also simulated pilot coders.")
@json_option
@click.pass_context
@handles_errors
def list_users(ctx: click.Context, include_simulated: bool, as_json: bool) -> None:
    """Users with their role, whether they can log in, and their grants."""
    from coder import users

    found = users.list_users(open_db(ctx), include_simulated=include_simulated)
    if as_json:
        print_json([u.as_dict() for u in found])
        return
    table = new_table(None, ("name", "role", "login", "grants", "last login", "disabled"))
    for user in found:
        table.add_row(
            escape(user.name),
            user.role + (" (simulated)" if user.simulated else ""),
            "yes" if user.has_password else "no password",
            ", ".join(user.grants),
            (user.last_login_at or "")[:19],
            (user.disabled_at or "")[:19],
        )
    console.print(table)


@user_group.command("disable")
@click.argument("name")
@actor_option("an admin")
@click.pass_context
@handles_errors
def disable(ctx: click.Context, name: str, actor: str) -> None:
    """Disable a user: no login, no actions; their work and history stay."""
    from coder import users

    users.disable(open_db(ctx), actor, name)
    say(f"disabled {escape(name)}")


@user_group.command("enable")
@click.argument("name")
@actor_option("an admin")
@click.pass_context
@handles_errors
def enable(ctx: click.Context, name: str, actor: str) -> None:
    """Enable a disabled user again."""
    from coder import users

    users.enable(open_db(ctx), actor, name)
    say(f"enabled {escape(name)}")


@user_group.command("passwd")
@click.argument("name")
@_password_option
@actor_option("the user themselves, or an admin")
@click.pass_context
@handles_errors
def passwd(ctx: click.Context, name: str, password_stdin: bool, actor: str) -> None:
    """Set a user's password (their open sessions end)."""
    from coder import users

    db = open_db(ctx)
    users.set_password(db, actor, name, _read_password(password_stdin))
    say(f"password changed for {escape(name)}")


@user_group.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(["admin", "researcher", "steering"]))
@actor_option("an admin")
@click.pass_context
@handles_errors
def set_role(ctx: click.Context, name: str, role: str, actor: str) -> None:
    """Give a user another role."""
    from coder import users

    users.set_role(open_db(ctx), actor, name, role)
    say(f"{escape(name)} is now {role}")


@user_group.command("grant")
@click.argument("name")
@click.argument("permission", type=click.Choice(["export"]))
@click.option("--revoke", is_flag=True, help="Take the permission back.")
@actor_option("an admin")
@click.pass_context
@handles_errors
def grant(ctx: click.Context, name: str, permission: str, revoke: bool, actor: str) -> None:
    """Allow one user what their role does not (export: raw exports for a steering member)."""
    from coder import users

    change = users.revoke if revoke else users.grant
    change(open_db(ctx), actor, name, permission)
    say(f"{'revoked' if revoke else 'granted'} {permission} {'from' if revoke else 'to'} {name}")


@user_group.command("demo")
@click.pass_context
@handles_errors
def demo(ctx: click.Context) -> None:
    """Create the demo users of the sample corpus (once) and print their DEMO credentials.

    Refused on a database that has users with passwords already other than these:
    demo passwords are public and belong on a demo database only.
    """
    from coder import users

    db = open_db(ctx)
    names = {name for name, _, _ in DEMO_USERS}
    others = [u.name for u in users.list_users(db) if u.has_password and u.name not in names]
    if others:
        raise AccountError(
            f"this database has real users ({', '.join(others[:3])}): demo users are only"
            " for a demo database"
        )
    existing = {u.name for u in users.list_users(db) if u.has_password}
    admin = DEMO_USERS[0][0]
    for name, role, password in DEMO_USERS:
        if name not in existing:
            users.add_user(db, admin if name != admin else None, name, role, password)
    say("[bold yellow]DEMO credentials[/bold yellow] (sample corpus only; public, not secret):")
    for name, role, password in DEMO_USERS:
        say(f"  {name:<12} {password:<22} {role}")
