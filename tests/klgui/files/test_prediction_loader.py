"""The loader reads prediction files on a worker thread; polars, imported for them, must not
keep the Ctrl+C handler it installs (only the main thread can put Python's back, so the
loader imports it there, as a load starts).

polars installs its handler when it is first imported: the load runs in a fresh Python.
"""

from __future__ import annotations

import os
import subprocess
import sys

import polars as pl

from tests.conftest import REPOSITORY

#: A window-less load of argv[1] through PredictionLoader, during which a Ctrl+C comes (sent
#: from a function polars calls while it reads); Python's handler only records it. Prints
#: what the load gave, and whether Python's handler saw the Ctrl+C.
LOAD_WITH_A_CTRL_C = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication
from core.predictions.readers import polars_reading
from klgui.files.prediction_loader import PredictionLoader, PredictionRequest

app = QCoreApplication([])
seen = []
signal.signal(signal.SIGINT, lambda *_: seen.append(True))
batches, sent = polars_reading.batches, []

def ctrl_c_once(values):
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGINT)
    return values

def batches_with_a_ctrl_c(pl, query, rows):
    name, dtype = next(iter(query.collect_schema().items()))
    sending = pl.col(name).map_batches(ctrl_c_once, return_dtype=dtype)
    return batches(pl, query.with_columns(sending), rows)

polars_reading.batches = batches_with_a_ctrl_c
loader = PredictionLoader()
loader.loaded.connect(lambda result, _r: print("loaded", result[1].models[0].samples))
loader.failed.connect(lambda message: print("failed", message))
for signal_name in ("loaded", "failed"):
    getattr(loader, signal_name).connect(app.quit)
loader.start(PredictionRequest((sys.argv[1],)))
app.exec()
print("Ctrl+C seen", bool(seen))
"""


def test_a_ctrl_c_while_the_window_loads_leaves_the_load_whole(tmp_path):
    path = tmp_path / "p.parquet"
    pl.DataFrame({"label": ["a", "b"] * 500, "a": [0.25] * 1000, "b": [0.75] * 1000}).write_parquet(
        path
    )
    done = subprocess.run(
        [sys.executable, "-c", LOAD_WITH_A_CTRL_C, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["loaded 1000", "Ctrl+C seen True"], done.stderr
