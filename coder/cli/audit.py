"""The audit trail: who changed what, when, with the state before and after (`-v`)."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from coder.cli.base import handles_errors, json_option, main, open_db, print_json, say


def _brief(value: object, width: int = 160) -> str:
    text = "" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command("audit")
@click.option("--actor", help="Only changes by this user.")
@click.option("--entity", help="Only this kind of record: coding, code, summary, comment, ...")
@click.option("--id", "entity_id", help="Only this record: a coding id, code id, user name, ...")
@click.option("--since", help="From this date or time on (ISO, UTC unless it says: 2021-09-01).")
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True, help="Newest N.")
@click.option("-v", "--verbose", is_flag=True, help="Show the state before and after.")
@json_option
@click.pass_context
@handles_errors
def audit_log(
    ctx: click.Context,
    actor: str | None,
    entity: str | None,
    entity_id: str | None,
    since: str | None,
    limit: int,
    verbose: bool,
    as_json: bool,
) -> None:
    """Query the audit trail (every change to codings, codebook, summaries, pilots, users)."""
    from coder import audit

    found = audit.entries(
        open_db(ctx), actor=actor, entity=entity, entity_id=entity_id, since=since, limit=limit
    )
    if as_json:
        print_json([e.as_dict() for e in found])
        return
    if not found:
        say("no entries")
        return
    for entry in found:
        undone = " [undone]" if entry.undone_at else ""
        say(
            f"{entry.id:>7}  {entry.at[:19].replace('T', ' ')}  {escape(entry.actor)}"
            f"  {escape(entry.verb)}  {escape(entry.entity)} {escape(entry.entity_id)}"
            f"  {escape(entry.label)}{undone}"
        )
        if verbose:
            say(f"         before: {escape(_brief(entry.before))}")
            say(f"         after:  {escape(_brief(entry.after))}")
