"""Merging a table into a workspace by class name, and saying what that did.

Nothing is filled in silently: a class only one side has is left EMPTY on the other side
(see :meth:`Workspace.with_merged`), and :class:`MergeSummary` says which classes were
matched, which were added, and which cells were left empty, so that the window and the
report can say it in a sentence, built in one place (:meth:`MergeSummary.describe`) from
words that each side gives: the report's English, the window's translation.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from core.errors import one_line
from core.workspace import Workspace

#: Most names a sentence lists before it says how many more there are.
LISTED_NAMES = 5


@dataclass(frozen=True)
class MergeWording:
    """The words of the sentence about a merge, as %-templates (see MergeSummary.describe)."""

    #: The table's name; the classes both hold.
    matched: str = "%s merged by class name: %s matched."
    #: The table's name.
    none_matched: str = "%s merged by class name: no class matched."
    #: The classes added from the table; the distributions left empty for them.
    added: str = "Added from it: %s (left empty in %s)."
    #: The classes the table lacks; its distributions left empty for them.
    lacking: str = "It lacks %s (left empty in %s)."
    #: Names listed; how many more there are.
    more: str = "%s and %d more"


ENGLISH = MergeWording()


@dataclass(frozen=True)
class MergeSummary:
    """What merging a new table into a workspace did, class by class."""

    #: Classes both hold, in the workspace's order.
    matched: tuple[str, ...]
    #: Classes only the new table holds: added to the workspace.
    added: tuple[str, ...]
    #: The workspace's distributions, left empty for the added classes.
    empty_for_added: tuple[str, ...]
    #: Classes of the workspace that the new table lacks.
    lacking: tuple[str, ...]
    #: The new table's distributions (as named once merged), left empty for those classes.
    empty_for_lacking: tuple[str, ...]

    def empty_cells(self) -> tuple[tuple[str, str], ...]:
        """(distribution, class) of every cell the merge left empty."""
        return tuple(
            (name, class_name)
            for classes, names in (
                (self.added, self.empty_for_added),
                (self.lacking, self.empty_for_lacking),
            )
            for class_name in classes
            for name in names
        )

    @property
    def empty_cell_count(self) -> int:
        return len(self.empty_cells())

    def describe(self, table: str, words: MergeWording = ENGLISH) -> str:
        """What merging ``table`` (its name as the user knows it, on one line) did, in a
        sentence or a few: in English, or in ``words`` (the window's, translated)."""

        def listed(names: Sequence[str]) -> str:
            return _listed(names, words.more)

        if self.matched:
            parts = [words.matched % (table, listed(self.matched))]
        else:
            parts = [words.none_matched % table]
        if self.added:
            parts.append(words.added % (listed(self.added), listed(self.empty_for_added)))
        if self.lacking:
            parts.append(words.lacking % (listed(self.lacking), listed(self.empty_for_lacking)))
        return " ".join(parts)


def merge(current: Workspace, incoming: Workspace, source: str) -> tuple[Workspace, MergeSummary]:
    """``incoming`` merged into ``current`` by class name (:meth:`Workspace.with_merged`;
    ``source`` tells apart a distribution name both hold), and what that did."""
    merged = current.with_merged(incoming, source)
    new_names = merged.names[len(current.names) :]  # with_merged adds them at the end
    current_classes, incoming_classes = set(current.classes), set(incoming.classes)
    lacking = tuple(name for name in current.classes if name not in incoming_classes)
    added = tuple(name for name in incoming.classes if name not in current_classes)
    return merged, MergeSummary(
        matched=tuple(name for name in current.classes if name in incoming_classes),
        added=added,
        empty_for_added=current.names if added else (),
        lacking=lacking,
        empty_for_lacking=new_names if lacking else (),
    )


def describe_empty_cells(
    cells: Sequence[tuple[str, str]], left_by_merges: Collection[tuple[str, str]] = ()
) -> str:
    """One English sentence naming empty cells, (distribution, class) pairs, and how to fill
    them: when merging tables left them all empty (``left_by_merges``, see
    MergeSummary.empty_cells), by giving the class in the file that lacks it; otherwise (a
    session, or a file that is not a merge, holds them) by typing a value."""
    count = "1 cell is" if len(cells) == 1 else f"{len(cells)} cells are"
    named = _shortened([f"{name!r}, class {class_name!r}" for name, class_name in cells], "; ")
    if all(cell in left_by_merges for cell in cells):
        fix = "give the class in the file that lacks it, 0 if the model gives it no probability"
    else:
        fix = "type a value" + (" in each" if len(cells) > 1 else "")
        fix += " (0 if the model gives the class no probability)"
    return f"{count} empty ({named}): {fix}"


def _listed(names: Sequence[str], more: str = ENGLISH.more) -> str:
    """Names in quotes and on one line, separated by commas; past a few, how many more
    there are (``more``: a %-template of the names shown and that number)."""
    return _shortened([f"'{one_line(name)}'" for name in names], ", ", more)


def _shortened(texts: Sequence[str], separator: str, more: str = ENGLISH.more) -> str:
    shown = separator.join(texts[:LISTED_NAMES])
    hidden = len(texts) - LISTED_NAMES
    return more % (shown, hidden) if hidden > 0 else shown
