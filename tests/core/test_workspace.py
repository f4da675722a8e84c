"""The immutable Workspace: pure transitions, clear errors, problems, equality."""

from __future__ import annotations

import math

import numpy as np
import pytest

import core
from core import Distribution, Problem, Workspace, WorkspaceError

CLASSES = ("dog", "cat", "rabbit")
P, A, B = (0.6, 0.3, 0.1), (0.5, 0.35, 0.15), (0.2, 0.3, 0.5)


def make_workspace() -> Workspace:
    """The built-in example, built independently so it can serve as the 'before' snapshot."""
    return Workspace(
        classes=CLASSES,
        distributions=(Distribution("P", P), Distribution("A", A), Distribution("B", B)),
        reference="P",
    )


@pytest.fixture
def workspace() -> Workspace:
    return make_workspace()


def values_of(workspace: Workspace) -> dict[str, list[float]]:
    return {d.name: d.values.tolist() for d in workspace.distributions}


def assert_read_only(workspace: Workspace) -> None:
    for distribution in workspace.distributions:
        assert distribution.values.dtype == np.float64
        assert not distribution.values.flags.writeable
        with pytest.raises(ValueError):
            distribution.values[0] = 0.123


def test_the_built_in_example_is_this_workspace(workspace):
    assert core.example_workspace() == workspace
    assert workspace.names == ("P", "A", "B")
    assert workspace.model_names == ("A", "B")
    assert workspace.is_valid()
    assert_read_only(workspace)


# --- transitions return new values and never mutate ----------------------------------------

TRANSITIONS = {
    "with_value": lambda w: w.with_value("A", 1, 0.4),
    "with_values": lambda w: w.with_values("B", [0.1, 0.2, 0.7]),
    "with_class_added": lambda w: w.with_class_added("fox"),
    "with_class_removed": lambda w: w.with_class_removed(2),
    "with_class_renamed": lambda w: w.with_class_renamed(0, "wolf"),
    "with_class_moved": lambda w: w.with_class_moved(0, 2),
    "with_class_order": lambda w: w.with_class_order([2, 0, 1]),
    "with_distribution_added": lambda w: w.with_distribution_added("C"),
    "with_distribution_removed": lambda w: w.with_distribution_removed("B"),
    "with_distribution_renamed": lambda w: w.with_distribution_renamed("A", "Alpha"),
    "with_distribution_moved": lambda w: w.with_distribution_moved(0, 2),
    "with_reference": lambda w: w.with_reference("A"),
    "with_kind": lambda w: w.with_kind("B", "counts"),
    "with_normalized": lambda w: w.with_value("A", 0, 1.5).with_normalized("A"),
    "with_base": lambda w: w.with_base(2),
    "with_smoothing": lambda w: w.with_smoothing(core.Smoothing("epsilon", 0.01)),
    "with_rank_by": lambda w: w.with_rank_by("js_divergence"),
}


@pytest.mark.parametrize("name", TRANSITIONS, ids=list(TRANSITIONS))
def test_transition_returns_a_changed_copy_and_leaves_the_original(workspace, name):
    before = values_of(workspace)
    changed = TRANSITIONS[name](workspace)
    assert isinstance(changed, Workspace)
    assert changed is not workspace
    assert changed != workspace
    assert workspace == make_workspace()
    assert values_of(workspace) == before
    assert_read_only(changed)
    assert_read_only(workspace)


def test_with_value(workspace):
    changed = workspace.with_value("A", 1, 0.4)
    assert changed.distribution("A").values.tolist() == [0.5, 0.4, 0.15]
    assert changed.distribution("P") == workspace.distribution("P")
    assert changed.distribution("B") == workspace.distribution("B")


def test_with_values_copies_its_input(workspace):
    given = np.array([0.1, 0.2, 0.7])
    changed = workspace.with_values("B", given)
    given[0] = 0.9
    assert changed.distribution("B").values.tolist() == [0.1, 0.2, 0.7]


def test_distribution_copies_a_writeable_input():
    given = np.array([0.5, 0.5])
    distribution = Distribution("A", given)
    given[0] = 0.9
    assert distribution.values.tolist() == [0.5, 0.5]
    assert given.flags.writeable  # the caller's array is not frozen behind its back


def test_distribution_is_not_changed_through_a_view():
    owner = np.array([0.5, 0.5])
    view = owner.view()
    view.flags.writeable = False
    distribution = Distribution("A", view)
    owner[0] = 0.9
    assert distribution.values.tolist() == [0.5, 0.5]


