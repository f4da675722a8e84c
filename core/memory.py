"""How much memory the machine has free, and sizes in bytes as people read them."""

from __future__ import annotations

import os
from pathlib import Path

#: Assumed free when the system does not say (no /proc/meminfo, no sysconf).
FALLBACK_AVAILABLE_BYTES = 4 * 1000**3
#: Where the system's own files (/proc, /sys) are read: tests point it at a tree of their own.
SYSTEM_ROOT = Path("/")
#: A cgroup v1 limit this high means "no limit" (the kernel writes 2⁶³ rounded to a page).
_NO_LIMIT = 1 << 60
_SYSTEM_FILE_BYTES = 64 * 1024  # system files are small; never read more of one


def available_memory() -> int:
    """Bytes that can be allocated without swapping or being killed: the machine's free
    memory (MemAvailable from /proc/meminfo on Linux, else the free physical pages, else half
    the physical memory, else FALLBACK_AVAILABLE_BYTES), or less where a container's memory
    limit (a cgroup's, v2 or v1, of this process or of a cgroup holding it) leaves less."""
    return min([_machine_available(), *_cgroup_rooms()])


def _machine_available() -> int:
    meminfo = _system_text("proc/meminfo")
    for line in (meminfo or "").splitlines():
        if line.startswith("MemAvailable:"):
            try:
                return int(line.split()[1]) * 1024  # in kB
            except (ValueError, IndexError):
                break
    for name, share in (("SC_AVPHYS_PAGES", 1), ("SC_PHYS_PAGES", 2)):
        try:  # macOS has no SC_AVPHYS_PAGES; Windows has no sysconf
            pages, page_size = os.sysconf(name), os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            continue
        if pages > 0 and page_size > 0:
            return pages * page_size // share
    return FALLBACK_AVAILABLE_BYTES


def _cgroup_rooms() -> list[int]:
    """The room left under each memory limit of the cgroups this process is in: the limit
    less what the cgroup uses, page cache it can drop (inactive files) not counted as used.
    A cgroup's folder is looked for at the path /proc/self/cgroup names and every folder
    above it up to the mount point (in a container the mount point is its own cgroup)."""
    rooms = []
    for line in (_system_text("proc/self/cgroup") or "").splitlines():
        _, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if controllers == "":  # v2: "0::/path"
            mount, files = "sys/fs/cgroup", ("memory.max", "memory.current", "inactive_file")
        elif "memory" in controllers.split(","):  # v1: "4:memory:/path"
            mount = "sys/fs/cgroup/memory"
            files = ("memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file")
        else:
            continue
        parts = [part for part in path.split("/") if part and part != ".."]
        for depth in range(len(parts), -1, -1):
            folder = "/".join([mount, *parts[:depth]])
            room = _room(folder, *files)
            if room is not None:
                rooms.append(room)
    return rooms


def _room(folder: str, limit_file: str, usage_file: str, inactive_key: str) -> int | None:
    """Bytes left under the limit of the cgroup in ``folder``; None if it sets none."""
    limit = _system_number(f"{folder}/{limit_file}")
    usage = _system_number(f"{folder}/{usage_file}")
    if limit is None or usage is None or limit >= _NO_LIMIT:
        return None  # no such cgroup here, "max", or v1's "no limit"
    inactive = 0
    for line in (_system_text(f"{folder}/memory.stat") or "").splitlines():
        key, _, value = line.partition(" ")
        if key == inactive_key and value.strip().isdigit():
            inactive = int(value)
    return max(0, limit - max(0, usage - inactive))


def _system_number(name: str) -> int | None:
    text = (_system_text(name) or "").strip()
    return int(text) if text.isdigit() else None


def _system_text(name: str) -> str | None:
    """A small file of the system (under SYSTEM_ROOT), or None where there is none."""
    try:
        with open(SYSTEM_ROOT / name, "rb") as stream:  # the system's, not the user's
            return stream.read(_SYSTEM_FILE_BYTES).decode("ascii", errors="replace")
    except OSError:
        return None


def readable_size(count: float) -> str:
    """``count`` bytes in decimal units: '512 bytes', '1.5 MB', '2.9 GB'."""
    if count < 1000:
        return f"{count:.0f} bytes"
    for unit in ("kB", "MB", "GB"):
        count /= 1000
        if count < 999.95:
            return f"{count:.1f} {unit}"
    return f"{count / 1000:.1f} TB"
