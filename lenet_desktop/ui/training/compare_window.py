"""Kept runs compared, in a window of their own sized for it (the docked Runs tab keeps the
list): the loss along every run (per step, so a one-epoch run is a curve too) and the test
accuracy per epoch, each chart titled and its legend the runs' names; a table of their final
figures; and, side by side, each run's confusion matrix and first-layer kernels under its name.
The chart (PNG/SVG) and the table (CSV) can be exported."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.training.run_record import Run, comparison_csv
from lenet_desktop.ui.tools.export import export_dialog
from lenet_desktop.ui.translation import Retranslating
from lenet_desktop.ui.widgets.confusion import ConfusionTable
from lenet_desktop.ui.widgets.emphasis import emphasise
from lenet_desktop.ui.widgets.heatmaps import Band, MosaicView

# Distinct colours for up to eight runs (then they repeat), readable on light and dark.
COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127)]  # fmt: skip
SIDE_BY_SIDE = 4  # runs whose matrices and kernels are shown (the first ticked)
KERNEL_ZOOM = 1.8  # first-layer kernels at about 45 px a tile


def loss_points(run: Run) -> tuple[list[float], list[float]]:
    """The run's loss curve: per step when it was kept (newer runs), else per epoch."""
    if run.curve:
        return [x for x, _ in run.curve], [y for _, y in run.curve]
    return [float(h["epoch"]) for h in run.history], [h["loss"] for h in run.history]


class RunColumn(QWidget):
    """One run: its name, its confusion matrix and its first-layer kernels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        emphasise(self.title, bold=True)
        self.matrix = ConfusionTable()
        self.matrix.setMinimumSize(300, 240)
        self.kernels = MosaicView()
        self.kernels.set_zoom(KERNEL_ZOOM)
        layout.addWidget(self.title)
        layout.addWidget(self.kernels)  # a line of tiles: first, where it is always seen
        layout.addWidget(self.matrix, 1)

    def show_run(self, run: Run, colour, kernels: np.ndarray | None, title: str) -> None:
        r, g, b = colour
        self.title.setText(f"<span style='color: rgb({r},{g},{b})'>■</span> {run.name}")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.matrix.show_matrix(run.confusion, run.classes)
        if kernels is None:
            self.kernels.set_bands([])
            return
        flat = kernels.reshape(-1, *kernels.shape[2:])
        self.kernels.set_bands([Band("c1", title, flat.shape)])
        self.kernels.set_values({"c1": [flat]})


class CompareWindow(Retranslating, QWidget):
    """``show_runs(runs, kernels)``: the runs compared; ``problem(text)`` for a failed export."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("CompareWindow")
        self.runs: list[Run] = []
        self.kernels: list[np.ndarray | None] = []
        self.chart = QWidget()
        chart_layout = QHBoxLayout(self.chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot, self.acc_plot = pg.PlotWidget(), pg.PlotWidget()
        # the legends where the curves are not: the loss falls (top right is free), the
        # accuracy rises (bottom right is)
        for plot, corner in ((self.loss_plot, (-10, 10)), (self.acc_plot, (-10, -10))):
            plot.setBackground(None)
            plot.setMinimumSize(280, 200)
            plot.addLegend(offset=corner)
            plot.getAxis("left").enableAutoSIPrefix(False)
            plot.showGrid(x=True, y=True, alpha=0.2)
            chart_layout.addWidget(plot)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns = [RunColumn() for _ in range(SIDE_BY_SIDE)]
        pair = QWidget()
        pair_layout = QHBoxLayout(pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        for column in self.columns:
            pair_layout.addWidget(column, 1)
        self.pair = QScrollArea()
        self.pair.setWidgetResizable(True)
        self.pair.setWidget(pair)
        self.chart_button, self.csv_button = QPushButton(), QPushButton()
        self.chart_button.clicked.connect(lambda: export_dialog(self, self.chart))
        self.csv_button.clicked.connect(self.export_csv_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.chart_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.pair)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare Runs"))
        self.loss_plot.setTitle(self.tr("Training loss along the run"))
        self.acc_plot.setTitle(self.tr("Test accuracy after each epoch (%)"))
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.acc_plot.setLabel("left", self.tr("test accuracy (%)"))
        for plot in (self.loss_plot, self.acc_plot):
            plot.setLabel("bottom", self.tr("epoch"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Run"), self.tr("Dataset"), self.tr("Parameters"), self.tr("Epochs"),
             self.tr("Test accuracy"), self.tr("Time")]
        )  # fmt: skip
        self.chart_button.setText(self.tr("Export Chart…"))
        self.csv_button.setText(self.tr("Export Table (CSV)…"))
        if self.runs:
            self.show_runs(self.runs, self.kernels)

    def fit_to_screen(self) -> None:
        """As large as the comparison wants, within the screen it opens on."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1200, 820
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def show_runs(self, runs: list[Run], kernels: list[np.ndarray | None]) -> None:
        """Compare ``runs``; ``kernels`` are their first-layer weights (None: none to show)."""
        self.runs, self.kernels = list(runs), list(kernels)
        names = " · ".join(run.name for run in runs[:3]) + (" …" if len(runs) > 3 else "")
        self.setWindowTitle(self.tr("Compare Runs — {0}").format(names))
        for plot in (self.loss_plot, self.acc_plot):
            plot.clear()
        for n, run in enumerate(runs):
            colour = COLOURS[n % len(COLOURS)]
            pen = pg.mkPen(colour, width=2)
            xs, ys = loss_points(run)
            self.loss_plot.plot(xs, ys, pen=pen, name=run.name)
            self.acc_plot.plot(
                [h["epoch"] for h in run.history],
                [100 * h["test_accuracy"] for h in run.history],
                pen=pen,
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                name=run.name,
            )
        self.table.setRowCount(len(runs))
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.verticalHeader().defaultSectionSize() * min(len(runs), 4)
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)
        for row, run in enumerate(runs):
            cells = [run.name, run.dataset, f"{run.parameters:,}", str(run.epochs),
                     f"{100 * run.accuracy:.2f} %", f"{run.seconds:.0f} s"]  # fmt: skip
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        for n, column in enumerate(self.columns):
            column.setVisible(n < len(runs))
            if n < len(runs):
                weights = kernels[n] if n < len(kernels) else None
                size = weights.shape[-1] if weights is not None else 0
                column.show_run(
                    runs[n],
                    COLOURS[n % len(COLOURS)],
                    weights,
                    self.tr("C1 kernels, {0}×{0} weights each · {1}").format(size, runs[n].name),
                )

    def export_csv_dialog(self) -> None:
        export_csv_dialog(self, self.tr("Export Table"), self.runs, self.problem)


def export_csv(runs: list[Run], path: str | Path) -> Path:
    """The runs' comparison table as CSV at ``path`` (OSError if it cannot be written)."""
    path = Path(path)
    path.write_text(comparison_csv(runs), encoding="utf-8")
    return path


def export_csv_dialog(parent: QWidget, title: str, runs: list[Run], problem) -> None:
    """Ask where, then write the runs' table; ``problem`` (a signal) says why it failed."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / "lenet-runs.csv"), "CSV (*.csv)"
    )
    if path:
        try:
            export_csv(runs, path)
        except OSError as exc:
            problem.emit(str(exc))