def test_with_class_added(workspace):
    at_end = workspace.with_class_added("fox")
    assert at_end.classes == ("dog", "cat", "rabbit", "fox")
    assert at_end.distribution("A").values.tolist() == [0.5, 0.35, 0.15, 0.0]
    at_front = workspace.with_class_added(" fox ", index=0, values={"P": 0.1, "B": 0.2})
    assert at_front.classes == ("fox", "dog", "cat", "rabbit")
    assert at_front.distribution("P").values.tolist() == [0.1, 0.6, 0.3, 0.1]
    assert at_front.distribution("A").values.tolist() == [0.0, 0.5, 0.35, 0.15]
    assert at_front.distribution("B").values.tolist() == [0.2, 0.2, 0.3, 0.5]


def test_with_class_removed(workspace):
    changed = workspace.with_class_removed(1)
    assert changed.classes == ("dog", "rabbit")
    assert changed.distribution("P").values.tolist() == [0.6, 0.1]


def test_with_class_renamed(workspace):
    changed = workspace.with_class_renamed(0, "wolf")
    assert changed.classes == ("wolf", "cat", "rabbit")
    assert values_of(changed) == values_of(workspace)
    assert workspace.with_class_renamed(0, "dog") == workspace  # renaming to itself is fine


def test_with_class_moved_and_order(workspace):
    moved = workspace.with_class_moved(0, 2)
    assert moved.classes == ("cat", "rabbit", "dog")
    assert moved.distribution("A").values.tolist() == [0.35, 0.15, 0.5]
    assert moved.with_class_moved(2, 0) == workspace
    ordered = workspace.with_class_order([2, 0, 1])
    assert ordered.classes == ("rabbit", "dog", "cat")
    assert ordered.distribution("B").values.tolist() == [0.5, 0.2, 0.3]
    # The comparison does not depend on the order of the classes.
    np.testing.assert_allclose(ordered.compare().kl, workspace.compare().kl, rtol=1e-14)


def test_with_distribution_added(workspace):
    uniform = workspace.with_distribution_added("C")
    assert uniform.names == ("P", "A", "B", "C")
    np.testing.assert_allclose(uniform.distribution("C").values, [1 / 3] * 3)
    counts = workspace.with_distribution_added(" D ", [1, 2, 3], kind="counts", index=1)
    assert counts.names == ("P", "D", "A", "B")
    assert counts.distribution("D").kind == "counts" and counts.distribution("D").is_counts
    assert counts.compare().models == ("D", "A", "B")


def test_with_distribution_removed(workspace):
    changed = workspace.with_distribution_removed("A")
    assert changed.names == ("P", "B")
    assert changed.compare().models == ("B",)


def test_with_distribution_renamed(workspace):
    changed = workspace.with_distribution_renamed("A", "Alpha")
    assert changed.names == ("P", "Alpha", "B")
    assert changed.distribution("Alpha").values.tolist() == list(A)
    assert changed.with_distribution_renamed("Alpha", "A") == workspace


def test_renaming_the_reference_keeps_it_the_reference(workspace):
    changed = workspace.with_distribution_renamed("P", "Truth")
    assert changed.reference == "Truth"
    assert changed.model_names == ("A", "B")
    comparison = changed.compare()
    assert comparison.reference == "Truth"
    np.testing.assert_array_equal(comparison.kl, workspace.compare().kl)


def test_with_distribution_moved(workspace):
    changed = workspace.with_distribution_moved(0, 2)
    assert changed.names == ("A", "B", "P")
    assert changed.reference == "P"
    assert changed.model_names == ("A", "B")


def test_with_reference(workspace):
    changed = workspace.with_reference("A")
    assert changed.reference == "A"
    assert changed.model_names == ("P", "B")
    comparison = changed.compare()
    assert comparison.models == ("P", "B")
    assert comparison.kl[0] == pytest.approx(core.kl_divergence(A, P), rel=1e-14, abs=0)


def test_with_kind_keeps_the_numbers(workspace):
    changed = workspace.with_value("B", 0, 2).with_value("B", 1, 3).with_value("B", 2, 5)
    assert not changed.is_valid()  # 2 + 3 + 5 is not a probability vector
    counts = changed.with_kind("B", "counts")
    assert counts.distribution("B").values.tolist() == [2, 3, 5]
    assert counts.is_valid()
    np.testing.assert_allclose(counts.compare().kl, workspace.compare().kl, rtol=1e-14)


