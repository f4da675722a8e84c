"""What is wrong with a line of a text file of predictions, found line by line (Python's csv
module): a line with the wrong number of fields, no label, a cell that is not a number, or a
quoted field that spans lines. Slow, and so used only to name the line where an engine
failed or saw only a NaN, and for lines that hold a quote. A line read here may take 64 MB.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from typing import Protocol

from core.errors import FormatError, shortened
from core.formats.delimiters import with_decimal_point
from core.formats.number_text import OutOfRange, number_value
from core.formats.regular_files import open_regular, read_error
from core.formats.text_files import (
    text_lines,
)
from core.predictions.readers.text_header import Header

_MAX_LINE_BYTES = 64 * 1024**2  # a line of numbers for 4 million classes


class Columns(Protocol):
    """What checking a line needs of a file's layout (a prediction file's, a file of
    per-sample distributions'): every column's name, the true-label column (None: the file
    has none) and the columns of numbers."""

    @property
    def names(self) -> tuple[str, ...]: ...

    @property
    def label(self) -> int | None: ...

    @property
    def probability_columns(self) -> list[int]: ...


def diagnose_line(path: str, header: Header, layout: Columns, line: int) -> None:
    """Raise what is wrong with this line of the file, if check_lines finds something: a
    short line or an empty cell, where the engine only saw a NaN or a missing label."""
    check_lines(itertools.islice(file_lines(path, header, line), 1), header, layout, path)


#: Both engines refuse a quoted field that spans lines, at the line where it starts.
SPANNING_FIELD = "a quoted field runs on past the end of this line: fields may not span lines"


def _field_runs_on(line: str, delimiter: str) -> bool:
    """Whether a quoted field opened on this line is still open at its end (as Python's csv
    reads it: a quote opens a field only at the field's start)."""
    reader = csv.reader(iter([line.rstrip("\r\n") + "\n", "\n"]), delimiter=delimiter)
    next(reader, None)
    return reader.line_num > 1


def file_lines(path: str, header: Header, start: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line from line ``start`` on."""
    blank = " \t\r\n" + header.delimiter
    try:
        with open_regular(path) as stream:
            lines = text_lines(stream, header.encoding, path, _MAX_LINE_BYTES)
            for number, text in enumerate(itertools.islice(lines, start - 1, None), start=start):
                if text.strip(blank):
                    yield number, text.rstrip("\r")
    except OSError as error:
        raise read_error(error, path) from None


def check_lines(
    entries: Iterable[tuple[int, str]],
    header: Header,
    layout: Columns,
    path: str,
) -> None:
    """Raise a FormatError at the first line with the wrong number of fields, no label, a
    cell that is not a number or a quoted field that spans lines. Slow (pure Python): it
    says where numpy failed, and is called for every line that holds a quote."""
    width = len(header.names)
    for number, text in entries:
        if '"' in text and _field_runs_on(text, header.delimiter):
            raise FormatError(SPANNING_FIELD, path=path, line=number)
        try:
            fields = next(csv.reader([text], delimiter=header.delimiter))
        except csv.Error as error:
            raise FormatError(f"cannot split this line: {error}", path=path, line=number) from None
        if len(fields) != width:
            count = f"{len(fields)} field{'' if len(fields) == 1 else 's'}"
            raise FormatError(
                f"this line has {count} but the header has {width}",
                path=path,
                line=number,
            )
        if layout.label is not None and not fields[layout.label].strip():
            raise FormatError("no true label", path=path, line=number, column=layout.label + 1)
        for column in layout.probability_columns:
            cell = fields[column].strip()
            try:
                number_value(with_decimal_point(cell, header.delimiter))
                continue
            except OutOfRange as error:  # 1e400, which the engines read as infinity
                what = str(error)
            except ValueError:
                what = "empty cell" if not cell else f"{shortened(cell)!r} is not a number"
            raise FormatError(
                f"{what} (column {layout.names[column]!r})",
                path=path,
                line=number,
                column=column + 1,
            )
