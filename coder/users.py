"""Users, roles and what each role may do: the one place permissions are decided.

Three roles: ``admin`` (manages users, the codebook and pilots, and does all a
researcher does), ``researcher`` (codes, writes summaries and findings, exports)
and ``steering`` (the steering group: reads summaries, findings and reports and
comments on them; no coding, and no raw exports unless granted ``export``).
Every service verb that changes something calls :func:`require` with its acting
user before it writes, so the CLI, the app and any script meet the same rule;
the app hides what a role may not do only as a courtesy.

Every change to a user (added, role, password, disabled, grants) is written to
the audit trail; a password change is logged without the hash.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils

from coder import audit, passwords
from coder.errors import AccountError, PermissionDenied
from coder.store import transaction

ROLES = ("admin", "researcher", "steering")
ROLE_LABELS = {"admin": "beheerder", "researcher": "onderzoeker", "steering": "stuurgroep"}
#: the app itself, in the logs (the default codebook loaded at start-up); never a user
SYSTEM = "coder"
#: who may do what; a grant (``user_grants``) adds a permission to one user
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "code": ("admin", "researcher"),  # codings: code, edit, delete, undo, code all hits
    "write": ("admin", "researcher"),  # summaries, findings, key quotes, review status
    "comment": ROLES,  # comments on summaries and findings
    "export": ("admin", "researcher"),  # raw exports of the codings (tables, .qdpx)
    "adjudicate": ("admin", "researcher"),  # record a pilot's consensus
    "codebook": ("admin",),  # every codebook change
    "pilot": ("admin",),  # create, simulate and close pilots
    "import": ("admin",),  # REFI-QDA project import (codebook, codings of others)
    "users": ("admin",),  # add, disable, passwords, roles, grants
}
GRANTABLE = ("export",)
#: what a permission is, in the words of a refusal ("... they do not <what>")
_DOING = {
    "code": "code",
    "write": "write summaries or findings",
    "comment": "comment",
    "export": "export the raw codings",
    "adjudicate": "adjudicate pilots",
    "codebook": "change the codebook",
    "pilot": "manage pilots",
    "import": "import projects",
    "users": "manage users",
}
_NAME = re.compile(r"^[\w][\w .@'-]{0,63}$", re.UNICODE)


@dataclass(slots=True)
class User:
    name: str
    role: str
    created_at: str
    disabled_at: str | None
    simulated: bool
    has_password: bool
    last_login_at: str | None
    grants: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.disabled_at is None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# names and lookups ----------------------------------------------------------------
def check_name(name: str) -> str:
    """A user name as stored: stripped, 1-64 letters, digits, spaces or . @ ' -."""
    name = (name or "").strip() if isinstance(name, str) else ""
    if not _NAME.match(name):
        raise AccountError(
            f"user name {name!r} is not valid: 1-64 letters, digits, spaces or . @ ' -"
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def _row(db: sqlite_utils.Database, name: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM users WHERE name = ?", [name]))
    return rows[0] if rows else None


def _existing(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    row = _row(db, name)
    if row is None:
        raise AccountError(f"no user named {name!r} (coder user list shows them)")
    return row


def grants(db: sqlite_utils.Database, name: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT permission FROM user_grants WHERE user_name = ? ORDER BY permission", [name]
        )
    ]


def get(db: sqlite_utils.Database, name: str) -> User:
    row = _existing(db, name)
    return User(
        name=row["name"],
        role=row["role"],
        created_at=row["created_at"],
        disabled_at=row["disabled_at"],
        simulated=bool(row["simulated"]),
        has_password=row["password_hash"] is not None,
        last_login_at=row["last_login_at"],
        grants=grants(db, row["name"]),
    )


def list_users(db: sqlite_utils.Database, *, include_simulated: bool = False) -> list[User]:
    """Every user by name (simulated pilot coders only when asked)."""
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM users" + ("" if include_simulated else " WHERE NOT simulated")
        )
    ]
    return [get(db, name) for name in sorted(names, key=str.casefold)]


# roles and permissions ------------------------------------------------------------
def role(db: sqlite_utils.Database, actor: str) -> str:
    """The role of a registered, enabled user; PermissionDenied for anyone else."""
    row = db.execute("SELECT role, disabled_at FROM users WHERE name = ?", [actor]).fetchone()
    if row is None:
        raise PermissionDenied(
            f"unknown user {actor!r}: an admin adds users with: coder user add NAME --role ROLE"
        )
    if row[1] is not None:
        raise PermissionDenied(f"user {actor!r} is disabled")
    return row[0] if row[0] in ROLES else "researcher"


