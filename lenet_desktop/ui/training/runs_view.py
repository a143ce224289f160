"""Kept runs, compared: the list of every finished run (kept across restarts), the ticked runs'
loss and test-accuracy curves overlaid on one chart with their names as the legend, a table of
their final figures, and for two ticked runs their confusion matrices and first-layer kernels
side by side. Rename a run by editing its name; open its model in the main view; delete it;
export the chart (PNG/SVG) and the table (CSV)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.training.runs import (
    DamagedRun,
    Run,
    RunError,
    RunStore,
    comparison_csv,
)
from lenet_desktop.ui.tools.export import export_dialog
from lenet_desktop.ui.translation import Retranslating, error_text
from lenet_desktop.ui.widgets.confusion import ConfusionTable
from lenet_desktop.ui.widgets.heatmaps import Band, MosaicView

# Distinct colours for up to eight runs (then they repeat), readable on light and dark.
COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
           (140, 86, 75), (227, 119, 194), (127, 127, 127)]  # fmt: skip


class RunsView(Retranslating, QWidget):
    """``open_run(bundle)`` asks for a run's model to be put in use; ``problem(text)`` says what
    went wrong (a damaged run, a folder that cannot be written)."""

    open_run = Signal(object)
    problem = Signal(str)

    def __init__(self, store: RunStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store or RunStore()
        self.store.clean()  # what an interrupted save left, at start-up
        self.runs: list[Run] = []
        self.damaged: list[DamagedRun] = []
        self._filling = False
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.open_button, self.delete_button = QPushButton(), QPushButton()
        self.chart_button, self.csv_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_ticked)
        self.chart_button.clicked.connect(self.export_chart_dialog)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.delete_button, self.chart_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.chart = QWidget()
        chart_layout = QHBoxLayout(self.chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot, self.acc_plot = pg.PlotWidget(), pg.PlotWidget()
        for plot in (self.loss_plot, self.acc_plot):
            plot.setBackground(None)
            plot.setMinimumSize(160, 120)
            plot.addLegend(offset=(-10, 10))
            plot.getAxis("left").enableAutoSIPrefix(False)
            chart_layout.addWidget(plot)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.pair = QWidget()  # two runs side by side
        pair_layout = QHBoxLayout(self.pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        self.pair_matrices = [ConfusionTable(), ConfusionTable()]
        self.pair_kernels = MosaicView()
        for matrix in self.pair_matrices:
            matrix.setMinimumSize(240, 160)
            pair_layout.addWidget(matrix, 2)
        pair_layout.addWidget(self.pair_kernels, 1)
        self.pair.hide()

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        split.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.hint)
        bottom_layout.addWidget(self.chart, 2)
        bottom_layout.addWidget(self.pair, 2)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.retranslate()
        self.refresh()

    # -- the list ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Run (double-click to rename)"), self.tr("Dataset"), self.tr("Architecture"),
             self.tr("Parameters"), self.tr("Epochs"), self.tr("Test accuracy"),
             self.tr("Time")]
        )  # fmt: skip
        self.open_button.setText(self.tr("Open Model"))
        self.delete_button.setText(self.tr("Delete Ticked"))
        self.chart_button.setText(self.tr("Export Chart…"))
        self.csv_button.setText(self.tr("Export Table (CSV)…"))
        self.hint.setText(
            self.tr(
                "Tick runs to compare them: loss (left) and test accuracy (right) per epoch. "
                "Tick two to see their confusion matrices and C1 kernels side by side."
            )
        )
        self.loss_plot.setLabel("left", self.tr("training loss"))
        self.acc_plot.setLabel("left", self.tr("test accuracy (%)"))
        for plot in (self.loss_plot, self.acc_plot):
            plot.setLabel("bottom", self.tr("epoch"))

    def refresh(self, tick: str | None = None) -> None:
        """Read the runs again; ``tick`` a run id to tick (a run just finished)."""
        ticked = set(self.ticked_ids()) | ({tick} if tick else set())
        self.runs, self.damaged = self.store.scan()
        self._filling = True
        self.table.setRowCount(len(self.runs) + len(self.damaged))
        for row, run in enumerate(self.runs):
            name = QTableWidgetItem(run.name)
            name.setFlags(
                name.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            )
            name.setCheckState(
                Qt.CheckState.Checked if run.id in ticked else Qt.CheckState.Unchecked
            )
            name.setData(Qt.ItemDataRole.UserRole, run.id)
            name.setToolTip(run.created)
            cells = [run.dataset, run.architecture, f"{run.parameters:,}", str(run.epochs),
                     f"{100 * run.accuracy:.2f} %", f"{run.seconds:.0f} s"]  # fmt: skip
            self.table.setItem(row, 0, name)
            for col, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row, bad in enumerate(self.damaged, start=len(self.runs)):
            # listed greyed with the reason; it can be ticked to be deleted, nothing else
            cells = [self.tr("{0} (damaged)").format(bad.shown_id), bad.reason]
            cells += ["—"] * (self.table.columnCount() - 2)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(grey)
                item.setToolTip(bad.reason)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if col == 0:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Checked if bad.id in ticked else Qt.CheckState.Unchecked
                    )
                    item.setData(Qt.ItemDataRole.UserRole, bad.id)
                item.setFlags(flags)
                self.table.setItem(row, col, item)
        self._filling = False
        self.compare()

    def keep(self, result) -> tuple[bool, str]:
        """Keep a finished run (its record and weights) and tick it: whether it was kept, and
        the line that says so (or why not)."""
        try:
            run = self.store.save(result)
        except RunError as exc:
            return False, self.tr("The run was not kept: {0}").format(error_text(exc))
        self.refresh(tick=run.id)
        return True, self.tr("Kept as run “{0}” (Runs tab).").format(run.name)

    def ticked_ids(self) -> list[str]:
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def export_chart_dialog(self) -> None:
        export_dialog(self, self.chart)

    def tick(self, run_ids: list[str]) -> None:
        self._filling = True
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is None:
                continue
            wanted = item.data(Qt.ItemDataRole.UserRole) in run_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._filling = False
        self.compare()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        run_id = item.data(Qt.ItemDataRole.UserRole)
        run = next((r for r in self.runs if r.id == run_id), None)
        if run is not None and item.text() != run.name:
            try:
                self.store.rename(run_id, item.text())
            except RunError as exc:
                self.problem.emit(error_text(exc))
            self.refresh()
            return
        self.compare()

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(len(self._selected_rows()) == 1)

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectedIndexes()})

    # -- actions -------------------------------------------------------------------------------
    def open_selected(self) -> None:
        rows = (
            self._selected_rows()
            or [i for i, r in enumerate(self.runs) if r.id in self.ticked_ids()][:1]
        )
        if not rows or rows[0] >= len(self.runs):  # nothing, or a damaged run: no model to open
            return
        run = self.runs[rows[0]]
        from lenet_desktop.files.model_files import ModelFileError

        try:
            bundle = self.store.load_model(run.id)
        except (RunError, ModelFileError) as exc:
            self.problem.emit(error_text(exc))
            return
        self.open_run.emit(bundle)

    def delete_ticked(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        ids = self.ticked_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete Runs"),
            self.tr("Delete {0} ticked run(s) and their models?").format(len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete(ids)

    def delete(self, run_ids: list[str]) -> None:
        for run_id in run_ids:
            try:
                self.store.delete(run_id)
            except (RunError, OSError) as exc:
                self.problem.emit(error_text(exc) if isinstance(exc, RunError) else str(exc))
        self.refresh()

    def export_csv(self, path: str | Path) -> Path:
        """The ticked runs' table (every run when none is ticked) as CSV."""
        ticked = set(self.ticked_ids())
        runs = [r for r in self.runs if r.id in ticked] or self.runs
        path = Path(path)
        path.write_text(comparison_csv(runs), encoding="utf-8")
        return path

    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Table"), str(Path.home() / "lenet-runs.csv"), "CSV (*.csv)"
        )
        if path:
            try:
                self.export_csv(path)
            except OSError as exc:
                self.problem.emit(str(exc))

    # -- the comparison ------------------------------------------------------------------------
    def compared(self) -> list[Run]:
        ticked = set(self.ticked_ids())
        return [r for r in self.runs if r.id in ticked]

    def compare(self) -> None:
        runs = self.compared()
        for plot in (self.loss_plot, self.acc_plot):
            plot.clear()
        for n, run in enumerate(runs):
            pen = pg.mkPen(COLOURS[n % len(COLOURS)], width=2)
            epochs = [h["epoch"] for h in run.history]
            self.loss_plot.plot(epochs, [h["loss"] for h in run.history], pen=pen, name=run.name)
            self.acc_plot.plot(
                epochs,
                [100 * h["test_accuracy"] for h in run.history],
                pen=pen,
                symbol="o",
                symbolSize=5,
                symbolBrush=COLOURS[n % len(COLOURS)],
                name=run.name,
            )
        self._show_pair(runs if len(runs) == 2 else [])

    def _show_pair(self, runs: list[Run]) -> None:
        self.pair.setVisible(bool(runs))
        if not runs:
            return
        bands: list[Band] = []
        values: dict[str, list[np.ndarray | None]] = {}
        for n, (run, matrix) in enumerate(zip(runs, self.pair_matrices, strict=True)):
            matrix.show_matrix(run.confusion, run.classes)
            kernels = self._first_kernels(run)
            if kernels is not None:
                key = f"run{n}"
                out_maps, in_maps = kernels.shape[:2]
                title = self.tr("{0} · C1 kernels").format(run.name)
                bands.append(Band(key, title, (out_maps * in_maps, *kernels.shape[2:])))
                values[key] = [kernels.reshape(-1, *kernels.shape[2:])]
        self.pair_kernels.set_bands(bands)
        self.pair_kernels.set_values(values)

    def _first_kernels(self, run: Run) -> np.ndarray | None:
        from lenet_desktop.analysis.anatomy import kernels_of
        from lenet_desktop.files.model_files import ModelFileError

        try:
            bundle = self.store.load_model(run.id)
        except (RunError, ModelFileError):
            return None
        kernels = kernels_of(bundle.network)
        return kernels[0].weights if kernels else None
