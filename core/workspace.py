"""What a user edits, as an immutable value with pure transitions.

A :class:`Workspace` may hold values that are not (yet) a valid distribution: the user is
typing, or a merged table lacked a class, whose cells are then EMPTY (NaN, never a guessed 0).
:meth:`Workspace.problems` lists what is wrong, cell by cell; :meth:`Workspace.compare`
raises :class:`InvalidDistributionError` until everything is valid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from core.comparison import Comparison, compare
from core.distributions import NO_SMOOTHING, SUM_TOLERANCE, Counts, Smoothing
from core.errors import InvalidDistributionError, WorkspaceError
from core.measures import check_measure, log_scale

DistributionKind = Literal["probabilities", "counts"]
KINDS: tuple[DistributionKind, ...] = ("probabilities", "counts")
MIN_CLASSES = 2


def _readonly_values(values: object) -> np.ndarray:
    try:
        array = np.array(values, dtype=np.float64)  # always a copy, so nobody else holds it
    except (TypeError, ValueError):
        raise WorkspaceError(f"values must be numbers, not {values!r}") from None
    if array.ndim != 1:
        raise WorkspaceError(f"values must be a vector, got {array.ndim} dimensions")
    array.flags.writeable = False
    return array


@dataclass(frozen=True, eq=False)
class Distribution:
    """A named column of the workspace: probabilities or counts, one value per class."""

    name: str
    values: np.ndarray
    kind: DistributionKind = "probabilities"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise WorkspaceError(f"kind must be 'probabilities' or 'counts', not {self.kind!r}")
        values = self.values
        # Keep an array as is only if nobody can write to it: read-only and owning its data
        # (a read-only view of someone's writeable array would change under us).
        if not (
            isinstance(values, np.ndarray)
            and values.dtype == np.float64
            and not values.flags.writeable
            and values.flags.owndata
        ):
            object.__setattr__(self, "values", _readonly_values(self.values))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Distribution):
            return NotImplemented
        return (
            self.name == other.name
            and self.kind == other.kind
            and np.array_equal(self.values, other.values, equal_nan=True)
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def is_counts(self) -> bool:
        return self.kind == "counts"


@dataclass(frozen=True)
class Problem:
    """Why a distribution is not valid. ``class_index`` is None for the column as a whole."""

    distribution: str
    class_index: int | None
    message: str


def clean_name(name: object, what: str) -> str:
    """``name`` without the spaces around it: the one rule for every class and distribution
    name, from any file or edit. WorkspaceError if nothing is left."""
    if not isinstance(name, str) or not name.strip():
        raise WorkspaceError(f"a {what} name must be non-empty text")
    return name.strip()


def same_name(names: Sequence[str]) -> tuple[str, str] | None:
    """The first two of ``names`` that are one name once cleaned (:func:`clean_name`), as
    they are spelled ("P" and " P"; twice the same text when it is repeated exactly)."""
    first_spelling: dict[str, str] = {}
    for name in names:
        key = name.strip()
        if key in first_spelling:
            return first_spelling[key], name
        first_spelling[key] = name
    return None


def spelled_apart(what: str, first: str, second: str) -> str:
    """Says that ``what`` (say "the distributions") spelled ``first`` and ``second`` are one
    name; a reader adds where it found them."""
    return f"{what} {first!r} and {second!r} have the same name once spaces around it are removed"


def _move(items: tuple, index: int, new_index: int) -> tuple:
    if not 0 <= index < len(items):
        raise WorkspaceError(f"there is nothing at position {index + 1}")
    if not 0 <= new_index < len(items):
        raise WorkspaceError("it is already at the edge and cannot move further")
    moved = list(items)
    moved.insert(new_index, moved.pop(index))
    return tuple(moved)


@dataclass(frozen=True, eq=False)
class Workspace:
    """Classes, named distributions (one of them the reference P) and the analysis settings."""

    classes: tuple[str, ...]
    distributions: tuple[Distribution, ...]
    reference: str
    base: float | None = None
    smoothing: Smoothing = field(default=NO_SMOOTHING)
    rank_by: str = "kl"

    def __post_init__(self) -> None:
        classes, distributions = _checked_classes(tuple(self.classes)), tuple(self.distributions)
        _check_names([d.name for d in distributions], "distribution")
        object.__setattr__(self, "classes", classes)
        object.__setattr__(self, "distributions", _with_clean_names(distributions))
        if isinstance(self.reference, str):
            object.__setattr__(self, "reference", self.reference.strip())
        if len(classes) < MIN_CLASSES:
            raise WorkspaceError(f"a comparison needs at least {MIN_CLASSES} classes")
        names = self.names
        for distribution in self.distributions:
            if distribution.values.shape[0] != len(classes):
                raise WorkspaceError(
                    f"{distribution.name!r} has {distribution.values.shape[0]} values "
                    f"for {len(classes)} classes"
                )
        if self.reference not in names:
            raise WorkspaceError(f"the reference {self.reference!r} is not a distribution")
        try:
            log_scale(self.base)
            check_measure(self.rank_by)
        except ValueError as error:
            raise WorkspaceError(str(error)) from None
        if not isinstance(self.smoothing, Smoothing):
            raise WorkspaceError(f"smoothing must be a Smoothing, not {self.smoothing!r}")

    # -- equality -----------------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workspace):
            return NotImplemented
        return (
            self.classes == other.classes
            and self.distributions == other.distributions
            and self.reference == other.reference
            and self.base == other.base
            and self.smoothing == other.smoothing
            and self.rank_by == other.rank_by
        )

    __hash__ = None  # type: ignore[assignment]

    # -- reading ------------------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.distributions)

    @property
    def model_names(self) -> tuple[str, ...]:
        """Every distribution except the reference, in column order."""
        return tuple(d.name for d in self.distributions if d.name != self.reference)

    def index_of(self, name: str) -> int:
        for index, distribution in enumerate(self.distributions):
            if distribution.name == name:
                return index
        raise WorkspaceError(f"there is no distribution named {name!r}")

    def distribution(self, name: str) -> Distribution:
        return self.distributions[self.index_of(name)]

    def problems(self) -> tuple[Problem, ...]:
        """Everything that keeps the workspace from a comparison, cell by cell."""
        found: list[Problem] = []
        for distribution in self.distributions:
            found.extend(_problems_of(distribution, self.classes, self.smoothing))
        return tuple(found)

    def is_valid(self) -> bool:
        return not self.problems()

    def empty_cells(self) -> tuple[tuple[str, str], ...]:
        """(distribution, class) of every empty cell (no value: NaN), column by column."""
        return tuple(
            (d.name, self.classes[index])
            for d in self.distributions
            for index in np.flatnonzero(np.isnan(d.values))
        )

    def without_invalid_models(self) -> tuple[Workspace, dict[str, str]]:
        """This workspace without the models that cannot be compared, and why each was left
        out (its first problem), so that the valid ones can still be compared while one is
        being fixed. The reference stays, valid or not: without it nothing compares."""
        left_out: dict[str, str] = {}
        for problem in self.problems():
            if problem.distribution != self.reference:
                left_out.setdefault(problem.distribution, problem.message)
        kept = tuple(d for d in self.distributions if d.name not in left_out)
        return replace(self, distributions=kept), left_out

    def compare(self) -> Comparison:
        """The comparison of every model with the reference; raises while input is invalid
        (an empty cell is named as empty, as :meth:`problems` names it)."""
        empty = self.empty_cells()
        if empty:
            raise InvalidDistributionError(empty_cell_message(*empty[0]))

        def as_input(distribution: Distribution) -> object:
            return Counts(distribution.values) if distribution.is_counts else distribution.values

        reference = self.distribution(self.reference)
        return compare(
            as_input(reference),
            {d.name: as_input(d) for d in self.distributions if d.name != self.reference},
            base=self.base,
            smoothing=self.smoothing,
            rank_by=self.rank_by,
            classes=self.classes,
            reference_name=self.reference,
        )

    # -- values -------------------------------------------------------------------------------

    def _with_distribution(self, index: int, distribution: Distribution) -> Workspace:
        distributions = list(self.distributions)
        distributions[index] = distribution
        return replace(self, distributions=tuple(distributions))

    def with_value(self, name: str, class_index: int, value: float) -> Workspace:
        index = self.index_of(name)
        self._check_class_index(class_index)
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise WorkspaceError(
                f"{name!r}, class {self.classes[class_index]!r}: {value!r} is not a number"
            )
        values = self.distributions[index].values.copy()
        values[class_index] = value
        return self._with_distribution(index, replace(self.distributions[index], values=values))

    def with_values(self, name: str, values: Sequence[float] | np.ndarray) -> Workspace:
        index = self.index_of(name)
        return self._with_distribution(
            index, replace(self.distributions[index], values=_readonly_values(values))
        )

    def with_value_rescaled(
        self,
        name: str,
        class_index: int,
        value: float,
        locked: frozenset[str] | set[str] = frozenset(),
    ) -> Workspace:
        """Set one probability and rescale the other unlocked classes proportionally, so the
        column stays a distribution (what dragging a bar does). A counts column becomes
        probabilities. ``value`` is clamped to what the locked classes leave free."""
        index = self.index_of(name)
        self._check_class_index(class_index)
        values = self.distributions[index].values
        total = float(values.sum())
        if not np.isfinite(values).all() or (values < 0).any() or total <= 0:
            raise WorkspaceError(f"{name!r} is not a valid distribution; fix it before dragging")
        distribution = self.distributions[index]
        needs_scaling = distribution.is_counts or abs(total - 1.0) > SUM_TOLERANCE
        # Values already summing to 1 are used as they are: a locked one keeps its exact value.
        probabilities = values / total if needs_scaling else values
        is_locked = np.array([c in locked for c in self.classes])
        is_locked[class_index] = False
        free = max(0.0, 1.0 - float(probabilities[is_locked].sum()))
        value = min(max(float(value), 0.0), free)
        if not needs_scaling and value == probabilities[class_index]:
            return self  # rescaling the others by 1 would only add rounding noise
        others = ~is_locked
        others[class_index] = False
        rest = float(probabilities[others].sum())
        result = probabilities.copy()
        result[class_index] = value
        if others.any():
            if rest > 0:
                result[others] = probabilities[others] * ((free - value) / rest)
            else:  # the others were all 0: share what is left equally
                result[others] = (free - value) / int(others.sum())
        else:
            result[class_index] = free  # nothing else can give or take
        return self._with_distribution(index, Distribution(name, result, "probabilities"))

    def with_kind(self, name: str, kind: DistributionKind) -> Workspace:
        """Reinterpret a column's numbers as probabilities or counts (the numbers stay)."""
        index = self.index_of(name)
        return self._with_distribution(index, replace(self.distributions[index], kind=kind))

    def with_normalized(self, name: str) -> Workspace:
        """Divide a column by its sum; a counts column becomes probabilities. A column of
        probabilities that already sums to 1 (:func:`sums_to_one`) is left exactly as it is:
        dividing it again would only trade its rounding for another (0.6 → 0.6000000000000001)."""
        index = self.index_of(name)
        distribution = self.distributions[index]
        values = distribution.values
        empty = [self.classes[i] for i in np.flatnonzero(np.isnan(values))]
        if empty:
            raise WorkspaceError(f"{name!r} has {_empty_cells_and_fix(empty)}")
        if not np.isfinite(values).all() or (values < 0).any():
            raise WorkspaceError(
                f"{name!r} has a negative or infinite value; fix it before normalizing"
            )
        largest = float(values.max())
        if largest <= 0:
            raise WorkspaceError(f"{name!r} sums to 0 and cannot be normalized")
        if not distribution.is_counts and largest <= 1.0 and sums_to_one(values):
            return self
        if math.isinf(largest * len(values)):  # the sum may overflow: scale by the largest first
            values = values / largest
        total = math.fsum(values)
        return self._with_distribution(index, Distribution(name, values / total, "probabilities"))

    # -- classes ------------------------------------------------------------------------------

    def _check_class_index(self, class_index: int) -> None:
        if not 0 <= class_index < len(self.classes):
            raise WorkspaceError(f"there is no class at position {class_index}")

    def with_class_added(
        self,
        name: str,
        *,
        index: int | None = None,
        values: Mapping[str, float] | None = None,
    ) -> Workspace:
        """Insert a class (at the end by default); its value is 0 unless ``values`` names one."""
        name = clean_name(name, "class")
        if name in self.classes:
            raise WorkspaceError(f"there is already a class named {name!r}")
        index = len(self.classes) if index is None else index
        if not 0 <= index <= len(self.classes):
            raise WorkspaceError(f"cannot insert a class at position {index}")
        values = values or {}
        distributions = tuple(
            replace(d, values=np.insert(d.values, index, values.get(d.name, 0.0)))
            for d in self.distributions
        )
        classes = (*self.classes[:index], name, *self.classes[index:])
        return replace(self, classes=classes, distributions=distributions)

    def with_class_removed(self, class_index: int) -> Workspace:
        self._check_class_index(class_index)
        if len(self.classes) <= MIN_CLASSES:
            raise WorkspaceError(f"a comparison needs at least {MIN_CLASSES} classes")
        classes = self.classes[:class_index] + self.classes[class_index + 1 :]
        distributions = tuple(
            replace(d, values=np.delete(d.values, class_index)) for d in self.distributions
        )
        return replace(self, classes=classes, distributions=distributions)

    def with_class_renamed(self, class_index: int, name: str) -> Workspace:
        self._check_class_index(class_index)
        name = clean_name(name, "class")
        if name in self.classes and self.classes.index(name) != class_index:
            raise WorkspaceError(f"there is already a class named {name!r}")
        classes = list(self.classes)
        classes[class_index] = name
        return replace(self, classes=tuple(classes))

    def with_class_names(self, names: Sequence[str]) -> Workspace:
        """Rename every class at once (names may swap places), keeping the values."""
        if len(names) != len(self.classes):
            raise WorkspaceError(f"expected {len(self.classes)} class names, got {len(names)}")
        return replace(self, classes=tuple(names))

    def with_class_moved(self, class_index: int, new_index: int) -> Workspace:
        order = _move(tuple(range(len(self.classes))), class_index, new_index)
        return self.with_class_order(order)

    def with_class_order(self, order: Sequence[int]) -> Workspace:
        """Reorder classes: ``order[i]`` is the old position of the class now at ``i``."""
        if sorted(order) != list(range(len(self.classes))):
            raise WorkspaceError("a class order must name every class exactly once")
        positions = np.asarray(order)
        return replace(
            self,
            classes=tuple(self.classes[i] for i in order),
            distributions=tuple(replace(d, values=d.values[positions]) for d in self.distributions),
        )

    # -- distributions ------------------------------------------------------------------------

    def with_distribution_added(
        self,
        name: str,
        values: Sequence[float] | np.ndarray | None = None,
        *,
        kind: DistributionKind = "probabilities",
        index: int | None = None,
    ) -> Workspace:
        """Add a column, uniform over the classes unless ``values`` are given."""
        name = clean_name(name, "distribution")
        if name in self.names:
            raise WorkspaceError(f"there is already a distribution named {name!r}")
        if values is None:
            values = np.full(len(self.classes), 1.0 / len(self.classes))
        index = len(self.distributions) if index is None else index
        if not 0 <= index <= len(self.distributions):
            raise WorkspaceError(f"cannot insert a distribution at position {index}")
        distributions = list(self.distributions)
        distributions.insert(index, Distribution(name, _readonly_values(values), kind))
        return replace(self, distributions=tuple(distributions))

    def with_distribution_removed(self, name: str) -> Workspace:
        index = self.index_of(name)
        if name == self.reference:
            raise WorkspaceError(
                f"{name!r} is the reference; choose another reference before removing it"
            )
        remaining = self.distributions[:index] + self.distributions[index + 1 :]
        return replace(self, distributions=remaining)

    def with_distribution_renamed(self, name: str, new_name: str) -> Workspace:
        index = self.index_of(name)
        new_name = clean_name(new_name, "distribution")
        if new_name != name and new_name in self.names:
            raise WorkspaceError(f"there is already a distribution named {new_name!r}")
        distributions = list(self.distributions)
        distributions[index] = replace(distributions[index], name=new_name)
        reference = new_name if name == self.reference else self.reference
        return replace(self, distributions=tuple(distributions), reference=reference)

    def with_distribution_moved(self, index: int, new_index: int) -> Workspace:
        return replace(self, distributions=_move(self.distributions, index, new_index))

    def with_reference(self, name: str) -> Workspace:
        self.index_of(name)
        return replace(self, reference=name)

    def with_merged(self, other: Workspace, source: str | None = None) -> Workspace:
        """Add ``other``'s distributions after this workspace's, matching classes by name,
        never by position.

        A class only one side has is added to the other side as an EMPTY cell (NaN), never
        filled in: the workspace is invalid until someone gives those values
        (:func:`core.merging.merge` says what was left empty). The reference and the settings
        stay this workspace's. A distribution name both hold is an error, unless ``source``
        (say, the file's name) is given: it is then added to the new one's name, "P" becoming
        "P (source)".
        """
        for name in other.names:
            if name not in self.names:
                continue
            if source is None:
                raise WorkspaceError(f"both hold a distribution named {name!r}; rename one first")
            new_name, number = f"{name} ({source})", 2
            while new_name in self.names or new_name in other.names:
                new_name, number = f"{name} ({source} {number})", number + 1
            other = other.with_distribution_renamed(name, new_name)
        merged = self
        empty = {name: math.nan for name in self.names}
        for name in other.classes:
            if name not in merged.classes:
                merged = merged.with_class_added(name, values=empty)
        positions = [
            other.classes.index(name) if name in other.classes else -1 for name in merged.classes
        ]
        present = np.array([position >= 0 for position in positions])
        take = np.array([max(position, 0) for position in positions])
        added = tuple(
            Distribution(d.name, np.where(present, d.values[take], math.nan), d.kind)
            for d in other.distributions
        )
        return replace(merged, distributions=merged.distributions + added)

    # -- settings -----------------------------------------------------------------------------

    def with_base(self, base: float | None) -> Workspace:
        return replace(self, base=base)

    def with_smoothing(self, smoothing: Smoothing) -> Workspace:
        return replace(self, smoothing=smoothing)

    def with_rank_by(self, rank_by: str) -> Workspace:
        return replace(self, rank_by=rank_by)


