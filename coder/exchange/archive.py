"""ZIP archives in and out: safe reading of files from other tools, byte-stable writing.

Reading never extracts to disk: entries are read into memory by name. An
archive whose entry names try to leave the archive (``../``, absolute paths,
drive letters) is refused whole, and so is any entry larger than the limit or
compressed suspiciously well, or an archive with too many entries or too many
bytes in all (zip bombs), before a byte of it is inflated.

Writing fixes every entry's timestamp and permissions, so the same content
gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from coder.errors import ExchangeError

MAX_ENTRY_BYTES = 512 * 1024 * 1024  # one source or project.qde
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024  # everything in the archive
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MB
MAX_ENTRIES = 100_000  # a project has one entry per source; a bomb can have millions
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can hold


def unsafe_name(name: str) -> bool:
    """Whether an entry name would leave the folder it is extracted into (zip-slip)."""
    if not name or "\x00" in name:
        return True
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return True
    return any(part == ".." for part in PurePosixPath(normalised).parts)


class SafeZip:
    """A ZIP opened for reading with the checks above; entries looked up case-insensitively."""

    def __init__(
        self,
        path: str | Path,
        *,
        max_entry: int = MAX_ENTRY_BYTES,
        max_total: int = MAX_TOTAL_BYTES,
    ) -> None:
        self.path = Path(path)
        self.max_entry = max_entry
        self.max_total = max_total
        self.inflated = 0  # bytes read so far: headers can lie about sizes
        source = self.path.name
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise ExchangeError(source, ["no such file"]) from exc
        except (zipfile.BadZipFile, OSError) as exc:
            raise ExchangeError(
                source, [f"not a ZIP archive or damaged ({exc}); a .qdpx is a ZIP file"]
            ) from exc
        problems = []
        total = 0
        entries = self.zip.infolist()
        if len(entries) > MAX_ENTRIES:
            self.zip.close()
            raise ExchangeError(
                source,
                [f"{len(entries):,} entries, more than the {MAX_ENTRIES:,} allowed (a zip bomb?)"],
            )
        for info in entries:
            if unsafe_name(info.filename):
                problems.append(
                    f"entry {info.filename!r} points outside the archive (path traversal);"
                    " refusing the whole file"
                )
            elif info.file_size > max_entry:
                problems.append(
                    f"entry {info.filename!r} is {info.file_size:,} bytes, more than the"
                    f" {max_entry:,} allowed"
                )
            elif (
                info.file_size > 1_000_000
                and info.compress_size
                and info.file_size / info.compress_size > MAX_RATIO
            ):
                problems.append(
                    f"entry {info.filename!r} inflates {info.file_size // info.compress_size}"
                    " times: refused as a possible zip bomb"
                )
            total += info.file_size
        if total > max_total:
            problems.append(
                f"the archive holds {total:,} bytes, more than the {max_total:,} allowed"
            )
        if problems:
            self.zip.close()
            raise ExchangeError(source, problems)
        self.names = {
            info.filename.replace("\\", "/").lower(): info
            for info in self.zip.infolist()
            if not info.is_dir()
        }

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip.close()

    def find(self, name: str) -> zipfile.ZipInfo | None:
        """The entry called ``name`` (folder and file name compared case-insensitively)."""
        return self.names.get(name.replace("\\", "/").lower())

    def roots(self, suffix: str) -> list[str]:
        """Entry names at the top level ending with ``suffix`` (case ignored)."""
        return sorted(
            info.filename
            for key, info in self.names.items()
            if "/" not in key.strip("/") and key.endswith(suffix.lower())
        )

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """The entry's bytes; never more than the limit, whatever its header claims."""
        try:
            with self.zip.open(info) as handle:
                data = handle.read(self.max_entry + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise ExchangeError(
                self.path.name, [f"entry {info.filename!r} is damaged ({exc})"]
            ) from exc
        if len(data) > self.max_entry:
            raise ExchangeError(
                self.path.name,
                [f"entry {info.filename!r} is larger than the {self.max_entry:,} bytes allowed"],
            )
        self.inflated += len(data)
        if self.inflated > self.max_total:
            raise ExchangeError(
                self.path.name,
                [f"the archive inflates to more than the {self.max_total:,} bytes allowed"],
            )
        return data


def write_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP (deflated) of ``(name, data)`` in the given order, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, whatever platform wrote it
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def restamp(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same ZIP with every entry's timestamp fixed (for files written by libraries).

    ``edit(name, data)`` may change an entry on the way, e.g. a time a library wrote.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    if edit is not None:
        entries = [(name, edit(name, content)) for name, content in entries]
    return write_zip(entries)
