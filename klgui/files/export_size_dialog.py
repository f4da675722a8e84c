"""How large charts are exported (File ▸ Export ▸ Chart size…): a 16:9 or 4:3 slide of a
chosen width, or the window's size, and how large the text is; remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from klgui.charts.chart_export import (
    FONT_SCALES,
    MAX_IMAGE_SIDE,
    MIN_EXPORT_WIDTH,
    WINDOW_PRESET,
    ExportSize,
)

PRESET_KEY = "export/size_preset"
WIDTH_KEY = "export/width"
FONT_SCALE_KEY = "export/font_scale"


def saved_export_size() -> ExportSize:
    """The size chosen last (the default, a 16:9 slide 1920 pixels wide with text at 2×,
    when none was, or when what is saved is no size)."""
    settings = QSettings()
    default = ExportSize()
    try:
        return ExportSize(
            str(settings.value(PRESET_KEY, default.preset)),
            int(settings.value(WIDTH_KEY, default.width)),
            float(settings.value(FONT_SCALE_KEY, default.font_scale)),
        )
    except (TypeError, ValueError):
        return default


def save_export_size(size: ExportSize) -> None:
    settings = QSettings()
    settings.setValue(PRESET_KEY, size.preset)
    settings.setValue(WIDTH_KEY, size.width)
    settings.setValue(FONT_SCALE_KEY, size.font_scale)


class ExportSizeDialog(QDialog):
    def __init__(self, size: ExportSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chart size for export"))
        self.preset = QComboBox(self)
        self.preset.addItem(self.tr("16:9 slide"), "16:9")
        self.preset.addItem(self.tr("4:3 slide"), "4:3")
        self.preset.addItem(self.tr("As in the window"), WINDOW_PRESET)
        self.preset.setCurrentIndex(self.preset.findData(size.preset))
        self.width_box = QSpinBox(self)
        self.width_box.setRange(MIN_EXPORT_WIDTH, MAX_IMAGE_SIDE)
        self.width_box.setSingleStep(160)
        self.width_box.setSuffix(self.tr(" px"))
        self.width_box.setValue(size.width)
        self.font_scale = QDoubleSpinBox(self)
        self.font_scale.setRange(*FONT_SCALES)
        self.font_scale.setSingleStep(0.25)
        self.font_scale.setDecimals(2)
        self.font_scale.setSuffix("×")
        self.font_scale.setValue(size.font_scale)
        self.font_scale.setToolTip(
            self.tr("How many times larger than in the window the chart's text is drawn")
        )
        self.summary = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Size"), self.preset)
        form.addRow(self.tr("Width"), self.width_box)
        form.addRow(self.tr("Text size"), self.font_scale)
        form.addRow(self.summary)
        form.addRow(buttons)
        for signal in (
            self.preset.currentIndexChanged,
            self.width_box.valueChanged,
            self.font_scale.valueChanged,
        ):
            signal.connect(self._on_choice_changed)
        self._on_choice_changed()

    def chosen(self) -> ExportSize:
        return ExportSize(
            self.preset.currentData(), self.width_box.value(), self.font_scale.value()
        )

    def _on_choice_changed(self) -> None:
        size = self.chosen()
        window = size.preset == WINDOW_PRESET
        self.width_box.setEnabled(not window)
        if window:
            self.summary.setText(
                self.tr("The chart's size in the window, %s× as many pixels.")
                % f"{size.font_scale:g}"
            )
            return
        pixels, logical = size.pixels(), size.logical()
        self.summary.setText(
            self.tr("%d × %d pixels, laid out as a chart of %d × %d in the window.")
            % (pixels.width(), pixels.height(), round(logical.width()), round(logical.height()))
        )
