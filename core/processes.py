"""Whether a process still runs: tells a live writer's files from those a crash left behind."""

from __future__ import annotations

import os


def is_running(pid: int) -> bool:
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
