"""Horizontal analysis: one code across all plans — fragments, coverage, matrices,
co-occurrence, zakelijk vs inhoudelijk deel, text mining and the report.

Only the chosen view is computed on each run (a radio, not tabs: Streamlit runs
every tab's code on every rerun). Every figure comes from :mod:`coder.analysis`;
every table behind a chart can be downloaded as CSV.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import altair as alt
import streamlit as st

from coder import analysis, reports, summaries, users
from coder.errors import CoderError
from coder.ui import suggestions
from coder.ui.common import current_reader, database, md, open_plan
from coder.ui.summaries import do, flash

VIEWS = {
    "fragmenten": "Fragmenten",
    "dekking": "Dekking",
    "kenmerken": "Kenmerken",
    "samen": "Co-occurrentie",
    "zakelijk": "Zakelijk / inhoudelijk",
    "tekst": "Tekstanalyse",
    "rapport": "Rapport",
}
PER_PAGE = 40
ATTRIBUTE_LABELS = {k: a.label for k, a in analysis.ATTRIBUTES.items()}
STATUS_LABELS = {
    "aligned": "in beide delen",
    "mentioned": "zakelijk deel noemt het (niet gecodeerd)",
    "gap": "geen tegenhanger in het zakelijk deel",
    "business only": "alleen zakelijk deel",
    "absent": "niet vermeld",
    "no business part": "geen zakelijk deel gevonden",
}
MODE_LABELS = {"overlap": "overlappende fragmenten", "paragraph": "zelfde alinea"}


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Rows as CSV (UTF-8 with BOM, so Excel opens the accents right)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def download(label: str, rows: list[dict[str, Any]], name: str, key: str) -> None:
    st.download_button(label, csv_bytes(rows), file_name=name, mime="text/csv", key=key)


def _open_button(fragment: analysis.Fragment, key: str) -> None:
    if "workspace" not in st.session_state.get("pages", {"workspace": None}):
        return  # a role without the coding workspace (the steering group)
    if st.button("Open in plan", key=key, help="Open het plan op deze plaats in Coderen"):
        open_plan(fragment.document_id, fragment.page, focus=fragment.start)
        st.session_state["selected_coding"] = fragment.coding_id
        st.switch_page(st.session_state["pages"]["workspace"])


def show_fragment(
    db: Any, fragment: analysis.Fragment, reader: str | None, key: str, code_id: str | None
) -> None:
    """One fragment: its sentence(s) with the coded part in bold, where it is, actions."""
    with st.container(border=True):
        text = (
            f":gray[{md(fragment.before)}]" if fragment.before.strip() else ""
        ) + f"**{md(fragment.text)}**"
        if fragment.after.strip():
            text += f":gray[{md(fragment.after)}]"
        st.markdown(text.replace("\n", " "))
        star = "★ kerncitaat · " if fragment.key_quote else ""
        st.caption(
            f"{star}p. {md(fragment.page_name)} · {md(fragment.section) or '(geen kop)'}"
            f" · {fragment.part} · {md(', '.join(fragment.coders))} · #{fragment.coding_id}"
        )
        for memo in fragment.memos:
            st.caption(f"Memo: {md(memo)}")
        cols = st.columns([1, 1, 1.4, 2.6])
        with cols[0]:
            _open_button(fragment, f"open-{key}")
        if users.can(db, reader, "code") and cols[2].button(
            "Vergelijkbaar", key=f"sim-{key}", help="passages elders die nog niet zo gecodeerd zijn"
        ):
            suggestions.similar_dialog(db, reader, fragment.coding_id)
        writer = users.can(db, reader, "write")
        if fragment.key_quote:
            if cols[1].button("☆ Geen kerncitaat", key=f"unq-{key}", disabled=not writer):
                do(
                    lambda: summaries.unmark_key_quote(
                        db, reader, fragment.coding_id, code_id=code_id
                    )
                )
        elif cols[1].button("★ Kerncitaat", key=f"q-{key}", disabled=not writer):
            do(lambda: summaries.mark_key_quote(db, reader, fragment.coding_id, code_id=code_id))


def fragment_list(db: Any, view: analysis.CodeView, reader: str | None, key: str) -> None:
    """A code view's fragments, paged, with an organisation heading at each change."""
    items = [(g, f) for g in view.groups for f in g.fragments]
    if not items:
        st.info("Geen fragmenten die aan de filters voldoen.")
        return
    pages = (len(items) - 1) // PER_PAGE + 1
    page = 1
    if pages > 1:
        page = st.number_input(f"Pagina (van {pages})", 1, pages, 1, key=f"{key}-page", width=180)
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    current = None
    for n, (group, fragment) in enumerate(shown):
        if group is not current:
            current = group
            org = group.organisation
            facts = [
                f"{len(group.fragments)} fragmenten",
                f"{group.share:.1%} van het plan",
                org.region or "",
                ", ".join(org.functions),
                f"{org.fte:g} VTE" if org.fte is not None else "",
                "nieuwkomer" if org.new_entrant else "",
            ]
            st.markdown(f"#### {md(org.name)}")
            st.caption(" · ".join(md(f) for f in facts if f))
        show_fragment(db, fragment, reader, f"{key}-{page}-{n}", view.code.id)


