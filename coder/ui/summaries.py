"""Per-code summaries: write (researchers), review, comment (everyone), history.

Steering-group members see the same page without the editor and the status
buttons: the service layer refuses their writes anyway, the page just does not
offer them. ``review_panel`` is shared with the findings page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from coder import analysis, summaries, users
from coder.errors import CoderError
from coder.ui.common import current_reader, database, md

STATUS_ICONS = {"draft": "✏️", "ready": "📤", "reviewed": "✅"}
STATUS_BUTTONS = {
    "ready": "Klaar voor review",
    "reviewed": "Markeer als gereviewd",
    "draft": "Terug naar concept",
}


def status_text(item: summaries.Summary | None) -> str:
    if item is None:
        return "nog niet geschreven"
    return f"{STATUS_ICONS[item.status]} {summaries.STATUS_LABELS[item.status]} (v{item.version})"


def do(action: Any, success: str | None = None) -> None:
    """Run a service call; show its error, or rerun the page (with a toast) when it worked."""
    try:
        action()
    except CoderError as exc:
        st.error(str(exc))
        return
    if success:
        st.session_state["flash"] = success
    st.rerun()


def flash() -> None:
    """Show the message a :func:`do` left before its rerun."""
    message = st.session_state.pop("flash", None)
    if message:
        st.toast(message)


def show_text(db: Any, body: str) -> None:
    """A summary's Markdown with its [[quotes]] expanded; Streamlit shows no raw HTML."""
    if body.strip():
        st.markdown(summaries.expand_quotes(db, body))
    else:
        st.caption("(nog leeg)")


def review_panel(db: Any, reader: str | None, item: summaries.Summary, key: str) -> None:
    """Status buttons, comments and version history of a summary or finding."""
    writer = users.can(db, reader, "write")
    st.caption(
        f"Versie {item.version} · {md(item.current.author)} · {item.current.created_at[:16]}"
        f" · {md(item.current.note)}"
    )
    if writer:
        cols = st.columns(3)
        for col, target in zip(cols, summaries.TRANSITIONS[item.status], strict=False):
            if not col.button(STATUS_BUTTONS[target], key=f"{key}-to-{target}"):
                continue
            if item.kind == "code":
                do(
                    lambda t=target: summaries.set_summary_status(
                        db, reader, item.code_id, t, expected_version=item.version
                    )
                )
            else:
                do(
                    lambda t=target: summaries.set_finding_status(
                        db, reader, item.id, t, expected_version=item.version
                    )
                )
    st.markdown("##### Opmerkingen")
    for comment in summaries.comments(db, item.id):
        changed = " (de tekst is sindsdien gewijzigd)" if comment.version != item.version else ""
        with st.container(border=True):
            st.caption(
                f"{md(comment.author)} · {comment.created_at[:16]} · over versie"
                f" {comment.version}{changed}"
            )
            st.markdown(md(comment.body))
            if reader == comment.author and st.button("Intrekken", key=f"{key}-del-{comment.id}"):
                do(lambda c=comment.id: summaries.delete_comment(db, reader, c))
    if reader:
        with st.form(f"{key}-comment", clear_on_submit=True):
            body = st.text_area("Nieuwe opmerking", height=80)
            if st.form_submit_button("Plaats opmerking"):
                do(lambda: summaries.add_comment(db, reader, item.id, body), "Opmerking geplaatst")
    else:
        st.caption("Kies links wie je bent om te reageren.")
    versions = summaries.history(db, item.id)
    with st.expander(f"Geschiedenis ({len(versions)} versies)"):
        st.dataframe(
            [
                {
                    "versie": v.version,
                    "wanneer": v.created_at[:19],
                    "wie": v.author,
                    "status": summaries.STATUS_LABELS[v.status],
                    "wat": v.note,
                }
                for v in reversed(versions)
            ],
            hide_index=True,
        )
        if len(versions) > 1:
            numbers = [v.version for v in versions]
            c1, c2 = st.columns(2)
            a = c1.selectbox("Van versie", numbers, index=len(numbers) - 2, key=f"{key}-a")
            b = c2.selectbox("Naar versie", numbers, index=len(numbers) - 1, key=f"{key}-b")
            st.code(summaries.diff(db, item.id, a, b) or "geen verschil", language="diff")


def _key_quotes(db: Any, reader: str | None, code_id: str) -> None:
    quotes = summaries.key_quotes(db, code_id)
    st.markdown(f"##### Kerncitaten ({len(quotes)})")
    if not quotes:
        st.caption("Markeer kerncitaten in Analyse → Fragmenten.")
    writer = users.can(db, reader, "write")
    for quote in quotes:
        f = quote.fragment
        with st.container(border=True):
            if f is None:
                st.caption(f"Codering {quote.coding_id} bestaat niet meer.")
            else:
                st.markdown(f"“{md(f.text)}”")
                st.caption(
                    f"{md(f.organisation)}, p. {md(f.page_name)} · citeer met `[[{f.coding_id}]]`"
                    + (f" · {md(quote.note)}" if quote.note else "")
                )
            if writer and st.button("Verwijder", key=f"unquote-{quote.id}"):
                do(
                    lambda q=quote: summaries.unmark_key_quote(
                        db, reader, q.coding_id, code_id=code_id
                    )
                )


def render() -> None:
    db = database()
    reader = current_reader(db)
    flash()
    st.title("Samenvattingen per code")
    role = users.role(db, reader) if reader else None
    if role == "steering":
        st.info("Je bent lid van de stuurgroep: je leest de samenvattingen en reageert.")
    codes = analysis.codes(db)
    if not codes:
        st.info("Er is nog geen codeboek.")
        return
    written = {s.code_id: s for s in summaries.summaries(db)}
    with st.expander("Overzicht van alle codes", expanded=False):
        st.dataframe(
            [
                {
                    "groep": c.group,
                    "code": c.name,
                    "status": status_text(written.get(c.id)),
                    "opmerkingen": written[c.id].comments if c.id in written else 0,
                }
                for c in codes
            ],
            hide_index=True,
        )
    ids = [c.id for c in codes]
    by_id = {c.id: c for c in codes}
    wanted = st.session_state.get("analysis_code") or st.query_params.get("code")
    code_id = st.selectbox(
        "Code",
        ids,
        index=ids.index(wanted) if wanted in ids else 0,
        format_func=lambda i: f"{by_id[i].name} — {status_text(written.get(i))}",
    )
    st.session_state["analysis_code"] = code_id
    st.query_params["code"] = code_id
    item = written.get(code_id)
    text_col, side = st.columns([2, 1])
    with text_col:
        st.subheader(by_id[code_id].name)
        st.caption(md(by_id[code_id].definition))
        if users.can(db, reader, "write"):
            key = f"edit-{code_id}-{item.version if item else 0}"
            body = st.text_area(
                "Samenvatting (Markdown; citeer een fragment met [[id]])",
                value=item.body if item else "",
                height=320,
                key=key,
            )
            if st.button("Opslaan", type="primary"):
                do(
                    lambda: summaries.save_summary(
                        db, reader, code_id, body, expected_version=item.version if item else 0
                    ),
                    "Opgeslagen",
                )
            with st.expander("Voorbeeld"):
                show_text(db, body)
        elif item is not None:
            show_text(db, item.body)
        else:
            st.caption("Nog geen samenvatting.")
    with side:
        st.markdown(f"**Status:** {status_text(item)}")
        if item is not None:
            review_panel(db, reader, item, f"sum-{code_id}")
        _key_quotes(db, reader, code_id)
