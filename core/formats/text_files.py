"""Reading a file's bytes and text, with every failure a FormatError that names the file."""

from __future__ import annotations

import os

from core.errors import FormatError

#: Refuse files bigger than this before reading them: no table a person edits comes close.
MAX_FILE_BYTES = 2 * 1024**3

#: Tried in order. CP949 is what spreadsheets on Korean Windows write (a superset of EUC-KR).
ENCODINGS = ("utf-8-sig", "cp949")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, with every OS error turned into a FormatError naming the file."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_FILE_BYTES:
            raise FormatError(f"the file is {size / 1024**3:.1f} GB; too large to open", path=name)
        with open(name, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise FormatError("no such file", path=name) from None
    except IsADirectoryError:
        raise FormatError("is a folder, not a file", path=name) from None
    except PermissionError:
        raise FormatError("permission denied: the file cannot be read", path=name) from None
    except OSError as error:
        raise FormatError(f"cannot read the file: {error.strerror or error}", path=name) from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 100)


def decode_text(data: bytes, path: str) -> str:
    """Text from UTF-8 (with or without a byte-order mark) or CP949 / EUC-KR."""
    if _looks_binary(data):
        raise FormatError("this is a binary file, not a text table", path=path)
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


def read_text(path: str | os.PathLike[str]) -> str:
    name = os.fspath(path)
    return decode_text(read_bytes(name), name)
