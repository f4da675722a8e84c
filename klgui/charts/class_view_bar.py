"""The controls of which classes the per-class charts show: a class filter, the top N, the
order. They set the document's class view (the charts and the editor follow it); the top N
and the order are remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from core.class_selection import CLASS_ORDERS, ClassView
from klgui.document.document import Document

#: The largest top N the box offers (more bars than any screen has pixels).
MOST_SHOWN = 100_000
TOP_KEY = "classView/top"
ORDER_KEY = "classView/order"
#: The find field's least width (pixels): room for a few characters.
FIND_MINIMUM_WIDTH = 90


class ClassViewBar(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find a class…"))
        self.find.setClearButtonEnabled(True)
        self.find.setToolTip(
            self.tr("Show only the classes whose name contains this text (any case)")
        )
        self.top = QSpinBox(self)
        self.top.setRange(0, MOST_SHOWN)
        self.top.setSpecialValueText(self.tr("as many as fit"))
        self.top.setPrefix(self.tr("top "))
        self.top.setToolTip(
            self.tr(
                "Show this many classes, those with the largest |term| of any model; the rest "
                "are summed into one “other” bar. 0: as many as fit the chart's width."
            )
        )
        self.order = QComboBox(self)
        self.order.addItems(
            [self.tr("table order"), self.tr("by |term|"), self.tr("by P"), self.tr("by name")]
        )
        self.order.setToolTip(self.tr("The order of the classes shown"))
        label = QLabel(self.tr("Classes:"), self)
        # A narrow chart is never widened by its controls: they are cut at its edge instead.
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.find.setMinimumWidth(FIND_MINIMUM_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(label)
        layout.addWidget(self.find, 2)
        layout.addWidget(self.top)
        layout.addWidget(self.order)
        self._restore()
        self.find.setText(document.class_view.find)
        self.find.textChanged.connect(self._on_controls_changed)
        self.top.valueChanged.connect(self._on_remembered_control_changed)
        self.order.currentIndexChanged.connect(self._on_remembered_control_changed)
        document.classViewChanged.connect(self._on_document_class_view_changed)
        self._on_controls_changed()

    def add_widget(self, widget: QWidget) -> None:
        """Another control at the end of the row (the chart's own)."""
        self.layout().addWidget(widget)

    def _restore(self) -> None:
        settings = QSettings()
        top = settings.value(TOP_KEY, 0)
        order = settings.value(ORDER_KEY, "table")
        self.top.setValue(int(top) if str(top).isdigit() else 0)
        self.order.setCurrentIndex(CLASS_ORDERS.index(order) if order in CLASS_ORDERS else 0)

    def _view(self) -> ClassView:
        top = self.top.value()
        return ClassView(
            top=top or None, order=CLASS_ORDERS[self.order.currentIndex()], find=self.find.text()
        )

    def _on_controls_changed(self) -> None:
        self._document.set_class_view(self._view())

    def _on_remembered_control_changed(self) -> None:
        view = self._view()
        settings = QSettings()
        settings.setValue(TOP_KEY, view.top or 0)
        settings.setValue(ORDER_KEY, view.order)
        self._document.set_class_view(view)

    def _on_document_class_view_changed(self) -> None:
        view = self._document.class_view
        if self.find.text() != view.find:  # typed in the editor's find field
            self.find.setText(view.find)
