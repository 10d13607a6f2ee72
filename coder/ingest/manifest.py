"""The organisations manifest: which organisation wrote which plan, and its attributes.

``organisations.csv`` (comma or semicolon separated, UTF-8) beside the PDFs. The
whole file is checked before anything is stored, and every problem is
reported with its row number (row 1 is the header, as in a spreadsheet).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.errors import ManifestError

MANIFEST_NAME = "organisations.csv"
COLUMNS = (
    "name",
    "file",
    "legal_form",
    "org_type",
    "functions",
    "subsidy",
    "fte",
    "region",
    "branches",
    "new_entrant",
    "doc_type",
    "period",
)
REQUIRED = ("name", "file")
#: 131 organisations fill a few kB; a larger file is not a manifest
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
FUNCTIONS = (
    "cultuurfunctie",
    "leerfunctie",
    "gemeenschapsvormende functie",
    "maatschappelijke bewegingsfunctie",
)
REGIONS = (
    "Antwerpen",
    "Limburg",
    "Oost-Vlaanderen",
    "West-Vlaanderen",
    "Vlaams-Brabant",
    "Brussel",
)
DOC_TYPES = ("beleidsplan", "voortgangsrapport", "jaarverslag", "zelfevaluatie", "ander")
_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0"}
_PERIOD = re.compile(r"^\d{4}(-\d{4})?$")


@dataclass(slots=True)
class Organisation:
    """An organisation's attributes, as the subsidy administration gives them."""

    name: str
    legal_form: str | None = None
    org_type: str | None = None
    functions: list[str] = field(default_factory=list)
    subsidy: float | None = None
    fte: float | None = None
    region: str | None = None
    branches: int | None = None
    new_entrant: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)
    source: str = "manifest"

    def row(self) -> dict[str, object]:
        """The organisation as a database row."""
        return {
            "name": self.name,
            "legal_form": self.legal_form,
            "org_type": self.org_type,
            "functions": json.dumps(self.functions, ensure_ascii=False),
            "subsidy": self.subsidy,
            "fte": self.fte,
            "region": self.region,
            "branches": self.branches,
            "new_entrant": None if self.new_entrant is None else int(self.new_entrant),
            "extra": json.dumps(self.extra, ensure_ascii=False, sort_keys=True),
            "source": self.source,
        }


@dataclass(slots=True)
class ManifestEntry:
    organisation: Organisation
    file: Path
    doc_type: str = "beleidsplan"
    period: str | None = "2021-2025"


def organisation_from_filename(path: Path) -> Organisation:
    """Without a manifest row, the file name is the best name we have."""
    name = re.sub(r"[_\s]+", " ", path.stem).strip() or path.name
    return Organisation(name=name, source="filename")


def parse_number(text: str) -> float:
    """Parse '412500', '412.500', '412 500', '€ 412.500,50' or '2.5' as a float."""
    cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    return float(cleaned)


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ManifestError(
                str(path), [f"larger than the {MAX_MANIFEST_BYTES // 1024**2} MB a manifest may be"]
            )
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(
            str(path), [f"not UTF-8 text ({exc.reason}): save it as CSV UTF-8"]
        ) from exc
    except OSError as exc:
        raise ManifestError(str(path), [f"cannot read ({exc.strerror})"]) from exc
    first = raw.splitlines()[0] if raw.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(raw.splitlines(), delimiter=delimiter)
    rows = []
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        for row in reader:
            rows.append(
                {
                    (k or "").strip().lower(): (v if isinstance(v, str) else "").strip()
                    for k, v in row.items()
                    if k is not None
                }
            )
    except csv.Error as exc:
        raise ManifestError(
            str(path), [f"row {reader.line_num + 1}: not readable as CSV ({exc})"]
        ) from exc
    return header, rows


def load_manifest(path: Path) -> list[ManifestEntry]:
    """Read and check a manifest; raise :class:`ManifestError` listing every problem."""
    header, rows = _read_rows(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ManifestError(
            str(path), [f"header lacks column(s) {', '.join(missing)} (needs at least name,file)"]
        )
    problems: list[str] = []
    entries: list[ManifestEntry] = []
    names: dict[str, int] = {}
    files: dict[str, int] = {}
    for index, row in enumerate(rows, start=2):
        where = f"row {index}"
        entry, row_problems = _entry(row, path.parent, where)
        problems.extend(row_problems)
        name, file = row.get("name", ""), row.get("file", "")
        if name and name.casefold() in names:
            problems.append(f"{where}: duplicate name {name!r} (row {names[name.casefold()]})")
        if file and file in files:
            problems.append(f"{where}: file {file!r} already listed on row {files[file]}")
        names.setdefault(name.casefold(), index)
        files.setdefault(file, index)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise ManifestError(str(path), problems)
    return entries


def _entry(row: dict[str, str], folder: Path, where: str) -> tuple[ManifestEntry | None, list[str]]:
    problems: list[str] = []
    name, file = row.get("name", ""), row.get("file", "")
    if not name:
        problems.append(f"{where}: name is empty")
    if not file:
        problems.append(f"{where}: file is empty")
    elif not (folder / file).is_file():
        problems.append(f"{where}: file {file!r} not found in {folder}")
    elif Path(file).is_absolute() or ".." in Path(file).parts:
        problems.append(f"{where}: file {file!r} must be a name relative to the manifest folder")

    def number(column: str, integer: bool = False) -> float | int | None:
        value = row.get(column, "")
        if not value:
            return None
        try:
            parsed = parse_number(value)
        except ValueError:
            problems.append(f"{where}: {column} {value!r} is not a number")
            return None
        if parsed < 0:
            problems.append(f"{where}: {column} {value!r} is negative")
        if integer:
            if parsed != int(parsed):
                problems.append(f"{where}: {column} {value!r} is not a whole number")
            return int(parsed)
        return parsed

    functions = [
        f.strip().lower() for f in re.split(r"[;|]", row.get("functions", "")) if f.strip()
    ]
    for function in functions:
        if function not in FUNCTIONS:
            problems.append(
                f"{where}: functions: {function!r} is not one of {', '.join(FUNCTIONS)}"
            )
    region = row.get("region") or None
    if region and region not in REGIONS:
        problems.append(f"{where}: region {region!r} is not one of {', '.join(REGIONS)}")
    new_entrant: bool | None = None
    flag = row.get("new_entrant", "").lower()
    if flag in _TRUE:
        new_entrant = True
    elif flag in _FALSE:
        new_entrant = False
    elif flag:
        problems.append(f"{where}: new_entrant {row['new_entrant']!r} is not ja/nee")
    doc_type = row.get("doc_type") or "beleidsplan"
    if doc_type not in DOC_TYPES:
        problems.append(f"{where}: doc_type {doc_type!r} is not one of {', '.join(DOC_TYPES)}")
    period = row.get("period") or None
    if period and not _PERIOD.match(period):
        problems.append(f"{where}: period {period!r} is not like 2021-2025")
    organisation = Organisation(
        name=name,
        legal_form=row.get("legal_form") or None,
        org_type=row.get("org_type") or None,
        functions=functions,
        subsidy=number("subsidy"),
        fte=number("fte"),
        region=region,
        branches=number("branches", integer=True),
        new_entrant=new_entrant,
        extra={k: v for k, v in row.items() if k not in COLUMNS and k and v},
    )
    if problems:
        return None, problems
    return ManifestEntry(organisation, (folder / file).resolve(), doc_type, period), []
