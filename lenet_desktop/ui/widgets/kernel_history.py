"""A kernel's history: the same kernel at every kept epoch of a run, side by side on one colour
scale (so a weight's change reads as a change of colour), each labelled with its epoch, the
epoch in the main view framed. Hover a weight to read it; the values at the shown epoch and the
last are written below."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from lenet_desktop.ui.widgets.colours import colourize, nice_levels, to_qimage
from lenet_desktop.ui.widgets.number_sheet import signed

CELL = 22  # pixels a weight
GAP = 10
FRAME = QColor(220, 40, 40)


class _Strip(QWidget):
    """The kernels in rows, as wide as the dialog allows. ``hovered(text)``."""

    hovered = Signal(str)

    def __init__(self, history: list, shown: int | None, levels, parent=None) -> None:
        super().__init__(parent)
        self.history, self.shown, self.levels = history, shown, levels
        self.images = [to_qimage(colourize(np.asarray(k, np.float32), levels)) for _, k in history]
        height, width = np.asarray(history[0][1]).shape
        self.tile = QSize(width * CELL, height * CELL)
        self.label_height = self.fontMetrics().height() + 6  # the epoch, above its frame
        self.setMouseTracking(True)
        self.setMinimumWidth(self.tile.width() + 2 * GAP)

    def _columns(self) -> int:
        return max(1, (self.width() - GAP) // (self.tile.width() + GAP))

    def _rect(self, index: int) -> QRect:
        columns = self._columns()
        row, column = divmod(index, columns)
        x = GAP + column * (self.tile.width() + GAP)
        y = GAP + row * (self.tile.height() + self.label_height + GAP)
        return QRect(QPoint(x, y + self.label_height), self.tile)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        columns = min(len(self.history), 10)
        return QSize(GAP + columns * (self.tile.width() + GAP), self.heightForWidth(0))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        rows = -(-len(self.history) // self._columns())
        return GAP + rows * (self.tile.height() + self.label_height + GAP)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        for index, ((epoch, _), image) in enumerate(zip(self.history, self.images)):
            rect = self._rect(index)
            painter.setPen(self.palette().text().color())
            above = QRect(rect.left() - GAP // 2, rect.top() - self.label_height, 0, 0)
            above.setSize(QSize(rect.width() + GAP, self.label_height - 4))
            text = self.tr("epoch {0}").format(epoch)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, text)
            painter.drawImage(rect, image)
            if epoch == self.shown:
                painter.setPen(QPen(FRAME, 3))
                painter.drawRect(rect.adjusted(-2, -2, 1, 1))
        painter.end()

    def hit(self, point: QPoint) -> tuple[int, int, int] | None:
        for index in range(len(self.history)):
            rect = self._rect(index)
            if rect.contains(point):
                return index, (point.y() - rect.top()) // CELL, (point.x() - rect.left()) // CELL
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        found = self.hit(event.position().toPoint())
        if found is None:
            self.hovered.emit("")
            return
        index, row, column = found
        epoch, kernel = self.history[index]
        value = float(np.asarray(kernel)[row, column])
        self.hovered.emit(
            self.tr("epoch {0} · row {1}, column {2} = {3}").format(
                epoch, row, column, signed(value, 4)
            )
        )


class KernelHistoryDialog(QDialog):
    """``history``: (epoch, 2-D kernel) pairs, every kept epoch; ``shown``: the epoch in the
    main view (framed), if any."""

    def __init__(
        self, title: str, history: list, shown: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        stack = np.stack([np.asarray(k, np.float32) for _, k in history])
        bound = float(np.abs(stack).max()) or 1.0
        levels = nice_levels(-bound, bound)  # one scale, 0 in its middle, for every epoch
        self.strip = _Strip(history, shown, levels)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.strip)
        self.readout = QLabel(" ")
        self.strip.hovered.connect(lambda text: self.readout.setText(text or " "))
        first, last = stack[0], stack[-1]
        change = float(np.abs(last - first).mean())
        self.summary = QLabel(
            self.tr(
                "Epochs {3} to {4} · one colour scale for all, {1} to {2} · mean change of a "
                "weight from epoch {3} to epoch {4}: {5}"
            ).format(
                len(history),
                signed(levels[0], 2),
                signed(levels[1], 2),
                history[0][0],
                history[-1][0],
                signed(change, 4),
            )
        )
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.readout)
        hint = self.strip.sizeHint()
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        if parent is not None and parent.window().isVisible():
            screen = screen.boundedTo(parent.window().size() / 0.8)
        self.resize(
            min(hint.width() + 40, int(screen.width() * 0.8)),
            min(hint.height() + 120, int(screen.height() * 0.8)),
        )
