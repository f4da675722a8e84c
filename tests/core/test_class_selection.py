"""Top N classes with the rest as "other", their order, the class filter, and the
cumulative share of KL: the definitions the per-class views draw (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import Distribution, Workspace
from core.class_selection import (
    ClassView,
    class_importance,
    cumulative_share,
    matching_classes,
    select_classes,
    selected_values,
)

CLASSES = ("dog", "cat", "rabbit", "Hotdog", "bird")
P = np.array([0.3, 0.3, 0.2, 0.1, 0.1])
TERMS = np.array(
    [
        [0.05, -0.02, 0.30, 0.001, -0.2],
        [0.00, 0.10, -0.01, 0.002, 0.0],
    ]
)


def select(view: ClassView, fitting: int = 100):
    return select_classes(CLASSES, P, class_importance(TERMS, P), view, fitting)


def test_the_top_classes_by_largest_term_are_shown_and_the_rest_summed_as_other():
    selection = select(ClassView(top=2))
    assert selection.shown.tolist() == [2, 4]  # rabbit (0.30), bird (|-0.2|), in table order
    assert selection.other.tolist() == [0, 1, 3]
    bars = selected_values(TERMS, selection)
    assert bars[:, :2].tolist() == [[0.30, -0.2], [-0.01, 0.0]]
    assert bars[:, 2] == pytest.approx([0.05 - 0.02 + 0.001, 0.10 + 0.002])  # signed sums


def test_without_a_number_the_chart_s_room_decides():
    assert select(ClassView(top=None), fitting=3).shown.size == 3


def test_one_class_left_over_is_shown_rather_than_an_other_bar_of_one():
    selection = select(ClassView(top=4))
    assert selection.shown.size == 5 and selection.other_count == 0
    assert selected_values(TERMS, selection).shape == (2, 5)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("table", ["dog", "cat", "rabbit", "Hotdog", "bird"]),
        ("term", ["rabbit", "bird", "cat", "dog", "Hotdog"]),
        ("p", ["dog", "cat", "rabbit", "Hotdog", "bird"]),
        ("name", ["bird", "cat", "dog", "Hotdog", "rabbit"]),
    ],
)
def test_the_shown_classes_follow_the_chosen_order(order, expected):
    selection = select(ClassView(order=order))
    assert [CLASSES[i] for i in selection.shown] == expected


def test_the_filter_keeps_the_classes_whose_name_contains_the_text_in_any_case():
    assert matching_classes(CLASSES, "DOG").tolist() == [0, 3]
    selection = select(ClassView(find="D", top=1))  # dog, Hotdog, bird
    assert selection.matching == 3
    assert selection.shown.tolist() == [4] and selection.other.tolist() == [0, 3]
    assert select(ClassView(find="zebra")).shown.size == 0


def test_without_models_the_largest_probabilities_are_the_top():
    importance = class_importance(np.empty((0, 5)), P)
    selection = select_classes(CLASSES, P, importance, ClassView(top=2), 100)
    assert selection.shown.tolist() == [0, 1]


def test_an_infinite_term_is_always_among_the_top():
    terms = TERMS.copy()
    terms[1, 3] = np.inf
    importance = class_importance(terms, P)
    assert 3 in select_classes(CLASSES, P, importance, ClassView(top=1), 100).shown


def test_the_top_of_32000_classes_is_found_and_the_other_bar_holds_the_rest():
    rng = np.random.default_rng(3)
    classes = tuple(f"token {i}" for i in range(32_000))
    p = rng.dirichlet(np.ones(32_000))
    terms = rng.normal(size=(2, 32_000))
    selection = select_classes(classes, p, class_importance(terms, p), ClassView(top=40), 0)
    assert selection.shown.size == 40 and selection.other_count == 31_960
    largest = np.sort(np.abs(terms).max(axis=0))[::-1][:40]
    assert np.sort(np.abs(terms[:, selection.shown]).max(axis=0))[::-1] == pytest.approx(largest)
    assert selected_values(terms, selection).sum(axis=1) == pytest.approx(terms.sum(axis=1))


# -- the cumulative share ------------------------------------------------------------------------


def test_the_share_is_of_kl_itself_with_the_largest_terms_first():
    share = cumulative_share(np.array([0.1, 0.6, -0.2, 0.5]))  # KL = 1.0
    assert share.status == "ok"
    assert share.fractions.tolist() == pytest.approx([0.6, 1.1, 1.2, 1.0])
    assert share.carrying == 2  # 0.6 + 0.5 ≥ 90 % of KL


def test_a_kl_of_zero_or_infinity_has_no_share_and_says_why():
    zero = cumulative_share(np.zeros(4))
    assert zero.status == "zero" and zero.fractions.size == 0
    infinite = cumulative_share(np.array([0.1, np.inf, np.inf, -0.05]))
    assert infinite.status == "infinite" and infinite.infinite_terms == 2
    assert not np.isnan(infinite.fractions).any()


def test_the_share_of_a_real_comparison_ends_at_one_and_counts_the_classes_for_90_percent():
    rng = np.random.default_rng(7)
    p, q = rng.dirichlet(np.ones(1000), size=2)
    workspace = Workspace(
        classes=tuple(f"c{i}" for i in range(1000)),
        distributions=(Distribution("P", p), Distribution("Q", q)),
        reference="P",
    )
    comparison = workspace.compare()
    share = cumulative_share(comparison.kl_terms[0])
    assert share.fractions[-1] == 1.0
    k = share.carrying
    top = np.sort(comparison.kl_terms[0])[::-1]
    assert top[:k].sum() >= 0.9 * comparison.kl[0] > top[: k - 1].sum()


@given(
    st.lists(st.floats(-10, 10, allow_nan=False), min_size=1, max_size=50).filter(
        lambda terms: sum(terms) > 1e-6
    )
)
def test_the_share_never_holds_nan_and_its_count_is_the_fewest_classes(terms):
    share = cumulative_share(np.array(terms))
    assert share.status == "ok" and not np.isnan(share.fractions).any()
    assert share.fractions[share.carrying - 1] >= 0.9
    assert (share.fractions[: share.carrying - 1] < 0.9).all()


@given(
    st.lists(st.sampled_from([0.0, 0.1, 0.5, np.inf]), min_size=3, max_size=40),
    st.integers(1, 10),
    st.randoms(use_true_random=False),
)
def test_the_top_classes_are_the_largest_with_ties_to_the_larger_p_then_the_first(
    importance, limit, random
):
    importance = np.array(importance)
    reference = np.array([random.choice([0.1, 0.2]) for _ in importance])
    names = tuple(f"c{i}" for i in range(importance.size))
    selection = select_classes(names, reference, importance, ClassView(top=limit), 0)
    if importance.size <= limit + 1:
        assert selection.shown.size == importance.size
        return
    expected = np.lexsort((np.arange(importance.size), -reference, -importance))[:limit]
    assert selection.shown.tolist() == sorted(expected.tolist())
