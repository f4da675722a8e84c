"""Several tables read as one workspace, their classes matched by name."""

from __future__ import annotations

import os
from collections.abc import Sequence

from core.errors import FormatError, WorkspaceError
from core.workspace import Workspace


def read_merged(paths: Sequence[str | os.PathLike[str]]) -> Workspace:
    """Read every file and merge them by class name (never by position); the first file's
    reference and settings stay, and a name already taken gets the file's name added ("P"
    from b.csv becomes "P (b)"). FormatError names the file at fault."""
    from core.formats import read_workspace  # the dispatcher imports the readers

    if not paths:
        raise ValueError("no files to read")
    refuse_repeated(paths)
    workspace = read_workspace(paths[0])
    for path in paths[1:]:
        try:
            source = os.path.splitext(os.path.basename(os.fspath(path)))[0]
            workspace = workspace.with_merged(read_workspace(path), source)
        except WorkspaceError as error:
            raise FormatError(str(error), path=os.fspath(path)) from None
    return workspace


def refuse_repeated(paths: Sequence[str | os.PathLike[str]]) -> None:
    """FormatError naming the first file given twice (by another name too), if one is: its
    distributions or models would be there twice under confusing names."""
    seen: set[str] = set()
    for path in paths:
        real = os.path.realpath(os.fspath(path))
        if real in seen:
            raise FormatError("the file is given twice", path=os.fspath(path))
        seen.add(real)
