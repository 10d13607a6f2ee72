"""The coding workspace: read a plan page by page, select text, assign codes.

Everything a reader does goes straight to the service layer (``coding``,
``reading``); session state only remembers what is on screen (plan, page,
the selection not yet coded, the coding clicked).
"""

from __future__ import annotations

import functools
import re

import streamlit as st

from coder import codebook, coding, corpus, reading
from coder.codebook import Code
from coder.errors import CoderError
from coder.ui import suggestions
from coder.ui.common import current_reader, database, md, show_page
from coder.ui.span_selector import page_data, span_selector

_WORD_CHAR = re.compile(r"\w", re.UNICODE)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a mouse selection to whole words, as QDA tools do."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def _label(code: Code, by_id: dict[str, Code]) -> str:
    parent = by_id.get(code.parent_id or "")
    return f"{code.name} · {parent.name}" if parent else code.name


def _definition(code: Code) -> None:
    st.markdown(f"**{md(code.name)}** — {md(code.definition)}")
    if code.inclusion:
        st.markdown(f"*Wel:* {md(code.inclusion)}")
    if code.exclusion:
        st.markdown(f"*Niet:* {md(code.exclusion)}")
    for example in code.examples[:1]:
        st.caption(f"Voorbeeld: {md(example)}")


def plan_labels(docs: list[dict]) -> dict[int, str]:
    """A distinct label per plan: a select box maps the choice back by its label, so two
    plans with one label (an organisation's two files of the same name) would be one."""
    labels = {d["id"]: f"{d['organisation']} — {d['filename']}" for d in docs}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {i: f"{label} (#{i})" if seen[label] > 1 else label for i, label in labels.items()}


def _choose_plan(docs: list[dict]) -> int:
    """The plan list. The chosen plan lives in ``document_id`` (other pages set it to
    open a plan at a place); the widget only mirrors it, through a key and a callback,
    because a keyless select box whose start index changes becomes a new widget and
    can drop the reader's next choice."""
    labels = plan_labels(docs)
    current = st.session_state.get("document_id")
    if current is None and st.query_params.get("plan", "").isdigit():
        current = int(st.query_params["plan"])  # a reload or a bookmark
    current = current if current in labels else next(iter(labels))
    if st.session_state.get("plan-choice") != current:  # opened from elsewhere, or first time
        st.session_state["plan-choice"] = current
    st.session_state["document_id"] = current
    st.selectbox("Plan", list(labels), key="plan-choice", format_func=labels.get, on_change=_chosen)
    return st.session_state["plan-choice"]


def _chosen() -> None:
    st.session_state["document_id"] = st.session_state["plan-choice"]
    st.session_state["plan_changed"] = True
    st.query_params.pop("pagina", None)


def render() -> None:
    db = database()
    reader = current_reader(db)
    st.title("Coderen")
    if reader is None:
        st.info("Log in om te beginnen.")
        return
    docs = [d for d in corpus.documents(db) if d["status"] == "ingested"]
    if not docs:
        st.info("Nog geen plannen ingelezen.")
        return
    codes = codebook.codes_at(db)
    by_id = {c.id: c for c in codes}
    codable = [c for c in codes if not c.is_group]
    if not codable:
        st.warning("Er is nog geen codeboek: `coder codebook load codebook/default.yaml`.")

    with st.sidebar:
        st.subheader("Filter")
        scope = st.radio("Coderingen van", ["mij", "alle lezers"], horizontal=True)
        shown_codes = st.multiselect(
            "Codes",
            [c.id for c in codable],
            format_func=lambda i: by_id[i].name,
            placeholder="alle codes",
        )
        suggesting = suggestions.render_switch(db, reader)
    _plan_view(db, reader, docs, by_id, codable, scope == "mij", shown_codes or None, suggesting)


