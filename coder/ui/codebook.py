"""The codebook page: browse and search codes, read definitions, see the history, edit.

Reading is for everyone; the edit forms show for users who may change the codebook
(``codebook.can_edit``: admins; the codebook verbs refuse everyone else).
Every save calls one codebook verb, so it becomes one new version with the user's
name, exactly as the same change from the command line would.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import streamlit as st

from coder import codebook as cb
from coder.errors import CoderError
from coder.ui.common import current_reader, database, md

_FLASH = "codebook_flash"
_FIELD_LABELS = {
    "name": "naam",
    "short_name": "korte naam",
    "parent_id": "onder",
    "colour": "kleur",
    "definition": "definitie",
    "inclusion": "wel coderen",
    "exclusion": "niet coderen",
    "examples": "voorbeelden",
    "is_group": "groep",
    "guid": "GUID",
    "position": "plaats",
}
_TOP = "(bovenaan)"


def _actor() -> str:
    """Who is acting: the logged-in user (the service refuses anyone but an admin)."""
    return current_reader(database()) or ""


def _run(action: Callable[[], Any]) -> None:
    """Run one verb; report its problems in place, or remember its summary and redraw."""
    try:
        result = action()
    except CoderError as exc:
        for problem in getattr(exc, "problems", None) or [str(exc)]:
            st.error(problem)
        return
    version = getattr(result, "version", None)
    summary = getattr(result, "summary", "")
    st.session_state[_FLASH] = (
        f"Versie {version}: {summary}" if version else summary or "Geen wijzigingen."
    )
    st.rerun()


def render() -> None:
    db = database()
    st.title("Codeboek")
    if message := st.session_state.pop(_FLASH, None):
        st.success(message)
    codes = cb.codes_at(db)
    if not codes:
        st.info("Nog geen codeboek: `coder codebook load codebook/default.yaml` (of `make run`).")
        return
    counts = cb.coding_counts(db)
    editor = cb.can_edit(db, _actor())
    codable = sum(1 for c in codes if not c.is_group)
    st.caption(
        f"Versie {cb.current_version(db)} · {codable} codes · {sum(counts.values())} coderingen"
    )
    browse, history, manage = st.tabs(["Codes", "Wijzigingen", "Beheer"])
    with browse:
        _browse(db, codes, counts, editor)
    with history:
        _history(db)
    with manage:
        if editor:
            _manage(db, codes)
        else:
            st.info("Alleen gebruikers met de rol redacteur passen het codeboek aan.")


def _browse(db: Any, codes: list[cb.Code], counts: dict[str, int], editor: bool) -> None:
    query = st.text_input(
        "Zoeken in het codeboek", placeholder="bv. vrijwilligers, SWOT, bestuur, Brussel"
    )
    by_id = {c.id: c for c in codes}
    shown = {c.id for c in codes if cb.matches(c, query)} if query else set(by_id)
    for code_id in list(shown):  # keep the groups of what matched, for orientation
        parent = by_id[code_id].parent_id
        while parent in by_id:
            shown.add(parent)
            parent = by_id[parent].parent_id
    if query:
        st.caption(f"{sum(1 for i in shown if not by_id[i].is_group)} codes gevonden")
    for code in codes:
        if code.id not in shown:
            continue
        if code.is_group and code.parent_id is None:
            st.subheader(code.name)
            if code.definition:
                st.caption(md(code.definition))
            continue
        _code_card(db, code, counts.get(code.id, 0), editor, expanded=bool(query))


def _swatch(colour: str | None) -> str:
    if not colour:
        return ""
    return (
        f'<span style="display:inline-block;width:.9em;height:.9em;border-radius:2px;'
        f'background:{html.escape(colour)};margin-right:.4em"></span>'
    )


def _code_card(db: Any, code: cb.Code, count: int, editor: bool, expanded: bool) -> None:
    label = f"{md(code.name)}" + (f" · {count} coderingen" if count else "")
    with st.expander(label, expanded=expanded):
        short = f" · kort: {html.escape(code.short_name)}" if code.short_name else ""
        st.markdown(
            f"{_swatch(code.colour)}<code>{html.escape(code.id)}</code>{short}",
            unsafe_allow_html=True,
        )
        if code.definition:
            st.markdown(md(code.definition))
        if code.inclusion:
            st.markdown(f"**Wel coderen:** {md(code.inclusion)}")
        if code.exclusion:
            st.markdown(f"**Niet coderen:** {md(code.exclusion)}")
        for example in code.examples:
            st.markdown(f"> _{md(example)}_")
        if editor and st.toggle("Bewerken", key=f"edit-on-{code.id}"):
            _edit_form(db, code)


def _edit_form(db: Any, code: cb.Code) -> None:
    """Edit one code; only the fields the user changed are saved.

    The form compares with the code as it was when the form opened, so saving does
    not undo what a colleague changed in another field meanwhile.
    """
    base_key = f"edit-base-{code.id}"
    base = cb.Code.from_dict(st.session_state.setdefault(base_key, code.as_dict()))
    with st.form(key=f"edit-{code.id}"):
        values = {
            "name": st.text_input("Naam", value=base.name),
            "short_name": st.text_input("Korte naam", value=base.short_name),
            "colour": st.color_picker("Kleur", value=_six_digits(base.colour)),
            "definition": st.text_area("Definitie", value=base.definition),
            "inclusion": st.text_area("Wel coderen", value=base.inclusion),
            "exclusion": st.text_area("Niet coderen", value=base.exclusion),
            "examples": st.text_area("Voorbeelden (één per regel)", value="\n".join(base.examples)),
        }
        if st.form_submit_button("Opslaan"):
            if _six_digits(base.colour) == values["colour"]:
                values["colour"] = base.colour
            if values["examples"] == "\n".join(base.examples):
                values["examples"] = base.examples
            else:
                values["examples"] = values["examples"].splitlines()
            changed = {k: v for k, v in values.items() if v != getattr(base, k)}
            st.session_state.pop(base_key, None)
            if not changed:
                st.info("Niets gewijzigd.")
                return
            _run(lambda: cb.edit(db, code.id, actor=_actor(), **changed))


def _six_digits(colour: str | None) -> str:
    """The colour picker wants #RRGGBB; REFI-QDA also allows #RGB."""
    if not colour:
        return "#000000"
    if len(colour) == 4:
        return "#" + "".join(ch * 2 for ch in colour[1:])
    return colour


