"""The Curves tab: the training loss and the accuracies of a run as it goes, on a bounded
number of points however long the run."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from lenet_desktop.training.config import RECENT_STEPS

CURVE_POINTS = 1000  # points per run in the live curves, however long the run


class Curves(QWidget):
    """The loss (within epochs) and the training and test accuracies. ``points`` holds what
    is drawn: ``x``/``loss``/``train`` every ``stride`` steps, ``test_x``/``test`` per epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setBackground(None)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setBackground(None)
        self.acc_plot.setYRange(0, 1)
        self.train_acc_curve = self.acc_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.test_acc_curve = self.acc_plot.plot(
            pen=pg.mkPen((230, 120, 30), width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=(230, 120, 30),
        )
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumSize(160, 120)
            layout.addWidget(plot)
        self.points: dict[str, list] = {}
        self.stride = 1
        self._last_plot = 0.0
        self.reset()

    def retranslate(self) -> None:
        self.loss_plot.setTitle(
            self.tr("Training loss (average of the last {0} steps)").format(RECENT_STEPS)
        )
        self.acc_plot.setTitle(self.tr("Accuracy (blue: training, orange: test)"))

    def reset(self) -> None:
        """A new run: empty curves."""
        self.points = {"x": [], "loss": [], "train": [], "test_x": [], "test": []}
        self.stride = 1
        for curve in (self.loss_curve, self.train_acc_curve, self.test_acc_curve):
            curve.setData([], [])

    def add(self, progress) -> None:
        """A step's (every ``stride``-th) or an epoch's Progress; redrawn five times a second
        and after every epoch."""
        total = progress.epochs * progress.steps
        done = (progress.epoch - 1) * progress.steps + progress.step
        self.stride = max(1, -(-total // CURVE_POINTS))  # ceil: never more than the limit
        points = self.points
        if progress.phase == "epoch":
            points["test_x"].append(float(progress.epoch))
            points["test"].append(progress.test_accuracy)
        elif done % self.stride == 0:
            points["x"].append(progress.epoch - 1 + progress.step / progress.steps)
            recent = progress.recent_loss is not None
            points["loss"].append(progress.recent_loss if recent else progress.loss)
            points["train"].append(progress.recent_accuracy if recent else progress.accuracy)
        now = time.perf_counter()
        if progress.phase == "epoch" or now - self._last_plot > 0.2:
            self._last_plot = now
            self.loss_curve.setData(points["x"], points["loss"])
            self.train_acc_curve.setData(points["x"], points["train"])
            self.test_acc_curve.setData(points["test_x"], points["test"])
