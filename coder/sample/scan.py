"""Raster "scanned" pages: a letter or annex as a JPEG image, with no text layer.

Why: about one real plan in ten contains scanned pages (a signed declaration, a partner
letter); ingest must detect them as image-only pages that need OCR. The image is drawn with
Pillow in grey on off-white paper, slightly rotated, with a hand-drawn signature, and encoded
as JPEG so ReportLab embeds it as is (small files, fast rendering). All randomness comes from
the caller's generator, so the bytes are reproducible.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache
from pathlib import Path

import reportlab
from PIL import Image, ImageDraw, ImageFont

DPI = 100
WIDTH_PX = round(8.27 * DPI)
HEIGHT_PX = round(11.69 * DPI)
_FONT_DIR = Path(reportlab.__file__).parent / "fonts"


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "VeraBd.ttf" if bold else "Vera.ttf"
    return ImageFont.truetype(str(_FONT_DIR / name), size)


def _signature(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int) -> None:
    """A scribble: a few connected loops that look like a handwritten signature."""
    points = []
    phase = rng.uniform(0, math.pi)
    for step in range(60):
        t = step / 59
        px = x + t * rng.uniform(170, 190)
        py = y + math.sin(t * rng.uniform(14, 18) + phase) * rng.uniform(8, 16) * (1 - t / 2)
        points.append((px, py))
    draw.line(points, fill=30, width=2)
    draw.line([(x - 10, y + 22), (x + 200, y + 16)], fill=60, width=1)


def scan_page_jpeg(
    title: str, lines: list[str], signer: str, place_date: str, rng: random.Random
) -> bytes:
    """The JPEG bytes of one scanned A4 page."""
    paper = rng.randint(236, 248)
    image = Image.new("L", (WIDTH_PX, HEIGHT_PX), paper)
    draw = ImageDraw.Draw(image)
    margin = 80
    y = 90
    draw.text((margin, y), title, fill=25, font=_font(20, bold=True))
    y += 60
    body = _font(13)
    for line in lines:
        if line:
            draw.text((margin, y), line, fill=rng.randint(20, 45), font=body)
        y += 24
    y += 40
    draw.text((margin, y), place_date, fill=35, font=body)
    y += 70
    _signature(draw, rng, margin + 10, y)
    draw.text((margin, y + 40), signer, fill=35, font=body)
    for _ in range(rng.randint(20, 60)):  # dust and specks from the scanner glass
        sx, sy = rng.randrange(WIDTH_PX), rng.randrange(HEIGHT_PX)
        draw.point((sx, sy), fill=rng.randint(90, 180))
    angle = rng.uniform(-0.8, 0.8)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=62, optimize=False)
    return buffer.getvalue()
