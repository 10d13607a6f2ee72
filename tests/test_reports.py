"""Reports: HTML, DOCX and PDF per code and for all codes, opened and checked."""

from __future__ import annotations

import io
import sys
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import reports, summaries
from coder.cli import main
from coder.errors import NotFoundError
from coder.reports.blocks import parse
from coder.reports.charts import BarChart, png, svg
from tests.test_analysis_corpus import Corpus, build

V = "vrijwilligers"
VOID = {"meta", "br", "img", "hr", "input", "link", "rect"}
SUMMARY = (
    "## Observaties\n\nDe meeste organisaties noemen **vrijwilligers**."
    " <script>alert('x')</script>\n\n- Alfa budgetteert ze\n- Beta niet\n\n"
)


class Balanced(HTMLParser):
    """Checks that every element is closed in order; collects text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def corpus(db) -> Corpus:
    made = build(db)
    quote = made.codings[("Gamma", V, "Vrijwilligers trekken de afdelingen.")][0]
    summaries.save_summary(db, "anna", V, SUMMARY + f"Citaat: [[{quote}]]")
    summaries.set_summary_status(db, "anna", V, "ready")
    summaries.mark_key_quote(db, "anna", quote, note="typerend")
    item = summaries.summary(db, V)
    summaries.add_comment(db, "bert", item.id, "Graag <b>scherper</b>")
    summaries.create_finding(
        db, "anna", "Digitalisering zonder budget", "Twee van de drie.", ["digitalisering"]
    )
    return made


def _check_html(data: bytes) -> Balanced:
    text = data.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    parser = Balanced()
    parser.feed(text)
    parser.close()
    assert parser.problems == [] and parser.stack == []
    assert "script" not in parser.tags  # nothing from the database became markup
    return parser


def test_html_report_of_one_code(corpus: Corpus) -> None:
    data = reports.report(corpus.db, V, "html")
    parser = _check_html(data)
    text = "".join(parser.text)
    html = data.decode("utf-8")
    assert "<h1>Vrijwilligers</h1>" in html
    assert "<h4>Observaties</h4>" in html  # "##" below the h2 "Samenvatting"
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;" in html
    assert "klaar voor review" in text
    assert "Vrijwilligers trekken de afdelingen." in text  # the key quote
    assert "Gamma, p. 1" in text
    assert "3 van 4 (75%)" in text  # key figures
    assert "Vermelden de code niet (1):" in text and "Delta" in text
    assert "Graag <b>scherper</b>" in text and "<b>scherper" not in html  # comment escaped
    assert "nog geen pilot" in text  # method note without a pilot
    assert html.count("<svg") == 3  # coverage, region, functions


def test_docx_report_opens_with_the_content(corpus: Corpus) -> None:
    from docx import Document

    doc = Document(io.BytesIO(reports.report(corpus.db, V, "docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Vrijwilligers"] == "Title"
    # a summary's own headings go below its section: "##" under Heading 1 is Heading 3
    assert styles["Samenvatting"] == "Heading 1" and styles["Observaties"] == "Heading 3"
    assert styles["Alfa budgetteert ze"] == "List Bullet"
    assert "“Vrijwilligers trekken de afdelingen.”" in paragraphs
    assert any("<script>" in p for p in paragraphs)  # shown as text, not lost
    coverage = next(t for t in doc.tables if t.rows[0].cells[0].text == "organisatie")
    assert [c.text for c in coverage.rows[1].cells][:2] == ["Alfa", "2"]
    assert len(doc.inline_shapes) == 3  # the charts


def test_pdf_report(corpus: Corpus) -> None:
    import pypdfium2 as pdfium

    data = reports.report(corpus.db, V, "pdf")
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Vrijwilligers" in text and "Observaties" in text
    assert "<script>alert('x')</script>" in text  # escaped for platypus, shown as text
    assert "Gamma, p. 1" in text


def test_all_codes_report(corpus: Corpus) -> None:
    data = reports.all_codes(corpus.db, "html")
    parser = _check_html(data)
    text = "".join(parser.text)
    assert "Digitalisering zonder budget" in text
    assert text.count("Kerncijfers") == 30
    from docx import Document

    doc = Document(io.BytesIO(reports.all_codes(corpus.db, "docx")))
    assert "Horizontale analyse — alle codes" in [p.text for p in doc.paragraphs]
    assert reports.all_codes(corpus.db, "pdf").startswith(b"%PDF")


def test_reports_per_code_in_a_folder(corpus: Corpus, tmp_path: Path) -> None:
    written = reports.write_code_reports(corpus.db, tmp_path / "out", "html")
    assert len(written) == 30 and (tmp_path / "out" / "vrijwilligers.html").exists()
    with pytest.raises(NotFoundError, match="unknown report format"):
        reports.report(corpus.db, V, "odt")


def test_reliability_hook(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    pilot = types.ModuleType("coder.pilot")
    pilot.code_reliability = lambda db, code_id: (
        {"measure": "alpha", "value": 0.81, "low": 0.7, "high": 0.9, "detail": "5 lezers"}
        if code_id == V
        else None
    )
    monkeypatch.setitem(sys.modules, "coder.pilot", pilot)
    text = reports.report(corpus.db, V, "html").decode()
    assert "Betrouwbaarheid in de pilot: alpha = 0,81 (95%-interval 0,70 – 0,90); 5 lezers" in text
    assert "nog geen pilot" in reports.report(corpus.db, "missie", "html").decode()


def test_cli_report(corpus: Corpus, tmp_path: Path) -> None:
    db_path = corpus.db.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "v.docx"
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db_path, "report", V, "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    result = runner.invoke(main, ["--db", db_path, "report", "klimaat"])
    assert result.exit_code == 1 and "unknown code 'klimaat'" in result.output


def test_charts_escape_and_draw() -> None:
    chart = BarChart("<b>Titel</b>", ["Organisatie & co", "Financiën"], [2.0, 5.0])
    drawn = svg(chart)
    assert "&lt;b&gt;Titel&lt;/b&gt;" in drawn and "Organisatie &amp; co" in drawn
    assert png(chart).startswith(b"\x89PNG")


def test_markdown_blocks() -> None:
    blocks = parse("# Kop\n\nTekst **vet** [link](https://x.be)\n\n1. een\n2. twee\n\n> citaat")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Kop"),
        ("paragraph", "Tekst vet link"),
        ("item", "een"),
        ("item", "twee"),
        ("quote", "citaat"),
    ]
    assert blocks[1].runs[1].bold and blocks[1].runs[-1].href == "https://x.be"
    assert [b.number for b in blocks[2:4]] == [1, 2]


def _words(text: str) -> str:
    return "".join(text.split())


def test_the_three_formats_say_the_same(corpus: Corpus) -> None:
    """Every heading, text, note, status, quote and table header of the outline is in the
    HTML, the DOCX and the PDF: the writers only format, they cannot leave parts out."""
    import pypdfium2 as pdfium
    from docx import Document

    from coder.reports import outline
    from coder.reports.model import gather

    report = gather(corpus.db, [V])[0]
    said = []
    for element in outline.elements(report):
        match element:
            case outline.Heading(text) | outline.Note(text) | outline.Status(text):
                said.append(text)
            case outline.Text(text, label):
                said += [label, text]
            case outline.Quote(text, source):
                said += [text, source]
            case outline.Table(header):
                said += [h for h in header if h]
    said = [s for s in said if s]
    assert len(said) > 40

    html = "".join(_check_html(reports.render(report, "html")).text)
    doc = Document(io.BytesIO(reports.render(report, "docx")))
    docx = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    )
    pdf = pdfium.PdfDocument(reports.render(report, "pdf"))
    pdf_text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for fmt, text in (("html", html), ("docx", docx), ("pdf", pdf_text)):
        missing = [s for s in said if _words(s) not in _words(text)]
        assert missing == [], f"{fmt} leaves out {missing[:3]}"


def test_html_colours_only_significant_residuals() -> None:
    from coder.reports.html import _cell
    from coder.reports.outline import Residual

    assert 'class="pos"' in _cell(Residual(2.4), True)
    assert 'class="neg"' in _cell(Residual(-3.0), True)
    assert "span" not in _cell(Residual(1.2), True) and ">1,20<" in _cell(Residual(1.2), True)
    assert _cell(Residual(None), True) == "<td class=n></td>"
