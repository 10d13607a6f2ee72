"""Users for tests: registered with a role and no password (tests act as them directly;
nobody logs in as them). Login itself is tested with real passwords in test_accounts."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from coder import coding, store


def make_users(
    target: sqlite_utils.Database | Path, *names: str, role: str = "admin"
) -> tuple[str, ...]:
    """Register ``names`` with ``role`` in a database (or the database file at a path)."""
    db = store.connect(target) if isinstance(target, Path) else target
    try:
        for name in names:
            coding.ensure_user(db, name)
            with store.transaction(db):
                db.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])
    finally:
        if isinstance(target, Path):
            db.close()
    return names
