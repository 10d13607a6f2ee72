"""Writing output files so that a crash never leaves half of one under its final name.

Exports, reports and codebooks are written to a temporary file in the same
folder, flushed to disk, and renamed over the target in one step (``os.replace``
is atomic on one file system). A process killed half-way leaves at most a
``.partial`` file beside the target, never a truncated file that looks finished.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from coder.errors import CoderError


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all at once (see the module docstring); the path."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as exc:
        raise CoderError(f"{path}: cannot write there ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CoderError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path