def can(db: sqlite_utils.Database, actor: str | None, permission: str) -> bool:
    """Whether ``actor`` may do ``permission`` (for showing or hiding controls)."""
    if not actor:
        return False
    try:
        require(db, actor, permission)
    except PermissionDenied:
        return False
    return True


def require(db: sqlite_utils.Database, actor: str, permission: str) -> str:
    """Refuse with PermissionDenied unless ``actor`` may do ``permission``; their role.

    Call inside the transaction of the change it guards.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    who = role(db, actor)
    if who in PERMISSIONS[permission]:
        return who
    if permission in GRANTABLE and permission in grants(db, actor):
        return who
    doing = _DOING[permission]
    if who == "steering":
        extra = f" unless an admin grants it (coder user grant {actor} export)" * (
            permission in GRANTABLE
        )
        raise PermissionDenied(
            f"{actor!r} is in the steering group: steering group members read and comment;"
            f" they do not {doing}{extra}"
        )
    raise PermissionDenied(f"{actor!r} is a {who}: only an admin may {doing}")


# first run --------------------------------------------------------------------------
def needs_first_admin(db: sqlite_utils.Database) -> bool:
    """True while no enabled admin can log in: then the first admin may be created
    without one (``coder user add NAME --role admin``, or the app's first-run page)."""
    row = db.execute(
        "SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL"
        " AND password_hash IS NOT NULL LIMIT 1"
    ).fetchone()
    return row is None


def _last_admin(db: sqlite_utils.Database, name: str) -> bool:
    others = db.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND name != ?",
        [name],
    ).fetchone()[0]
    return others == 0


def _snapshot(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    """A user as the audit trail shows it: never the password hash."""
    user = get(db, name)
    return {
        "name": user.name,
        "role": user.role,
        "disabled_at": user.disabled_at,
        "has_password": user.has_password,
        "grants": user.grants,
    }


# changing users ---------------------------------------------------------------------
def ensure_user(db: sqlite_utils.Database, name: str, *, actor: str | None = None) -> str:
    """Register a coder by name, without a password (so they cannot log in yet).

    For names that come with data rather than with a person at the keyboard:
    coders of an imported project, a pilot's coders, simulated coders, and test
    and benchmark fixtures. Registered as a researcher; an admin gives them a
    password (``coder user passwd``) when they are to log in.
    """
    name = check_name(name)
    if name == SYSTEM:
        raise AccountError(f"{SYSTEM!r} is reserved for the app itself; choose another name")
    with transaction(db):
        added = db.execute(
            "INSERT OR IGNORE INTO users (name, created_at) VALUES (?, ?)", [name, audit.now()]
        ).rowcount
        if added:
            audit.record(db, actor or name, "register", "user", name, None, _snapshot(db, name))
    return name


def add_user(
    db: sqlite_utils.Database,
    actor: str | None,
    name: str,
    role: str = "researcher",
    password: str | None = None,
) -> User:
    """Add a user with a role (and a password, so they can log in).

    Needs an admin ``actor``, except for the first admin of a database
    (:func:`needs_first_admin`), who is then their own actor. A name registered
    earlier without a password (a pilot's or an imported coder) becomes an
    account in place, keeping their codings.
    """
    name = check_name(name)
    _check_role(role)
    if name == SYSTEM:
        raise AccountError(f"{SYSTEM!r} is reserved for the app itself; choose another name")
    hashed = passwords.hash_password(password) if password is not None else None
    with transaction(db):
        first = needs_first_admin(db)
        if first and role == "admin" and hashed is not None:
            actor = name  # the first admin adds themselves
        elif first:
            raise AccountError(
                "there is no admin yet: add the first one, with a password, with:"
                " coder user add NAME --role admin"
            )
        elif actor is None:
            raise PermissionDenied("who adds this user is missing: act as an admin (--as)")
        else:
            require(db, actor, "users")
        existing = _row(db, name)
        if existing is not None and (existing["password_hash"] or existing["simulated"]):
            raise AccountError(f"a user named {name!r} exists already")
        before = _snapshot(db, name) if existing else None
        stamp = audit.now()
        if existing is None:
            db["users"].insert({"name": name, "role": role, "created_at": stamp})
        else:
            db.execute("UPDATE users SET role = ?, disabled_at = NULL WHERE name = ?", [role, name])
        if hashed is not None:
            db.execute(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
                [hashed, stamp, name],
            )
        audit.record(db, actor, "add", "user", name, before, _snapshot(db, name))
    return get(db, name)


def set_password(db: sqlite_utils.Database, actor: str, name: str, password: str) -> None:
    """Set a user's password (one's own, or anyone's as admin); their sessions end."""
    hashed = passwords.hash_password(password)
    with transaction(db):
        if actor != name:
            require(db, actor, "users")
        else:
            role(db, actor)
        _existing(db, name)
        db.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
            [hashed, audit.now(), name],
        )
        end_sessions(db, name)
        db.execute("DELETE FROM login_failures WHERE name = ?", [name])
        audit.record(db, actor, "password", "user", name, label=f"password changed for {name}")


