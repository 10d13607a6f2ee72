"""Code suggestions in the app: the panel beside a page, find similar, the reading queue,
and the evaluation with training.

Pure render functions taking the connection and the reader, so the coding workspace
(and any page) lays them out where it wants; :func:`render` puts the queue, the
evaluation and training on a page of their own. Everything goes through
:mod:`coder.suggest`: a coding is made only by a reader's click on *accept*, through
:func:`coder.suggest.accept` (a normal coding, origin ``suggestion``: undo, audit and
permissions apply). Widget keys start with ``suggest-``; the only other session
state used is what :func:`coder.ui.common.open_plan` sets to open a passage in the
workspace.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import streamlit as st

from coder import coding, suggest
from coder.errors import CoderError
from coder.suggest.evaluate import ground_truth_file
from coder.suggest.queue import MODES
from coder.ui.common import current_reader, database, md, open_plan

PREVIEW = 220


def _preview(text: str, width: int = PREVIEW) -> str:
    text = " ".join(text.split())
    return md(text if len(text) <= width else text[: width - 1] + "…")


def _done(message: str) -> None:
    st.toast(message)
    st.rerun()


def _accept(db: Any, reader: str, **span: Any) -> None:
    try:
        made = suggest.accept(db, reader, **span)
    except CoderError as exc:
        st.error(str(exc))
        return
    _done("Gecodeerd (ongedaan maken kan)" if made else "Had je al zo gecodeerd")


def _reject(db: Any, reader: str, **span: Any) -> None:
    try:
        suggest.reject(db, reader, **span)
    except CoderError as exc:
        st.error(str(exc))
        return
    _done("Genoteerd: deze code hoort hier niet")


def _open_in_plan(document_id: int, page: int, start: int, key: str) -> None:
    """A button that opens the workspace at this passage (when this role has the workspace)."""
    if "workspace" not in st.session_state.get("pages", {}):
        return
    if st.button("Open in plan", key=key):
        open_plan(document_id, page, focus=start)
        st.switch_page(st.session_state["pages"]["workspace"])


def render_switch(db: Any, reader: str | None) -> bool:
    """The reader's on/off toggle for suggestions; returns whether they are on."""
    if not reader:
        return False
    on = suggest.enabled(db, reader)
    wanted = st.toggle(
        "Codesuggesties",
        value=on,
        key="suggest-switch",
        help="Voorstellen van het model naast de tekst; niets wordt gecodeerd zonder jouw klik.",
    )
    if wanted != on:
        suggest.set_enabled(db, reader, wanted)
        st.rerun()
    return wanted


def render_page_suggestions(db: Any, reader: str | None, document_id: int, page: int) -> None:
    """The suggestions panel for one page: per passage its suggested codes with the model's
    probability, each with accept (codes the passage as the reader) and reject."""
    found = suggest.for_page(db, reader, document_id, page)
    if not found.available:
        st.caption(f"Geen suggesties: {found.reason}.")
        return
    if not found.passages:
        st.caption("Geen suggesties op deze pagina.")
        return
    st.caption(
        f"Voorstellen van model {found.model_id}: kans dat de code past. Jij beslist;"
        " *Neen* leert het model bij."
    )
    for passage in found.passages:
        with st.container(border=True):
            st.markdown(f":gray[{_preview(passage.text, 140)}]")
            for s in passage.suggestions:
                span = {
                    "document_id": document_id,
                    "start": passage.start,
                    "end": passage.end,
                    "code_id": s.code_id,
                    "segment_id": passage.segment_id,
                    "probability": s.probability,
                    "model_id": found.model_id,
                }
                key = f"suggest-{passage.segment_id}-{s.code_id}"
                label, yes, no = st.columns([5, 2, 2], vertical_alignment="center")
                label.markdown(f"**{md(s.short_name or s.name)}** {s.probability:.0%}")
                if yes.button("Codeer", key=f"{key}-accept", help=f"Codeer als {s.name}"):
                    _accept(db, reader, **span)
                if no.button("Neen", key=f"{key}-reject", help="Deze code hoort hier niet"):
                    _reject(db, reader, **span)


def render_span_suggestions(
    db: Any, reader: str | None, document_id: int, start: int, end: int
) -> None:
    """Suggested codes for the current selection, each a button that codes the selection."""
    found = suggest.for_span(db, reader, document_id, start, end)
    if not found:
        return
    st.caption("Voorgesteld voor deze selectie:")
    columns = st.columns(len(found))
    for column, s in zip(columns, found, strict=True):
        if column.button(
            f"{s.short_name or s.name} {s.probability:.0%}",
            key=f"suggest-span-{start}-{end}-{s.code_id}",
            help=f"Codeer de selectie als {s.name}",
        ):
            _accept(
                db,
                reader,
                document_id=document_id,
                start=start,
                end=end,
                code_id=s.code_id,
                probability=s.probability,
            )


