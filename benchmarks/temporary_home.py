"""Benchmarks never touch the user's own settings or data.

Called before Qt starts: HOME and the XDG folders (where QSettings, QStandardPaths and
fontconfig's cache go) point into a temporary folder, removed at exit. Child processes
inherit them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def use_temporary_home() -> Path:
    """Point HOME and the XDG folders at a new temporary folder, and return it."""
    home = Path(tempfile.mkdtemp(prefix="kl-explorer-benchmark-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ["HOME"] = str(home)
    for variable in XDG_FOLDERS:
        os.environ[variable] = str(home / variable.lower())
    return home
