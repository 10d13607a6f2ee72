"""Read a plan page by page, in reading order, with headings and tables kept."""

from __future__ import annotations

import streamlit as st

from coder import corpus
from coder.ui.common import database, md


def render() -> None:
    db = database()
    docs = [d for d in corpus.documents(db) if d["status"] == "ingested"]
    st.title("Lezen")
    if not docs:
        st.info("Nog geen plannen ingelezen.")
        return
    ids = [d["id"] for d in docs]
    current = st.session_state.get("document_id", ids[0])
    doc_id = st.selectbox(
        "Plan",
        ids,
        index=ids.index(current) if current in ids else 0,
        format_func=lambda i: next(
            f"{d['organisation']} — {d['filename']}" for d in docs if d["id"] == i
        ),
    )
    if doc_id != current:
        st.session_state["page"] = 1
    st.session_state["document_id"] = doc_id
    doc = next(d for d in docs if d["id"] == doc_id)
    st.caption(
        " · ".join(
            part
            for part in [
                ", ".join(doc["functions"]),
                doc["region"],
                f"€ {doc['subsidy']:,.0f}".replace(",", ".") if doc["subsidy"] else None,
                f"{doc['fte']} VTE" if doc["fte"] is not None else None,
                f"{doc['branches']} afdelingen" if doc["branches"] else None,
                "nieuwkomer" if doc["new_entrant"] else None,
                doc["period"],
            ]
            if part
        )
    )
    count = doc["page_count"] or 1
    number = min(max(int(st.session_state.get("page", 1)), 1), count)
    left, middle, right = st.columns([1, 2, 1])
    if left.button("← Vorige", disabled=number <= 1, width="stretch"):
        number -= 1
    if right.button("Volgende →", disabled=number >= count, width="stretch"):
        number += 1
    number = middle.number_input("Pagina", 1, count, number, label_visibility="collapsed")
    st.session_state["page"] = number
    view = corpus.page(db, doc_id, number)
    label = f" (p. {view.label} in het plan)" if view.label else ""
    st.markdown(f"**Pagina {number} van {count}**{label}")
    if view.needs_ocr:
        st.warning("Deze pagina heeft geen tekstlaag (scan): inlezen met `--ocr`.")
    for segment in view.segments:
        _show(segment)


def _show(segment: corpus.PageSegment) -> None:
    if segment.kind == "heading":
        level = min((segment.level or 1) + 1, 6)
        st.markdown(f"{'#' * level} {md(segment.text)}")
    elif segment.kind == "table" and segment.cells:
        st.table(
            [row + [""] * (len(segment.cells[0]) - len(row)) for row in segment.cells[1:]]
            if len(segment.cells) > 1
            else segment.cells
        )
    elif segment.kind == "list_item":
        st.markdown(md(segment.text))
    else:
        st.markdown(md(segment.text))
