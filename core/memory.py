"""How much memory the machine has free, and sizes in bytes as people read them."""

from __future__ import annotations

import os

#: Assumed free when the system does not say (no /proc/meminfo, no sysconf).
FALLBACK_AVAILABLE_BYTES = 4 * 1000**3


def available_memory() -> int:
    """Bytes that can be allocated without swapping: MemAvailable from /proc/meminfo (Linux),
    else the free physical pages, else half the physical memory, else
    FALLBACK_AVAILABLE_BYTES."""
    try:
        with open("/proc/meminfo", "rb") as meminfo:  # a system file, not the user's: small
            for line in meminfo.read(64 * 1024).splitlines():
                if line.startswith(b"MemAvailable:"):
                    return int(line.split()[1]) * 1024  # in kB
    except (OSError, ValueError, IndexError):
        pass
    for name, share in (("SC_AVPHYS_PAGES", 1), ("SC_PHYS_PAGES", 2)):
        try:  # macOS has no SC_AVPHYS_PAGES; Windows has no sysconf
            pages, page_size = os.sysconf(name), os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError, AttributeError):
            continue
        if pages > 0 and page_size > 0:
            return pages * page_size // share
    return FALLBACK_AVAILABLE_BYTES


def readable_size(count: float) -> str:
    """``count`` bytes in decimal units: '512 bytes', '1.5 MB', '2.9 GB'."""
    if count < 1000:
        return f"{count:.0f} bytes"
    for unit in ("kB", "MB", "GB"):
        count /= 1000
        if count < 999.95:
            return f"{count:.1f} {unit}"
    return f"{count / 1000:.1f} TB"
