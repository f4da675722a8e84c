"""Several tables read as one workspace, their classes matched by name."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from core.errors import FormatError, WorkspaceError, file_name
from core.merging import MergeSummary, merge
from core.workspace import Workspace


@dataclass(frozen=True)
class MergedFiles:
    """Tables merged by class name, and what merging each one did."""

    workspace: Workspace
    #: (the file's name as a message shows it, on one line; what merging it did), for every
    #: file merged into what came before.
    merges: tuple[tuple[str, MergeSummary], ...]


def merge_files(
    paths: Sequence[str | os.PathLike[str]], into: Workspace | None = None
) -> MergedFiles:
    """Read every file and merge them by class name (never by position) into ``into``, or
    into the first file. Its reference and settings stay; a class one side lacks is left
    empty there; a name already taken gets the file's name added ("P" from b.csv becomes
    "P (b)"). FormatError names the file at fault."""
    from core.formats import read_workspace  # the dispatcher imports the readers

    if not paths:
        raise ValueError("no files to read")
    refuse_repeated(paths)
    workspace = into
    merges = []
    for path in paths:
        incoming = read_workspace(path)
        if workspace is None:
            workspace = incoming
            continue
        stem = os.path.splitext(os.path.basename(os.fspath(path)))[0]
        try:
            workspace, summary = merge(workspace, incoming, stem)
        except WorkspaceError as error:
            raise FormatError(str(error), path=os.fspath(path)) from None
        merges.append((file_name(path), summary))
    return MergedFiles(workspace, tuple(merges))


def files_or_example(paths: Sequence[str | os.PathLike[str]]) -> MergedFiles:
    """What the command line opens: the files merged by class name, or the built-in example
    when none are named. FormatError names the file at fault."""
    if paths:
        return merge_files(paths)
    from core.examples import example_workspace

    return MergedFiles(example_workspace(), ())


def refuse_repeated(paths: Sequence[str | os.PathLike[str]]) -> None:
    """FormatError naming the first file given twice (by another name too), if one is: its
    distributions or models would be there twice under confusing names."""
    seen: set[str] = set()
    for path in paths:
        real = os.path.realpath(os.fspath(path))
        if real in seen:
            raise FormatError("the file is given twice", path=os.fspath(path))
        seen.add(real)
