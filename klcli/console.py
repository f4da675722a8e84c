"""Messages on the console: one line each on stderr, prefixed with the program's name."""

from __future__ import annotations

import sys

from core.errors import one_line


def print_error(message: str) -> None:
    """``klgui: error: message`` on stderr, on one line (see print_line)."""
    print_line(f"error: {message}")


def print_line(message: str) -> None:
    """``klgui: message`` on stderr, on one line whatever names from files it holds: control
    characters in it are escaped (core.errors.one_line)."""
    print(f"klgui: {one_line(message)}", file=sys.stderr)