def sums_to_one(values: np.ndarray) -> bool:
    """True when the exact sum of ``values`` is 1 but for the rounding of the values
    themselves: within one machine epsilon per value (each value rounded once, as typing a
    decimal or dividing by a sum rounds it). The sum is math.fsum's, correctly rounded."""
    return abs(math.fsum(values) - 1.0) <= len(values) * np.finfo(np.float64).eps


class _LastCheckedClasses:
    """The class names last checked and cleaned. An edit of a value makes a new Workspace
    with the same tuple of names, which need not be checked again: at 32,000 classes that
    check took most of an edit's time."""

    names: tuple[str, ...] = ()


def _checked_classes(classes: tuple[str, ...]) -> tuple[str, ...]:
    """``classes`` checked (:func:`_check_names`) and cleaned of spaces around them."""
    if classes is _LastCheckedClasses.names:
        return classes
    _check_names(classes, "class")
    cleaned = tuple(name.strip() for name in classes)
    _LastCheckedClasses.names = cleaned
    return cleaned


def _check_names(names: Sequence[str], what: Literal["class", "distribution"]) -> None:
    """WorkspaceError unless every name is text and no two are one name once cleaned."""
    for name in names:
        clean_name(name, what)
    repeated = same_name(names)
    if repeated is None:
        return
    first, second = repeated
    if first != second:
        plural = "classes" if what == "class" else "distributions"
        raise WorkspaceError(spelled_apart(f"the {plural}", first, second))
    if what == "class":
        raise WorkspaceError(f"class {first!r} appears twice; class names must be unique")
    raise WorkspaceError(f"two distributions are named {first!r}")


