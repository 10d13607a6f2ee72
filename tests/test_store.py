"""The store's unit of work under contention."""

from pathlib import Path

import pytest

from coder import store
from coder.errors import StoreError


def test_a_database_kept_busy_gives_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    """When another writer holds the lock past the busy timeout, the unit of work is
    refused with a StoreError naming the file (no raw sqlite error), nothing half-done."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "busy.db"
    holder, waiter = store.connect(path), store.connect(path)
    holder.conn.execute("BEGIN IMMEDIATE")
    try:
        busy = pytest.raises(StoreError, match=r"busy\.db: the database stayed busy")
        with busy, store.transaction(waiter):
            waiter.execute("INSERT INTO organisations (name) VALUES ('x')")
    finally:
        holder.conn.execute("ROLLBACK")
