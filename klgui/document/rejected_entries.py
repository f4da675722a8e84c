"""Text typed into the table that was not accepted: kept to be corrected, never data."""

from __future__ import annotations

from dataclasses import dataclass

from core import Workspace

#: Where an entry was typed: (distribution, class name); distribution None for the class's
#: own name.
Cell = tuple[str | None, str]


@dataclass(frozen=True)
class RejectedEntry:
    """What the user typed into a cell, and why it was not applied. The document keeps its
    value meanwhile: nothing is changed until the text is corrected."""

    distribution: str | None  # None: the class-name cell
    class_name: str
    text: str
    reason: str

    @property
    def cell(self) -> Cell:
        return (self.distribution, self.class_name)


def still_pending(entry: RejectedEntry, before: Workspace, after: Workspace) -> bool:
    """Whether ``entry`` still stands over its cell after the workspace changed from
    ``before`` to ``after``: its cell is still there, holding what it held (a new value or
    name, however it came, replaces the text that was not accepted)."""
    if entry.class_name not in after.classes:
        return False
    if entry.distribution is None:
        return True
    if entry.distribution not in after.names or entry.distribution not in before.names:
        return False
    if entry.class_name not in before.classes:
        return False
    old = before.distribution(entry.distribution).values[before.classes.index(entry.class_name)]
    new = after.distribution(entry.distribution).values[after.classes.index(entry.class_name)]
    return bool(old == new or (old != old and new != new))  # NaN: still empty
