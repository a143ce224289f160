"""The canvas with its tools: brush size (shown in pixels and as the cursor's circle), eraser,
fill, clear."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from lenet_desktop.ui.translation import Retranslating
from lenet_desktop.ui.widgets.canvas import RESOLUTION, Canvas

BRUSH_RANGE = (6, 80)  # paper pixels (the paper is 560 wide)


MIN_SLIDER = 80  # px: the brush slider's least width, a slider one can still drag


class CanvasPanel(Retranslating, QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.canvas = Canvas()
        self.brush_label = QLabel()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(*BRUSH_RANGE)
        try:
            stored = settings.value("brush", 36.0)
            brush = float(stored) if isinstance(stored, (int, float, str)) else 36.0
        except (TypeError, ValueError):
            brush = 36.0
        self.brush_slider.setValue(int(min(BRUSH_RANGE[1], max(BRUSH_RANGE[0], brush))))
        self.brush_slider.valueChanged.connect(self.set_brush)
        self.eraser_button = QToolButton()
        self.eraser_button.setCheckable(True)
        self.eraser_button.toggled.connect(self._set_eraser)
        self.fill_button = QToolButton()
        self.fill_button.setCheckable(True)
        self.fill_button.toggled.connect(self._set_fill)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(self.clear)
        self.brush_slider.setMinimumWidth(MIN_SLIDER)
        # One row of tools when they fit, else the brush above the buttons: the slider never
        # collapses to a box (a narrow window with the explanation panel open).
        self.tools = QGridLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        self._one_row: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(self.tools)
        self._arrange_tools(True)
        self.canvas.resized.connect(self._update_cursor)
        self.set_brush(self.brush_slider.value())
        self.retranslate()

    def _tools_width(self) -> int:
        """The width the tools need on one row."""
        widgets = (self.brush_label, self.eraser_button, self.fill_button, self.clear_button)
        spacing = max(self.tools.horizontalSpacing(), 6)
        return sum(w.sizeHint().width() for w in widgets) + MIN_SLIDER + 5 * spacing + 8

    def _arrange_tools(self, one_row: bool) -> None:
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for tool in (self.brush_label, self.brush_slider, self.eraser_button,
                     self.fill_button, self.clear_button):  # fmt: skip
            self.tools.removeWidget(tool)
        places: list[tuple[QWidget, int, int, int]]
        if one_row:
            places = [(self.brush_label, 0, 0, 1), (self.brush_slider, 0, 1, 1),
                      (self.eraser_button, 0, 2, 1), (self.fill_button, 0, 3, 1),
                      (self.clear_button, 0, 4, 1)]  # fmt: skip
            stretches = [0, 1, 0, 0, 0]
        else:
            places = [(self.brush_label, 0, 0, 1), (self.brush_slider, 0, 1, 3),
                      (self.eraser_button, 1, 0, 1), (self.fill_button, 1, 1, 1),
                      (self.clear_button, 1, 2, 1)]  # fmt: skip
            stretches = [0, 1, 1, 1, 0]
        for widget, row, column, span in places:
            self.tools.addWidget(widget, row, column, 1, span)
        for column in range(5):
            self.tools.setColumnStretch(column, stretches[column])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._arrange_tools(event.size().width() >= self._tools_width())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.brush_label.setText(self.tr("Brush {0} px").format(self.brush_slider.value()))
        self.brush_slider.setToolTip(
            self.tr("Brush width in pixels of the 560-pixel paper ([ and ] change it)")
        )
        self.eraser_button.setText(self.tr("Eraser"))
        self.eraser_button.setToolTip(self.tr("Erase instead of drawing (E)"))
        self.fill_button.setText(self.tr("Fill"))
        self.fill_button.setToolTip(
            self.tr("Click inside an outline to fill it with ink (garments are filled shapes)")
        )
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc)"))

    def set_brush(self, value: int) -> None:
        self.canvas.brush_width = float(value)
        self.settings.setValue("brush", value)
        self.brush_label.setText(self.tr("Brush {0} px").format(value))
        self._update_cursor()

    def thicker(self) -> None:
        self.brush_slider.setValue(self.brush_slider.value() + 4)

    def clear(self) -> None:
        """A blank canvas, and the pen again: Fill ends with the drawing it was for."""
        self.fill_button.setChecked(False)
        self.canvas.clear()

    def thinner(self) -> None:
        self.brush_slider.setValue(self.brush_slider.value() - 4)

    def _set_eraser(self, on: bool) -> None:
        self.canvas.erasing = on
        if on:
            self.fill_button.setChecked(False)
        self._update_cursor()

    def _set_fill(self, on: bool) -> None:
        self.canvas.filling = on
        if on:
            self.eraser_button.setChecked(False)
        self._update_cursor()

    def _update_cursor(self) -> None:
        """The cursor is the brush: a circle as wide as the stroke it will draw."""
        if self.canvas.filling:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            return
        width = self.canvas.brush_width * (1.5 if self.canvas.erasing else 1.0)
        side = self.canvas.paper_rect().width() or RESOLUTION
        diameter = max(4, min(200, round(width * side / RESOLUTION)))
        pixmap = QPixmap(diameter + 4, diameter + 4)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255, 200), 3))
        painter.drawEllipse(2, 2, diameter, diameter)
        painter.setPen(QPen(QColor(200, 40, 40), 1))
        painter.drawEllipse(2, 2, diameter, diameter)
        painter.end()
        centre = QPoint(diameter // 2 + 2, diameter // 2 + 2)
        self.canvas.setCursor(QCursor(pixmap, centre.x(), centre.y()))
