"""Horizontal analysis, per-code summaries, findings and reports (issue 7)."""

from __future__ import annotations

import sys
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

# -- horizontal analysis, summaries and reports (issue 7) ---------------------------------


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

    db = open_db(ctx)
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
    write_atomic(target, data)
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
@json_option
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
        open_db(ctx),
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
        print_json(view.as_dict())
        return
    say(
        f"[bold]{escape(view.code.name)}[/bold]: {len(view.fragments)} fragments in"
        f" {len(view.groups)} of {view.total_organisations} organisations"
    )
    for group in view.groups:
        say(
            f"\n[bold]{escape(group.organisation.name)}[/bold] ({len(group.fragments)} fragments,"
            f" {_pct(group.share)} of the plan)"
        )
        for f in group.fragments:
            star = "★ " if f.key_quote else ""
            say(
                f"  {star}#{f.coding_id} p. {escape(f.page_name)} [dim]{escape(f.section)}"
                f" · {f.part} · {escape(', '.join(f.coders))}[/dim]"
            )
            say(f"    {escape(f.before)}[bold]{escape(f.text)}[/bold]{escape(f.after)}")


@analysis_group.command("coverage")
@click.argument("code_id", required=False)
@json_option
@click.pass_context
@handles_errors
def analysis_coverage(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """Who mentions a code and how much, and who never does (no CODE: every code)."""
    from coder import analysis

    db = open_db(ctx)
    if code_id is None:
        every = analysis.coverage_all(db)
        if as_json:
            print_json([c.as_dict() for c in every])
            return
        columns = ("code", "organisations", "fragments", "median share", "absent")
        table = new_table("Coverage of every code", columns, figures=columns[1:])
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
        print_json(cov.as_dict())
        return
    columns = ("organisation", "fragments", "codings", "characters", "share of plan")
    table = new_table(
        f"{cov.code.name}: {cov.organisations} of {cov.total_organisations} organisations,"
        f" {cov.fragments} fragments",
        columns,
        figures=columns[1:],
    )
    for r in cov.rows:
        table.add_row(
            escape(r.organisation.name),
            str(r.fragments),
            str(r.codings),
            str(r.characters),
            _pct(r.share),
        )
    console.print(table)
    say(f"never mention it ({len(cov.absent)}): " + escape(", ".join(o.name for o in cov.absent)))


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
@json_option
@click.pass_context
@handles_errors
def analysis_matrix(
    ctx: click.Context, by: str, code_ids: tuple[str, ...], as_csv: bool, as_json: bool
) -> None:
    """Code x organisation, or code x attribute with chi-square tests."""
    import csv

    from coder import analysis

    db = open_db(ctx)
    codes = list(code_ids) or None
    if by in ("organisation", "organisations"):
        matrix = analysis.organisation_matrix(db, codes)
        if as_json:
            print_json(matrix.as_dict())
            return
        rows = matrix.wide("fragments")
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
        return
    matrix = analysis.attribute_matrix(db, by, codes)
    if as_json:
        print_json(matrix.as_dict())
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
    say(escape(matrix.note))
    say("+/-: adjusted residual beyond ±1.96; (!): expected counts too small for the test")


@analysis_group.command("cooccurrence")
@click.argument("code_id", required=False)
@click.option(
    "--mode", type=click.Choice(["overlap", "paragraph"]), default="overlap", show_default=True
)
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True)
@json_option
@click.pass_context
@handles_errors
def analysis_cooccurrence(
    ctx: click.Context, code_id: str | None, mode: str, limit: int, as_json: bool
) -> None:
    """Pairs of codes given to the same text, most frequent first (or one code's pairs)."""
    from coder import analysis

    result = analysis.cooccurrence(open_db(ctx), code_id, mode=mode)
    if as_json:
        print_json(result.as_dict())
        return
    columns = ("code A", "code B", "count", "organisations", "share A", "share B", "jaccard")
    table = new_table(f"Co-occurrence ({mode})", columns, figures=columns[2:])
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
@json_option
@click.pass_context
@handles_errors
def analysis_places(ctx: click.Context, code_a: str, code_b: str, mode: str, as_json: bool) -> None:
    """Where two codes co-occur (drill down from a co-occurrence pair)."""
    from coder import analysis

    db = open_db(ctx)
    found = analysis.places(db, code_a, code_b, mode=mode)
    if as_json:
        print_json([p.as_dict() for p in found])
        return
    fragments = analysis.fragments_by_id(
        db, [i for p in found for i in (*p.coding_ids_a, *p.coding_ids_b)]
    )
    for p in found:
        ids = [*p.coding_ids_a, *p.coding_ids_b]
        page = fragments[ids[0]].page_name if ids and ids[0] in fragments else "?"
        say(f"[bold]{escape(p.organisation)}[/bold] p. {escape(page)}")
        for label, group in ((code_a, p.coding_ids_a), (code_b, p.coding_ids_b)):
            for i in group:
                if i in fragments:
                    say(f"  {escape(label)} #{i}: {escape(fragments[i].text[:160])}")