def _filters(db: Any, code_id: str) -> dict[str, Any]:
    fr = analysis.frame(db)
    orgs = list(fr.organisations.values())
    values = {
        key: sorted({v for o in orgs for v in o.values(key)}, key=str.casefold)
        for key in ("region", "functions", "size", "org_type")
    }
    with st.expander("Filters en sortering", expanded=False):
        c1, c2, c3, c4 = st.columns(4)
        region = c1.multiselect("Regio", values["region"], key="f-region", placeholder="alle")
        functions = c2.multiselect(
            "Functies", values["functions"], key="f-functions", placeholder="alle"
        )
        size = c3.multiselect("Grootte", values["size"], key="f-size", placeholder="alle")
        new = c4.selectbox("Nieuwkomer", ["alle", "ja", "nee"], key="f-new")
        c5, c6, c7, c8 = st.columns(4)
        coders = c5.multiselect(
            "Lezer",
            sorted(analysis.coders(db), key=str.casefold),
            key="f-coders",
            placeholder="alle",
        )
        part = c6.selectbox("Deel van het plan", ["alle", "inhoudelijk", "zakelijk"], key="f-part")
        sort = c7.selectbox(
            "Sorteer organisaties",
            list(analysis.SORTS),
            format_func={
                "organisation": "naam",
                "fragments": "aantal fragmenten",
                "share": "aandeel van het plan",
                "region": "regio",
                "fte": "grootte (VTE)",
                "subsidy": "subsidie",
                "branches": "afdelingen",
            }.get,
            key="f-sort",
        )
        descending = c8.checkbox("aflopend", key="f-desc")
        c9, c10, c11 = st.columns([2, 1, 1])
        text = c9.text_input("Zoek in de fragmenten", key="f-text", placeholder="woorden")
        context = c10.number_input("Extra zinnen context", 0, 3, 0, key="f-context")
        key_only = c11.checkbox("alleen kerncitaten", key="f-key")
    where = analysis.OrgFilter()
    for attr, chosen in (("region", region), ("functions", functions), ("size", size)):
        if chosen:
            where.attributes[attr] = chosen
    if new != "alle":
        where.attributes["new_entrant"] = [new]
    return {
        "where": where,
        "coders": coders or None,
        "text": text or None,
        "part": None if part == "alle" else part,
        "key_quotes_only": key_only,
        "sort": sort,
        "descending": descending,
        "context": int(context),
    }


