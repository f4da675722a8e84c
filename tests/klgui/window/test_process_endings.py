"""However the app's process ends, nothing the user did is lost: unsaved work stays in the
autosave (sys.exit, an exception, the event loop ended, SIGINT, SIGTERM, SIGHUP) and a save
killed half-way leaves the last complete file.

Each test drives the real app in a child process, with its own settings and data folders,
and waits on what the child prints: no sleeps; every wait has a timeout.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import example_workspace
from core.formats import read_workspace
from klgui.document.autosave import AUTOSAVE_SUFFIX, find_recoverable
from tests.conftest import REPOSITORY

TIMEOUT_S = 60

#: Unsaved work autosaved through the real timer, then the end named by argv[1].
TEARDOWN_DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
import klgui.document.autosave
from core import example_workspace
from klgui.window.main_window import MainWindow

ending, directory = sys.argv[1], Path(sys.argv[2])
klgui.document.autosave.AUTOSAVE_DELAY_MS = 10
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

#: An edit, then the end named by argv[1] long before the autosave timer could fire; prints
#: the autosave's path once the event loop has ended.
QUIT_DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
import klgui.document.autosave
from core import example_workspace
from klgui.window.main_window import MainWindow

ending, directory = sys.argv[1], Path(sys.argv[2])
klgui.document.autosave.AUTOSAVE_DELAY_MS = 3_600_000  # its timer never fires in this run
app = QApplication(sys.argv[:1])
window = MainWindow(example_workspace(), autosave_directory=directory)
window.show()
window.document.set_value("A", 0, 0.45)  # one edit, through the undo stack
if ending == "event loop ended":  # app.exit: the loop ends with the window still open
    QTimer.singleShot(0, lambda: app.exit(0))
else:  # the user closes the window and lets the work go
    QMessageBox.question = lambda *_arguments: QMessageBox.Discard
    QTimer.singleShot(0, window.close)
app.exec()
print(window.autosave.path, flush=True)
"""

#: main.py as the user starts it, saying when its event loop runs (argv[2] == "edit": with
#: an unsaved edit made then).
MAIN_DRIVER = """
import runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

main_py, edit = sys.argv[1], sys.argv[2] == "edit"
run_event_loop = QApplication.exec

def run_event_loop_and_say_so(*_arguments):
    def running():
        if edit:
            window = QApplication.instance().property("klguiMainWindow")
            window.document.set_value("A", 0, 0.45)
        print("event loop running", flush=True)
    QTimer.singleShot(0, running)
    return run_event_loop()

QApplication.exec = run_event_loop_and_say_so
sys.argv = [main_py]
runpy.run_path(main_py, run_name="__main__")
"""

#: Ctrl+S in a loop, each save with other content, announced before and after.
SAVE_LOOP_DRIVER = """
import itertools, sys
from PySide6.QtWidgets import QApplication
from core import example_workspace
from klgui.window.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(example_workspace(), title="loop.klsession", path=sys.argv[1])
for number in itertools.count():
    window.document.set_value("A", 0, number / 1e6)
    print("saving", number, flush=True)
    window.file_actions.save_action.trigger()
    print("saved", number, flush=True)
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


def data_autosaves(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "xdg_data_home").rglob(f"*{AUTOSAVE_SUFFIX}"))


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


@pytest.mark.parametrize(
    ("ending", "kept"), [("event loop ended", True), ("closed, discarding", False)]
)
def test_work_not_yet_autosaved_is_written_when_the_event_loop_ends_unless_discarded(
    children, tmp_path, ending, kept
):
    directory = tmp_path / "autosave"
    child = children(tmp_path, QUIT_DRIVER, ending, str(directory))
    autosave = Path(child.line())
    assert child.wait() == 0
    assert autosave.exists() == kept
    if kept:  # the next start offers it
        [offered] = find_recoverable(directory)
        assert offered.path == autosave
        assert offered.workspace.distribution("A").values[0] == 0.45


@pytest.mark.parametrize(
    "number", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"]
)
def test_a_termination_signal_closes_the_window_app_keeping_unsaved_work(
    children, tmp_path, number
):
    child = children(tmp_path, MAIN_DRIVER, str(REPOSITORY / "main.py"), "edit")
    assert child.line() == "event loop running"
    child.process.send_signal(number)  # long before the autosave timer would write
    assert child.wait() == 128 + number  # the shell's status for "ended by this signal"
    assert "Traceback" not in child.errors()
    [autosave] = data_autosaves(tmp_path)
    [offered] = find_recoverable(autosave.parent)  # the next start offers it
    assert offered.workspace.distribution("A").values[0] == 0.45


def saved_workspace(number: int):
    return example_workspace().with_value("A", 0, number / 1e6)


def temporaries(folder: Path, pid: int | None = None) -> list[str]:
    tag = f"kl-explorer-{pid}-" if pid else "kl-explorer-"
    return sorted(p.name for p in folder.iterdir() if tag in p.name and p.suffix == ".tmp")


def numbers_announced(lines: list[str], word: str) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith(word + " ")]


def test_killing_the_app_during_a_loop_of_saves_leaves_the_last_complete_file(
    children, make_window, tmp_path
):
    folder = tmp_path / "sessions"
    folder.mkdir()
    session = folder / "loop.klsession"
    previous_pid = None
    for round_number, saves_before_the_kill in enumerate([1, 2, 3, 5, 8, 13]):
        child = children(tmp_path / f"round {round_number}", SAVE_LOOP_DRIVER, str(session))
        seen = [child.line(), child.line()]
        assert seen == ["saving 0", "saved 0"]
        if previous_pid is not None:  # the first save removed what the killed one left
            assert temporaries(folder, previous_pid) == []
        # Kill it on a "saving" line or a "saved" line, so it dies at varied points.
        last_word = "saving" if round_number % 2 else "saved"
        while seen[-1] != f"{last_word} {saves_before_the_kill}":
            seen.append(child.line())
        child.process.send_signal(signal.SIGKILL)
        lines = seen + child.rest()
        saved, saving = numbers_announced(lines, "saved"), numbers_announced(lines, "saving")
        # The file is a complete session: the last one saved, or the one being saved.
        assert read_workspace(session) in (saved_workspace(saved[-1]), saved_workspace(saving[-1]))
        previous_pid = child.process.pid

    window = make_window()
    assert window.file_actions.save_to(str(session))  # the next save cleans up
    assert temporaries(folder) == []
    assert read_workspace(session) == window.document.workspace


def test_a_signal_while_the_recovery_question_is_open_keeps_the_crashed_work(
    children, tmp_path, crashed_autosave
):
    directory = tmp_path / "xdg_data_home" / "KL Explorer" / "KL Explorer" / "autosave"
    leftover = crashed_autosave(directory)
    child = children(tmp_path, MAIN_DRIVER, str(REPOSITORY / "main.py"), "no edit")
    assert child.line() == "event loop running"  # after start-up: the question is open
    child.process.send_signal(signal.SIGTERM)
    assert child.wait() == 128 + signal.SIGTERM
    assert leftover.exists()
