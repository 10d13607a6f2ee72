"""Sizes and distances derived from a house style, shared by the renderer and the estimator.

Why one place: the content planner decides how much text a plan gets by estimating pages,
and that estimate is only as good as its agreement with what the renderer actually does.
``scale`` stretches leading and vertical spacing; the renderer uses it to land a plan on its
page target without touching the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4

from coder.sample.styles import HouseStyle

PAGE_WIDTH, PAGE_HEIGHT = A4
BAND_HEIGHT = 84.0  # full-width chapter heading band above two columns ("mixed" layout)
LIST_INDENT = 16.0
BOX_PADDING = 8.0
TABLE_PADDING = 3.0


@dataclass(frozen=True)
class Metrics:
    style: HouseStyle
    scale: float = 1.0

    @property
    def frame_width(self) -> float:
        return PAGE_WIDTH - self.style.margin_left - self.style.margin_right

    @property
    def frame_height(self) -> float:
        return PAGE_HEIGHT - self.style.margin_top - self.style.margin_bottom

    @property
    def column_width(self) -> float:
        return (self.frame_width - self.style.gutter) / 2

    def width(self, layout: str) -> float:
        return self.column_width if layout == "two" else self.frame_width

    @property
    def body_size(self) -> float:
        return self.style.body_size

    @property
    def leading(self) -> float:
        return round(self.style.leading * self.scale, 2)

    @property
    def para_space(self) -> float:
        return round(self.style.para_space * self.scale, 2)

    def heading_size(self, level: int) -> float:
        return self.style.body_size + {0: 12.0, 1: 8.0, 2: 3.5, 3: 1.5, 4: 0.5}[level]

    def heading_leading(self, level: int) -> float:
        return round(self.heading_size(level) * 1.2, 2)

    def heading_space_before(self, level: int) -> float:
        return round({1: 6.0, 2: 14.0, 3: 10.0, 4: 8.0}.get(level, 8.0) * self.scale, 2)

    def heading_space_after(self, level: int) -> float:
        return round({1: 12.0, 2: 6.0, 3: 4.0, 4: 3.0}.get(level, 3.0) * self.scale, 2)

    @property
    def table_size(self) -> float:
        return max(7.0, self.style.body_size - 1.5)

    @property
    def table_leading(self) -> float:
        return round(self.table_size * 1.2, 2)

    @property
    def box_size(self) -> float:
        return self.style.body_size - 0.5

    @property
    def box_leading(self) -> float:
        return round(self.box_size * 1.3 * self.scale, 2)

    @property
    def list_space(self) -> float:
        return round(max(2.0, self.style.para_space / 2) * self.scale, 2)
