"""Controls for the log base, smoothing and the ranking measure."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, QSize
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QWidget

from core import MEASURES, Smoothing
from core.formats.number_text import number_value
from klgui.document.document import Document
from klgui.text.measure_names import measure_long_name

#: (label, base) in the order shown; the labels are translated where they are shown.
BASE_CHOICES = (
    (QT_TRANSLATE_NOOP("AnalysisControls", "bits (log₂)"), 2.0),
    (QT_TRANSLATE_NOOP("AnalysisControls", "nats (ln)"), None),
    (QT_TRANSLATE_NOOP("AnalysisControls", "bans (log₁₀)"), 10.0),
)
SMOOTHING_CHOICES = ("none", "epsilon", "add_k")
DEFAULT_AMOUNTS = {"none": 0.0, "epsilon": 1e-6, "add_k": 1.0}


#: The most decimals Qt's spin boxes take: enough for the smallest double.
MOST_DECIMALS = 323
#: The box is wide enough for this text: Qt sizes a spin box for its minimum and maximum
#: ("0", "100"), which cuts an ε of "1e-06" to "1e-0". Longer values scroll in the box.
WIDEST_USUAL_TEXT = "1.25e-300"


def amount_text(value: float) -> str:
    """``value`` as short as it reads (1e-06, 0.5, 1) yet exactly: a value with more digits
    than %g shows is written in full, so that reading the text back never changes it."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def _typed_number(text: str) -> float | None:
    """The number typed (a decimal comma too), or None while it is not one, or not one a
    double can hold (1e-400 is not 0)."""
    try:
        return number_value(text.strip().replace(",", "."))
    except ValueError:
        return None


class AmountSpinBox(QDoubleSpinBox):
    """A spin box for ε and k: shows 1e-07 as 1e-07, not 0.000000, and in logarithmic mode
    (for ε) the arrows multiply or divide by 10 instead of adding a fixed step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt rounds a spin box's value to its decimals: with fewer than a double can have,
        # an ε of 1e-20 would silently become 0 (smoothing off).
        self.setDecimals(MOST_DECIMALS)
        # The value counts when typing ends (Enter, or focus leaving), not at every key:
        # "1e-3" on the way to "1e-300" is no value the user chose.
        self.setKeyboardTracking(False)
        self.setRange(0.0, 100.0)
        self.logarithmic = False

    def textFromValue(self, value: float) -> str:
        return amount_text(value)

    def sizeHint(self) -> QSize:
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._widened(super().minimumSizeHint())

    def _widened(self, hint: QSize) -> QSize:
        """``hint`` (Qt's, sized for "100") widened to hold :data:`WIDEST_USUAL_TEXT`."""
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance(WIDEST_USUAL_TEXT) - metrics.horizontalAdvance(
            self.textFromValue(self.maximum())
        )
        return QSize(hint.width() + max(0, extra), hint.height())

    def valueFromText(self, text: str) -> float:
        value = _typed_number(text)
        return self.value() if value is None else value

    def validate(self, text: str, position: int):
        value = _typed_number(text)
        if value is None:
            return QValidator.Intermediate, text, position
        acceptable = self.minimum() <= value <= self.maximum()
        return (QValidator.Acceptable if acceptable else QValidator.Intermediate), text, position

    def stepBy(self, steps: int) -> None:
        if self.logarithmic and self.value() > 0:
            self.setValue(min(self.value() * 10.0**steps, self.maximum()))
        else:
            super().stepBy(steps)


class AnalysisControls(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.base = QComboBox(self)
        for label, base in BASE_CHOICES:
            self.base.addItem(self.tr(label), base)
        self.base.setToolTip(self.tr("The unit of every entropy, KL and JS value and axis."))
        self.rank_by = QComboBox(self)
        for measure in MEASURES:
            self.rank_by.addItem(measure_long_name(measure), measure)
        self.rank_by.setToolTip(self.tr("The measure the ranking sorts by; lower is better."))
        self.smoothing = QComboBox(self)
        self.smoothing.addItem(self.tr("None"), "none")
        self.smoothing.addItem(self.tr("Additive ε on probabilities"), "epsilon")
        self.smoothing.addItem(self.tr("Add-k (Laplace) on counts"), "add_k")
        self.smoothing.setToolTip(
            self.tr(
                "Keeps zeros from making KL infinite. It changes every distribution, the "
                "reference included, and the ranking says so."
            )
        )
        self.amount = AmountSpinBox(self)
        self.amount.setToolTip(self.tr("ε for additive smoothing, k for add-k"))
        smoothing_row = QHBoxLayout()
        smoothing_row.setContentsMargins(0, 0, 0, 0)
        smoothing_row.addWidget(self.smoothing, 1)
        smoothing_row.addWidget(self.amount)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Unit"), self.base)
        form.addRow(self.tr("Rank by"), self.rank_by)
        form.addRow(self.tr("Smoothing"), smoothing_row)
        self.base.currentIndexChanged.connect(self._on_base_changed)
        self.rank_by.currentIndexChanged.connect(self._on_rank_by_changed)
        self.smoothing.currentIndexChanged.connect(self._on_smoothing_method_changed)
        self.amount.valueChanged.connect(self._on_amount_changed)
        document.workspaceChanged.connect(self._on_document_workspace_changed)
        self._on_document_workspace_changed()

    def _on_document_workspace_changed(self) -> None:
        workspace = self._document.workspace
        blockers = [
            QSignalBlocker(w) for w in (self.base, self.rank_by, self.smoothing, self.amount)
        ]
        base = workspace.base
        self.base.setCurrentIndex(
            next(
                i
                for i, (_, choice) in enumerate(BASE_CHOICES)
                if choice == base or (choice is None and (base is None or base == math.e))
            )
            if base in (None, 2.0, 10.0, math.e)
            else 1
        )
        self.rank_by.setCurrentIndex(MEASURES.index(workspace.rank_by))
        method = workspace.smoothing.method
        self.smoothing.setCurrentIndex(SMOOTHING_CHOICES.index(method))
        self.amount.setEnabled(method != "none")
        self.amount.logarithmic = method == "epsilon"
        self.amount.setSingleStep(0.5)
        if self.amount.value() != workspace.smoothing.amount:
            self.amount.setValue(workspace.smoothing.amount)
        del blockers

    def _on_base_changed(self, index: int) -> None:
        self._document.set_base(self.base.itemData(index))

    def _on_rank_by_changed(self, index: int) -> None:
        self._document.set_rank_by(self.rank_by.itemData(index))

    def _on_smoothing_method_changed(self, index: int) -> None:
        method = self.smoothing.itemData(index)
        self._document.set_smoothing(Smoothing(method, DEFAULT_AMOUNTS[method]))

    def _on_amount_changed(self, amount: float) -> None:
        method = self._document.workspace.smoothing.method
        if method != "none":
            self._document.set_smoothing(Smoothing(method, amount))
