"""The worked example's chart of P, Q and M with many classes: the classes with the largest
terms and one "other" bar, following the class view the other per-class charts follow."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from core import Distribution, Workspace
from core.class_selection import ClassView
from klgui.document.document import Document
from klgui.panels.worked_example import WorkedExample


@pytest.fixture
def thousand(qapp):
    rng = np.random.default_rng(2)
    p, a = rng.dirichlet(np.ones(1000), size=2)
    document = Document(
        Workspace(
            classes=tuple(f"token {i}" for i in range(1000)),
            distributions=(Distribution("P", p), Distribution("A", a)),
            reference="P",
        )
    )
    yield document
    document.deleteLater()


def test_the_chart_shows_the_largest_terms_and_sums_the_rest(qtbot, thousand):
    panel = WorkedExample(thousand)
    qtbot.addWidget(panel)
    panel.resize(700, 640)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    chart = panel.chart
    p_bars = np.asarray(chart.bars[0].opts["height"], dtype=float)
    assert 5 <= len(p_bars) - 1 <= 700 // 24  # as many classes as fit, and "other"
    terms = np.abs(thousand.comparison.kl_terms[0])
    shown = chart._selection.shown
    assert np.sort(terms[shown]) == pytest.approx(np.sort(terms)[-shown.size :])
    assert p_bars[-1] == pytest.approx(1 - thousand.comparison.reference_distribution[shown].sum())
    assert "other classes together" in chart.tooltip_at(len(p_bars) - 1.0, 0.0)
    panel.resize(1200, 640)  # room for the eleven matches, each named under its bars
    QApplication.processEvents()
    thousand.set_class_view(ClassView(find="token 99", order="name"))
    names = chart.getPlotItem().getAxis("bottom")._names
    assert names == ("token 99", *(f"token {i}" for i in range(990, 1000)))
