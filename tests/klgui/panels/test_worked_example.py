"""The worked example follows the Document: numbers plugged in, ∞ explained, one-hot mode,
units; and choosing a model from it selects the model in the Document."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from klgui.panels.worked_example import WorkedExample
from klgui.text.number_format import format_number

LN2 = math.log(2.0)


@pytest.fixture
def panel(qtbot, document):
    widget = WorkedExample(document)
    qtbot.addWidget(widget)
    widget.resize(560, 640)
    widget.show()
    return widget


def cells(panel) -> list[list[str]]:
    return panel.table_model.rows()


def recompute(qtbot, document, edit) -> None:
    with qtbot.waitSignal(document.comparisonChanged):
        edit()


def test_every_class_is_plugged_in(panel, document):
    comparison = document.comparison
    rows = cells(panel)
    assert [row[0] for row in rows[:3]] == ["dog", "cat", "rabbit"]
    assert [row[1] for row in rows[:3]] == ["0.6", "0.3", "0.1"]
    assert [row[2] for row in rows[:3]] == ["0.5", "0.35", "0.15"]
    assert rows[0][3] == format_number(math.log(0.6 / 0.5))
    terms = comparison.kl_terms[0]
    assert [row[4] for row in rows[:3]] == [format_number(t) for t in terms]
    assert [row[5] for row in rows[:3]] == [format_number(t) for t in np.cumsum(terms)]
    total = format_number(float(comparison.kl[0]))
    assert rows[3][4] == rows[3][5] == total  # the last line is the total
    formula = panel.formula.text()
    assert "0.6·ln(0.6/0.5)" in formula and "0.1·ln(0.1/0.15)" in formula
    assert total in formula and "nats" in formula


def test_an_edit_changes_the_numbers(qtbot, panel, document):
    recompute(qtbot, document, lambda: document.set_values("A", [0.4, 0.4, 0.2]))
    rows = cells(panel)
    assert [row[2] for row in rows[:3]] == ["0.4", "0.4", "0.2"]
    kl = float(document.comparison.kl[0])
    assert rows[3][4] == format_number(kl)
    assert panel.numbers.kl == kl
    assert format_number(kl) in panel.formula.text()
    assert panel.chart.bars[1].opts["height"].tolist() == [0.4, 0.4, 0.2]


def test_identity_asymmetry_and_js_carry_the_numbers(panel, document):
    comparison = document.comparison
    entropy, ce = comparison.reference_entropy, float(comparison.cross_entropy[0])
    kl, reverse = float(comparison.kl[0]), float(comparison.reverse_kl[0])
    identity = panel.identity.text()
    assert f"{format_number(ce)}</b> = {format_number(entropy)} + {format_number(kl)}" in identity
    asymmetry = panel.asymmetry.text()
    assert format_number(kl) in asymmetry and format_number(reverse) in asymmetry
    numbers = panel.numbers
    assert numbers.mixture == pytest.approx([0.55, 0.325, 0.125])
    assert 0.5 * numbers.kl_p_mixture + 0.5 * numbers.kl_q_mixture == pytest.approx(
        float(comparison.js_divergence[0]), rel=1e-12
    )
    js = panel.js.text()
    assert "(0.55, 0.325, 0.125)" in js
    assert format_number(float(comparison.js_divergence[0])) in js
    heights = [bar.opts["height"].tolist() for bar in panel.chart.bars]
    assert heights[0] == [0.6, 0.3, 0.1]
    assert heights[1] == [0.5, 0.35, 0.15]
    assert heights[2] == pytest.approx([0.55, 0.325, 0.125])


def test_an_infinite_term_shows_infinity_and_why(qtbot, panel, document):
    recompute(qtbot, document, lambda: document.set_values("A", [0.5, 0.5, 0.0]))
    rows = cells(panel)
    assert rows[2][3] == rows[2][4] == rows[2][5] == "∞"
    assert rows[3][4] == "∞"
    assert rows[1][5] != "∞"  # finite until the rabbit
    assert "q = 0 where p > 0" in panel.table_model.data(
        panel.table_model.index(2, 4), Qt.ToolTipRole
    )
    assert panel.infinite_note.isVisible()
    note = panel.infinite_note.text()
    assert "rabbit" in note and "probability 0" in note
    assert "= <b>∞ nats</b>" in panel.formula.text()


def test_one_hot_mode(qtbot, panel, document):
    assert not panel.true_class.isEnabled()
    panel.one_hot.setChecked(True)
    assert panel.true_class.isEnabled()
    assert panel.true_class.currentText() == "dog"  # the class with the largest p
    numbers = panel.numbers
    assert numbers.p.tolist() == [1.0, 0.0, 0.0]
    assert numbers.entropy == 0.0
    assert numbers.kl == pytest.approx(-math.log(0.5))
    assert numbers.cross_entropy == pytest.approx(numbers.kl)
    text = panel.one_hot_text.text()
    assert panel.one_hot_text.isVisible()
    assert "H(y) = 0," in text
    assert format_number(-math.log(0.5)) in text
    assert f"exp(−{format_number(-math.log(0.5))}) = <b>0.5</b>" in text
    assert math.isinf(numbers.reverse_kl)  # Q has mass where the one-hot P has none
    panel.true_class.setCurrentText("cat")
    assert panel.numbers.kl == pytest.approx(-math.log(0.35))
    assert "= <b>0.35</b>" in panel.one_hot_text.text()
    assert cells(panel)[1][1] == "1"
    # the chosen class survives an edit
    recompute(qtbot, document, lambda: document.set_values("A", [0.4, 0.4, 0.2]))
    assert panel.true_class.currentText() == "cat"
    assert panel.numbers.kl == pytest.approx(-math.log(0.4))
    panel.one_hot.setChecked(False)
    assert not panel.one_hot_text.isVisible()
    assert panel.numbers.p.tolist() == [0.6, 0.3, 0.1]


def test_bits_change_every_number(qtbot, panel, document):
    nats = panel.numbers
    recompute(qtbot, document, lambda: document.set_base(2))
    bits = panel.numbers
    assert bits.unit == "bits"
    assert bits.kl == pytest.approx(nats.kl / LN2, rel=1e-12)
    assert bits.log_ratio == pytest.approx(nats.log_ratio / LN2, rel=1e-12)
    assert bits.kl_p_mixture == pytest.approx(nats.kl_p_mixture / LN2, rel=1e-12)
    assert cells(panel)[0][3] == format_number(math.log2(0.6 / 0.5))
    assert panel.table_model.headerData(3, Qt.Horizontal) == "log₂(p/q)"
    assert "bits" in panel.formula.text() and "log<sub>2</sub>" in panel.formula.text()
    assert "log<sub>2</sub> 2 = 1 bits" in panel.js.text()
    panel.one_hot.setChecked(True)
    assert panel.numbers.kl == pytest.approx(1.0)  # −log₂ 0.5
    assert "2<sup>−1</sup> = <b>0.5</b>" in panel.one_hot_text.text()


def test_the_model_follows_the_document_and_the_chooser_selects(qtbot, panel, document):
    with qtbot.waitSignal(document.selectedModelChanged):
        document.select_model("B")
    assert panel.numbers.model == "B"
    assert panel.model_chooser.currentText() == "B"
    assert cells(panel)[0][2] == "0.2"
    with qtbot.waitSignal(document.selectedModelChanged):
        panel.model_chooser.setCurrentText("A")  # view → model
    assert document.selected_model == "A"
    assert panel.numbers.model == "A"


def test_invalid_input_shows_the_last_valid_comparison(qtbot, panel, document):
    before = cells(panel)
    recompute(qtbot, document, lambda: document.set_value("P", 0, 0.9))
    assert document.input_error is not None
    assert panel.status.isVisible()
    assert "last valid input" in panel.status.text()
    assert cells(panel) == before
    recompute(qtbot, document, lambda: document.undo_stack.undo())
    assert not panel.status.isVisible()


def test_without_a_model_it_says_what_to_do(qtbot, panel, document):
    document.remove_distribution("A")
    recompute(qtbot, document, lambda: document.remove_distribution("B"))
    assert panel.numbers is None
    assert "add one" in panel.status.text()
    assert not panel.model_chooser.isEnabled()
    recompute(qtbot, document, lambda: document.add_distribution("C"))
    assert panel.numbers.model == "C"


def test_a_hidden_panel_catches_up_when_shown(qtbot, panel, document):
    panel.hide()
    recompute(qtbot, document, lambda: document.set_values("A", [0.4, 0.4, 0.2]))
    assert panel.numbers.q.tolist() == [0.5, 0.35, 0.15]  # not recomputed while hidden
    panel.show()
    assert panel.numbers.q.tolist() == [0.4, 0.4, 0.2]


def test_many_classes_are_abbreviated_in_the_formula(qtbot, panel, document):
    for _ in range(7):
        document.add_class()
    recompute(qtbot, document, lambda: document.normalize_all())
    assert len(cells(panel)) == 11  # ten classes and the total
    assert "4 more classes" in panel.formula.text()
    assert panel.table.height() > 0


def test_it_renders(panel):
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() == 560


def test_the_formula_plugs_in_the_numbers_as_the_table_writes_them(qtbot, panel, document):
    recompute(qtbot, document, lambda: document.set_values("P", [0.603271, 0.296729, 0.1]))
    p = cells(panel)[0][1]
    assert p == "0.603271"
    assert f"{p}·ln({p}/0.5)" in panel.formula.text()  # not rounded to 0.6033
