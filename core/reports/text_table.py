"""Text reports for a terminal: numbers as the reports write them, aligned tables, and lines
that a name from a file can never split. JSON numbers: infinity as "inf"."""

from __future__ import annotations

import math
import unicodedata

from core.errors import one_line


def json_number(value: float) -> float | str:
    """A float for JSON; infinity as the string "inf" (JSON has no infinity)."""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float(value)


def format_value(value: float, digits: int = 4) -> str:
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.{digits}f}"


def display_width(text: str) -> int:
    """The columns a terminal gives ``text``: wide (Hangul, CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def aligned_table(rows: list[list[str]], name_column: int = 1) -> list[str]:
    """The rows as lines of aligned columns, a rule under the first (the headings): names
    left-aligned, numbers right-aligned, by the width a terminal shows, not by len(). A
    control character in a cell (a newline in a model's name) is escaped: one row, one line."""
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]

    def pad(cell: str, width: int, column: int) -> str:
        room = " " * (width - display_width(cell))
        return cell + room if column == name_column else room + cell

    return [
        "  ".join(
            pad(cell, width, column)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()
        for cells in [rows[0], ["-" * width for width in widths], *rows[1:]]
    ]


def joined_lines(lines: list[str]) -> str:
    """The lines of a text report, each kept on its line: a name from a file holding a newline
    (or another control character) is escaped where it appears."""
    return "".join(one_line(line) + "\n" for line in lines)
