"""Random sequences of edits, undos and redos through the Document stay consistent, and
undoing everything restores the start exactly."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import Smoothing, WorkspaceError, example_workspace
from klgui.document.document import Document

values = st.one_of(
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.sampled_from([0.0, 1.0, -0.5, float("nan")]),
)
operations = st.one_of(
    st.tuples(st.just("value"), st.integers(0, 5), st.integers(0, 6), values),
    st.tuples(st.just("add_class"), st.integers(0, 6)),
    st.tuples(st.just("remove_class"), st.integers(0, 6)),
    st.tuples(st.just("move_class"), st.integers(0, 6), st.integers(0, 6)),
    st.tuples(st.just("add_model")),
    st.tuples(st.just("remove"), st.integers(0, 5)),
    st.tuples(st.just("reference"), st.integers(0, 5)),
    st.tuples(st.just("kind"), st.integers(0, 5)),
    st.tuples(st.just("normalize"), st.integers(0, 5)),
    st.tuples(st.just("base"), st.sampled_from([None, 2.0, 10.0])),
    st.tuples(st.just("smoothing"), st.sampled_from(["none", "epsilon", "add_k"])),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


def _apply(document: Document, operation: tuple) -> None:
    workspace = document.workspace
    names = workspace.names
    kind = operation[0]

    def pick(i: int) -> str:
        return names[i % len(names)]

    if kind == "value":
        document.set_value(pick(operation[1]), operation[2] % len(workspace.classes), operation[3])
    elif kind == "add_class":
        document.add_class(index=operation[1] % (len(workspace.classes) + 1))
    elif kind == "remove_class":
        document.remove_class(operation[1] % len(workspace.classes))
    elif kind == "move_class":
        count = len(workspace.classes)
        document.move_class(operation[1] % count, operation[2] % count)
    elif kind == "add_model":
        document.add_distribution()
    elif kind == "remove":
        document.remove_distribution(pick(operation[1]))
    elif kind == "reference":
        document.set_reference(pick(operation[1]))
    elif kind == "kind":
        name = pick(operation[1])
        is_counts = workspace.distribution(name).is_counts
        document.set_kind(name, "probabilities" if is_counts else "counts")
    elif kind == "normalize":
        document.normalize(pick(operation[1]))
    elif kind == "base":
        document.set_base(operation[1])
    elif kind == "smoothing":
        amount = {"none": 0.0, "epsilon": 0.01, "add_k": 1.0}[operation[1]]
        document.set_smoothing(Smoothing(operation[1], amount))
    elif kind == "undo":
        document.undo_stack.undo()
    else:
        document.undo_stack.redo()


def _check_consistent(document: Document) -> None:
    workspace = document.workspace
    assert all(d.values.shape == (len(workspace.classes),) for d in workspace.distributions)
    assert workspace.reference in workspace.names
    document.recompute_now()
    if document.input_error is None:
        comparison = document.comparison
        assert comparison.classes == workspace.classes
        assert comparison.models == workspace.model_names
        assert not workspace.problems()
    else:
        assert workspace.problems() or document.input_error


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=st.lists(operations, max_size=25))
def test_random_edits_stay_consistent_and_undo_restores_the_start(qapp, sequence):
    start = example_workspace()
    document = Document(start)
    try:
        for operation in sequence:
            with contextlib.suppress(WorkspaceError):  # a refused edit changes nothing
                _apply(document, operation)
            _check_consistent(document)
        while document.undo_stack.canUndo():
            document.undo_stack.undo()
        assert document.workspace == start
        assert document.undo_stack.isClean()
    finally:
        document.deleteLater()
