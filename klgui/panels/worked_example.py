"""A worked example for the selected model: KL(P‖Q) with every class's numbers plugged in,
H(P,Q) = H(P) + KL(P‖Q), KL(P‖Q) beside KL(Q‖P), JS with its mixture M = (P+Q)/2, and a
one-hot mode showing that for a one-hot target H(y) = 0, CE = KL = −log q_true.

Every number is in the workspace's unit: the comparison's values already are; what is
computed here (log(p/q), KL(P‖M), the one-hot numbers) is scaled with
:func:`core.measures.log_scale`.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import core
from core import Comparison
from core.class_selection import (
    ClassSelection,
    ClassView,
    class_importance,
    select_classes,
    selected_values,
)
from core.measures import log_scale
from klgui.charts.bar_chart import (
    BarChart,
    Bars,
    group_geometry,
    legend_label,
    other_label,
    scale_values,
)
from klgui.document.document import Document
from klgui.style.chart_style import ChartStyle
from klgui.style.palette import BANNER_COLOUR, model_colour
from klgui.tables.rows_table_model import RowsTableModel
from klgui.text.number_format import format_number, format_precise

#: The plugged-in sum lists this many classes; the table has them all.
PLUGGED_CLASSES = 6
#: M is written out class by class up to this many classes.
LISTED_CLASSES = 8
#: The table grows with its rows up to this many, then scrolls.
TABLE_ROWS_SHOWN = 12
CHART_HEIGHT = 260
#: Room around a cell's text (margins of the item view).
CELL_PADDING = 14
HEADROOM = 1.15


def log_symbol(base: float | None) -> str:
    """How the log of the unit is written: ln, log₂, log₁₀ or log_b (HTML)."""
    if base is None or base == math.e:
        return "ln"
    return f"log<sub>{base:g}</sub>"


@dataclass(frozen=True)
class WorkedNumbers:
    """Everything the worked example shows, in the comparison's unit."""

    reference: str
    model: str
    model_index: int
    classes: tuple[str, ...]
    base: float | None
    unit: str
    p: np.ndarray
    q: np.ndarray
    mixture: np.ndarray
    log_ratio: np.ndarray
    terms: np.ndarray
    running: np.ndarray
    kl: float
    reverse_kl: float
    entropy: float
    cross_entropy: float
    js: float
    kl_p_mixture: float
    kl_q_mixture: float
    true_class: int | None

    @property
    def infinite_classes(self) -> list[int]:
        """Classes with p > 0 = q: each makes KL(P‖Q) infinite."""
        return [int(i) for i in np.flatnonzero((self.p > 0) & (self.q == 0))]

    @property
    def reverse_infinite_classes(self) -> list[int]:
        """Classes with q > 0 = p: each makes KL(Q‖P) infinite."""
        return [int(i) for i in np.flatnonzero((self.q > 0) & (self.p == 0))]


def _log_ratio(p: np.ndarray, q: np.ndarray, scale: float) -> np.ndarray:
    """log(p/q) in the unit: +∞ where q = 0 < p, −∞ where p = 0 < q, NaN where both are 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(p / q) * scale


def worked_numbers(
    comparison: Comparison, model_index: int, true_class: int | None = None
) -> WorkedNumbers:
    """The numbers for one model; with ``true_class``, P is one-hot on that class."""
    scale = log_scale(comparison.base)
    q = np.asarray(comparison.model_distributions[model_index], dtype=np.float64)
    if true_class is None:
        p = np.asarray(comparison.reference_distribution, dtype=np.float64)
        terms = np.asarray(comparison.kl_terms[model_index], dtype=np.float64)
        kl = float(comparison.kl[model_index])
        reverse_kl = float(comparison.reverse_kl[model_index])
        entropy = float(comparison.reference_entropy)
        cross_entropy = float(comparison.cross_entropy[model_index])
        js = float(comparison.js_divergence[model_index])
    else:
        p = np.zeros_like(q)
        p[true_class] = 1.0
        terms = core.kl_terms(p, q) * scale
        kl = float(core.kl_divergence(p, q)) * scale
        reverse_kl = float(core.kl_divergence(q, p)) * scale
        entropy = float(core.entropy(p)) * scale
        cross_entropy = float(core.cross_entropy(p, q)) * scale
        js = float(core.js_divergence(p, q)) * scale
    mixture = (p + q) / 2
    return WorkedNumbers(
        reference=comparison.reference,
        model=comparison.models[model_index],
        model_index=model_index,
        classes=comparison.classes,
        base=comparison.base,
        unit=comparison.unit,
        p=p,
        q=q,
        mixture=mixture,
        log_ratio=_log_ratio(p, q, scale),
        terms=terms,
        running=np.cumsum(terms),
        kl=kl,
        reverse_kl=reverse_kl,
        entropy=entropy,
        cross_entropy=cross_entropy,
        js=js,
        kl_p_mixture=float(core.kl_divergence(p, mixture)) * scale,
        kl_q_mixture=float(core.kl_divergence(q, mixture)) * scale,
        true_class=true_class,
    )


class ModelChooser(QComboBox):
    """The models of the workspace; choosing one selects it in the Document."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.setToolTip(self.tr("The model the worked example and the explorations are about"))
        self.currentTextChanged.connect(self._on_current_text_changed)
        document.workspaceChanged.connect(self._on_document_changed)
        document.selectedModelChanged.connect(self._on_document_changed)
        self._on_document_changed()

    def _on_document_changed(self) -> None:
        names = list(self._document.workspace.model_names)
        self.blockSignals(True)
        if names != [self.itemText(i) for i in range(self.count())]:
            self.clear()
            self.addItems(names)
        selected = self._document.selected_model
        self.setCurrentIndex(names.index(selected) if selected in names else -1)
        self.blockSignals(False)
        self.setEnabled(bool(names))

    def _on_current_text_changed(self, name: str) -> None:
        if name:
            self._document.select_model(name)