def render_similar(db: Any, reader: str | None, coding_id: int, *, limit: int = 10) -> None:
    """Passages across the corpus most like this coding and not yet coded with its code;
    each opens in the plan or is coded with that code in one click."""
    scope = st.radio(
        "Zoek tussen",
        ["code", "any"],
        format_func={"code": "nog niet met deze code", "any": "nog helemaal niet"}.get,
        horizontal=True,
        key=f"suggest-similar-scope-{coding_id}",
    )
    try:
        found = suggest.similar(db, coding_id=coding_id, scope=scope, reader=reader, limit=limit)
        source = coding.get(db, coding_id)
    except CoderError as exc:
        st.error(str(exc))
        return
    if not found:
        st.caption("Geen gelijkaardige ongecodeerde passages gevonden.")
        return
    for item in found:
        with st.container(border=True):
            st.markdown(
                f"**{md(item.organisation)}** · p. {item.page} · gelijkenis {item.similarity:.2f}"
                + (f"  \n:gray[{md(item.section)}]" if item.section else "")
            )
            st.markdown(_preview(item.text))
            left, right = st.columns(2)
            with left:
                _open_in_plan(
                    item.document_id, item.page, item.start, f"suggest-sim-open-{item.segment_id}"
                )
            if reader and right.button(
                f"Codeer als {source.code_name}", key=f"suggest-sim-code-{item.segment_id}"
            ):
                _accept(
                    db,
                    reader,
                    document_id=item.document_id,
                    start=item.start,
                    end=item.end,
                    code_id=source.code_id,
                    segment_id=item.segment_id,
                )


def render_queue(db: Any, reader: str | None, *, limit: int = 20) -> None:
    """The reader's queue: passages to read next, where the model is unsure or where a
    code was likely missed on pages already read; each with open, accept and reject."""
    mode = st.radio(
        "Volgorde",
        list(MODES),
        format_func={
            "uncertain": "waar het model twijfelt (leert het meest bij)",
            "missed": "wellicht gemist op gelezen pagina's",
        }.get,
        horizontal=True,
        key="suggest-queue-mode",
    )
    found = suggest.queue(db, reader, mode=mode, limit=limit)
    if not found.available or not found.items:
        st.caption(f"Niets in de wachtrij: {found.reason}.")
        return
    for item in found.items:
        with st.container(border=True):
            st.markdown(
                f"**{md(item.organisation)}** · p. {item.page} · {md(item.code_name)}"
                f" {item.probability:.0%}"
                + (f"  \n:gray[{md(item.section)}]" if item.section else "")
            )
            st.markdown(_preview(item.text))
            span = {
                "document_id": item.document_id,
                "start": item.start,
                "end": item.end,
                "code_id": item.code_id,
                "segment_id": item.segment_id,
                "probability": item.probability,
            }
            key = f"suggest-queue-{item.segment_id}-{item.code_id}"
            open_column, yes, no = st.columns(3)
            with open_column:
                _open_in_plan(item.document_id, item.page, item.start, f"{key}-open")
            if yes.button(f"Codeer als {item.code_name}", key=f"{key}-accept"):
                _accept(db, reader, **span)
            if no.button("Code past niet", key=f"{key}-reject"):
                _reject(db, reader, **span)


