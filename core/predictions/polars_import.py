"""polars, imported on first use, without the Ctrl+C handler it installs, reading CSV in
small chunks.

Importing polars installs a C-level SIGINT handler of its own: it stops the query running at
that moment, then calls the handler it replaced. A query it stops does not fail: its batches
just end, as if the file had ended, so a report could count 100,000 samples of 400,000 and
end with status 0; and it does so even where the process ignores Ctrl+C (a job started in the
background of a shell). So polars is imported here only, and the handler Python had is put
back at once. Only the main thread may set a handler: code that reads files on another thread
calls :func:`import_polars` on the main thread first (the window does, as a load starts).

Its CSV reader reads a file in chunks of 32 MB, four ahead, each decoded ahead too: beside
the 80 MB of numbers of a 226 MB file that took 250 MB. Chunks of 4 MB (_CSV_CHUNK_BYTES, set
unless the user set polars' POLARS_CSV_CHUNK_SIZE) read as fast, in a fraction of it.
"""

from __future__ import annotations

import os
import signal
import threading
from types import ModuleType

#: Bytes of a CSV file polars reads at a time (read by polars as each query starts).
_CSV_CHUNK_BYTES = 4 * 1024**2


def import_polars() -> ModuleType | None:
    """polars (None when it is not installed), reading CSV in chunks of _CSV_CHUNK_BYTES, with
    Python's SIGINT handler in place: on the main thread, the handler Python had before is
    installed again, which also undoes an import of polars made elsewhere (cheap: one system
    call)."""
    handler = signal.getsignal(signal.SIGINT)
    try:
        import polars
    except ImportError:
        return None
    os.environ.setdefault("POLARS_CSV_CHUNK_SIZE", str(_CSV_CHUNK_BYTES))
    if handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, handler)  # Python's own C handler again
    return polars