def set_role(db: sqlite_utils.Database, actor: str, name: str, new_role: str) -> User:
    """Give a user another role (never the last admin's away)."""
    _check_role(new_role)
    with transaction(db):
        require(db, actor, "users")
        row = _existing(db, name)
        if row["role"] == new_role:
            return get(db, name)
        if row["role"] == "admin" and _last_admin(db, name):
            raise AccountError(f"{name!r} is the last admin: make another admin first")
        before = _snapshot(db, name)
        db.execute("UPDATE users SET role = ? WHERE name = ?", [new_role, name])
        audit.record(db, actor, "role", "user", name, before, _snapshot(db, name))
    return get(db, name)


def disable(db: sqlite_utils.Database, actor: str, name: str) -> User:
    """Disable a user: they can no longer log in or act, their sessions end; their work
    stays (a user is never deleted: codings and the audit trail name them)."""
    with transaction(db):
        require(db, actor, "users")
        row = _existing(db, name)
        if row["disabled_at"] is not None:
            return get(db, name)
        if row["role"] == "admin" and _last_admin(db, name):
            raise AccountError(f"{name!r} is the last admin and cannot be disabled")
        before = _snapshot(db, name)
        db.execute("UPDATE users SET disabled_at = ? WHERE name = ?", [audit.now(), name])
        end_sessions(db, name)
        audit.record(db, actor, "disable", "user", name, before, _snapshot(db, name))
    return get(db, name)


def enable(db: sqlite_utils.Database, actor: str, name: str) -> User:
    """Enable a disabled user again."""
    with transaction(db):
        require(db, actor, "users")
        row = _existing(db, name)
        if row["disabled_at"] is None:
            return get(db, name)
        before = _snapshot(db, name)
        db.execute("UPDATE users SET disabled_at = NULL WHERE name = ?", [name])
        audit.record(db, actor, "enable", "user", name, before, _snapshot(db, name))
    return get(db, name)


def grant(db: sqlite_utils.Database, actor: str, name: str, permission: str) -> User:
    """Give one user a permission their role lacks (``export`` for a steering member)."""
    if permission not in GRANTABLE:
        raise AccountError(
            f"permission {permission!r} cannot be granted; grantable: {', '.join(GRANTABLE)}"
        )
    with transaction(db):
        require(db, actor, "users")
        _existing(db, name)
        before = _snapshot(db, name)
        added = db.execute(
            "INSERT OR IGNORE INTO user_grants (user_name, permission, granted_by, granted_at)"
            " VALUES (?, ?, ?, ?)",
            [name, permission, actor, audit.now()],
        ).rowcount
        if added:
            audit.record(db, actor, "grant", "user", name, before, _snapshot(db, name))
    return get(db, name)


def revoke(db: sqlite_utils.Database, actor: str, name: str, permission: str) -> User:
    """Take a granted permission back."""
    with transaction(db):
        require(db, actor, "users")
        _existing(db, name)
        before = _snapshot(db, name)
        removed = db.execute(
            "DELETE FROM user_grants WHERE user_name = ? AND permission = ?", [name, permission]
        ).rowcount
        if removed:
            audit.record(db, actor, "revoke", "user", name, before, _snapshot(db, name))
    return get(db, name)


def end_sessions(db: sqlite_utils.Database, name: str) -> None:
    """End every open login session of a user (disabled, or a new password)."""
    db.execute(
        "UPDATE sessions SET ended_at = ? WHERE user_name = ? AND ended_at IS NULL",
        [audit.now(), name],
    )
