"""The document (and its autosave) is a model: it uses Qt's core, never its widgets."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPOSITORY

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from core import example_workspace
from klgui.document.autosave import Autosave
from klgui.document.document import Document
application = QCoreApplication([])  # a model runs without a GUI application
document = Document(example_workspace())
Autosave.of(document, Path(tempfile.mkdtemp()))
document.set_value("A", 0, 0.45)  # exercise the code paths, not just the imports
print(json.dumps(sorted(sys.modules)))
"""


def test_the_document_needs_no_widgets():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout))
    assert "PySide6.QtCore" in modules  # the check looks at the right process
    assert not {"PySide6.QtWidgets", "pyqtgraph"} & modules
