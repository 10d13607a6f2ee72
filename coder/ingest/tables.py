"""Ruled tables, found by pdfplumber on the pages that have ruling lines.

pdfplumber's table finder is the best we have for tables (budget and staff
tables in the zakelijk deel), but parsing a page with it costs ~50x PDFium. So
it only runs on pages where PDFium saw enough vector paths to draw a grid;
all other pages never touch pdfminer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from coder.ingest.textclean import clean_text

#: Fewer path objects than this cannot draw a table with 2 rows and 2 columns.
MIN_PATHS_FOR_TABLE = 4


@dataclass(slots=True)
class Table:
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]


def find_tables(path: Path, page_numbers: list[int]) -> dict[int, list[Table]]:
    """Tables with at least two rows and two columns, per 1-based page number."""
    found: dict[int, list[Table]] = {}
    if not page_numbers:
        return found
    with pdfplumber.open(str(path), pages=page_numbers, password="") as pdf:
        for page in pdf.pages:
            try:
                for table in page.find_tables():
                    rows = [
                        [clean_text(cell or "").replace("\n", " ").strip() for cell in row]
                        for row in table.extract()
                    ]
                    rows = [row for row in rows if any(row)]
                    if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                        found.setdefault(page.page_number, []).append(
                            Table(page=page.page_number, bbox=tuple(table.bbox), rows=rows)
                        )
            finally:
                page.close()
    return found


def table_text(rows: list[list[str]]) -> str:
    """The table as text: one line per row, cells separated by ' | '."""
    return "\n".join(" | ".join(cell for cell in row) for row in rows)
