"""`core` imports only the standard library and numpy: no Qt, no plotting, no heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPOSITORY as ROOT

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "klgui", "scipy", "pandas", "polars", "pyarrow")

SCRIPT = """
import json, sys
import core
core.example_workspace().compare()  # exercise the code paths, not just the imports
print(json.dumps(sorted(sys.modules)))
"""


def imported_by_core() -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_core_imports_no_gui_or_heavy_library():
    modules = imported_by_core()
    assert "core" in modules and "numpy" in modules  # the check looks at the right process
    offending = sorted(name for name in modules if name.split(".")[0] in FORBIDDEN)
    assert offending == []
