"""The `coder` command: a thin skin over the library.

Each command parses its arguments, calls one library function and formats
the result (a table, or JSON with ``--json``). Library errors become one-line
messages and exit code 1; nothing here knows SQL. One module per command group;
importing them registers their commands on :data:`main`.
"""

from coder.cli import (  # noqa: F401  (registers)
    analysis,
    audit,
    backup,
    codebook,
    corpus,
    exchange,
    pilot,
    suggest,
    users,
)
from coder.cli.base import main

__all__ = ["main"]
