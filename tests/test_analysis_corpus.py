"""A small hand-made coded corpus with known answers, shared by the analysis tests.

Four organisations, one plan each, written straight into the store (segments,
sentences, pages with exact offsets), coded through the coding service:

- Alfa (Antwerpen; leer- and cultuurfunctie; 3 VTE): a content part and a
  "Financieel plan" chapter; volunteers in both parts; one span double-coded.
- Beta (Limburg; leerfunctie; 10 VTE; new entrant): a "Zakelijk deel" with a
  "Personeel" sub-chapter; printed page labels 12 and 13.
- Gamma (Antwerpen; gemeenschapsvormende functie; 20 VTE): a "Begroting" chapter
  that names volunteers without coding them there.
- Delta (Brussel; cultuurfunctie; size unknown): no codings at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest

from coder import codebook, coding, store

H, P = "heading", "paragraph"
SEP = "\n\n"

DOCS = {
    "Alfa": [
        (H, 1, "1 Missie", 1),
        (P, None, "Wij werken met vrijwilligers. Zij zijn de kern van onze werking.", 1),
        (P, None, "Digitale vorming staat centraal. We investeren in een nieuw platform.", 1),
        (H, 1, "2 Financieel plan", 2),
        (P, None, "De begroting voorziet middelen voor vrijwilligers en hun onkosten.", 2),
    ],
    "Beta": [
        (H, 1, "1 Visie", 1),
        (P, None, "Vrijwilligers maken het verschil. Wij ondersteunen hen goed.", 1),
        (P, None, "Wij bouwen een digitale werking uit met online cursussen.", 1),
        (H, 1, "2 Zakelijk deel", 2),
        (H, 2, "2.1 Personeel", 2),
        (P, None, "Het team telt tien medewerkers.", 2),
    ],
    "Gamma": [
        (H, 1, "1 Werking", 1),
        (P, None, "Onze afdelingen werken lokaal. Vrijwilligers trekken de afdelingen.", 1),
        (H, 1, "2 Begroting", 2),
        (
            P,
            None,
            "Wij voorzien budget voor digitale infrastructuur en software"
            " en voor vrijwilligersvergoedingen.",
            2,
        ),
    ],
    "Delta": [
        (H, 1, "1 Missie", 1),
        (P, None, "Cultuur voor iedereen in Brussel.", 1),
    ],
}
ORGS = {
    "Alfa": dict(
        region="Antwerpen", functions=["leerfunctie", "cultuurfunctie"], fte=3.0, new_entrant=0
    ),
    "Beta": dict(region="Limburg", functions=["leerfunctie"], fte=10.0, new_entrant=1),
    "Gamma": dict(
        region="Antwerpen", functions=["gemeenschapsvormende functie"], fte=20.0, new_entrant=0
    ),
    "Delta": dict(region="Brussel", functions=["cultuurfunctie"], fte=None, new_entrant=0),
}
LABELS = {"Beta": ["12", "13"]}
# (organisation, code, exact text, coders)
CODINGS = [
    ("Alfa", "vrijwilligers", "Wij werken met vrijwilligers.", ["anna", "bert"]),
    ("Alfa", "missie", "Zij zijn de kern van onze werking.", ["anna"]),
    (
        "Alfa",
        "digitalisering",
        "Digitale vorming staat centraal. We investeren in een nieuw platform.",
        ["anna"],
    ),
    (
        "Alfa",
        "vrijwilligers",
        "De begroting voorziet middelen voor vrijwilligers en hun onkosten.",
        ["anna"],
    ),
    (
        "Alfa",
        "financien",
        "De begroting voorziet middelen voor vrijwilligers en hun onkosten.",
        ["anna"],
    ),
    (
        "Beta",
        "vrijwilligers",
        "Vrijwilligers maken het verschil. Wij ondersteunen hen goed.",
        ["bert"],
    ),
    ("Beta", "digitalisering", "een digitale werking uit met online cursussen", ["bert"]),
    ("Beta", "medewerkers", "Het team telt tien medewerkers.", ["bert"]),
    ("Gamma", "vrijwilligers", "Vrijwilligers trekken de afdelingen.", ["anna"]),
    (
        "Gamma",
        "lokale-werking",
        "Onze afdelingen werken lokaal. Vrijwilligers trekken de afdelingen.",
        ["anna"],
    ),
    (
        "Gamma",
        "financien",
        "Wij voorzien budget voor digitale infrastructuur en software"
        " en voor vrijwilligersvergoedingen.",
        ["anna"],
    ),
    ("Gamma", "digitalisering", "digitale infrastructuur en software", ["anna"]),
]


@dataclass
class Corpus:
    db: object
    org: dict[str, int] = field(default_factory=dict)
    doc: dict[str, int] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    codings: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)

    def span(self, org: str, text: str) -> tuple[int, int]:
        start = self.text[org].index(text)
        return start, start + len(text)

    def length(self, org: str) -> int:
        return len(self.text[org])


def _sections(segments: list[tuple[str, int | None, str, int]]) -> list[str]:
    stack: list[tuple[int, str]] = []
    paths = []
    for kind, level, text, _page in segments:
        if kind == H:
            while stack and stack[-1][0] >= level:
                stack.pop()
            paths.append(" > ".join(t for _, t in stack))
            stack.append((level, text))
        else:
            paths.append(" > ".join(t for _, t in stack))
    return paths


def add_document(db, org_id: int, name: str, segments, labels=None) -> tuple[int, str]:
    """Store one plan with exact offsets, as ingest would (segments joined by a blank line)."""
    text = SEP.join(s[2] for s in segments)
    doc_id = (
        db["documents"]
        .insert(
            {
                "organisation_id": org_id,
                "path": f"/plans/{name.lower()}.pdf",
                "filename": f"{name.lower()}.pdf",
                "sha256": name,
                "page_count": max(s[3] for s in segments),
                "status": "ingested",
                "text": text,
                "ingested_at": "2024-01-01T00:00:00",
            }
        )
        .last_pk
    )
    offset = 0
    page_ranges: dict[int, list[int]] = {}
    for seq, ((kind, level, seg_text, page), section) in enumerate(
        zip(segments, _sections(segments), strict=True)
    ):
        start, end = offset, offset + len(seg_text)
        seg_id = (
            db["segments"]
            .insert(
                {
                    "document_id": doc_id,
                    "seq": seq,
                    "kind": kind,
                    "level": level,
                    "page": page,
                    "page_end": page,
                    "start": start,
                    "end": end,
                    "section": section,
                    "text": seg_text,
                }
            )
            .last_pk
        )
        pos = 0
        for n, sentence in enumerate(re.split(r"(?<=\.)\s+", seg_text)):
            s_start = seg_text.index(sentence, pos)
            pos = s_start + len(sentence)
            db["sentences"].insert(
                {
                    "document_id": doc_id,
                    "segment_id": seg_id,
                    "seq": n,
                    "start": start + s_start,
                    "end": start + pos,
                    "text": sentence,
                }
            )
        page_ranges.setdefault(page, [start, end])[1] = end
        offset = end + len(SEP)
    pages = sorted(page_ranges)
    for i, page in enumerate(pages):
        start = page_ranges[page][0] if i else 0
        end = page_ranges[pages[i + 1]][0] if i + 1 < len(pages) else len(text)
        db["pages"].insert(
            {
                "document_id": doc_id,
                "number": page,
                "label": labels[i] if labels else None,
                "start": start,
                "end": end,
            }
        )
    return doc_id, text


def build(db) -> Corpus:
    corpus = Corpus(db)
    codebook.ensure_default_codebook(db)
    with store.transaction(db):
        for name, attrs in ORGS.items():
            org_id = (
                db["organisations"]
                .insert(
                    {
                        "name": name,
                        "functions": json.dumps(attrs["functions"]),
                        "region": attrs["region"],
                        "fte": attrs["fte"],
                        "new_entrant": attrs["new_entrant"],
                        "legal_form": "vzw",
                        "source": "manifest",
                    }
                )
                .last_pk
            )
            corpus.org[name] = org_id
            corpus.doc[name], corpus.text[name] = add_document(
                db, org_id, name, DOCS[name], LABELS.get(name)
            )
    for user in ("anna", "bert"):
        coding.ensure_user(db, user)
    for org, code_id, text, coders in CODINGS:
        start, end = corpus.span(org, text)
        for coder in coders:
            made = coding.create(db, coder, corpus.doc[org], start, end, [code_id])
            corpus.codings.setdefault((org, code_id, text), []).extend(c.id for c in made)
    return corpus


@pytest.fixture
def corpus(db) -> Corpus:
    return build(db)


def test_the_corpus_is_what_the_tests_assume(corpus: Corpus) -> None:
    db = corpus.db
    for name, segments in DOCS.items():
        text = corpus.text[name]
        for row in db.query(
            'SELECT start, "end", text FROM segments WHERE document_id = ?', [corpus.doc[name]]
        ):
            assert text[row["start"] : row["end"]] == row["text"]
        for row in db.query(
            'SELECT start, "end", text FROM sentences WHERE document_id = ?', [corpus.doc[name]]
        ):
            assert text[row["start"] : row["end"]] == row["text"]
        last = db.execute(
            'SELECT max("end") FROM pages WHERE document_id = ?', [corpus.doc[name]]
        ).fetchone()[0]
        assert last == len(text) and len(segments) > 1
    live = db.execute("SELECT count(*) FROM codings WHERE deleted_at IS NULL").fetchone()[0]
    assert live == sum(len(c[3]) for c in CODINGS)
