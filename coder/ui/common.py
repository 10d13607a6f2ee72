"""What every page needs: the database of this session and safe Markdown."""

from __future__ import annotations

import re

import sqlite_utils
import streamlit as st

from coder import coding, config, store
from coder.errors import CoderError

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def database() -> sqlite_utils.Database:
    """A connection per script run: cheap with SQLite, and never shared across threads."""
    return store.connect(config.db_path())


def md(text: str) -> str:
    """Escape text from a plan so Markdown and HTML in it are shown, not interpreted."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def open_plan(document_id: int, page: int, focus: int | None = None) -> None:
    """Remember which plan, page and place the workspace shows next."""
    st.session_state["document_id"] = document_id
    st.session_state["page"] = page
    st.session_state["focus"] = focus
    st.session_state["selected_coding"] = None


def current_reader(db: sqlite_utils.Database) -> str | None:
    """Who is reading: chosen in the sidebar (the multi-user issue replaces this by login).

    Every action in the app is done as this reader, through the service layer.
    """
    with st.sidebar:
        names = coding.users(db)
        # the reader is kept in the URL too, so a reload or a bookmark keeps who you are
        current = st.session_state.get("reader") or st.query_params.get("lezer")
        choice = st.selectbox(
            "Lezer",
            names,
            index=names.index(current) if current in names else None,
            placeholder="kies wie je bent",
        )
        with st.popover("Nieuwe lezer"):
            new = st.text_input("Naam", key="new-reader")
            if st.button("Toevoegen") and new:
                try:
                    choice = coding.ensure_user(db, new)
                except CoderError as exc:
                    st.error(str(exc))
                else:
                    st.session_state["reader"] = choice
                    st.rerun()
    st.session_state["reader"] = choice
    if choice:
        st.query_params["lezer"] = choice
    return choice
