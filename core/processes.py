"""Whether the process that wrote a file still runs: tells a live writer's files from those a
crash left behind.

A process id alone does not say it: after a reboot, in a container (where the app may have
the same id at every start) or after enough other processes, a crashed writer's id belongs to
another process. A writer is therefore named by its id, the time it started (clock ticks
after boot, field 22 of /proc/PID/stat) and the boot it ran in (from
/proc/sys/kernel/random/boot_id). Where the system does not tell these (no /proc), only the
id is compared.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id"
#: Hex digits of the boot id kept: enough to tell one machine's boots apart, short in names.
_BOOT_DIGITS = 8


@dataclass(frozen=True)
class ProcessIdentity:
    """A process, told apart from a later one that was given the same id."""

    pid: int
    start_time: int | None = None  # clock ticks after boot; None where unknown
    boot: str | None = None  # the first hex digits of the boot id; None where unknown

    @classmethod
    def current(cls) -> ProcessIdentity:
        pid = os.getpid()
        return cls(pid, start_time(pid), current_boot())

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ProcessIdentity:
        """The identity ``as_record`` wrote (a record with only a pid, from an older
        version, is compared by its id alone). ValueError or TypeError if malformed."""
        pid, start, boot = record["pid"], record.get("start_time"), record.get("boot")
        if not isinstance(pid, int) or not (start is None or isinstance(start, int)):
            raise TypeError("a process id and start time are whole numbers")
        if not (boot is None or isinstance(boot, str)):
            raise TypeError("a boot id is text")
        return cls(pid, start, boot)

    def as_record(self) -> dict[str, Any]:
        return {"pid": self.pid, "start_time": self.start_time, "boot": self.boot}

    def is_running(self) -> bool:
        """True when this very process still runs: its id is in use, and (where the system
        tells) by a process that started at the same time in the same boot."""
        if not _pid_exists(self.pid):
            return False
        if self.boot is not None and current_boot() not in (None, self.boot):
            return False
        if self.start_time is None:
            return True
        # Unknown now (another user's process hidden from us): assume it is the same.
        return start_time(self.pid) in (None, self.start_time)


def start_time(pid: int) -> int | None:
    """When the process started, in clock ticks after boot; None where the system does not
    say (no /proc, or the process is gone or hidden)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            stat = stream.read()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces and parentheses:
    # the fields after its last ")" are 3, 4, ..., so field 22 is the 20th of them.
    fields = stat[stat.rfind(b")") + 1 :].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


@functools.cache
def current_boot() -> str | None:
    """This boot's id (its first hex digits), or None where the system has none."""
    try:
        with open(_BOOT_ID_FILE, encoding="ascii") as stream:
            digits = stream.read().strip().replace("-", "").lower()
    except (OSError, UnicodeDecodeError):
        return None
    return digits[:_BOOT_DIGITS] or None


def _pid_exists(pid: int) -> bool:
    """True when a process with this id exists (this user's or another's)."""
    if pid <= 0:  # os.kill would signal a process group, not a process
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    except (OSError, OverflowError, ValueError):
        return False
    return True
