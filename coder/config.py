"""Where things live: the database path and the default folders.

One function decides the database path so that the CLI, the app and the tests
agree: an explicit argument wins, then ``$CODER_DB``, then ``data/coder.db``.
"""

import os
from pathlib import Path

DEFAULT_DB = Path("data") / "coder.db"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database file to use (explicit > $CODER_DB > data/coder.db)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("CODER_DB")
    if env:
        return Path(env)
    return DEFAULT_DB
