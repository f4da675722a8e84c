"""Readers and writers of KL Explorer's file formats. Pure: no Qt.

Every reader raises :class:`core.FormatError` naming the file, and the line and column where
it knows them; nothing else escapes (the fuzz tests hold them to it).
"""

from __future__ import annotations

import os

from core.errors import FormatError
from core.formats.json_table import parse_json_text, workspace_from_json_table
from core.workspace import Workspace

#: Refuse files bigger than this before reading them: no table a person edits comes close.
MAX_FILE_BYTES = 2 * 1024**3


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


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without a byte-order mark)."""
    if b"\x00" in data[:4096]:
        raise FormatError("this is a binary file, not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError("the file is not UTF-8 text", path=path, line=line) from None


def read_workspace(path: str | os.PathLike[str]) -> Workspace:
    """Read a distribution table (JSON) into a Workspace."""
    name = os.fspath(path)
    text = decode_text(read_bytes(name), name)
    if not text.strip():
        raise FormatError("the file is empty", path=name)
    return workspace_from_json_table(parse_json_text(text, name), name)


__all__ = ["FormatError", "read_bytes", "read_workspace"]
