"""Kept runs: the list of every finished run (kept across restarts) with what it changed, its
recipe, accuracy and time, and what went wrong with it; the ticked runs compared in a window of
their own (:mod:`compare_window`: curves, final figures, confusion matrices and first-layer
kernels side by side). Rename a run by editing its name; open its model in the main view; step
through the selected run's epochs (:mod:`epochs`); delete it; export the table (CSV). A view of
the training session, which reads, renames and deletes the runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.training.run_record import DamagedRun, Run
from lenet_desktop.training.runs import RunError
from lenet_desktop.training.session import RunState, TrainingSession
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.training.compare_window import (
    CompareWindow,
    export_csv,
    export_csv_dialog,
)
from lenet_desktop.ui.training.epochs import EpochStepper
from lenet_desktop.ui.translation import Retranslating, error_text, translate

DIAGNOSES = {
    "chance": QT_TRANSLATE_NOOP("RunsView", "at chance"),
    "overfit": QT_TRANSLATE_NOOP("RunsView", "overfits"),
    "diverged": QT_TRANSLATE_NOOP("RunsView", "diverged"),
}


class RunsView(Retranslating, QWidget):
    """``problem(text)`` says what went wrong (a damaged run, a folder that cannot be
    written)."""

    problem = Signal(str)

    def __init__(self, training: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.store = training.store
        self.store.clean()  # what an interrupted save left, at start-up
        self.runs: list[Run] = []
        self.damaged: list[DamagedRun] = []
        self._filling = False
        self.table = QTableWidget(0, 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # The names keep their width whatever a record holds (set in refresh()); the figures
        # fit their contents; the Note column takes what is left, its text elided, and a
        # table too narrow for all of it scrolls.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.compare_button, self.open_button = QPushButton(), QPushButton()
        self.delete_button, self.csv_button = QPushButton(), QPushButton()
        self.compare_button.clicked.connect(self.open_comparison)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_ticked)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        buttons = QHBoxLayout()
        for button in (self.compare_button, self.open_button, self.delete_button,
                       self.csv_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.comparison: CompareWindow | None = None

        self.epochs = EpochStepper(training)
        self.epochs.problem.connect(self.problem)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.epochs)
        layout.addLayout(buttons)
        follow(self, training.runs_changed, self._fill)
        follow(self, training.state_changed, self._state_changed)
        self.retranslate()
        self.refresh()

    # -- the list ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Run (double-click to rename)"), self.tr("Dataset"), self.tr("Architecture"),
             self.tr("Recipe"), self.tr("Epochs"), self.tr("Test accuracy"), self.tr("Time"),
             self.tr("Note")]
        )  # fmt: skip
        self.compare_button.setText(self.tr("Compare Ticked…"))
        self.open_button.setText(self.tr("Open Model"))
        self.delete_button.setText(self.tr("Delete Ticked"))
        self.csv_button.setText(self.tr("Export Table (CSV)…"))
        self.hint.setText(
            self.tr(
                "Every finished run, named by what it changed. Tick runs and press Compare to "
                "see their curves, confusion matrices and C1 kernels side by side."
            )
        )
        self.epochs.retranslate()
        if self.runs or self.damaged:
            self._fill()

    def refresh(self) -> None:
        """Read the runs again."""
        self.training.refresh_runs()

    def _state_changed(self, state: RunState) -> None:
        outcome = self.training.outcome
        if state is RunState.FINISHED and outcome is not None and outcome.run is not None:
            self._fill(tick=outcome.run.id)  # a run just kept: ticked

    def _fill(self, tick: str | None = None) -> None:
        """The table from the training session's runs; ``tick`` a run id to tick."""
        ticked = set(self.ticked_ids()) | ({tick} if tick else set())
        selected = self._selected_run()
        self.runs, self.damaged = self.training.runs, self.training.damaged
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
            recipe = {"quick": self.tr("Quick"), "book": self.tr("Book")}.get(run.recipe, "—")
            note = DIAGNOSES.get(run.diagnosis or "")
            cells = [run.dataset, run.architecture, recipe, str(run.epochs),
                     f"{100 * run.accuracy:.2f} %", f"{run.seconds:.0f} s",
                     translate("RunsView", note) if note else ""]  # fmt: skip
            self.table.setItem(row, 0, name)
            for col, text in enumerate(cells, start=1):
                item = _cell(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row, bad in enumerate(self.damaged, start=len(self.runs)):
            # listed greyed, the reason in the Note column (cut short, whole in the tooltip,
            # so no record can take the width of the runs' names); ticked to be deleted
            cells = [self.tr("{0} (damaged)").format(bad.shown_id)]
            cells += ["—"] * (self.table.columnCount() - 2) + [bad.reason]
            for col, text in enumerate(cells):
                item = _cell(text) if col else QTableWidgetItem(text)
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
        wanted = self.table.sizeHintForColumn(0) + self.fontMetrics().averageCharWidth() * 2
        names = self.fontMetrics().averageCharWidth() * NAME_CHARACTERS
        self.table.setColumnWidth(0, max(names, min(wanted, 2 * names)))
        if selected is not None:
            rows = [i for i, run in enumerate(self.runs) if run.id == selected.id]
            if rows:
                self.table.selectRow(rows[0])
        self._selection_changed()
        self.compare()

    def ticked_ids(self) -> list[str]:
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

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
                self.training.rename_run(run_id, item.text())
            except RunError as exc:
                self.problem.emit(error_text(exc))
            return
        self.compare()

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(len(self._selected_rows()) == 1)
        self.epochs.set_run(self._selected_run())

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectedIndexes()})

    def _selected_run(self) -> Run | None:
        """The one run selected (its epochs are the slider's), None when not one run."""
        rows = self._selected_rows()
        if len(rows) != 1 or rows[0] >= len(self.runs):
            return None
        return self.runs[rows[0]]

    # -- actions -------------------------------------------------------------------------------
    def open_selected(self) -> None:
        rows = (
            self._selected_rows()
            or [i for i, r in enumerate(self.runs) if r.id in self.ticked_ids()][:1]
        )
        if not rows or rows[0] >= len(self.runs):  # nothing, or a damaged run: no model to open
            return
        from lenet_desktop.files.model_files import ModelFileError  # deferred: off the first paint

        try:
            self.training.use_run(self.runs[rows[0]].id)
        except (RunError, ModelFileError, ValueError) as exc:
            self.problem.emit(error_text(exc))

    def delete_ticked(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # deferred: off the first paint

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
        for error in self.training.delete_runs(run_ids):
            self.problem.emit(error_text(error))

    def export_csv(self, path: str | Path) -> Path:
        """The ticked runs' table (every run when none is ticked) as CSV."""
        return export_csv(self._table_runs(), path)

    def _table_runs(self) -> list[Run]:
        ticked = set(self.ticked_ids())
        return [r for r in self.runs if r.id in ticked] or self.runs

    def export_csv_dialog(self) -> None:
        export_csv_dialog(self, self.tr("Export Table"), self._table_runs(), self.problem)

    # -- the comparison ------------------------------------------------------------------------
    def compared(self) -> list[Run]:
        ticked = set(self.ticked_ids())
        return [r for r in self.runs if r.id in ticked]

    def compare(self) -> None:
        """The comparison window, when it is open, follows the ticks."""
        self.compare_button.setEnabled(bool(self.compared()))
        if self.comparison is not None and self.comparison.isVisible():
            self._fill_comparison()

    def open_comparison(self, runs: list[Run] | None = None) -> CompareWindow:
        """Open (or raise) the comparison window on the ticked runs (or ``runs``, ticked)."""
        if runs is not None:
            self.tick([run.id for run in runs])
        if self.comparison is None:
            self.comparison = CompareWindow(self)
            self.comparison.problem.connect(self.problem)
            self.comparison.fit_to_screen()
        self._fill_comparison()
        self.comparison.show()
        self.comparison.raise_()
        self.comparison.activateWindow()
        return self.comparison

    def _fill_comparison(self) -> None:
        assert self.comparison is not None
        runs = self.compared()
        self.comparison.show_runs(runs, [self._first_kernels(run) for run in runs[:4]])

    def _first_kernels(self, run: Run) -> np.ndarray | None:
        from lenet_desktop.files.model_files import ModelFileError  # deferred: off the first paint
        from lenet_desktop.nn.anatomy import kernels_of  # deferred: off the first paint

        try:
            bundle = self.store.load_model(run.id)
        except (RunError, ModelFileError):
            return None
        kernels = kernels_of(bundle.network)
        return kernels[0].weights if kernels else None


LONGEST_CELL = 32  # characters shown in a cell beside the name; the whole text in its tooltip
NAME_CHARACTERS = 24  # the name column is at least this many characters wide (twice at most)


def _cell(text: str) -> QTableWidgetItem:
    """A cell of the runs table beside the name: a text from a record (a damaged one's reason,
    a hand-edited dataset name) cut short so the name column keeps its width."""
    if len(text) <= LONGEST_CELL:
        return QTableWidgetItem(text)
    item = QTableWidgetItem(text[: LONGEST_CELL - 1].rstrip() + "…")
    item.setToolTip(text)
    return item
