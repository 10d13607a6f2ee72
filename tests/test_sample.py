"""Tests for the sample corpus generator (coder.sample).

Small corpora are rendered for real (determinism, page counts, ground truth against the PDF
text); the full 131-plan corpus is only planned, which is enough to check code coverage,
code shares and uniqueness without rendering 9,000 pages.
"""

from __future__ import annotations

import collections
import csv
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from coder.sample import generate_bad_inputs, generate_corpus
from coder.sample.codes import CODE_IDS, FUNCTION_CODES
from coder.sample.figures import format_euro, format_fte, format_number
from coder.sample.generate import plan_corpus
from coder.sample.hyphenate import hyphenation_pairs, syllables
from coder.sample.manifest import MANIFEST_COLUMNS
from coder.sample.organisations import allocate_pages, sample_organisations
from coder.sample.writer import FUNCTION_LABELS

SMALL = {"plans": 5, "pages": 120}
REGIONS = {
    "Antwerpen",
    "Limburg",
    "Oost-Vlaanderen",
    "West-Vlaanderen",
    "Vlaams-Brabant",
    "Brussel",
}
ORG_TYPES = {
    "vereniging",
    "beweging",
    "vormingsinstelling",
    "landelijke organisatie met afdelingen",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample-a")
    generate_corpus(out, seed=1, workers=2, **SMALL)
    return out


@pytest.fixture(scope="module")
def full_plan():
    return plan_corpus(131, 9000, seed=1, workers=2)


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def _pdf_pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def _squash(text: str) -> str:
    """Tolerant comparison form: no whitespace, no hyphens (line-end or compound), lower."""
    text = text.replace("\ufffe", "").replace("\u00ad", "")
    return re.sub(r"[\s\-]+", "", text).lower()


# ------------------------------------------------------------------ determinism and size
def test_same_seed_gives_identical_files_regardless_of_workers(small, tmp_path):
    again = tmp_path / "again"
    summary = generate_corpus(again, seed=1, workers=1, **SMALL)
    assert _files(again) == _files(small)
    assert summary.plans == 5
    assert len([f for f in summary.files if f.suffix == ".pdf"]) == 5


def test_other_seed_differs(small, tmp_path):
    other = tmp_path / "other"
    generate_corpus(other, seed=2, workers=2, **SMALL)
    assert (other / "organisations.csv").read_bytes() != (small / "organisations.csv").read_bytes()
    assert (other / "ground_truth.jsonl").read_bytes() != (
        small / "ground_truth.jsonl"
    ).read_bytes()


_DIGEST = """
import hashlib
from coder.sample.generate import plan_corpus
digest = hashlib.sha256()
for doc in plan_corpus(8, 600, seed=3, workers=1):
    for passage in doc.passages():
        digest.update(passage.text.encode() + repr(passage.codes).encode())
print(digest.hexdigest())
"""


def test_planning_does_not_depend_on_the_process():
    # Different hash seeds and memory layouts must not change a single passage.
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", _DIGEST], env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_page_total_within_five_percent(small):
    counts = [len(pdfium.PdfDocument(p)) for p in small.glob("*.pdf")]
    assert len(counts) == SMALL["plans"]
    assert abs(sum(counts) - SMALL["pages"]) <= 0.05 * SMALL["pages"]
    assert min(counts) >= 14


def test_page_allocation_at_full_size():
    orgs = sample_organisations(131, seed=1)
    targets = allocate_pages(orgs, 9000, seed=1)
    assert sum(targets) == 9000
    assert min(targets) >= 15 and max(targets) <= 200
    by_size = sorted(zip((o.fte for o in orgs), targets, strict=True))
    small_half = [t for _, t in by_size[:65]]
    large_half = [t for _, t in by_size[66:]]
    assert sum(large_half) > 1.5 * sum(small_half)  # bigger organisations write more


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"plans": 0}, "plans"),
        ({"plans": 5, "pages": 40}, "pages"),
        ({"plans": 2, "pages": 10_000}, "pages"),
        ({"seed": "x"}, "seed"),
        ({"workers": 0}, "workers"),
    ],
)
def test_bad_arguments_raise_value_error_naming_them(tmp_path, kwargs, word):
    with pytest.raises(ValueError, match=word):
        generate_corpus(tmp_path, **kwargs)


