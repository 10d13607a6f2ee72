"""Pilots and the reliability report (issue 6)."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from coder.cli.base import (
    acting,
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
from coder.files import write_atomic

# -- pilots and the reliability report (issue 6) --------------------------------------------


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _show_pilot(found: Any) -> None:
    state = "open (blind)" if found.is_open else f"closed {found.closed_at[:19]}"
    design = found.design + (
        f", {found.coders_per_plan} coders per plan" if found.coders_per_plan else ""
    )
    say(
        f"pilot {escape(found.name)}: round {found.round}, {state}, {design},"
        f" codebook version {found.codebook_version}, seed {found.seed}"
        + (f", after {escape(found.previous)}" if found.previous else "")
    )
    say("coders: " + (", ".join(escape(c.label) for c in found.coders) or "none yet"))
    table = new_table(
        f"{len(found.plans)} plans", ("plan", "pages", "stratum", "read by"), figures={"pages"}
    )
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
@actor_option("recorded in the action log")
@json_option
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

    db, actor = acting(ctx, actor)
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
        print_json(found.as_dict())
        return
    _show_pilot(found)


@pilot_group.command("list")
@json_option
@click.pass_context
@handles_errors
def pilot_list(ctx: click.Context, as_json: bool) -> None:
    """Every pilot: round, status, plans, coders."""
    from coder import pilot

    found = pilot.pilots(open_db(ctx))
    if as_json:
        print_json([p.as_dict() for p in found])
        return
    table = new_table(
        "Pilots", ("name", "round", "status", "plans", "coders", "codebook", "created")
    )
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
@json_option
@click.pass_context
@handles_errors
def pilot_show(ctx: click.Context, name: str, as_json: bool) -> None:
    """A pilot's plans (with their stratum and readers), coders and strata."""
    from coder import pilot

    found = pilot.get(open_db(ctx), name)
    if as_json:
        print_json(found.as_dict())
        return
    _show_pilot(found)
    columns = ("stratum", "plans", "quota", "drawn")
    table = new_table("Strata (proportional allocation)", columns, figures=columns[1:])
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
@actor_option("recorded in the action log")
@json_option
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

    db, actor = acting(ctx, actor)
    result = pilot.simulate(
        db, actor, name, noise=noise, coders=coders, seed=seed, ground_truth=ground_truth
    )
    if as_json:
        print_json(result.as_dict())
        return
    say(
        f"{len(result.coders)} simulated coders ({', '.join(result.coders)}; noise {noise}):"
        f" {result.codings} codings of {result.passages} passages"
        + (f"; {result.missed} passages not found in the text" if result.missed else "")
    )


@pilot_group.command("close")
@click.argument("name")
@actor_option("recorded in the action log")
@json_option
@click.pass_context
@handles_errors
def pilot_close(ctx: click.Context, name: str, actor: str, as_json: bool) -> None:
    """Close pilot NAME: its codings are frozen; then adjudicate and report."""
    from coder import pilot

    db, actor = acting(ctx, actor)
    found = pilot.close(db, actor, name)
    frozen = len(pilot.codings(db, found))
    if as_json:
        print_json({**found.as_dict(), "frozen_codings": frozen})
        return
    say(f"pilot {escape(name)} closed: {frozen} codings frozen")


@pilot_group.command("progress")
@click.argument("name")
@json_option
@click.pass_context
@handles_errors
def pilot_progress(ctx: click.Context, name: str, as_json: bool) -> None:
    """Per coder and plan: pages read, fragments, codings, done."""
    from coder import pilot

    rows = pilot.progress(open_db(ctx), name)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    columns = ("coder", "plan", "pages read", "fragments", "codings", "done")
    table = new_table(f"Pilot {escape(name)}: progress", columns, figures=columns[2:])
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
@json_option
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
    report = rr.build(open_db(ctx), name, settings)
    if fmt:
        data = formats.write(report, fmt)
        if output in (None, "-"):
            sys.stdout.buffer.write(data)
        else:
            write_atomic(output, data)
            say(f"wrote {escape(output)} ({len(data):,} bytes)")
        return
    if as_json:
        print_json(report.as_dict())
        return
    if report.has_simulated:
        say("[yellow]this pilot has simulated coders:[/yellow] the figures demo the report")
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
        say(
            f"deviates most: {escape(most.label)} (alpha without them {most.alpha_without:.3f},"
            f" with everyone {report.overall.segment.value:.3f})"
        )
    for c in report.confusions[:5]:
        say(f"confused: {escape(c.name_a)} / {escape(c.name_b)} on {c.units} units")
