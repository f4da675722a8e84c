"""The names exports suggest: "model_a + model_b – distributions.png", not
"model_a.csv, model_b - Distributions.png"."""

from __future__ import annotations

import os
import re

#: Extensions of the files a workspace comes from, dropped from its name (".csv.gz" too).
_SOURCE_EXTENSIONS = frozenset(
    {".csv", ".tsv", ".tab", ".txt", ".json", ".klsession", ".parquet", ".npz", ".npy"}
    | {".gz", ".bz2", ".xz", ".zst"}
)
#: Characters no file name may hold on some system, and commas (they read as lists).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|,]+')
#: A name longer than this keeps its first part and counts the rest.
_LONGEST_TITLE = 60
_FALLBACK = "kl-explorer"


def export_file_name(title: str, what: str, extension: str) -> str:
    """A file name for exporting ``what`` (a chart's or a table's name) of the workspace
    titled ``title`` (its files, joined by ", "; or a name): the sources without their
    extensions, joined by " + ", then an en dash and ``what`` in lower case, then
    ``extension`` (".png")."""
    sources = [_without_extensions(part) for part in title.split(", ")]
    sources = [source for source in (_clean(part) for part in sources) if source]
    name = " + ".join(sources)
    if len(sources) > 1 and len(name) > _LONGEST_TITLE:
        name = f"{sources[0]} + {len(sources) - 1} more"
    subject = _clean(what).lower()
    stem = " – ".join(part for part in (name or _FALLBACK, subject) if part)
    return stem + extension


def _without_extensions(name: str) -> str:
    stem, extension = os.path.splitext(name.strip())
    while extension.lower() in _SOURCE_EXTENSIONS and stem:
        name = stem
        stem, extension = os.path.splitext(name)
    return name


def _clean(text: str) -> str:
    """``text`` with what cannot be in a file name replaced by spaces, on one line."""
    return " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
