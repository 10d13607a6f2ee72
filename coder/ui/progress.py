"""Progress: per reader and plan, pages read and fragments coded; which plans are done."""

from __future__ import annotations

import streamlit as st

from coder import reading
from coder.ui.common import database


def render() -> None:
    db = database()
    st.title("Voortgang")
    plans = reading.plans(db)
    if not plans:
        st.info("Nog geen plannen ingelezen.")
        return
    done = sum(1 for p in plans if p.done_by)
    c1, c2, c3 = st.columns(3)
    c1.metric("Plannen afgerond", f"{done} / {len(plans)}")
    c2.metric("Coderingen", sum(p.codings for p in plans))
    c3.metric("Plannen geopend", sum(1 for p in plans if p.readers))
    st.subheader("Per lezer en plan")
    rows = [
        {
            "lezer": p.reader,
            "organisatie": p.organisation,
            "bestand": p.filename,
            "pagina's gelezen": f"{p.pages_read} / {p.page_count}",
            "gelezen": p.pages_read / p.page_count if p.page_count else 0.0,
            "fragmenten": p.fragments,
            "coderingen": p.codings,
            "afgerond": p.done,
        }
        for p in reading.progress(db)
    ]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            "gelezen": st.column_config.ProgressColumn("gelezen", min_value=0.0, max_value=1.0)
        },
    )
    st.subheader("Alle plannen")
    st.dataframe(
        [
            {
                "organisatie": p.organisation,
                "bestand": p.filename,
                "pagina's": p.page_count,
                "lezers": ", ".join(p.readers),
                "afgerond door": ", ".join(p.done_by),
                "coderingen": p.codings,
            }
            for p in plans
        ],
        hide_index=True,
        width="stretch",
    )
