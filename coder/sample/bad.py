"""Broken inputs for the ingest error paths.

Why: ingest must fail clearly (and per file) on what real submissions contain: a PDF that
needs a password, a truncated upload, an empty file, a Word document renamed to .pdf and a
plan that is nothing but scanned images. Each file here is broken in exactly one such way.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from coder.sample.organisations import sample_organisations
from coder.sample.prose import plan_document
from coder.sample.render import render_document  # also makes ReportLab output invariant
from coder.sample.scan import scan_page_jpeg

USER_PASSWORD = "geheim"
_DOCX_FILES = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Jaarverslag 2019</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Dit verslag werd per vergissing als .pdf opgeslagen.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ),
}


def _small_plan_pdf() -> bytes:
    org = sample_organisations(1, seed=99)[0]
    doc = plan_document(org, 15, seed=99, peers=[org.name])
    return render_document(doc).pdf


def _encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    encryption = StandardEncryption(USER_PASSWORD, ownerPassword="eigenaar", strength=128)
    canvas = Canvas(buffer, pagesize=A4, encrypt=encryption)
    canvas.setFont("Helvetica-Bold", 18)
    canvas.drawString(72, 760, "Beleidsplan 2021-2025 (vertrouwelijk)")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 730, "Deze versie is beveiligd met een wachtwoord.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _DOCX_FILES.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 2, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()


def _scan_only_pdf() -> bytes:
    rng = random.Random("coder-sample:bad:scan-only")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    width, height = A4
    for page in range(3):
        lines = [
            "Beleidsplan 2021-2025 - gescande versie",
            f"Pagina {page + 1} van 3",
            "",
            "Dit document werd op papier ondertekend en daarna ingescand.",
            "Er is geen tekstlaag: alleen beelden.",
        ]
        jpeg = scan_page_jpeg("Ingescand beleidsplan", lines, "De voorzitter", "Gent, 2020", rng)
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def generate_bad_inputs(out_dir: Path) -> list[Path]:
    """Write the broken inputs into ``out_dir`` and return their paths.

    - ``encrypted.pdf``: needs the user password "geheim"
    - ``truncated.pdf``: the first half of a valid plan
    - ``empty.pdf``: zero bytes
    - ``verslag.pdf``: a .docx (zip) renamed to .pdf
    - ``scan-only.pdf``: three image-only pages, no text layer
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = _small_plan_pdf()
    contents = {
        "encrypted.pdf": _encrypted_pdf(),
        "truncated.pdf": plan[: len(plan) // 2],
        "empty.pdf": b"",
        "verslag.pdf": _docx_bytes(),
        "scan-only.pdf": _scan_only_pdf(),
    }
    paths = []
    for name, data in contents.items():
        path = out_dir / name
        path.write_bytes(data)
        paths.append(path)
    return paths
