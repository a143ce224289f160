"""The confusion matrix as a table a learner can read: full class names on both axes, every
count in its cell, each row shaded by the share of that true class, text in black or white
whichever reads on the shade."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from lenet_desktop.ui.translation import class_names
from lenet_desktop.ui.widgets.colours import LUT, text_colour


class ConfusionTable(QTableWidget):
    """Rows: true class; columns: predicted class."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(36)
        self.verticalHeader().setMinimumSectionSize(18)
        self.counts = np.zeros((0, 0), dtype=int)
        self.raw_classes: tuple[str, ...] = ()

    def show_matrix(self, confusion, classes: tuple[str, ...]) -> None:
        self.counts = np.asarray(confusion, dtype=int)
        self.raw_classes = tuple(classes)
        n = len(classes)
        self.setRowCount(n)
        self.setColumnCount(n)
        self.retranslate()
        rows = self.counts.sum(1, keepdims=True).clip(min=1)
        share = self.counts / rows
        for t in range(n):
            for p in range(n):
                count = int(self.counts[t, p])
                item = QTableWidgetItem(str(count) if count else "")
                colour = LUT[int(round(share[t, p] * 255))]
                item.setBackground(QBrush(QColor(*(int(c) for c in colour[:3]))))
                item.setForeground(QBrush(text_colour(colour)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                names = class_names(self.raw_classes)
                item.setToolTip(
                    self.tr(
                        "{0} images of {1} were predicted as {2} ({3:.1f} % of that class)"
                    ).format(count, names[t], names[p], 100 * share[t, p])
                )
                self.setItem(t, p, item)

    def clear_matrix(self) -> None:
        self.counts = np.zeros((0, 0), dtype=int)
        self.setRowCount(0)
        self.setColumnCount(0)

    def retranslate(self) -> None:
        names = class_names(self.raw_classes)
        self.setHorizontalHeaderLabels([self.tr("→ {0}").format(n) for n in names])
        self.setVerticalHeaderLabels(list(names))
        self.setToolTip(self.tr("Rows: true class · columns: predicted class"))
