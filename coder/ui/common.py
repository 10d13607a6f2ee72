"""What every page needs: the database of this session and safe Markdown."""

from __future__ import annotations

import re

import sqlite_utils
import streamlit as st

from coder import config, store

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def database() -> sqlite_utils.Database:
    """A connection per script run: cheap with SQLite, and never shared across threads."""
    return store.connect(config.db_path())


def md(text: str) -> str:
    """Escape text from a plan so Markdown and HTML in it are shown, not interpreted."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def open_plan(document_id: int, page: int) -> None:
    """Remember which plan and page the reader shows next, and switch to it."""
    st.session_state["document_id"] = document_id
    st.session_state["page"] = page
