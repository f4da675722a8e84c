"""The main window: the editor and controls on the left, the charts and the ranking on the right."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import Workspace
from core.errors import one_line
from klgui.actions import fill, make_action
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.decomposition_chart import DecompositionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.document.autosave import Autosave
from klgui.document.document import Document
from klgui.files.export_actions import ExportActions
from klgui.files.file_actions import FileActions
from klgui.panels.analysis_controls import AnalysisControls
from klgui.panels.input_banner import InputBanner
from klgui.style.theme import Theme, ThemeApplier
from klgui.tables.distribution_editor import DistributionEditor
from klgui.tables.ranking_table import RankingTable
from klgui.text.measure_names import measure_long_name, measures_help_html
from klgui.window.focus_frame import FocusFrame
from klgui.window.language import LANGUAGES, interface_language
from klgui.window.lazy_page import LazyPage
from klgui.window.status_bar import StatusBar

#: How long a status-bar message stays, in milliseconds.
MESSAGE_MS = 6000
DARK_THEME_KEY = "view/dark_theme"
#: First-run splitter sizes (scaled to the window); afterwards the user's own, from QSettings.
DEFAULT_SPLITS = {"main": [460, 820], "charts": [240, 250, 290], "bottom": [480, 340]}


class MainWindow(QMainWindow):
    #: The user chose an interface language (a code from klgui.window.language.LANGUAGES).
    languageChosen = Signal(str)

    def __init__(
        self,
        workspace: Workspace | Document,
        title: str | None = None,
        path: str | None = None,
        autosave_directory: Path | None = None,
    ) -> None:
        """A window on ``workspace``, or on an open Document (with its undo history) when the
        window is rebuilt in another language."""
        super().__init__()
        if isinstance(workspace, Document):
            self.document = workspace
            self.document.setParent(self)
        else:
            self.document = Document(workspace, self)
        self._handed_over = False
        self._keep_unsaved_work = False  # closing for a signal: no questions, work kept
        self.theme = Theme(dark=QSettings().value(DARK_THEME_KEY, False, type=bool))
        self._theme_applier = ThemeApplier.of(QApplication.instance())
        self.file_actions = FileActions(self.document, self)
        self.file_actions.set_file(path, title)
        # One autosave per document: a window rebuilt in another language keeps its file.
        self.autosave = Autosave.of(self.document, autosave_directory)
        self.autosave.follow(self.file_actions)
        self._build_views()
        self.export_actions = ExportActions(
            self.document,
            [
                (self.tr("Distributions"), lambda: self.distribution_chart),
                (self.tr("Per-class terms"), lambda: self.contribution_chart.shown_plot),
                (self.tr("Cross-entropy"), lambda: self.decomposition_chart),
            ],
            lambda: self.file_actions.title,
            self,
        )
        self._build_menus()
        self.focus_frame = FocusFrame(self._framed_panes, self)
        self.setStatusBar(StatusBar(self))  # long messages elided, never over the summary
        self.summary = QLabel(self)
        self._build_load_progress()
        self.statusBar().addPermanentWidget(self.summary)
        self.document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.document.comparisonChanged.connect(self._on_document_comparison_changed)
        self.document.workspaceChanged.connect(self.statusBar().clear_outdated_message)
        self.editor.message.connect(self.show_message)
        self.banner.message.connect(self.show_message)
        self.file_actions.message.connect(self.show_message)
        self.export_actions.message.connect(self.show_message)
        self.distribution_chart.message.connect(self.show_message)
        self.file_actions.fileChanged.connect(self._update_title)
        self.setAcceptDrops(True)
        if self.theme != Theme():
            self._apply_theme()
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
        left = self.side_panel = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        # The banner comes and goes under the table: the table's top stays put, so the
        # cell the user is about to click is where it was.
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(analysis)
        left.setMinimumWidth(280)

        self.distribution_chart = DistributionChart(document, self)
        self.contribution_chart = ContributionChart(document, self)
        self.ranking = RankingTable(document, self)
        self.decomposition_chart = DecompositionChart(document, self)
        document.predictionsChanged.connect(self._on_document_predictions_changed)

        self.bottom_splitter = QSplitter(Qt.Horizontal, self)
        self.bottom_splitter.addWidget(self.ranking)
        self.bottom_splitter.addWidget(self.decomposition_chart)
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.chart_splitter = QSplitter(Qt.Vertical, self)
        self.chart_splitter.addWidget(self.distribution_chart)
        self.chart_splitter.addWidget(self.contribution_chart)
        self.chart_splitter.addWidget(self.bottom_splitter)
        # Prediction files add a tab of per-sample results beside the comparison.
        self.right_tabs = QTabWidget(self)
        self.right_tabs.setDocumentMode(True)
        # These tabs are built when first shown: they cost nothing at start-up.
        self._worked_page = LazyPage(self._build_worked_example, self)
        self._explorations_page = LazyPage(self._build_explorations, self)
        self._predictions_page = LazyPage(self._build_predictions_panel, self)
        self._samples_page = LazyPage(self._build_sample_distributions_panel, self)
        self.right_tabs.addTab(self.chart_splitter, self.tr("Comparison"))
        self.right_tabs.addTab(self._worked_page, self.tr("Worked example"))
        self.right_tabs.addTab(self._explorations_page, self.tr("Explorations"))
        self.right_tabs.addTab(self._predictions_page, self.tr("Per-sample predictions"))
        self.right_tabs.setTabVisible(self._predictions_tab(), False)
        self.right_tabs.addTab(self._samples_page, self.tr("Per-sample distributions"))
        self.right_tabs.setTabVisible(self.right_tabs.indexOf(self._samples_page), False)
        document.sampleDistributionsChanged.connect(self._on_document_samples_changed)
        self.main_splitter = QSplitter(Qt.Horizontal, self)
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(self.right_tabs)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 5)
        for splitter in (self.main_splitter, self.chart_splitter, self.bottom_splitter):
            splitter.setChildrenCollapsible(False)
        # First-run proportions; afterwards the user's own, from QSettings.
        self._reset_layout()
        self.setCentralWidget(self.main_splitter)

    def _undo_redo_actions(self) -> None:
        """Undo and Redo with fixed text (a toolbar must not jump about on every edit) and the
        step they undo or redo in the tooltip. Redo answers Ctrl+Shift+Z and Ctrl+Y on every
        platform, without binding a key twice."""
        stack = self.document.undo_stack
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(stack.redo)
        # Slots are methods of this window (the document may outlive it), and they use the
        # signals' values: a stack being destroyed still signals, and cannot be asked then.
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        stack.redoTextChanged.connect(self._on_redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._on_undo_text_changed(stack.undoText())
        self._on_redo_text_changed(stack.redoText())

    def _on_undo_text_changed(self, step: str) -> None:
        self.undo_action.setToolTip(self.tr("Undo: %s") % step if step else self.tr("Undo"))

    def _on_redo_text_changed(self, step: str) -> None:
        self.redo_action.setToolTip(self.tr("Redo: %s") % step if step else self.tr("Redo"))

    def _build_menus(self) -> None:
        self._undo_redo_actions()
        editor = self.editor
        # Ctrl+F finds a class in the find field in view: the table's, or the charts' while
        # the table is hidden (presenting).
        editor.find_class_action.triggered.disconnect(editor.find_class)
        editor.find_class_action.triggered.connect(self._find_class)
        self.quit_action = make_action(self, self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.reverse_terms_action = make_action(
            self, self.tr("Show the terms of KL(Q‖P)"), None, "Ctrl+Shift+R"
        )
        self.reverse_terms_action.setCheckable(True)
        self.reverse_terms_action.toggled.connect(self.contribution_chart.set_reverse)
        self.contribution_chart.direction.currentIndexChanged.connect(
            lambda index: self.reverse_terms_action.setChecked(index == 1)
        )
        self.presentation_action = make_action(self, self.tr("&Presentation mode"), None, "F11")
        self.presentation_action.setCheckable(True)
        self.presentation_action.setStatusTip(
            self.tr("Full screen, large type, heavy lines and high contrast, for a projector")
        )
        self.presentation_action.toggled.connect(self.set_presentation_mode)
        self.side_panel_action = make_action(
            self,
            self.tr("&Table and settings"),
            None,
            "Ctrl+Shift+T",
            self.tr("Show or hide the table and the analysis settings (presenting hides them)"),
        )
        self.side_panel_action.setCheckable(True)
        self.side_panel_action.setChecked(True)
        self.side_panel_action.toggled.connect(self.side_panel.setVisible)
        self._side_panel_before_presenting = True
        self.dark_action = make_action(self, self.tr("&Dark theme"))
        self.dark_action.setCheckable(True)
        self.dark_action.setChecked(self.theme.dark)
        self.dark_action.toggled.connect(self.set_dark_theme)
        self.next_view_action = make_action(
            self, self.tr("&Next view"), lambda: self.focus_view_step(1), "F6"
        )
        self.previous_view_action = make_action(
            self, self.tr("Pre&vious view"), lambda: self.focus_view_step(-1), "Shift+F6"
        )
        self.view_actions = [
            make_action(
                self,
                self.tr("Go to %s") % title,
                lambda _=False, i=index: self.focus_view(i),
                f"Ctrl+{index + 1}",
            )
            for index, title in enumerate(self._view_titles())
        ]
        self.reset_zoom_action = make_action(
            self, self.tr("Reset chart &zoom"), self._reset_chart_zoom, "Ctrl+0"
        )
        self.reset_layout_action = make_action(
            self, self.tr("Reset the &layout"), self._reset_layout
        )
        measures_action = make_action(self, self.tr("What the &measures mean"), self._show_measures)
        shortcuts_action = make_action(self, self.tr("&Keyboard shortcuts"), self._show_shortcuts)
        about_action = make_action(self, self.tr("&About KL Explorer"), self._show_about)

        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        fill(
            self.file_menu,
            [*self.file_actions.menu_actions(), self.export_actions.menu, None, self.quit_action],
        )
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        fill(
            self.edit_menu,
            [
                self.undo_action,
                self.redo_action,
                None,
                editor.copy_action,
                editor.paste_action,
                editor.clear_action,
                self.export_actions.copy_ranking_action,
                self.export_actions.copy_terms_action,
                None,
                *editor.class_actions(),
                None,
                *editor.distribution_actions(),
                editor.normalize_all_action,
            ],
        )
        self.view_menu = bar.addMenu(self.tr("&View"))
        fill(
            self.view_menu,
            [
                self.presentation_action,
                self.dark_action,
                self.side_panel_action,
                None,
                self.reverse_terms_action,
                None,
                self.next_view_action,
                self.previous_view_action,
                *self.view_actions,
                None,
                self.reset_zoom_action,
                self.reset_layout_action,
            ],
        )
        self.language_menu = self.view_menu.addMenu(self.tr("&Language"))
        current = interface_language()  # what is shown, not what was chosen before
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.languageChosen.emit(c))
        help_menu = bar.addMenu(self.tr("&Help"))
        fill(help_menu, [measures_action, shortcuts_action, None, about_action])

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        fill(
            toolbar,
            [
                self.file_actions.open_action,
                self.file_actions.save_action,
                None,
                self.undo_action,
                self.redo_action,
                None,
                editor.add_class_action,
                editor.add_model_action,
                editor.normalize_action,
            ],
        )
        self.toolbar = toolbar

    def _find_class(self) -> None:
        """Put the keyboard in the class find field the user can see."""
        charts_find = self.contribution_chart.class_view_bar.find
        if self.editor.class_filter.isVisible() or not charts_find.isVisible():
            self.editor.find_class()
            return
        charts_find.setFocus(Qt.ShortcutFocusReason)
        charts_find.selectAll()

    # -- themes and presentation ---------------------------------------------------------------

    # -- the tabs built on first use --------------------------------------------------------

    def _styled(self, panel: QWidget) -> QWidget:
        if self.theme != Theme():
            panel.apply_style(self.theme.chart_style)
        return panel

    def _build_worked_example(self) -> QWidget:
        from klgui.panels.worked_example import WorkedExample

        return self._styled(WorkedExample(self.document, self))

    def _build_explorations(self) -> QWidget:
        from klgui.panels.explorations import Explorations

        return self._styled(Explorations(self.document, self))

    def _build_predictions_panel(self) -> QWidget:
        from klgui.panels.predictions_panel import PredictionsPanel

        panel = PredictionsPanel(self.document, self)
        if self.theme != Theme():
            panel.histogram.apply_style(self.theme.chart_style)
        return panel

    def _build_sample_distributions_panel(self) -> QWidget:
        from klgui.panels.sample_distributions_panel import SampleDistributionsPanel

        return self._styled(SampleDistributionsPanel(self.document, self))

    @property
    def sample_distributions_panel(self):
        return self._samples_page.content()

    @property
    def worked_example(self):
        return self._worked_page.content()

    @property
    def explorations(self):
        return self._explorations_page.content()

    @property
    def predictions_panel(self):
        return self._predictions_page.content()

    def charts(self) -> list:
        """Every chart built so far that takes a ChartStyle."""
        charts = [
            self.distribution_chart,
            self.contribution_chart.plot,
            self.contribution_chart.share_plot,
            self.decomposition_chart,
        ]
        if self._predictions_page.built:
            charts.append(self.predictions_panel.histogram)
        for page in (self._worked_page, self._explorations_page, self._samples_page):
            if page.built:
                charts.append(page.content())
        return charts

    def _apply_theme(self) -> None:
        self._theme_applier.apply(self.theme)
        style = self.theme.chart_style
        for chart in self.charts():
            chart.apply_style(style)
        self.banner.follow_theme()
        # The new font reaches the widgets through events: size the tables after them.
        QTimer.singleShot(0, self._fit_tables_to_font)

    def _fit_tables_to_font(self) -> None:
        metrics = self.editor.view.fontMetrics()
        for view in (self.editor.view, self.ranking.view):
            view.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
            view.viewport().update()  # new backgrounds for the new palette
        self.ranking.fit_columns(force=True)  # the editor's columns follow by themselves

    def set_presentation_mode(self, on: bool) -> None:
        """Full screen with large type and heavy lines, or back to the desk."""
        self.theme = Theme(dark=self.theme.dark, presentation=on)
        self._apply_theme()
        # The charts take the room of the table while presenting (bars can be dragged, and
        # Ctrl+Shift+T brings the table back); leaving brings back what was there.
        if on:
            self._side_panel_before_presenting = self.side_panel_action.isChecked()
            self.side_panel_action.setChecked(False)
            self.showFullScreen()
        else:
            self.side_panel_action.setChecked(self._side_panel_before_presenting)
            self.showNormal()
        if self.presentation_action.isChecked() != on:
            self.presentation_action.setChecked(on)

    def set_dark_theme(self, on: bool, remember: bool = True) -> None:
        """Dark or light; remembered for the next start unless ``remember`` is False (a
        theme asked for on the command line is for that run)."""
        self.theme = Theme(dark=on, presentation=self.theme.presentation)
        if remember:
            QSettings().setValue(DARK_THEME_KEY, on)
        if self.dark_action.isChecked() != on:
            blocker = QSignalBlocker(self.dark_action)  # the menu shows it; no second call
            self.dark_action.setChecked(on)
            del blocker
        self._apply_theme()

    # -- keyboard navigation --------------------------------------------------------------------

    def _view_titles(self) -> list[str]:
        return [
            self.tr("the table"),
            self.tr("the distributions"),
            self.tr("the per-class terms"),
            self.tr("the ranking"),
            self.tr("the cross-entropy chart"),
            self.tr("the worked example"),
            self.tr("the explorations"),
        ]

    def _views(self) -> list[QWidget]:
        return [
            self.editor.view,
            self.distribution_chart,
            self.contribution_chart.shown_plot,
            self.ranking.view,
            self.decomposition_chart,
            self.worked_example,
            self.explorations,
        ]

    def _framed_panes(self) -> list[QWidget]:
        """The views the focus frame goes round: those built so far (asking for a tab's
        content would build it)."""
        views = [
            self.editor.view,
            self.distribution_chart,
            self.contribution_chart.plot,
            self.ranking.view,
            self.decomposition_chart,
        ]
        pages = (
            self._worked_page,
            self._explorations_page,
            self._predictions_page,
            self._samples_page,
        )
        return views + [page.content() for page in pages if page.built]

    def focus_view(self, index: int) -> None:
        """Show the tab that holds the view, and give the view the keyboard focus."""
        view = self._views()[index]
        for tab in range(self.right_tabs.count()):
            page = self.right_tabs.widget(tab)
            if page is view or page.isAncestorOf(view):
                self.right_tabs.setCurrentIndex(tab)
        view.setFocus(Qt.ShortcutFocusReason)

    def focus_view_step(self, step: int) -> None:
        """Move the keyboard focus to the next (or previous) view, round the window."""
        views = self._views()
        current = QApplication.focusWidget()
        position = next(
            (i for i, view in enumerate(views) if current is view or view.isAncestorOf(current)),
            -1 if step > 0 else 0,
        )
        self.focus_view((position + step) % len(views))

    def _reset_chart_zoom(self) -> None:
        for chart in (self.distribution_chart, self.contribution_chart.plot):
            chart.reset_zoom()

    def _reset_layout(self) -> None:
        self.main_splitter.setSizes(DEFAULT_SPLITS["main"])
        self.chart_splitter.setSizes(DEFAULT_SPLITS["charts"])
        self.bottom_splitter.setSizes(DEFAULT_SPLITS["bottom"])

    def _show_measures(self) -> None:
        QMessageBox.information(self, self.tr("What the measures mean"), measures_help_html())

    def _show_shortcuts(self) -> None:
        actions = [
            action
            for menu in (self.file_menu, self.edit_menu, self.view_menu)
            for action in menu.actions()
            if not action.shortcut().isEmpty()
        ]
        rows = "".join(
            f"<tr><td>{html.escape(_without_mnemonic(action.text()))}</td>"
            f"<td><b>{action.shortcut().toString(QKeySequence.NativeText)}</b></td></tr>"
            for action in actions
        )
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), f"<table cellpadding='3'>{rows}</table>"
        )

    def _build_load_progress(self) -> None:
        """A progress bar and Cancel in the status bar while prediction files load: the
        window stays usable meanwhile."""
        loader = self.file_actions.loader
        self.load_progress = QProgressBar(self)
        self.load_progress.setRange(0, 1000)
        self.load_progress.setMaximumWidth(220)
        self.load_progress.setFormat(self.tr("Loading %p%"))
        self.cancel_load_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_load_button.setToolTip(self.tr("Stop loading; nothing will change"))
        self.cancel_load_button.clicked.connect(loader.cancel)
        for widget in (self.load_progress, self.cancel_load_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.file_actions.loadStarted.connect(self._on_load_started)
        loader.progress.connect(lambda f: self.load_progress.setValue(int(f * 1000)))
        # Before the outcome's own slots: an error's dialog must not show "Loading 0 %".
        loader.ended.connect(self._on_load_ended)

    def _on_load_started(self) -> None:
        self.load_progress.setValue(0)
        self.load_progress.show()
        self.cancel_load_button.show()

    def _on_load_ended(self) -> None:
        self.load_progress.hide()
        self.cancel_load_button.hide()

    def _predictions_tab(self) -> int:
        return self.right_tabs.indexOf(self._predictions_page)

    def _on_document_predictions_changed(self) -> None:
        has_predictions = self.document.predictions is not None
        if not has_predictions and self.right_tabs.currentWidget() is self._predictions_page:
            self.right_tabs.setCurrentWidget(self.chart_splitter)
        self.right_tabs.setTabVisible(self._predictions_tab(), has_predictions)
        if has_predictions:
            self.right_tabs.setCurrentWidget(self._predictions_page)

    def _on_document_samples_changed(self) -> None:
        """Per-sample distributions opened: their tab appears and comes to the front."""
        opened = self.document.sample_distributions is not None
        self.right_tabs.setTabVisible(self.right_tabs.indexOf(self._samples_page), opened)
        if opened:
            self.right_tabs.setCurrentWidget(self._samples_page)

    # -- state ----------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        # The status bar is one line: a name from a file never splits it.
        self.statusBar().showMessage(one_line(text), MESSAGE_MS)

    @property
    def document_title(self) -> str:
        return self.file_actions.title

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("%s[*] — KL Explorer") % self.document_title)
        self.setWindowModified(not self.document.undo_stack.isClean())

    # -- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event.mimeData().urls())
        if not paths:
            return
        event.acceptProposedAction()
        # Ctrl (or Cmd) while dropping adds the tables to this workspace instead of opening.
        if event.modifiers() & Qt.ControlModifier:
            self.file_actions.import_paths(paths)
        else:
            self.file_actions.open_paths(paths)

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_document_comparison_changed(self) -> None:
        workspace = self.document.workspace
        comparison = self.document.comparison
        # Argmax histograms of prediction files are not models: counted apart, as ranked.
        histograms = sum(name in self.document.histograms for name in workspace.model_names)
        models = len(workspace.model_names) - histograms
        parts = [
            self.tr("%s classes") % f"{len(workspace.classes):,}",
            self.tr("1 model") if models == 1 else self.tr("%d models") % models,
        ]
        if histograms:
            parts.append(
                self.tr("1 argmax histogram")
                if histograms == 1
                else self.tr("%d argmax histograms") % histograms
            )
        if comparison is not None:
            parts.append(comparison.unit)
        parts.append(self.tr("ranked by %s") % measure_long_name(workspace.rank_by))
        self.summary.setText(" · ".join(parts))

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

    def hand_over(self) -> MainWindow:
        """A new window on the same document (its undo history included), built in the
        language now installed; this one closes without asking anything."""
        files = self.file_actions
        successor = MainWindow(self.document)  # with the document's autosave
        successor.file_actions.set_file(files.path, files.named_title, files.suggested_path)
        successor.restoreGeometry(self.saveGeometry())
        self.save_layout()
        self._handed_over = True
        self.close()
        return successor

    def close_keeping_work(self) -> None:
        """Close at once, asking nothing, with unsaved work written to the autosave for the
        next start to offer (Ctrl+C in the terminal, SIGTERM, or the terminal closed)."""
        self.autosave.write_now()
        self._keep_unsaved_work = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._handed_over:
            event.accept()
            return
        if not self._keep_unsaved_work:
            if not self.file_actions.maybe_save():
                event.ignore()
                return
            self.autosave.let_go()  # the work is saved, or the user let it go
        if self.theme != Theme():
            self._theme_applier.apply(Theme())  # the application's look is shared
        self.file_actions.loader.cancel()
        self.save_layout()
        event.accept()


def _without_mnemonic(text: str) -> str:
    """A menu text without its mnemonic: "&Undo" → "Undo", "실행 취소(&U)" → "실행 취소"."""
    return re.sub(r"\(&[^)]\)", "", text).replace("&", "")


def _local_files(urls: list[QUrl]) -> list[str]:
    return [url.toLocalFile() for url in urls if url.isLocalFile()]
