"""How charts look: fonts and lines sized to read from the back of a lecture hall."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartStyle:
    font_point_size: int = 11
    title_point_size: int = 12
    line_width: float = 1.5
    background: str = "#ffffff"
    foreground: str = "#202020"
    grid_alpha: float = 0.25


DEFAULT_STYLE = ChartStyle()
