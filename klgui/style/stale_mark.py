"""How a view says that it shows the last valid input, not the current (invalid) one.

The charts and the ranking say it alike: " (last valid input)" after the view's title, or a
short mark when the view is too narrow for that (the banner says the rest), and the view's
content dimmed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetricsF

#: After the title of a view too narrow for " (last valid input)".
STALE_MARK = " ⚠"
#: Opacity of a view's content while it shows the last valid input rather than the current one.
STALE_OPACITY = 0.35


class StaleMark:
    """The title of one view, marked while :attr:`stale` (the view shows the last valid input)."""

    def __init__(self, title: str, room: float = 0.0) -> None:
        self.title = title
        #: Pixels the view needs beside its title (an axis, margins).
        self.room = room
        self.stale = False

    def title_text(self, font: QFont, width: float) -> str:
        """The title to show in a view ``width`` pixels wide: marked in full while stale, or
        with the short mark when the full one would not fit."""
        if not self.stale:
            return self.title
        marked = self.title + QCoreApplication.translate("StaleMark", " (last valid input)")
        if self._width(marked, font) <= width:
            return marked
        return self.title + STALE_MARK

    def minimum_width(self, font: QFont) -> int:
        """The width the title needs with its short mark: the mark never pushes a view wider."""
        return self._width(self.title + STALE_MARK, font) if self.title else 0

    def _width(self, text: str, font: QFont) -> int:
        return math.ceil(QFontMetricsF(font).horizontalAdvance(text) + self.room)

    @property
    def opacity(self) -> float:
        """The opacity of the view's content."""
        return STALE_OPACITY if self.stale else 1.0
