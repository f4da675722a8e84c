"""Opening the files KL Explorer reads: regular files only, never read past their size.

Every reader opens its files through :func:`open_regular`. Only a regular file is opened: a
folder, a device (``/dev/zero`` behind a ``.csv`` name), a FIFO or a socket is refused at
once, by what it is, and never read. The name is looked at first (so a device is not even
opened), then opened with O_NONBLOCK (a FIFO swapped in meanwhile cannot block the open) and
checked again on the opened descriptor with fstat, so what is read is what was checked. A
read stops at the size fstat gave: a file that grows while it is read is read as it was, and
"until the end" is always a known number of bytes. (A library that opens the file itself,
through :func:`library_path`, reads the same file but to its end when it reads.) Every
failure is a FormatError naming the file.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys

from core.errors import FormatError

# O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes our controlling terminal
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows
)


class RegularFile(io.BufferedReader):
    """A regular file open for reading; ``size`` is its size when it was opened, and no read
    goes past it."""

    @property
    def size(self) -> int:
        return self.raw.size


class _SizedFile(io.RawIOBase):
    """A descriptor of a regular file that reads no further than ``size`` bytes; the end
    (for seeking) is there too."""

    def __init__(self, descriptor: int, size: int) -> None:
        super().__init__()
        self._file = io.FileIO(descriptor, "rb", closefd=True)
        self.size = size
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._file.fileno()

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_END:
            offset, whence = self.size + offset, io.SEEK_SET
        self._position = self._file.seek(offset, whence)
        return self._position

    def readinto(self, buffer: bytearray | memoryview) -> int:
        view = memoryview(buffer).cast("B")
        room = min(len(view), self.size - self._position)
        if room <= 0:
            return 0
        count = self._file.readinto(view[:room]) or 0
        self._position += count
        return count

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()


def open_regular(path: str | os.PathLike[str]) -> RegularFile:
    """The regular file at ``path``, open for binary reading. FormatError, naming the file,
    for anything else (a folder, a device, a FIFO, a socket, a link leading nowhere) and for
    every error of the system."""
    name = os.fspath(path)
    try:
        _refuse_special(os.stat(name).st_mode, name)  # a device is refused before it is opened
        descriptor = os.open(name, _OPEN_FLAGS)
    except OSError as error:
        raise read_error(error, name) from None
    try:
        status = os.fstat(descriptor)
        _refuse_special(status.st_mode, name)  # what was opened, whatever the name means now
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(descriptor, True)  # reads wait for the disk as usual
    except OSError as error:
        os.close(descriptor)
        raise read_error(error, name) from None
    except FormatError:
        os.close(descriptor)
        raise
    return RegularFile(_SizedFile(descriptor, status.st_size))


def _refuse_special(mode: int, path: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        what = "is a folder"
    elif stat.S_ISFIFO(mode):
        what = "is a FIFO (named pipe)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "is a device"
    elif stat.S_ISSOCK(mode):
        what = "is a socket"
    else:
        what = "is a special file"
    raise FormatError(f"{what}, not a file", path=path)


def read_error(error: OSError, path: str) -> FormatError:
    """The FormatError that says why the system could not open or read ``path``."""
    if isinstance(error, FileNotFoundError):
        try:
            target = os.readlink(path)
        except OSError:  # not a link: the file (or a folder on the way) is missing
            return FormatError("no such file", path=path)
        return FormatError(f"is a symbolic link to {target!r}, which does not exist", path=path)
    if error.errno == errno.ELOOP:
        return FormatError(
            "is a symbolic link loop: following its links never reaches a file", path=path
        )
    if isinstance(error, IsADirectoryError):
        return FormatError("is a folder, not a file", path=path)
    if isinstance(error, PermissionError):
        return FormatError("permission denied: the file cannot be read", path=path)
    return FormatError(f"cannot read the file: {error.strerror or error}", path=path)


def library_path(stream: RegularFile, path: str) -> str:
    """A name under which a library (polars) can open the very file ``stream`` is: on Linux
    ``/proc/self/fd/N``, so that nothing put at ``path`` since it was checked is read; on
    other systems ``path`` itself, checked a moment ago. Valid while ``stream`` is open.

    The library opens the file anew and reads it as it is then: what was written to it since
    it was checked, up to its end at that time, not only the ``size`` checked (a library
    that takes a name cannot be held to a byte count)."""
    if sys.platform.startswith("linux"):
        linked = f"/proc/self/fd/{stream.fileno()}"
        if os.path.exists(linked):
            return linked
    return os.path.abspath(path)