def view_fragments(db: Any, code_id: str, reader: str | None) -> None:
    options = _filters(db, code_id)
    view = analysis.code_view(db, code_id, **options)
    st.markdown(
        f"**{len(view.fragments)} fragmenten** in **{len(view.groups)}** van"
        f" {view.total_organisations} organisaties"
        + (
            f" (zonder filters: {view.unfiltered_fragments})"
            if len(view.fragments) != view.unfiltered_fragments
            else ""
        )
    )
    rows = [
        {
            "organisatie": f.organisation,
            "pagina": f.page_name,
            "sectie": f.section,
            "deel": f.part,
            "lezers": f.coders,
            "kerncitaat": f.key_quote,
            "fragment": f.text,
            "coding_id": f.coding_id,
        }
        for f in view.fragments
    ]
    # the fragments are the plans' own text: a raw export, for those who may export
    if users.can(db, reader, "export"):
        download("Fragmenten als CSV", rows, f"fragmenten-{code_id}.csv", "dl-fragments")
    fragment_list(db, view, reader, "cv")


def view_coverage(db: Any, code_id: str, reader: str | None) -> None:
    cov = analysis.coverage(db, code_id)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Organisaties", f"{cov.organisations} / {cov.total_organisations}")
    c2.metric("Vermelden het niet", len(cov.absent))
    c3.metric("Fragmenten", cov.fragments)
    c4.metric("Mediaan aandeel van het plan", f"{cov.median_share:.2%}")
    rows = [r.as_dict() for r in cov.rows] + [
        {
            "organisation_id": o.id,
            "organisation": o.name,
            "fragments": 0,
            "codings": 0,
            "characters": 0,
            "plan_characters": o.characters,
            "share": 0.0,
            "coders": [],
            "region": o.region,
            "functions": o.functions,
        }
        for o in cov.absent
    ]
    measure = st.radio(
        "Toon",
        ["fragments", "share"],
        horizontal=True,
        key="cov-measure",
        format_func={"fragments": "fragmenten", "share": "aandeel van het plan"}.get,
    )
    chart = (
        alt.Chart(
            alt.Data(values=[{k: r[k] for k in ("organisation", measure, "region")} for r in rows])
        )
        .mark_bar()
        .encode(
            x=alt.X(
                f"{measure}:Q",
                title="fragmenten" if measure == "fragments" else "aandeel",
                axis=alt.Axis(format="d" if measure == "fragments" else "%"),
            ),
            y=alt.Y("organisation:N", sort="-x", title=None),
            color=alt.Color("region:N", title="regio"),
            tooltip=["organisation:N", f"{measure}:Q", "region:N"],
        )
        .properties(height=max(200, 14 * len(rows)))
    )
    st.altair_chart(chart, width="stretch")
    download("Dekking als CSV", rows, f"dekking-{code_id}.csv", "dl-coverage")
    st.markdown(
        f"**Vermelden de code niet ({len(cov.absent)}):** "
        + md(", ".join(o.name for o in cov.absent) or "geen")
    )
    names = {r.organisation.id: r.organisation.name for r in cov.rows}
    org_id = st.selectbox(
        "Fragmenten van één organisatie",
        list(names),
        format_func=names.get,
        index=None,
        placeholder="kies een organisatie",
        key="cov-org",
    )
    if org_id is not None:
        fragment_list(
            db, analysis.cell_fragments(db, code_id, organisation_id=org_id), reader, "cov"
        )


def _heatmap(
    rows: list[dict[str, Any]], x: str, y: str, value: str, fmt: str, title: str
) -> alt.Chart:
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X(f"{x}:N", title=None, sort=None),
        y=alt.Y(f"{y}:N", title=None, sort=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{value}:Q", title=title, scale=alt.Scale(scheme="blues")),
        tooltip=[f"{y}:N", f"{x}:N", alt.Tooltip(f"{value}:Q", format=fmt)],
    )
    return cells


