"""One map, kernel or vector enlarged: every value written in its cell, rows and columns
numbered, each cell coloured on the map's own scale with its text in black or white, whichever
reads on that colour. Any size: a large map scrolls rather than squeezes its numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.ui.widgets.colours import LUT, colour_index, text_colour
from lenet_desktop.ui.widgets.number_sheet import signed


class MapDialog(QDialog):
    """``values``: ``(H, W)`` (a map or a kernel) or ``(F,)`` (a vector, shown as one column)."""

    def __init__(self, title: str, values: np.ndarray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        grid = np.asarray(values, dtype=np.float32)
        vector = grid.ndim == 1
        if vector:
            grid = grid.reshape(-1, 1)
        self.values = grid
        height, width = grid.shape
        low, high = float(grid.min()), float(grid.max())
        levels = (low, high if high > low else low + 1e-6)
        colours = LUT[colour_index(grid, levels)]
        self.table = QTableWidget(height, width)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        for y in range(height):
            for x in range(width):
                item = QTableWidgetItem(signed(float(grid[y, x]), 2))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setFont(small)
                colour = colours[y, x]
                item.setBackground(QBrush(QColor(int(colour[0]), int(colour[1]), int(colour[2]))))
                item.setForeground(QBrush(text_colour(colour)))
                item.setToolTip(f"{grid[y, x]:.6f}")
                self.table.setItem(y, x, item)
        cell = self.table.fontMetrics().horizontalAdvance("−0.00") + 10
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(10)
        self.table.horizontalHeader().setDefaultSectionSize(cell if not vector else cell + 20)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        if vector:
            self.table.setHorizontalHeaderLabels([self.tr("value")])
            self.table.setVerticalHeaderLabels(
                [self.tr("unit {0}").format(i) for i in range(height)]
            )
        else:
            self.table.setHorizontalHeaderLabels([str(x) for x in range(width)])
            self.table.setVerticalHeaderLabels([str(y) for y in range(height)])
        axes = QLabel(self.tr("one value per unit") if vector else self.tr("rows ↓ · columns →"))
        summary = QLabel(
            self.tr("{0} · min {1:.4f} · max {2:.4f} · mean {3:.4f}").format(
                f"{height}" if vector else f"{height}×{width}", low, high, float(grid.mean())
            )
        )
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(axes)
        layout.addWidget(self.table, 1)
        layout.addWidget(summary)
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        window = parent.window() if parent is not None else None
        if window is not None and window.isVisible():  # never wider or taller than the window
            # it belongs to, on a laptop's screen above all
            screen = screen.boundedTo(window.size() / 0.8)
        wanted = QSize(
            self.table.verticalHeader().width() + (cell if not vector else cell + 20) * width + 60,
            self.table.horizontalHeader().height()
            + self.table.verticalHeader().defaultSectionSize() * height
            + 110,
        )
        self.resize(
            min(wanted.width(), int(screen.width() * 0.8)),
            min(wanted.height(), int(screen.height() * 0.8)),
        )
