"""The controls of which classes the per-class charts show: a class filter, the top N, the
order. They set the document's class view (the charts and the editor follow it); the top N
and the order are remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QWidget,
)

from core.class_selection import CLASS_ORDERS, ClassView
from klgui.document.document import Document
from klgui.style.palette import table_brushes

#: The largest top N the box offers: as many bars as a wide chart has pixels (more are
#: hairlines no one tells apart, and each costs the axis a name to measure).
MOST_SHOWN = 1000
TOP_KEY = "classView/top"
ORDER_KEY = "classView/order"
#: The find field's least width (pixels): room for a few characters.
FIND_MINIMUM_WIDTH = 90


class TopBox(QSpinBox):
    """The top N. Text that is not a number of classes it offers stays as typed, marked, with
    the reason in its tooltip, and changes nothing (a plain spin box drops the characters it
    does not take, so 3.5 became 35 and -5 became 5); Enter or leaving the box says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, MOST_SHOWN)
        # Texts of the bar it belongs to (translated there before the box had a class).
        self.setSpecialValueText(QCoreApplication.translate("ClassViewBar", "as many as fit"))
        self.setPrefix(QCoreApplication.translate("ClassViewBar", "top "))
        self.setKeyboardTracking(False)  # 25 is taken at Enter, not as 2 on the way
        self._tooltip = QCoreApplication.translate(
            "ClassViewBar",
            "Show this many classes, those with the largest |term| of any model; the rest "
            "are summed into one “other” bar. 0: as many as fit the chart's width.",
        )
        self.setToolTip(self._tooltip)
        self.lineEdit().textChanged.connect(self._on_text_changed)

    def problem(self) -> str | None:
        """Why the text in the box is not taken, or None when it is."""
        return self._problem_of(self.text())

    def _problem_of(self, text: str) -> str | None:
        typed = text.removeprefix(self.prefix()).strip()
        if typed == "" or text == self.specialValueText():
            return None
        if not typed.isdigit():
            return self.tr("%s is not a whole number of classes") % repr(typed)
        if int(typed) > self.maximum():
            return (
                self.tr("at most %d classes are shown; the rest are summed into the “other” bar")
                % self.maximum()
            )
        return None

    def validate(self, text: str, position: int):
        if self._problem_of(text):
            return QValidator.Intermediate, text, position  # kept as typed, to be corrected
        return super().validate(text, position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.problem():
            self._say_why()  # and keep the text: Qt would put the old value back
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.problem():
            self._say_why()
        super().focusOutEvent(event)  # Qt puts the value back: it never changed

    def _say_why(self) -> None:
        QToolTip.showText(
            self.mapToGlobal(self.rect().bottomLeft()),
            self.tr("Not changed: %s") % self.problem(),
            self,
        )

    def _on_text_changed(self) -> None:
        problem = self.problem()
        self.setToolTip(self._tooltip if problem is None else problem)
        colour = table_brushes().invalid_cell.color().name()
        self.setStyleSheet("" if problem is None else f"QSpinBox {{ background: {colour}; }}")


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
        self.top = TopBox(self)
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