def view_attributes(db: Any, code_id: str, reader: str | None) -> None:
    key = st.selectbox(
        "Kenmerk", list(analysis.ATTRIBUTES), format_func=ATTRIBUTE_LABELS.get, key="attr"
    )
    matrix = analysis.attribute_matrix(db, key, [code_id])
    row = matrix.rows[0]
    table = [
        {
            "groep": c.value,
            "organisaties": c.organisations,
            "vermelden": c.mentioning,
            "aandeel": c.share,
            "fragmenten": c.fragments,
            "verwacht": c.expected,
            "residu": c.residual,
            "p (2x2)": c.p_value,
        }
        for c in row.cells
    ]
    chart = (
        alt.Chart(alt.Data(values=table))
        .mark_bar()
        .encode(
            x=alt.X("aandeel:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("groep:N", sort=None, title=None),
            tooltip=[
                "groep:N",
                "organisaties:Q",
                "vermelden:Q",
                alt.Tooltip("aandeel:Q", format=".0%"),
            ],
        )
    )
    st.altair_chart(chart, width="stretch")
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "aandeel": st.column_config.NumberColumn(format="percent"),
            "verwacht": st.column_config.NumberColumn(format="%.2f"),
            "residu": st.column_config.NumberColumn(
                format="%.2f", help="gecorrigeerd gestandaardiseerd residu; buiten ±1,96 opvallend"
            ),
            "p (2x2)": st.column_config.NumberColumn(format="%.3f"),
        },
    )
    from coder.reports.model import attribute_note, test_line

    st.caption(md(test_line(matrix, row)))
    st.caption(md(attribute_note(matrix)))
    download("Tabel als CSV", table, f"kenmerk-{key}-{code_id}.csv", "dl-attr")
    value = st.selectbox(
        "Fragmenten van één groep",
        [c.value for c in row.cells],
        index=None,
        placeholder="kies een groep",
        key="attr-drill",
    )
    if value is not None:
        fragment_list(
            db, analysis.cell_fragments(db, code_id, attribute_key=key, value=value), reader, "attr"
        )
    st.divider()
    st.subheader(f"Alle codes x {ATTRIBUTE_LABELS[key].lower()}")
    every = analysis.attribute_matrix(db, key)
    long = [
        {
            "code": r["code"],
            "groep": r["value"],
            "aandeel": r["share"],
            "vermelden": r["mentioning"],
            "residu": r["residual"],
        }
        for r in every.long()
    ]
    st.altair_chart(
        _heatmap(long, "groep", "code", "aandeel", ".0%", "aandeel organisaties").properties(
            height=22 * len(every.rows)
        ),
        width="stretch",
    )
    download("Matrix als CSV", every.long(), f"matrix-{key}.csv", "dl-attr-all")
    with st.expander("Code x organisatie (fragmenten)"):
        om = analysis.organisation_matrix(db)
        long = om.long()
        chart = _heatmap(long, "organisation", "code", "fragments", "d", "fragmenten").properties(
            height=22 * len(om.codes)
        )
        st.altair_chart(chart, width="stretch")
        download("Code x organisatie als CSV", om.wide(), "matrix-organisaties.csv", "dl-org")


