"""Benchmarks never write into the user's home (their settings, data or caches)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPOSITORY

BENCHMARKS = REPOSITORY / "benchmarks"

#: One entry of the GUI benchmark: its windows are closed, which saves their layout.
EDIT_LATENCY = """
import sys
sys.path.insert(0, sys.argv[1])
import bench_gui
from PySide6.QtWidgets import QApplication

bench_gui.edit_latency_ms(QApplication(sys.argv[:1]), 3)
"""


def test_the_gui_benchmark_writes_nothing_into_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("XDG_") or name == "XDG_RUNTIME_DIR"
    }  # without XDG folders, settings, data and caches go under HOME
    environment.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run(
        [sys.executable, "-c", EDIT_LATENCY, str(BENCHMARKS)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert [str(p.relative_to(home)) for p in home.rglob("*")] == []
