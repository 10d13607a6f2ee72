"""Ingest: plan PDFs into pages, segments and sentences (see ``pipeline``)."""

from coder.ingest.pipeline import FileResult, IngestReport, ingest_paths

__all__ = ["FileResult", "IngestReport", "ingest_paths"]
