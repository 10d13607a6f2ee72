"""The corpus at a glance: what is ingested, what failed, which organisations."""

from __future__ import annotations

import streamlit as st

from coder import corpus
from coder.ui.common import database


def render() -> None:
    db = database()
    status = corpus.status(db)
    st.title("Corpus")
    cols = st.columns(5)
    for col, (label, value) in zip(
        cols,
        [
            ("Organisaties", status.organisations),
            ("Plannen", status.ingested),
            ("Pagina's", status.pages),
            ("Segmenten", status.segments),
            ("Zinnen", status.sentences),
        ],
        strict=True,
    ):
        col.metric(label, f"{value:,}".replace(",", "."))
    if status.documents == 0:
        st.info("Nog geen plannen ingelezen: `coder ingest plans/` (of `make run`).")
        return
    rows = [
        {
            "organisatie": d["organisation"],
            "bestand": d["filename"],
            "periode": d["period"],
            "pagina's": d["page_count"],
            "functies": ", ".join(d["functions"]),
            "regio": d["region"],
            "subsidie (€)": d["subsidy"],
            "VTE": d["fte"],
            "afdelingen": d["branches"],
            "nieuwkomer": d["new_entrant"],
            "status": d["status"],
        }
        for d in corpus.documents(db)
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    if status.failures:
        st.subheader("Niet ingelezen")
        for failure in status.failures:
            st.error(failure["error"])
    if status.warnings:
        with st.expander(f"Waarschuwingen ({len(status.warnings)})"):
            for warning in status.warnings:
                st.warning(f"{warning['path']}: {warning['warning']}")
