"""The two data files next to the PDFs: ``organisations.csv`` and ``ground_truth.jsonl``.

Why here and nowhere else: the column order and the record shape are a contract with the
ingest and analysis code (and with users who open the CSV in a spreadsheet), so they are
written in exactly one place.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from coder.ingest.manifest import COLUMNS
from coder.ingest.manifest import MANIFEST_NAME as MANIFEST_NAME
from coder.sample.blocks import PlanDocument
from coder.sample.organisations import Organisation

GROUND_TRUTH_NAME = "ground_truth.jsonl"
#: the ingest's manifest columns: the one definition of the contract
MANIFEST_COLUMNS: tuple[str, ...] = COLUMNS


def manifest_row(org: Organisation) -> dict[str, str]:
    """One CSV row; numbers without thousands separators, FTE with one decimal and a dot."""
    return {
        "name": org.name,
        "file": org.file,
        "legal_form": org.legal_form,
        "org_type": org.org_type,
        "functions": ";".join(org.functions),
        "subsidy": str(org.subsidy),
        "fte": f"{org.fte:.1f}",
        "region": org.region,
        "branches": str(org.branches),
        "new_entrant": "ja" if org.new_entrant else "nee",
        "doc_type": org.doc_type,
        "period": org.period,
    }


def write_manifest(path: Path, orgs: Iterable[Organisation]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for org in orgs:
            writer.writerow(manifest_row(org))
    return path


def ground_truth_records(
    doc: PlanDocument, placed: dict[int, tuple[int, int]]
) -> list[dict[str, object]]:
    """Records for one document in document order; ``placed`` maps passage id to pages."""
    records = []
    for passage in doc.passages():
        start, end = placed[passage.pid]
        records.append(
            {
                "document": doc.org.file,
                "organisation": doc.org.name,
                "page": start,
                "page_end": end,
                "kind": passage.kind,
                "text": passage.text,
                "codes": list(passage.codes),
            }
        )
    return records


def write_ground_truth(path: Path, records: Iterable[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