def test_with_normalized(workspace):
    counts = workspace.with_distribution_added("C", [1, 3, 0], kind="counts")
    normalized = counts.with_normalized("C")
    assert normalized.distribution("C").kind == "probabilities"
    assert normalized.distribution("C").values.tolist() == [0.25, 0.75, 0.0]
    off = workspace.with_value("A", 0, 1.5)  # sums to 2
    assert off.with_normalized("A").distribution("A").values.tolist() == [0.75, 0.175, 0.075]


def test_settings(workspace):
    assert workspace.with_base(2).compare().unit == "bits"
    assert workspace.with_base(10).compare().unit == "bans"
    smoothing = core.Smoothing("epsilon", 0.01)
    assert workspace.with_smoothing(smoothing).compare().smoothing == smoothing
    assert workspace.with_rank_by("reverse_kl").compare().rank_by == "reverse_kl"
    assert workspace.with_base(2).with_base(None) == workspace


# --- invalid transitions -------------------------------------------------------------------

INVALID = {
    "duplicate_class": (lambda w: w.with_class_added("dog"), "already a class named 'dog'"),
    "duplicate_class_after_strip": (lambda w: w.with_class_added(" cat "), "'cat'"),
    "empty_class_name": (lambda w: w.with_class_added("  "), "non-empty"),
    "class_index_out_of_range": (lambda w: w.with_class_added("fox", index=4), "position 4"),
    "rename_to_existing_class": (lambda w: w.with_class_renamed(0, "cat"), "'cat'"),
    "rename_unknown_class": (lambda w: w.with_class_renamed(3, "fox"), "position 3"),
    "remove_unknown_class": (lambda w: w.with_class_removed(3), "position 3"),
    "fewer_than_two_classes": (
        lambda w: w.with_class_removed(0).with_class_removed(0),
        "at least 2 classes",
    ),
    "bad_class_order": (lambda w: w.with_class_order([0, 0, 1]), "every class exactly once"),
    "short_class_order": (lambda w: w.with_class_order([1, 0]), "every class exactly once"),
    "move_class_out_of_range": (lambda w: w.with_class_moved(0, 3), "cannot move"),
    "duplicate_distribution": (
        lambda w: w.with_distribution_added("A"),
        "already a distribution named 'A'",
    ),
    "empty_distribution_name": (lambda w: w.with_distribution_added(""), "non-empty"),
    "distribution_wrong_length": (
        lambda w: w.with_distribution_added("C", [0.5, 0.5]),
        "2 values for 3 classes",
    ),
    "distribution_bad_kind": (
        lambda w: w.with_distribution_added("C", kind="percent"),
        "'percent'",
    ),
    "remove_the_reference": (lambda w: w.with_distribution_removed("P"), "'P' is the reference"),
    "remove_unknown": (lambda w: w.with_distribution_removed("Z"), "no distribution named 'Z'"),
    "rename_to_existing": (
        lambda w: w.with_distribution_renamed("A", "B"),
        "already a distribution named 'B'",
    ),
    "rename_unknown": (lambda w: w.with_distribution_renamed("Z", "Y"), "named 'Z'"),
    "move_distribution_out_of_range": (
        lambda w: w.with_distribution_moved(3, 0),
        "nothing at position 4",
    ),
    "unknown_reference": (lambda w: w.with_reference("Z"), "named 'Z'"),
    "bad_kind": (lambda w: w.with_kind("A", "percent"), "'percent'"),
    "value_of_unknown": (lambda w: w.with_value("Z", 0, 0.1), "named 'Z'"),
    "value_of_unknown_class": (lambda w: w.with_value("A", 3, 0.1), "no class at position 3"),
    "value_of_negative_class": (lambda w: w.with_value("A", -1, 0.1), "position -1"),
    "values_wrong_length": (lambda w: w.with_values("A", [0.5, 0.5]), "2 values for 3 classes"),
    "values_matrix": (lambda w: w.with_values("A", [[0.5, 0.5, 0.0]]), "vector"),
    "normalize_negative": (
        lambda w: w.with_value("A", 0, -1).with_normalized("A"),
        "'A' has a negative or infinite value; fix it before normalizing",
    ),
    "normalize_an_empty_cell": (
        lambda w: w.with_value("A", 1, float("nan")).with_normalized("A"),
        "'A' has an empty cell (class 'cat'): fill it first",
    ),
    "normalize_empty_cells": (
        lambda w: w.with_values("A", [float("nan")] * 3).with_normalized("A"),
        "'A' has 3 empty cells (classes 'dog', 'cat', 'rabbit'): fill them first",
    ),
    "normalize_zeros": (
        lambda w: w.with_values("A", [0, 0, 0]).with_normalized("A"),
        "sums to 0",
    ),
    "base_one": (lambda w: w.with_base(1), "base must be"),
    "base_zero": (lambda w: w.with_base(0), "base must be"),
    "base_text": (lambda w: w.with_base("x"), "base must be"),
    "unknown_rank_by": (lambda w: w.with_rank_by("accuracy"), "unknown measure 'accuracy'"),
}


