"""An installed wheel is the same app as a checkout.

The wheel is built from this tree without network, installed (not editable) into a fresh
virtual environment, and run from another directory: the command line, ``python -m klgui``,
the report of the shipped examples, Korean and File ▸ Examples must all work there. The
third-party libraries (numpy, PySide6, pyqtgraph, polars) come from this environment's
site-packages through a ``.pth`` line: a folder named there joins ``sys.path`` but its own
``.pth`` files are not run, so the editable install of this checkout stays out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

#: What the wheel is built from (the rest of the checkout is not part of the package).
FILES, PACKAGES = ("pyproject.toml", "README.md"), ("core", "klgui", "klcli")
TIMEOUT = 60  # seconds for any one step: a hang fails the test instead of CI
PIP = (sys.executable, "-m", "pip")


@dataclass(frozen=True)
class Installed:
    root: Path  # everything the test made; also the directory the programs run in
    python: Path
    command: Path  # the kl-explorer console script
    environment: dict[str, str]

    def run(self, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(argument) for argument in arguments],
            cwd=self.root,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )


def _run(*arguments: str | Path) -> str:
    """Run a step of the set-up; its output (stdout)."""
    done = subprocess.run(
        [str(argument) for argument in arguments], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, f"{arguments}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _build_wheel(root: Path) -> Path:
    """The wheel of this tree, built without network from a copy of it (building writes
    build/ and *.egg-info beside the sources)."""
    source = root / "source"
    source.mkdir()
    for name in FILES:
        shutil.copy2(REPOSITORY / name, source / name)
    for name in PACKAGES:
        shutil.copytree(
            REPOSITORY / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    _run(*PIP, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", root / "dist", source)  # fmt: skip
    [wheel] = (root / "dist").glob("kl_explorer-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("installed-wheel")
    wheel = _build_wheel(root)
    _run(sys.executable, "-m", "venv", "--without-pip", root / "venv")
    python = root / "venv" / "bin" / "python"
    _run(*PIP, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)
    site_packages = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    libraries = sysconfig.get_paths()["purelib"]  # this environment's numpy, PySide6, ...
    Path(site_packages.strip(), "kl_explorer_test_libraries.pth").write_text(libraries + "\n")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")
    }
    return Installed(root, python, root / "venv" / "bin" / "kl-explorer", environment)


def test_the_command_prints_its_help_on_the_console(installed):
    shown = installed.run(installed.command, "--help")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage:") and "--report" in shown.stdout


def test_python_m_klgui_is_the_same_command_line(installed):
    shown = installed.run(installed.python, "-m", "klgui", "--help")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage:") and "--report" in shown.stdout


# Run by the installed Python: where klgui comes from, what File ▸ Examples offers and opens,
# and whether Korean loads. Prints JSON.
WINDOW_CHECK = """
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox
import klgui
from core import example_workspace
from klgui.resources import shipped_path
from klgui.window.language import install_language
from klgui.window.main_window import MainWindow

warnings = []  # said, not shown: a modal box would wait for a click that never comes
QMessageBox.warning = lambda *args: warnings.append(args[2])
app = QApplication(sys.argv[:1])
window = MainWindow(example_workspace())
examples = window.file_actions.examples_menu.actions()
examples[0].trigger()  # the table: opened at once
korean = install_language(app, "ko")
print(json.dumps({
    "klgui": klgui.__file__,
    "examples_folder": str(shipped_path("examples")),
    "examples": [action.text() for action in examples],
    "warnings": warnings,
    "opened": window.file_actions.title,
    "classes": list(window.document.workspace.classes),
    "korean": korean,
    "untitled": QCoreApplication.translate("FileActions", "Untitled"),
}))
"""


@pytest.fixture(scope="module")
def window_check(installed) -> dict:
    checked = installed.run(installed.python, "-c", WINDOW_CHECK)
    assert checked.returncode == 0, checked.stderr
    return json.loads(checked.stdout.splitlines()[-1])


def test_the_package_comes_from_the_wheel_not_the_checkout(installed, window_check):
    assert Path(window_check["klgui"]).is_relative_to(installed.root / "venv")


def test_korean_is_shipped_and_loads(window_check):
    assert window_check["korean"] and window_check["untitled"] == "제목 없음"


def test_file_examples_opens_the_shipped_table(installed, window_check):
    assert Path(window_check["examples_folder"]).is_relative_to(installed.root / "venv")
    assert len(window_check["examples"]) == 2
    assert window_check["warnings"] == []
    assert window_check["opened"] == "dog_cat_rabbit.csv"
    assert window_check["classes"] == ["dog", "cat", "rabbit"]


def test_the_report_reads_the_shipped_examples(installed, window_check):
    examples = Path(window_check["examples_folder"])
    table = installed.run(installed.command, "--report", examples / "dog_cat_rabbit.csv")
    assert table.returncode == 0, table.stderr
    assert "rabbit" in table.stdout
    predictions = installed.run(
        installed.command, "--report", "--json", examples / "model_a.csv", examples / "model_b.csv"
    )
    assert predictions.returncode == 0, predictions.stderr
    assert len(json.loads(predictions.stdout)["models"]) == 2
