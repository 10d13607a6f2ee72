"""Export, REFI-QDA import and dump (`coder restore` is in coder.cli.backup)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from coder.cli.base import (
    acting,
    actor_option,
    handles_errors,
    json_option,
    lists_problems,
    main,
    open_db,
    print_json,
    say,
)
from coder.errors import CoderError
from coder.files import write_atomic

# -- export, import, dump ------------------------------------------------------------------


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
@actor_option("the steering group exports only when granted")
@json_option
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
    actor: str,
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
    db, actor = acting(ctx, actor)
    summary: dict[str, Any] = {"format": fmt, "output": output}
    if fmt == "qdpx":
        project = exchange.export_project(
            db, filters, actor=actor, name=name, with_pdf=with_pdf, positions_unit=positions
        )
        data = project.data
        summary |= project.as_dict()
    else:
        data = exchange.export_table(db, fmt, filters, actor=actor)
        summary["bytes"] = len(data)
    if output == "-":
        if fmt not in ("csv", "jsonl"):
            raise CoderError(f"--format {fmt} is binary: write it to a file with -o FILE")
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    if as_json:
        print_json(summary)
        return
    for warning in summary.get("warnings", []):
        say(f"[yellow]warning:[/yellow] {escape(warning)}")
    counts = summary.get("counts")
    detail = ", ".join(f"{n} {k}" for k, n in counts.items()) if counts else f"{len(data)} bytes"
    say(f"wrote {escape(output)} ({fmt}): {detail}")


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
@actor_option("recorded in the action log")
@json_option
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
        open_db(ctx),
        file,
        actor=actor,
        user_map=mapping,
        positions_unit=positions,
        allow_missing_sources=skip_missing_sources,
    )
    if as_json:
        print_json(report.as_dict())
        return
    for warning in report.warnings:
        say(f"[yellow]warning:[/yellow] {escape(warning)}")
    say(f"imported {escape(report.source)} ({escape(report.origin or 'unknown tool')})")
    say(f"  positions: {escape(report.positions)}")
    say(
        f"  documents: {report.documents_new} new, {report.documents_matched} already here;"
        f" organisations: {report.organisations_new} new, {report.organisations_matched} matched"
    )
    codes = ", ".join(f"{n} {k}" for k, n in sorted(report.codes.items())) or "no changes"
    version = f"version {report.codebook_version}" if report.codebook_version else "unchanged"
    say(f"  codebook: {version} ({codes})")
    say(f"  codings: {report.codings} new, {report.duplicates} already here; memos: {report.memos}")
    for user, coder in sorted(report.users.items()):
        say(f"  user {escape(user)} -> coder {escape(coder)}")
    for item in report.skipped:
        say(f"  skipped {item['count']} {escape(item['what'])}: {escape(item['why'])}")


@main.command("dump")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@json_option
@click.pass_context
@handles_errors
@lists_problems
def dump_database(ctx: click.Context, output: Path, as_json: bool) -> None:
    """Back up the whole database to a portable archive (.zip); safe while the app runs."""
    from coder import exchange

    info = exchange.dump(open_db(ctx), output)
    if as_json:
        print_json(info.as_dict())
        return
    rows = sum(info.counts.values())
    say(
        f"wrote {escape(str(output))}: schema version {info.schema_version},"
        f" {rows} rows in {len(info.counts)} tables, {info.bytes} bytes"
    )
