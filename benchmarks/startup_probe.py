"""Start, paint the first window, exit: timed from outside by bench_gui.py.

python benchmarks/startup_probe.py app    # KL Explorer's main window
python benchmarks/startup_probe.py bare   # numpy + PySide6 + pyqtgraph, one plot
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from temporary_home import use_temporary_home

use_temporary_home()  # before Qt
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def first_paint_of_app() -> None:
    from PySide6.QtWidgets import QApplication

    from core import example_workspace
    from klgui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow(example_workspace())
    window.show()
    app.processEvents()
    window.repaint()


def first_paint_of_bare_plot() -> None:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x=np.arange(3), height=[0.6, 0.3, 0.1], width=0.8))
    plot.show()
    app.processEvents()
    plot.repaint()


if __name__ == "__main__":
    {"app": first_paint_of_app, "bare": first_paint_of_bare_plot}[sys.argv[1]]()