@st.fragment
def _plan_view(
    db,
    reader: str,
    docs: list[dict],
    by_id: dict[str, Code],
    codable: list[Code],
    mine_only: bool,
    shown_codes: list[str] | None,
    suggesting: bool,
) -> None:
    """The chosen plan: its list, attributes, navigation, text and coding panel. A
    fragment: opening a plan, turning a page or saving a coding reruns only this part,
    not the whole app with its sidebar, which keeps the reader's actions near the
    300 ms the workspace aims for (benchmarks/workspace.py)."""
    doc_id = _choose_plan(docs)
    if st.session_state.pop("plan_changed", False) or "page" not in st.session_state:
        linked = st.query_params.get("pagina", "")
        from_url = st.query_params.get("plan") == str(doc_id) and linked.isdigit()
        # a link or reload names the page; otherwise where this reader left this plan
        show_page(int(linked) if from_url else reading.position(db, reader, doc_id))
    doc = next(d for d in docs if d["id"] == doc_id)
    st.caption(
        " · ".join(
            p
            for p in [
                ", ".join(doc["functions"]),
                doc["region"],
                f"{doc['fte']} VTE" if doc["fte"] is not None else None,
                doc["period"],
            ]
            if p
        )
    )
    # blind coding: in an open pilot on this plan, "alle lezers" still shows only mine
    blind = coding.visible_coders(db, reader, doc_id)
    coders = [reader] if mine_only else blind
    if blind is not None and not mine_only:
        st.info(
            "Blind coderen: dit plan hoort bij een open pilot waarin je meeleest. Je ziet"
            " alleen je eigen coderingen tot de pilot gesloten is."
        )
    _reading_area(
        db, reader, doc_id, doc["page_count"] or 1, coders, shown_codes, by_id, codable, suggesting
    )
    if st.button("Overzicht van dit plan: welke codes waar"):
        _overview(db, doc_id, coders)


def _reading_area(
    db,
    reader: str,
    doc_id: int,
    count: int,
    coders: list[str] | None,
    shown_codes: list[str] | None,
    by_id: dict[str, Code],
    codable: list[Code],
    suggesting: bool,
) -> None:
    """Navigation, the page's text and the coding panel."""
    page = min(max(int(st.session_state.get("page", 1)), 1), count)
    # navigation runs in callbacks, before this run draws anything, so every control
    # (the page box too) shows the page the reader went to, in one round trip
    nav = st.columns([1, 1, 1.3, 1.6, 1.2, 1.2])
    nav[0].button(
        "← Vorige", disabled=page <= 1, width="stretch", on_click=show_page, args=(page - 1,)
    )
    nav[1].button(
        "Volgende →", disabled=page >= count, width="stretch", on_click=show_page, args=(page + 1,)
    )
    if st.session_state.get("jump") != page:
        st.session_state["jump"] = page
    nav[2].number_input(
        "Pagina", 1, count, label_visibility="collapsed", key="jump", on_change=_jumped
    )
    nav[3].button(
        "Volgende ongecodeerde",
        width="stretch",
        help="sneltoets g",
        on_click=_next_uncoded,
        args=(db, reader, doc_id),
    )
    for column, label, hint, direction in (
        (nav[4], "↑ Codering", "vorige codering (k)", -1),
        (nav[5], "Codering ↓", "volgende codering (j)", 1),
    ):
        column.button(
            label,
            width="stretch",
            help=hint,
            on_click=_adjacent,
            args=(db, doc_id, coders, shown_codes, direction),
        )

    st.query_params.update({"plan": str(doc_id), "pagina": str(page)})
    if st.session_state.get("recorded") != (reader, doc_id, page):
        reading.set_position(db, reader, doc_id, page)
        st.session_state["recorded"] = (reader, doc_id, page)

    view = corpus.page(db, doc_id, page)
    visible = coding.codings(
        db, doc_id, coders=coders, code_ids=shown_codes, start=view.start, end=view.end
    )
    label = f" · p. {view.label} in het plan" if view.label else ""
    text_col, panel = st.columns([2.4, 1])
    with text_col:
        st.markdown(f"**Pagina {page} van {count}**{label}")
        if view.needs_ocr:
            st.warning("Deze pagina heeft geen tekstlaag (scan): inlezen met `--ocr`.")
        data = page_data(
            view.segments,
            visible,
            page=page,
            pages=count,
            visit=st.session_state.get("visit", 0),
            short_names={c.id: c.short_name or c.name for c in by_id.values()},
            selected=st.session_state.get("selected_coding"),
            focus=st.session_state.get("focus"),
            empty="(lege pagina)",
        )
        event = span_selector(
            data,
            key=f"text-{doc_id}",
            on_turn=show_page,
            on_key=functools.partial(
                _shortcut,
                db,
                reader=reader,
                doc_id=doc_id,
                coders=coders,
                shown_codes=shown_codes,
            ),
        )
    if event.clicked is not None:
        st.session_state["selected_coding"] = event.clicked
    selection, text = None, ""
    if event.selection and event.nonce != st.session_state.get("used_nonce"):
        # the plan's whole text only when there is a selection to widen and quote
        text = _document_text(db, doc_id)
        selection = snap_to_words(text, *event.selection)
    with panel:
        _panel(db, reader, doc_id, text, selection, event.nonce, codable, by_id)
        if suggesting:
            _suggestions(db, reader, doc_id, page, selection)


