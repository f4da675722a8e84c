"""Numbers in a text file of probabilities that are too small for a double: ``1e-400`` is
not 0, but reads as 0.0, and a probability > 0 in a file must not become 0 here.

The readers call :func:`refuse_false_zeros` only when some probability read as 0. It reads
the file again, in windows of whole lines, and finds what such a number needs at memory
speed (numpy over the window's bytes, and byte searches):

- a negative exponent of 3 digits or more (``e-310``): the mantissa before it is read too,
  vectorised, which settles nearly all of them at once: ``3.5e-310`` is at least 1e-310 and
  cannot read as 0. Only a number whose value may be below 2.5e-324 (``1e-400``,
  ``0.001e-322``, a mantissa too long to look at) is read in Python;
- a point followed by 224 zeros, for the numbers with a short exponent or none, which need
  that many to get so small.

Only a number that does read as 0 has its line split into cells, and only a probability
cell that reads as a false 0 is refused, at its line and column. The search reports its
progress and polls for cancellation at every window (and every few thousand numbers it reads
in Python), and holds no more than a window and what it found in it.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator, Mapping

import numpy as np

from core.errors import FormatError
from core.formats.delimiters import allows_decimal_comma, with_decimal_point
from core.formats.number_text import OutOfRange, reads_as_a_false_zero
from core.formats.regular_files import open_regular, read_error
from core.formats.text_files import UTF16

_SCAN_BYTES = 16 * 1024**2  # bytes of the file read at a time
#: A number with an exponent above −100 (or none) reads as 0 only with this after its point.
_MANY_ZEROS = b"." + b"0" * 224
_MANTISSA_BYTES = 64  # bytes of a mantissa looked at with numpy; a longer one is read in Python
_POLL_NUMBERS = 4096  # numbers read in Python between two polls
_NUMBER_BYTES = frozenset(b"0123456789.eE+-")
_DIGIT_0, _POINT, _LINE_END = ord("0"), ord("."), ord("\n")


def refuse_false_zeros(
    path: str,
    encoding: str,
    delimiter: str,
    columns: Mapping[int, str],
    step: Callable[[float], None],
    before: int | None = None,
) -> None:
    """FormatError at the first probability cell (``columns``: its 0-based column → its
    name) that is not 0 but reads as 0 (below 4.9e-324, the smallest double), at its line
    and column; only lines before line ``before`` are searched, if it is given (another
    error was found there: a number before it comes first). ``encoding`` is the file's
    ("utf-8", "cp949" or UTF16); a tab or ';' ``delimiter`` allows decimal commas. ``step``
    is called with the fraction of the file searched; it raises to cancel."""
    decimal_comma = allows_decimal_comma(delimiter)
    for first_line, window, fraction in _windows(path, encoding):
        if before is not None and first_line >= before:
            return
        step(fraction)
        data = window.replace(b",", b".") if decimal_comma else window
        positions = _possible_false_zeros(data)
        if not len(positions):
            continue
        codec = "utf-8" if encoding == UTF16 else encoding
        line_starts: np.ndarray | None = None  # found once a number reads as a false 0
        split = -1  # the line of the window split last (the numbers come in order)
        for count, position in enumerate(positions.tolist(), start=1):
            if count % _POLL_NUMBERS == 0:
                step(fraction)
            if not reads_as_a_false_zero(_number_at(data, position)):
                continue
            if line_starts is None:
                line_starts = np.concatenate(([0], _positions(data, _LINE_END) + 1))
            index = int(np.searchsorted(line_starts, position, side="right")) - 1
            if before is not None and first_line + index >= before:
                return
            if index == split or first_line + index == 1:  # line 1 is the header
                continue
            split = index
            start = int(line_starts[index])
            end = window.find(b"\n", start)
            text = window[start : len(window) if end < 0 else end].decode(codec, "replace")
            _refuse_in_line(text, first_line + index, path, delimiter, columns)


def _windows(path: str, encoding: str) -> Iterator[tuple[int, bytes, float]]:
    """(number of its first line, bytes, fraction of the file read) of windows of about
    _SCAN_BYTES that hold whole lines, each ending with its '\\n' (the last one may not).
    UTF-16 comes re-encoded as UTF-8, so that a digit or a line end is one byte."""
    try:
        with open_regular(path) as stream:
            size = max(1, stream.size)
            decoder = codecs.getincrementaldecoder(UTF16)("replace") if encoding == UTF16 else None
            line, pending = 1, b""
            while True:
                block = stream.read(_SCAN_BYTES)
                if decoder is not None:
                    block = decoder.decode(block, final=not block).encode()
                window = pending + block
                cut = len(window) if not block else window.rfind(b"\n") + 1
                if cut:
                    yield line, window[:cut], stream.tell() / size
                    line += window.count(b"\n", 0, cut)
                pending = window[cut:]
                if not block:
                    return
    except OSError as error:
        raise read_error(error, path) from None


def _possible_false_zeros(data: bytes) -> np.ndarray:
    """Where ``data`` may hold a number that reads as a false 0, sorted: the '-' of an
    exponent whose number is not surely ≥ the smallest double, and each run of _MANY_ZEROS."""
    values = np.frombuffer(data, np.uint8)
    minus, exponent = _long_exponents(data)
    unsure = minus[~_surely_above_underflow(values, minus - 1, exponent)]
    zeros: list[int] = []
    position = data.find(_MANY_ZEROS)
    while position >= 0:
        zeros.append(position)
        position = data.find(_MANY_ZEROS, position + len(_MANY_ZEROS))
    return np.union1d(unsure, np.array(zeros, dtype=np.int64))


def _long_exponents(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Where a negative exponent of 3 digits or more starts (the '-' of 'e-123'), and its
    size (1000 for 4 digits or more, and for more leading zeros than are skipped)."""
    minus = _positions(data, ord("-"))
    values = np.frombuffer(data, np.uint8)
    size = len(values)

    def at(index: np.ndarray) -> np.ndarray:  # the bytes at these places; 0 past the end
        return np.where(index < size, values[np.minimum(index, size - 1)], 0).astype(np.int16)

    minus = minus[minus > 0]
    minus = minus[np.isin(values[minus - 1], (ord("e"), ord("E")))]
    first = minus + 1
    for _ in range(8):  # the exponent's leading zeros
        zero = at(first) == _DIGIT_0
        if not zero.any():
            break
        first = first + zero
    digits = [at(first + place) - _DIGIT_0 for place in range(4)]
    digit = [(value >= 0) & (value <= 9) for value in digits]
    value = np.where(
        digit[3] | (digits[0] == 0), 1000, digits[0] * 100 + digits[1] * 10 + digits[2]
    )
    long = (digit[0] & digit[1] & digit[2] & (digits[0] > 0)) | (digits[0] == 0)
    return minus[long], value[long]