def view_cooccurrence(db: Any, code_id: str, reader: str | None) -> None:
    mode = st.radio(
        "Samen betekent",
        list(MODE_LABELS),
        format_func=MODE_LABELS.get,
        horizontal=True,
        key="co-mode",
    )
    result = analysis.cooccurrence(db, mode=mode)
    mine = [p for p in result.pairs if code_id in (p.a.id, p.b.id)]
    rows = [
        {
            "code": (p.b if p.a.id == code_id else p.a).name,
            "code_id": (p.b if p.a.id == code_id else p.a).id,
            "aantal": p.count,
            "organisaties": p.organisations,
            "aandeel van deze code": p.share_a if p.a.id == code_id else p.share_b,
            "jaccard": p.jaccard,
        }
        for p in mine
    ]
    st.markdown(f"**{len(rows)} codes** komen samen voor met deze code ({MODE_LABELS[mode]}).")
    st.dataframe(
        rows,
        hide_index=True,
        column_order=["code", "aantal", "organisaties", "aandeel van deze code", "jaccard"],
        column_config={
            "aandeel van deze code": st.column_config.NumberColumn(format="percent"),
            "jaccard": st.column_config.NumberColumn(format="%.3f"),
        },
    )
    names = {r["code_id"]: r["code"] for r in rows}
    other = st.selectbox(
        "Waar komen ze samen voor?",
        list(names),
        format_func=names.get,
        index=None,
        placeholder="kies een code",
        key="co-other",
    )
    if other is not None:
        found = analysis.places(db, code_id, other, mode=mode)
        fragments = analysis.fragments_by_id(
            db, [i for p in found for i in (*p.coding_ids_a, *p.coding_ids_b)]
        )
        st.caption(f"{len(found)} plaatsen")
        for n, place in enumerate(found[:PER_PAGE]):
            st.markdown(f"**{md(place.organisation)}**")
            for i in (*place.coding_ids_a, *place.coding_ids_b):
                if i in fragments:
                    show_fragment(db, fragments[i], reader, f"co-{n}-{i}", None)
    st.divider()
    st.subheader("Alle codeparen")
    ranked = [p.as_dict() for p in result.pairs]
    st.dataframe(
        ranked,
        hide_index=True,
        column_order=["name_a", "name_b", "count", "organisations", "jaccard"],
    )
    download("Paren als CSV", ranked, f"co-occurrentie-{mode}.csv", "dl-co")
    measure = st.radio("Kleur", ["count", "jaccard"], horizontal=True, key="co-measure")
    st.altair_chart(
        _heatmap(
            result.long(),
            "code_b",
            "code_a",
            measure,
            ".3f" if measure == "jaccard" else "d",
            measure,
        ).properties(height=22 * len(result.codes)),
        width="stretch",
    )


def view_alignment(db: Any, code_id: str, reader: str | None) -> None:
    result = analysis.alignment(db, [code_id])
    st.caption(
        "Inhoudelijk deel: alles behalve de hoofdstukken over financiën, begroting, personeel,"
        " infrastructuur, huisvesting en bestuur, en alles na een kop 'Zakelijk deel'."
        f" Trefwoorden in het zakelijk deel: {md(', '.join(result.keywords[code_id]))}"
    )
    summary = result.summary()[0]
    cols = st.columns(len(analysis.STATUSES))
    for col, status in zip(cols, analysis.STATUSES, strict=True):
        col.metric(STATUS_LABELS[status], summary[status])
    rows = [
        {
            "organisatie": c.organisation,
            "inhoudelijk": c.content,
            "zakelijk": c.business,
            "vermeld in zakelijk deel": c.business_mentions,
            "status": STATUS_LABELS[c.status],
            "zakelijk deel (% van plan)": result.business_share.get(c.organisation_id, 0.0),
        }
        for c in result.cells
    ]
    st.subheader("Ambitie zonder middelen")
    gaps = result.gaps(code_id)
    if gaps:
        st.markdown(", ".join(f"**{md(c.organisation)}** ({c.content})" for c in gaps))
    else:
        st.caption("Geen.")
    st.dataframe(
        rows,
        hide_index=True,
        column_config={
            "zakelijk deel (% van plan)": st.column_config.NumberColumn(format="percent")
        },
    )
    download("Tabel als CSV", rows, f"zakelijk-{code_id}.csv", "dl-align")
    with st.expander("Alle inhoudelijke ambities (codes van Werking)"):
        every = analysis.alignment(db)
        table = [
            {"code": r["code"]} | {STATUS_LABELS[s]: r[s] for s in analysis.STATUSES}
            for r in every.summary()
        ]
        st.dataframe(table, hide_index=True)
        download("Overzicht als CSV", table, "zakelijk-alle-codes.csv", "dl-align-all")