def _jumped() -> None:
    show_page(int(st.session_state["jump"]))


def _document_text(db, document_id: int) -> str:
    cache = st.session_state.setdefault("_texts", {})
    if document_id not in cache:
        cache.clear()
        cache[document_id] = corpus.document_text(db, document_id)
    return cache[document_id]


def _next_uncoded(db, reader: str, doc_id: int) -> None:
    after = st.session_state.get("focus")
    if after is None:
        after = corpus.page(db, doc_id, int(st.session_state.get("page", 1))).start
    target = reading.next_uncoded(db, reader, doc_id, after + 1)
    if target is None:
        st.toast("Geen ongecodeerde alinea meer in dit plan.")
    else:
        show_page(target.page, focus=target.start)


def _adjacent(db, doc_id: int, coders, shown_codes, direction: int) -> None:
    focus = st.session_state.get("focus")
    if focus is None:
        focus = corpus.page(db, doc_id, int(st.session_state.get("page", 1))).start - direction
    visible = coding.codings(db, doc_id, coders=coders, code_ids=shown_codes or None)
    found = reading.adjacent_coding(visible, focus, direction)
    if found is None:
        st.toast("Geen codering meer in die richting.")
    else:
        show_page(reading.page_of(db, doc_id, found.start), focus=found.start, selected=found.id)


def _shortcut(db, action: str, *, reader: str, doc_id: int, coders, shown_codes) -> None:
    """A keyboard shortcut from the text (a callback, so the run that follows draws its
    result)."""
    if action == "next_uncoded":
        _next_uncoded(db, reader, doc_id)
    elif action in ("next_coding", "prev_coding"):
        _adjacent(db, doc_id, coders, shown_codes, 1 if action == "next_coding" else -1)
    elif action == "undo":
        _undo(db, reader)
    elif action == "clear":
        st.session_state["selected_coding"] = None


def _undo(db, reader: str) -> None:
    try:
        label = coding.undo(db, reader)
    except CoderError as exc:
        st.toast(str(exc))
    else:
        st.toast(f"Ongedaan: {label}")


def _panel(db, reader: str, doc_id: int, text: str, selection, nonce, codable, by_id) -> None:
    selected = st.session_state.get("selected_coding")
    if selected is not None:
        _fragment(db, reader, selected, selection, nonce, codable, by_id)
    elif selection:
        start, end = selection
        st.markdown("**Nieuw fragment**")
        quote = text[start:end]
        st.caption(f"«{md(quote[:400])}{'…' if len(quote) > 400 else ''}» ({start}–{end})")
        with st.form("code-form", clear_on_submit=True, border=False):
            st.multiselect(
                "Codes",
                [c.id for c in codable],
                format_func=lambda i: _label(by_id[i], by_id),
                placeholder="zoek een code…",
                key="new-codes",
            )
            st.text_area("Memo (optioneel)", height=68, key="new-memo")
            st.form_submit_button(
                "Codeer",
                type="primary",
                width="stretch",
                on_click=_save_new,
                args=(db, reader, doc_id, start, end, nonce),
            )
        if error := st.session_state.pop("coding-error", None):
            st.error(error)
        _definitions(codable)
    else:
        st.info("Selecteer tekst met de muis om te coderen; klik op een markering om ze te zien.")
        _definitions(codable)
    last = coding.last_action(db, reader)
    st.button(
        f"↶ Ongedaan maken: {last}" if last else "↶ Ongedaan maken",
        disabled=last is None,
        width="stretch",
        help="sneltoets u",
        on_click=_undo,
        args=(db, reader),
    )
    is_done = reading.is_done(db, reader, doc_id)
    st.toggle(
        "Plan afgerond",
        value=is_done,
        key=f"done-{doc_id}",
        on_change=lambda: reading.set_done(db, reader, doc_id, not is_done),
    )


def _save_new(db, reader: str, doc_id: int, start: int, end: int, nonce) -> None:
    """Save the new fragment before the rerun draws the page (a callback), so the page
    shows it in the same round trip instead of a second rerun."""
    chosen = st.session_state.get("new-codes", [])
    try:
        coding.create(db, reader, doc_id, start, end, chosen, memo=st.session_state["new-memo"])
    except CoderError as exc:
        st.session_state["coding-error"] = str(exc)
    else:
        st.session_state["used_nonce"] = nonce
        st.toast(f"Gecodeerd met {len(chosen)} code(s)")


