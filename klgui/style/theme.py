"""Light and dark themes, and presentation mode: large type, heavy lines, high contrast."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from klgui.style.chart_style import ChartStyle, chart_style
from klgui.style.contrast_style import ContrastStyle

#: Point size of the interface in presentation mode (charts have their own, in ChartStyle).
PRESENTATION_FONT_POINTS = 16


@dataclass(frozen=True)
class Theme:
    dark: bool = False
    presentation: bool = False

    @property
    def chart_style(self) -> ChartStyle:
        return chart_style(self.dark, self.presentation)


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.Window: "#202020",
        QPalette.WindowText: "#f0f0f0",
        QPalette.Base: "#161616",
        QPalette.AlternateBase: "#262626",
        QPalette.ToolTipBase: "#303030",
        QPalette.ToolTipText: "#f0f0f0",
        QPalette.Text: "#f0f0f0",
        QPalette.Button: "#2c2c2c",
        QPalette.ButtonText: "#f0f0f0",
        QPalette.BrightText: "#ff6060",
        QPalette.Highlight: "#0072B2",
        QPalette.HighlightedText: "#ffffff",
        QPalette.Link: "#56B4E9",
        QPalette.PlaceholderText: "#909090",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.Text, QPalette.ButtonText, QPalette.WindowText):
        palette.setColor(QPalette.Disabled, role, QColor("#7a7a7a"))
    return palette


class ThemeApplier:
    """Applies a theme to the application; remembers the start-up style, font and palette to
    go back to. One per application (:meth:`of`): a second window must not take the first
    window's dark palette for the original."""

    @classmethod
    def of(cls, app: QApplication) -> ThemeApplier:
        applier = app.property("klguiThemeApplier")
        if applier is None:
            applier = cls(app)
            app.setProperty("klguiThemeApplier", applier)
        return applier

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._style_name = app.style().name()
        self._font = QFont(app.font())
        self._palette = QPalette(app.palette())

    def apply(self, theme: Theme) -> None:
        app = self._app
        # Fusion draws the same everywhere and follows a palette fully: the dark theme needs
        # it, with outlines that show on a dark window. A new style re-polishes everything:
        # only when it changes.
        if theme.dark and not isinstance(app.style(), ContrastStyle):
            app.setStyle(ContrastStyle())
        elif not theme.dark and app.style().name().lower() != self._style_name.lower():
            app.setStyle(self._style_name)
        app.setPalette(_dark_palette() if theme.dark else self._palette)
        font = QFont(self._font)
        if theme.presentation:
            font.setPointSize(PRESENTATION_FONT_POINTS)
        app.setFont(font)