def _empty_cells_and_fix(classes: Sequence[str]) -> str:
    """"an empty cell (class 'x'): fill it first", or for several "3 empty cells (classes
    'x', 'y', 'z'): fill them first" (past a few names, how many more there are)."""
    listed = 5
    named = ", ".join(repr(name) for name in classes[:listed])
    if len(classes) > listed:
        named += f" and {len(classes) - listed} more"
    if len(classes) == 1:
        return f"an empty cell (class {named}): fill it first"
    return f"{len(classes)} empty cells (classes {named}): fill them first"


def empty_cell_message(distribution: str, class_name: str) -> str:
    """What :meth:`Workspace.problems` and :meth:`Workspace.compare` say of an empty cell."""
    return f"{distribution!r}, class {class_name!r}: empty (no value)"


def _with_clean_names(distributions: Sequence[Distribution]) -> tuple[Distribution, ...]:
    return tuple(
        d if d.name == d.name.strip() else replace(d, name=d.name.strip()) for d in distributions
    )


def _problems_of(
    distribution: Distribution, classes: Sequence[str], smoothing: Smoothing
) -> list[Problem]:
    values = distribution.values
    found = []
    for index in np.flatnonzero(~np.isfinite(values) | (values < 0)):
        value = float(values[index])
        if math.isnan(value):
            message = empty_cell_message(distribution.name, classes[index])
        else:
            why = "is negative" if math.isfinite(value) else "is not a finite number"
            message = f"{distribution.name!r}, class {classes[index]!r}: {value:g} {why}"
        found.append(Problem(distribution.name, int(index), message))
    if found:
        return found
    with np.errstate(over="ignore"):  # an overflowing sum is reported, not warned about
        total = float(values.sum())
    if distribution.is_counts:
        adds_counts = smoothing.method == "add_k" and smoothing.amount > 0
        if total <= 0 and not adds_counts:
            found.append(
                Problem(distribution.name, None, f"{distribution.name!r}: all counts are 0")
            )
    elif abs(total - 1.0) > SUM_TOLERANCE:
        found.append(
            Problem(
                distribution.name,
                None,
                f"{distribution.name!r} sums to {total:.6g}, not 1: normalize it, "
                "or mark it as counts",
            )
        )
    return found
