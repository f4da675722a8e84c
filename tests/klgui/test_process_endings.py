"""However the app's process ends, nothing the user did is lost: unsaved work stays in the
autosave (sys.exit, an exception, the event loop ended).

Each test drives the real app in a child process, with its own settings and data folders,
and waits on what the child prints: no sleeps; every wait has a timeout.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from klgui.autosave import find_recoverable

REPOSITORY = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60

#: Unsaved work autosaved through the real timer, then the end named by argv[1].
TEARDOWN_DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
import klgui.autosave
from core import example_workspace
from klgui.main_window import MainWindow

ending, directory = sys.argv[1], Path(sys.argv[2])
klgui.autosave.AUTOSAVE_DELAY_MS = 10
app = QApplication(sys.argv[:1])
window = MainWindow(example_workspace(), autosave_directory=directory)
window.show()
window.document.set_value("A", 0, 0.45)  # one edit, through the undo stack
while not window.autosave.path.exists():  # the autosave timer writes it
    app.processEvents(QEventLoop.WaitForMoreEvents)
print(window.autosave.path, flush=True)
if ending == "sys.exit":
    sys.exit(3)
if ending == "exception":
    raise RuntimeError("not caught anywhere")
if ending == "event loop ended":  # app.exit: the loop ends with the window still open
    QTimer.singleShot(0, lambda: app.exit(0))
    app.exec()
"""

class Child:
    """The app in a child process, with its own settings and data folders; its output is
    read line by line, each line awaited with a timeout (a hang fails the test)."""

    def __init__(self, tmp_path: Path, script: str, *arguments: str) -> None:
        self.folders = tmp_path
        environment = dict(os.environ)
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[variable] = str(tmp_path / variable.lower())
        (tmp_path / "home").mkdir(parents=True, exist_ok=True)
        environment.update(
            HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPOSITORY)
        )
        self._errors = (tmp_path / "stderr.txt").open("w+b")
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, *arguments],
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=environment,
            cwd=REPOSITORY,
        )
        self._pending = b""

    def line(self) -> str:
        output = self.process.stdout.fileno()
        deadline = time.monotonic() + TIMEOUT_S
        while b"\n" not in self._pending:
            ready, _, _ = select.select([output], [], [], max(deadline - time.monotonic(), 0))
            assert ready, f"the child printed nothing for {TIMEOUT_S} s: {self.errors()}"
            chunk = os.read(output, 65536)
            assert chunk, f"the child ended early: {self.errors()}"
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode()

    def rest(self) -> list[str]:
        """The lines printed until the child ended (after it was killed)."""
        self.process.wait(timeout=TIMEOUT_S)
        self._pending += self.process.stdout.read()
        return self._pending.decode().splitlines()

    def errors(self) -> str:
        self._errors.seek(0)
        return self._errors.read().decode(errors="replace")

    def wait(self) -> int:
        return self.process.wait(timeout=TIMEOUT_S)

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT_S)
        self.process.stdout.close()
        self._errors.close()


@pytest.fixture
def children():
    started: list[Child] = []

    def start(*arguments) -> Child:
        child = Child(*arguments)
        started.append(child)
        return child

    yield start
    for child in started:
        child.end()


@pytest.mark.parametrize("ending", ["sys.exit", "exception", "event loop ended"])
def test_unsaved_work_outlives_any_end_but_the_user_s_own(children, tmp_path, ending):
    directory = tmp_path / "autosave"
    child = children(tmp_path, TEARDOWN_DRIVER, ending, str(directory))
    autosave = Path(child.line())
    assert child.wait() == {"sys.exit": 3, "exception": 1, "event loop ended": 0}[ending]
    if ending == "exception":
        assert "RuntimeError" in child.errors()
    assert autosave.exists()
    # The next start offers it.
    [offered] = find_recoverable(directory)
    assert offered.path == autosave
    assert offered.workspace.distribution("A").values[0] == 0.45
