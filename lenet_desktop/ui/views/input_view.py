"""The image the network sees (INPUT_SIDE × INPUT_SIDE pixels), enlarged, with a grid so every
pixel shows and row and column numbers along its edges."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLine, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from lenet_desktop.session import Result, Session
from lenet_desktop.specs.geometry import INPUT_SIDE
from lenet_desktop.ui.follow import follow

SIZE = INPUT_SIDE


class InputView(QWidget):
    """Follows the session's predictions. ``outline`` (rows, columns as ``(top, left, bottom,
    right)`` in input pixels, inclusive) marks a region, e.g. a selected unit's receptive
    field; ``overlay`` is a ``(SIZE, SIZE)`` heatmap in [0, 1] drawn over the image.
    ``hovered(text)``: the pixel under the mouse — its row, column and value in [0, 1], the
    book's unit (empty when the mouse leaves the image)."""

    hovered = Signal(str)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.values = np.zeros((SIZE, SIZE), dtype=np.float32)
        self.setMinimumSize(SIZE * 4 + 20, SIZE * 4 + 20)
        # Any shape: the image is drawn as the largest square that fits (no height-for-width,
        # which would let the column outgrow a short window and push the chart out of sight).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image = QImage(SIZE, SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self.pixels = np.zeros((SIZE, SIZE), dtype=np.uint8)
        self.outline: tuple[int, int, int, int] | None = None
        self.overlay: QImage | None = None
        self._grid: tuple[tuple | None, QPixmap | None] = (None, None)
        if session is not None:
            follow(self, session.predicted, self._predicted)

    def _predicted(self, result: Result) -> None:
        prepared = result.prepared
        self.show_image(None if prepared is None else prepared.image)

    def show_image(self, image: np.ndarray | None) -> None:
        """``(SIZE, SIZE)`` float in [0, 1], light ink on dark (None: blank)."""
        self.values = (
            np.zeros((SIZE, SIZE), dtype=np.float32)
            if image is None
            else np.clip(np.asarray(image, dtype=np.float32), 0, 1)
        )
        if image is None:
            self.pixels = np.zeros((SIZE, SIZE), dtype=np.uint8)
        else:
            self.pixels = np.ascontiguousarray(
                (np.clip(image, 0, 1) * 255).round().astype(np.uint8)
            )
        self._image = QImage(
            self.pixels.data, SIZE, SIZE, SIZE, QImage.Format.Format_Grayscale8
        ).copy()
        self.update()

    def set_outline(self, outline: tuple[int, int, int, int] | None) -> None:
        self.outline = outline
        self.update()

    def set_overlay(self, overlay: QImage | None) -> None:
        self.overlay = overlay
        self.update()

    def pixel_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The input pixel (row, column) at widget position (x, y), or None outside."""
        rect = self.image_rect()
        if not rect.contains(int(x), int(y)):
            return None
        step = rect.width() / SIZE
        return int((y - rect.top()) // step), int((x - rect.left()) // step)

    def hover_text(self, row: int, col: int) -> str:
        return self.tr(
            "input · row {0}, column {1} = {2:.3f} (pixel, 0 = background, 1 = ink)"
        ).format(row, col, float(self.values[row, col]))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        at = self.pixel_at(event.position().x(), event.position().y())
        self.hovered.emit("" if at is None else self.hover_text(*at))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hovered.emit("")
        super().leaveEvent(event)

    def image_rect(self) -> QRect:
        """Where the input image is drawn (a whole number of pixels per input pixel)."""
        metrics = self.fontMetrics()  # room for the numbers at any type size (presentation)
        margin = max(metrics.horizontalAdvance("27"), metrics.height()) + 6
        side = max(SIZE, (min(self.width(), self.height()) - margin) // SIZE * SIZE)
        left = margin + (self.width() - margin - side) // 2
        top = margin + (self.height() - margin - side) // 2
        return QRect(left, top, side, side)

    def _grid_layer(self, area: QRect) -> QPixmap:
        """The grid lines and the row and column numbers, drawn once per size (they are what
        costs most to paint, and they never change while a stroke grows)."""
        key = (self.width(), self.height(), area.x(), area.y(), area.width(),
               self.font().pointSizeF())  # fmt: skip
        cached = self._grid[1]
        if self._grid[0] == key and cached is not None:
            return cached
        ratio = self.devicePixelRatioF()
        layer = QPixmap(self.size() * ratio)
        layer.setDevicePixelRatio(ratio)
        layer.fill(Qt.GlobalColor.transparent)
        painter = QPainter(layer)
        cell = area.width() // SIZE
        if cell >= 4:
            x0, y0 = area.left(), area.top()
            lines = [QLine(x0 + i * cell, y0, x0 + i * cell, area.bottom()) for i in range(29)]
            lines += [QLine(x0, y0 + i * cell, area.right(), y0 + i * cell) for i in range(29)]
            painter.setPen(QPen(QColor(60, 60, 60), 1))
            painter.drawLines(lines)
        # Row and column numbers: where a learner reads coordinates from.
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        metrics = self.fontMetrics()
        wide, high = metrics.horizontalAdvance("27") + 4, metrics.height()
        # every 7 pixels where the numbers have room, else every 14 (a small view with large
        # type: presentation mode on a laptop), so they never run into each other
        every = 7 if 7 * cell >= wide + 2 else 14 if 14 * cell >= wide + 2 else SIZE
        for i in range(0, SIZE, every):
            x = area.left() + i * cell + cell / 2
            y = area.top() + i * cell + cell / 2
            painter.drawText(
                QRectF(x - wide / 2, area.top() - high - 2, wide, high),
                Qt.AlignmentFlag.AlignCenter,
                str(i),
            )
            painter.drawText(
                QRectF(area.left() - wide - 4, y - high / 2, wide, high), right, str(i)
            )
        painter.end()
        self._grid = (key, layer)
        return layer

    def paintEvent(self, event) -> None:
        area = self.image_rect()
        painter = QPainter(self)
        painter.drawImage(area, self._image)  # nearest-neighbour: pixels stay square
        if self.overlay is not None:
            painter.drawImage(area, self.overlay)
        painter.drawPixmap(0, 0, self._grid_layer(area))
        if self.outline is not None:
            cell = area.width() // SIZE
            top, left, bottom, right = self.outline
            painter.setPen(QPen(QColor(255, 60, 60), 2))
            painter.drawRect(
                QRect(
                    area.left() + left * cell,
                    area.top() + top * cell,
                    (right - left + 1) * cell,
                    (bottom - top + 1) * cell,
                )
            )
        painter.end()
