"""Grouped bars: per class, the reference P and every model's predicted probability."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from core import WorkspaceError
from core.class_selection import (
    ClassSelection,
    class_importance,
    select_classes,
    selected_values,
)
from klgui.charts.bar_chart import (
    BarChart,
    Bars,
    filter_notes,
    group_geometry,
    legend_label,
    other_label,
    scale_values,
    series_at,
)
from klgui.document.document import Document
from klgui.style.palette import colour_of_model
from klgui.text.number_format import format_precise

#: Room above the tallest bar.
HEADROOM = 1.1


#: Value step of the Up and Down keys (Alt: a tenth of it).
KEY_STEP = 0.01
#: How far above a bar's top a press still grabs it, as a fraction of the y span.
GRAB_MARGIN = 0.04


@dataclass
class Grab:
    """A press on a bar: a click until the pointer moves up or down the platform's drag
    distance from where it was pressed, a drag of the bar's value from then on. The value
    follows the pointer's vertical motion from the press (the bar never jumps to the
    pointer, and sideways motion changes nothing)."""

    name: str
    class_index: int
    merge_key: object
    origin: QPoint
    value: float  # the bar's value at the press
    value_per_pixel: float  # upwards, at the press's scale (a rescaled axis changes nothing)
    dragging: bool = False

    def moved_to(self, position: QPoint) -> None:
        if abs(position.y() - self.origin.y()) >= QApplication.startDragDistance():
            self.dragging = True

    def value_at(self, position: QPoint) -> float:
        return self.value + (self.origin.y() - position.y()) * self.value_per_pixel


class DistributionChart(BarChart):
    """Grouped bars, and direct manipulation: drag a bar (or select it with a click or the
    arrow keys and press Up / Down) to change its value; the distribution's other unlocked
    classes rescale so it stays normalised. A whole drag, or a run of key presses, is one
    undo step; a click changes nothing. Not ``editable``: values read from a file, shown as
    they are (the keys still move the selection)."""

    #: Something the user should know (a drag that cannot be made), for the status bar.
    message = Signal(str)

    def __init__(
        self, document: Document, parent: QWidget | None = None, editable: bool = True
    ) -> None:
        super().__init__(self.tr("Distributions"), parent)
        self._document = document
        self._editable = editable
        self._bars: list[Bars] = []
        self._legend_names: tuple[str, ...] = ()
        self._grab: Grab | None = None
        self._edit_serial = 0
        self._key_edit: object = None  # merge key of the current run of key presses
        self.selected_bar = (1, 0)  # (series, class) the arrow keys move and change
        self._selection: ClassSelection | None = None
        self._fitting = self.fitting_classes()
        self._selection_outline = Bars(x=[0.0], height=[0.0], width=0.1, brush=pg.mkBrush(None))
        self._selection_outline.setZValue(15)
        self._selection_outline.hide()
        self.addItem(self._selection_outline)
        self.screen_only_items.append(self._selection_outline)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setContextMenuPolicy(Qt.DefaultContextMenu)
        self.setToolTip("")
        self.set_axis_label(self.tr("probability"))
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        document.lockedClassesChanged.connect(self._on_document_comparison_changed)
        document.classViewChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def _series(self) -> tuple[tuple[str, ...], np.ndarray]:
        comparison = self._document.comparison
        names = (comparison.reference, *comparison.models)
        values = np.vstack([comparison.reference_distribution, comparison.model_distributions])
        return names, values

    def _ensure_bar_count(self, count: int) -> None:
        while len(self._bars) < count:
            bar = Bars(x=[], height=[], width=0.1)
            self.addItem(bar)
            self._bars.append(bar)
        while len(self._bars) > count:
            self.removeItem(self._bars.pop())

    def _on_document_comparison_changed(self) -> None:
        if self.closed_down:
            return
        if self._document.comparison is None:  # nothing valid in this document yet
            self._ensure_bar_count(0)
            self._legend_names = ()
            self.legend.clear()
            self._selection_outline.hide()
            self.set_class_ticks(())
            self.reset_y_span()
            self.show_state(True, self.tr("No valid input yet: see the table."))
            return
        names, all_values = self._series()
        comparison = self._document.comparison
        self._selection = selection = select_classes(
            comparison.classes,
            comparison.reference_distribution,
            class_importance(comparison.kl_terms, comparison.reference_distribution),
            self._document.class_view,
            self.fitting_classes(),
        )
        values = selected_values(all_values, selection)  # the shown classes, then "other"
        bar_count = values.shape[1]
        self._ensure_bar_count(len(names))
        offsets, width = group_geometry(len(names))
        positions = np.arange(bar_count)
        outline = self.outline_pen(many=bar_count > 60)
        for series, bar in enumerate(self._bars):
            colour = (
                self.style.reference_colour
                if series == 0
                else colour_of_model(names[series], self._document.workspace.model_names)
            )
            bar.set_bars(
                x=positions + offsets[series],
                height=values[series],
                width=width,
                brush=pg.mkBrush(colour),
                pen=outline,
                name=names[series],
            )
        if names != self._legend_names:
            self._legend_names = names
            self.legend.clear()
            for bar, name in zip(self._bars, names, strict=True):
                label = f"★ {name}" if bar is self._bars[0] else name
                self.legend.addItem(bar, legend_label(label))
            self.fit_minimum_width()
        locked = self._document.locked_classes
        classes = [comparison.classes[i] for i in selection.shown]
        other_name = other_label(selection)
        self.set_class_ticks(
            classes,
            [self.tr(" (locked)") if name in locked else "" for name in classes],
            other_name,
        )
        self.set_x_span(-0.6, self.class_span_end(bar_count, "".join(other_name)))
        top = float(scale_values(values, selection).max(initial=0.0)) * HEADROOM
        span = self.set_y_span(0.0, top, bottom_margin=0.07, hold=self._document.dragging)
        other = values[:, -1] if selection.other_count else np.empty(0)
        self.mark_other_off_scale(other, span)
        notice = ""
        if not selection.matching:
            notice = self.tr("No class name contains “%s”") % self._document.class_view.find
        self.show_state(self._document.comparison_is_current, notice)
        find = self._document.class_view.find
        self.set_title_notes(filter_notes(selection, len(comparison.classes), find))
        self._show_selection()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_document", None) is not None and not self.closed_down:
            fitting = self.fitting_classes()
            if fitting != self._fitting:  # room for more or fewer classes
                self._fitting = fitting
                self._on_document_comparison_changed()

    def _slot_of(self, class_index: int) -> int | None:
        """Where the class's group is drawn (None: in "other", or filtered out)."""
        if self._selection is None:
            return None
        slots = np.flatnonzero(self._selection.shown == class_index)
        return int(slots[0]) if slots.size else None

    def _class_at(self, x: float, series_count: int) -> tuple[int | None, int] | None:
        """(class, series) of the bar at data coordinate ``x``: class None for the "other"
        bar; None where there is no bar."""
        selection = self._selection
        if selection is None:
            return None
        bar_count = selection.shown.size + (1 if selection.other_count else 0)
        hit = series_at(x, bar_count, series_count)
        if hit is None:
            return None
        slot, series = hit
        return (int(selection.shown[slot]) if slot < selection.shown.size else None), series

    def restyle(self) -> None:
        self._on_document_comparison_changed()

    # -- direct manipulation --------------------------------------------------------------------

    def _bar_at(self, view_point) -> tuple[int, int] | None:
        """(series, class) of the bar under a point in data coordinates, near enough to grab."""
        if self._document.comparison is None:
            return None
        names, values = self._series()
        hit = self._class_at(view_point.x(), len(names))
        if hit is None or hit[0] is None:  # the "other" bar is a sum: it cannot be dragged
            return None
        class_index, series = hit
        low, high = self.getPlotItem().getViewBox().viewRange()[1]
        if view_point.y() > values[series, class_index] + GRAB_MARGIN * (high - low):
            return None
        return series, class_index

    def _view_point(self, event) -> object:
        return self._view_point_at(event.position().toPoint())

    def _view_point_at(self, position: QPoint) -> object:
        scene_point = self.mapToScene(position)
        return self.getPlotItem().getViewBox().mapSceneToView(scene_point)

    def _value_per_pixel(self, position: QPoint) -> float:
        """How much one pixel upwards adds to a value, at ``position``."""
        return self._view_point_at(position).y() - self._view_point_at(position + QPoint(0, 1)).y()

    def _live_value(self, series: int, class_index: int) -> float:
        """The bar's value now, from the workspace: the comparison may not be recomputed yet
        between key presses or mouse moves."""
        names, _ = self._series()
        live = self._document.workspace.distribution(names[series]).values
        return float(live[class_index] / live.sum()) if live.sum() > 0 else 0.0

    def _set_value(self, series: int, class_index: int, value: float, merge_key: object) -> bool:
        names, _ = self._series()
        try:
            self._document.set_value_rescaled(names[series], class_index, value, merge_key)
        except WorkspaceError as error:
            self.message.emit(self.tr("Cannot change it: %s") % error)
            return False
        return True

    def mousePressEvent(self, event) -> None:
        """A press on a bar grabs it; nothing changes until the pointer moves far enough to
        make it a drag (a hand that shakes while clicking must not set the value)."""
        current = self._document.comparison_is_current
        if self._editable and event.button() == Qt.LeftButton and current:
            hit = self._bar_at(self._view_point(event))
            if hit is not None:
                series, class_index = hit
                self._edit_serial += 1
                names, _ = self._series()
                merge_key = ("drag", self._edit_serial)
                origin = event.position().toPoint()
                self._grab = Grab(
                    names[series],
                    class_index,
                    merge_key,
                    origin,
                    self._live_value(series, class_index),
                    self._value_per_pixel(origin),
                )
                self.selected_bar = hit
                self._key_edit = None
                event.accept()
                return
        super().mousePressEvent(event)

    def _drag_to(self, event) -> None:
        grab = self._grab
        names, _ = self._series()
        if grab.name in names:
            series = names.index(grab.name)
            value = grab.value_at(event.position().toPoint())
            self._set_value(series, grab.class_index, value, grab.merge_key)

    def mouseMoveEvent(self, event) -> None:
        if self._grab is not None:
            self._grab.moved_to(event.position().toPoint())
            if self._grab.dragging:
                self._document.set_dragging(True)  # the axes hold still until the release
                self._drag_to(event)
            event.accept()
            return
        hovering = self._bar_at(self._view_point(event)) is not None
        self.viewport().setCursor(Qt.SizeVerCursor if hovering else Qt.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._grab is not None:
            clicked = not self._grab.dragging
            self._grab = None
            self._document.set_dragging(False)
            if clicked:  # selects the bar, as the arrow keys do
                self.setFocus(Qt.MouseFocusReason)
                self._show_selection()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        """Left / Right: class; Shift+Left / Right: distribution; Up / Down: change the value
        by 0.01 (with Alt, 0.001); a run of presses on one bar is one undo step."""
        if self._document.comparison is None:
            super().keyPressEvent(event)
            return
        names, _ = self._series()
        series, class_index = self.selected_bar
        key, shift = event.key(), bool(event.modifiers() & Qt.ShiftModifier)
        shown = self._selection.shown
        if key in (Qt.Key_Left, Qt.Key_Right) and shown.size:
            step = -1 if key == Qt.Key_Left else 1
            if shift:
                series = (series + step) % len(names)
            else:  # to the next class drawn
                slot = self._slot_of(class_index)
                slot = 0 if slot is None else (slot + step) % shown.size
                class_index = int(shown[slot])
            self.selected_bar = (series, class_index)
            self._key_edit = None
            self._show_selection()
        elif self._editable and key in (Qt.Key_Up, Qt.Key_Down):
            step = KEY_STEP / 10 if event.modifiers() & Qt.AltModifier else KEY_STEP
            if self._key_edit is None:
                self._edit_serial += 1
                self._key_edit = ("keys", self._edit_serial)
            value = self._live_value(series, class_index) + (step if key == Qt.Key_Up else -step)
            self._set_value(series, class_index, value, self._key_edit)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._show_selection()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._key_edit = None
        self._show_selection()

    def close(self) -> bool:
        for signal in (
            self._document.comparisonChanged,
            self._document.lockedClassesChanged,
            self._document.classViewChanged,
        ):
            signal.disconnect(self._on_document_comparison_changed)
        return super().close()

    def _show_selection(self) -> None:
        """Outline the bar the arrow keys act on, while the chart has the keyboard focus."""
        if self.closed_down:
            return
        comparison = self._document.comparison
        if comparison is None or not self.hasFocus():
            self._selection_outline.hide()
            return
        names, values = self._series()
        series = min(self.selected_bar[0], len(names) - 1)
        class_index = min(self.selected_bar[1], values.shape[1] - 1)
        self.selected_bar = (series, class_index)
        slot = self._slot_of(class_index)
        if slot is None:  # not drawn: among "other", or filtered out
            self._selection_outline.hide()
            return
        offsets, width = group_geometry(len(names))
        self._selection_outline.set_bars(
            x=[slot + offsets[series]],
            height=[float(values[series, class_index])],
            width=width,
            brush=pg.mkBrush(None),
            pen=pg.mkPen(self.style.foreground, width=3 * max(1.0, self.style.outline_width)),
        )
        self._selection_outline.show()

    def contextMenuEvent(self, event) -> None:
        """Right-click on a class: lock it against rescaling during drags, or unlock it."""
        comparison = self._document.comparison
        if comparison is None or not self._editable:  # locks are for drags
            return
        scene_point = self.mapToScene(event.pos())
        point = self.getPlotItem().getViewBox().mapSceneToView(scene_point)
        hit = self._class_at(point.x(), len(comparison.models) + 1)
        if hit is None or hit[0] is None:
            return
        name = comparison.classes[hit[0]]
        locked = name in self._document.locked_classes
        menu = QMenu(self)
        action = menu.addAction(
            self.tr("Unlock %s") % name if locked else self.tr("Lock %s during drags") % name
        )
        action.triggered.connect(lambda: self._document.set_class_locked(name, not locked))
        menu.exec(event.globalPos())

    def tooltip_at(self, x: float, y: float) -> str | None:
        comparison = self._document.comparison
        if comparison is None:
            return None
        names, values = self._series()
        hit = self._class_at(x, len(names))
        if hit is None:
            return None
        class_index, series = hit
        if class_index is None:
            other = float(values[series, self._selection.other].sum(dtype=np.float64))
            return self.tr("%s, the %s other classes\ntogether = %s") % (
                names[series],
                f"{self._selection.other_count:,}",
                format_precise(other),
            )
        value = float(values[series, class_index])
        if series == 0:
            text = self.tr("%s (reference), class %s\np = %s")
        else:
            text = self.tr("%s (model), class %s\nq = %s")
        return text % (names[series], comparison.classes[class_index], format_precise(value))
