"""Building QActions and filling menus and toolbars, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object] | None = None,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action whose tooltip names its shortcut, and whose tip shows in the status bar."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WindowShortcut)
    if tip:
        keys = action.shortcut().toString(QKeySequence.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def fill(container: QMenu | QToolBar, items: Iterable[QAction | QMenu | None]) -> None:
    """Add actions, submenus (QMenu) and separators (None) to a menu or toolbar."""
    for item in items:
        if item is None:
            container.addSeparator()
        elif isinstance(item, QMenu):
            container.addMenu(item)
        else:
            container.addAction(item)
