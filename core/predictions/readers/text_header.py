"""The header line of a delimited text file of predictions: its names, its delimiter, its
encoding, and the rows its size suggests.

Text is UTF-8 with or without a byte-order mark, CP949, or UTF-16 with a byte-order mark
(Excel's "Unicode text"), decoded as in core.formats.text_files, in the encoding of the
whole file (an ASCII header may head CP949 lines). The delimiter is the header's most
frequent of tab, ';' and ',' (core.formats.delimiters: the rule of tables and of the
detection too); with a tab or ';' a number may have a decimal comma (``0,25``), as
spreadsheets in many locales write it. A header line is read up to 16 MB.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, replace

from core.errors import FormatError
from core.formats.delimiters import allows_decimal_comma, sniff_delimiter
from core.formats.regular_files import open_regular, read_error
from core.formats.text_files import (
    UTF16,
    check_line_end,
    decode_text,
    file_encoding,
    is_utf8,
    text_encoding,
    text_lines,
)

_MAX_HEADER_BYTES = 16 * 1024**2
_SAMPLE_BYTES = 1024**2  # read after the header to estimate the number of rows


@dataclass(frozen=True)
class Header:
    names: tuple[str, ...]
    delimiter: str
    # "utf-8", "cp949" or UTF16: the header line's, which polars' read checks for the whole
    # file (_NotUtf8); the whole file's for numpy (in_file_encoding)
    encoding: str
    rows_estimate: int

    @property
    def decimal_comma(self) -> bool:
        """Whether numbers may have a decimal comma (0,25), as well as a point."""
        return allows_decimal_comma(self.delimiter)


def read_header(path: str) -> Header:
    try:
        with open_regular(path) as stream:
            encoding = text_encoding(stream.read(4096), path)  # binary data is refused
            stream.seek(0)
            if encoding == UTF16:
                text = next(text_lines(stream, UTF16, path, _MAX_HEADER_BYTES), "")
                header_bytes = len(f"{text}\n".encode(UTF16))  # with the byte-order mark
            else:
                first = stream.readline(_MAX_HEADER_BYTES + 1)
                check_line_end(first.removesuffix(b"\n"), path, 1)
                if len(first) > _MAX_HEADER_BYTES:
                    raise FormatError(
                        "the first line is over 16 MB long: not a table of predictions",
                        path=path,
                        line=1,
                    )
                text = decode_text(first, path)  # drops a byte-order mark
                encoding = "utf-8" if is_utf8(first) else "cp949"
                header_bytes = len(first)
            stream.seek(header_bytes)
            sample = stream.read(_SAMPLE_BYTES)
            size = stream.size
    except OSError as error:
        raise read_error(error, path) from None
    text = text.rstrip("\r\n")
    if not text.strip():
        raise FormatError(
            "the first line is empty: it must be the header naming the label and class columns",
            path=path,
            line=1,
        )
    delimiter = sniff_delimiter(text)
    if delimiter is None:
        raise FormatError(
            f"the header has a single column ({text.strip()[:80]!r}): expected a label column "
            "and one column per class, separated by commas, tabs or semicolons",
            path=path,
            line=1,
        )
    if text.count('"') % 2:
        raise FormatError("the header has an unclosed quote", path=path, line=1)
    try:
        names = next(csv.reader([text], delimiter=delimiter))
    except csv.Error as error:
        raise FormatError(f"cannot split the header: {error}", path=path, line=1) from None
    # Rows to expect, from the first megabyte; a row holds at least its delimiters.
    complete = sample.rfind(b"\n") + 1
    row_bytes = complete / sample.count(b"\n") if complete else len(sample)
    estimate = math.ceil((size - header_bytes) / max(row_bytes, len(names)))
    return Header(tuple(names), delimiter, encoding, estimate)


def in_file_encoding(header: Header, path: str) -> Header:
    """The header, with the encoding of the whole file (file_encoding) instead of its own
    line's: an ASCII header may head a CP949 file."""
    try:
        with open_regular(path) as stream:
            return replace(header, encoding=file_encoding(stream, path))
    except OSError as error:
        raise read_error(error, path) from None
