"""The reliability diagram of a finished run: how often the model is right at each confidence,
against the diagonal of honest probabilities."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


class ReliabilityPlot(pg.PlotWidget):
    """Each confidence bin's accuracy as a bar, 0–1 on both axes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(None)
        self.setMinimumSize(180, 180)
        # both axes 0–1 whatever the widget's shape (a locked aspect showed −1…2 when wide)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setXRange(0, 1, padding=0.02)
        self.setYRange(0, 1, padding=0.02)

    def retranslate(self) -> None:
        self.setLabel("bottom", self.tr("confidence"))
        self.setLabel("left", self.tr("accuracy"))

    def show_report(self, report) -> None:
        """A calibration report's bins (None: an empty plot, no title)."""
        self.clear()
        if report is None:
            self.setToolTip("")
            self.setTitle("")
            return
        self.plot(
            [0, 1], [0, 1], pen=pg.mkPen((150, 150, 150), width=1, style=Qt.PenStyle.DashLine)
        )
        filled = [b for b in report.bins if b.count]
        most = max((b.count for b in filled), default=1)
        # a bar of few images is pale: its height says little (log scale, the top bin holds most)
        brushes = [
            pg.mkBrush(31, 119, 180, int(40 + 160 * np.log1p(b.count) / np.log1p(most)))
            for b in filled
        ]
        self.addItem(
            pg.BarGraphItem(
                x0=[b.low for b in filled],
                x1=[b.high for b in filled],
                y0=0,
                y1=[b.accuracy for b in filled],
                brushes=brushes,
                pen=(31, 119, 180),
            )
        )
        self.setToolTip(
            "\n".join(
                self.tr("confidence {0:.2f}–{1:.2f}: {2} images, accuracy {3:.1f} %").format(
                    b.low, b.high, b.count, 100 * b.accuracy
                )
                for b in filled
            )
        )
        self.setTitle(
            self.tr("Reliability: ECE {0:.2f} % at temperature {1:.3g}").format(
                100 * report.ece, report.temperature
            ),
            size="9pt",  # a long line, in a plot a third of a small window wide
        )