def _surely_above_underflow(
    values: np.ndarray, e_at: np.ndarray, exponent: np.ndarray
) -> np.ndarray:
    """For each number whose 'e' is at ``e_at`` and whose exponent is −``exponent``: whether
    its mantissa (the digits and point before the 'e') shows that it is 0 or that it reads
    as a double above 0. A mantissa whose first digit other than 0 is d, at decimal place p
    (3.5: p = 0; 0.035: p = −2), makes a number of at least d·10^(p − exponent): above 0 as
    a double when that is at least 3e-324 (the smallest double is 4.9e-324; below about
    2.5e-324 a number reads as 0)."""
    count = len(e_at)
    point = np.full(count, -1, dtype=np.int64)  # where the mantissa's point is
    leading = np.full(count, -1, dtype=np.int64)  # where its first digit other than 0 is
    lead = np.zeros(count, dtype=np.uint8)  # that digit
    ended = e_at == 0  # the whole mantissa was looked at (a window starts with a line)
    # The numbers still walked back over, byte by byte, and what was found of each so far.
    ids = np.flatnonzero(~ended)
    at = e_at[ids] - 1
    walked_point, walked_leading = point[ids], leading[ids]
    walked_lead = lead[ids]
    for _ in range(_MANTISSA_BYTES):
        if not len(ids):
            break
        byte = values[at]
        digit_value = byte - np.uint8(_DIGIT_0)  # wraps around below '0'
        digit = digit_value < 10
        first_point = (byte == _POINT) & (walked_point < 0)
        significant = digit & (digit_value != 0)
        walked_leading = np.where(significant, at, walked_leading)
        walked_lead = np.where(significant, digit_value, walked_lead)
        walked_point = np.where(first_point, at, walked_point)
        going = (digit | first_point) & (at > 0)
        if not going.all():
            done = ~going
            finished = ids[done]
            ended[finished] = True
            point[finished] = walked_point[done]
            leading[finished] = walked_leading[done]
            lead[finished] = walked_lead[done]
            ids, at = ids[going], at[going]
            walked_point, walked_leading = walked_point[going], walked_leading[going]
            walked_lead = walked_lead[going]
        at -= 1
    units = np.where(point >= 0, point, e_at)  # where the digits before the point end
    place = units - leading - (leading < units)
    order = place - exponent
    zero = leading < 0
    above = (order >= -323) | ((order == -324) & (lead >= 3))
    return ended & (zero | above)


def _positions(data: bytes, byte: int) -> np.ndarray:
    """Where ``data`` holds this byte: by memchr while it is rare (one in 4 kB), by numpy
    where it is not."""
    found: list[int] = []
    position = data.find(byte)
    while position >= 0 and len(found) <= len(data) >> 12:
        found.append(position)
        position = data.find(byte, position + 1)
    if position < 0:
        return np.array(found, dtype=np.int64)
    return np.flatnonzero(np.frombuffer(data, np.uint8) == byte)


def _number_at(data: bytes, position: int) -> str:
    """The number around byte ``position`` of ``data`` (a window of whole lines)."""
    start = end = position
    while start > 0 and data[start - 1] in _NUMBER_BYTES:
        start -= 1
    while end < len(data) and data[end] in _NUMBER_BYTES:
        end += 1
    return data[start:end].decode("ascii")


def _refuse_in_line(
    text: str, number: int, path: str, delimiter: str, columns: Mapping[int, str]
) -> None:
    """Raise at the first probability cell of this line that reads as a false 0, if one
    does."""
    fields = next(csv.reader([text.rstrip("\r")], delimiter=delimiter), [])
    for column in sorted(columns):
        cell = fields[column].strip() if column < len(fields) else ""
        if reads_as_a_false_zero(with_decimal_point(cell, delimiter)):
            raise FormatError(
                f"{OutOfRange(cell, too_small=True)} (column {columns[column]!r})",
                path=path,
                line=number,
                column=column + 1,
            )
