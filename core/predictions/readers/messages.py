"""Pieces of the readers' messages: a library's error, short; a list of names, cut."""

from __future__ import annotations

from collections.abc import Sequence

_SHOWN_NAMES = 8  # column or class names listed in a message


def first_line(error: BaseException) -> str:
    """A library's message, short: polars appends paragraphs of advice."""
    text = str(error).strip().splitlines()
    line = text[0] if text else type(error).__name__
    return line if len(line) <= 300 else line[:300] + "…"


def listing(names: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:_SHOWN_NAMES])
    return shown if len(names) <= _SHOWN_NAMES else f"{shown}, … ({len(names)} in all)"