def _suggestions(db, reader: str, doc_id: int, page: int, selection) -> None:
    """The model's codes for the selection at once; for the whole page on demand (a
    dialog), so that reading is not slowed by drawing them on every page turn."""
    if selection:
        suggestions.render_span_suggestions(db, reader, doc_id, *selection)
    if st.button("Suggesties voor deze pagina", width="stretch"):
        suggestions.page_dialog(db, reader, doc_id, page)


def _definitions(codable: list[Code]) -> None:
    if st.button("Definities van de codes", width="stretch", help="zoek in het codeboek"):
        _codebook_dialog(codable)


@st.dialog("Definities van de codes", width="large")
def _codebook_dialog(codable: list[Code]) -> None:
    """On demand: thirty definitions drawn on every page turn would slow reading down."""
    query = st.text_input("Zoek in het codeboek", key="def-search").lower()
    for code in codable:
        if query and query not in f"{code.name} {code.definition}".lower():
            continue
        _definition(code)


def _fragment(db, reader: str, coding_id: int, selection, nonce, codable, by_id) -> None:
    try:
        base = coding.get(db, coding_id)
    except CoderError:
        st.session_state["selected_coding"] = None
        return
    siblings = [
        c
        for c in coding.codings(
            db, base.document_id, coders=[base.coder], start=base.start, end=base.end
        )
        if (c.start, c.end) == (base.start, base.end)
    ]
    st.markdown(f"**Fragment van {md(base.coder)}**")
    st.caption(f"«{md(base.text[:400])}{'…' if len(base.text) > 400 else ''}»")
    for c in siblings:
        st.markdown(f":gray-badge[{md(c.code_name)}]")
    if base.memo:
        st.caption(f"Memo: {md(base.memo)}")
    if base.anchor != "ok":
        st.warning(f"Na een nieuwe versie van het plan: {base.anchor}.")
    if base.coder == reader and base.deleted_at is None:
        with st.form(f"edit-{coding_id}", border=False):
            chosen = st.multiselect(
                "Codes",
                [c.id for c in codable],
                default=[c.code_id for c in siblings if c.code_id in by_id],
                format_func=lambda i: _label(by_id[i], by_id),
                placeholder="zoek een code…",
            )
            memo = st.text_area("Memo", value=base.memo, height=68)
            saved = st.form_submit_button("Opslaan", width="stretch")
        if saved:
            try:
                kept = coding.set_codes(db, reader, coding_id, chosen)
                for c in kept:
                    if c.memo != memo:
                        coding.update(db, reader, c.id, memo=memo)
            except CoderError as exc:
                st.error(str(exc))
            else:
                st.session_state["selected_coding"] = kept[0].id if kept else None
                st.rerun(scope="fragment")
        cols = st.columns(2)
        if selection and cols[0].button(
            "Span = selectie", width="stretch", help="vervang de tekstspan door de huidige selectie"
        ):
            try:
                for c in siblings:
                    coding.update(db, reader, c.id, start=selection[0], end=selection[1])
            except CoderError as exc:
                st.error(str(exc))
            else:
                st.session_state["used_nonce"] = nonce
                st.rerun(scope="fragment")
        if cols[1].button("Verwijderen", width="stretch"):
            coding.delete(db, reader, [c.id for c in siblings])
            st.session_state["selected_coding"] = None
            st.rerun(scope="fragment")
    if st.button("Vergelijkbare passages", width="stretch", help="wat je elders nog miste"):
        suggestions.similar_dialog(db, reader, coding_id)
    with st.expander("Geschiedenis"):
        for c in siblings:
            for entry in coding.history(db, c.id):
                st.caption(
                    f"{entry['at'][:19]} · {md(entry['actor'])} · {entry['verb']} · "
                    f"{md(c.code_name)}"
                )
    if st.button("Sluiten", width="stretch"):
        st.session_state["selected_coding"] = None
        st.rerun(scope="fragment")


@st.dialog("Overzicht van dit plan: welke codes waar", width="large")
def _overview(db, doc_id: int, coders) -> None:
    table = reading.overview(db, doc_id, coders)
    rows = [{"pagina": page, **dict(counts)} for page, counts in table.items() if counts]
    if not rows:
        st.caption("Nog geen coderingen in dit plan.")
        return
    st.dataframe(rows, hide_index=True, width="stretch")
    clicked = st.number_input("Ga naar pagina", 1, max(table), rows[0]["pagina"], key="ov-page")
    if st.button("Open", key="ov-open"):
        show_page(int(clicked))
        st.rerun()
