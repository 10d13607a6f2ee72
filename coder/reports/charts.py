"""Bar charts for reports, drawn without a plotting library.

A report needs a few horizontal bar charts (fragments per organisation, share of
organisations per group). They are drawn here twice: as inline SVG for HTML
(text escaped, no script) and as PNG with Pillow for DOCX and PDF. That keeps
matplotlib and a headless browser out of the dependencies; the app draws its
interactive charts with Altair.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

BAR = "#2f6f8f"
MUTED = "#9bbccc"
TEXT = "#222222"
MAX_LABEL = 38
MAX_BARS = 25


@dataclass(slots=True)
class BarChart:
    title: str
    labels: list[str]
    values: list[float]
    fmt: Callable[[float], str] = field(default=lambda v: f"{v:g}")
    max_value: float | None = None  # the axis maximum, e.g. 1.0 for shares
    note: str = ""  # shown under the chart (e.g. "top 25 of 80")

    @property
    def top(self) -> float:
        return self.max_value or max(self.values, default=0) or 1.0


@cache
def font_path(bold: bool = False) -> Path:
    """Bitstream Vera, shipped with reportlab: Latin-1, € and typographic quotes included."""
    import reportlab

    return Path(reportlab.__file__).parent / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def svg(chart: BarChart, width: int = 720) -> str:
    """The chart as an inline SVG element (every text escaped)."""
    row, label_w, pad = 22, 260, 8
    height = 34 + row * len(chart.values) + (22 if chart.note else 6)
    bar_w = width - label_w - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chart.title)}"'
        ' font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<text x="0" y="16" font-size="14" font-weight="bold" fill="{TEXT}">'
        f"{escape(chart.title)}</text>",
    ]
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = 30 + i * row
        w = max(0.0, value / chart.top * bar_w)
        parts.append(
            f'<text x="{label_w - pad}" y="{y + 14}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_label(label))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{BAR}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" fill="{TEXT}">'
            f"{escape(chart.fmt(value))}</text>"
        )
    if chart.note:
        parts.append(
            f'<text x="0" y="{height - 6}" fill="#666666" font-size="11">'
            f"{escape(chart.note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def png(chart: BarChart, width: int = 1400) -> bytes:
    """The chart as a PNG image (Pillow), twice the SVG's size for print."""
    from PIL import Image, ImageDraw, ImageFont

    scale = width / 720
    row, label_w, pad = int(22 * scale), int(260 * scale), int(8 * scale)
    height = int(34 * scale) + row * len(chart.values) + int((22 if chart.note else 6) * scale)
    bar_w = width - label_w - int(70 * scale)
    font = ImageFont.truetype(str(font_path()), int(12 * scale))
    bold = ImageFont.truetype(str(font_path(bold=True)), int(14 * scale))
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((0, int(2 * scale)), chart.title, fill=TEXT, font=bold)
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = int(30 * scale) + i * row
        w = max(0, int(value / chart.top * bar_w))
        text = _label(label)
        tw = draw.textlength(text, font=font)
        draw.text((label_w - pad - tw, y + int(4 * scale)), text, fill=TEXT, font=font)
        if w:
            inset = int(3 * scale)
            draw.rectangle([label_w, y + inset, label_w + w, y + row - inset], BAR)
        draw.text(
            (label_w + w + int(4 * scale), y + int(4 * scale)),
            chart.fmt(value),
            fill=TEXT,
            font=font,
        )
    if chart.note:
        draw.text((0, height - int(18 * scale)), chart.note, fill="#666666", font=font)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=3)
    return out.getvalue()


def percent(value: float) -> str:
    return f"{value:.0%}"


def coverage_chart(report: object) -> BarChart:
    """Fragments per organisation that mentions the code (the most first)."""
    rows = report.coverage.rows  # type: ignore[attr-defined]
    shown = rows[:MAX_BARS]
    note = f"de {len(shown)} organisaties met de meeste fragmenten van {len(rows)}"
    return BarChart(
        title="Fragmenten per organisatie",
        labels=[r.organisation.name for r in shown],
        values=[float(r.fragments) for r in shown],
        fmt=lambda v: f"{v:.0f}",
        note=note if len(rows) > MAX_BARS else "",
    )


def attribute_chart(report: object, key: str) -> BarChart:
    """Share of the organisations in each group that mention the code."""
    matrix, row = report.attributes[key]  # type: ignore[attr-defined]
    return BarChart(
        title=f"Aandeel organisaties dat de code vermeldt, per {matrix.attribute.label.lower()}",
        labels=[f"{c.value} ({c.organisations})" for c in row.cells],
        values=[c.share for c in row.cells],
        fmt=percent,
        max_value=1.0,
    )
