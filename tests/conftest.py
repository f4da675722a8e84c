"""Test configuration: headless Qt, and nothing written into the user's home.

The environment is set here, at import, before any test imports Qt.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="klgui-tests-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_SANDBOX / variable.lower())
_RUNTIME = _SANDBOX / "runtime"
_RUNTIME.mkdir(mode=0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)
os.environ["HOME"] = str(_SANDBOX / "home")  # whatever falls back to ~ lands here
(_SANDBOX / "home").mkdir()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

REPOSITORY = Path(__file__).resolve().parent.parent
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))


def sandbox_dir() -> Path:
    """The per-run temporary directory that stands in for the user's home."""
    return _SANDBOX
