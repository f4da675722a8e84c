"""The Document: the single source of truth of the open window.

It holds an immutable :class:`core.Workspace`. Every change is a :class:`WorkspaceCommand` on
the document's QUndoStack holding the workspace before and after, so undo and redo are exact
and cheap. The comparison is recomputed from ``core`` after changes, coalesced by a 0 ms
single-shot timer so a burst of edits costs one computation. While the input is invalid the
last valid comparison stays available, with :attr:`Document.input_error` saying what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core import (
    Comparison,
    InvalidDistributionError,
    Problem,
    Smoothing,
    Workspace,
    WorkspaceError,
)
from core.class_selection import ClassView
from core.workspace import DistributionKind
from klgui.document.rejected_entries import Cell, RejectedEntry, still_pending

if TYPE_CHECKING:
    from core.predictions.evaluation import PredictionReport
    from klgui.document.opened_samples import OpenedSamples

#: QUndoCommand.id() of commands that may merge; their merge_key decides whether they do.
_MERGEABLE_ID = 1


class WorkspaceCommand(QUndoCommand):
    """One undo step: the workspace before and after a logical action."""

    def __init__(
        self,
        document: Document,
        before: Workspace,
        after: Workspace,
        text: str,
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._document._set_workspace(self.after)

    def undo(self) -> None:
        self._document._set_workspace(self.before)

    def id(self) -> int:
        return _MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # A run of edits of one cell (or one drag) is one undo step.
        if not isinstance(other, WorkspaceCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True


class Document(QObject):
    """The open workspace, its undo history and its latest valid comparison."""

    #: The workspace changed (any edit, undo or redo).
    workspaceChanged = Signal()
    #: A recompute finished: :attr:`comparison` or :attr:`input_error` changed.
    comparisonChanged = Signal()
    #: Prediction files were opened, or the workspace no longer comes from them.
    predictionsChanged = Signal()
    #: Per-sample distributions (a reference and its candidates) were opened beside the
    #: workspace, or closed.
    sampleDistributionsChanged = Signal()
    #: The model the worked example and explorations are about changed (view state: no undo).
    selectedModelChanged = Signal()
    #: Classes locked against rescaling during a drag changed (view state: no undo).
    lockedClassesChanged = Signal()
    #: Text typed into the table and not accepted came or went (view state: no undo).
    rejectedEntriesChanged = Signal()
    #: Which classes the per-class views show changed: top N, order, filter (view state).
    classViewChanged = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._problems: tuple[Problem, ...] = workspace.problems()
        self._comparison: Comparison | None = None
        self._input_error: str | None = None
        self._left_out: dict[str, str] = {}
        self._predictions: PredictionReport | None = None
        self._sample_distributions: OpenedSamples | None = None
        self._selected_model: str | None = None
        self._locked_classes: frozenset[str] = frozenset()
        self._rejected: dict[Cell, RejectedEntry] = {}
        self._dragging = False
        self._class_view = ClassView()
        self.undo_stack = QUndoStack(self)
        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(0)
        self._recompute_timer.timeout.connect(self.recompute_now)
        self.recompute_now()

    # -- state ----------------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What keeps the current input from a comparison, cell by cell."""
        return self._problems

    @property
    def comparison(self) -> Comparison | None:
        """The latest valid comparison (None while the document's input was never valid)."""
        return self._comparison

    @property
    def input_error(self) -> str | None:
        """Why the current input cannot be compared, or None when :attr:`comparison` is current."""
        return self._input_error

    @property
    def comparison_is_current(self) -> bool:
        """True when :attr:`comparison` is of the current input (the models that cannot be
        compared left out, :attr:`left_out`); False while it is the last valid one."""
        return self._input_error is None or bool(self._left_out)

    @property
    def left_out(self) -> dict[str, str]:
        """The models the current comparison leaves out, and why (their first problem)."""
        return dict(self._left_out)

    @property
    def predictions(self) -> PredictionReport | None:
        """Per-sample results of the prediction files the workspace came from, if any."""
        return self._predictions

    @property
    def sample_distributions(self) -> OpenedSamples | None:
        """The reference and candidates of per-sample distributions opened, if any: results
        beside the workspace, which they never change (no undo step)."""
        return self._sample_distributions

    def set_sample_distributions(self, opened: OpenedSamples | None) -> None:
        self._sample_distributions = opened
        self.sampleDistributionsChanged.emit()

    @property
    def histograms(self) -> frozenset[str]:
        """The columns that are histograms of the labels prediction files predict (argmax),
        not a model's probabilities: an argmax histogram that matches the labels' says
        little of a model, so they are shown apart and not ranked with the models."""
        if self._predictions is None:
            return frozenset()
        # Loaded with the prediction files already; not at start-up (evaluation costs 14 ms).
        from core.predictions.prediction_workspace import ARGMAX_SUFFIX

        names = {model.name + ARGMAX_SUFFIX for model in self._predictions.models}
        return frozenset(names.intersection(self._workspace.model_names))

    @property
    def selected_model(self) -> str | None:
        """The model the worked example is about: the chosen one while it exists, else the
        first model (None when there is none)."""
        models = self._workspace.model_names
        if self._selected_model in models:
            return self._selected_model
        return models[0] if models else None

    def select_model(self, name: str) -> None:
        if name in self._workspace.model_names and name != self.selected_model:
            self._selected_model = name
            self.selectedModelChanged.emit()

    @property
    def locked_classes(self) -> frozenset[str]:
        """Classes a drag leaves as they are while the others rescale."""
        if not self._locked_classes:  # (a set of 32,000 names for nothing costs an edit 2 ms)
            return frozenset()
        return self._locked_classes & frozenset(self._workspace.classes)

    def set_class_locked(self, name: str, locked: bool) -> None:
        changed = self._locked_classes | {name} if locked else self._locked_classes - {name}
        if changed != self._locked_classes:
            self._locked_classes = frozenset(changed)
            self.lockedClassesChanged.emit()

    @property
    def class_view(self) -> ClassView:
        """Which classes the per-class views and the editor show (view state: no undo)."""
        return self._class_view

    def set_class_view(self, view: ClassView) -> None:
        if view != self._class_view:
            self._class_view = view
            self.classViewChanged.emit()

    @property
    def dragging(self) -> bool:
        """True while the user drags a bar: the charts' axes may grow, never shrink, so that
        they do not flicker; when the drag ends they fit the data again."""
        return self._dragging

    def set_dragging(self, dragging: bool) -> None:
        if dragging != self._dragging:
            self._dragging = dragging
            if not dragging:
                self._recompute_timer.start()  # the views redraw, fitted to the data

    @property
    def rejected_entries(self) -> tuple[RejectedEntry, ...]:
        """Text typed into cells and not accepted, oldest first: shown in its cell to be
        corrected; never part of the workspace (not saved, not compared)."""
        return tuple(self._rejected.values())

    def rejected_entry(self, distribution: str | None, class_name: str) -> RejectedEntry | None:
        return self._rejected.get((distribution, class_name)) if self._rejected else None

    def reject_entry(self, entry: RejectedEntry) -> None:
        """Keep ``entry`` over its cell until it is corrected or the cell changes."""
        self._rejected.pop(entry.cell, None)
        self._rejected[entry.cell] = entry
        self.rejectedEntriesChanged.emit()

    def clear_rejected_entry(self, distribution: str | None, class_name: str) -> None:
        if self._rejected.pop((distribution, class_name), None) is not None:
            self.rejectedEntriesChanged.emit()

    def _set_workspace(self, workspace: Workspace) -> None:
        previous_selection = self.selected_model
        before, self._workspace = self._workspace, workspace
        self._problems = workspace.problems()
        if self._rejected:
            self._keep_pending_entries(before, workspace)
        self.workspaceChanged.emit()
        if self.selected_model != previous_selection:
            self.selectedModelChanged.emit()
        self._recompute_timer.start()

    def _keep_pending_entries(self, before: Workspace, after: Workspace) -> None:
        """Drop the rejected entries whose cell is gone or got a new value (typed, pasted,
        undone...): the text was about a value that is no longer there."""
        kept = {
            cell: entry
            for cell, entry in self._rejected.items()
            if still_pending(entry, before, after)
        }
        if len(kept) != len(self._rejected):
            self._rejected = kept
            self.rejectedEntriesChanged.emit()

    def recompute_now(self) -> None:
        """Compare now (normally the coalescing timer calls this after a burst of edits)."""
        self._recompute_timer.stop()
        self._left_out = {}
        try:
            self._comparison = self._workspace.compare()
            self._input_error = None
        except InvalidDistributionError as error:
            self._input_error = str(error)
            self._compare_valid_models()
        self.comparisonChanged.emit()

    def _compare_valid_models(self) -> None:
        """While some models cannot be compared, compare the others (a valid reference and
        at least one valid model); otherwise the last valid comparison stays."""
        valid, left_out = self._workspace.without_invalid_models()
        if not left_out or len(left_out) == len(self._workspace.model_names):
            return
        try:
            self._comparison = valid.compare()
        except InvalidDistributionError:  # the reference is invalid too
            return
        self._left_out = left_out

    # -- editing --------------------------------------------------------------------------------

    def apply(self, after: Workspace, text: str, merge_key: object = None) -> None:
        """Push one undoable step from the current workspace to ``after``."""
        if after == self._workspace:
            return
        self.undo_stack.push(WorkspaceCommand(self, self._workspace, after, text, merge_key))

    def replace_workspace(
        self, workspace: Workspace, predictions: PredictionReport | None = None
    ) -> None:
        """Start over with ``workspace`` (a file was opened): no undo history, clean.
        ``predictions`` are the per-sample results when it comes from prediction files."""
        self.undo_stack.clear()
        self._predictions = predictions
        if self._rejected:  # typed into another document's table
            self._rejected = {}
            self.rejectedEntriesChanged.emit()
        # The last valid comparison was of another document: never show it for this one.
        self._comparison = None
        self._set_workspace(workspace)
        self.undo_stack.setClean()
        self.recompute_now()
        self.predictionsChanged.emit()

    def set_value(
        self, name: str, class_index: int, value: float, merge_key: object = None
    ) -> None:
        """One value; edits with the same ``merge_key`` in a row (a drag) are one undo step."""
        self.apply(
            self._workspace.with_value(name, class_index, value),
            self.tr("Edit %s, %s") % (name, self._workspace.classes[class_index]),
            merge_key=merge_key,
        )

    def set_value_rescaled(
        self, name: str, class_index: int, value: float, merge_key: object = None
    ) -> None:
        """Set one probability and rescale the unlocked others (a drag of a bar)."""
        self.apply(
            self._workspace.with_value_rescaled(name, class_index, value, self.locked_classes),
            self.tr("Drag %s, %s") % (name, self._workspace.classes[class_index]),
            merge_key=merge_key,
        )

    def set_values(
        self, name: str, values: Sequence[float] | np.ndarray, merge_key: object = None
    ) -> None:
        self.apply(self._workspace.with_values(name, values), self.tr("Edit %s") % name, merge_key)

    def add_class(self, name: str | None = None, index: int | None = None) -> None:
        name = name or self.unused_class_name()
        self.apply(
            self._workspace.with_class_added(name, index=index), self.tr("Add class %s") % name
        )

    def remove_class(self, class_index: int) -> None:
        name = self._workspace.classes[class_index]
        self.apply(
            self._workspace.with_class_removed(class_index), self.tr("Remove class %s") % name
        )

    def rename_class(self, class_index: int, name: str) -> None:
        old = self._workspace.classes[class_index]
        self.apply(
            self._workspace.with_class_renamed(class_index, name),
            self.tr("Rename class %s") % old,
        )

    def move_class(self, class_index: int, new_index: int) -> None:
        name = self._workspace.classes[class_index]
        self.apply(
            self._workspace.with_class_moved(class_index, new_index),
            self.tr("Move class %s") % name,
        )

    def add_distribution(self, name: str | None = None, index: int | None = None) -> None:
        name = name or self.unused_model_name()
        self.apply(
            self._workspace.with_distribution_added(name, index=index),
            self.tr("Add model %s") % name,
        )

    def remove_distribution(self, name: str) -> None:
        self.apply(self._workspace.with_distribution_removed(name), self.tr("Remove %s") % name)

    def rename_distribution(self, name: str, new_name: str) -> None:
        self.apply(
            self._workspace.with_distribution_renamed(name, new_name),
            self.tr("Rename %s") % name,
        )

    def move_distribution(self, index: int, new_index: int) -> None:
        name = self._workspace.distributions[index].name
        self.apply(
            self._workspace.with_distribution_moved(index, new_index), self.tr("Move %s") % name
        )

    def set_reference(self, name: str) -> None:
        self.apply(self._workspace.with_reference(name), self.tr("Make %s the reference") % name)

    def set_kind(self, name: str, kind: DistributionKind) -> None:
        text = (
            self.tr("Treat %s as counts")
            if kind == "counts"
            else self.tr("Treat %s as probabilities")
        )
        self.apply(self._workspace.with_kind(name, kind), text % name)

    def normalize(self, name: str) -> None:
        self.apply(self._workspace.with_normalized(name), self.tr("Normalize %s") % name)

    def normalize_all(self) -> str | None:
        """Normalize every column that can be (an empty cell, a negative value or a sum of 0
        stops one); what was left out and why, for the status bar, or None."""
        workspace = self._workspace
        left_out = []
        for distribution in workspace.distributions:
            try:
                workspace = workspace.with_normalized(distribution.name)
            except WorkspaceError as error:
                left_out.append(str(error))
        self.apply(workspace, self.tr("Normalize all"))
        return self.tr("Not normalized: %s") % "; ".join(left_out) if left_out else None

    def set_base(self, base: float | None) -> None:
        self.apply(self._workspace.with_base(base), self.tr("Change the log base"))

    def set_smoothing(self, smoothing: Smoothing) -> None:
        """A run of changes of the amount (spin box arrows) is one undo step; a change of
        method is a step of its own."""
        same_method = smoothing.method == self._workspace.smoothing.method
        self.apply(
            self._workspace.with_smoothing(smoothing),
            self.tr("Change smoothing"),
            merge_key=("smoothing amount", smoothing.method) if same_method else None,
        )

    def set_rank_by(self, measure: str) -> None:
        self.apply(self._workspace.with_rank_by(measure), self.tr("Rank by another measure"))

    # -- names ----------------------------------------------------------------------------------

    def unused_class_name(self) -> str:
        return _unused_name(self.tr("class %d"), self._workspace.classes)

    def unused_model_name(self) -> str:
        """The next free letter (A, B, C, ...), then "model N"."""
        taken = set(self._workspace.names)
        for letter in "ABCDEFGHIJKLMNOQRSTUVWXYZ":  # not P, the usual reference
            if letter not in taken:
                return letter
        return _unused_name(self.tr("model %d"), taken)


def _unused_name(pattern: str, taken: Sequence[str] | set[str]) -> str:
    number = 1
    while pattern % number in taken:
        number += 1
    return pattern % number
