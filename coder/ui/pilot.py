"""Pilot page: create and close pilots, follow progress, read the reliability report with its
heatmap and drill-down, adjudicate disagreements side by side, and download the report.

Everything goes through the service layer (``coder.pilot``, ``coder.reliability_report``);
this page only lays it out. While a pilot is open its coders code blind, so a coder of an
open pilot sees neither the report nor the others' fragments here.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import streamlit as st

from coder import coding, pilot, users
from coder import reliability_formats as formats
from coder import reliability_report as rr
from coder.errors import CoderError
from coder.ui.common import current_reader, database, md

BAND_COLOURS = {"good": "green", "tentative": "orange", "unacceptable": "red", "undefined": "gray"}
PER_PAGE = 10


def _fmt(value: float | None, digits: int = 3) -> str:
    return formats.number(value, digits)


def _band(estimate: rr.Estimate) -> str:
    """The verdict in colour, for Markdown (captions, metrics)."""
    return f":{BAND_COLOURS[estimate.band]}[{estimate.band_label}]"


@st.cache_resource(max_entries=6, show_spinner="Rapport berekenen…")
def _report(path: str, name: str, settings: rr.Settings, version: int) -> rr.Report:
    """The report, computed once per settings and state of the data (``version``: the
    newest action, which every change to codings or pilots writes)."""
    from coder import store

    db = store.connect(path)
    try:
        return rr.build(db, name, settings)
    finally:
        db.close()


def _data_version(db: Any) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM actions").fetchone()[0]


def _db_path(db: Any) -> str:
    return db.execute("PRAGMA database_list").fetchone()[2]


def render() -> None:
    db = database()
    reader = current_reader(db)
    st.title("Pilot")
    st.caption(
        "Een proeflezing: een steekproef van plannen die meerdere lezers blind coderen, om te"
        " meten hoe eensgezind ze het codeboek toepassen."
    )
    pilots = pilot.pilots(db)
    names = [p.name for p in pilots]
    if users.can(db, reader, "pilot"):
        with st.expander("Nieuwe pilot", expanded=not pilots):
            _create_form(db, reader, pilots)
    if not pilots:
        st.info("Nog geen pilot; een beheerder maakt er een.")
        return
    wanted = st.session_state.get("pilot-name") or st.query_params.get("pilot")
    name = st.selectbox(
        "Pilot",
        names,
        index=names.index(wanted) if wanted in names else len(names) - 1,
        format_func=lambda n: _pilot_label(next(p for p in pilots if p.name == n)),
    )
    st.session_state["pilot-name"] = name
    st.query_params["pilot"] = name
    found = next(p for p in pilots if p.name == name)
    if found.has_simulated:
        st.warning(
            "Deze pilot bevat **gesimuleerde lezers** (afgeleid uit de grondwaarheid van het"
            " voorbeeldcorpus, met ruis): de cijfers tonen de werking, niet echte lezers."
        )
    overview, report_tab, adjudication = st.tabs(["Overzicht", "Rapport", "Beoordelen"])
    with overview:
        _overview(db, reader, found)
    blind = found.is_open and reader in {c.name for c in found.coders}
    with report_tab:
        if blind:
            st.info(
                "Je leest mee in deze open pilot: het rapport en de fragmenten van de anderen"
                " blijven verborgen tot de pilot gesloten is (blind coderen)."
            )
        else:
            _report_view(db, found)
    with adjudication:
        _adjudication(db, reader, found)


def _pilot_label(p: pilot.Pilot) -> str:
    state = "open" if p.is_open else "gesloten"
    return f"{p.name} · ronde {p.round} · {state} · {len(p.plans)} plannen"


# creating --------------------------------------------------------------------------------------
def _create_form(db: Any, reader: str, pilots: list[pilot.Pilot]) -> None:
    closed = [p.name for p in pilots if not p.is_open]
    with st.form("pilot-create", border=False):
        c1, c2, c3 = st.columns(3)
        name = c1.text_input("Naam", placeholder="proeflezing-1")
        plans = c2.number_input("Plannen", 2, 200, 15)
        seed = c3.number_input("Seed", 0, 10**9, 1, help="Dezelfde seed geeft dezelfde steekproef.")
        coders = st.multiselect(
            "Lezers",
            coding.users(db),
            help="Leeg laten om de pilot met gesimuleerde lezers te vullen.",
            placeholder="gesimuleerde lezers",
        )
        stratify = st.multiselect(
            "Stratificeer op",
            list(pilot.STRATIFY_KEYS),
            default=["functions", "region"],
            placeholder="niet stratificeren",
        )
        c4, c5, c6 = st.columns(3)
        design = c4.radio(
            "Ontwerp",
            list(pilot.DESIGNS),
            format_func={"crossed": "iedereen leest alles", "balanced": "k lezers per plan"}.get,
        )
        per_plan = c5.number_input("Lezers per plan (k)", 2, 20, 3)
        previous = c6.selectbox(
            "Volgende ronde van", [None, *closed], format_func=lambda v: v or "(eerste ronde)"
        )
        submitted = st.form_submit_button("Pilot maken", type="primary")
    if submitted:
        try:
            made = pilot.create(
                db,
                reader,
                name,
                plans=int(plans),
                coders=coders,
                stratify_by=stratify,
                seed=int(seed),
                design=design,
                coders_per_plan=int(per_plan) if design == "balanced" else None,
                previous=previous,
            )
        except CoderError as exc:
            st.error(str(exc))
        else:
            st.session_state["pilot-name"] = made.name
            st.rerun()


# overview --------------------------------------------------------------------------------------
def _overview(db: Any, reader: str | None, found: pilot.Pilot) -> None:
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Status", "open (blind)" if found.is_open else "gesloten")
    c2.metric("Ronde", found.round)
    c3.metric("Codeboekversie", found.codebook_version)
    c4.metric("Plannen", len(found.plans))
    design = (
        "iedereen leest alles"
        if found.design == "crossed"
        else (f"{found.coders_per_plan} lezers per plan (onvolledig gebalanceerd)")
    )
    st.markdown(
        f"**Lezers:** {md(', '.join(c.label for c in found.coders) or 'nog geen')}  \n"
        f"**Ontwerp:** {design} · **seed** {found.seed} · **gestratificeerd op** "
        f"{md(', '.join(found.stratify_by) or '-')}"
        + (f"  \n**Vorige ronde:** {md(found.previous)}" if found.previous else "")
    )
    rows = pilot.progress(db, found.name)
    if rows:
        st.subheader("Voortgang per lezer en plan")
        st.dataframe(
            [
                {
                    "lezer": r.coder + (" (gesimuleerd)" if r.simulated else ""),
                    "plan": r.plan,
                    "gelezen": r.pages_read / r.page_count if r.page_count else 0.0,
                    "pagina's": f"{r.pages_read} / {r.page_count}",
                    "fragmenten": r.fragments,
                    "coderingen": r.codings,
                    "afgerond": r.done,
                }
                for r in rows
            ],
            hide_index=True,
            width="stretch",
            column_config={
                "gelezen": st.column_config.ProgressColumn("gelezen", min_value=0.0, max_value=1.0)
            },
        )
    with st.expander("Plannen en strata"):
        st.dataframe(
            [
                {
                    "plan": p.label,
                    "pagina's": p.page_count,
                    "stratum": p.stratum,
                    "lezers": ", ".join(p.coders),
                }
                for p in found.plans
            ],
            hide_index=True,
            width="stretch",
        )
        st.dataframe(
            [
                {"stratum": s.key, "plannen": s.population, "quotum": s.quota, "getrokken": s.drawn}
                for s in found.strata
            ],
            hide_index=True,
            width="stretch",
        )
    if not users.can(db, reader, "pilot") or not found.is_open:
        return
    if not found.has_simulated:
        with st.expander("Gesimuleerde lezers toevoegen (demo)"):
            st.caption(
                "Voegt lezers sim-1, sim-2, … toe die de plannen coderen volgens de grondwaarheid"
                " van het voorbeeldcorpus, met ruis (weggelaten codes, verkeerde codes, andere"
                " grenzen). Alleen voor het voorbeeldcorpus."
            )
            noise = st.slider("Ruis", 0.0, 1.0, 0.2, 0.05)
            count = st.number_input("Aantal", 2, 20, 5)
            if st.button("Simuleren"):
                try:
                    with st.spinner("Simuleren…"):
                        result = pilot.simulate(
                            db, reader, found.name, noise=noise, coders=int(count)
                        )
                except CoderError as exc:
                    st.error(str(exc))
                else:
                    st.success(f"{result.codings} gesimuleerde coderingen")
                    st.rerun()
    with st.expander("Pilot sluiten"):
        st.caption(
            "Na het sluiten liggen de coderingen van de pilot vast (ze kunnen niet meer"
            " veranderen), zien de lezers elkaars werk, en kan het beoordelen beginnen."
        )
        sure = st.checkbox("Ik wil deze pilot sluiten")
        if st.button("Sluiten", disabled=not sure, type="primary"):
            try:
                pilot.close(db, reader, found.name)
            except CoderError as exc:
                st.error(str(exc))
            else:
                st.rerun()


# the report ------------------------------------------------------------------------------------
def _settings(key: str, *, bootstrap: bool = True) -> rr.Settings:
    c1, c2, c3 = st.columns(3)
    unit = c1.radio(
        "Eenheid (segmentniveau)",
        list(rr.UNITS),
        format_func={"sentence": "zinnen", "paragraph": "alinea's"}.get,
        horizontal=True,
        key=f"{key}-unit",
    )
    overlap = c2.slider(
        "Minimale overlap",
        0.0,
        1.0,
        0.5,
        0.05,
        key=f"{key}-overlap",
        help="Deel van de eenheid (of van de codering) dat gecodeerd moet zijn; 0 = elke overlap.",
    )
    samples = (
        c3.number_input("Bootstrap-trekkingen", 0, 10_000, 1000, 100, key=f"{key}-boot")
        if bootstrap
        else 0
    )
    return rr.Settings(unit=unit, min_overlap=float(overlap), n_bootstrap=int(samples))


def _report_view(db: Any, found: pilot.Pilot) -> None:
    settings = _settings("rep")
    try:
        report = _report(_db_path(db), found.name, settings, _data_version(db))
    except CoderError as exc:
        st.error(str(exc))
        return
    if report.status == "open":
        st.info("De pilot is nog open: de cijfers kunnen nog veranderen.")
    cols = st.columns(3)
    for col, level in zip(cols, rr.LEVELS, strict=True):
        e = report.overall.level(level)
        col.metric(rr.LEVEL_LABELS[level], _fmt(e.value), help=e.reason or formats.interval(e))
        col.caption(f"{_band(e)} · 95%-BI {formats.interval(e)} · {e.n_units:,} eenheden")
    st.subheader("Per code")
    st.dataframe(
        [
            {
                "code": row.name,
                **{f"{rr.LEVEL_LABELS[level]}": row.level(level).value for level in rr.LEVELS},
                **{
                    f"{rr.LEVEL_LABELS[level]} BI": formats.interval(row.level(level))
                    for level in rr.LEVELS
                },
                "oordeel (segment)": row.segment.band_label,
                "eenheden": row.segment.n_units,
                "prevalentie": row.segment.prevalence,
                "reden": "; ".join(
                    row.level(level).reason or "" for level in rr.LEVELS if row.level(level).reason
                ),
            }
            for row in report.codes
        ],
        hide_index=True,
        width="stretch",
        column_config={
            **{
                rr.LEVEL_LABELS[level]: st.column_config.NumberColumn(format="%.3f")
                for level in rr.LEVELS
            },
            "prevalentie": st.column_config.NumberColumn(format="percent"),
        },
    )
    if report.rounds:
        _rounds(report)
    _heatmap(report)
    _coders(report)
    _confusion(report)
    _downloads(report)
    with st.expander("Methode"):
        for note in report.notes:
            st.markdown(f"- {md(note)}")


def _rounds(report: rr.Report) -> None:
    st.subheader("Rondes vergeleken")
    rows = []
    for past in report.rounds:
        rows.append(
            {
                "ronde": past.round,
                "pilot": past.pilot,
                "codeboek": past.codebook_version,
                **{rr.LEVEL_LABELS[lv]: past.overall.level(lv).value for lv in rr.LEVELS},
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")
    first, last = report.rounds[0], report.rounds[-1]
    changes = [
        {
            "code": row.name,
            f"ronde {first.round}": first.codes[code].segment.value
            if code in first.codes
            else None,
            f"ronde {last.round}": row.segment.value,
            "verschil": (row.segment.value - first.codes[code].segment.value)
            if code in first.codes
            else None,
        }
        for code, row in last.codes.items()
    ]
    st.dataframe(changes, hide_index=True, width="stretch")
    if report.codebook_changes:
        st.markdown("**Codeboekwijzigingen tussen de rondes**")
        for change in report.codebook_changes:
            st.markdown(f"- {md(change)}")


def _heatmap(report: rr.Report) -> None:
    st.subheader("Heatmap: kappa per code en plan")
    st.caption("Klik op een cel om de tekst te zien waarover de lezers verschillen.")
    plans = {doc_id: label for doc_id, label, _ in report.documents}
    rows = [
        {
            "code": report.code_name(c.code_id),
            "code_id": c.code_id,
            "plan": plans.get(c.document_id, str(c.document_id)),
            "document_id": c.document_id,
            "kappa": None if math.isnan(c.kappa) else round(c.kappa, 3),
            "overeenstemming": round(c.agreement, 4),
        }
        for c in report.cells
    ]
    if not rows:
        st.caption("Geen cellen: nog geen coderingen.")
        return
    pick = alt.selection_point(fields=["code_id", "document_id"], name="cel")
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_rect()
        .encode(
            x=alt.X("plan:N", title=None, sort=None),
            y=alt.Y("code:N", title=None, sort=None),
            color=alt.Color(
                "kappa:Q", scale=alt.Scale(scheme="redyellowgreen", domain=[0, 1]), title="kappa"
            ),
            tooltip=[
                "code:N",
                "plan:N",
                alt.Tooltip("kappa:Q", format=".3f"),
                alt.Tooltip("overeenstemming:Q", format=".1%"),
            ],
        )
        .add_params(pick)
        .properties(height=max(300, 18 * len(report.codes)))
    )
    event = st.altair_chart(chart, width="stretch", on_select="rerun", key="pilot-heat")
    chosen = (event.selection.get("cel") or [{}])[0] if event and event.selection else {}
    codes = [row.code_id for row in report.codes]
    docs = [doc_id for doc_id, _, _ in report.documents]
    c1, c2 = st.columns(2)
    code_id = c1.selectbox(
        "Code",
        codes,
        index=codes.index(chosen["code_id"]) if chosen.get("code_id") in codes else 0,
        format_func=report.code_name,
        key=f"heat-code-{chosen.get('code_id')}",
    )
    doc_id = c2.selectbox(
        "Plan",
        [None, *docs],
        index=docs.index(chosen["document_id"]) + 1 if chosen.get("document_id") in docs else 0,
        format_func=lambda d: "alle plannen" if d is None else plans[d],
        key=f"heat-doc-{chosen.get('document_id')}",
    )
    _fragments(report, rr.disagreements(report, code_id=code_id, document_id=doc_id), "heat")


def _fragments(report: rr.Report, found: list[rr.Disagreement], key: str) -> None:
    st.caption(f"{len(found)} plaatsen waar de lezers verschillen")
    pages = max(1, math.ceil(len(found) / PER_PAGE))
    page = st.number_input("Pagina", 1, pages, 1, key=f"{key}-page") if pages > 1 else 1
    for d in found[(page - 1) * PER_PAGE : page * PER_PAGE]:
        _side_by_side(report, d)


def _side_by_side(report: rr.Report, d: rr.Disagreement) -> None:
    kind = "niet door iedereen gecodeerd" if d.kind == "missing" else "andere grenzen"
    with st.container(border=True):
        st.markdown(f"**{md(d.plan)}** · {md(d.code)} · tekens {d.start}–{d.end} · {kind}")
        text = rr_text(report, d.document_id)
        cols = st.columns(len(d.spans))
        for col, (coder, spans) in zip(cols, d.spans.items(), strict=True):
            col.markdown(f"**{md(report.coder_label(coder))}**")
            if not spans:
                col.caption("niet gecodeerd")
            for s, e in spans:
                quote = " ¶ ".join(text[s:e].split("\n\n"))
                col.caption(f"{s}–{e}: «{md(quote[:300])}{'…' if len(quote) > 300 else ''}»")
            others = d.other_codes.get(coder) or []
            if others:
                col.caption("ook: " + md(", ".join(report.code_name(o) for o in others)))


def rr_text(report: rr.Report, document_id: int) -> str:
    work = report._work
    if work is None:
        return ""
    for doc in work.documents:
        if doc.id == document_id:
            return doc.text
    return ""


def _coders(report: rr.Report) -> None:
    st.subheader("Lezers: wie wijkt af?")
    st.dataframe(
        [
            {
                "lezer": c.label,
                "gem. alfa met anderen": c.mean_alpha,
                "alfa zonder deze lezer": c.alpha_without,
                "gem. kappa (tekens)": c.mean_kappa,
                "gecodeerd deel": c.coverage,
                "coderingen": c.codings,
            }
            for c in report.coder_rows
        ],
        hide_index=True,
        width="stretch",
        column_config={"gecodeerd deel": st.column_config.NumberColumn(format="percent")},
    )
    labels = {c: report.coder_label(c) for c, _ in report.coders}
    rows = []
    for p in report.pairs:
        for a, b in ((p.coder_a, p.coder_b), (p.coder_b, p.coder_a)):
            rows.append(
                {
                    "lezer A": labels[a],
                    "lezer B": labels[b],
                    "a": a,
                    "b": b,
                    "alfa": None if math.isnan(p.segment_alpha) else round(p.segment_alpha, 3),
                }
            )
    if rows:
        pick = alt.selection_point(fields=["a", "b"], name="paar")
        chart = (
            alt.Chart(alt.Data(values=rows))
            .mark_rect()
            .encode(
                x=alt.X("lezer A:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
                y=alt.Y("lezer B:N", title=None, sort=None),
                color=alt.Color(
                    "alfa:Q", scale=alt.Scale(scheme="redyellowgreen", domain=[0, 1]), title="alfa"
                ),
                tooltip=["lezer A:N", "lezer B:N", alt.Tooltip("alfa:Q", format=".3f")],
            )
            .add_params(pick)
            .properties(height=60 + 40 * len(labels))
        )
        event = st.altair_chart(chart, width="stretch", on_select="rerun", key="pilot-pairs")
        chosen = (event.selection.get("paar") or [{}])[0] if event and event.selection else {}
        if chosen.get("a") and chosen.get("b"):
            code_id = st.selectbox(
                "Code",
                [r.code_id for r in report.codes],
                format_func=report.code_name,
                key="pair-code",
            )
            _fragments(
                report,
                rr.disagreements(report, code_id=code_id, coders=[chosen["a"], chosen["b"]]),
                "pair",
            )


def _confusion(report: rr.Report) -> None:
    st.subheader("Codeverwarring")
    if not report.confusions:
        st.caption("Geen eenheid kreeg van de ene lezer de ene en van de andere een andere code.")
        return
    st.caption(
        "Eenheden waar de ene lezer code A gaf en een andere lezer code B: kandidaten om de"
        " definities aan te scherpen."
    )
    labels = [f"{c.name_a} / {c.name_b}" for c in report.confusions]
    st.dataframe(
        [
            {"codes": label, "paren × eenheden": c.count, "eenheden": c.units, "aandeel": c.share}
            for label, c in zip(labels, report.confusions, strict=True)
        ],
        hide_index=True,
        width="stretch",
        column_config={"aandeel": st.column_config.NumberColumn(format="percent")},
    )
    index = st.selectbox(
        "Toon de eenheden van",
        range(len(labels)),
        format_func=labels.__getitem__,
        key="confusion-pick",
    )
    chosen = report.confusions[index]
    for unit in rr.confusion_units(report, chosen.code_a, chosen.code_b, limit=30):
        with st.container(border=True):
            st.markdown(f"**{md(unit.plan)}** · tekens {unit.start}–{unit.end}")
            st.caption(f"«{md(unit.text[:500])}»")
            st.caption(
                " · ".join(
                    f"{md(report.coder_label(c))}: "
                    + md(", ".join(report.code_name(k) for k in ks) or "-")
                    for c, ks in unit.codes.items()
                )
            )


def _downloads(report: rr.Report) -> None:
    st.subheader("Downloaden")
    key = f"pilot-files-{id(report)}"
    if key not in st.session_state:
        if st.button("Bestanden maken (HTML, CSV, XLSX)"):
            with st.spinner("Bestanden maken…"):
                st.session_state[key] = {
                    fmt: formats.write(report, fmt) for fmt in ("html", "csv", "xlsx")
                }
            st.rerun()
        return
    files = st.session_state[key]
    cols = st.columns(3)
    for col, fmt in zip(cols, ("html", "csv", "xlsx"), strict=True):
        col.download_button(
            fmt.upper(),
            files[fmt],
            file_name=f"betrouwbaarheid-{report.name}.{fmt}",
            mime=formats.MEDIA_TYPES[fmt],
            key=f"dl-{fmt}",
            width="stretch",
        )


# adjudication ----------------------------------------------------------------------------------
def _adjudication(db: Any, reader: str | None, found: pilot.Pilot) -> None:
    if found.is_open:
        st.info("Sluit de pilot eerst: beoordelen gebeurt op de vastgelegde coderingen.")
        return
    settings = rr.Settings(n_bootstrap=0)
    try:
        report = _report(_db_path(db), found.name, settings, _data_version(db))
    except CoderError as exc:
        st.error(str(exc))
        return
    decided = {
        (a.document_id, a.code_id, a.start, a.end): a for a in pilot.adjudications(db, found.name)
    }
    consensus = pilot.consensus(db, found.name)
    st.caption(
        f"{len(decided)} beslissingen, {len(consensus)} consensuscoderingen (apart bewaard, los"
        " van de coderingen van de lezers)."
    )
    plans = {doc_id: label for doc_id, label, _ in report.documents}
    c1, c2, c3 = st.columns([2, 2, 1])
    code_id = c1.selectbox(
        "Code", [r.code_id for r in report.codes], format_func=report.code_name, key="adj-code"
    )
    doc_id = c2.selectbox(
        "Plan",
        [None, *plans],
        format_func=lambda d: "alle plannen" if d is None else plans[d],
        key="adj-doc",
    )
    todo_only = c3.toggle("Alleen open", value=True)
    found_d = rr.disagreements(report, code_id=code_id, document_id=doc_id)
    if todo_only:
        found_d = [d for d in found_d if (d.document_id, d.code_id, d.start, d.end) not in decided]
    st.caption(f"{len(found_d)} verschillen")
    pages = max(1, math.ceil(len(found_d) / PER_PAGE))
    page = st.number_input("Pagina", 1, pages, 1, key="adj-page") if pages > 1 else 1
    codable = [(r.code_id, r.name) for r in report.codes]
    for n, d in enumerate(found_d[(page - 1) * PER_PAGE : page * PER_PAGE]):
        _side_by_side(report, d)
        earlier = decided.get((d.document_id, d.code_id, d.start, d.end))
        if earlier is not None:
            st.success(
                f"Beslist door {md(earlier.decided_by)}: "
                + (
                    "; ".join(
                        f"{c.start}–{c.end} {md(report.code_name(c.code_id))}"
                        for c in earlier.consensus
                    )
                    or "niet coderen"
                )
                + (f" — {md(earlier.note)}" if earlier.note else "")
            )
        if not users.can(db, reader, "adjudicate"):
            continue
        _decide(db, reader, found.name, d, codable, f"{page}-{n}")
    if consensus:
        with st.expander("De consensusset"):
            st.dataframe(
                [
                    {
                        "plan": plans.get(c.document_id, c.document_id),
                        "code": report.code_name(c.code_id),
                        "van": c.start,
                        "tot": c.end,
                        "tekst": c.text[:200],
                        "door": c.created_by,
                    }
                    for c in consensus
                ],
                hide_index=True,
                width="stretch",
            )


def _decide(
    db: Any, reader: str, name: str, d: rr.Disagreement, codable: list[tuple[str, str]], key: str
) -> None:
    options: list[tuple[str, tuple[int, int] | None]] = []
    seen = set()
    for coder, spans in d.spans.items():
        for span in spans:
            if span not in seen:
                seen.add(span)
                options.append((f"zoals {coder}: {span[0]}–{span[1]}", span))
    options.append((f"alle gecodeerde tekst: {d.start}–{d.end}", (d.start, d.end)))
    options.append(("niet coderen", None))
    with st.form(f"adj-{key}-{d.document_id}-{d.code_id}-{d.start}", border=False):
        choice = st.radio(
            "Consensus", range(len(options)), format_func=lambda i: options[i][0], horizontal=True
        )
        names = dict(codable)
        codes = st.multiselect(
            "Codes",
            list(names),
            default=[d.code_id],
            format_func=names.get,
            placeholder="geen code",
        )
        note = st.text_input("Notitie", placeholder="waarom")
        if st.form_submit_button("Consensus vastleggen"):
            span = options[choice][1]
            try:
                pilot.adjudicate(
                    db,
                    reader,
                    name,
                    d.document_id,
                    d.code_id,
                    d.start,
                    d.end,
                    [] if span is None else [(span[0], span[1], codes)],
                    note,
                )
            except CoderError as exc:
                st.error(str(exc))
            else:
                st.rerun()
