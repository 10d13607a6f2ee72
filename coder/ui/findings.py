"""Findings across codes (e.g. which codes rose together), with the summaries' workflow."""

from __future__ import annotations

import streamlit as st

from coder import analysis, summaries, users
from coder.ui.common import current_reader, database, md
from coder.ui.summaries import do, flash, review_panel, show_text, status_text


def render() -> None:
    db = database()
    reader = current_reader(db)
    flash()
    st.title("Bevindingen over codes heen")
    codes = {c.id: c.name for c in analysis.codes(db)}
    writer = users.can(db, reader, "write")
    if writer:
        with st.expander("Nieuwe bevinding"), st.form("new-finding", clear_on_submit=True):
            title = st.text_input("Titel")
            chosen = st.multiselect(
                "Codes", list(codes), format_func=codes.get, placeholder="kies codes"
            )
            body = st.text_area("Tekst (Markdown; citeer een fragment met [[id]])", height=200)
            if st.form_submit_button("Bewaar als concept", type="primary"):
                do(
                    lambda: summaries.create_finding(db, reader, title, body, chosen),
                    "Bevinding bewaard",
                )
    c1, c2 = st.columns(2)
    code_filter = c1.selectbox(
        "Over code", list(codes), format_func=codes.get, index=None, placeholder="alle codes"
    )
    status_filter = c2.selectbox(
        "Status",
        list(summaries.STATUSES),
        format_func=summaries.STATUS_LABELS.get,
        index=None,
        placeholder="alle",
    )
    found = summaries.findings(db, code_id=code_filter, status=status_filter)
    if not found:
        st.info("Nog geen bevindingen.")
        return
    for item in found:
        label = (
            f"{item.title} — {status_text(item)} · {', '.join(codes.get(c, c) for c in item.codes)}"
        )
        with st.expander(label):
            text_col, side = st.columns([2, 1])
            with text_col:
                if writer:
                    key = f"finding-{item.id}-{item.version}"
                    title = st.text_input("Titel", item.title, key=f"{key}-title")
                    chosen = st.multiselect(
                        "Codes",
                        list(codes),
                        default=[c for c in item.codes if c in codes],
                        format_func=codes.get,
                        key=f"{key}-codes",
                        placeholder="kies codes",
                    )
                    body = st.text_area("Tekst", item.body, height=220, key=f"{key}-body")
                    if st.button("Opslaan", key=f"{key}-save", type="primary"):
                        do(
                            lambda t=title, b=body, c=chosen, i=item: summaries.save_finding(
                                db,
                                reader,
                                i.id,
                                title=t,
                                body=b,
                                codes=c,
                                expected_version=i.version,
                            ),
                            "Opgeslagen",
                        )
                    st.markdown("###### Voorbeeld")
                show_text(db, item.body)
            with side:
                st.markdown(f"**Status:** {md(status_text(item))}")
                review_panel(db, reader, item, f"finding-{item.id}")
