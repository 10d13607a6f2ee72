"""Login for the app: the login form, the first-run page, the session cookie, logout.

:func:`gate` runs at the top of every script run (app.py). It finds the user of
this browser's session and stores their name as ``st.session_state["reader"]``
(what :func:`coder.ui.common.current_reader` returns), or shows the login form
(or, on a database without an admin, the form that creates one) and stops.

**How a login survives a reload.** Streamlit forgets ``st.session_state`` when
the browser reloads (a new websocket), so the session token is also kept in a
cookie, ``coder_sessie``: written once after login by a one-line script
(``Path=/; SameSite=Strict``, ``Secure`` on HTTPS, max age = the session's
absolute limit) and read on the next connection from ``st.context.cookies``.
The token is not in the URL (no leaking through history, logs or a shared
link) and the database holds only its SHA-256. The server decides: a token is
honoured only while :func:`coder.sessions.resolve` says its session is live
(not logged out, not idle for 8 hours, not older than 7 days, the user still
enabled), so a stolen or stale cookie dies with its session. The cookie cannot
be HttpOnly (Streamlit offers no way to set a cookie from the server); rendered
text is escaped everywhere (Markdown with raw HTML off), which is what keeps
scripts from reading it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils
import streamlit as st

from coder import sessions, users
from coder.errors import CoderError
from coder.ui.common import md

COOKIE = "coder_sessie"
_TOKEN = "session_token"
_WRITE_COOKIE = "write_session_cookie"


def _cookie_script(token: str, max_age: int) -> None:
    """Set (or, with max_age 0, clear) the session cookie in this browser."""
    value = json.dumps(f"{COOKIE}={token}; Path=/; Max-Age={max_age}; SameSite=Strict")
    st.html(
        "<script>document.cookie = "
        f"{value} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )


def _token() -> str | None:
    return st.session_state.get(_TOKEN) or st.context.cookies.get(COOKIE)


def gate(db: sqlite_utils.Database, pages: list[Any]) -> str:
    """The logged-in user; otherwise show the login (or first-run) page and stop the run.

    ``pages`` are the app's pages: registered (hidden) while the login form shows, so
    the page and query the browser asked for (a bookmark, a link) open after login.
    """
    token = _token()
    user = sessions.resolve(db, token)
    if user is None:
        st.navigation(pages, position="hidden")
        st.session_state.pop("reader", None)
        st.session_state.pop(_TOKEN, None)
        if st.session_state.get("logged_out"):
            _cookie_script("", 0)  # the session is over anyway; tidy the browser
        if users.needs_first_admin(db):
            _first_run(db)
        else:
            _login_form(db, expired=bool(token))
        st.stop()
    st.session_state[_TOKEN] = token
    st.session_state["reader"] = user
    return user


def _start(session: sessions.Session) -> None:
    st.session_state[_TOKEN] = session.token
    st.session_state[_WRITE_COOKIE] = True
    st.rerun()


def _login_form(db: sqlite_utils.Database, *, expired: bool) -> None:
    st.title("Inloggen")
    if expired and not st.session_state.get("logged_out"):
        st.info("Je sessie is verlopen of beëindigd: log opnieuw in.")
    with st.form("login"):
        name = st.text_input("Naam", autocomplete="username")
        password = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Inloggen", type="primary")
    if submitted:
        try:
            session = sessions.login(db, name, password)
        except sessions.LoginFailed as exc:
            st.error(_dutch(exc))
            return
        st.session_state.pop("logged_out", None)
        _start(session)
    st.caption(
        f"Na {sessions.LOCK_AFTER} mislukte pogingen wordt een naam {sessions.LOCK_MINUTES}"
        " minuten geblokkeerd. Een wachtwoord vergeten? Een beheerder zet een nieuw met"
        " `coder user passwd NAAM`."
    )


def _dutch(exc: sessions.LoginFailed) -> str:
    if exc.locked_until:
        return (
            "Te veel mislukte pogingen voor deze naam: probeer opnieuw na"
            f" {exc.locked_until_local}."
        )
    return "Naam of wachtwoord onjuist."


def _first_run(db: sqlite_utils.Database) -> None:
    st.title("Welkom bij coder")
    st.write(
        "Deze database heeft nog geen beheerder. Maak het eerste account aan: een beheerder"
        " beheert gebruikers, het codeboek en de pilots, en codeert zoals een onderzoeker."
    )
    with st.form("first-admin"):
        name = st.text_input("Naam", autocomplete="username")
        password = st.text_input("Wachtwoord", type="password", autocomplete="new-password")
        again = st.text_input("Herhaal het wachtwoord", type="password")
        submitted = st.form_submit_button("Beheerder aanmaken", type="primary")
    if not submitted:
        return
    if password != again:
        st.error("De twee wachtwoorden verschillen.")
        return
    try:
        users.add_user(db, None, name, "admin", password)
        session = sessions.login(db, name, password)
    except CoderError as exc:
        st.error(str(exc))
        return
    _start(session)


def account_box(db: sqlite_utils.Database, user: str) -> None:
    """In the sidebar: who is logged in, with which role, and the logout button.

    The cookie is written here, after a login, into a slot that every run has: an
    element that came and went would shift the page's elements and reset their state
    (an open expander would close on the next click).
    """
    role = users.role(db, user)
    with st.sidebar:
        with st.empty():
            if st.session_state.pop(_WRITE_COOKIE, False):
                _cookie_script(st.session_state[_TOKEN], int(sessions.MAX_AGE.total_seconds()))
        st.caption(f"Ingelogd als **{md(user)}** ({users.ROLE_LABELS.get(role, role)})")
        if st.button("Uitloggen", key="logout"):
            sessions.logout(db, st.session_state.get(_TOKEN))
            for key in (_TOKEN, "reader", _WRITE_COOKIE):
                st.session_state.pop(key, None)
            st.session_state["logged_out"] = True
            st.rerun()
