"""Getting the coded corpus out and whole projects in and out.

* :mod:`tables` — one row per coding as CSV, XLSX, Parquet or JSONL
  (:func:`export_table`), with :class:`Filters` shared by every format;
* :mod:`refi_qda` — REFI-QDA project export (.qdpx, :func:`export_project`);
* :mod:`refi_import` — REFI-QDA project import (:func:`import_project`), read by
  :mod:`refi_read`, positions mapped by :mod:`positions`, codes merged by
  :mod:`codebook_merge`, texts stored by :mod:`plaintext`;
* :mod:`dump` — whole-database archives (:func:`dump`; :func:`coder.backup.restore`
  restores them);
* :mod:`archive` — safe ZIP reading and byte-stable ZIP writing.
"""

from coder.exchange.dump import DumpInfo, dump, read_manifest
from coder.exchange.refi_import import ImportReport, import_project
from coder.exchange.refi_qda import ProjectExport, export_project
from coder.exchange.selection import Filters, Selection, parse_condition, select
from coder.exchange.tables import COLUMNS, FORMATS, MIME, export_table

__all__ = [
    "COLUMNS",
    "FORMATS",
    "MIME",
    "DumpInfo",
    "Filters",
    "ImportReport",
    "ProjectExport",
    "Selection",
    "dump",
    "export_project",
    "export_table",
    "import_project",
    "parse_condition",
    "read_manifest",
    "select",
]
