"""Reading a file's bytes and text, with every failure a FormatError that names the file.

Every reader of text decodes it here: :func:`decode_text` a whole file, :func:`text_lines` a
file read line by line (in the encoding :func:`file_encoding` finds for all of it, or one a
reader decides), :func:`peek_text` a look at a file's first bytes. Text is UTF-8
(with or without a byte-order mark), CP949 / EUC-KR (what spreadsheets on Korean Windows
write), or UTF-16 with a byte-order mark in either byte order (Excel's "Unicode text").
UTF-16 without a byte-order mark is named as such, not called binary.

Lines end at '\n' (a '\r' before it, as Windows writes, is the reader's to drop). Files read
line by line (:func:`text_lines`: prediction files and label files) refuse a carriage return
alone, as old Mac programs ended lines, naming the line (:func:`check_line_end`); tables,
read whole, take it as a line end.
"""

from __future__ import annotations

import codecs
import itertools
import os
import unicodedata
from collections.abc import Iterator
from typing import IO

from core.errors import FormatError
from core.formats.regular_files import open_regular, read_error
from core.memory import readable_size

#: Refuse bigger tables and sessions before reading them: no table a person edits comes close.
MAX_TABLE_BYTES = 256 * 1000**2

#: Tried in order. CP949 is what spreadsheets on Korean Windows write (a superset of EUC-KR).
ENCODINGS = ("utf-8-sig", "cp949")
#: The encoding :func:`text_encoding` names for text that starts with a UTF-16 byte-order mark.
UTF16 = "utf-16"
_UTF16_CODECS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}

