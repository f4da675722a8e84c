"""Distribution tables as delimited text: CSV, TSV or semicolon-separated.

The first row is a header: a label for the class column (may be empty), then one name per
distribution. Every following row is a class: its name, then one value per distribution::

    class,P,A,B
    dog,0.6,0.5,0.2
    cat,0.3,0.35,0.3

The delimiter and the decimal comma follow core.formats.delimiters, as in prediction files:
the header's most frequent of tab, ';' and ',', unless the rows all split into as many fields
with another that the header holds; with ';' or tab a decimal comma ("0,25") is accepted.
Lines end with '\n', '\r\n' or '\r' alone. Blank lines and lines starting with '#' are
skipped. Values are never renormalised; counts vs probabilities is inferred by
:func:`core.formats.table.infer_kind`.
"""

from __future__ import annotations

import csv
import math
from typing import NamedTuple

from core.errors import FormatError, shortened
from core.formats.delimiters import DELIMITER_NAMES, DELIMITERS, sniff_delimiter, with_decimal_point
from core.formats.number_text import OutOfRange, number_value, refuse_lost_value
from core.formats.table import workspace_from_columns
from core.workspace import MIN_CLASSES, Workspace, spelled_apart


class _Record(NamedTuple):
    """One parsed row: its fields and the file lines it came from (1-based)."""

    line: int
    end_line: int
    fields: list[str]


def _content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line that is not blank and not a '#' comment.

    A line of nothing but delimiters (",,,") is how spreadsheets write a blank row.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip(" \t;,") and not line.lstrip().startswith("#")
    ]


def _parse(lines: list[tuple[int, str]], delimiter: str, path: str) -> list[_Record]:
    """Split the lines into records with the csv module (quoted fields may hold delimiters)."""
    numbers = [number for number, _ in lines]
    # Lines keep their newline so that a quoted field spanning lines keeps it too.
    reader = csv.reader(
        (line + "\n" for _, line in lines), delimiter=delimiter, skipinitialspace=True
    )
    records: list[_Record] = []
    consumed = 0  # lines the reader has taken so far
    try:
        for fields in reader:
            end = reader.line_num
            if fields:  # csv gives [] for an empty line
                records.append(_Record(numbers[consumed], numbers[end - 1], fields))
            consumed = end
    except csv.Error as error:  # e.g. a field over csv's size limit: an unclosed quote
        line = numbers[min(consumed, len(numbers) - 1)]  # where the failing row starts
        raise FormatError(f"cannot read this row: {error}", path=path, line=line) from None
    return records


def _fits(records: list[_Record]) -> bool:
    width = len(records[0].fields)
    return width >= 2 and all(len(record.fields) == width for record in records)


def _split_records(lines: list[tuple[int, str]], path: str) -> tuple[str, list[_Record]]:
    """The header's delimiter (sniff_delimiter) if it splits the header and every row into the
    same number ≥ 2 of fields, else the first other one in the header that does (a quoted
    field spanning lines is one field here, not in a header rule); failing that, the one
    whose header splits and that most rows agree with, so the error names the ragged row."""
    header_text = lines[0][1]
    sniffed = sniff_delimiter(header_text)
    fallback: tuple[int, str, list[_Record]] | None = None
    for delimiter in sorted(DELIMITERS, key=lambda delimiter: delimiter != sniffed):
        if delimiter not in header_text:  # cheap: no need to parse the whole file
            continue
        records = _parse(lines, delimiter, path)
        if _fits(records):
            return delimiter, records
        width = len(records[0].fields)
        agreeing = sum(len(record.fields) == width for record in records)
        if width >= 2 and (fallback is None or agreeing > fallback[0]):
            fallback = (agreeing, delimiter, records)
    if fallback is not None:
        return fallback[1], fallback[2]
    raise FormatError(
        "the header names no distributions: expected the class column's label, then one "
        "name per distribution, separated by tabs, ';' or ','",
        path=path,
        line=lines[0][0],
    )


def _fields(count: int) -> str:
    return f"{count} field{'' if count == 1 else 's'}"


def _as_written(record: _Record, text: str, delimiter: str) -> list[str]:
    """The record's fields as its line ``text`` spells them: csv's skipinitialspace drops the
    spaces at the start of each field, which a name may hold (' P' next to 'P'), so messages
    quote this split (or the record's own, if the line splits otherwise without it)."""
    written = next(csv.reader([text], delimiter=delimiter), [])
    return written if len(written) == len(record.fields) else record.fields


def _check_header(header: _Record, written: list[str], path: str) -> list[str]:
    """The distribution names from the header, non-empty and unique; ``written``: the
    header's fields as the file spells them (see _as_written)."""
    names = [field.strip() for field in header.fields[1:]]
    spellings = written[1:]
    first_column: dict[str, int] = {}
    for column, (name, spelling) in enumerate(zip(names, spellings, strict=True), start=2):
        if not name:
            raise FormatError(
                f"the header has no distribution name in column {column}",
                path=path,
                line=header.line,
                column=column,
            )
        if name in first_column:
            first = first_column[name]
            first_spelling = spellings[first - 2]
            if first_spelling == spelling:
                what = f"the distribution name {name!r} appears twice in the header"
            else:
                what = spelled_apart("the distributions", first_spelling, spelling)
            raise FormatError(
                f"{what} (columns {first} and {column})",
                path=path,
                line=header.line,
                column=column,
            )
        first_column[name] = column
    return names


