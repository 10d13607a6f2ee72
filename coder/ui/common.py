"""What every page needs: the database of this session, the logged-in user and safe Markdown."""

from __future__ import annotations

import sqlite_utils
import streamlit as st

from coder import config, store
from coder.summaries import escape_markdown


def database() -> sqlite_utils.Database:
    """A connection per script run: cheap with SQLite, and never shared across threads."""
    return store.connect(config.db_path())


#: text from a plan or a memo, escaped so Markdown and HTML in it are shown, not interpreted
md = escape_markdown


def open_plan(document_id: int, page: int, focus: int | None = None) -> None:
    """Remember which plan, page and place the workspace shows next."""
    st.session_state["document_id"] = document_id
    show_page(page, focus)


def show_page(page: int, focus: int | None = None, selected: int | None = None) -> None:
    """Go to a page of the plan shown (to ``focus``, an offset, with coding ``selected``
    open). Each call is a new visit: a text selection made before it no longer counts."""
    st.session_state["page"] = page
    st.session_state["visit"] = st.session_state.get("visit", 0) + 1
    st.session_state["focus"] = focus
    st.session_state["selected_coding"] = selected


def current_reader(db: sqlite_utils.Database) -> str | None:
    """Who is logged in: the user whose session app.py's login gate checked on this run
    (None when a page runs without the gate, as in a test that sets no reader).

    Every action in the app is done as this user, through the service layer, which
    checks their role again. ``db`` is not needed for that any more (the gate used
    it); pages pass it as they did when the reader was chosen here.
    """
    return st.session_state.get("reader")
