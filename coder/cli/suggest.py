"""Code suggestions (issue 9): train, evaluate, suggest for a page, find similar, queue."""

from __future__ import annotations

import click
from rich.markup import escape

from coder.cli.base import (
    acting,
    actor_option,
    console,
    handles_errors,
    json_option,
    main,
    new_table,
    print_json,
    say,
)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@main.group("suggest")
def suggest_group() -> None:
    """Code suggestions learned from the team's codings: the reader always decides."""


@suggest_group.command("train")
@click.option("--if-needed", is_flag=True, help="Only when the model is missing or out of date.")
@click.option(
    "--c", "c", type=click.FloatRange(min=0, min_open=True), default=4.0, show_default=True
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same model.")
@actor_option("recorded with the model")
@json_option
@click.pass_context
@handles_errors
def suggest_train(
    ctx: click.Context, if_needed: bool, c: float, seed: int, actor: str, as_json: bool
) -> None:
    """Train the suggestion model on the live codings, reading marks and verdicts."""
    from coder import suggest

    db, actor = acting(ctx, actor)
    reason = suggest.needs_training(db)
    if if_needed and reason is None:
        if as_json:
            print_json({"trained": False, "reason": "up to date"})
        else:
            say("the model is up to date: nothing to train")
        return
    suggest.train(db, actor, c=c, seed=seed)
    found = suggest.models(db)[0]
    if as_json:
        print_json({"trained": True, **found})
        return
    metrics = found["metrics"]
    say(
        f"model {found['id']}: {found['n_codings']} codings on {found['n_segments']} passages,"
        f" {found['n_feedback']} verdicts, codebook version {found['codebook_version']},"
        f" {len(metrics['positives']) - len(metrics['skipped'])} codes"
        f" ({metrics['seconds']['index']} s index, {metrics['seconds']['fit']} s fit)"
    )
    for code, why in metrics["skipped"].items():
        say(f"[yellow]not learned:[/yellow] {escape(code)}: {escape(why)}")


@suggest_group.command("evaluate")
@click.option("--folds", type=click.IntRange(2), default=5, show_default=True)
@click.option(
    "--train-share",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    help="One split instead: train on this share of the organisations (e.g. 0.3).",
)
@click.option(
    "--ground-truth",
    "ground_truth",
    is_flag=False,
    flag_value="auto",
    default=None,
    metavar="[FILE]",
    help="Evaluate against a ground_truth.jsonl (alone: the one beside the ingested plans).",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True)
@actor_option("recorded with the evaluation")
@json_option
@click.pass_context
@handles_errors
def suggest_evaluate(
    ctx: click.Context,
    folds: int,
    train_share: float | None,
    ground_truth: str | None,
    seed: int,
    threshold: float,
    actor: str,
    as_json: bool,
) -> None:
    """Cross-validate by organisation: per-code P/R/F1, averages, learning curve, baseline."""
    from coder import suggest
    from coder.suggest.evaluate import ground_truth_file

    db, actor = acting(ctx, actor)
    if ground_truth == "auto":
        ground_truth = str(ground_truth_file(db))
    result = suggest.evaluate(
        db,
        actor,
        folds=folds,
        train_share=train_share,
        ground_truth=ground_truth,
        seed=seed,
        threshold=threshold,
    )
    if as_json:
        print_json(result.as_dict())
        return
    say(
        f"{escape(result.source)}: {result.passages} passages, {result.fragments} coded"
        f" fragments, {result.organisations} organisations; {escape(result.split)};"
        f" threshold {result.threshold} ({result.seconds} s)"
    )
    columns = ("code", "precision", "recall", "F1", "support", "baseline F1")
    table = new_table("per code", columns, figures=columns[1:])
    for row in result.per_code:
        table.add_row(
            escape(row["name"]),
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            str(row["support"]),
            f"{row['baseline_f1']:.3f}",
        )
    for label, model, baseline in (
        ("micro", result.micro, result.baseline_micro),
        ("macro", result.macro, result.baseline_macro),
    ):
        table.add_row(
            f"[bold]{label}[/bold]",
            f"{model.precision:.3f}",
            f"{model.recall:.3f}",
            f"[bold]{model.f1:.3f}[/bold]",
            str(model.support),
            f"{baseline.f1:.3f}",
        )
    console.print(table)
    columns = ("organisations", "coded fragments", "micro-F1", "macro-F1")
    curve = new_table("learning curve (first split's test part)", columns, figures=columns)
    for point in result.learning_curve:
        curve.add_row(
            str(point["organisations"]),
            str(point["fragments"]),
            f"{point['micro_f1']:.3f}",
            f"{point['macro_f1']:.3f}",
        )
    console.print(curve)
    say(
        "keyword baseline (code names in the text): micro-F1"
        f" {result.baseline_micro.f1:.3f}, macro-F1 {result.baseline_macro.f1:.3f}"
    )


@suggest_group.command("page")
@click.argument("document")
@click.argument("page", type=click.IntRange(1))
@click.option("--top", type=click.IntRange(1), default=3, show_default=True)
@actor_option("whose suggestions: their switch, pilots and codings count")
@json_option
@click.pass_context
@handles_errors
def suggest_page(
    ctx: click.Context, document: str, page: int, top: int, actor: str, as_json: bool
) -> None:
    """Suggested codes for the passages on PAGE of DOCUMENT (id, file or organisation)."""
    from coder import suggest
    from coder.suggest.corpus import document_id

    db, actor = acting(ctx, actor)
    found = suggest.for_page(db, actor, document_id(db, document), page, top=top)
    if as_json:
        print_json(found.as_dict())
        return
    if not found.available:
        say(f"no suggestions: {escape(found.reason)}")
        return
    if not found.passages:
        say("no suggestions on this page")
    for passage in found.passages:
        codes = ", ".join(f"{escape(s.name)} {s.probability:.0%}" for s in passage.suggestions)
        say(f"[bold]{passage.start}-{passage.end}[/bold] {escape(_short(passage.text))}")
        say(f"    → {codes}")


suggest_group.add_command(suggest_page, "show")


@suggest_group.command("similar")
@click.argument("coding_id", type=int)
@click.option(
    "--scope",
    type=click.Choice(["code", "any"]),
    default="code",
    show_default=True,
    help="Leave out passages coded with the fragment's code, or with any code.",
)
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@actor_option("who asks: plans of an open pilot they code are left out")
@json_option
@click.pass_context
@handles_errors
def suggest_similar(
    ctx: click.Context, coding_id: int, scope: str, limit: int, actor: str, as_json: bool
) -> None:
    """Passages across the corpus most like coding CODING_ID and not yet coded so."""
    from coder import suggest

    db, actor = acting(ctx, actor)
    found = suggest.similar(db, coding_id=coding_id, scope=scope, limit=limit, reader=actor)
    if as_json:
        print_json([item.as_dict() for item in found])
        return
    table = new_table(
        f"like coding {coding_id}",
        ("similarity", "organisation", "page", "passage"),
        figures={"similarity", "page"},
    )
    for item in found:
        table.add_row(
            f"{item.similarity:.3f}",
            escape(item.organisation),
            str(item.page),
            escape(_short(item.text, 70)),
        )
    console.print(table)


@suggest_group.command("queue")
@click.option(
    "--mode",
    type=click.Choice(["uncertain", "missed"]),
    default="uncertain",
    show_default=True,
    help="Where the model is unsure, or likely misses on read pages.",
)
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@actor_option("whose queue")
@json_option
@click.pass_context
@handles_errors
def suggest_queue(ctx: click.Context, mode: str, limit: int, actor: str, as_json: bool) -> None:
    """The passages READER should read next."""
    from coder import suggest

    db, actor = acting(ctx, actor)
    found = suggest.queue(db, actor, mode=mode, limit=limit)
    if as_json:
        print_json(found.as_dict())
        return
    if not found.available or not found.items:
        say(f"queue empty: {escape(found.reason)}")
        return
    table = new_table(
        f"next for {escape(actor)} ({mode})",
        ("organisation", "page", "code", "P", "passage"),
        figures={"page", "P"},
    )
    for item in found.items:
        table.add_row(
            escape(item.organisation),
            str(item.page),
            escape(item.code_name),
            f"{item.probability:.2f}",
            escape(_short(item.text, 60)),
        )
    console.print(table)


def _switch(ctx: click.Context, actor: str, on: bool) -> None:
    from coder import suggest

    db, actor = acting(ctx, actor)
    suggest.set_enabled(db, actor, on)
    say(f"suggestions {'on' if on else 'off'} for {escape(actor)}")


@suggest_group.command("off")
@actor_option("whose suggestions")
@click.pass_context
@handles_errors
def suggest_off(ctx: click.Context, actor: str) -> None:
    """Turn suggestions off for READER (everywhere, until turned on)."""
    _switch(ctx, actor, False)


@suggest_group.command("on")
@actor_option("whose suggestions")
@click.pass_context
@handles_errors
def suggest_on(ctx: click.Context, actor: str) -> None:
    """Turn suggestions on again for READER."""
    _switch(ctx, actor, True)
