"""House styles: how a plan looks on the page.

Why: the real 131 plans each had their own layout (the decree imposes no form), and ingest
must cope with that variety: serif and sans bodies, justified and ragged text, one and two
columns, numbered and unnumbered headings, different running headers and page-number forms.
A style is chosen per plan from a handful of base styles and then varied a little, so no
two plans look exactly alike. Only the PDF standard-14 fonts are used, so nothing is
embedded and rendering stays fast.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

FAMILIES: dict[str, dict[str, str]] = {
    "Helvetica": {
        "regular": "Helvetica",
        "bold": "Helvetica-Bold",
        "italic": "Helvetica-Oblique",
    },
    "Times": {"regular": "Times-Roman", "bold": "Times-Bold", "italic": "Times-Italic"},
    "Courier": {"regular": "Courier", "bold": "Courier-Bold", "italic": "Courier-Oblique"},
}

FOOTER_FORMS = ("plain", "p", "pagina_van", "dashes", "title_bar")
HEADER_MODES = ("org", "chapter", "both", "none")
BULLETS = ("bullet", "dash", "square", "number")


@dataclass(frozen=True)
class HouseStyle:
    """Everything the renderer and the page estimator need to know about a plan's look."""

    name: str
    body_family: str
    heading_family: str
    body_size: float
    leading_ratio: float
    justify: bool
    hyphenate: bool
    first_line_indent: float
    para_space: float
    columns: str  # "one", "two" (whole plan) or "mixed" (content chapters in two columns)
    numbered: bool
    upper_chapters: bool
    heading_colour: str
    accent_colour: str
    box_colour: str
    table_header_colour: str
    chapter_new_page: bool
    header_mode: str
    footer_form: str
    footer_align: str  # "center", "right" or "outer"
    bullet: str
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    gutter: float
    cover: str  # "block", "band" or "plain"

    @property
    def leading(self) -> float:
        return round(self.body_size * self.leading_ratio, 2)

    def font(self, weight: str = "regular", family: str | None = None) -> str:
        return FAMILIES[family or self.body_family][weight]


_BASES: tuple[HouseStyle, ...] = (
    HouseStyle(
        name="klassiek", body_family="Times", heading_family="Times", body_size=11.0,
        leading_ratio=1.3, justify=True, hyphenate=True, first_line_indent=0.0,
        para_space=6.0, columns="one", numbered=True, upper_chapters=False,
        heading_colour="#1F3864", accent_colour="#2E5597", box_colour="#E8EEF7",
        table_header_colour="#D6DFEE", chapter_new_page=True, header_mode="chapter",
        footer_form="pagina_van", footer_align="center", bullet="bullet",
        margin_left=72, margin_right=72, margin_top=72, margin_bottom=66, gutter=18,
        cover="plain",
    ),
    HouseStyle(
        name="modern", body_family="Helvetica", heading_family="Helvetica", body_size=9.5,
        leading_ratio=1.4, justify=False, hyphenate=True, first_line_indent=0.0,
        para_space=7.0, columns="mixed", numbered=False, upper_chapters=False,
        heading_colour="#00747A", accent_colour="#00A3A8", box_colour="#E0F4F4",
        table_header_colour="#BFE6E7", chapter_new_page=True, header_mode="org",
        footer_form="p", footer_align="outer", bullet="dash",
        margin_left=56, margin_right=56, margin_top=64, margin_bottom=60, gutter=20,
        cover="block",
    ),
    HouseStyle(
        name="kantoor", body_family="Helvetica", heading_family="Helvetica", body_size=10.0,
        leading_ratio=1.3, justify=True, hyphenate=True, first_line_indent=0.0,
        para_space=6.0, columns="one", numbered=True, upper_chapters=True,
        heading_colour="#333333", accent_colour="#7F7F7F", box_colour="#EFEFEF",
        table_header_colour="#D9D9D9", chapter_new_page=False, header_mode="both",
        footer_form="dashes", footer_align="center", bullet="square",
        margin_left=64, margin_right=64, margin_top=70, margin_bottom=62, gutter=18,
        cover="band",
    ),
    HouseStyle(
        name="magazine", body_family="Times", heading_family="Helvetica", body_size=10.0,
        leading_ratio=1.25, justify=True, hyphenate=True, first_line_indent=10.0,
        para_space=2.0, columns="two", numbered=False, upper_chapters=True,
        heading_colour="#C0504D", accent_colour="#E46C0A", box_colour="#FCE9D9",
        table_header_colour="#F9CBAA", chapter_new_page=False, header_mode="chapter",
        footer_form="plain", footer_align="outer", bullet="bullet",
        margin_left=50, margin_right=50, margin_top=62, margin_bottom=56, gutter=18,
        cover="block",
    ),
    HouseStyle(
        name="typemachine", body_family="Courier", heading_family="Courier", body_size=9.5,
        leading_ratio=1.35, justify=False, hyphenate=True, first_line_indent=0.0,
        para_space=8.0, columns="one", numbered=True, upper_chapters=True,
        heading_colour="#000000", accent_colour="#404040", box_colour="#F2F2F2",
        table_header_colour="#E6E6E6", chapter_new_page=True, header_mode="none",
        footer_form="dashes", footer_align="center", bullet="number",
        margin_left=70, margin_right=60, margin_top=64, margin_bottom=60, gutter=18,
        cover="plain",
    ),
    HouseStyle(
        name="rapport", body_family="Helvetica", heading_family="Helvetica", body_size=10.5,
        leading_ratio=1.35, justify=True, hyphenate=True, first_line_indent=0.0,
        para_space=6.0, columns="mixed", numbered=True, upper_chapters=False,
        heading_colour="#4F2683", accent_colour="#8064A2", box_colour="#EDE7F3",
        table_header_colour="#D5C8E4", chapter_new_page=True, header_mode="both",
        footer_form="title_bar", footer_align="right", bullet="bullet",
        margin_left=60, margin_right=60, margin_top=70, margin_bottom=64, gutter=22,
        cover="band",
    ),
)  # fmt: skip

