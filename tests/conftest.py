"""Test configuration: headless Qt, and nothing written into the user's home.

The environment is set here, at import, before any test imports Qt.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

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


@pytest.fixture
def ended_pid() -> int:
    """The id of a process that has ended: what a crashed or killed app leaves in its files."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return int(finished.stdout)


# -- special files: what a reader must refuse at once, never waiting or reading without end --

#: What the message says for each kind of special file.
SPECIAL_FILE_WORDS = {
    "fifo": "FIFO",
    "device": "device",
    "random device": "device",
    "folder": "folder",
    "socket": "socket",
    "link loop": "link loop",
    "dangling link": "does not exist",
    "unreadable": "permission denied",
    "unreadable by root": "permission denied",
}
#: A file even root may not read: write-only (root's reads are checked against its mode).
_ROOT_UNREADABLE = ("/proc/sys/vm/drop_caches", "/proc/sys/vm/compact_memory")


@dataclass(frozen=True)
class SpecialFile:
    path: Path
    kind: str
    writer: _FifoWriter | None = None  # a FIFO's

    @property
    def words(self) -> str:
        """What a message about it must say."""
        return SPECIAL_FILE_WORDS[self.kind]

    @property
    def was_opened(self) -> bool:
        """Whether something opened this FIFO for reading (and would have waited on it)."""
        return self.writer is not None and self.writer.opened.is_set()


class _FifoWriter(threading.Thread):
    """Opens a FIFO for writing and closes it at once, again and again, until stopped: a
    reader that opens the FIFO as a file (the bug) then reads an empty file instead of
    waiting forever, so a test fails rather than hangs."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.stopping = threading.Event()
        self.opened = threading.Event()  # a reader came

    def run(self) -> None:
        while not self.stopping.is_set():
            descriptor = os.open(self.path, os.O_WRONLY)  # waits for a reader
            if not self.stopping.is_set():
                self.opened.set()  # before the reader can see the end of the file
            os.close(descriptor)

    def stop(self) -> None:
        self.stopping.set()
        # A reader of our own lets the writer's open return; held until it has stopped.
        reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            self.join(timeout=60)
        finally:
            os.close(reader)


@pytest.fixture
def special_file(tmp_path):
    """make(kind, name) → a SpecialFile of that kind (see SPECIAL_FILE_WORDS) named ``name``;
    skips the test for a kind this system or user cannot make."""
    cleanups = []

    def make(kind: str, name: str) -> SpecialFile:
        folder = Path(tempfile.mkdtemp(prefix="kl", dir="/tmp" if kind == "socket" else tmp_path))
        cleanups.append(lambda: shutil.rmtree(folder, ignore_errors=True))
        path = folder / name
        writer = None
        if kind == "fifo":
            os.mkfifo(path)
            writer = _FifoWriter(path)
            writer.start()
            cleanups.insert(0, writer.stop)
        elif kind == "device":
            path.symlink_to("/dev/zero")
        elif kind == "random device":
            path.symlink_to("/dev/urandom")
        elif kind == "folder":
            path.mkdir()
        elif kind == "socket":
            server = socket.socket(socket.AF_UNIX)  # a short folder: bind() takes ≤ 107 bytes
            server.bind(str(path))
            cleanups.insert(0, server.close)
        elif kind == "link loop":
            path.symlink_to(path.name)
        elif kind == "dangling link":
            path.symlink_to(folder / "nowhere.csv")
        elif kind == "unreadable":
            if os.geteuid() == 0:
                pytest.skip("root can read any file it owns whatever its mode")
            path.write_text("class,P,Q\ndog,0.5,0.5\ncat,0.5,0.5\n", encoding="utf-8")
            path.chmod(0)
        elif kind == "unreadable by root":
            target = next((name for name in _ROOT_UNREADABLE if _unreadable(name)), None)
            if target is None:
                pytest.skip("no file here that cannot be read, even by root")
            path.symlink_to(target)
        else:
            raise ValueError(f"unknown kind of special file {kind!r}")
        return SpecialFile(path, kind, writer)

    yield make
    for cleanup in cleanups:
        cleanup()


def _unreadable(path: str) -> bool:
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except PermissionError:
        return True
    except OSError:
        return False
    return False
