"""Reports of the horizontal analysis: per code, and one for all codes.

``report(db, code_id, "html"|"docx"|"pdf")`` returns the file's bytes; the
content (summary, key figures and charts, key quotes with organisation and page,
coverage table, attribute tables, co-occurring codes, comments, method note) is
gathered once by :mod:`coder.reports.model`, laid out once as elements by
:mod:`coder.reports.outline`, and only formatted by the writers.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from coder.errors import NotFoundError
from coder.files import write_atomic
from coder.reports.model import (
    AllCodesReport,
    CodeReport,
    Reliability,
    code_reliability,
    gather,
    gather_all,
)

FORMATS = ("html", "docx", "pdf")
MEDIA_TYPES = {
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFoundError(f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return fmt


def render(report: CodeReport | AllCodesReport, fmt: str) -> bytes:
    """A gathered report as the bytes of an HTML, DOCX or PDF file."""
    from coder.reports import docx, html, outline, pdf

    writer = {"html": html, "docx": docx, "pdf": pdf}[_check(fmt)]
    result = writer.document(outline.elements(report), outline.title(report))
    return result.encode("utf-8") if isinstance(result, str) else result


def report(db: sqlite_utils.Database, code_id: str, fmt: str = "html") -> bytes:
    """The report of one code."""
    _check(fmt)
    return render(gather(db, [code_id])[0], fmt)


def all_codes(db: sqlite_utils.Database, fmt: str = "html") -> bytes:
    """One report with every code, and the cross-code findings."""
    _check(fmt)
    return render(gather_all(db), fmt)


def write_code_reports(
    db: sqlite_utils.Database, folder: str | Path, fmt: str = "html"
) -> list[Path]:
    """One file per code in ``folder`` (named after the code id); the corpus is read once."""
    _check(fmt)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in gather(db):
        path = folder / f"{item.code.id}.{fmt}"
        write_atomic(path, render(item, fmt))
        written.append(path)
    return written


def filename(code_id: str | None, fmt: str) -> str:
    """A download name: ``analyse-vrijwilligers.docx`` or ``analyse-alle-codes.pdf``."""
    return f"analyse-{code_id or 'alle-codes'}.{_check(fmt)}"


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "AllCodesReport",
    "CodeReport",
    "Reliability",
    "all_codes",
    "code_reliability",
    "filename",
    "gather",
    "gather_all",
    "render",
    "report",
    "write_code_reports",
]
