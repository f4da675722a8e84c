"""polars, imported on first use, without the Ctrl+C handler it installs, reading CSV in
small chunks.

Importing polars installs a C-level SIGINT handler of its own: it stops the query running at
that moment, then calls the handler it replaced. A query it stops does not fail: its batches
just end, as if the file had ended, so a report could count 100,000 samples of 400,000 and
end with status 0; and it does so even where the process ignores Ctrl+C (a job started in the
background of a shell). So polars is imported here only, and the handler Python had is put
back at once. Only the main thread may set a handler: code that reads files on another thread
calls :func:`import_polars` on the main thread first (the window does, as a load starts).

Its CSV reader reads a file in chunks of 32 MB, four of them ahead (two per core here), each
decoded ahead too: beside the 80 MB of numbers of a 226 MB file that took 250 MB, a peak of
4.7 times the numbers. Chunks of 8 MB, one read ahead (_CSV_READ_AHEAD: polars' own settings,
unless the user set them), read as fast in 70 MB.
"""

from __future__ import annotations

import os
import signal
import threading
from types import ModuleType

#: How polars reads CSV ahead (its settings, read as each query starts): chunks of 8 MB,
#: one ahead.
_CSV_READ_AHEAD = {
    "POLARS_CSV_CHUNK_SIZE": str(8 * 1024**2),
    "POLARS_CSV_CHUNK_PREFETCH_LIMIT": "1",
}


def import_polars() -> ModuleType | None:
    """polars (None when it is not installed), reading CSV ahead as _CSV_READ_AHEAD says, with
    Python's SIGINT handler in place: on the main thread, the handler Python had before is
    installed again, which also undoes an import of polars made elsewhere (cheap: one system
    call)."""
    handler = signal.getsignal(signal.SIGINT)
    try:
        import polars
    except ImportError:
        return None
    for name, value in _CSV_READ_AHEAD.items():
        os.environ.setdefault(name, value)
    if handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, handler)  # Python's own C handler again
    return polars
