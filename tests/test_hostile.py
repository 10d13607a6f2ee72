"""Hostile and broken input: fuzzed files, queries and command lines, archive attacks, limits,
and Markdown or HTML in memos and summaries. Whatever comes in, the answer is the result or a
typed error with a one-line message — never a traceback, never a half-done change.

The fuzz tests are bounded (``max_examples``) so the suite stays fast; docs/security.md lists
the cases and their outcomes.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sqlite3
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coder import backup, codebook, search, store, summaries
from coder.cli import main
from coder.codebook import qdc
from coder.codebook.yaml_io import parse_yaml
from coder.errors import (
    CodebookError,
    CoderError,
    ExchangeError,
    ManifestError,
    SearchQueryError,
)
from coder.exchange import archive, dump, export_project, import_project
from coder.exchange.selection import Filters
from coder.ingest import ingest_paths, pdf
from coder.ingest.manifest import COLUMNS, load_manifest
from tests.test_exchange_tables import build_corpus
from tests.test_ingest import make_plan

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small coded corpus, built once; tests that change it work on a copy."""
    path = tmp_path_factory.mktemp("hostile") / "corpus.db"
    db = store.connect(path)
    build_corpus(db)
    db.close()
    return path


@pytest.fixture
def copy(corpus: Path, tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "copy.db"
    shutil.copy(corpus, target)
    yield target


# -- manifest CSV --------------------------------------------------------------------------------
cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
csv_text = st.builds(
    lambda header, rows, sep: "\n".join(sep.join(r) for r in [header, *rows]),
    st.lists(st.one_of(st.sampled_from(COLUMNS), cells), min_size=1, max_size=8),
    st.lists(st.lists(cells, max_size=8), max_size=6),
    st.sampled_from([",", ";", "\t"]),
)


@FUZZ
@given(data=st.one_of(csv_text, st.text(), st.binary()))
def test_manifest_fuzz_gives_entries_or_a_manifest_error(data: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "organisations.csv"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
        try:
            entries = load_manifest(path)
        except ManifestError as exc:
            assert exc.problems and all("\n" not in p for p in exc.problems)
        else:
            assert all(e.organisation.name for e in entries)


def test_manifest_limits_and_broken_csv(tmp_path: Path) -> None:
    path = tmp_path / "organisations.csv"
    path.write_text('name,file\n"Vormingplus,plan.pdf\n' + "x" * 200_000, encoding="utf-8")
    with pytest.raises(ManifestError, match="not readable as CSV"):  # was a raw _csv.Error
        load_manifest(path)
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    with pytest.raises(ManifestError, match="larger than the 10 MB"):
        load_manifest(path)


# -- codebook YAML and .qdc ---------------------------------------------------------------------
yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(["codes", "id", "name", "definition", "parent"]), st.text()),
            children,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


@FUZZ
@given(
    text=st.one_of(
        st.text(),
        yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
        yaml_values.map(lambda v: yaml.safe_dump({"codes": v}, allow_unicode=True)),
    )
)
def test_codebook_yaml_fuzz_gives_codes_or_a_codebook_error(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except CodebookError as exc:
        assert exc.problems


def test_a_yaml_bomb_is_refused_at_once() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for n in range(1, 10):
        bomb += f"{chr(97 + n)}: &{chr(97 + n)} [{', '.join(['*' + chr(96 + n)] * 9)}]\n"
    bomb += "codes: *j\n"
    with pytest.raises(CodebookError, match="aliases"):
        parse_yaml(bomb, "bomb.yaml")


@pytest.fixture(scope="module")
def qdc_file(corpus: Path) -> bytes:
    return codebook.export(store.connect(corpus), "qdc")


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Flip, delete or insert bytes at positions: what a damaged download looks like."""
    out = bytearray(data)
    for kind, where, value in edits:
        where %= max(1, len(out))
        if kind == 0:
            out[where] = value
        elif kind == 1:
            del out[where : where + value % 64]
        else:
            out[where:where] = bytes([value]) * (value % 16 + 1)
    return bytes(out)


edits = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 1 << 30), st.integers(0, 255)), max_size=6
)


@FUZZ
@given(data=st.binary(max_size=2000), changes=edits, whole=st.booleans())
def test_qdc_fuzz_gives_codes_or_problems(qdc_file: bytes, data: bytes, changes, whole) -> None:
    blob = _mutate(qdc_file, changes) if whole else data
    _, problems = qdc.from_qdc(blob)
    assert isinstance(problems, list) and all(isinstance(p, str) for p in problems)


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
        b'<?xml version="1.0"?>' + b"<!-- " + b"x" * 5000 + b" -->"
        b'<!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
        b"\x00" * (qdc.MAX_QDC_BYTES + 1),
        b'<?xml version="1.0" encoding="U-F-8"?><CodeBook/>',  # found by fuzzing: LookupError
    ],
    ids=["external-entity", "billion-laughs-after-a-long-comment", "too-large", "bad-encoding"],
)
def test_qdc_attacks_are_refused(xml: bytes) -> None:
    parsed, problems = qdc.from_qdc(xml)
    assert problems and not parsed.codes


# -- .qdpx import ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def qdpx(corpus: Path) -> bytes:
    return export_project(store.connect(corpus), Filters(), actor="anna").data


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)  # ZipInfo keeps a name as given, "../" and all
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
    return buffer.getvalue()


def _import(db_path: Path, data: bytes, folder: Path) -> None:
    source = folder / "project.qdpx"
    source.write_bytes(data)
    db = store.connect(db_path)
    try:
        import_project(db, source, actor="an")  # an admin (build_corpus)
    finally:
        db.close()


@settings(FUZZ, max_examples=60)
@given(data=st.binary(max_size=3000), changes=edits, whole=st.booleans())
def test_qdpx_fuzz_imports_or_refuses_whole(copy: Path, qdpx: bytes, data, changes, whole) -> None:
    blob = _mutate(qdpx, changes) if whole else data
    before = sqlite3.connect(copy).execute("SELECT count(*) FROM actions").fetchone()[0]
    with tempfile.TemporaryDirectory() as folder:
        try:
            _import(copy, blob, Path(folder))
        except ExchangeError as exc:
            assert exc.problems
            after = sqlite3.connect(copy).execute("SELECT count(*) FROM actions").fetchone()[0]
            assert after == before  # refused: nothing stored


def test_a_damaged_member_is_refused(copy: Path, qdpx: bytes, tmp_path: Path) -> None:
    # found by fuzzing: a flipped byte inside project.qde's deflate stream raised zlib.error
    data = bytearray(qdpx)
    data[41] = 0
    with pytest.raises(ExchangeError, match="damaged"):
        _import(copy, bytes(data), tmp_path)


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "sources/../../evil.txt", "/tmp/evil.txt", "C:\\evil.txt", "..\\evil.txt"],
)
def test_zip_slip_is_refused(copy: Path, qdpx: bytes, tmp_path: Path, name: str) -> None:
    with zipfile.ZipFile(io.BytesIO(qdpx)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries[name] = b"pwned"
    folder = tmp_path / "in"
    folder.mkdir()
    with pytest.raises(ExchangeError, match="outside the archive"):
        _import(copy, _zip(entries), folder)
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_zip_bombs_are_refused(copy: Path, tmp_path: Path, monkeypatch) -> None:
    # a member whose header claims more than the limit (central directory size patched)
    data = bytearray(_zip({"project.qde": b"<Project/>"}))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 0x7FFF0000)
    with pytest.raises(ExchangeError, match=r"more than the .* allowed"):
        _import(copy, bytes(data), tmp_path)
    # a member that inflates 1000 times
    with pytest.raises(ExchangeError, match="zip bomb"):
        _import(copy, _zip({"project.qde": b"\0" * 20_000_000}), tmp_path)
    # too many members (the limit lowered for the test: 100,000 entries take a while to write)
    monkeypatch.setattr(archive, "MAX_ENTRIES", 50)
    with pytest.raises(ExchangeError, match="entries, more than"):
        _import(copy, _zip({f"sources/{i}.txt": b"x" for i in range(51)}), tmp_path)


@pytest.fixture(scope="module")
def saved(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("saved")
    db = store.connect(corpus)
    backup.backup(db, folder / "b.db")
    dump(db, folder / "d.zip")
    db.close()
    return {"backup": (folder / "b.db").read_bytes(), "dump": (folder / "d.zip").read_bytes()}


@settings(FUZZ, max_examples=40)
@given(kind=st.sampled_from(["backup", "dump"]), changes=edits)
def test_restore_fuzz_restores_or_refuses(saved: dict[str, bytes], kind: str, changes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "saved", Path(folder) / "coder.db"
        source.write_bytes(_mutate(saved[kind], changes))
        try:
            backup.restore(source, target)
        except ExchangeError as exc:
            assert exc.problems and not target.exists()
        else:
            assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        left = sorted(p.name for p in Path(folder).iterdir())
        assert left in (["saved"], ["coder.db", "saved"])  # no temporary file left behind


# -- PDFs: size and page limits -----------------------------------------------------------------
def test_pdf_limits_stop_oversized_files_with_one_line(tmp_path: Path, monkeypatch) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    make_plan(plans / "long.pdf", 40)
    pages = len(pdf.open_document(plans / "long.pdf"))
    assert pages > 1
    db = store.connect(tmp_path / "coder.db")
    monkeypatch.setattr(pdf, "MAX_PAGES", pages - 1)
    (result,) = ingest_paths(db, [plans], workers=1).results
    assert (
        result.status == "failed" and f"more than the {pages - 1} a plan may have" in result.error
    )
    monkeypatch.setattr(pdf, "MAX_PAGES", 2_000)
    monkeypatch.setattr(pdf, "MAX_PDF_BYTES", 1000)
    (result,) = ingest_paths(db, [plans], workers=1).results
    assert result.status == "failed" and "MB a plan may be" in result.error
    monkeypatch.setattr(pdf, "MAX_PDF_BYTES", 256 * 1024 * 1024)
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 50)
    (result,) = ingest_paths(db, [plans], workers=1).results
    assert result.status == "failed" and "characters, more than the 50 allowed" in result.error
    assert "\n" not in result.error
    assert db.execute("SELECT count(*) FROM pages").fetchone()[0] == 0  # nothing half-stored
    db.close()


# -- full-text search ---------------------------------------------------------------------------
query_tokens = st.sampled_from(
    ["AND", "OR", "NOT", "NEAR", "(", ")", '"', "*", "^", ":", "-", "+", "text:", "{", "}", "'"]
)
query_words = st.sampled_from(
    ["vrijwilligers", "de", "het", "brussel", "é", "😀", "\x00", "a*b", "NEAR(", "*a"]
)


@settings(FUZZ, max_examples=200)
@given(
    query=st.one_of(
        st.text(),
        st.lists(st.one_of(query_tokens, query_words, st.text(max_size=5)), max_size=8).map(
            " ".join
        ),
        st.lists(st.one_of(query_tokens, query_words), max_size=8).map("".join),
    ),
    prefix=st.booleans(),
)
def test_search_fuzz_gives_hits_or_a_query_error(corpus: Path, query: str, prefix: bool) -> None:
    db = store.connect(corpus, migrate=False)
    try:
        search.search(db, query, prefix=prefix, limit=5)
    except SearchQueryError as exc:
        assert "\n" not in str(exc)
    finally:
        db.close()


# -- every command-line path --------------------------------------------------------------------
SLOW_OR_OUTSIDE = {("sample",), ("suggest", "train"), ("suggest", "evaluate")}


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], list]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
        elif (*path, name) not in SLOW_OR_OUTSIDE:
            options = [o for p in command.params if isinstance(p, click.Option) for o in p.opts]
            found.append(((*path, name), options))
    return found


COMMANDS = _commands(main)
words = st.one_of(
    st.sampled_from(["vrijwilligers", "missie", "anna", "1", "0", "-1", "999999", "x=y", "."]),
    st.sampled_from(["csv", "html", "qdpx", "-", "missing.txt", "region=Brussel", "proef"]),
    st.integers(-3, 40).map(str),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")),
)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    path, options = draw(st.sampled_from(COMMANDS))
    args = draw(st.lists(st.one_of(st.sampled_from(options or ["--json"]), words), max_size=6))
    return [*path, *args]


@settings(FUZZ, max_examples=150)
@given(line=command_lines())
def test_cli_fuzz_exits_with_a_message_never_a_traceback(corpus: Path, line: list[str]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "coder.db"
        shutil.copy(corpus, db)
        with contextlib.chdir(folder):  # what a command writes lands in the temporary folder
            result = runner.invoke(main, ["--db", str(db), *line], input="")
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        line,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2), (line, result.output)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["report", "vrijwilligers", "-o"],  # was a FileNotFoundError traceback
        ["export", "--format", "csv", "-o"],
        ["codebook", "export", "--format", "yaml", "-o"],
    ],
)
def test_a_file_that_cannot_be_written_is_one_line(corpus: Path, command: list[str]) -> None:
    result = CliRunner().invoke(main, ["--db", str(corpus), *command, "/nonexistent/out.file"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "/nonexistent/out.file: cannot write" in result.output


# -- Markdown and HTML in memos, summaries and reports -----------------------------------------
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>a</a>",
    "<iframe src=//evil></iframe>",
    '<svg onload="alert(1)">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)\n\n[y][x]",
    "<style>body{display:none}</style>",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=20)), min_size=1, max_size=5
).map(" ".join)


class _Tags(HTMLParser):
    """The tags of an HTML text, and whatever in them could run script."""

    def __init__(self, allowed: set[str]) -> None:
        super().__init__()
        self.allowed = allowed
        self.tags: set[str] = set()
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in self.allowed:
            self.unsafe.append(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                self.unsafe.append(f"<{tag} {name}=...>")
            elif name in ("href", "src", "action", "formaction", "xlink:href") and url.startswith(
                ("javascript:", "vbscript:", "data:text")
            ):
                self.unsafe.append(f"<{tag} {name}={value}>")


#: what Markdown itself makes (commonmark with tables)
MARKDOWN_TAGS = {"p", "em", "strong", "a", "img", "code", "pre", "blockquote", "hr", "br"}
MARKDOWN_TAGS |= {"ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"}
MARKDOWN_TAGS |= {f"h{n}" for n in range(1, 7)}


def _unsafe(html: str, allowed: set[str] = MARKDOWN_TAGS) -> list[str]:
    """Tags outside ``allowed``, event handlers and script URLs in ``html``."""
    parser = _Tags(allowed)
    parser.feed(html)
    parser.close()
    return parser.unsafe


@FUZZ
@given(text=hostile_text)
def test_md_shows_memos_as_text_even_where_html_is_on(text: str) -> None:
    from coder.ui.common import md

    rendered = MarkdownIt("commonmark", {"html": True}).render(md(text))
    # nothing but paragraphs (and what line layout alone makes) comes out of escaped text
    assert not _unsafe(rendered, {"p", "br", "h1", "h2", "pre", "code"})


def test_one_escape_for_app_and_reports_keeps_amounts_out_of_latex() -> None:
    from coder.ui.common import md

    assert md is summaries.escape_markdown
    # Streamlit reads $...$ as a formula: amounts in a plan must stay amounts
    assert md("van $5 tot $10") == "van \\$5 tot \\$10"
    assert "$5 tot $10" in summaries.render_markdown(md("van $5 tot $10"))


@FUZZ
@given(text=hostile_text)
def test_summary_markdown_renders_without_script(text: str) -> None:
    assert not _unsafe(summaries.render_markdown(text))


def test_an_html_report_carries_no_script_from_memos_or_summaries(copy: Path) -> None:
    from coder import coding, reports

    hostile = "\n\n".join(PAYLOADS)
    db = store.connect(copy)
    document = db.execute("SELECT id FROM documents ORDER BY id").fetchone()[0]
    coding.create(db, "anna", document, 0, 12, ["vrijwilligers"], memo=hostile)
    summaries.save_summary(db, "anna", "vrijwilligers", f"# Samenvatting\n\n{hostile}\n\n[[1]]")
    html = reports.report(db, "vrijwilligers", "html").decode("utf-8")
    db.close()
    assert "Samenvatting" in html
    # the report's own markup: a style sheet, layout and inline SVG charts; never script
    own = {"html", "head", "meta", "title", "style", "body", "section", "div", "span", "figure"}
    own |= {"figcaption", "svg", "g", "rect", "text", "line", "title", "caption", "small", "nav"}
    assert not _unsafe(html, MARKDOWN_TAGS | own), _unsafe(html, MARKDOWN_TAGS | own)
    assert "&lt;script&gt;" in html  # shown, as text


def test_errors_on_user_input_name_what_to_do() -> None:
    with pytest.raises(CoderError, match="unbalanced"):
        search.fts_query('"vrijwilligers')