@pytest.mark.parametrize("case", INVALID, ids=list(INVALID))
def test_invalid_transition_raises_workspace_error(workspace, case):
    transition, words = INVALID[case]
    with pytest.raises(WorkspaceError) as caught:
        transition(workspace)
    assert words in str(caught.value)
    assert workspace == make_workspace()


@pytest.mark.parametrize(
    "transition",
    [lambda w: w.with_smoothing("epsilon"), lambda w: w.with_value("A", 0, "abc")],
    ids=["smoothing_text", "value_text"],
)
def test_invalid_types_raise_workspace_error(workspace, transition):
    with pytest.raises(WorkspaceError):
        transition(workspace)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"classes": ("dog", "dog")}, "'dog' appears twice"),
        ({"classes": ("dog",)}, "at least 2 classes"),
        ({"reference": "Z"}, "'Z' is not a distribution"),
        ({"distributions": (Distribution("P", P), Distribution("P", A))}, "named 'P'"),
        (
            {"distributions": (Distribution("P", P), Distribution(" P", A))},
            "the distributions 'P' and ' P' have the same name once spaces around it are removed",
        ),
        ({"distributions": (Distribution("P", [0.5, 0.5]),)}, "2 values for 3 classes"),
        ({"base": -2}, "base must be"),
        ({"rank_by": "nope"}, "unknown measure"),
    ],
    ids=[
        "duplicate_class",
        "one_class",
        "reference",
        "duplicate_name",
        "name_spelled_apart",
        "length",
        "base",
        "rank",
    ],
)
def test_invalid_workspace_construction(kwargs, words):
    arguments = {
        "classes": CLASSES,
        "distributions": (Distribution("P", P), Distribution("A", A)),
        "reference": "P",
        **kwargs,
    }
    with pytest.raises(WorkspaceError, match=words):
        Workspace(**arguments)


def test_the_workspace_holds_names_without_the_spaces_around_them():
    workspace = Workspace(
        classes=(" dog", "cat ", "rabbit"),
        distributions=(Distribution(" P ", P), Distribution("A", A)),
        reference="P ",
    )
    assert workspace.classes == CLASSES
    assert workspace.names == ("P", "A") and workspace.reference == "P"


# --- problems ------------------------------------------------------------------------------


def test_a_valid_workspace_has_no_problems(workspace):
    assert workspace.problems() == ()
    assert workspace.is_valid()


def test_problems_per_cell(workspace):
    changed = (
        workspace.with_value("A", 1, -0.1)
        .with_value("A", 2, math.inf)
        .with_value("B", 0, math.nan)
    )
    assert changed.problems() == (
        Problem("A", 1, "'A', class 'cat': -0.1 is negative"),
        Problem("A", 2, "'A', class 'rabbit': inf is not a finite number"),
        Problem("B", 0, "'B', class 'dog': empty (no value)"),  # an empty cell is NaN
    )
    assert not changed.is_valid()


def test_problems_per_column(workspace):
    changed = workspace.with_value("A", 1, 0.3)  # sums to 0.95
    (problem,) = changed.problems()
    assert problem.distribution == "A" and problem.class_index is None
    assert "sums to 0.95" in problem.message and "normalize" in problem.message


def test_problems_of_counts(workspace):
    zero = workspace.with_distribution_added("C", [0, 0, 0], kind="counts")
    assert zero.problems() == (Problem("C", None, "'C': all counts are 0"),)
    # Counts need not sum to 1.
    assert workspace.with_distribution_added("C", [4, 0, 7], kind="counts").problems() == ()


