"""The colours of the models."""

from __future__ import annotations

from PySide6.QtGui import QColor

from klgui.style.palette import MODEL_COLOURS


def test_sixteen_models_get_sixteen_different_colours():
    assert len({QColor(c).name() for c in MODEL_COLOURS}) == len(MODEL_COLOURS) == 16
