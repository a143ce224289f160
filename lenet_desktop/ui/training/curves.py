"""The Curves tab, a view of the training session: the training loss and the accuracies of a
run as it goes, on a bounded number of points however long the run; while the learner steps
through a run's epochs, that run's curves with the epoch shown marked."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from lenet_desktop.training.config import RECENT_STEPS
from lenet_desktop.training.session import RunState, TrainingSession
from lenet_desktop.ui.follow import follow

CURVE_POINTS = 1000  # points per run in the live curves, however long the run


class Curves(QWidget):
    """The loss (within epochs) and the training and test accuracies. ``points`` holds what
    is drawn: ``x``/``loss``/``train`` every ``stride`` steps, ``test_x``/``test`` per epoch."""

    def __init__(self, training: TrainingSession | None = None, parent: QWidget | None = None):
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
        self.marks = []
        for plot in (self.loss_plot, self.acc_plot):
            mark = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((200, 40, 40), width=2))
            mark.setVisible(False)
            plot.addItem(mark, ignoreBounds=True)
            self.marks.append(mark)
        self.points: dict[str, list] = {}
        self.stride = 1
        self._last_plot = 0.0
        self.run_id: str | None = None  # the kept run whose curves are drawn (None: the live run)
        self.reset()
        if training is not None:
            follow(self, training.progressed, self.add)
            follow(self, training.state_changed, self._state_changed)
            follow(self, training.epoch_shown, self._epoch_shown)
            self.training = training

    def _state_changed(self, state: RunState) -> None:
        if state is RunState.PREPARING:
            self.reset()
        elif state is RunState.FINISHED:
            outcome = self.training.outcome
            self.run_id = outcome.run.id if outcome is not None and outcome.run else None

    def _epoch_shown(self, run, epoch) -> None:
        if run is not None and run.id != self.run_id:
            self.show_run(run)
        self.mark(epoch)

    def mark(self, epoch: int | None) -> None:
        """A red line at ``epoch`` (epochs done) on both charts; None: none."""
        for mark in self.marks:
            mark.setVisible(epoch is not None)
            if epoch is not None:
                mark.setValue(float(epoch))

    def show_run(self, run) -> None:
        """A kept run's curves, from its record: its loss curve, and each epoch's training and
        test accuracy."""
        self.reset()
        self.run_id = run.id
        points = self.points
        points["x"] = [float(x) for x, _ in run.curve]
        points["loss"] = [float(y) for _, y in run.curve]
        epochs = [float(h.get("epoch", i + 1)) for i, h in enumerate(run.history)]
        self.loss_curve.setData(points["x"], points["loss"])
        self.train_acc_curve.setData(epochs, [h.get("train_accuracy", 0.0) for h in run.history])
        self.test_acc_curve.setData(epochs, [h.get("test_accuracy", 0.0) for h in run.history])

    def retranslate(self) -> None:
        self.loss_plot.setTitle(
            self.tr("Training loss (average of the last {0} steps)").format(RECENT_STEPS)
        )
        self.acc_plot.setTitle(self.tr("Accuracy (blue: training, orange: test)"))

    def reset(self) -> None:
        """A new run: empty curves."""
        self.points = {"x": [], "loss": [], "train": [], "test_x": [], "test": []}
        self.stride = 1
        self.run_id = None
        self.mark(None)
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
