"""Extraction on PDFs with known text: order, running lines, hyphens, tables, headings."""

from __future__ import annotations

from pathlib import Path

from coder.ingest.extract import extract_document
from tests.conftest import word_f1
from tests.pdfkit import PdfBuilder, prose


def _body(doc) -> list[str]:
    return [s.text for s in doc.segments]


def test_two_column_reading_order_and_word_f1(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "two.pdf", header="Vormingplus Test – Beleidsplan 2021-2025")
    pdf.heading("1. Missie en visie", size=18)
    pdf.set_columns(2)
    for i in range(14):
        pdf.paragraph(f"Alinea {i}. " + prose(i, 5))
    pdf.save()
    doc = extract_document(pdf.path)
    text = "\n\n".join(_body(doc))
    assert word_f1("\n\n".join(pdf.expected), text) >= 0.98
    # paragraphs come out in the order written: left column, then right column, then page 2
    positions = [text.index(f"Alinea {i}.") for i in range(14)]
    assert positions == sorted(positions)
    assert _body(doc) == pdf.expected


def test_running_headers_footers_and_page_numbers_removed(tmp_path: Path) -> None:
    pdf = PdfBuilder(
        tmp_path / "hf.pdf",
        header="Vormingplus Test – Beleidsplan 2021-2025",
        footer="Pagina {n} van 5",
    )
    for page in range(5):
        pdf.heading(f"Hoofdstuk {page + 1}")
        pdf.paragraph(prose(page, 6))
        if page < 4:
            pdf.new_page()
    pdf.save()
    doc = extract_document(pdf.path)
    assert "Vormingplus Test" not in doc.text and "Pagina" not in doc.text
    assert [p.label for p in doc.pages] == ["1", "2", "3", "4", "5"]
    assert _body(doc) == pdf.expected
    # page offsets cut the text where each page's content begins
    for page in doc.pages:
        assert doc.text[page.start :].startswith(f"Hoofdstuk {page.number}")


def test_hyphenated_line_breaks_rejoined_but_compounds_kept(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "hy.pdf")
    pdf.breaks = {
        "samenwerking": ("samen-", "werking"),
        "sociaal-cultureel": ("sociaal-", "cultureel"),
        "vrijwilligerswerking": ("vrijwilligers-", "werking"),
        "West-Vlaanderen": ("West-", "Vlaanderen"),
    }
    filler = "Wij werken elke dag aan een sterke en warme organisatie met veel mensen"
    pdf.paragraph("Het woord samenwerking staat los. Ook sociaal-cultureel staat los.")
    for word in ("samenwerking", "sociaal-cultureel", "vrijwilligerswerking", "West-Vlaanderen"):
        for pad in range(4):  # vary where the line breaks until the word is split
            pdf.paragraph(f"{filler[: 40 + pad * 9]} {word} en nog wat tekst daarna.")
    pdf.save()
    doc = extract_document(pdf.path)
    assert _body(doc) == pdf.expected
    assert "samen-" not in doc.text and "vrijwilligers-" not in doc.text
    assert doc.text.count("sociaal-cultureel") == 5
    assert doc.text.count("West-Vlaanderen") == 4


def test_ruled_table_becomes_a_table_segment_with_cells(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "table.pdf")
    pdf.heading("Financieel plan")
    pdf.paragraph("De begroting voor de beleidsperiode ziet er als volgt uit.")
    rows = [
        ["Post", "2021", "2022"],
        ["Personeel", "410.000", "418.200"],
        ["Werking", "95.000", "97.000"],
        ["Totaal", "505.000", "515.200"],
    ]
    pdf.table(rows)
    pdf.paragraph("Na de tabel gaat de tekst gewoon verder.")
    pdf.save()
    doc = extract_document(pdf.path)
    kinds = [s.kind for s in doc.segments]
    assert kinds == ["heading", "paragraph", "table", "paragraph"]
    table = doc.segments[2]
    assert table.cells == rows
    assert table.text.splitlines()[1] == "Personeel | 410.000 | 418.200"
    assert len(table.sentences) == 4  # one per row


