"""Write a file so that a crash or a full disk mid-save never corrupts the previous one.

The data goes to a temporary file beside the real file (a symbolic link is followed: the link
stays, its target gets the new content), which is then renamed over it. The temporary file is
named ``.NAME.kl-explorer-PID-START-BOOT-RANDOM.tmp`` (the writer's process, see
core/processes.py): a writer killed mid-save leaves one behind, and the next save to that
folder removes those whose process is gone, even when its id now belongs to another process.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile

from core.processes import ProcessIdentity

_TEMPORARY_TAG = "kl-explorer"
#: The writer's id, start time and boot (the last two empty where unknown; absent from the
#: names older versions gave), then mkstemp's random letters.
_TEMPORARY_NAME = re.compile(
    rf"\..+\.{_TEMPORARY_TAG}-(\d+)(?:-(\d*)-([0-9a-f]*))?-[a-z0-9_]+\.tmp", re.ASCII | re.DOTALL
)


class ReadOnlyFileError(PermissionError):
    """The file to replace is read-only: writing over it would undo the user's protection."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` (through a symbolic link to its target) via a temporary
    file beside it, flushed to disk, then renamed over it (atomic on POSIX and Windows). The
    file keeps its permissions. On any error the old file is untouched and the temporary file
    is removed; the OSError propagates (ReadOnlyFileError for a read-only file)."""
    target = _real_path(path)
    _refuse_read_only(target)
    directory = os.path.dirname(target)
    remove_dead_temporaries(directory)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.{_TEMPORARY_TAG}-{_writer_tag()}-",
        suffix=".tmp",
        dir=directory,
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        directory_descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(directory_descriptor)
        finally:
            os.close(directory_descriptor)


def remove_dead_temporaries(directory: str | os.PathLike[str]) -> None:
    """Remove the temporary files of saves in ``directory`` whose writer is gone (killed
    mid-save); a live writer's are left alone, and so is every other file."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        match = _TEMPORARY_NAME.fullmatch(name)
        if match and not _writer_of(match).is_running():
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, name))


def _writer_tag() -> str:
    """This process in a temporary file's name: PID-START-BOOT."""
    writer = ProcessIdentity.current()
    start = "" if writer.start_time is None else str(writer.start_time)
    return f"{writer.pid}-{start}-{writer.boot or ''}"


def _writer_of(name: re.Match[str]) -> ProcessIdentity:
    """The process a temporary file's name (matched by _TEMPORARY_NAME) says wrote it."""
    pid, start, boot = name.groups()
    return ProcessIdentity(int(pid), int(start) if start else None, boot or None)


def _real_path(path: str | os.PathLike[str]) -> str:
    """The absolute path of the file a save must replace: the target of a symbolic link
    (replacing the link itself would leave the real file with its old content)."""
    real = os.path.realpath(path)
    if os.path.islink(real):  # realpath stops where links go round in a loop
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), os.fspath(path))
    return real


def _refuse_read_only(target: str) -> None:
    """A file without write permission (for anyone, or for this user) is not replaced: the
    rename would succeed all the same, since it needs only the folder's permission."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", target)


def _mode_for(target: str) -> int:
    """The old file's permissions, or what a plain open() would give a new file (mkstemp
    makes its files private to the owner)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
