"""Which classes a per-class view shows when there are too many to draw one by one.

A view of 32,000 classes (a language model's tokens) shows the top N by the size of their
KL terms, the rest summed into one "other" bar, in the order the user chose; a class filter
(text typed to find a class) restricts it to the classes whose name matches. And how many
classes carry most of a divergence: the cumulative share of KL(P‖Q) by the top k classes.
Pure numpy, so the window and the tests share one definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

#: How the shown classes are ordered: as in the table, by the largest |term| of any model
#: (largest first), by the reference probability P (largest first), or by name.
ClassOrder = Literal["table", "term", "p", "name"]
CLASS_ORDERS: tuple[ClassOrder, ...] = ("table", "term", "p", "name")

#: The share of KL(P‖Q) a "k classes carry it" statement is about.
CARRIED_SHARE = 0.9


@dataclass(frozen=True)
class ClassView:
    """What a per-class view shows: at most ``top`` classes (None: as many as fit the
    chart, which the chart knows), in ``order``, of those whose name contains ``find``."""

    top: int | None = None
    order: ClassOrder = "table"
    find: str = ""


@dataclass(frozen=True)
class ClassSelection:
    """The classes a view draws, in order (indices into the workspace's classes), and those
    summed into one "other" bar; classes that do not match the filter are in neither."""

    shown: np.ndarray
    other: np.ndarray
    #: How many classes match the filter (all of them without one).
    matching: int

    @property
    def other_count(self) -> int:
        return int(self.other.size)


def matching_classes(classes: Sequence[str], find: str) -> np.ndarray:
    """Indices of the classes whose name contains ``find``, ignoring case (all for "")."""
    if not find:
        return np.arange(len(classes))
    needle = find.casefold()
    return np.array([i for i, name in enumerate(classes) if needle in name.casefold()], dtype=int)


def class_importance(terms: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """How much each class matters to a per-class view: its largest |term| over the models
    (an infinite term is infinitely important), or, with no model to compare, P itself."""
    if terms.shape[0] == 0:
        return np.asarray(reference, dtype=float)
    importance = np.max(np.abs(terms), axis=0)
    return np.where(np.isnan(importance), 0.0, importance)


def select_classes(
    classes: Sequence[str],
    reference: np.ndarray,
    importance: np.ndarray,
    view: ClassView,
    fitting: int,
) -> ClassSelection:
    """The classes to draw: of those matching ``view.find``, the ``view.top`` (or
    ``fitting``, what the chart has room for) with the largest ``importance`` (ties: the
    larger P, then table order), the rest as "other", the shown ones in ``view.order``.

    When one more bar would show every matching class, it shows the class instead of an
    "other" bar of one class."""
    candidates = matching_classes(classes, view.find)
    limit = max(1, view.top if view.top is not None else fitting)
    if candidates.size <= limit + 1:
        shown, other = candidates, np.empty(0, dtype=int)
    else:
        top = _most_important(importance[candidates], reference[candidates], limit)
        chosen = np.zeros(candidates.size, dtype=bool)
        chosen[top] = True
        shown, other = candidates[chosen], candidates[~chosen]
    return ClassSelection(
        _ordered(shown, classes, reference, importance, view.order), other, int(candidates.size)
    )


def _most_important(importance: np.ndarray, reference: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` largest ``importance`` values; ties broken by the larger
    ``reference``, then the first. In linear time: 32,000 classes are partitioned, and only
    the ties at the threshold are sorted."""
    threshold = np.partition(importance, importance.size - limit)[importance.size - limit]
    above = np.flatnonzero(importance > threshold)
    tied = np.flatnonzero(importance == threshold)
    order = np.lexsort((tied, -reference[tied]))  # larger P first, then table order
    return np.concatenate([above, tied[order[: limit - above.size]]])


def _ordered(
    indices: np.ndarray,
    classes: Sequence[str],
    reference: np.ndarray,
    importance: np.ndarray,
    order: ClassOrder,
) -> np.ndarray:
    """``indices`` (in table order) in ``order``; ties stay in table order."""
    if order == "term":
        return indices[np.argsort(-importance[indices], kind="stable")]
    if order == "p":
        return indices[np.argsort(-reference[indices], kind="stable")]
    if order == "name":
        return np.array(sorted(indices, key=lambda i: classes[i].casefold()), dtype=int)
    return indices


def selected_values(values: np.ndarray, selection: ClassSelection) -> np.ndarray:
    """Per row of ``values`` (series × classes), the shown classes' values, then the sum of
    the other classes' (in float64) when there are any: one column per bar."""
    shown = values[:, selection.shown]
    if not selection.other_count:
        return shown
    other = values[:, selection.other].sum(axis=1, dtype=np.float64)
    return np.hstack([shown, other[:, None]])


@dataclass(frozen=True)
class CumulativeShare:
    """How KL(P‖Q) builds up over one model's classes, the largest terms first.

    ``fractions[k - 1]`` is the sum of the k largest terms over the sum of all terms (KL
    itself). Negative terms (classes the model gives more than P) come last and bring the
    curve back down to 1, so it may pass 1 on the way. ``carrying`` is the fewest classes
    whose terms sum to at least :data:`CARRIED_SHARE` of KL. When KL is 0 or infinite the
    share is undefined: ``fractions`` is empty and ``status`` says why."""

    status: Literal["ok", "zero", "infinite"]
    fractions: np.ndarray
    carrying: int
    #: With status "infinite": how many classes have an infinite term.
    infinite_terms: int = 0


def cumulative_share(terms: np.ndarray) -> CumulativeShare:
    """The cumulative share of one model's KL terms (a 1-D array)."""
    terms = np.asarray(terms, dtype=np.float64)
    infinite = int(np.count_nonzero(np.isinf(terms)))
    if infinite:
        return CumulativeShare("infinite", np.empty(0), infinite, infinite)
    running = np.cumsum(np.sort(terms)[::-1])
    total = float(running[-1]) if running.size else 0.0
    if not total > 0:  # P = Q: every term is 0 (a sum of rounded terms may be -1e-17)
        return CumulativeShare("zero", np.empty(0), 0)
    fractions = running / total
    fractions[-1] = 1.0  # exactly, whatever the rounding of the division
    carrying = int(np.argmax(fractions >= CARRIED_SHARE)) + 1
    return CumulativeShare("ok", fractions, carrying)
