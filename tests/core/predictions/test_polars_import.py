"""polars is imported without its Ctrl+C handler: a Ctrl+C while polars reads must never cut
the read short unnoticed (polars' handler stops the query, whose batches then just end).

polars installs its handler when it is first imported, so each case runs in a fresh Python.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPOSITORY

#: argv[1] "ignored": Ctrl+C ignored, as in a job started in the background of a shell;
#: "default": Ctrl+C raises KeyboardInterrupt, as in a terminal. polars is imported through
#: import_polars, then a query sends SIGINT to the process while it runs (from a Python
#: function polars calls): the query must run to its end, or Python raise KeyboardInterrupt.
CTRL_C_DURING_A_QUERY = """
import os, signal, sys
import numpy as np
ignored = sys.argv[1] == "ignored"
signal.signal(signal.SIGINT, signal.SIG_IGN if ignored else signal.default_int_handler)
from core.predictions.polars_import import import_polars

pl = import_polars()
print("handler", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
sent = []

def ctrl_c_once(values):
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGINT)
    return values

rows = 0
query = pl.LazyFrame({"x": np.arange(100_000)}).select(
    pl.col("x").map_batches(ctrl_c_once, return_dtype=pl.Int64)
)
try:
    for batch in query.collect_batches(chunk_size=1000):
        rows += batch.height
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print("rows", rows)
"""


def run(script: str, *arguments: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_ctrl_c_ignored_by_the_process_leaves_a_polars_read_whole():
    assert run(CTRL_C_DURING_A_QUERY, "ignored") == ["handler False", "rows 100000"]


def test_ctrl_c_during_a_polars_read_raises_keyboard_interrupt():
    lines = run(CTRL_C_DURING_A_QUERY, "default")
    assert lines[:2] == ["handler True", "KeyboardInterrupt"]


def test_python_s_handler_is_installed_again_after_polars_is_imported():
    """A real SIGINT raises KeyboardInterrupt, and the handler Python had is the one set."""
    script = """
import os, signal
from core.predictions.polars_import import import_polars
assert import_polars() is not None
assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
try:
    os.kill(os.getpid(), signal.SIGINT)
    for _ in range(1000): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""
    assert run(script) == ["KeyboardInterrupt"]


def test_without_polars_it_is_none():
    script = """
import sys
sys.modules["polars"] = None  # as if it were not installed: import polars raises ImportError
from core.predictions.polars_import import import_polars
print(import_polars())
"""
    assert run(script) == ["None"]


def test_polars_reads_csv_in_small_chunks_unless_the_user_says_otherwise(monkeypatch):
    """polars' own 32 MB chunks, four read ahead and decoded ahead, took 250 MB beside the
    80 MB of numbers of a 226 MB file (a peak of 4.7 times the numbers, not 3)."""
    from core.predictions.polars_import import import_polars

    monkeypatch.delenv("POLARS_CSV_CHUNK_SIZE", raising=False)
    monkeypatch.delenv("POLARS_CSV_CHUNK_PREFETCH_LIMIT", raising=False)
    import_polars()
    assert os.environ["POLARS_CSV_CHUNK_SIZE"] == str(8 * 1024**2)
    assert os.environ["POLARS_CSV_CHUNK_PREFETCH_LIMIT"] == "1"
    monkeypatch.setenv("POLARS_CSV_CHUNK_SIZE", "123456")
    import_polars()
    assert os.environ["POLARS_CSV_CHUNK_SIZE"] == "123456"
