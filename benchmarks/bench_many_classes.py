"""The window with many classes: opening a table, and one edit → recompute → repaint.

Targets (issue 12): with 32,000 classes × 3 distributions, opening the table ≤ 1 s and an
edit → recompute → repaint ≤ 50 ms; at 1,000 classes an edit ≤ 16 ms. Figures are medians:
other processes share the machine, so single runs are noisy.
Run: python benchmarks/bench_many_classes.py [classes ...]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from temporary_home import use_temporary_home

use_temporary_home()  # before Qt: closing a window writes its layout to the settings
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import example_workspace  # noqa: E402
from klgui.window.main_window import MainWindow  # noqa: E402

EDITS = 25
WARM_UP_EDITS = 5
OPENINGS = 5


def write_table(path: Path, classes: int) -> None:
    """A CSV of ``classes`` rows: class, P, A, B (random distributions)."""
    rng = np.random.default_rng(classes)
    matrix = rng.dirichlet(np.ones(classes), size=3)
    lines = ["class,P,A,B"]
    lines += [
        f"token {i},{p!r},{a!r},{b!r}"
        for i, (p, a, b) in enumerate(zip(*(row.tolist() for row in matrix), strict=True))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def open_seconds(app: QApplication, window: MainWindow, path: Path) -> float:
    """File ▸ Open of ``path`` in a shown window, until the window has painted it."""
    start = time.perf_counter()
    assert window.file_actions.open_paths([str(path)])
    window.document.recompute_now()
    window.repaint()
    app.processEvents()
    return time.perf_counter() - start


def edit_ms(app: QApplication, window: MainWindow) -> list[float]:
    """Each of a run of edits of model A (a drag of one class's value): set, recompute and
    repaint, as after a real edit."""
    start_values = window.document.workspace.distribution("A").values
    times = []
    for step, value in enumerate(np.linspace(0.01, 0.3, WARM_UP_EDITS + EDITS)):
        values = start_values.copy()
        values[0] = value
        values /= values.sum()
        begin = time.perf_counter()
        window.document.set_values("A", values, merge_key="drag")
        app.processEvents()
        app.processEvents()
        if step >= WARM_UP_EDITS:
            times.append((time.perf_counter() - begin) * 1000)
    return times


def filter_ms(app: QApplication, window: MainWindow) -> list[float]:
    """Each keystroke typed into the class filter, and clearing it: the editor's rows and
    the per-class charts follow."""
    times = []
    for text in ("t", "to", "token 3", "token 31", "token 319", "", "7", ""):
        begin = time.perf_counter()
        window.editor.class_filter.setText(text)
        app.processEvents()
        app.processEvents()
        times.append((time.perf_counter() - begin) * 1000)
    return times


def measure(app: QApplication, classes: int, folder: Path) -> tuple[float, ...]:
    path = folder / f"table_{classes}.csv"
    write_table(path, classes)
    openings = []
    edits: list[float] = []
    typing: list[float] = []
    for _ in range(OPENINGS):
        window = MainWindow(example_workspace())
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        openings.append(open_seconds(app, window, path))
        edits += edit_ms(app, window)
        typing += filter_ms(app, window)
        window.document.undo_stack.setClean()
        window.close()
        app.processEvents()
    return (
        statistics.median(openings),
        statistics.median(edits),
        float(np.percentile(edits, 90)),
        statistics.median(typing),
        max(typing),
    )


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sizes = [int(argument) for argument in sys.argv[1:]] or [1000, 32000]
    print(
        "3 distributions, window 1280×800; medians over "
        f"{OPENINGS} openings and {OPENINGS * EDITS} edits (other processes share the machine):"
    )
    with tempfile.TemporaryDirectory() as folder:
        for classes in sizes:
            opening, median, p90, typing, slowest = measure(app, classes, Path(folder))
            print(
                f"  {classes:>6} classes: open {opening * 1000:7.0f} ms, "
                f"edit → recompute → repaint {median:7.1f} ms (p90 {p90:.1f} ms), "
                f"a keystroke in the class filter {typing:.0f} ms (slowest {slowest:.0f} ms)"
            )


if __name__ == "__main__":
    main()
