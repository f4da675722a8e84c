"""polars, imported on first use, without the Ctrl+C handler it installs.

Importing polars installs a C-level SIGINT handler of its own: it stops the query running at
that moment, then calls the handler it replaced. A query it stops does not fail: its batches
just end, as if the file had ended, so a report could count 100,000 samples of 400,000 and
end with status 0; and it does so even where the process ignores Ctrl+C (a job started in the
background of a shell). So polars is imported here only, and the handler Python had is put
back at once. Only the main thread may set a handler: code that reads files on another thread
calls :func:`import_polars` on the main thread first (the window does, as a load starts).
"""

from __future__ import annotations

import signal
import threading
from types import ModuleType


def import_polars() -> ModuleType | None:
    """polars (None when it is not installed), with Python's SIGINT handler in place: on the
    main thread, the handler Python had before is installed again, which also undoes an
    import of polars made elsewhere (cheap: one system call)."""
    handler = signal.getsignal(signal.SIGINT)
    try:
        import polars
    except ImportError:
        return None
    if handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, handler)  # Python's own C handler again
    return polars
