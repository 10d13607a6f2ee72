"""Search the whole corpus (FTS5) and open a hit in the reader."""

from __future__ import annotations

import streamlit as st

from coder import search as text_search
from coder.errors import SearchQueryError
from coder.ui.common import database, md, open_plan


def render() -> None:
    db = database()
    st.title("Zoeken")
    query = st.text_input("Zoekterm", placeholder='vrijwilligers, "kritische rol", digitaal*')
    if not query:
        return
    try:
        hits = text_search.search(db, query, limit=100)
    except SearchQueryError as exc:
        st.error(str(exc))
        return
    st.caption(f"{len(hits)} treffers")
    for n, hit in enumerate(hits):
        page = hit.page_label or hit.page
        with st.container(border=True):
            st.markdown(
                f"**{md(hit.organisation or hit.document)}** · p. {page} · {md(hit.section)}"
            )
            st.markdown(md(hit.snippet).replace(r"\[", "**").replace(r"\]", "**"))
            if st.button("Open in lezer", key=f"open-{n}"):
                open_plan(hit.document_id, hit.page)
                st.switch_page(st.session_state["pages"]["reader"])