def _history(db: Any) -> None:
    entries = cb.log(db)
    versions = [v.version for v in entries]
    if len(versions) > 1:
        left, right = st.columns(2)
        v1 = left.selectbox("Van versie", versions, index=1)
        v2 = right.selectbox("Tot versie", versions, index=0)
        diffs = cb.diff(db, v1, v2)
        if not diffs:
            st.caption("Geen verschillen.")
        for d in diffs:
            mark = {"added": "➕ nieuw", "removed": "➖ weg", "changed": "✏️ gewijzigd"}[d.kind]
            note = f" ({md(d.note)})" if d.note else ""
            lines = [f"**{md(d.name)}** `{d.code_id}` · {mark}{note}"]
            for field, (before, after) in d.fields.items():
                label = _FIELD_LABELS.get(field, field)
                lines.append(f"- {label}: ~~{md(str(before))}~~ → {md(str(after))}")
            st.markdown("\n".join(lines))
    st.divider()
    for entry in entries:
        st.markdown(
            f"**v{entry.version}** · {entry.created_at[:16].replace('T', ' ')} ·"
            f" {md(entry.actor)} · {md(entry.summary)}"
        )


def _manage(db: Any, codes: list[cb.Code]) -> None:
    ids = [c.id for c in codes]
    codable = [c.id for c in codes if not c.is_group]
    names = {c.id: f"{c.name} ({c.id})" for c in codes}
    show = names.__getitem__

    st.subheader("Code toevoegen")
    with st.form("add-code", clear_on_submit=False):
        code_id = st.text_input("Id (vast, kleine letters en koppeltekens)")
        name = st.text_input("Naam")
        short_name = st.text_input("Korte naam (voor codeerstrepen)")
        parent = st.selectbox("Onder", [_TOP, *ids], format_func=lambda i: names.get(i, i))
        colour = st.color_picker("Kleur", value="#808080")
        is_group = st.checkbox("Groep (niet codeerbaar)")
        definition = st.text_area("Definitie")
        inclusion = st.text_area("Wel coderen")
        exclusion = st.text_area("Niet coderen")
        examples = st.text_area("Voorbeelden (één per regel)")
        if st.form_submit_button("Toevoegen"):
            new = cb.Code(
                id=code_id.strip(),
                name=name.strip(),
                short_name=short_name.strip(),
                colour=colour,
                parent_id=None if parent == _TOP else parent,
                is_group=is_group,
                definition=definition.strip(),
                inclusion=inclusion.strip(),
                exclusion=exclusion.strip(),
                examples=[e.strip() for e in examples.splitlines() if e.strip()],
            )
            _run(lambda: cb.add(db, new, actor=_actor()))

    st.subheader("Verplaatsen")
    with st.form("move-code"):
        code_id = st.selectbox("Code", ids, format_func=show)
        parent = st.selectbox("Naar", [_TOP, *ids], format_func=lambda i: names.get(i, i))
        position = st.number_input("Plaats (0 = laatste)", min_value=0, value=0, step=1)
        if st.form_submit_button("Verplaatsen"):
            _run(
                lambda: cb.move(
                    db,
                    code_id,
                    None if parent == _TOP else parent,
                    actor=_actor(),
                    position=int(position) - 1 if position else None,
                )
            )

    st.subheader("Samenvoegen")
    with st.form("merge-codes"):
        source = st.selectbox("Code die opgaat in een andere", codable, format_func=show)
        target = st.selectbox(
            "Opgaan in", codable, format_func=show, index=min(1, len(codable) - 1)
        )
        st.caption(
            "Alle coderingen verhuizen; dubbele (zelfde fragment, zelfde codeur) worden één."
        )
        if st.form_submit_button("Samenvoegen"):
            _run(lambda: cb.merge(db, source, target, actor=_actor()))

    st.subheader("Splitsen")
    with st.form("split-code"):
        code_id = st.selectbox("Code", codable, format_func=show, key="split-source")
        spec = st.text_area("Nieuwe codes, één per regel: id = naam")
        st.caption("De coderingen blijven op de oude code tot ze herverdeeld zijn.")
        if st.form_submit_button("Splitsen"):
            new_codes = []
            for line in spec.splitlines():
                new_id, _, new_name = line.partition("=")
                if new_id.strip():
                    new_codes.append(cb.Code(id=new_id.strip(), name=new_name.strip()))
            _run(lambda: cb.split(db, code_id, new_codes, actor=_actor()))
    for review in cb.reviews(db):
        st.warning(
            f"{md(review.name)}: {len(review.codings)} coderingen wachten op herverdeling"
            f" naar {md(', '.join(review.into))} (`coder codebook review {review.code_id}`)"
        )

    st.subheader("Uit gebruik nemen")
    with st.form("retire-code"):
        code_id = st.selectbox("Code", ids, format_func=show, key="retire-code-id")
        st.caption("Kan pas als de code geen coderingen en geen subcodes meer heeft.")
        if st.form_submit_button("Uit gebruik nemen"):
            _run(lambda: cb.retire(db, code_id, actor=_actor()))

    st.subheader("Exporteren")
    columns = st.columns(4)
    for column, (fmt, label, mime) in zip(
        columns,
        [
            ("yaml", "YAML", "application/x-yaml"),
            ("md", "Markdown", "text/markdown"),
            ("html", "HTML (afdrukken)", "text/html"),
            ("qdc", "REFI-QDA .qdc", "application/xml"),
        ],
        strict=True,
    ):
        column.download_button(
            label, cb.export(db, fmt), file_name=f"codeboek.{fmt}", mime=mime, key=f"dl-{fmt}"
        )
