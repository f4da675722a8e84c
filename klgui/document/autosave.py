"""Autosave and recovery: unsaved work survives a crash.

A few seconds after the last change, while there are unsaved changes, the session is written
to a file of the open document in the application's data folder, and while changes keep
coming, at most some seconds after the first one not yet written; when the event loop ends
(app.exit, a signal) it is written at once. Only the user's own acts remove it: saving,
opening or starting another workspace, closing after Save or Discard. However else the
process ends (a crash, sys.exit, an exception, a signal), the file stays, and at the next
start autosave files whose process is gone are offered for restoring (a process that was
given the same id since, after a reboot or in a container, is not the writer).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer

from core import FormatError, Workspace
from core.errors import one_line
from core.formats.atomic_write import write_atomically
from core.processes import ProcessIdentity
from klgui.document.document import Document

if TYPE_CHECKING:
    from klgui.files.file_actions import FileActions

#: Quiet time after the last change before writing.
AUTOSAVE_DELAY_MS = 3000
#: The longest wait after the first change not yet written, while changes keep coming.
AUTOSAVE_MAX_WAIT_MS = 10_000
AUTOSAVE_SUFFIX = ".autosave.klsession"


def autosave_directory() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation)
    return Path(base) / "autosave"


@dataclass(frozen=True)
class Recoverable:
    """An autosave left behind by a process that is gone."""

    path: Path
    workspace: Workspace
    title: str
    saved_at: float
    source: str | None = None  # the session file the work came from, if any


def find_recoverable(directory: Path | None = None) -> list[Recoverable]:
    """Autosaves of crashed sessions, newest first. Unreadable ones are skipped."""
    from core.formats.session import workspace_from_session  # not needed at start-up
    from core.formats.text_files import read_bytes  # a FIFO or a device is refused unread

    directory = directory or autosave_directory()
    found = []
    for path in sorted(directory.glob(f"*{AUTOSAVE_SUFFIX}")):
        try:
            data = json.loads(read_bytes(path).decode("utf-8"))
            meta = data.get("autosave") if isinstance(data, dict) else None
            if not isinstance(meta, dict):
                continue  # not an autosave
            if ProcessIdentity.from_record(meta).is_running():
                continue  # a KL Explorer that is still running owns it
            workspace = workspace_from_session(data, str(path))
            source = meta.get("source")
            found.append(
                Recoverable(
                    path,
                    workspace,
                    one_line(str(meta.get("title", ""))),  # for a question on one line
                    float(meta["saved_at"]),
                    source if isinstance(source, str) else None,
                )
            )
        except (OSError, ValueError, KeyError, TypeError, FormatError):
            continue
    return sorted(found, key=lambda item: item.saved_at, reverse=True)


class Autosave(QObject):
    """Keeps one open document's unsaved work on disk, in one file: a window rebuilt in
    another language takes the document and its autosave along."""

    @classmethod
    def of(cls, document: Document, directory: Path | None = None) -> Autosave:
        """The document's autosave, made (in ``directory``) on first use."""
        return document.findChild(cls) or cls(document, directory)

    def __init__(self, document: Document, directory: Path | None = None) -> None:
        super().__init__(document)
        self._document = document
        self._files: FileActions | None = None
        self._let_go = False  # the user closed the window after Save or Discard
        self.directory = directory or autosave_directory()
        # Unique beyond the process id, which a later run may be given too (a container).
        self.path = self.directory / f"{os.getpid()}-{secrets.token_hex(6)}{AUTOSAVE_SUFFIX}"
        self._quiet_timer = self._writing_timer(AUTOSAVE_DELAY_MS)
        self._longest_wait_timer = self._writing_timer(AUTOSAVE_MAX_WAIT_MS)
        # Any change (edit, undo, redo) restarts the quiet timer and starts the longest wait
        # unless it runs already; when one fires it asks whether there is unsaved work: during
        # the first push after a save the stack still says "clean". Its cleanChanged is not
        # used: a stack being destroyed says "clean" too, and the work would go at every exit.
        document.workspaceChanged.connect(self._on_document_workspace_changed)
        # The last changes, before the timer fires, are not lost when the event loop ends.
        QCoreApplication.instance().aboutToQuit.connect(self._on_application_about_to_quit)

    def follow(self, files: FileActions) -> None:
        """Name the work as ``files`` do (title, session file), and bring the autosave up to
        date whenever they change: a save or another workspace removes it, and restored
        work is written at once under its new name."""
        if self._files is not None:
            self._files.fileChanged.disconnect(self.write_now)
        self._files = files
        files.fileChanged.connect(self.write_now)

    def write_now(self) -> bool:
        """Write the unsaved work now, or remove the autosave when there is none (the timer
        does this after a quiet moment). True when the work is on disk."""
        self._stop_timers()
        if self._document.undo_stack.isClean():
            self.discard()
            return False
        from core.formats.session import session_dict

        data = session_dict(self._document.workspace)
        files = self._files
        data["autosave"] = {
            **ProcessIdentity.current().as_record(),  # whose it is, while it runs
            "title": (files.named_title or "") if files else "",
            # Where the work came from: after a recovery, Save As suggests it.
            "source": (files.path or files.suggested_path) if files else None,
            "saved_at": time.time(),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return False  # a safety net: a full disk must not interrupt the user
        return True

    def discard(self) -> None:
        """Remove the autosave (there is no unsaved work)."""
        self._stop_timers()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def let_go(self) -> None:
        """The user closes the window after Save or Discard: remove the autosave, and write
        none when the application quits."""
        self._let_go = True
        self.discard()

    def _writing_timer(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.write_now)
        return timer

    def _stop_timers(self) -> None:
        self._quiet_timer.stop()
        self._longest_wait_timer.stop()

    def _on_document_workspace_changed(self) -> None:
        self._quiet_timer.start()
        if not self._longest_wait_timer.isActive():
            self._longest_wait_timer.start()

    def _on_application_about_to_quit(self) -> None:
        if not self._let_go:
            self.write_now()
