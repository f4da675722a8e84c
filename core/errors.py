"""Typed errors of the compute core. Both are ``ValueError`` so callers may catch either."""

from __future__ import annotations


class InvalidDistributionError(ValueError):
    """A vector is not a probability distribution (or not a valid count vector).

    The message names the offending entry and says why, e.g.
    ``model 'A', class 'cat': -0.1 is negative``.
    """


class FormatError(ValueError):
    """A file could not be read. The message names the file and, where known, line and column."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.reason = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self._located(message))

    def _located(self, message: str) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {message}" if where else message


class WorkspaceError(ValueError):
    """An edit of a Workspace is not possible (duplicate name, unknown distribution, ...)."""
