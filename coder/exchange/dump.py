"""Portable whole-database archives: ``coder dump`` (``coder restore`` reads them back).

A dump is a ZIP with ``manifest.json`` (format, schema version, coder version,
when, row counts per table, size and sha256 of the database) and ``coder.db``,
a consistent snapshot made with SQLite's online backup API
(:func:`coder.backup.snapshot`), so a dump can be taken while the app is in use.
:func:`extract` checks the archive (names, sizes, checksum, schema version)
while writing its database out; :func:`coder.backup.restore` does the rest
(integrity check, migrations, the atomic move into place).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from coder import backup, store
from coder.errors import ExchangeError
from coder.exchange.archive import SafeZip
from coder.exchange.refi_qda import origin

FORMAT = "coder-dump/1"
DB_NAME = "coder.db"
MANIFEST = "manifest.json"
MAX_DUMP_BYTES = 64 * 1024**3  # a database larger than this is not a coder database


@dataclass
class DumpInfo:
    """What a dump holds (its manifest)."""

    path: str
    schema_version: int
    created_at: str
    coder: str
    counts: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%_fts%' ORDER BY name"
        )
    ]
    return {
        table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dump(db: sqlite_utils.Database, target: str | Path) -> DumpInfo:
    """Write a dump of ``db`` to ``target`` (a .zip); see the module docstring."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as folder:
        snapshot = Path(folder) / DB_NAME
        version = backup.snapshot(db, snapshot)
        copy = sqlite3.connect(snapshot)
        try:
            counts = _counts(copy)
        finally:
            copy.close()
        info = DumpInfo(
            path=str(target),
            schema_version=version,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            coder=origin(),
            counts=counts,
            bytes=snapshot.stat().st_size,
            sha256=_sha256(snapshot),
        )
        manifest = {"format": FORMAT, **info.as_dict()}
        del manifest["path"]
        partial = Path(folder) / "dump.zip"
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
            archive.write(snapshot, DB_NAME)
        os.replace(partial, target)
    return info


def read_manifest(path: str | Path) -> DumpInfo:
    """The manifest of a dump, checked (format and fields), without restoring it."""
    with SafeZip(path, max_entry=MAX_DUMP_BYTES, max_total=MAX_DUMP_BYTES) as archive:
        return _manifest(archive)


def _manifest(archive: SafeZip) -> DumpInfo:
    name = archive.path.name
    entry = archive.find(MANIFEST)
    if entry is None or archive.find(DB_NAME) is None:
        raise ExchangeError(name, [f"not a coder dump: it needs {MANIFEST} and {DB_NAME}"])
    try:
        data = json.loads(archive.read(entry))
        if data.get("format") != FORMAT:
            raise ExchangeError(name, [f"dump format {data.get('format')!r}, expected {FORMAT}"])
        return DumpInfo(
            path=str(archive.path),
            schema_version=int(data["schema_version"]),
            created_at=str(data["created_at"]),
            coder=str(data.get("coder", "")),
            counts={str(k): int(v) for k, v in data.get("counts", {}).items()},
            bytes=int(data["bytes"]),
            sha256=str(data["sha256"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExchangeError(name, [f"{MANIFEST} is damaged ({exc})"]) from exc


def extract(source: str | Path, partial: Path) -> DumpInfo:
    """Write the dump's database into ``partial``, checked against its manifest.

    Used by :func:`coder.backup.restore`, which checks and migrates the file and
    moves it into place. A dump made by a newer coder is refused from its
    manifest, before a byte is extracted.
    """
    name = Path(source).name
    with SafeZip(source, max_entry=MAX_DUMP_BYTES, max_total=MAX_DUMP_BYTES) as archive:
        info = _manifest(archive)
        if info.schema_version > store.SCHEMA_VERSION:
            raise ExchangeError(
                name,
                [
                    f"the dump has schema version {info.schema_version}, newer than this coder"
                    f" ({store.SCHEMA_VERSION}); upgrade coder first"
                ],
            )
        _extract(archive, info, partial)
    return info


def _extract(archive: SafeZip, info: DumpInfo, partial: Path) -> None:
    """Copy coder.db out, never more bytes than the manifest says, checking the sha256."""
    entry = archive.find(DB_NAME)
    assert entry is not None
    name = archive.path.name
    if entry.file_size != info.bytes:
        raise ExchangeError(
            name, [f"{DB_NAME} is {entry.file_size} bytes, the manifest says {info.bytes}"]
        )
    digest = hashlib.sha256()
    written = 0
    try:
        with archive.zip.open(entry) as data, partial.open("wb") as out:
            for block in iter(lambda: data.read(1 << 20), b""):
                written += len(block)
                if written > info.bytes:
                    raise ExchangeError(name, [f"{DB_NAME} is larger than the manifest says"])
                digest.update(block)
                out.write(block)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise ExchangeError(name, [f"{DB_NAME} is damaged ({exc})"]) from exc
    if digest.hexdigest() != info.sha256:
        raise ExchangeError(name, [f"{DB_NAME} does not match its checksum: the dump is damaged"])