def test_compare_raises_while_there_are_problems(workspace):
    changed = workspace.with_value("A", 1, -0.1)
    with pytest.raises(core.InvalidDistributionError) as caught:
        changed.compare()
    assert "model 'A'" in str(caught.value) and "class 'cat'" in str(caught.value)


@pytest.mark.parametrize(
    "transition",
    [
        lambda w: w,
        lambda w: w.with_value("A", 1, -0.1),
        lambda w: w.with_value("A", 1, 0.3),
        lambda w: w.with_value("A", 1, math.inf),
        lambda w: w.with_value("P", 0, 0.6 + 2e-6),
        lambda w: w.with_value("P", 0, 0.6 + 5e-7),
        lambda w: w.with_kind("A", "counts").with_value("A", 1, 7),
        lambda w: w.with_distribution_added("C", [0, 0, 0], kind="counts"),
        lambda w: w.with_smoothing(core.Smoothing("epsilon", 0.1)).with_value("B", 0, 0.1),
    ],
    ids=[
        "valid",
        "negative",
        "sum",
        "inf",
        "sum_just_off",
        "sum_within",
        "counts",
        "zero_counts",
        "smoothed_sum",
    ],
)
def test_problems_agree_with_compare(workspace, transition):
    changed = transition(workspace)
    if changed.is_valid():
        changed.compare()
    else:
        with pytest.raises(core.InvalidDistributionError):
            changed.compare()


def test_problems_agree_with_compare_for_smoothed_zero_counts(workspace):
    changed = workspace.with_distribution_added("C", [0, 0, 0], kind="counts").with_smoothing(
        core.Smoothing("add_k", 1)
    )
    changed.compare()
    assert changed.is_valid()


# --- equality ------------------------------------------------------------------------------


def test_equality(workspace):
    assert workspace == make_workspace()
    assert workspace != workspace.with_value("A", 0, 0.5000001)
    assert workspace != workspace.with_base(2)
    assert workspace != workspace.with_kind("A", "counts")
    assert workspace != workspace.with_reference("A")
    assert workspace != workspace.with_smoothing(core.Smoothing("epsilon", 0.01))
    assert workspace != workspace.with_rank_by("hellinger")
    assert workspace != workspace.with_distribution_moved(1, 2)
    assert workspace != "a workspace"
    assert workspace.with_value("A", 1, 0.4).with_value("A", 1, 0.35) == workspace


def test_equality_with_nan_values(workspace):
    first = workspace.with_value("A", 1, math.nan)
    second = make_workspace().with_value("A", 1, math.nan)
    assert first == second
    assert first != workspace
    assert Distribution("A", [math.nan, 1.0]) == Distribution("A", [math.nan, 1.0])
    assert Distribution("A", [math.nan, 1.0]) != Distribution("A", [math.nan, 2.0])


def test_workspaces_are_frozen_and_unhashable(workspace):
    with pytest.raises(AttributeError):
        workspace.reference = "A"
    with pytest.raises(TypeError):
        hash(workspace)


def test_normalize_scales_first_so_huge_values_do_not_overflow():
    workspace = core.example_workspace().with_values("P", [1e308, 1e308, 0.0])
    normalized = workspace.with_normalized("P").distribution("P").values
    assert normalized.tolist() == [0.5, 0.5, 0.0]


def test_class_names_can_swap_places_in_one_step():
    workspace = core.example_workspace().with_class_names(["cat", "dog", "rabbit"])
    assert workspace.classes == ("cat", "dog", "rabbit")
    assert workspace.distribution("P").values.tolist() == [0.6, 0.3, 0.1]
    with pytest.raises(core.WorkspaceError, match="appears twice"):
        core.example_workspace().with_class_names(["cat", "cat", "rabbit"])


def test_moving_past_the_edge_says_so_plainly():
    with pytest.raises(core.WorkspaceError, match="already at the edge"):
        core.example_workspace().with_class_moved(0, -1)


def test_a_drag_rescales_the_other_classes_proportionally():
    workspace = core.example_workspace().with_value_rescaled("A", 0, 0.8)
    values = workspace.distribution("A").values
    assert values[0] == 0.8
    assert values.sum() == pytest.approx(1.0)
    assert values[1] / values[2] == pytest.approx(0.35 / 0.15)


