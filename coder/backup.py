"""Backups while people work, and restoring one (or a dump) without ever half-writing.

``backup`` copies the live database with SQLite's online backup API: one read
transaction, so in WAL mode writers go on while it runs and the copy is the
database as it was at one moment (never a file copy, which could catch a
commit half-way or miss what is still in the WAL). The copy is checked with
``PRAGMA integrity_check`` before it is moved into place under its final name,
so a file called like a backup is always a whole, sound database.

``restore`` takes either such a backup (an SQLite file) or a ``coder dump``
archive (.zip) and tells them apart by their first bytes. Whatever the kind, the
new database is built in a temporary file beside the target, checked (integrity,
schema version, forward migrations) and only then moved over the target with
one atomic rename; a crash or a refusal at any point leaves the old database as
it was. A database that already holds work is only replaced with ``force``.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from coder import store
from coder.errors import ExchangeError

SQLITE_HEADER = b"SQLite format 3\x00"
#: tables whose rows are somebody's work: a database holding any is never
#: replaced without ``force`` (an empty, freshly created database may be)
WORK_TABLES = ("documents", "codes", "codings", "users", "actions", "summaries")


@dataclass
class BackupInfo:
    """What ``backup`` wrote."""

    path: str
    bytes: int
    schema_version: int
    created_at: str
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RestoreInfo:
    """What ``restore`` put in place, and from what kind of file."""

    source: str
    target: str
    kind: str  # "backup" (an SQLite file) or "dump" (a coder dump .zip)
    schema_version: int  # as in the file; the restored database is migrated forward
    created_at: str
    bytes: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def snapshot(db: sqlite_utils.Database, path: Path) -> int:
    """Copy ``db`` into a new file at ``path`` in one step; its schema version.

    All pages are copied in one step (``pages=-1``), i.e. inside one read
    transaction: a step-wise copy would restart whenever another process
    commits, and under steady writing might never finish. The copy leaves WAL
    mode so it is one self-contained file.
    """
    copy = sqlite3.connect(path)
    try:
        db.conn.backup(copy, pages=-1)
        copy.execute("PRAGMA journal_mode=DELETE")
        return copy.execute("PRAGMA user_version").fetchone()[0]
    finally:
        copy.close()


def backup(db: sqlite_utils.Database, target: str | Path) -> BackupInfo:
    """Write a checked copy of the live database ``db`` to ``target`` (replacing it)."""
    target = Path(target)
    begun = time.perf_counter()
    live = db.execute("PRAGMA database_list").fetchone()[2]
    if live and target.resolve() == Path(live).resolve():
        raise ExchangeError(str(target), ["that is the database itself: back up to another file"])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".backup-partial")
    except OSError as exc:
        raise ExchangeError(str(target), [f"cannot write there ({exc.strerror})"]) from exc
    os.close(handle)
    partial = Path(temporary)
    try:
        partial.unlink()  # sqlite3 makes the file itself
        version = snapshot(db, partial)
        verdict = _integrity(partial)
        if verdict != "ok":
            raise ExchangeError(
                str(target), [f"the copy fails SQLite's integrity check ({verdict}); not kept"]
            )
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise ExchangeError(str(target), [f"the backup failed ({exc}); nothing written"]) from exc
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    return BackupInfo(
        path=str(target),
        bytes=target.stat().st_size,
        schema_version=version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(time.perf_counter() - begun, 2),
    )


def kind_of(source: Path) -> str:
    """``"backup"`` for an SQLite file, ``"dump"`` for a ZIP; anything else is refused."""
    try:
        with source.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError as exc:
        raise ExchangeError(source.name, ["no such file"]) from exc
    except OSError as exc:
        raise ExchangeError(source.name, [f"cannot read it ({exc.strerror})"]) from exc
    if head == SQLITE_HEADER:
        return "backup"
    if zipfile.is_zipfile(source):
        return "dump"
    raise ExchangeError(
        source.name,
        ["neither a backup (`coder backup`, an SQLite file) nor a dump (`coder dump`, a .zip)"],
    )


def holds_work(path: Path) -> bool:
    """Whether the database at ``path`` has rows in any of :data:`WORK_TABLES`.

    A file that is not a readable database counts as holding work: it is not
    ours to throw away without ``force``.
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        conn = _open(path, read_only=True)
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            return any(
                conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
                for table in WORK_TABLES
                if table in tables
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True


def restore(source: str | Path, target: str | Path, *, force: bool = False) -> RestoreInfo:
    """Make ``target`` the database in ``source`` (a backup or a dump); see the module docstring."""
    from coder.exchange.dump import extract  # dumps build on snapshot() above

    source, target = Path(source), Path(target)
    kind = kind_of(source)
    if holds_work(target) and not force:
        raise ExchangeError(
            str(target),
            ["a database with data is already there; stop the app, then restore with --force"],
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".restoring")
    except OSError as exc:
        raise ExchangeError(str(target), [f"cannot write there ({exc.strerror})"]) from exc
    os.close(handle)
    partial = Path(temporary)
    try:
        if kind == "dump":
            manifest = extract(source, partial)
            version, created_at = manifest.schema_version, manifest.created_at
        else:
            version = _copy_backup(source, partial)
            stamp = source.stat().st_mtime
            created_at = datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds")
        size = partial.stat().st_size
        _check(partial, source.name)
        _retire_wal(target)
        os.replace(partial, target)
    except OSError as exc:
        raise ExchangeError(str(target), [f"cannot restore there ({exc})"]) from exc
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return RestoreInfo(
        source=str(source),
        target=str(target),
        kind=kind,
        schema_version=version,
        created_at=created_at,
        bytes=size,
    )


def _copy_backup(source: Path, partial: Path) -> int:
    """Copy a backup file into ``partial`` through SQLite (read-only; its WAL, if any, counts)."""
    try:
        conn = _open(source, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            copy = sqlite3.connect(partial)
            try:
                conn.backup(copy, pages=-1)
            finally:
                copy.close()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ExchangeError(source.name, [f"not a readable SQLite database ({exc})"]) from exc
    return version


def _open(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain connection whose text never fails to decode: a damaged file's names and
    integrity messages can hold any bytes, and must become a message, not a traceback."""
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


def _integrity(path: Path) -> str:
    conn = _open(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _check(partial: Path, name: str) -> None:
    """SQLite's integrity check, the schema version, then the forward migrations."""
    try:
        verdict = _integrity(partial)
        conn = _open(partial)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ExchangeError(name, [f"not an SQLite database ({exc})"]) from exc
    if verdict != "ok":
        raise ExchangeError(name, [f"fails SQLite's integrity check: {verdict}"])
    if version > store.SCHEMA_VERSION:
        raise ExchangeError(
            name,
            [
                f"schema version {version} is newer than this coder ({store.SCHEMA_VERSION});"
                " upgrade coder first"
            ],
        )
    if version == 0 or "codings" not in tables:
        raise ExchangeError(name, ["not a coder database (no coder schema in it)"])
    db = store.connect(partial)  # migrates an older schema forward, in its own transactions
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    finally:
        db.close()


def _retire_wal(target: Path) -> None:
    """Fold the old database's WAL into it, then remove the WAL and its index.

    A WAL left beside the restored file would be replayed onto it by the next
    connection; checkpointing first means removing it loses nothing of the old
    file should the final move fail.
    """
    if target.exists():
        try:
            conn = sqlite3.connect(target)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # a damaged old database is being replaced anyway
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