def _number(cell: str, delimiter: str) -> float | None:
    """The cell's value, or None if it is not a number; "25%" is 0.25. NaN and inf parse;
    they are refused later with the cell's location. OutOfRange for a number a double cannot
    hold (core.formats.number_text: a cell > 0 is never read as 0)."""
    written = cell.strip()
    text, scale = written, 1.0
    if text.endswith("%"):  # spreadsheets export percentages as they show them
        text, scale = text[:-1].rstrip(), 0.01
    text = with_decimal_point(text, delimiter)
    try:
        number = number_value(text)
    except OutOfRange:
        raise
    except ValueError:
        return None
    value = number * scale
    refuse_lost_value(number, value, written)  # 1e-323% is below the smallest double
    return value


def _column_values(
    rows: list[_Record], column: int, name: str, delimiter: str, path: str
) -> list[float]:
    """The numbers in one column (1-based); the first cell that is not a number (or one that
    a double cannot hold) is an error, and so is a column that mixes percentages with plain
    numbers (25% next to 0.25 is a mistake either way)."""
    cells = [row.fields[column - 1] for row in rows]
    if "_" not in "".join(cells):
        try:  # the fast path: plain numbers with a decimal point, none 0 nor infinite
            values = [float(cell) for cell in cells]
        except ValueError:
            pass
        else:
            if 0.0 not in values and math.isfinite(sum(map(abs, values))):
                return values
    values = []
    percent_row: _Record | None = None
    plain_row: _Record | None = None
    for cell, row in zip(cells, rows, strict=True):
        where = f"distribution {name!r}, class {row.fields[0].strip()!r}"
        try:
            value = _number(cell, delimiter)
        except OutOfRange as error:
            raise FormatError(
                f"{where}: {error}", path=path, line=row.line, column=column
            ) from None
        if value is None:
            written = shortened(cell.strip())
            what = "is empty" if not written else f"{written!r} is not a number"
            raise FormatError(
                f"{where}: the cell {what}",
                path=path,
                line=row.line,
                column=column,
            )
        if cell.strip().endswith("%"):
            percent_row = percent_row or row
        elif value != 0:  # 0 reads the same either way
            plain_row = plain_row or row
        if percent_row and plain_row:
            raise FormatError(
                f"{where}: the column mixes "
                f"percentages (line {percent_row.line}) with plain numbers "
                f"(line {plain_row.line}); write them all one way",
                path=path,
                line=row.line,
                column=column,
            )
        values.append(value)
    return values


def workspace_from_delimited_text(text: str, path: str) -> Workspace:
    """Read a CSV / TSV / semicolon-separated distribution table. Raises FormatError."""
    if not text.strip():
        raise FormatError("the file is empty", path=path, line=1)
    if "\x00" in text:
        # The binary check in text_files only samples the start of the file.
        before = text[: text.index("\x00")]
        raise FormatError(
            "the file contains a NUL character; is it a binary file?",
            path=path,
            line=before.count("\n") + 1,
        )
    lines = _content_lines(text)
    if not lines:
        raise FormatError("the file has no header row: only blank lines and comments", path=path)
    delimiter, records = _split_records(lines, path)
    header, rows = records[0], records[1:]
    names = _check_header(header, _as_written(header, lines[0][1], delimiter), path)
    width = len(header.fields)
    if not rows:
        raise FormatError(
            f"the file has a header but no classes; a comparison needs at least {MIN_CLASSES}",
            path=path,
            line=header.line,
        )

    classes: list[str] = []
    first_row: dict[str, _Record] = {}
    for row in rows:
        if len(row.fields) != width:
            hint = ""
            if row.end_line != row.line:
                hint = f" (the row runs on to line {row.end_line}: is a closing quote missing?)"
            raise FormatError(
                f"this row has {_fields(len(row.fields))}, the header (line {header.line}) "
                f"has {width}{hint}; fields are separated by {DELIMITER_NAMES[delimiter]}",
                path=path,
                line=row.line,
            )
        name = row.fields[0].strip()
        if not name:
            raise FormatError("the class name is empty", path=path, line=row.line, column=1)
        if name in first_row:
            first = first_row[name]
            texts = dict(lines)  # the class names as written (see _as_written)
            spellings = [_as_written(r, texts[r.line], delimiter)[0] for r in (first, row)]
            if spellings[0] == spellings[1]:
                what = f"the class {name!r} appears twice: here and on line {first.line}"
            else:  # ' dog' and 'dog': both as written
                what = f"{spelled_apart('the classes', *spellings)} (on line {first.line} and here)"
            raise FormatError(
                f"{what}; class names must be unique",
                path=path,
                line=row.line,
                column=1,
            )
        first_row[name] = row
        classes.append(name)

    if len(classes) < MIN_CLASSES:
        raise FormatError(
            f"only one class ({classes[0]!r}); a comparison needs at least {MIN_CLASSES}",
            path=path,
            line=rows[0].line,
        )
    columns = {
        name: _column_values(rows, column, name, delimiter, path)
        for column, name in enumerate(names, start=2)
    }
    row_lines = [row.line for row in rows]
    name_columns = {name: column for column, name in enumerate(names, start=2)}

    def locate(name: str, index: int) -> tuple[int | None, int | None]:
        # "" is the class column (see core.formats.table).
        return row_lines[index], name_columns.get(name, 1)

    return workspace_from_columns(path, classes, columns, locate=locate)
