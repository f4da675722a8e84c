"""How charts look: fonts, lines and colours, for the desk, a dark room and a lecture hall."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartStyle:
    font_point_size: int = 11
    title_point_size: int = 12
    #: Bar outlines, zero lines and markers.
    outline_width: float = 0.6
    #: Curves (histograms, exploration plots).
    line_width: float = 2.0
    marker_size: int = 16
    background: str = "#ffffff"
    foreground: str = "#202020"
    outline: str = "#202020"
    #: The reference P: near-black on white, near-white on black, so it reads as "the truth".
    reference_colour: str = "#3b3b3b"
    #: H(P) in the decomposition: the part no model can change.
    entropy_colour: str = "#b0b0b0"
    notice_colour: str = "#606060"


DEFAULT_STYLE = ChartStyle()

DARK_STYLE = ChartStyle(
    background="#161616",
    foreground="#f0f0f0",
    outline="#f0f0f0",
    reference_colour="#e8e8e8",
    entropy_colour="#6a6a6a",
    notice_colour="#b0b0b0",
)


def chart_style(dark: bool, presentation: bool) -> ChartStyle:
    """The style for a theme; presentation mode: large type and heavy lines for a projector,
    black on white (or white on black) for the highest contrast."""
    base = DARK_STYLE if dark else DEFAULT_STYLE
    if not presentation:
        return base
    return ChartStyle(
        font_point_size=18,
        title_point_size=22,
        outline_width=1.8,
        line_width=4.0,
        marker_size=26,
        background="#000000" if dark else "#ffffff",
        foreground="#ffffff" if dark else "#000000",
        outline="#ffffff" if dark else "#000000",
        reference_colour=base.reference_colour,
        entropy_colour=base.entropy_colour,
        notice_colour=base.foreground,
    )
