"""Search a plan or the whole corpus, open hits, and code all ticked hits in one action."""

from __future__ import annotations

import streamlit as st

from coder import codebook, coding
from coder import search as text_search
from coder.errors import CoderError
from coder.ui.common import current_reader, database, md, open_plan

SPREAD_LABELS = {
    "sentence": "de zin",
    "hit": "alleen de gevonden woorden",
    "paragraph": "de alinea",
}


def render() -> None:
    db = database()
    reader = current_reader(db)
    st.title("Zoeken")
    cols = st.columns([3, 1.2, 1])
    query = cols[0].text_input("Zoekterm", placeholder='vrijwilligers, "kritische rol", digitaal*')
    scope = cols[1].radio(
        "Waar",
        ["hele corpus", "huidig plan"],
        horizontal=True,
        disabled="document_id" not in st.session_state,
    )
    prefix = cols[2].checkbox("woorden als prefix", help="vrijwillig vindt ook vrijwilligers")
    if not query:
        st.caption(
            'Woorden, "een zinsdeel", prefix* en AND / OR / NOT. Stopwoorden worden genegeerd.'
        )
        return
    document_id = st.session_state.get("document_id") if scope == "huidig plan" else None
    try:
        hits = text_search.search(db, query, limit=500, document_id=document_id, prefix=prefix)
    except CoderError as exc:
        st.error(str(exc))
        return
    st.caption(f"{len(hits)} treffers")
    if not hits:
        return
    rows = [
        {
            "coderen": True,
            "organisatie": h.organisation or h.document,
            "pagina": h.page_label or str(h.page),
            "sectie": h.section,
            "fragment": h.snippet.replace("[", "»").replace("]", "«"),
        }
        for h in hits
    ]
    edited = st.data_editor(
        rows,
        hide_index=True,
        width="stretch",
        key=f"hits-{query}-{scope}-{prefix}",
        disabled=["organisatie", "pagina", "sectie", "fragment"],
        column_config={"coderen": st.column_config.CheckboxColumn("✓", width="small")},
    )
    ticked = [h for h, row in zip(hits, edited, strict=True) if row["coderen"]]
    with st.container(border=True):
        st.markdown(f"**Codeer alle aangevinkte treffers** ({len(ticked)})")
        codes = [c for c in codebook.codes_at(db) if not c.is_group]
        names = {c.id: c.name for c in codes}
        c1, c2 = st.columns(2)
        code_id = c1.selectbox(
            "Code", list(names), format_func=names.get, index=None, placeholder="kies een code"
        )
        spread = c2.selectbox("Codeer", list(SPREAD_LABELS), format_func=SPREAD_LABELS.get)
        disabled = reader is None or code_id is None or not ticked
        if st.button("Codeer alle aangevinkte", type="primary", disabled=disabled):
            spans = [
                (h.document_id, s, e)
                for h in ticked
                for s, e in text_search.hit_spans(db, h, spread)
            ]
            try:
                made = coding.code_spans(db, reader, spans, code_id)
            except CoderError as exc:
                st.error(str(exc))
            else:
                st.success(
                    f"{made} fragmenten gecodeerd als {names[code_id]} "
                    "(één actie: ongedaan te maken in Coderen)."
                )
        if reader is None:
            st.caption("Kies links wie je bent om te coderen.")
    for n, hit in enumerate(hits[:50]):
        with st.container(border=True):
            page = hit.page_label or hit.page
            st.markdown(
                f"**{md(hit.organisation or hit.document)}** · p. {page} · {md(hit.section)}"
            )
            st.markdown(md(hit.snippet).replace(r"\[", "**").replace(r"\]", "**"))
            if st.button("Open in Coderen", key=f"open-{n}"):
                open_plan(
                    hit.document_id, hit.page, focus=hit.matches[0][0] if hit.matches else hit.start
                )
                st.switch_page(st.session_state["pages"]["workspace"])