_SNIFF_BYTES = 4096  # how much of a file tells binary data from text
_CHUNK_BYTES = 1024**2  # UTF-16 decoded at a time


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_TABLE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; FormatError, naming the file, for a file of
    more than ``limit`` bytes (before reading it) and for every error of the system."""
    name = os.fspath(path)
    with open_regular(name) as stream:
        if stream.size > limit:
            raise FormatError(
                f"the file is {readable_size(stream.size)}; too large to open (at most "
                f"{readable_size(limit)})",
                path=name,
            )
        try:
            return stream.read()  # no further than the size it had when opened
        except OSError as error:
            raise read_error(error, name) from None


def read_text(path: str | os.PathLike[str], limit: int = MAX_TABLE_BYTES) -> str:
    """The text of the file at ``path`` (see read_bytes and decode_text)."""
    name = os.fspath(path)
    return decode_text(read_bytes(name, limit), name)


def text_encoding(start: bytes, path: str, expected: str = "a text table") -> str | None:
    """How the text that begins with ``start`` (a file's first bytes) is encoded, as far as
    its start tells: UTF16 after a UTF-16 byte-order mark; None for UTF-8 or CP949 (decoding
    tells them apart). FormatError for UTF-16 without a byte-order mark and for binary data,
    saying that it is not what was ``expected``."""
    sample = start[:_SNIFF_BYTES]
    if sample.startswith(tuple(_UTF16_CODECS)):
        return UTF16
    if b"\x00" in sample and _utf16_without_bom(sample):
        raise FormatError(
            "this is UTF-16 text without a byte-order mark: save it as UTF-8 (or as UTF-16 "
            "with a byte-order mark)",
            path=path,
        )
    if _looks_binary(sample.decode("latin-1")):
        raise FormatError(f"this is a binary file, not {expected}", path=path)
    return None


def decode_text(data: bytes, path: str) -> str:
    """Text from UTF-8 (with or without a byte-order mark), CP949 / EUC-KR, or UTF-16 with a
    byte-order mark."""
    if text_encoding(data, path) == UTF16:
        codec = _UTF16_CODECS[data[:2]]
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError as error:
            raise _utf16_error(error, codec, "", 1, path) from None
        if _looks_binary(text[:_SNIFF_BYTES]):
            raise FormatError("this is a binary file, not a text table", path=path)
        return text
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise FormatError(
            "the text is neither UTF-8 nor CP949/EUC-KR; save it as UTF-8",
            path=path,
            line=line,
            column=column,
        ) from None
    raise AssertionError("unreachable: UTF-8 decoding failed above")


def file_encoding(stream: IO[bytes], path: str, expected: str = "a text table") -> str:
    """The encoding of all the text in ``stream`` as :func:`decode_text` would find it, found
    without holding the text: UTF16 after a UTF-16 byte-order mark, else "utf-8" if all of it
    is UTF-8, else "cp949". Reads the stream from its start and leaves it there. FormatError
    for binary data (not what was ``expected``) and UTF-16 without a byte-order mark."""
    stream.seek(0)
    encoding = text_encoding(stream.read(_SNIFF_BYTES), path, expected) or "utf-8"
    stream.seek(0)
    if encoding == "utf-8":
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := stream.read(_CHUNK_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            encoding = "cp949"
        stream.seek(0)
    return encoding


def text_lines(stream: IO[bytes], encoding: str, path: str, longest: int) -> Iterator[str]:
    """The lines of a text file, read from ``stream`` at its start, without their '\\n'
    (lines end at '\\n' only). ``encoding`` is UTF16 (decoded as a stream after its
    byte-order mark), "utf-8" (a byte-order mark is dropped) or "cp949". FormatError naming
    the line for bytes that are not text in ``encoding`` and for a line longer than
    ``longest`` bytes (UTF-16: characters)."""
    if encoding == UTF16:
        yield from _utf16_lines(stream, path, longest)
        return
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    for number in itertools.count(1):
        raw = stream.readline(longest + 1)
        if not raw:
            return
        check_line_end(raw.removesuffix(b"\n"), path, number)  # a '\r' byte is no other's part
        if len(raw) > longest:
            raise _too_long(longest, "bytes", path, number)
        try:
            text = raw.decode(codec if number == 1 else encoding)
        except UnicodeDecodeError:
            raise FormatError(_not_text(raw, encoding), path=path, line=number) from None
        yield text.removesuffix("\n")


def _not_text(line: bytes, encoding: str) -> str:
    """Why a line is not text in ``encoding`` ("utf-8" or "cp949", as file_encoding finds
    it for the whole file: CP949 where some line is not UTF-8)."""
    if encoding == "utf-8":
        return "this line is not UTF-8 text"
    if is_utf8(line):
        return "this line is UTF-8 text but other lines are not: save the whole file as UTF-8"
    return "this line is neither UTF-8 nor CP949/EUC-KR text; save the file as UTF-8"


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_line_end(line: str | bytes, path: str, number: int) -> None:
    """FormatError at line ``number`` if this line (without its '\n') holds a carriage
    return other than at its end: lines ended by '\r' alone, as old Mac programs wrote them,
    read as one line."""
    carriage_return = "\r" if isinstance(line, str) else b"\r"
    if carriage_return in line[:-1]:
        raise FormatError(
            "this line holds a carriage return (\\r) that no line feed follows: old Mac line "
            "ends (\\r alone) are not read; save the file with \\n or \\r\\n line ends",
            path=path,
            line=number,
        )


def peek_text(start: bytes) -> str:
    """A file's first bytes as text, for a look (never an error): UTF-16 after its
    byte-order mark, else UTF-8 or CP949; what does not decode (a character cut at the end,
    bytes of no text) becomes U+FFFD."""
    if start[:2] in _UTF16_CODECS:
        return start[2:].decode(_UTF16_CODECS[start[:2]], errors="replace")
    for encoding in ENCODINGS:
        try:  # an incremental decoder leaves a character cut at the end aside
            return codecs.getincrementaldecoder(encoding)().decode(start)
        except UnicodeDecodeError:
            continue
    return start.decode("utf-8-sig", errors="replace")


def _looks_binary(sample: str) -> bool:
    if "\x00" in sample:
        return True
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\f\r")
    return controls > max(2, len(sample) // 100)


def _utf16_without_bom(sample: bytes) -> bool:
    """Whether ``sample`` (a file's first bytes, holding a NUL) is UTF-16 text without a mark,
    in either byte order, whatever its script: it decodes cleanly into characters of text
    (letters, digits, punctuation, spaces, tabs and line ends; no other control character,
    no surrogate left alone, no private or unassigned code point) and holds a line end or a
    delimiter. Binary data decodes into such characters only by a freak of chance."""
    whole = sample[: len(sample) // 2 * 2]
    for codec in _UTF16_CODECS.values():
        try:  # a character cut at the end of the sample is left aside, not an error
            text = codecs.getincrementaldecoder(codec)().decode(whole)
        except UnicodeDecodeError:
            continue
        if any(mark in text for mark in "\n\t,;") and all(map(_is_text_character, text)):
            return True
    return False


def _is_text_character(char: str) -> bool:
    if char in "\t\n\r\f":
        return True
    return unicodedata.category(char) not in _NOT_TEXT


#: Unicode categories of no text: control characters, surrogates, private use, unassigned.
_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})


def _utf16_lines(stream: IO[bytes], path: str, longest: int) -> Iterator[str]:
    codec = _UTF16_CODECS.get(stream.read(2))
    if codec is None:
        raise FormatError("the UTF-16 byte-order mark is missing", path=path, line=1)
    decoder = codecs.getincrementaldecoder(codec)()
    pending, number = "", 1  # the line being read, and its number
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            raise _utf16_error(error, codec, pending, number, path) from None
        *complete, pending = (pending + text).split("\n")
        for line in complete:
            check_line_end(line, path, number)
            if len(line) > longest:
                raise _too_long(longest, "characters", path, number)
            yield line
            number += 1
        if len(pending) > longest:
            check_line_end(pending, path, number)
            raise _too_long(longest, "characters", path, number)
        if not chunk:
            if pending:
                check_line_end(pending, path, number)
                yield pending
            return


def _utf16_error(
    error: UnicodeDecodeError, codec: str, pending: str, number: int, path: str
) -> FormatError:
    """Where UTF-16 decoding failed: the text decoded before the failure is ``pending`` (on
    line ``number``) followed by the failed input's bytes before ``error.start``."""
    before = pending + error.object[: error.start].decode(codec, errors="replace")
    line = number + before.count("\n")
    column = len(before) - (before.rfind("\n") + 1) + 1
    return FormatError(
        "the text is not valid UTF-16, though it starts with a UTF-16 byte-order mark",
        path=path,
        line=line,
        column=column,
    )


def _too_long(longest: int, unit: str, path: str, line: int) -> FormatError:
    return FormatError(
        f"the line is longer than {longest:,} {unit}: not a table", path=path, line=line
    )
