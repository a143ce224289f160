"""Read-only views of one prediction: the 28×28 input, the class probabilities, and the
architecture table. Each takes values and draws them; none reaches back into the model."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLine, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from ..layer_table import LayerRow, shape_text

TOP = QColor(230, 120, 30)
OTHERS = QColor(70, 130, 200)


class InputView(QWidget):
    """The 28×28 image the network sees, enlarged, with a grid so every pixel shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(28 * 5, 28 * 5)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._image = QImage(28, 28, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self.pixels = np.zeros((28, 28), dtype=np.uint8)
        self._grid: tuple[QRect | None, list[QLine]] = (None, [])

    def show_image(self, image: np.ndarray) -> None:
        """``(28, 28)`` float in [0, 1], light ink on dark."""
        self.pixels = np.ascontiguousarray((np.clip(image, 0, 1) * 255).round().astype(np.uint8))
        self._image = QImage(self.pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.update()

    def heightForWidth(self, width: int) -> int:
        return width

    def hasHeightForWidth(self) -> bool:
        return True

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height()) // 28 * 28
        area = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        painter = QPainter(self)
        painter.drawImage(area, self._image)  # nearest-neighbour: pixels stay square
        cell = side // 28
        if cell >= 4:
            if self._grid[0] != area:  # the 58 grid lines, made once per size
                x0, y0 = area.left(), area.top()
                lines = [QLine(x0 + i * cell, y0, x0 + i * cell, area.bottom()) for i in range(29)]
                lines += [QLine(x0, y0 + i * cell, area.right(), y0 + i * cell) for i in range(29)]
                self._grid = (area, lines)
            painter.setPen(QPen(QColor(60, 60, 60), 1))
            painter.drawLines(self._grid[1])
        painter.end()


class ProbabilityChart(QWidget):
    """Horizontal bars, one per class, with the class name and percentage; the top class
    highlighted. Painted directly: an update costs a fraction of a millisecond."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.classes: tuple[str, ...] = ()
        self.values = np.zeros(0)
        self._top = -1
        self._shown = False

    def set_classes(self, classes: tuple[str, ...]) -> None:
        self.classes = tuple(classes)
        self.values = np.zeros(len(classes))
        self._top, self._shown = -1, False
        self.update()

    def show_probabilities(self, probabilities: np.ndarray | None) -> None:
        """``(num_classes,)`` summing to 1, or None to clear."""
        n = len(self.classes)
        self._shown = probabilities is not None
        self.values = np.zeros(n) if probabilities is None else np.asarray(probabilities, float)
        self._top = int(self.values.argmax()) if self._shown and n else -1
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 24 * max(len(self.classes), 10))

    def paintEvent(self, event) -> None:
        n = len(self.classes)
        if not n:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        metrics = painter.fontMetrics()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        name_width = max(metrics.horizontalAdvance(name) for name in self.classes) + 8
        percent_width = metrics.horizontalAdvance("100.0 %") + 6
        bar_left = name_width
        bar_span = max(10, self.width() - bar_left - percent_width)
        row = self.height() / n
        bar_height = max(2.0, row * 0.7)
        for i, (name, value) in enumerate(zip(self.classes, self.values, strict=True)):
            top = i * row
            centre = QRectF(0, top, name_width - 6, row)
            painter.setPen(text_colour)
            painter.drawText(centre, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             name)  # fmt: skip
            width = float(value) * bar_span
            if width > 0:
                painter.fillRect(
                    QRectF(bar_left, top + (row - bar_height) / 2, width, bar_height),
                    TOP if i == self._top else OTHERS,
                )
            if self._shown:
                painter.drawText(
                    QRectF(bar_left + width + 4, top, percent_width + 4, row),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    f"{100 * float(value):.1f} %",
                )
        painter.end()


class ArchitectureTable(QTableWidget):
    """What ``lenet-desktop info`` prints: per layer its type, output shape, parameters and the
    output-size formula with the numbers filled in."""

    HEADERS = ("Layer", "Type", "Output shape", "Parameters", "Size ⌊(n − k + 2p + s) / s⌋")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)

    def set_headers(self, headers: list[str]) -> None:
        self.setHorizontalHeaderLabels(headers)

    def show_rows(self, rows: list[LayerRow], total: int, total_label: str) -> None:
        self.setRowCount(len(rows) + 1)
        for r, row in enumerate(rows + [None]):
            cells = (
                (
                    row.name,
                    row.type,
                    shape_text(row.output_shape),
                    str(row.parameters),
                    row.formula or "",
                )
                if row is not None
                else (total_label, "", "", str(total), "")
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
