"""The Document: edits through the undo stack, coalesced recompute, invalid input."""

from __future__ import annotations

import numpy as np
import pytest

from core import Smoothing, WorkspaceError, example_workspace


def test_editing_a_value_recomputes_the_comparison_once(qtbot, document):
    computed = []
    document.comparisonChanged.connect(lambda: computed.append(document.comparison))
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("A", 0, 0.45)
        document.set_value("A", 1, 0.4)  # a burst: still one recompute
    assert len(computed) == 1
    assert document.workspace.distribution("A").values.tolist() == [0.45, 0.4, 0.15]
    expected = document.workspace.compare()
    assert document.comparison.kl == pytest.approx(expected.kl)


def test_undo_and_redo_round_trip_exactly(document):
    start = document.workspace
    document.set_value("B", 2, 0.4)
    document.add_class("mouse")
    document.rename_distribution("A", "good model")
    after = document.workspace
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.workspace == start
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert document.workspace == after


def test_a_drag_is_one_undo_step_but_separate_edits_are_not(document):
    for value in (0.1, 0.2, 0.3):
        document.set_value("A", 0, value, merge_key="drag 1")
    assert document.undo_stack.count() == 1
    document.set_value("A", 0, 0.4)
    document.set_value("A", 0, 0.45)  # typed again later: its own step
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert document.workspace.distribution("A").values[0] == 0.4
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.workspace == example_workspace()


def test_a_drag_back_to_the_start_leaves_no_undo_step(document):
    document.set_value("A", 0, 0.9, merge_key="drag")
    document.set_value("A", 0, 0.5, merge_key="drag")
    assert document.undo_stack.count() == 0
    assert document.undo_stack.isClean()


def test_an_invalid_reference_keeps_the_last_valid_comparison_and_says_why(qtbot, document):
    valid = document.comparison
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("P", 0, -0.2)
    assert document.comparison is valid and not document.comparison_is_current
    assert "reference 'P'" in document.input_error and "negative" in document.input_error
    assert [p.class_index for p in document.problems] == [0]
    with qtbot.waitSignal(document.comparisonChanged):
        document.undo_stack.undo()
    assert document.input_error is None
    assert document.comparison is not valid


def test_normalize_all_fixes_every_column_that_only_has_a_bad_sum(qtbot, document):
    document.set_value("A", 0, 0.9)
    document.set_value("B", 0, 0.8)
    document.normalize_all()
    for name in ("A", "B"):
        assert document.workspace.distribution(name).values.sum() == pytest.approx(1.0)
    document.recompute_now()
    assert document.input_error is None


def test_failed_edits_raise_and_change_nothing(document):
    start = document.workspace
    with pytest.raises(WorkspaceError):
        document.remove_distribution("P")
    with pytest.raises(WorkspaceError):
        document.rename_class(0, "cat")
    assert document.workspace == start
    assert document.undo_stack.count() == 0


def test_settings_changes_are_undoable(document):
    document.set_base(2.0)
    document.set_rank_by("js_divergence")
    document.set_smoothing(Smoothing("epsilon", 0.01))  # a new method: its own step
    document.set_smoothing(Smoothing("epsilon", 0.02))  # the amount: a step
    document.set_smoothing(Smoothing("epsilon", 0.03))  # ... that the next amount joins
    document.recompute_now()
    assert document.comparison.unit == "bits"
    assert document.comparison.rank_by == "js_divergence"
    assert document.undo_stack.count() == 4
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.workspace == example_workspace()


def test_replace_workspace_clears_history_and_is_clean(document):
    document.set_value("A", 0, 0.2)
    replacement = example_workspace().with_values("B", np.array([0.1, 0.1, 0.8]))
    document.replace_workspace(replacement)
    assert document.workspace == replacement
    assert document.undo_stack.count() == 0 and document.undo_stack.isClean()
    assert document.comparison.model_distributions[1].tolist() == [0.1, 0.1, 0.8]


def test_new_names_do_not_clash(document):
    assert document.unused_model_name() == "C"
    document.add_distribution()
    assert "C" in document.workspace.names
    document.add_class()
    document.add_class()
    assert document.workspace.classes[-2:] == ("class 1", "class 2")


def test_the_selected_model_follows_choices_and_survives_only_while_it_exists(qtbot, document):
    assert document.selected_model == "A"
    with qtbot.waitSignal(document.selectedModelChanged):
        document.select_model("B")
    assert document.selected_model == "B"
    document.select_model("P")  # the reference is not a model: ignored
    assert document.selected_model == "B"
    with qtbot.waitSignal(document.selectedModelChanged):
        document.remove_distribution("B")
    assert document.selected_model == "A"


def test_locked_classes_are_view_state(qtbot, document):
    with qtbot.waitSignal(document.lockedClassesChanged):
        document.set_class_locked("cat", True)
    assert document.locked_classes == {"cat"}
    assert document.undo_stack.count() == 0
    document.rename_class(1, "kitten")
    assert document.locked_classes == frozenset()


def test_an_invalid_model_is_left_out_and_the_others_compared(qtbot, document):
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("A", 0, -0.2)
    assert document.comparison_is_current
    assert document.comparison.models == ("B",)
    assert document.comparison.kl.tolist() == document.workspace.with_distribution_removed(
        "A"
    ).compare().kl.tolist()
    assert document.left_out == {"A": "'A', class 'dog': -0.2 is negative"}
    assert "model 'A'" in document.input_error and "negative" in document.input_error
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("B", 0, -0.2)  # no model left to compare: the last valid stays
    assert document.comparison.models == ("B",) and not document.comparison_is_current
    with qtbot.waitSignal(document.comparisonChanged):
        document.undo_stack.undo()
    with qtbot.waitSignal(document.comparisonChanged):
        document.undo_stack.undo()
    assert document.comparison.models == ("A", "B") and document.left_out == {}
