"""New, Open, Open Recent, Import, Save and Save As: the window's file, and its actions.

Opening replaces the document (asking first if there are unsaved changes); importing merges a
table into the open workspace, matching classes by name, as one undoable step. Merging (an
import, or opening several tables) says what was matched, added and left empty: a class one
side lacks is never filled in. Any file that cannot be read leaves the document exactly as it
was and says why, naming file and line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from core import FormatError, Workspace, example_workspace
from core.errors import file_name, one_line
from core.formats.atomic_write import ReadOnlyFileError, write_atomically
from core.formats.session import SESSION_EXTENSION, session_text
from core.merging import MergeSummary, MergeWording
from core.predictions.evaluation import DEFAULT_RESAMPLES, DEFAULT_SEED
from klgui.actions import make_action
from klgui.document.document import Document
from klgui.files.prediction_loader import PredictionLoader, PredictionRequest, SampleRequest
from klgui.resources import is_shipped, shipped_path

if TYPE_CHECKING:
    from core.formats.merged_files import MergedFiles

RECENT_KEY = "files/recent"
RECENT_LIMIT = 8


def opened_file(paths: Sequence[str]) -> tuple[str | None, str]:
    """For files just opened: the session file Save writes back to, and the title. Only a
    single session is saved back to where it came from; tables are saved as a new session."""
    single_session = len(paths) == 1 and paths[0].lower().endswith(SESSION_EXTENSION)
    return (
        os.path.abspath(paths[0]) if single_session else None,
        ", ".join(file_name(path) for path in paths),
    )


def session_beside(paths: Sequence[str]) -> str:
    """What Save As proposes for work opened from ``paths`` (tables, prediction files): a
    session named after the first of them, in its folder (a.csv, c.csv → a.klsession)."""
    return os.path.splitext(os.path.abspath(paths[0]))[0] + SESSION_EXTENSION


def new_workspace() -> Workspace:
    """What File ▸ New starts from: the dog / cat / rabbit example, ready to edit."""
    return example_workspace()


class FileActions(QObject):
    #: The file or the title changed (for the window title).
    fileChanged = Signal()
    #: Something worth a line in the status bar.
    message = Signal(str)
    #: Prediction files started loading in the background.
    loadStarted = Signal()

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self._parent = parent
        self.path: str | None = None
        self.named_title: str | None = None  # None: a new workspace, "Untitled"
        self.suggested_path: str | None = None  # what Save As proposes when path is None
        self.loader = PredictionLoader(self)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.cancelled.connect(
            lambda: self.message.emit(self.tr("Loading cancelled; nothing changed."))
        )
        self._create_actions()
        self._update_recent_menu()

    # -- actions --------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.new_action = make_action(
            self,
            self.tr("&New"),
            self.new,
            QKeySequence.New,
            self.tr("Start again from the example"),
        )
        self.open_action = make_action(
            self,
            self.tr("&Open…"),
            self.open,
            QKeySequence.Open,
            self.tr("Open a session or a distribution table"),
        )
        self.open_predictions_action = make_action(
            self,
            self.tr("Open &predictions…"),
            self.choose_predictions,
            "Ctrl+Shift+O",
            self.tr("Evaluate classifiers from files of true labels and predicted probabilities"),
        )
        self.open_samples_action = make_action(
            self,
            self.tr("Open &reference and candidates…"),
            self.choose_sample_files,
            "Ctrl+Shift+D",
            self.tr(
                "Compare per-sample distributions with a reference's, sample by sample: a "
                "teacher and its students, a model and its quantisations (.npy, .npz, .kld, "
                "CSV, TSV, Parquet)"
            ),
        )
        self.import_action = make_action(
            self,
            self.tr("&Import table…"),
            self.import_tables,
            "Ctrl+I",
            self.tr("Add a table's distributions to this workspace, matching classes by name"),
        )
        self.save_action = make_action(
            self, self.tr("&Save"), self.save, QKeySequence.Save, self.tr("Save the session")
        )
        self.save_as_action = make_action(
            self,
            self.tr("Save &As…"),
            self.save_as,
            QKeySequence.SaveAs,
            self.tr("Save the session as a new file"),
        )
        self.recent_menu = QMenu(self.tr("Open &Recent"), self._parent)
        self.clear_recent_action = make_action(self, self.tr("Clear the list"), self.clear_recent)
        self.examples_menu = QMenu(self.tr("E&xamples"), self._parent)
        self._add_example(self.tr("Dog, cat, rabbit (table)"), "dog_cat_rabbit.csv")
        self._add_example(
            self.tr("Two classifiers' predictions (model_a.csv + model_b.csv)"),
            "model_a.csv",
            "model_b.csv",
        )

    def _add_example(self, text: str, *names: str) -> None:
        """An entry of File ▸ Examples: the shipped files ``names``, opened as File ▸ Open
        opens them."""
        paths = [str(shipped_path("examples", name)) for name in names]
        action = self.examples_menu.addAction(text)
        action.triggered.connect(lambda _checked=False: self.open_paths(paths))

    def menu_actions(self) -> list[QAction | QMenu | None]:
        return [
            self.new_action,
            self.open_action,
            self.open_predictions_action,
            self.open_samples_action,
            self.recent_menu,
            self.examples_menu,
            self.import_action,
            None,
            self.save_action,
            self.save_as_action,
        ]

    # -- state ----------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        """The workspace's name for the window title: its file, or "Untitled" in the language
        of the moment (a window rebuilt in another language says it in that one)."""
        return self.named_title if self.named_title is not None else self.tr("Untitled")

    def set_file(
        self, path: str | None, title: str | None, suggested_path: str | None = None
    ) -> None:
        """The session file Save writes to (None: ask), the workspace's name (None: a new,
        untitled one), and where Save As proposes to save when there is no such file
        (recovered work names a file the user has not chosen to write in this run)."""
        self.path = path
        self.named_title = title
        self.suggested_path = suggested_path
        self.fileChanged.emit()

    def _fail(self, verb: str, error: Exception | str) -> None:
        text = self.tr("Could not %s: %s") % (verb, error)
        self.message.emit(text)
        QMessageBox.warning(self._parent, self.tr("KL Explorer"), text)

    # -- opening --------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current workspace (saved, or the user agrees)."""
        if self._document.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self._parent,
            self.tr("Unsaved changes"),
            self.tr("%s has unsaved changes. Save them first?") % self.title,
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save,
        )
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new(self) -> None:
        if self.maybe_save():
            self._document.replace_workspace(new_workspace())
            self.set_file(None, None)

    def open(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Open"),
            self._last_directory(),
            self.tr("Sessions and tables (*%s *.json *.csv *.tsv *.tab *.txt);;All files (*)")
            % SESSION_EXTENSION,
        )
        if paths:
            self.open_paths(paths)

    def open_paths(self, paths: Sequence[str]) -> bool:
        """Open files (merged by class name when several); the document is untouched on error.
        Prediction files load in the background: True means the load started."""
        from core.predictions.detection import is_prediction_file

        kinds = {path: is_prediction_file(path) for path in paths}
        if set(kinds.values()) == {True, False}:
            predictions = [os.path.basename(path) for path, kind in kinds.items() if kind]
            tables = [os.path.basename(path) for path, kind in kinds.items() if not kind]
            self._fail(
                self.tr("open these files"),
                self.tr(
                    "give either distribution tables or prediction files, not both "
                    "(prediction files: %s; distribution tables: %s)"
                )
                % (", ".join(predictions), ", ".join(tables)),
            )
            return False
        if set(kinds.values()) == {True}:
            return self.open_predictions(paths)
        if not paths or not self.maybe_save():
            return False
        from core.formats.merged_files import merge_files  # the readers load on first use

        try:
            merged = merge_files(paths)
        except FormatError as error:
            self._fail(self.tr("open the file"), f"{error}{self._prediction_hint(paths)}")
            return False
        self._document.replace_workspace(merged.workspace)
        self.show_opened(paths, merged)
        return True

    def show_opened(self, paths: Sequence[str], merged: MergedFiles) -> None:
        """The document now holds what was read from ``paths``: name the window after them,
        remember them, say what merging them did, and why a table with problems may be a
        prediction file. (Files named on the command line come here too.)"""
        path, title = opened_file(paths)
        self.set_file(path, title, self._proposed_session(paths))
        for path in paths:
            self._remember(path)
        self.tell_merges(merged.merges, self.tr("Opened %s") % title, undoable=False)
        hint = self._prediction_hint(paths) if self._document.problems else ""
        if hint:  # the table stays open, its problems under the banner
            QMessageBox.information(
                self._parent,
                self.tr("Opened as a distribution table"),
                self.tr("%s was opened as a table of distributions; the banner says what is wrong.")
                % title
                + hint,
            )

    def _prediction_hint(self, paths: Sequence[str]) -> str:
        """Why one of these tables may be a prediction file without a label column (with what
        to do), to add to a message; empty when none looks like one."""
        from core.predictions.detection import first_prediction_hint

        found = first_prediction_hint(paths)
        if found is None:
            return ""
        path, hint = found
        return "\n\n" + self.tr(
            "%s: %s. File ▸ Open predictions… asks which column holds the true labels."
        ) % (file_name(path), hint)

    def choose_predictions(self) -> None:
        """Pick prediction files; when a text file has no label, y_true or target column,
        ask which column holds the true labels."""
        from core.predictions import LABEL_COLUMNS
        from core.predictions.detection import header_columns, label_column_candidates

        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Open prediction files"),
            self._last_directory(),
            self.tr("Predictions (*.csv *.tsv *.txt *.parquet *.npz *.npy);;All files (*)"),
        )
        if not paths:
            return
        columns = header_columns(paths[0])
        label_column = None
        if columns and not any(c.lower() in LABEL_COLUMNS for c in columns):
            candidates = label_column_candidates(paths[0])
            if not candidates:  # offering a column of probabilities would end in a sum error
                self._say_there_are_no_labels(paths[0], columns)
                return
            label_column, chosen = QInputDialog.getItem(
                self._parent,
                self.tr("True labels"),
                self.tr("Which column of %s holds the true labels?") % file_name(paths[0]),
                candidates,
                0,
                False,
            )
            if not chosen:
                return
        self.open_predictions(paths, label_column=label_column)

    def _say_there_are_no_labels(self, path: str, columns: list[str]) -> None:
        from core.predictions import LABEL_COLUMNS

        shown = ", ".join(columns[:6]) + (", …" if len(columns) > 6 else "")
        text = self.tr(
            "%s has no column of true labels: its columns (%s) hold probabilities. Add a "
            "column of the true labels named %s, or open the file as a table of distributions."
        ) % (file_name(path), shown, " / ".join(LABEL_COLUMNS))
        self.message.emit(text)
        QMessageBox.warning(self._parent, self.tr("True labels"), text)

    def open_predictions(
        self,
        paths: Sequence[str],
        label_column: str | None = None,
        labels_path: str | None = None,
        resamples: int = DEFAULT_RESAMPLES,
        seed: int = DEFAULT_SEED,
    ) -> bool:
        """Start loading prediction files; the document changes only when it succeeds. Files
        without true labels of their own (.npy, .npz without 'labels') ask for a labels file.
        ``resamples`` and ``seed``: the paired bootstrap's (the command line's)."""
        from core.formats.merged_files import refuse_repeated
        from core.formats.regular_files import open_regular
        from core.predictions.detection import needs_labels

        try:
            refuse_repeated(paths)
            unlabelled = [path for path in paths if needs_labels(path)]
            for path in unlabelled:  # no labels are asked for what is not even a file
                open_regular(path).close()
        except FormatError as error:
            self._fail(self.tr("open these files"), error)
            return False
        if not self.maybe_save():
            return False
        if labels_path is None and unlabelled:
            labels_path, _ = QFileDialog.getOpenFileName(
                self._parent,
                self.tr("The true labels for %s") % file_name(unlabelled[0]),
                os.path.dirname(unlabelled[0]),
                self.tr("Labels (*.npy *.csv *.txt);;All files (*)"),
            )
            if not labels_path:
                return False
        request = PredictionRequest(
            tuple(paths),
            label_column,
            labels_path or None,
            self._document.workspace.base,
            resamples,
            seed,
        )
        self.loader.start(request)
        self.loadStarted.emit()
        self.message.emit(self.tr("Loading %s…") % ", ".join(map(file_name, paths)))
        return True

    def choose_sample_files(self) -> None:
        """Two dialogs, so which file is the reference is never in doubt: the reference,
        then its candidates; and what .npy files and tables hold, when there are some."""
        from core.sample_distributions import KIND_GIVEN_SUFFIXES
        from core.sample_distributions.distribution_rows import ARRAY_KINDS

        filter_text = self.tr(
            "Per-sample distributions (*.npy *.npz *.kld *.csv *.tsv *.tab *.parquet *.pq);;"
            "All files (*)"
        )
        reference, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("The reference"), self._last_directory(), filter_text
        )
        if not reference:
            return
        candidates, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("The candidates to compare with %s") % file_name(reference),
            os.path.dirname(reference),
            filter_text,
        )
        if not candidates:
            return
        kind = "probabilities"
        if any(path.lower().endswith(KIND_GIVEN_SUFFIXES) for path in (reference, *candidates)):
            names = [
                self.tr("probabilities"),
                self.tr("log-probabilities"),
                self.tr("logits"),
                self.tr("counts (normalised per sample)"),
            ]
            chosen, accepted = QInputDialog.getItem(
                self._parent,
                self.tr("Values"),
                self.tr("The .npy, CSV, TSV and Parquet files hold:"),
                names,
                0,
                False,
            )
            if not accepted:
                return
            kind = ARRAY_KINDS[names.index(chosen)]
        self.open_sample_files(reference, candidates, kind)

    def open_sample_files(
        self, reference: str, candidates: Sequence[str], kind: str = "probabilities"
    ) -> None:
        """Start comparing the candidates with the reference in the background; the
        workspace is left as it is, and a file that cannot be read changes nothing."""
        request = SampleRequest(reference, tuple(candidates), self._document.workspace.base, kind)
        self.loader.start(request)
        self.loadStarted.emit()
        self.message.emit(self.tr("Loading %s…") % ", ".join(map(file_name, request.paths)))

    def _on_loader_loaded(self, result, request: PredictionRequest | SampleRequest) -> None:
        if isinstance(request, SampleRequest):
            self._document.set_sample_distributions(result)
            self.message.emit(
                self.tr("Compared %s with %s")
                % (", ".join(map(file_name, request.candidates)), file_name(request.reference))
            )
            return
        workspace, report = result
        self._document.replace_workspace(workspace, report)
        title = ", ".join(file_name(path) for path in request.paths)
        self.set_file(None, title, self._proposed_session(request.paths))
        for path in request.paths:
            self._remember(path)
        self.message.emit(self.tr("Opened %s") % title)

    def _on_loader_failed(self, text: str) -> None:
        if isinstance(self.loader.request, SampleRequest):
            self._fail(self.tr("compare the per-sample distributions"), text)
        else:
            self._fail(self.tr("open the prediction files"), text)

    def import_tables(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Import tables"),
            self._last_directory(),
            self.tr("Tables (*.json *.csv *.tsv *.tab *.txt *%s);;All files (*)")
            % SESSION_EXTENSION,
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str]) -> bool:
        """Merge files into the open workspace by class name as one undo step, and say what
        was matched, added and left empty."""
        from core.formats.merged_files import merge_files

        try:
            merged = merge_files(paths, into=self._document.workspace)
        except FormatError as error:
            self._fail(self.tr("import"), error)
            return False
        names = ", ".join(file_name(path) for path in paths)
        empty = sum(summary.empty_cell_count for _, summary in merged.merges)
        if empty:
            step = self.tr("Import %s (%d cells left empty)") % (names, empty)
        else:
            step = self.tr("Import %s (every class matched)") % names
        self._document.apply(merged.workspace, step)
        self.tell_merges(merged.merges, self.tr("Imported %s") % names, undoable=True)
        return True

    def tell_merges(
        self, merges: Sequence[tuple[str, MergeSummary]], done: str, undoable: bool
    ) -> None:
        """Say what merging tables did (``done`` first): in the status bar, and in a message box
        when it left cells empty (the charts keep the last valid input until they are filled)."""
        words = self._merge_wording()
        sentences = [summary.describe(table, words) for table, summary in merges]
        self.message.emit(" — ".join([done, *sentences]))
        strangers = [table for table, summary in merges if not summary.matched]
        if strangers:
            title = self.tr("No classes in common")
            text = self.tr(
                "None of the classes of %s is in the table it is merged into. Tables are "
                "merged by class name, so each side's cells for the other's classes are left "
                "empty, marked in the table."
            ) % ", ".join(strangers)
        elif any(summary.empty_cell_count for _, summary in merges):
            title = self.tr("Merged by class name")
            text = "\n\n".join(sentences)
        else:
            return
        text += "\n\n" + self.tr(
            "Fill the empty cells (0 where a model gives a class no probability); until then "
            "the charts show the last valid input."
        )
        if undoable:
            text += " " + self.tr("Edit ▸ Undo takes the import back.")
        QMessageBox.information(self._parent, title, text)

    def _merge_wording(self) -> MergeWording:
        """The words of the sentence about a merge (core's English ones), translated."""
        return MergeWording(
            matched=self.tr("%s merged by class name: %s matched."),
            none_matched=self.tr("%s merged by class name: no class matched."),
            added=self.tr("Added from it: %s (left empty in %s)."),
            lacking=self.tr("It lacks %s (left empty in %s)."),
            more=self.tr("%s and %d more"),
        )

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        suggested = (
            self.path
            or self.suggested_path
            or os.path.join(
                self._last_directory(), os.path.splitext(self.title)[0] + SESSION_EXTENSION
            )
        )
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save session"),
            suggested,
            self.tr("KL Explorer sessions (*%s)") % SESSION_EXTENSION,
        )
        if not path:
            return False
        if not path.endswith(SESSION_EXTENSION):
            path += SESSION_EXTENSION
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            write_atomically(path, session_text(self._document.workspace).encode("utf-8"))
        except ReadOnlyFileError:
            self._fail(
                self.tr("save %s") % file_name(path),
                self.tr(
                    "the file is read-only and was left unchanged; "
                    "Save As… saves your work under another name"
                ),
            )
            return False
        except OSError as error:
            self._fail(self.tr("save %s") % file_name(path), error.strerror or error)
            return False
        self._document.undo_stack.setClean()
        self.set_file(os.path.abspath(path), file_name(path))
        self._remember(path)
        self.message.emit(self._saved_message(file_name(path)))
        return True

    def _saved_message(self, name: str) -> str:
        """"Saved", and that text typed into the table but not accepted is not in the file
        (it was never data: the file holds what the table holds)."""
        rejected = len(self._document.rejected_entries)
        if rejected == 0:
            return self.tr("Saved %s") % name
        if rejected == 1:
            return self.tr("Saved %s; the text not accepted in 1 cell is not in it") % name
        return self.tr("Saved %s; the text not accepted in %d cells is not in it") % (
            name,
            rejected,
        )

    # -- recent files ---------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(path) for path in value or []]

    def _proposed_session(self, paths: Sequence[str]) -> str:
        """What Save As proposes for work opened from ``paths``: a session beside them, but
        for a shipped example in the user's last folder (the package's folder is not theirs,
        and an upgrade replaces it)."""
        proposed = session_beside(paths)
        if is_shipped(paths[0]):
            return os.path.join(self._last_directory(), os.path.basename(proposed))
        return proposed

    def _remember(self, path: str) -> None:
        if is_shipped(path):  # File ▸ Examples lists it; Open would start in the package
            return
        path = os.path.abspath(path)
        recent = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, recent[:RECENT_LIMIT])
        self._update_recent_menu()

    def clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {file_name(path)}")
            action.setToolTip(one_line(path))  # where it is, on one line
            action.setStatusTip(one_line(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_paths([p]))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def _last_directory(self) -> str:
        recent = self.recent_files()
        return os.path.dirname(recent[0]) if recent else os.getcwd()