class MixtureChart(BarChart):
    """Per class, P, Q and their mixture M = (P+Q)/2 side by side; with many classes, those
    with the largest terms of KL(P‖Q) and one "other" bar, as the per-class charts do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("P, Q and M = (P+Q)/2"), parent)
        self.getPlotItem().setMouseEnabled(x=False, y=False)
        self.set_axis_label(self.tr("probability"))
        # Created once; every update goes through set_bars.
        self.bars = [Bars(x=[], height=[], width=0.1) for _ in range(3)]
        for bar in self.bars:
            self.addItem(bar)
        self._legend_key: tuple[str, ...] = ()
        self._numbers: WorkedNumbers | None = None
        self._view = ClassView()
        self._selection: ClassSelection | None = None
        self._fitting = self.fitting_classes()

    def show_numbers(self, numbers: WorkedNumbers, view: ClassView | None = None) -> None:
        """Show ``numbers``, the classes chosen by ``view`` (None: as before)."""
        self._numbers = numbers
        self._view = self._view if view is None else view
        self._selection = selection = select_classes(
            numbers.classes,
            numbers.p,
            class_importance(numbers.terms[None, :], numbers.p),
            self._view,
            self.fitting_classes(),
        )
        grouped = selected_values(np.vstack([numbers.p, numbers.q, numbers.mixture]), selection)
        series = tuple(grouped)
        colours = (
            self.style.reference_colour,
            model_colour(numbers.model_index),
            # M is neither the truth nor the model: the style's neutral grey.
            self.style.entropy_colour,
        )
        bar_count = grouped.shape[1]
        offsets, width = group_geometry(3)
        positions = np.arange(bar_count, dtype=float)
        outline = self.outline_pen(many=bar_count > 60)
        for bar, values, colour, offset in zip(self.bars, series, colours, offsets, strict=True):
            bar.set_bars(
                x=positions + offset,
                height=values,
                width=width,
                brush=pg.mkBrush(colour),
                pen=outline,
            )
        reference = (
            "★ "
            + numbers.reference
            + (self.tr(" (one-hot)") if numbers.true_class is not None else "")
        )
        names = (reference, numbers.model, self.tr("M"))
        if names != self._legend_key:
            self._legend_key = names
            self.legend.clear()
            for bar, name in zip(self.bars, names, strict=True):
                self.legend.addItem(bar, legend_label(name))
            self.fit_minimum_width()
        other_name = other_label(selection)
        self.set_class_ticks([numbers.classes[i] for i in selection.shown], whole=other_name)
        self.set_x_span(-0.6, self.class_span_end(bar_count, "".join(other_name)))
        top = float(scale_values(grouped, selection).max(initial=0.0)) * HEADROOM
        span = self.set_y_span(0.0, top, 0.07)
        other = grouped[:, -1] if selection.other_count else np.empty(0)
        self.mark_other_off_scale(other, span)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_numbers", None) is not None and not self.closed_down:
            fitting = self.fitting_classes()
            if fitting != self._fitting:  # room for more or fewer classes
                self._fitting = fitting
                self.show_numbers(self._numbers)

    def restyle(self) -> None:
        if self._numbers is not None:
            self.show_numbers(self._numbers)

    def tooltip_at(self, x: float, y: float) -> str | None:
        numbers, selection = self._numbers, self._selection
        if numbers is None or selection is None:
            return None
        slot = round(x)
        if slot == selection.shown.size and selection.other_count:
            return self.tr("the %s other classes together\nP = %s\nQ = %s") % (
                f"{selection.other_count:,}",
                format_precise(float(numbers.p[selection.other].sum(dtype=np.float64))),
                format_precise(float(numbers.q[selection.other].sum(dtype=np.float64))),
            )
        if not 0 <= slot < selection.shown.size:
            return None
        index = int(selection.shown[slot])
        return self.tr("class %s\nP = %s\nQ = %s\nM = %s") % (
            numbers.classes[index],
            format_precise(float(numbers.p[index])),
            format_precise(float(numbers.q[index])),
            format_precise(float(numbers.mixture[index])),
        )


class WorkedTableModel(RowsTableModel):
    """The table of the worked example; its log column is named for the unit (ln, log₂)."""

    def set_headers(self, headers: list[str]) -> None:
        if headers != self._headers:
            self._headers = headers
            self.headerDataChanged.emit(Qt.Horizontal, 0, len(headers) - 1)


class FittedTable(QTableView):
    """A read-only table as tall as its rows (up to a dozen), whose columns share the width
    but never get so narrow that a number is cut short: then it scrolls sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def fit(self) -> None:
        model = self.model()
        if not isinstance(model, RowsTableModel):
            return
        header = self.horizontalHeader()
        columns = model.columnCount()
        needed = [
            max(self._text_width(model.rows(), i), header.sectionSizeHint(i))
            for i in range(columns)
        ]
        available = self.viewport().width()
        spare = max(0, available - sum(needed))
        for i, width in enumerate(needed):
            # The class names keep their width; the number columns share what is left over.
            share = spare // (columns - 1) if i > 0 and columns > 1 else 0
            header.resizeSection(i, width + share)
        rows = min(model.rowCount(), TABLE_ROWS_SHOWN)
        height = header.sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        if sum(needed) > available:
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height + 2 * self.frameWidth())

    def _text_width(self, rows: list[list[str]], column: int) -> int:
        """The widest text of a column in bold (the total row is bold): measuring the few
        longest strings is enough, and far cheaper than sizeHintForColumn over every cell."""
        texts = sorted({row[column] for row in rows}, key=len)[-3:]
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        return max((metrics.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


def _big(text: str) -> str:
    return f"<p style='font-size:x-large'>{text}</p>"


def _large(text: str) -> str:
    return f"<p style='font-size:large'>{text}</p>"


class WorkedExample(QWidget):
    """The worked example of the selected model, following the Document.

    While the widget is hidden it only notes that it is out of date, and catches up when it is
    shown: a drag elsewhere does not pay for a panel nobody sees.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._chosen_class: str | None = None  # the one-hot class the user chose, by name
        self._out_of_date = True
        self.numbers: WorkedNumbers | None = None

        self.model_chooser = ModelChooser(document, self)
        self.one_hot = QCheckBox(self.tr("One-hot target"), self)
        self.one_hot.setToolTip(
            self.tr(
                "Treat P as one-hot on one class, as for a single labelled sample: "
                "H(y) = 0, so cross-entropy = KL = −log q_true"
            )
        )
        self.true_class = QComboBox(self)
        self.true_class.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.true_class.setToolTip(self.tr("The true class y of the one-hot target"))
        self.true_class.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Model:"), self))
        controls.addWidget(self.model_chooser)
        controls.addSpacing(16)
        controls.addWidget(self.one_hot)
        controls.addWidget(self.true_class)
        controls.addStretch(1)

        self.status = self._label()
        self.status.setStyleSheet(
            f"background: {BANNER_COLOUR.name()}; color: #202020; padding: 6px;"
            " border: 1px solid #c9a400; border-radius: 4px;"
        )
        self.formula = self._label()
        self.table_model = WorkedTableModel(self._headers("ln"), {0}, self)
        self.table = FittedTable(self)
        self.table.setModel(self.table_model)
        self.infinite_note = self._label()
        self.one_hot_text = self._label()
        self.identity = self._label()
        self.asymmetry = self._label()
        self.js = self._label()
        self.chart = MixtureChart(self)
        self.chart.setMinimumHeight(CHART_HEIGHT)

        content = QWidget(self)
        self._content = content
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(10, 6, 10, 10)
        content_layout.setSpacing(8)
        for widget in (
            self.formula,
            self.table,
            self.infinite_note,
            self.one_hot_text,
            self.identity,
            self.asymmetry,
            self.js,
            self.chart,
        ):
            content_layout.addWidget(widget)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        self._scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        self.one_hot.toggled.connect(self._on_one_hot_toggled)
        self.true_class.currentIndexChanged.connect(self._on_true_class_changed)
        document.comparisonChanged.connect(self._on_document_changed)
        document.selectedModelChanged.connect(self._on_document_changed)
        document.classViewChanged.connect(self._on_document_class_view_changed)
        self.refresh()

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        return label

    def _headers(self, log: str) -> list[str]:
        plain = log.replace("<sub>", "").replace("</sub>", "")
        plain = plain.translate(str.maketrans("0123456789.", "₀₁₂₃₄₅₆₇₈₉."))
        return [
            self.tr("class"),
            self.tr("p"),
            self.tr("q"),
            self.tr("%s(p/q)") % plain,
            self.tr("p·%s(p/q)") % plain,
            self.tr("running sum"),
        ]

    def apply_style(self, style: ChartStyle) -> None:
        """Restyle the chart (the main window calls this for every chart)."""
        self.chart.apply_style(style)

    # -- following the document -----------------------------------------------------------------

    def _on_document_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._out_of_date = True

    def _on_document_class_view_changed(self) -> None:
        if self.numbers is not None:
            self.chart.show_numbers(self.numbers, self._document.class_view)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._out_of_date:
            self.refresh()

    def _on_one_hot_toggled(self, on: bool) -> None:
        self.true_class.setEnabled(on)
        self.refresh()

    def _on_true_class_changed(self, index: int) -> None:
        if index >= 0:
            self._chosen_class = self.true_class.itemText(index)
        self.refresh()

    def _update_class_choice(self, comparison: Comparison) -> int:
        """Fill the class combo; the chosen class while it exists, else the largest p."""
        classes = list(comparison.classes)
        if self._chosen_class in classes:
            index = classes.index(self._chosen_class)
        else:
            index = int(np.argmax(comparison.reference_distribution))
        self.true_class.blockSignals(True)
        if classes != [self.true_class.itemText(i) for i in range(self.true_class.count())]:
            self.true_class.clear()
            self.true_class.addItems(classes)
        self.true_class.setCurrentIndex(index)
        self.true_class.blockSignals(False)
        return index

    def refresh(self) -> None:
        """Show the numbers of the selected model in the latest valid comparison."""
        self._out_of_date = False
        document = self._document
        comparison = document.comparison
        model = document.selected_model
        message = ""
        if model is None:
            message = self.tr(
                "There is no model to work through: add one (Edit ▸ Add model, Ctrl+Shift+M) "
                "and type its predicted probabilities."
            )
        elif comparison is None:
            message = self.tr("No valid input yet: fix the values marked in the table.")
        elif model not in comparison.models:
            message = self.tr("%s has no valid values yet: fix them in the table.") % (
                html.escape(model)
            )
        elif not document.comparison_is_current:
            message = self.tr("⚠ Showing the last valid input: %s") % html.escape(
                document.input_error
            )
        self.status.setText(message)
        self.status.setVisible(bool(message))
        showable = comparison is not None and model is not None and model in comparison.models
        self._scroll.setVisible(showable)
        if not showable:
            self.numbers = None
            return
        class_index = self._update_class_choice(comparison)
        true_class = class_index if self.one_hot.isChecked() else None
        numbers = worked_numbers(comparison, comparison.index_of(model), true_class)
        self.numbers = numbers
        self._show_formula(numbers)
        self._show_table(numbers)
        self._show_one_hot(numbers)
        self._show_identity(numbers)
        self._show_asymmetry(numbers)
        self._show_js(numbers)
        self.chart.show_numbers(numbers, document.class_view)

    # -- the parts ------------------------------------------------------------------------------

    def _names(self, numbers: WorkedNumbers) -> str:
        if numbers.true_class is not None:
            return self.tr("P = one-hot on the true class <b>%s</b>, Q = model <b>%s</b>") % (
                html.escape(numbers.classes[numbers.true_class]),
                html.escape(numbers.model),
            )
        return self.tr("P = reference <b>%s</b>, Q = model <b>%s</b>") % (
            html.escape(numbers.reference),
            html.escape(numbers.model),
        )

    def _show_formula(self, numbers: WorkedNumbers) -> None:
        log = log_symbol(numbers.base)
        count = len(numbers.classes)
        shown = range(min(count, PLUGGED_CLASSES))
        plugged = " + ".join(
            f"{format_number(numbers.p[i])}·{log}({format_number(numbers.p[i])}/{format_number(numbers.q[i])})"
            for i in shown
        )
        terms = " ".join(
            ("" if k == 0 else ("− " if numbers.terms[i] < 0 else "+ "))
            + (
                format_number(abs(float(numbers.terms[i])))
                if k > 0
                else format_number(float(numbers.terms[i]))
            )
            for k, i in enumerate(shown)
        )
        if count > PLUGGED_CLASSES:
            more = self.tr(" + … (%d more classes: see the table)") % (count - PLUGGED_CLASSES)
            plugged += more
            terms += more
        total = f"<b>{format_number(numbers.kl)} {html.escape(numbers.unit)}</b>"
        self.formula.setText(
            _big(self.tr("D<sub>KL</sub>(P‖Q) = Σ<sub>x</sub> P(x)·%s(P(x)/Q(x))") % log)
            + _large(self._names(numbers) + f"<br>= {plugged}<br>= {terms}<br>= {total}")
        )

    def _show_table(self, numbers: WorkedNumbers) -> None:
        rows, tips = [], []
        why_infinite = self.tr("q = 0 where p > 0: log(p/0) = ∞, so the term and KL are ∞")
        for i, name in enumerate(numbers.classes):
            p, q = float(numbers.p[i]), float(numbers.q[i])
            ratio = float(numbers.log_ratio[i])
            term = float(numbers.terms[i])
            rows.append(
                [
                    name,
                    format_number(p),
                    format_number(q),
                    format_number(ratio),
                    format_number(term),
                    format_number(float(numbers.running[i])),
                ]
            )
            tip = ""
            if math.isinf(term):
                tip = why_infinite
            elif p == 0:
                tip = self.tr("p = 0: the term is 0 (0·log 0 counts as 0)")
            tips.append(["", "", "", tip, tip, ""])
        rows.append(
            [
                self.tr("Σ = KL(P‖Q)"),
                format_number(float(numbers.p.sum())),
                format_number(float(numbers.q.sum())),
                "",
                format_number(numbers.kl),
                format_number(numbers.kl),
            ]
        )
        tips.append([""] * 6)
        self.table_model.set_headers(self._headers(log_symbol(numbers.base)))
        self.table_model.set_rows(rows, tips, highlighted={len(rows) - 1})
        self.table.fit()

    def _show_one_hot(self, numbers: WorkedNumbers) -> None:
        parts = []
        infinite = numbers.infinite_classes
        if infinite:
            names = ", ".join(html.escape(numbers.classes[i]) for i in infinite)
            parts.append(
                self.tr(
                    "<b>∞</b> because Q gives probability 0 to %s, where P has p > 0: "
                    "log(p/0) = ∞. A model that rules out what happens is infinitely "
                    "surprised. Smoothing (Analysis) keeps q above 0."
                )
                % names
            )
        if numbers.p.min() == 0:
            parts.append(self.tr("A class with p = 0 adds 0: 0·log(0/q) counts as 0."))
        self.infinite_note.setText(_large("<br>".join(parts)))
        self.infinite_note.setVisible(bool(parts))
        if numbers.true_class is None:
            self.one_hot_text.hide()
            return
        log = log_symbol(numbers.base)
        unit = html.escape(numbers.unit)
        q_true = float(numbers.q[numbers.true_class])
        ce = numbers.cross_entropy
        if numbers.base is None or numbers.base == math.e:
            power = "exp(−CE)"
            power_numbers = f"exp(−{format_number(ce)})"
        else:
            power = f"{numbers.base:g}<sup>−CE</sup>"
            power_numbers = f"{numbers.base:g}<sup>−{format_number(ce)}</sup>"
        back = math.exp(-ce / log_scale(numbers.base)) if math.isfinite(ce) else 0.0
        self.one_hot_text.setText(
            _big(self.tr("One-hot target: H(y) = 0, so CE = KL = −%s q<sub>true</sub>") % log)
            + _large(
                self.tr("true class y = <b>%s</b>, q<sub>true</sub> = %s")
                % (html.escape(numbers.classes[numbers.true_class]), format_number(q_true))
                + "<br>"
                + self.tr("H(y) = %s %s (a certain label carries no uncertainty)")
                % (format_number(numbers.entropy), unit)
                + "<br>"
                + self.tr("CE = H(y) + KL = %s + %s = %s %s")
                % (
                    format_number(numbers.entropy),
                    format_number(numbers.kl),
                    format_number(ce),
                    unit,
                )
                + "<br>"
                + self.tr("KL = −%s q<sub>true</sub> = −%s(%s) = <b>%s %s</b>")
                % (log, log, format_number(q_true), format_number(numbers.kl), unit)
                + "<br>"
                + self.tr("q<sub>true</sub> = %s = %s = <b>%s</b>")
                % (power, power_numbers, format_number(back))
            )
        )
        self.one_hot_text.show()

    def _plugged(self, numbers: WorkedNumbers, inside: np.ndarray, log: str) -> str:
        """p₁·log x₁ + p₂·log x₂ + … for the first classes."""
        count = len(numbers.classes)
        text = " + ".join(
            f"{format_number(numbers.p[i])}·{log} {format_number(inside[i])}"
            for i in range(min(count, PLUGGED_CLASSES))
        )
        return text + (" + …" if count > PLUGGED_CLASSES else "")

    def _show_identity(self, numbers: WorkedNumbers) -> None:
        unit = html.escape(numbers.unit)
        log = log_symbol(numbers.base)
        entropy_name = self.tr("H(y)") if numbers.true_class is not None else self.tr("H(P)")
        self.identity.setText(
            _big(self.tr("H(P,Q) = H(P) + D<sub>KL</sub>(P‖Q)"))
            + _large(
                f"H(P) = −Σ p·{log} p = −({self._plugged(numbers, numbers.p, log)}) = "
                f"{format_number(numbers.entropy)}"
                + "<br>"
                + f"H(P,Q) = −Σ p·{log} q = −({self._plugged(numbers, numbers.q, log)}) = "
                f"{format_number(numbers.cross_entropy)}"
                + "<br>"
                + f"<b>{format_number(numbers.cross_entropy)}</b> = "
                f"{format_number(numbers.entropy)} + {format_number(numbers.kl)} {unit}"
                + "<br>"
                + self.tr(
                    "%s is the same for every model: ranking by cross-entropy is ranking by KL."
                )
                % entropy_name
            )
        )

    def _show_asymmetry(self, numbers: WorkedNumbers) -> None:
        unit = html.escape(numbers.unit)
        text = (
            f"KL(P‖Q) = <b>{format_number(numbers.kl)}</b> {unit}"
            f"&nbsp;&nbsp;&nbsp;&nbsp;KL(Q‖P) = <b>{format_number(numbers.reverse_kl)}</b> {unit}"
            "<br>"
        )
        if numbers.kl == numbers.reverse_kl:
            text += self.tr("Equal here, but KL is not symmetric in general.")
        else:
            text += self.tr(
                "Not symmetric: KL(P‖Q) averages log(p/q) over P, KL(Q‖P) averages log(q/p) over Q."
            )
        reverse_infinite = numbers.reverse_infinite_classes
        if reverse_infinite:
            names = ", ".join(html.escape(numbers.classes[i]) for i in reverse_infinite)
            text += "<br>" + self.tr("KL(Q‖P) = ∞: Q gives probability to %s, where p = 0.") % (
                names
            )
        self.asymmetry.setText(_big(self.tr("KL(P‖Q) ≠ KL(Q‖P)")) + _large(text))

    def _show_js(self, numbers: WorkedNumbers) -> None:
        unit = html.escape(numbers.unit)
        log = log_symbol(numbers.base)
        half = "½"
        if len(numbers.classes) <= LISTED_CLASSES:
            mixture = "M = (P+Q)/2 = (" + ", ".join(format_number(m) for m in numbers.mixture) + ")"
        else:
            mixture = self.tr("M = (P+Q)/2: see the chart")
        bound = math.log(2.0) * log_scale(numbers.base)
        self.js.setText(
            _big(self.tr("JS = ½KL(P‖M) + ½KL(Q‖M)"))
            + _large(
                mixture + "<br>" + f"JS = {half}·{format_number(numbers.kl_p_mixture)} + "
                f"{half}·{format_number(numbers.kl_q_mixture)} = "
                f"<b>{format_number(numbers.js)} {unit}</b>"
                + "<br>"
                + self.tr(
                    "Symmetric, and never infinite (M > 0 wherever P or Q is): at most "
                    "%s 2 = %s %s."
                )
                % (log, format_number(bound), unit)
            )
        )
