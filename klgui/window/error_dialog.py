"""Unexpected exceptions never kill the app silently: a dialog shows them, with details to copy."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def show_unexpected_error(
    parent: QWidget | None,
    error_type: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    details = "".join(traceback.format_exception(error_type, error, trace))
    print(details, file=sys.stderr)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Unexpected error"))
    box.setText(
        QApplication.translate(
            "errors",
            "Something went wrong that KL Explorer did not expect. Your work is still open; "
            "saving it under a new name is a good idea. Please report this with the details.",
        )
    )
    box.setInformativeText(f"{error_type.__name__}: {error}")
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.Ok)
    box.exec()


def install_excepthook(parent: QWidget | None) -> None:
    """Route uncaught exceptions in Qt slots to :func:`show_unexpected_error`."""

    def hook(
        error_type: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(error_type, KeyboardInterrupt):
            sys.__excepthook__(error_type, error, trace)
            return
        show_unexpected_error(parent, error_type, error, trace)

    sys.excepthook = hook