def test_headings_levels_sections_and_list_items(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "head.pdf")
    pdf.heading("2 Strategische doelstellingen", size=18)
    pdf.paragraph(prose(1, 3))
    pdf.heading("2.1 Participatie", size=13)
    pdf.paragraph(prose(2, 3))
    pdf.bullets(
        [
            "we organiseren ontmoetingen in elke wijk",
            "we werken met sleutelfiguren "
            "uit de buurt die de weg kennen naar mensen die we anders niet bereiken",
        ]
    )
    pdf.heading("3 Zakelijk deel", size=18)
    pdf.paragraph(prose(3, 2))
    pdf.save()
    doc = extract_document(pdf.path)
    shape = [(s.kind, s.level, s.section) for s in doc.segments]
    assert shape == [
        ("heading", 1, ""),
        ("paragraph", None, "2 Strategische doelstellingen"),
        ("heading", 2, "2 Strategische doelstellingen"),
        ("paragraph", None, "2 Strategische doelstellingen > 2.1 Participatie"),
        ("list_item", None, "2 Strategische doelstellingen > 2.1 Participatie"),
        ("list_item", None, "2 Strategische doelstellingen > 2.1 Participatie"),
        ("heading", 1, ""),
        ("paragraph", None, "3 Zakelijk deel"),
    ]
    assert _body(doc) == pdf.expected


def test_offsets_rederive_every_segment_and_sentence(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "off.pdf", columns=2)
    for i in range(30):
        pdf.paragraph("Zeg het met één woord: café, naïef, coöperatie. " + prose(i, 3))
    pdf.save()
    doc = extract_document(pdf.path)
    assert doc.segments
    for seg in doc.segments:
        assert doc.text[seg.start : seg.end] == seg.text
        for sentence in seg.sentences:
            assert seg.start <= sentence.start < sentence.end <= seg.end
    sentences = [doc.text[s.start : s.end] for seg in doc.segments for s in seg.sentences]
    # Dutch abbreviations do not end a sentence
    assert any("o.a. de vergrijzing" in s for s in sentences)
    assert any(s.startswith("We bereiken deelnemers") and "bv. nieuwkomers" in s for s in sentences)


def test_paragraph_running_over_a_page_break_stays_one_segment(tmp_path: Path) -> None:
    pdf = PdfBuilder(tmp_path / "run.pdf")
    split = False
    for i in range(20):
        split = pdf.paragraph(f"Alinea {i * 37 + 3}. " + prose(i, 7 + i % 2)) or split
        if split:
            break
    pdf.save()
    doc = extract_document(pdf.path)
    assert _body(doc) == pdf.expected
    spanning = [s for s in doc.segments if s.page_end > s.page]
    assert spanning, "the builder should have split one paragraph over two pages"
    page2 = doc.pages[1]
    assert spanning[0].start < page2.start < spanning[0].end


def test_garbled_text_is_flagged() -> None:
    from coder.ingest.pdf import Line
    from coder.ingest.textclean import looks_garbled

    def lines(text: str) -> list[Line]:
        return [Line(page=1, text=text, x0=0, x1=1, top=0, bottom=1, size=10, bold=False)]

    assert looks_garbled(lines("3HQČåQtSURVWĜ ZHUNW 9RUPLQJ SOXV ČåQ " * 10))
    assert not looks_garbled(lines(prose(3, 6)))
    assert not looks_garbled(lines("Personeel 2021 2022 € 410.000 " * 30))  # figures don't count


def test_line_end_hyphens_of_acronyms_and_hyphenated_compounds_are_kept() -> None:
    from coder.ingest.textclean import Lexicon, join_lines

    lexicon = Lexicon(["samenwerking is", "sociaal-cultureel werk", "met organisaties"])
    cases = {
        ("samen-", "werking"): "samenwerking",
        ("CRM-", "pakket"): "CRM-pakket",
        ("mond-tot-", "mondreclame"): "mond-tot-mondreclame",
        ("sociaal-cul-", "tureel"): "sociaal-cultureel",
        ("West-", "Vlaanderen"): "West-Vlaanderen",
        ("collega-", "organisaties"): "collega-organisaties",
        ("cre-", "atief"): "creatief",
        ("ge-", "ëvalueerd"): "geëvalueerd",
        ("hoog-", "en"): "hoog- en",
    }
    for (left, right), expected in cases.items():
        text, starts = join_lines([f"x {left}", f"{right} y"], lexicon)
        assert text == f"x {expected} y"
        assert text[starts[1] :].startswith(right)
