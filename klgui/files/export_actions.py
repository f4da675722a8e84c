"""File ▸ Export and Edit ▸ Copy: charts as PNG or SVG, tables as CSV or for the clipboard,
and the one-page report as HTML or PDF."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from core.errors import file_name
from core.formats.atomic_write import write_atomically
from core.formats.comparison_tables import delimited_text, ranking_rows, terms_rows
from klgui.document.document import Document
from klgui.files.export_names import export_file_name

DIRECTORY_KEY = "export/directory"


class ExportActions(QObject):
    #: Something worth a line in the status bar.
    message = Signal(str)

    def __init__(
        self,
        document: Document,
        charts: list[tuple[str, Callable[[], pg.PlotWidget]]],
        title: Callable[[], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._charts = charts
        self._title = title
        self._parent = parent
        self.menu = QMenu(self.tr("&Export"), parent)
        for name, plot in charts:
            action = self.menu.addAction(self.tr("%s chart…") % name)
            action.triggered.connect(lambda _=False, n=name, p=plot: self.export_chart(n, p()))
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Ranking as CSV…")).triggered.connect(
            lambda: self.export_table("ranking", ranking_rows)
        )
        self.menu.addAction(self.tr("Per-class terms as CSV…")).triggered.connect(
            lambda: self.export_table("terms", terms_rows)
        )
        self.menu.addSeparator()
        self.report_action = self.menu.addAction(self.tr("&Report (HTML or PDF)…"))
        self.report_action.triggered.connect(self.export_report)
        self.menu.addSeparator()
        self.size_action = self.menu.addAction(self.tr("Chart &size for slides…"))
        self.size_action.setStatusTip(
            self.tr("16:9 or 4:3 at a chosen width, and the text's size, for charts and the report")
        )
        self.size_action.triggered.connect(self.choose_export_size)
        self.copy_ranking_action = QAction(self.tr("Copy the ranking"), self)
        self.copy_ranking_action.setStatusTip(
            self.tr("Copy the ranking as tab-separated text that pastes into spreadsheets")
        )
        self.copy_ranking_action.triggered.connect(lambda: self.copy_table(ranking_rows))
        self.copy_terms_action = QAction(self.tr("Copy the per-class terms"), self)
        self.copy_terms_action.triggered.connect(lambda: self.copy_table(terms_rows))

    # -- helpers --------------------------------------------------------------------------------

    def _ask_path(self, caption: str, suggested: str, filters: str) -> str:
        directory = str(QSettings().value(DIRECTORY_KEY, os.getcwd()))
        path, _ = QFileDialog.getSaveFileName(
            self._parent, caption, os.path.join(directory, suggested), filters
        )
        if path:
            QSettings().setValue(DIRECTORY_KEY, os.path.dirname(path))
        return path

    def _suggested_name(self, what: str, extension: str) -> str:
        return export_file_name(self._title(), what, extension)

    def _table_names(self) -> dict[str, str]:
        return {"ranking": self.tr("ranking"), "terms": self.tr("per-class terms")}

    def _done(self, path: str) -> None:
        self.message.emit(self.tr("Exported %s") % file_name(path))

    def _fail(self, path: str, error: Exception) -> None:
        text = self.tr("Could not export %s: %s") % (
            file_name(path),
            getattr(error, "strerror", None) or error,
        )
        self.message.emit(text)
        QMessageBox.warning(self._parent, self.tr("KL Explorer"), text)

    def _comparison_to_export(self):
        """The comparison to export; while the input is invalid, only if the user agrees to
        export the last valid one (it no longer matches the table)."""
        return self._comparison_or_warn(
            self.tr("There is nothing to export until the input is valid."),
            self.tr(
                "The input is not valid now (%s). Export the last valid comparison, "
                "which no longer matches the table?"
            ),
            self.tr("%s is left out until it is fixed (%s). Export the comparison without it?"),
        )

    def _comparison_to_copy(self):
        """The comparison to copy, asked for as for an export."""
        return self._comparison_or_warn(
            self.tr("There is nothing to copy until the input is valid."),
            self.tr(
                "The input is not valid now (%s). Copy the last valid comparison, "
                "which no longer matches the table?"
            ),
            self.tr("%s is left out until it is fixed (%s). Copy the comparison without it?"),
        )

    def _comparison_or_warn(self, nothing_yet: str, stale_question: str, left_out_question: str):
        """The document's comparison; while the input is invalid, only if the user agrees to
        use the last valid one (``stale_question``, with a %s for the input error) or, while
        only models are invalid, the comparison without them (``left_out_question``, with a
        %s for their names and one for the first one's problem). Says ``nothing_yet`` when
        there is none."""
        comparison = self._document.comparison
        if comparison is None:
            QMessageBox.information(self._parent, self.tr("KL Explorer"), nothing_yet)
            return None
        left_out = self._document.left_out
        if left_out:
            question = left_out_question % (", ".join(left_out), next(iter(left_out.values())))
        elif self._document.input_error is not None:
            question = stale_question % self._document.input_error
        if self._document.input_error is not None:
            answer = QMessageBox.question(
                self._parent,
                self.tr("KL Explorer"),
                question,
                QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                return None
        return comparison

    # -- exports --------------------------------------------------------------------------------

    def choose_export_size(self) -> bool:
        """Ask how large charts are exported (and drawn in the report); remembered."""
        from klgui.files.export_size_dialog import (
            ExportSizeDialog,
            save_export_size,
            saved_export_size,
        )

        dialog = ExportSizeDialog(saved_export_size(), self._parent)
        if dialog.exec() != ExportSizeDialog.DialogCode.Accepted:
            return False
        save_export_size(dialog.chosen())
        return True

    def export_chart(self, name: str, plot: pg.PlotWidget) -> bool:
        path = self._ask_path(
            self.tr("Export the %s chart") % name,
            self._suggested_name(name, ".png"),
            self.tr("PNG image (*.png);;SVG vector image (*.svg)"),
        )
        if not path:
            return False
        if os.path.splitext(path)[1].lower() not in (".png", ".svg"):
            path += ".png"
        # Only when exporting: not at start-up.
        from klgui.charts.chart_export import export_chart
        from klgui.files.export_size_dialog import saved_export_size

        try:
            export_chart(plot, path, size=saved_export_size())
        except (OSError, ValueError) as error:
            self._fail(path, error)
            return False
        self._done(path)
        return True

    def export_table(self, kind: str, rows: Callable) -> bool:
        comparison = self._comparison_to_export()
        if comparison is None:
            return False
        path = self._ask_path(
            self.tr("Export as CSV"),
            self._suggested_name(self._table_names()[kind], ".csv"),
            self.tr("CSV (*.csv)"),
        )
        if not path:
            return False
        try:
            write_atomically(path, delimited_text(rows(comparison)).encode("utf-8-sig"))
        except OSError as error:
            self._fail(path, error)
            return False
        self._done(path)
        return True

    def copy_table(self, rows: Callable) -> bool:
        comparison = self._comparison_to_copy()
        if comparison is None:
            return False
        QGuiApplication.clipboard().setText(delimited_text(rows(comparison), "\t"))
        self.message.emit(self.tr("Copied; paste it into a spreadsheet."))
        return True

    def export_report(self) -> bool:
        comparison = self._comparison_to_export()
        if comparison is None:
            return False
        path = self._ask_path(
            self.tr("Export the report"),
            self._suggested_name(self.tr("report"), ".pdf"),
            self.tr("PDF (*.pdf);;HTML page (*.html)"),
        )
        if not path:
            return False
        if os.path.splitext(path)[1].lower() not in (".pdf", ".html"):
            path += ".pdf"
        # Only when exporting: not at start-up.
        from klgui.files.export_size_dialog import saved_export_size
        from klgui.files.report_export import write_report

        charts = [(name, plot()) for name, plot in self._charts]
        try:
            write_report(
                path,
                self._title(),
                datetime.date.today(),
                comparison,
                charts,
                self._document.predictions,
                saved_export_size(),
            )
        except (OSError, ValueError) as error:
            self._fail(path, error)
            return False
        self._done(path)
        return True
