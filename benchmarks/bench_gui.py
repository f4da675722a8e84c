"""Edit → recompute → repaint latency, and cold start to the first painted window.

Targets (issue 3): ≤ 16 ms per edit at 1000 classes, ≤ 5 ms at 10 classes; start-up
≤ 1.3 × a bare script that imports numpy, PySide6 and pyqtgraph and paints one plot.
Run: python benchmarks/bench_gui.py
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from temporary_home import use_temporary_home

use_temporary_home()  # before Qt: closing a window writes its layout to the settings
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import Distribution, Workspace  # noqa: E402
from klgui.window.main_window import MainWindow  # noqa: E402

EDITS = 60
WARM_UP_EDITS = 10


def random_workspace(classes: int, rng: np.random.Generator) -> Workspace:
    matrix = rng.dirichlet(np.ones(classes), size=3)
    return Workspace(
        classes=tuple(f"class {i}" for i in range(classes)),
        distributions=tuple(
            Distribution(name, row) for name, row in zip("PAB", matrix, strict=True)
        ),
        reference="P",
    )


def drag_frames(start: np.ndarray, class_index: int, steps: int) -> list[np.ndarray]:
    """A drag of one class's bar from 0.05 to 0.6, the others rescaled to keep the sum 1."""
    others = np.delete(start, class_index)
    frames = []
    for value in np.linspace(0.05, 0.6, steps):
        rest = others / others.sum() * (1 - value)
        frames.append(np.insert(rest, class_index, value))
    return frames


def edit_latency_ms(app: QApplication, classes: int) -> tuple[float, float]:
    """Median and 90th percentile of one edit: document change, recompute, repaint. A few
    edits of another class come first, untimed: the first repaints of a new window fill
    Qt's glyph and pixmap caches, which a user's first drag finds filled."""
    rng = np.random.default_rng(classes)
    window = MainWindow(random_workspace(classes, rng))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    start_values = window.document.workspace.distribution("A").values
    for values in drag_frames(start_values, 1, WARM_UP_EDITS):
        window.document.set_values("A", values, merge_key="warm up")
        app.processEvents()
        app.processEvents()
    window.document.set_values("A", start_values, merge_key="warm up")
    app.processEvents()
    times = []
    # The frames of a drag, as a drag makes them: the document knows a drag is under way
    # (the charts then keep their y span while the data fits it; a single typed edit fits
    # the axes to the data instead).
    window.document.set_dragging(True)
    for step, values in enumerate(drag_frames(start_values, 0, EDITS)):
        start = time.perf_counter()
        window.document.set_values("A", values, merge_key="drag")
        # The coalescing timer fires (recompute, every view updates), then Qt paints
        # whatever changed, as it does after a real edit.
        app.processEvents()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        assert window.document.comparison.model_distributions[0][0] == values[0], step
    window.document.set_dragging(False)
    window.document.undo_stack.setClean()
    window.close()
    return statistics.median(times), float(np.percentile(times, 90))


def mouse_drag_fps(app: QApplication, classes: int, frames: int = 60) -> float:
    """Frames per second of a real mouse drag of a bar in the distribution chart: each
    mouse move rescales the distribution, recomputes and repaints every view."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    from klgui.charts.bar_chart import group_geometry

    rng = np.random.default_rng(classes)
    window = MainWindow(random_workspace(classes, rng))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    chart = window.distribution_chart
    viewport = chart.viewport()
    offsets, _ = group_geometry(3)
    # Many classes show the top N: drag model A's bar of the first class drawn, in its slot.
    first_shown = int(chart._selection.shown[0])
    x = 0 + offsets[1]
    height = float(window.document.comparison.model_distributions[0][first_shown])

    def pixel(y: float):
        scene = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
        return chart.mapFromScene(scene)

    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, pixel(height / 2))
    app.processEvents()
    start = time.perf_counter()
    for frame in range(frames):
        # Up and down within the current axis, as a hand does.
        y = height + 0.04 * np.sin(frame / 6)
        QTest.mouseMove(viewport, pixel(max(y, 0.001)))
        app.processEvents()
        app.processEvents()
    elapsed = time.perf_counter() - start
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pixel(height))
    assert window.document.undo_stack.count() == 1  # the whole drag is one undo step
    window.document.undo_stack.setClean()
    window.close()
    return frames / elapsed


def startup_seconds(runs: int = 11) -> dict[str, float]:
    """Median wall time of a fresh process that paints its first window and exits, for the
    bare plot and for the app, run alternately so both see the same machine load.

    The app's bytecode is compiled first, as pip does for the libraries it installs: with
    PYTHONDONTWRITEBYTECODE set (it is, on these machines) every start would otherwise
    recompile the app's modules (~45 ms) while numpy's and pyqtgraph's come from cache."""
    for package in ("core", "klgui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    times: dict[str, list[float]] = {"bare": [], "app": []}
    for _ in range(runs):
        for kind in times:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "startup_probe.py"), kind],
                check=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                stderr=subprocess.DEVNULL,
            )
            times[kind].append(time.perf_counter() - start)
    return {kind: statistics.median(values) for kind, values in times.items()}


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(
        "edit → recompute → repaint, 3 distributions, window 1280×800, "
        f"{EDITS} frames of a drag (median / p90):"
    )
    for classes in (3, 10, 100, 1000):
        median, p90 = edit_latency_ms(app, classes)
        print(f"  {classes:>5} classes: {median:6.2f} ms / {p90:6.2f} ms")
    print("mouse drag of a bar (issue 6 target: ≥ 30 frames a second at 100 classes):")
    for classes in (10, 100, 1000):
        print(f"  {classes:>5} classes: {mouse_drag_fps(app, classes):6.1f} frames/s")
    medians = startup_seconds()
    bare, full = medians["bare"], medians["app"]
    print("cold start to the first painted window (median of 11 processes each):")
    print(f"  bare numpy + PySide6 + pyqtgraph plot: {bare:.3f} s")
    print(f"  KL Explorer main window:               {full:.3f} s  ({full / bare:.2f} × bare)")


if __name__ == "__main__":
    main()