@analysis_group.command("alignment")
@click.option(
    "--code", "code_ids", multiple=True, help="Codes to check (default: the Werking codes)."
)
@click.option("--gaps", is_flag=True, help="List only content ambitions without a counterpart.")
@json_option
@click.pass_context
@handles_errors
def analysis_alignment(
    ctx: click.Context, code_ids: tuple[str, ...], gaps: bool, as_json: bool
) -> None:
    """Zakelijk vs inhoudelijk deel: per code, organisations aligned, mentioned, with a gap."""
    from coder import analysis

    result = analysis.alignment(open_db(ctx), list(code_ids) or None)
    if as_json:
        data = result.as_dict()
        if gaps:
            data = [c.as_dict() for c in result.gaps()]
        print_json(data)
        return
    if gaps:
        names = {c.id: c.name for c in result.codes}
        for cell in result.gaps():
            say(
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
@json_option
@click.pass_context
@handles_errors
def analysis_terms(
    ctx: click.Context, code_id: str, top: int, by: str | None, as_json: bool
) -> None:
    """Distinctive terms (lemmas) of a code versus the rest of the corpus, or per group."""
    from coder import analysis

    db = open_db(ctx)
    if by:
        groups = analysis.group_terms(db, code_id, by, top=top)
        if as_json:
            print_json({g: [t.as_dict() for t in terms] for g, terms in groups.items()})
            return
        for group, terms in sorted(groups.items()):
            say(f"[bold]{escape(group)}[/bold]: " + escape(", ".join(t.term for t in terms)))
        return
    result = analysis.code_terms(db, code_id, top=top)
    if as_json:
        print_json(result.as_dict())
        return
    columns = ("term", "in code", "rest", "G²", "log ratio")
    table = new_table(
        f"{result.code.name}: distinctive terms ({result.fragments} fragments)",
        columns,
        figures=columns[1:],
    )
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
@json_option
@click.pass_context
@handles_errors
def analysis_themes(
    ctx: click.Context, code_id: str, k: int | None, seed: int, as_json: bool
) -> None:
    """Sub-themes inside a code (NMF on TF-IDF), with representative fragments."""
    from coder import analysis

    result = analysis.code_subthemes(open_db(ctx), code_id, k=k, seed=seed)
    if as_json:
        print_json(result.as_dict())
        return
    if not result.themes:
        say("too few fragments for sub-themes")
    for theme in result.themes:
        say(
            f"\n[bold]Theme {theme.index + 1}[/bold] ({theme.size} fragments,"
            f" {len(theme.organisations)} organisations): {escape(', '.join(theme.terms))}"
        )
        for f in theme.representatives:
            say(
                f"  #{f.coding_id} {escape(f.organisation)} p. {escape(f.page_name)}:"
                f" {escape(f.text[:160])}"
            )


@analysis_group.command("quote")
@click.argument("coding_id", type=int)
@click.option("--note", default="", help="Why this quote matters.")
@click.option("--remove", is_flag=True, help="Take it off the key quotes.")
@actor_option("a steering-group member may only comment")
@json_option
@click.pass_context
@handles_errors
def analysis_quote(
    ctx: click.Context, coding_id: int, note: str, remove: bool, actor: str, as_json: bool
) -> None:
    """Mark a coding as a key quote of its code (or --remove it)."""
    from coder import summaries

    db, actor = acting(ctx, actor)
    if remove:
        removed = summaries.unmark_key_quote(db, actor, coding_id)
        if as_json:
            print_json({"removed": removed})
        else:
            say("removed" if removed else "it was not a key quote")
        return
    quote = summaries.mark_key_quote(db, actor, coding_id, note=note)
    if as_json:
        print_json(quote.as_dict())
        return
    where = (
        f" ({quote.fragment.organisation}, p. {quote.fragment.page_name})" if quote.fragment else ""
    )
    say(f"key quote of {escape(quote.code_id)}: #{coding_id}{escape(where)}")


def _print_summary(item: Any, comments: list[Any]) -> None:
    from coder import summaries

    title = item.title or item.code_id
    say(
        f"[bold]{escape(title)}[/bold] — {summaries.STATUS_LABELS[item.status]} ({item.status}),"
        f" version {item.version} by {escape(item.current.author)}"
        f" at {item.current.created_at[:16]}"
    )
    if item.kind == "finding":
        say("codes: " + escape(", ".join(item.codes) or "—"))
    say("")
    click.echo(item.body)
    for c in comments:
        say(
            f"\n[dim]comment #{c.id} by {escape(c.author)} on version {c.version}:[/dim]"
            f" {escape(c.body)}"
        )


@analysis_group.group("summary")
def summary_group() -> None:
    """Per-code summaries: write, review (draft -> ready -> reviewed), comment, history."""


@summary_group.command("list")
@json_option
@click.pass_context
@handles_errors
def summary_list(ctx: click.Context, as_json: bool) -> None:
    """Every code and the state of its summary."""
    from coder import analysis, summaries

    db = open_db(ctx)
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
        print_json(rows)
        return
    table = new_table("Summaries", ("code", "status", "version", "comments"))
    for r in rows:
        table.add_row(escape(r["code"]), r["status"] or "—", str(r["version"]), str(r["comments"]))
    console.print(table)


@summary_group.command("show")
@click.argument("code_id")
@click.option("--version", "version", type=click.IntRange(1), help="A past version.")
@json_option
@click.pass_context
@handles_errors
def summary_show(ctx: click.Context, code_id: str, version: int | None, as_json: bool) -> None:
    """The summary of a code (latest version, or --version N) with its comments."""
    from coder import summaries
    from coder.errors import NotFoundError

    db = open_db(ctx)
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
        print_json(item.as_dict() | {"comments": [c.as_dict() for c in comments]})
        return
    _print_summary(item, comments)


@summary_group.command("write")
@click.argument("code_id")
@click.option("--text", help="The Markdown text.")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--expected-version", type=int, help="Refuse if someone saved after this version.")
@actor_option("a steering-group member may only comment")
@json_option
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

    db, actor = acting(ctx, actor)
    item = summaries.save_summary(
        db, actor, code_id, _text_arg(text, file), expected_version=expected_version
    )
    if as_json:
        print_json(item.as_dict())
        return
    say(f"{escape(code_id)}: version {item.version} ({item.status}) — {escape(item.current.note)}")


@summary_group.command("status")
@click.argument("code_id")
@click.argument("status", type=click.Choice(["draft", "ready", "reviewed"]))
@actor_option("a steering-group member may only comment")
@json_option
@click.pass_context
@handles_errors
def summary_status(
    ctx: click.Context, code_id: str, status: str, actor: str, as_json: bool
) -> None:
    """Move a summary through review: draft -> ready -> reviewed (back to draft at any time)."""
    from coder import summaries

    db, actor = acting(ctx, actor)
    item = summaries.set_summary_status(db, actor, code_id, status)
    if as_json:
        print_json(item.as_dict())
        return
    say(f"{escape(code_id)}: {item.status} (version {item.version})")


@summary_group.command("comment")
@click.argument("code_id")
@click.argument("text")
@actor_option("a steering-group member may only comment")
@json_option
@click.pass_context
@handles_errors
def summary_comment(ctx: click.Context, code_id: str, text: str, actor: str, as_json: bool) -> None:
    """Comment on a code's summary (steering-group members too)."""
    from coder import summaries
    from coder.errors import NotFoundError

    db, actor = acting(ctx, actor)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet to comment on")
    comment = summaries.add_comment(db, actor, item.id, text)
    if as_json:
        print_json(comment.as_dict())
        return
    say(f"comment #{comment.id} on version {comment.version}")


@summary_group.command("log")
@click.argument("code_id")
@json_option
@click.pass_context
@handles_errors
def summary_log(ctx: click.Context, code_id: str, as_json: bool) -> None:
    """Every version of a code's summary: who, when, status, what changed."""
    from coder import summaries
    from coder.errors import NotFoundError

    db = open_db(ctx)
    item = summaries.summary(db, code_id)
    if item is None:
        raise NotFoundError(f"{code_id} has no summary yet")
    versions = summaries.history(db, item.id)
    if as_json:
        print_json([v.as_dict() for v in versions])
        return
    for v in versions:
        say(f"{v.version}  {v.created_at[:19]}  {escape(v.author)}  {v.status}  {escape(v.note)}")


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

    db = open_db(ctx)
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
@actor_option("a steering-group member may only comment")
@json_option
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

    db, actor = acting(ctx, actor)
    body = _text_arg(text, file) if (text is not None or file is not None) else ""
    item = summaries.create_finding(db, actor, title, body, list(code_ids))
    if as_json:
        print_json(item.as_dict())
        return
    say(f"finding {item.id}: {escape(item.title)}")


@finding_group.command("list")
@click.option("--code", "code_id", help="Only findings about this code.")
@json_option
@click.pass_context
@handles_errors
def finding_list(ctx: click.Context, code_id: str | None, as_json: bool) -> None:
    """The findings, newest first."""
    from coder import summaries

    found = summaries.findings(open_db(ctx), code_id=code_id)
    if as_json:
        print_json([f.as_dict() for f in found])
        return
    if not found:
        say("no findings yet")
    for f in found:
        say(
            f"{f.id}  {f.status:<8}  v{f.version}  {escape(f.title)}"
            f"  [dim]{escape(', '.join(f.codes))}[/dim]"
        )


@finding_group.command("show")
@click.argument("finding_id", type=int)
@json_option
@click.pass_context
@handles_errors
def finding_show(ctx: click.Context, finding_id: int, as_json: bool) -> None:
    """A finding with its comments."""
    from coder import summaries

    db = open_db(ctx)
    item = summaries.finding(db, finding_id)
    comments = summaries.comments(db, item.id)
    if as_json:
        print_json(item.as_dict() | {"comments": [c.as_dict() for c in comments]})
        return
    _print_summary(item, comments)


@finding_group.command("edit")
@click.argument("finding_id", type=int)
@click.option("--title")
@click.option("--text", help="The new Markdown text.")
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", "code_ids", multiple=True, help="Replace the codes (repeatable).")
@click.option("--expected-version", type=int, help="Refuse if someone saved after this version.")
@actor_option("a steering-group member may only comment")
@json_option
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

    db, actor = acting(ctx, actor)
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
        print_json(item.as_dict())
        return
    say(f"finding {item.id}: version {item.version} ({item.status})")


@finding_group.command("status")
@click.argument("finding_id", type=int)
@click.argument("status", type=click.Choice(["draft", "ready", "reviewed"]))
@actor_option("a steering-group member may only comment")
@json_option
@click.pass_context
@handles_errors
def finding_status(
    ctx: click.Context, finding_id: int, status: str, actor: str, as_json: bool
) -> None:
    """Move a finding through review."""
    from coder import summaries

    db, actor = acting(ctx, actor)
    item = summaries.set_finding_status(db, actor, finding_id, status)
    if as_json:
        print_json(item.as_dict())
        return
    say(f"finding {item.id}: {item.status} (version {item.version})")


@finding_group.command("comment")
@click.argument("finding_id", type=int)
@click.argument("text")
@actor_option("a steering-group member may only comment")
@json_option
@click.pass_context
@handles_errors
def finding_comment(
    ctx: click.Context, finding_id: int, text: str, actor: str, as_json: bool
) -> None:
    """Comment on a finding (steering-group members too)."""
    from coder import summaries

    db, actor = acting(ctx, actor)
    comment = summaries.add_comment(db, actor, summaries.finding(db, finding_id).id, text)
    if as_json:
        print_json(comment.as_dict())
        return
    say(f"comment #{comment.id} on version {comment.version}")