def test_a_drag_leaves_locked_classes_alone_and_stays_within_what_they_leave():
    workspace = core.example_workspace()
    dragged = workspace.with_value_rescaled("P", 0, 0.95, locked={"rabbit"})
    values = dragged.distribution("P").values
    assert values[2] == 0.1  # locked
    assert values[0] == pytest.approx(0.9) and values[1] == pytest.approx(0.0)
    assert values.sum() == pytest.approx(1.0)


def test_a_drag_of_counts_gives_probabilities_and_refuses_invalid_columns():
    workspace = core.example_workspace().with_distribution_added("C", [2, 0, 0], kind="counts")
    dragged = workspace.with_value_rescaled("C", 0, 0.5)
    assert dragged.distribution("C").kind == "probabilities"
    assert dragged.distribution("C").values.tolist() == [0.5, 0.25, 0.25]  # zeros share
    with pytest.raises(core.WorkspaceError, match="not a valid distribution"):
        workspace.with_value("A", 0, -1.0).with_value_rescaled("A", 1, 0.5)


def test_merging_a_name_both_hold_adds_the_source_to_it():
    first = core.example_workspace()
    second = core.example_workspace().with_values("A", [0.1, 0.1, 0.8])
    merged = first.with_merged(second, "other.csv")
    assert merged.names == ("P", "A", "B", "P (other.csv)", "A (other.csv)", "B (other.csv)")
    assert merged.distribution("A (other.csv)").values.tolist() == [0.1, 0.1, 0.8]
    assert merged.reference == "P"
    again = merged.with_merged(second, "other.csv")
    assert "A (other.csv 2)" in again.names


@pytest.mark.parametrize(
    "values",
    [
        [0.6, 0.3, 0.1],  # sums to 0.9999999999999999 added left to right
        [0.1] * 10,
        list(np.full(7, 1.0) / 7),  # normalized by a division: each value rounded once
    ],
)
def test_normalizing_a_column_that_sums_to_one_changes_nothing(values):
    classes = tuple(f"c{i}" for i in range(len(values)))
    workspace = Workspace(classes, (Distribution("P", values), Distribution("C", values)), "P")
    normalized = workspace.with_normalized("C")
    assert normalized.distribution("C").values.tolist() == list(values)
    assert normalized == workspace


def test_normalizing_divides_by_the_exact_sum():
    workspace = core.example_workspace().with_values("A", [0.2, 0.2, 0.2])
    assert workspace.with_normalized("A").distribution("A").values.tolist() == [1 / 3] * 3
    counts = workspace.with_values("A", [1.0, 0.0, 0.0]).with_kind("A", "counts")
    normalized = counts.with_normalized("A").distribution("A")
    assert normalized.kind == "probabilities" and normalized.values.tolist() == [1.0, 0.0, 0.0]


def test_dragging_a_bar_to_its_own_value_changes_nothing():
    classes = ("a", "b", "c", "d")
    values = [0.151, 0.043, 0.755, 0.051]  # rescaled by (1 - 0.151) / 0.849: not exactly 1
    workspace = Workspace(classes, (Distribution("P", values), Distribution("A", values)), "P")
    assert workspace.with_value_rescaled("A", 0, 0.151) == workspace


def test_the_valid_models_can_be_compared_without_the_invalid_ones():
    workspace = core.example_workspace().with_value("A", 0, 0.9).with_value("P", 1, 0.3)
    valid, left_out = workspace.without_invalid_models()
    assert valid.names == ("P", "B")
    assert left_out == {"A": "'A' sums to 1.4, not 1: normalize it, or mark it as counts"}
    without_a = workspace.with_distribution_removed("A")
    assert valid.compare().kl.tolist() == without_a.compare().kl.tolist()
    broken_reference = workspace.with_value("P", 0, -0.6)
    assert broken_reference.without_invalid_models()[0].names == ("P", "B")  # P stays


def test_an_edit_of_a_value_keeps_the_checked_class_names_as_they_are():
    """A new value makes a new workspace with the same names, checked once, not at every
    edit (at 32,000 classes checking them again took most of an edit's time)."""
    workspace = Workspace(
        classes=(" dog", "cat ", "rabbit"),
        distributions=(Distribution("P", [0.5, 0.3, 0.2]), Distribution("A", [0.4, 0.4, 0.2])),
        reference="P",
    )
    assert workspace.classes == ("dog", "cat", "rabbit")
    edited = workspace.with_value("A", 0, 0.3)
    assert edited.classes is workspace.classes
