"""Export page: the coded corpus as CSV, Excel, Parquet or JSONL, or a REFI-QDA project.

The filters are the CLI's (``coder export``): codes, coders, organisations,
attribute conditions and a codebook version. Files are made when their button
is clicked, not on every rerun, so the page stays quick on the full corpus.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from coder import codebook, coding, corpus, exchange, users
from coder.errors import CoderError
from coder.ui.common import current_reader, database

_LABELS = {
    "csv": "CSV",
    "xlsx": "Excel (XLSX)",
    "parquet": "Parquet",
    "jsonl": "JSON Lines",
    "qdpx": "REFI-QDA project (.qdpx)",
}


def _filters() -> exchange.Filters | None:
    """The filter form; None when nothing can be exported (no codebook yet)."""
    db = database()
    codes = codebook.codes_at(db)
    if not codes:
        st.info("Nog geen codeboek: laad er eerst een (Codeboek).")
        return None
    names = {c.id: c.name for c in codes}
    organisations = sorted({d["organisation"] for d in corpus.documents(db) if d["organisation"]})
    left, right = st.columns(2)
    chosen_codes = left.multiselect(
        "Codes (een groep neemt zijn codes mee)",
        list(names),
        format_func=names.get,
        placeholder="alle",
    )
    coders = left.multiselect("Codeerders", coding.users(db), placeholder="alle")
    chosen_orgs = right.multiselect("Organisaties", organisations, placeholder="alle")
    conditions = right.text_area(
        "Kenmerken (één per regel)",
        placeholder="region=Antwerpen\nsubsidy>=250000\nfunctions=leerfunctie",
        help="Meerdere waarden van één kenmerk met = zijn alternatieven; de rest moet allemaal.",
    )
    latest = codebook.current_version(db)
    version = left.number_input(
        "Codeboekversie", min_value=1, max_value=max(latest, 1), value=max(latest, 1), step=1
    )
    right.selectbox(
        "Fase",
        ["alle coderingen"],
        help="Proeflezing en volledige codering worden apart exporteerbaar zodra de"
        " proeflezing bestaat.",
    )
    return exchange.Filters(
        codes=tuple(chosen_codes),
        coders=tuple(coders),
        organisations=tuple(chosen_orgs),
        attributes=tuple(line.strip() for line in conditions.splitlines() if line.strip()),
        codebook_version=None if version == latest else int(version),
    )


def render() -> None:
    st.title("Export")
    st.caption(
        "Eén rij per codering met organisatie en kenmerken, document, pagina's, code,"
        " codeerder, fragment, posities, sectie en memo; of het hele project als REFI-QDA"
        " (.qdpx) voor NVivo, ATLAS.ti en MAXQDA."
    )
    db = database()
    reader = current_reader(db) or ""
    if not users.can(db, reader, "export"):
        st.info("Exporteren van de coderingen is voor onderzoekers en beheerders.")
        return
    filters = _filters()
    if filters is None:
        return
    try:
        selected = exchange.select(db, filters)
    except CoderError as exc:
        st.error(str(exc))
        return
    st.write(
        f"{len(selected.codings)} coderingen in {len(selected.documents)} documenten"
        f" van {len(selected.organisations)} organisaties."
    )
    stem = f"coder-export-{date.today():%Y%m%d}"
    columns = st.columns(len(_LABELS))
    for column, (fmt, label) in zip(columns, _LABELS.items(), strict=True):
        if fmt == "qdpx":

            def make(filters: exchange.Filters = filters) -> bytes:
                return exchange.export_project(database(), filters, actor=reader).data

            mime = "application/zip"
        else:

            def make(filters: exchange.Filters = filters, fmt: str = fmt) -> bytes:
                return exchange.export_table(database(), fmt, filters, actor=reader)

            mime = exchange.MIME[fmt]
        column.download_button(
            label,
            make,
            file_name=f"{stem}.{fmt}",
            mime=mime,
            key=f"export-{fmt}",
            on_click="ignore",
        )
    st.caption(
        "Importeren van een .qdpx uit een ander programma en back-ups: `coder import FILE.qdpx`,"
        " `coder dump` en `coder restore` (zie README)."
    )