BASE_STYLES: dict[str, HouseStyle] = {style.name: style for style in _BASES}

_PALETTES: tuple[tuple[str, str, str, str], ...] = (
    ("#1F3864", "#2E5597", "#E8EEF7", "#D6DFEE"),
    ("#00747A", "#00A3A8", "#E0F4F4", "#BFE6E7"),
    ("#C0504D", "#E46C0A", "#FCE9D9", "#F9CBAA"),
    ("#4F2683", "#8064A2", "#EDE7F3", "#D5C8E4"),
    ("#375623", "#70AD47", "#EAF3E3", "#C5E0B4"),
    ("#7B2C2C", "#B03A2E", "#F6E4E1", "#EBC2BC"),
    ("#333333", "#7F7F7F", "#EFEFEF", "#D9D9D9"),
)


def pick_style(rng: random.Random, target_pages: int) -> HouseStyle:
    """Choose and vary a base style; short plans avoid per-chapter page breaks.

    Mixed-column plans start every content chapter on a page with a full-width heading band,
    which only fits plans long enough to carry the resulting half-empty pages.
    """
    base = rng.choice(_BASES)
    heading, accent, box, table = (
        rng.choice(_PALETTES)
        if rng.random() < 0.5
        else (
            base.heading_colour,
            base.accent_colour,
            base.box_colour,
            base.table_header_colour,
        )
    )
    style = replace(
        base,
        body_size=round(base.body_size + rng.choice((-0.5, 0.0, 0.0, 0.5)), 1),
        leading_ratio=round(base.leading_ratio + rng.uniform(-0.04, 0.05), 2),
        heading_colour=heading,
        accent_colour=accent,
        box_colour=box,
        table_header_colour=table,
        bullet=base.bullet if rng.random() < 0.6 else rng.choice(BULLETS),
        footer_form=base.footer_form if rng.random() < 0.7 else rng.choice(FOOTER_FORMS),
        header_mode=base.header_mode if rng.random() < 0.7 else rng.choice(HEADER_MODES),
    )
    if target_pages < 40:
        columns = "one" if style.columns == "mixed" else style.columns
        style = replace(style, columns=columns, chapter_new_page=False)
    elif style.columns == "one" and rng.random() < 0.25:
        style = replace(style, columns="mixed", chapter_new_page=True)
    return style
