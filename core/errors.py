"""Typed errors of the compute core. Both are ``ValueError`` so callers may catch either."""

from __future__ import annotations

import os
import unicodedata

#: Unicode categories escaped by one_line: control and format characters, surrogates (a
#: file name that is not valid UTF-8), line and paragraph separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def one_line(text: str) -> str:
    """``text`` with every character that could break a line or hide text (a newline, a tab,
    an escape, a bidirectional override, ...) written as a Python string literal writes it
    (``\\n``, ``\\x1b``, ``\\u202e``): a name from a file never splits a message."""
    if text.isprintable():  # the common case, in C
        return text
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _ESCAPED_CATEGORIES else char
        for char in text
    )


def shortened(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: if longer than ``limit`` characters, its start and its
    end with '…' between them, so that both ends are seen ('0.0000000000…00001e-5')."""
    if len(text) <= limit:
        return text
    end = (limit - 1) // 2
    return f"{text[: limit - 1 - end]}…{text[-end:]}"


def file_name(path: str | os.PathLike[str]) -> str:
    """The name of the file at ``path`` as a message shows it: its last part, on one line
    whatever characters it holds (see one_line)."""
    return one_line(os.path.basename(os.fspath(path)))


class InvalidDistributionError(ValueError):
    """A vector is not a probability distribution (or not a valid count vector).

    The message names the offending entry and says why, e.g.
    ``model 'A', class 'cat': -0.1 is negative``.
    """


class FormatError(ValueError):
    """A file could not be read. The message names the file and, where known, line and column,
    on one line: control characters in the path or the reason are escaped (see one_line)."""

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
            where.append(one_line(str(self.path)))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        message = one_line(message)
        return f"{', '.join(where)}: {message}" if where else message


class WorkspaceError(ValueError):
    """An edit of a Workspace is not possible (duplicate name, unknown distribution, ...)."""