def render_evaluation(db: Any, reader: str | None) -> None:
    """How good the suggestions are: the latest evaluation (per code, averages beside the
    keyword baseline, learning curve, calibration), with buttons to train and to evaluate."""
    models = suggest.models(db)
    current = next((m for m in models if m["current"]), None)
    if current:
        st.caption(
            f"Model {current['id']}: getraind {current['trained_at'][:16].replace('T', ' ')}"
            f" door {md(current['trained_by'])} op {current['n_codings']} coderingen"
            f" ({current['n_segments']} passages, {current['n_feedback']} oordelen),"
            f" codeboekversie {current['codebook_version']}."
        )
    why = suggest.needs_training(db)
    if why:
        st.info(f"Opnieuw trainen aangeraden: {why}.")
    left, right = st.columns(2)
    if reader and left.button("Model trainen", key="suggest-train"):
        with st.spinner("Trainen…"):
            try:
                suggest.train(db, reader)
            except CoderError as exc:
                st.error(str(exc))
            else:
                _done("Model getraind")
    with right.popover("Evaluatie uitvoeren", disabled=not reader):
        _evaluation_form(db, reader)
    found = suggest.latest_evaluation(db)
    if found is None:
        st.caption("Nog geen evaluatie.")
        return
    st.markdown(
        f"**Evaluatie** ({md(found.run_at[:16].replace('T', ' '))}): {md(found.source)},"
        f" {md(found.split)}; {found.passages} passages, {found.fragments} gecodeerde"
        f" fragmenten, {found.organisations} organisaties; drempel {found.threshold}."
    )
    cols = st.columns(4)
    cols[0].metric("micro-F1", f"{found.micro.f1:.3f}")
    cols[1].metric("macro-F1", f"{found.macro.f1:.3f}")
    cols[2].metric("trefwoord micro-F1", f"{found.baseline_micro.f1:.3f}")
    cols[3].metric("trefwoord macro-F1", f"{found.baseline_macro.f1:.3f}")
    st.caption(
        "Micro: elke beslissing passage x code telt één keer; macro: elke code telt één keer."
        " Trefwoord: een code voorspeld waar haar naam of korte naam in de tekst staat."
    )
    per_code = [
        {
            "code": row["name"],
            "precisie": row["precision"],
            "recall": row["recall"],
            "F1": row["f1"],
            "support": row["support"],
            "trefwoord F1": row["baseline_f1"],
        }
        for row in found.per_code
    ]
    st.dataframe(per_code, hide_index=True, width="stretch")
    if found.learning_curve:
        st.altair_chart(
            alt.Chart(alt.Data(values=found.learning_curve))
            .mark_line(point=True)
            .encode(
                x=alt.X("fragments:Q", title="gecodeerde fragmenten in de training"),
                y=alt.Y("micro_f1:Q", title="micro-F1", scale=alt.Scale(domain=[0, 1])),
                tooltip=["organisations:Q", "fragments:Q", "micro_f1:Q", "macro_f1:Q"],
            )
            .properties(title="Leercurve", height=220),
            width="stretch",
        )
    if found.calibration:
        st.altair_chart(
            alt.Chart(alt.Data(values=found.calibration))
            .mark_circle(size=80)
            .encode(
                x=alt.X(
                    "mean_probability:Q", title="voorspelde kans", scale=alt.Scale(domain=[0, 1])
                ),
                y=alt.Y("observed:Q", title="werkelijk aandeel", scale=alt.Scale(domain=[0, 1])),
                tooltip=["band:N", "decisions:Q", "mean_probability:Q", "observed:Q"],
            )
            .properties(title="Kalibratie (op de diagonaal: kansen kloppen)", height=220),
            width="stretch",
        )


def _evaluation_form(db: Any, reader: str | None) -> None:
    try:
        truth = str(ground_truth_file(db))
    except CoderError:
        truth = None
    sources = ["codings", "truth"] if truth else ["codings"]
    source = st.radio(
        "Evalueer op",
        sources,
        format_func={"codings": "de coderingen van het team", "truth": "de grondwaarheid"}.get,
        key="suggest-eval-source",
    )
    split = st.radio(
        "Opdeling",
        ["folds", "share"],
        format_func={
            "folds": "5-voudige kruisvalidatie per organisatie",
            "share": "train op 30% van de organisaties",
        }.get,
        key="suggest-eval-split",
    )
    if st.button("Start", key="suggest-eval-run") and reader:
        with st.spinner("Evalueren…"):
            try:
                suggest.evaluate(
                    db,
                    reader,
                    folds=5,
                    train_share=0.3 if split == "share" else None,
                    ground_truth=truth if source == "truth" else None,
                )
            except CoderError as exc:
                st.error(str(exc))
            else:
                _done("Evaluatie klaar")


#: the dialogs the workspace and the code view open (drawn only when asked)
page_dialog = st.dialog("Suggesties voor deze pagina", width="large")(render_page_suggestions)
similar_dialog = st.dialog("Vergelijkbare passages", width="large")(render_similar)


def render() -> None:
    """A page of its own: the reader's switch and queue, and the model's evaluation."""
    db = database()
    reader = current_reader(db)
    st.title("Suggesties")
    st.caption(
        "Codevoorstellen geleerd uit de coderingen van het team. Het model stelt voor, de"
        " lezer beslist; tijdens een pilot zijn ze uit voor de plannen van die pilot."
    )
    render_switch(db, reader)
    queue_tab, evaluation_tab = st.tabs(["Wachtrij", "Hoe goed zijn de suggesties?"])
    with queue_tab:
        render_queue(db, reader)
    with evaluation_tab:
        render_evaluation(db, reader)