# ------------------------------------------------------------------ manifest
def test_manifest_columns_and_values(small):
    with (small / "organisations.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == MANIFEST_COLUMNS
        rows = list(reader)
    assert len(rows) == SMALL["plans"]
    assert len({r["name"] for r in rows}) == len(rows)
    for row in rows:
        assert (small / row["file"]).is_file()
        assert row["legal_form"] == "vzw"
        assert row["org_type"] in ORG_TYPES
        functions = row["functions"].split(";")
        assert functions and set(functions) <= set(FUNCTION_CODES)
        assert 150_000 <= int(row["subsidy"]) <= 5_000_000
        assert re.fullmatch(r"\d+\.\d", row["fte"]) and 2.0 <= float(row["fte"]) <= 80.0
        assert row["region"] in REGIONS
        assert int(row["branches"]) >= 0
        assert row["new_entrant"] in ("ja", "nee")
        assert (row["doc_type"], row["period"]) == ("beleidsplan", "2021-2025")


def test_manifest_attributes_at_full_size():
    orgs = sample_organisations(131, seed=1)
    share_brussels = sum(o.region == "Brussel" for o in orgs) / len(orgs)
    assert 0.10 <= share_brussels <= 0.25
    counts = collections.Counter(len(o.functions) for o in orgs)
    assert counts.most_common(1)[0][0] == 2 and counts[1] and counts[3] and counts[4]
    assert 0.03 <= sum(o.new_entrant for o in orgs) / len(orgs) <= 0.2
    assert sum(o.branches == 0 for o in orgs) > len(orgs) / 2
    ftes = sorted(o.fte for o in orgs)
    subsidies = [o.subsidy for o in sorted(orgs, key=lambda o: o.fte)]
    assert sum(subsidies[-30:]) > 3 * sum(subsidies[:30])  # subsidy follows staff size
    assert ftes[0] >= 2.0 and ftes[-1] <= 80.0


def test_plan_text_matches_manifest(full_plan):
    for doc in full_plan:
        org = doc.org
        headings = {h.title.lower() for h in doc.headings()}
        for name, label in FUNCTION_LABELS.items():
            assert (label in headings) == (name in org.functions), (org.name, label)
        text = doc.text()
        assert format_euro(org.subsidy) in text
        assert f"{format_fte(org.fte)} VTE" in text
        assert format_number(org.subsidy) in text  # the subsidy row of the budget table
        assert ("afdeling" in text.lower()) == bool(org.branches), org.name


def test_budget_and_staff_tables_add_up(full_plan):
    for doc in full_plan:
        tables = [b for b in doc.blocks if getattr(b, "kind", None) in ("budget", "fte")]
        assert len(tables) == 3
        for table in tables:
            numeric = [c for c, is_num in enumerate(table.numeric) if is_num]
            body, total = table.rows[:-1], table.rows[-1]
            for column in numeric:
                values = [float(r[column].replace(".", "").replace(",", ".")) for r in body]
                assert sum(values) == pytest.approx(
                    float(total[column].replace(".", "").replace(",", "."))
                )
            if table.kind == "budget" and table.header[-1] == "Totaal" and len(numeric) == 6:
                for row in table.rows:
                    amounts = [int(row[c].replace(".", "")) for c in numeric]
                    assert sum(amounts[:-1]) == amounts[-1]
        fte_table = next(t for t in tables if t.kind == "fte")
        assert fte_table.rows[-1][-1] == format_fte(doc.org.fte)


def test_brussels_organisations_write_more_about_brussels(full_plan):
    def share(docs):
        counts = [sum("brussel" in p.codes for p in d.passages()) for d in docs]
        return sum(counts) / max(1, len(counts))

    seated = [d for d in full_plan if d.org.region == "Brussel"]
    others = [d for d in full_plan if d.org.region != "Brussel"]
    assert share(seated) > 2 * share(others)


# ------------------------------------------------------------------ codes and uniqueness
def test_every_code_in_at_least_60_plans(full_plan):
    plans_with = collections.defaultdict(set)
    for doc in full_plan:
        for passage in doc.passages():
            assert set(passage.codes) <= set(CODE_IDS)
            for code in passage.codes:
                plans_with[code].add(doc.org.index)
    for code in CODE_IDS:
        assert len(plans_with[code]) >= 60, code


def test_shares_of_multi_code_and_uncoded_passages(full_plan):
    passages = [p for doc in full_plan for p in doc.passages()]
    multi = sum(len(p.codes) >= 2 for p in passages) / len(passages)
    uncoded = sum(not p.codes for p in passages) / len(passages)
    assert 0.15 <= multi <= 0.25
    assert 0.10 <= uncoded <= 0.20


def test_no_passage_repeats_within_or_across_plans(full_plan):
    texts = [p.text for doc in full_plan for p in doc.passages()]
    duplicates = [t for t, n in collections.Counter(texts).items() if n > 1]
    assert duplicates == []


def test_passages_use_printable_single_spaced_text(full_plan):
    for doc in full_plan[:40]:
        for passage in doc.passages():
            text = passage.text
            assert text == " ".join(text.split())
            text.encode("cp1252")  # the standard PDF fonts cannot show anything else
            assert "{" not in text and "[" not in text and "lorem" not in text.lower()


def test_code_names_are_not_just_repeated(full_plan):
    # A classifier must have work to do: most passages avoid their code's own name.
    passages = [p for doc in full_plan[:30] for p in doc.passages() if p.codes]
    literal = sum(any(code.split("-")[0] in p.text.lower() for code in p.codes) for p in passages)
    assert literal / len(passages) < 0.5


def test_layout_variety_at_full_size(full_plan):
    styles = collections.Counter(doc.style.name for doc in full_plan)
    columns = {doc.style.columns for doc in full_plan}
    assert len(styles) >= 4 and columns == {"one", "two", "mixed"}
    assert {doc.style.body_family for doc in full_plan} == {"Helvetica", "Times", "Courier"}
    with_scans = sum(any(type(b).__name__ == "ScanPage" for b in doc.blocks) for doc in full_plan)
    assert 5 <= with_scans <= 25


# ------------------------------------------------------------------ ground truth vs PDF
def test_ground_truth_is_found_on_its_pages(small):
    records = [json.loads(line) for line in (small / "ground_truth.jsonl").open(encoding="utf-8")]
    assert records and {r["kind"] for r in records} == {"paragraph", "list_item"}
    pages: dict[str, list[str]] = {}
    for record in records:
        assert set(record) == {
            "document", "organisation", "page", "page_end", "kind", "text", "codes"
        }  # fmt: skip
        if record["document"] not in pages:
            pages[record["document"]] = [_squash(t) for t in _pdf_pages(small / record["document"])]
        doc_pages = pages[record["document"]]
        start, end = record["page"], record["page_end"]
        assert 1 <= start <= end <= len(doc_pages)
        text = _squash(record["text"])
        assert _spans_pages(text, doc_pages[start - 1 : end]), record


def _longest_prefix_in(text: str, page: str) -> int:
    low, high = 0, len(text)
    while low < high:  # containment of prefixes is monotonic: binary search
        middle = (low + high + 1) // 2
        if text[:middle] in page:
            low = middle
        else:
            high = middle - 1
    return low


def _spans_pages(text: str, pages: list[str]) -> bool:
    """The passage is read from the first page on, each page continuing where it stopped."""
    if len(pages) == 1:
        return text in pages[0]
    for index, page in enumerate(pages):
        if index == len(pages) - 1:
            return bool(text) and text in page
        taken = _longest_prefix_in(text, page)
        if taken == 0:
            return False
        text = text[taken:]
    return False


def test_pdfs_have_hyphenated_line_breaks_and_compounds(small):
    text = "".join("".join(_pdf_pages(p)) for p in small.glob("*.pdf"))
    assert text.count("\ufffe") > 200  # PDFium marks line-end hyphens with U+FFFE
    assert "sociaal-cultureel" in text or "sociaal-culturele" in text
    # ... and some compounds break at their own hyphen (PDFium reports that hyphen as U+FFFE)
    assert re.search(r"sociaal\ufffecultur|niet\ufffe(leden|erkend)|co\ufffecreatie", text)


def test_hyphenation_rules():
    assert syllables("vrijwilligers") == ["vrij", "wil", "li", "gers"]
    assert ("sociaal-", "cultureel") in hyphenation_pairs("sociaal-cultureel")
    assert hyphenation_pairs("Brussel") == []


# ------------------------------------------------------------------ bad inputs
def test_bad_inputs_are_broken_as_stated(tmp_path):
    paths = {p.name: p for p in generate_bad_inputs(tmp_path)}
    assert set(paths) == {"encrypted.pdf", "truncated.pdf", "empty.pdf", "verslag.pdf",
                          "scan-only.pdf"}  # fmt: skip
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(paths["encrypted.pdf"])
    assert len(pdfium.PdfDocument(paths["encrypted.pdf"], password="geheim")) == 1
    assert paths["empty.pdf"].stat().st_size == 0
    for name in ("empty.pdf", "verslag.pdf"):
        with pytest.raises(pdfium.PdfiumError):
            pdfium.PdfDocument(paths[name])
    assert paths["truncated.pdf"].read_bytes().startswith(b"%PDF")
    assert b"%%EOF" not in paths["truncated.pdf"].read_bytes()[-1024:]
    with zipfile.ZipFile(paths["verslag.pdf"]) as archive:
        assert "word/document.xml" in archive.namelist()
    scanned = _pdf_pages(paths["scan-only.pdf"])
    assert len(scanned) == 3 and all(not page.strip() for page in scanned)
