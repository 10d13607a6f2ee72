"""Logging in: passwords checked with lockout, and login sessions that expire.

:func:`login` checks a name and password and opens a session; the caller keeps
its token (the app in a cookie) and :func:`resolve` turns it back into the user
on every request, until :func:`logout`, the idle limit (8 hours without use) or
the absolute limit (7 days) ends it. Only the SHA-256 of a token is stored.

Failed logins are counted per name typed, existing or not: after
:data:`LOCK_AFTER` failures in a row the name is locked for
:data:`LOCK_MINUTES` minutes, and every refusal reads the same ("name or
password wrong", or "locked until ..."), so neither the message nor the time it
takes tells whether an account exists.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlite_utils

from coder import audit, passwords
from coder.errors import AccountError
from coder.store import transaction

LOCK_AFTER = 5
LOCK_MINUTES = 15
IDLE = timedelta(hours=8)
MAX_AGE = timedelta(days=7)
#: last_seen is written at most this often: a session is not a write per page view
TOUCH_EVERY = timedelta(minutes=1)
WRONG = "name or password wrong"


class LoginFailed(AccountError):
    """Wrong name or password, or a name locked after too many failures (``locked_until``,
    ISO 8601 UTC, is set then)."""

    def __init__(self, locked_until: str | None = None) -> None:
        self.locked_until = locked_until
        super().__init__(
            f"too many failed logins for this name: locked until {self.locked_until_local}"
            f" ({LOCK_MINUTES} minutes after the {LOCK_AFTER}th failure in a row)"
            if locked_until
            else WRONG
        )

    @property
    def locked_until_local(self) -> str:
        """The end of the lock as HH:MM in the server's local time."""
        if not self.locked_until:
            return ""
        return datetime.fromisoformat(self.locked_until).astimezone().strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class Session:
    token: str  # give to the browser; never stored
    user: str
    expires_at: str


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _locked_until(db: sqlite_utils.Database, name: str, moment: datetime) -> str | None:
    row = db.execute("SELECT locked_until FROM login_failures WHERE name = ?", [name]).fetchone()
    if row is None or row[0] is None or row[0] <= _stamp(moment):
        return None
    return row[0]


def _fail(db: sqlite_utils.Database, name: str, moment: datetime) -> LoginFailed:
    """Count a failure for ``name``; the refusal to raise (locked from the LOCK_AFTERth)."""
    with transaction(db):
        row = db.execute(
            "SELECT failures, locked_until FROM login_failures WHERE name = ?", [name]
        ).fetchone()
        # a lock that ran out starts a fresh count
        failures = 1 if row is None or (row[1] and row[1] <= _stamp(moment)) else row[0] + 1
        until = _stamp(moment + timedelta(minutes=LOCK_MINUTES)) if failures >= LOCK_AFTER else None
        db.execute(
            "INSERT INTO login_failures (name, failures, last_failure_at, locked_until)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET failures = excluded.failures,"
            " last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
            [name, failures, _stamp(moment), until],
        )
        if until and db["users"].count_where("name = ?", [name]):
            audit.record(db, name, "lock", "user", name, None, {"locked_until": until})
    return LoginFailed(until)


def authenticate(db: sqlite_utils.Database, name: str, password: str) -> str:
    """The user ``name`` if the password is right and the name not locked; else LoginFailed."""
    name = (name or "").strip()[:64] if isinstance(name, str) else ""
    moment = _now()
    until = _locked_until(db, name, moment)
    if until:
        passwords.dummy_verify(password)
        raise LoginFailed(until)
    row = db.execute(
        "SELECT password_hash, disabled_at FROM users WHERE name = ? AND NOT simulated", [name]
    ).fetchone()
    if row is None or row[0] is None:
        passwords.dummy_verify(password)
        raise _fail(db, name, moment)
    if not passwords.verify_password(password, row[0]) or row[1] is not None:
        raise _fail(db, name, moment)
    return name


def login(db: sqlite_utils.Database, name: str, password: str) -> Session:
    """Check the name and password and open a session (see :func:`authenticate`)."""
    user = authenticate(db, name, password)
    token = secrets.token_urlsafe(32)
    moment = _now()
    expires = _stamp(moment + MAX_AGE)
    with transaction(db):
        db.execute("DELETE FROM login_failures WHERE name = ?", [user])
        db["sessions"].insert(
            {
                "token_hash": _hash(token),
                "user_name": user,
                "created_at": _stamp(moment),
                "last_seen_at": _stamp(moment),
                "expires_at": expires,
            }
        )
        db.execute("UPDATE users SET last_login_at = ? WHERE name = ?", [_stamp(moment), user])
        audit.record(db, user, "login", "session", user)
    return Session(token, user, expires)


def resolve(db: sqlite_utils.Database, token: str | None) -> str | None:
    """The user of a live session, or None (unknown, ended, idle too long, too old, or
    the user disabled). A live session's idle clock restarts."""
    if not token or not isinstance(token, str) or len(token) > 200:
        return None
    row = db.execute(
        "SELECT s.user_name, s.last_seen_at, s.expires_at, s.ended_at, u.disabled_at"
        " FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ?",
        [_hash(token)],
    ).fetchone()
    if row is None:
        return None
    user, last_seen, expires, ended, disabled = row
    moment = _now()
    if ended or disabled or expires <= _stamp(moment):
        return None
    if datetime.fromisoformat(last_seen) + IDLE <= moment:
        return None
    if datetime.fromisoformat(last_seen) + TOUCH_EVERY <= moment:
        with transaction(db):
            db.execute(
                "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                [_stamp(moment), _hash(token)],
            )
    return user


def logout(db: sqlite_utils.Database, token: str | None) -> None:
    """End the session of this token (nothing happens for an unknown one)."""
    if not token:
        return
    with transaction(db):
        row = db.execute(
            "SELECT user_name FROM sessions WHERE token_hash = ? AND ended_at IS NULL",
            [_hash(token)],
        ).fetchone()
        if row is None:
            return
        db.execute(
            "UPDATE sessions SET ended_at = ? WHERE token_hash = ?", [audit.now(), _hash(token)]
        )
        audit.record(db, row[0], "logout", "session", row[0])
