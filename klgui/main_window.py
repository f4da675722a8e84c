"""The main window: the editor and controls on the left, the charts and the ranking on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import Workspace
from klgui.analysis_controls import AnalysisControls
from klgui.contribution_chart import ContributionChart
from klgui.decomposition_chart import DecompositionChart
from klgui.distribution_chart import DistributionChart
from klgui.distribution_editor import DistributionEditor
from klgui.document import Document
from klgui.input_banner import InputBanner
from klgui.measure_names import measure_long_name
from klgui.ranking_table import RankingTable

#: How long a status-bar message stays, in milliseconds.
MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, title: str | None = None) -> None:
        super().__init__()
        self.document = Document(workspace, self)
        self.document_title = title or self.tr("Untitled")
        self._build_views()
        self._build_menus()
        self.summary = QLabel(self)
        self.statusBar().addPermanentWidget(self.summary)
        self.document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.document.comparisonChanged.connect(self._on_document_comparison_changed)
        self.editor.message.connect(self.show_message)
        self._on_document_comparison_changed()
        self._update_title()
        self.resize(1280, 800)
        self._restore_layout()

    # -- construction ---------------------------------------------------------------------------

    def _build_views(self) -> None:
        document = self.document
        self.banner = InputBanner(document, self)
        self.editor = DistributionEditor(document, self)
        self.controls = AnalysisControls(document, self)
        analysis = QGroupBox(self.tr("Analysis"), self)
        QVBoxLayout(analysis).addWidget(self.controls)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(analysis)
        left.setMinimumWidth(280)

        self.distribution_chart = DistributionChart(document, self)
        self.contribution_chart = ContributionChart(document, self)
        self.ranking = RankingTable(document, self)
        self.decomposition_chart = DecompositionChart(document, self)

        self.bottom_splitter = QSplitter(Qt.Horizontal, self)
        self.bottom_splitter.addWidget(self.ranking)
        self.bottom_splitter.addWidget(self.decomposition_chart)
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.chart_splitter = QSplitter(Qt.Vertical, self)
        self.chart_splitter.addWidget(self.distribution_chart)
        self.chart_splitter.addWidget(self.contribution_chart)
        self.chart_splitter.addWidget(self.bottom_splitter)
        self.main_splitter = QSplitter(Qt.Horizontal, self)
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(self.chart_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 5)
        for splitter in (self.main_splitter, self.chart_splitter, self.bottom_splitter):
            splitter.setChildrenCollapsible(False)
        # First-run proportions; afterwards the user's own, from QSettings.
        self.main_splitter.setSizes([460, 820])
        self.chart_splitter.setSizes([240, 250, 290])
        self.bottom_splitter.setSizes([480, 340])
        self.setCentralWidget(self.main_splitter)

    def _build_menus(self) -> None:
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Y")])
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.triggered.connect(self.close)
        self.reverse_terms_action = QAction(self.tr("Show the terms of KL(Q‖P)"), self)
        self.reverse_terms_action.setCheckable(True)
        self.reverse_terms_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reverse_terms_action.toggled.connect(self.contribution_chart.set_reverse)
        self.contribution_chart.direction.currentIndexChanged.connect(
            lambda index: self.reverse_terms_action.setChecked(index == 1)
        )
        about_action = QAction(self.tr("&About KL Explorer"), self)
        about_action.triggered.connect(self._show_about)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        editor = self.editor
        edit_menu.addActions([editor.copy_action, editor.paste_action, editor.clear_action])
        edit_menu.addSeparator()
        for action in [*editor.class_actions(), None, *editor.distribution_actions()]:
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)
        edit_menu.addAction(editor.normalize_all_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.reverse_terms_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions(
            [
                editor.add_class_action,
                editor.remove_class_action,
                editor.add_model_action,
                editor.remove_distribution_action,
                editor.set_reference_action,
                editor.normalize_action,
            ]
        )
        self.toolbar = toolbar

    # -- state ----------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("%s[*] — KL Explorer") % self.document_title)
        self.setWindowModified(not self.document.undo_stack.isClean())

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_document_comparison_changed(self) -> None:
        workspace = self.document.workspace
        comparison = self.document.comparison
        unit = comparison.unit if comparison is not None else ""
        self.summary.setText(
            self.tr("%d classes · %d models · %s · ranked by %s")
            % (
                len(workspace.classes),
                len(workspace.model_names),
                unit,
                measure_long_name(workspace.rank_by),
            )
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About KL Explorer"),
            self.tr(
                "<h3>KL Explorer</h3><p>Judge classification models by how far their predicted "
                "class distributions are from the truth.</p>"
                "<p>D<sub>KL</sub>(P‖Q) = Σ P(x)·log(P(x)/Q(x)) ≥ 0, and = 0 only when Q = P.<br>"
                "H(P,Q) = H(P) + D<sub>KL</sub>(P‖Q): ranking by cross-entropy is ranking by KL."
                "</p>"
            ),
        )

    # -- layout memory --------------------------------------------------------------------------

    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "main": self.main_splitter,
            "charts": self.chart_splitter,
            "bottom": self.bottom_splitter,
        }

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            saved = settings.value(f"window/splitter/{name}")
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        for name, splitter in self._splitters().items():
            settings.setValue(f"window/splitter/{name}", splitter.saveState())

    def confirm_discard(self) -> bool:
        """True if there are no unsaved changes or the user agrees to lose them."""
        if self.document.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("%s has unsaved changes. Discard them?") % self.document_title,
            QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Cancel,
        )
        return answer == QMessageBox.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        event.accept()
