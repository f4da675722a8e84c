"""Autosave and recovery: unsaved work survives a crash.

A few seconds after the last change, while there are unsaved changes, the session is written
to a file of this process in the application's data folder; saving, or closing normally,
removes it. At start-up, autosave files whose process is gone are offered for restoring.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from core import FormatError, Workspace
from core.formats.atomic_write import write_atomically
from klgui.document import Document

#: Quiet time after the last change before writing.
AUTOSAVE_DELAY_MS = 3000
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


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    except OSError:
        return False
    return True


def find_recoverable(directory: Path | None = None) -> list[Recoverable]:
    """Autosaves of crashed sessions, newest first. Unreadable ones are skipped."""
    from core.formats.session import workspace_from_session  # not needed at start-up

    directory = directory or autosave_directory()
    found = []
    for path in sorted(directory.glob(f"*{AUTOSAVE_SUFFIX}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            meta = data.get("autosave", {})
            pid = int(meta.get("pid", -1))
            if pid == os.getpid() or _process_alive(pid):
                continue  # a KL Explorer that is still running owns it
            workspace = workspace_from_session(data, str(path))
            source = meta.get("source")
            found.append(
                Recoverable(
                    path,
                    workspace,
                    str(meta.get("title", "")),
                    float(meta["saved_at"]),
                    source if isinstance(source, str) else None,
                )
            )
        except (OSError, ValueError, KeyError, TypeError, FormatError):
            continue
    return sorted(found, key=lambda item: item.saved_at, reverse=True)


class Autosave(QObject):
    """Keeps this window's unsaved work on disk."""

    def __init__(
        self,
        document: Document,
        identity: Callable[[], tuple[str, str | None]],
        directory: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._identity = identity  # the window's title and session file
        self.directory = directory or autosave_directory()
        self.path = self.directory / f"{os.getpid()}-{id(self):x}{AUTOSAVE_SUFFIX}"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        document.workspaceChanged.connect(self._on_document_workspace_changed)
        document.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)

    def _on_document_workspace_changed(self) -> None:
        if not self._document.undo_stack.isClean():
            self._timer.start()

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def write_now(self) -> None:
        """Write the autosave now (the timer does this after a quiet moment)."""
        self._timer.stop()
        if self._document.undo_stack.isClean():
            self.discard()
            return
        from core.formats.session import session_dict

        data = session_dict(self._document.workspace)
        title, source = self._identity()
        data["autosave"] = {
            "pid": os.getpid(),
            "title": title,
            "source": source,
            "saved_at": time.time(),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # autosave is a safety net: a full disk must not interrupt the user

    def discard(self) -> None:
        """Remove this window's autosave (after a save, or on a normal close)."""
        self._timer.stop()
        with contextlib.suppress(OSError):
            self.path.unlink()