def view_text(db: Any, code_id: str, reader: str | None) -> None:
    st.subheader("Kenmerkende woorden")
    with st.spinner("Woorden tellen (de eerste keer telt het hele corpus)..."):
        terms = analysis.code_terms(db, code_id)
    rows = [t.as_dict() for t in terms.terms]
    st.caption(
        f"{terms.fragments} fragmenten, {terms.tokens} woorden; lemma's, zonder stopwoorden;"
        " log-likelihood (G²) tegenover de rest van het corpus."
    )
    st.dataframe(rows, hide_index=True)
    download("Woorden als CSV", rows, f"woorden-{code_id}.csv", "dl-terms")
    st.subheader("Subthema's")
    c1, c2 = st.columns(2)
    k = c1.number_input("Aantal thema's (0 = automatisch)", 0, 15, 0, key="k")
    seed = c2.number_input("Seed", 0, 10_000, 0, key="seed")
    themes = analysis.code_subthemes(db, code_id, k=int(k) or None, seed=int(seed))
    if not themes.themes:
        st.caption("Te weinig fragmenten voor subthema's.")
    for theme in themes.themes:
        with st.expander(
            f"Thema {theme.index + 1}: {', '.join(theme.terms[:6])} — {theme.size} fragmenten,"
            f" {len(theme.organisations)} organisaties"
        ):
            st.caption("Organisaties: " + md(", ".join(theme.organisations)))
            for n, fragment in enumerate(theme.representatives):
                show_fragment(db, fragment, reader, f"theme-{theme.index}-{n}", code_id)
    st.subheader("Woorden per groep binnen de code")
    key = st.selectbox(
        "Kenmerk", list(analysis.ATTRIBUTES), format_func=ATTRIBUTE_LABELS.get, key="terms-attr"
    )
    groups = analysis.group_terms(db, code_id, key)
    table = [
        {"groep": g, "woorden": ", ".join(t.term for t in terms)}
        for g, terms in sorted(groups.items())
    ]
    st.dataframe(table, hide_index=True)


def view_report(db: Any, code_id: str, reader: str | None) -> None:
    fmt = st.radio("Formaat", list(reports.FORMATS), horizontal=True, key="report-fmt")
    c1, c2 = st.columns(2)
    if c1.button("Maak rapport van deze code", type="primary"):
        with st.spinner("Rapport maken..."):
            st.session_state["report"] = (code_id, fmt, reports.report(db, code_id, fmt))
    if c2.button("Maak rapport van alle codes"):
        with st.spinner("Rapport van alle codes maken..."):
            st.session_state["report"] = (None, fmt, reports.all_codes(db, fmt))
    made = st.session_state.get("report")
    if made and made[0] in (code_id, None) and made[1] == fmt:
        name = reports.filename(made[0], made[1])
        st.download_button(
            f"Download {name}", made[2], file_name=name, mime=reports.MEDIA_TYPES[made[1]]
        )


def render() -> None:
    db = database()
    reader = current_reader(db)
    flash()
    st.title("Horizontale analyse")
    codes = analysis.codes(db)
    if not codes:
        st.info("Er is nog geen codeboek.")
        return
    ids = [c.id for c in codes]
    by_id = {c.id: c for c in codes}
    wanted = st.session_state.get("analysis_code") or st.query_params.get("code")
    code_id = st.selectbox(
        "Code",
        ids,
        index=ids.index(wanted) if wanted in ids else 0,
        format_func=lambda i: (
            f"{by_id[i].group} · {by_id[i].name}" if by_id[i].group else by_id[i].name
        ),
    )
    st.session_state["analysis_code"] = code_id
    st.query_params["code"] = code_id
    st.caption(md(by_id[code_id].definition))
    requested = st.query_params.get("weergave")
    view = st.radio(
        "Weergave",
        list(VIEWS),
        format_func=VIEWS.get,
        horizontal=True,
        index=list(VIEWS).index(requested) if requested in VIEWS else 0,
        label_visibility="collapsed",
    )
    st.query_params["weergave"] = view
    handler = {
        "fragmenten": view_fragments,
        "dekking": view_coverage,
        "kenmerken": view_attributes,
        "samen": view_cooccurrence,
        "zakelijk": view_alignment,
        "tekst": view_text,
        "rapport": view_report,
    }[view]
    try:
        handler(db, code_id, reader)
    except CoderError as exc:
        st.error(str(exc))
