"""Readers and writers of KL Explorer's file formats. Pure: no Qt.

Every reader raises :class:`core.FormatError` naming the file, and the line and column where
it knows them; nothing else escapes (the fuzz tests hold them to it). Every file is opened by
:mod:`core.formats.regular_files` (regular files only, never read past their size) and its
text decoded by :mod:`core.formats.text_files` (UTF-8, CP949, UTF-16 with a byte-order mark).
"""

from __future__ import annotations

import os

from core.errors import FormatError
from core.workspace import Workspace

#: Extensions read as delimited text (CSV, TSV, semicolon-separated) without sniffing.
DELIMITED_EXTENSIONS = frozenset({".csv", ".tsv", ".tab", ".txt"})
#: What marks a session file (core.formats.session, imported only when one is read).
SESSION_FORMAT = "kl-explorer-session"
SESSION_EXTENSION = ".klsession"


def read_workspace(path: str | os.PathLike[str]) -> Workspace:
    """Read a distribution table (CSV / TSV / semicolon text, JSON) or a session file.

    The extension decides; any other extension is sniffed: text starting with '{' is JSON.
    """
    # The readers are imported here: importing core.formats (for a writer) stays cheap.
    from core.formats.delimited_table import workspace_from_delimited_text
    from core.formats.text_files import read_text

    name = os.fspath(path)
    text = read_text(name)
    if not text.strip():
        raise FormatError("the file is empty", path=name, line=1)
    extension = os.path.splitext(name)[1].lower()
    if extension == SESSION_EXTENSION:
        return _workspace_from_session_file(text, name)
    if extension == ".json" or (
        extension not in DELIMITED_EXTENSIONS and text.lstrip().startswith("{")
    ):
        return _workspace_from_json(text, name)
    return workspace_from_delimited_text(text, name)


def _workspace_from_session_file(text: str, path: str) -> Workspace:
    """A .klsession file is a session, never a table: anything else is said to be not one."""
    from core.formats.json_table import parse_json_text

    if not text.lstrip().startswith("{"):
        raise FormatError(
            "not a KL Explorer session: a session is a JSON object, and this file does not "
            "start with '{'",
            path=path,
            line=1,
        )
    data = parse_json_text(text, path)
    if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
        raise FormatError(
            f'not a KL Explorer session: it has no "format": "{SESSION_FORMAT}"', path=path
        )
    from core.formats.session import workspace_from_session

    return workspace_from_session(data, path)


def _workspace_from_json(text: str, path: str) -> Workspace:
    from core.formats.json_table import parse_json_text, workspace_from_json_table

    data = parse_json_text(text, path)
    if isinstance(data, dict) and data.get("format") == SESSION_FORMAT:
        # Imported here, so that reading tables does not depend on the session module.
        from core.formats.session import workspace_from_session

        return workspace_from_session(data, path)
    return workspace_from_json_table(data, path)


__all__ = ["FormatError", "read_workspace"]
