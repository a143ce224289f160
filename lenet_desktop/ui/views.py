"""Read-only views of one prediction: the 28×28 input, the class probabilities, and the
architecture table. Each takes values and draws them; none reaches back into the model."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
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
        self._grid_pixmap: QPixmap | None = None

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
            painter.setPen(QPen(QColor(60, 60, 60), 1))
            for i in range(29):
                painter.drawLine(
                    area.left() + i * cell, area.top(), area.left() + i * cell, area.bottom()
                )
                painter.drawLine(
                    area.left(), area.top() + i * cell, area.right(), area.top() + i * cell
                )
        painter.end()


class ProbabilityChart(pg.PlotWidget):
    """Horizontal bars, one per class, with percentages; the top class highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(None)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.getPlotItem().invertY(True)
        self.setXRange(0, 1.18, padding=0)
        self.getAxis("bottom").setTicks([[(v, f"{int(v * 100)} %") for v in (0, 0.5, 1)]])
        self.classes: tuple[str, ...] = ()
        self.values = np.zeros(0)
        self._bars: pg.BarGraphItem | None = None
        self._texts: list[pg.TextItem] = []

    def set_classes(self, classes: tuple[str, ...]) -> None:
        self.clear()
        self.classes = tuple(classes)
        n = len(classes)
        self.values = np.zeros(n)
        self._bars = pg.BarGraphItem(
            x0=0,
            y=np.arange(n),
            height=0.7,
            width=np.zeros(n),
            brushes=[OTHERS] * n,
            pens=[pg.mkPen(None)] * n,
        )
        self.addItem(self._bars)
        self._texts = []
        for i in range(n):
            text = pg.TextItem("", anchor=(0, 0.5))
            text.setPos(0, i)
            self.addItem(text)
            self._texts.append(text)
        self.getAxis("left").setTicks([list(enumerate(classes))])
        self.setYRange(-0.5, n - 0.5, padding=0.02)

    def show_probabilities(self, probabilities: np.ndarray | None) -> None:
        """``(num_classes,)`` summing to 1, or None to clear."""
        n = len(self.classes)
        values = np.zeros(n) if probabilities is None else np.asarray(probabilities, float)
        self.values = values
        top = int(values.argmax()) if probabilities is not None else -1
        brushes = [TOP if i == top else OTHERS for i in range(n)]
        self._bars.setOpts(width=values, brushes=brushes)
        for i, text in enumerate(self._texts):
            text.setText("" if probabilities is None else f"{100 * values[i]:.1f} %")
            text.setPos(values[i] + 0.01, i)


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
