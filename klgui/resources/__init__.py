"""What KL Explorer ships beside its code: the translations and the example files.

They are package data, found with :mod:`importlib.resources`, so that an installed wheel
finds them as a checkout does (the wheel test in tests/test_installed_wheel.py checks it).
Importing this module imports no Qt.
"""

from __future__ import annotations

import atexit
import contextlib
import os
from importlib.resources import as_file, files
from pathlib import Path

# Where a resource had to be extracted to a temporary file (a package in a zip), the file
# lasts as long as the program: Qt and the readers open it by name, maybe later.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def shipped_path(*parts: str) -> Path:
    """A real path to a shipped file or folder: ``shipped_path("examples", "model_a.csv")``."""
    resource = files(__name__)
    for part in parts:
        resource = resource / part
    return _extracted.enter_context(as_file(resource))


def is_shipped(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is one of the files shipped with KL Explorer (an example): not one
    of the user's, so neither remembered among recent files nor saved beside."""
    return Path(path).resolve().is_relative_to(shipped_path().resolve())
