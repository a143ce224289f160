"""The Exercises tab: the LeNet chapter's exercises and the notes' variants
(:mod:`lenet_desktop.training.exercises`), each with *Set Up* (its network, dataset and recipe in
the options), *Train All* (its runs one after another), what to look at, the learner's results
filled in from their kept runs, and *Compare* (those runs side by side); the whole sheet
exported as Markdown or CSV for a write-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.data.datasets import dataset_info
from lenet_desktop.training.exercises import (
    CONTEXT,
    EXERCISES,
    Exercise,
    Finding,
    findings,
    sheet_csv,
    sheet_markdown,
    summary,
)
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, translate
from lenet_desktop.ui.widgets.emphasis import emphasise

RECIPES = ("quick", "book")


class ExercisesView(Retranslating, QWidget):
    """``set_up(options)``: put one run's options in the form; ``train_all(list of options)``;
    ``compare(runs)``; ``look(key)``: an exercise to look at, not train (the window sets it
    up); ``problem(text)``: an export that failed."""

    set_up = Signal(dict)
    train_all = Signal(list)
    compare = Signal(list)
    look = Signal(str)
    problem = Signal(str)

    def __init__(self, training, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training  # the training session: its kept runs fill the results
        self.found: list[Finding] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _: self.refresh())
        self.title = QLabel()
        emphasise(self.title, bold=True)
        self.title.setWordWrap(True)
        self.look_label = QLabel()
        self.look_label.setWordWrap(True)
        self.look_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.recipe_label = QLabel()
        self.recipe_box = QComboBox()
        for recipe in RECIPES:
            self.recipe_box.addItem(recipe, recipe)
        self.recipe_box.currentIndexChanged.connect(lambda _: self.refresh())
        # fewer training images for a slower machine (0: as the recipe says, every image)
        self.images_label = QLabel()
        self.images_spin = QSpinBox()
        self.images_spin.setRange(0, 1_000_000)
        self.images_spin.setSingleStep(5000)
        self.setup_button, self.train_button = QPushButton(), QPushButton()
        self.compare_button = QPushButton()
        self.setup_button.clicked.connect(self._set_up)
        self.train_button.clicked.connect(self._train_all)
        self.compare_button.clicked.connect(self._compare)
        self.results_label = QLabel()
        self.results_label.setWordWrap(True)
        emphasise(self.results_label, bold=True)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.markdown_button, self.csv_button = QPushButton(), QPushButton()
        self.markdown_button.clicked.connect(lambda: self._export_dialog("md"))
        self.csv_button.clicked.connect(lambda: self._export_dialog("csv"))

        controls = QHBoxLayout()
        controls.addWidget(self.recipe_label)
        controls.addWidget(self.recipe_box)
        controls.addWidget(self.images_label)
        controls.addWidget(self.images_spin)
        for button in (self.setup_button, self.train_button, self.compare_button):
            controls.addWidget(button)
        controls.addStretch(1)
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.markdown_button)
        exports.addWidget(self.csv_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.look_label)
        column.addLayout(controls)
        column.addWidget(self.results_label)
        column.addWidget(self.table, 1)
        column.addLayout(exports)
        # a short dock scrolls the exercise rather than squeeze its results table
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(right)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        self.list.setMinimumWidth(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        for item in EXERCISES:
            entry = QListWidgetItem()
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        follow(self, training.runs_changed, self.refresh)
        self.retranslate()

    # -- what is shown -----------------------------------------------------------------------
    @property
    def exercise(self) -> Exercise:
        return EXERCISES[max(0, self.list.currentRow())]

    @property
    def recipe(self) -> str:
        return str(self.recipe_box.currentData())

    def select(self, key: str) -> None:
        self.list.setCurrentRow(next(i for i, e in enumerate(EXERCISES) if e.key == key))

    def retranslate(self) -> None:
        for n, item in enumerate(EXERCISES):
            self.list.item(n).setText(f"{n + 1}. {translate(CONTEXT, item.title)}")
        self.recipe_label.setText(self.tr("Recipe"))
        self.recipe_box.setItemText(0, self.tr("Quick (about a minute each)"))
        self.recipe_box.setItemText(1, self.tr("Book (the chapter's settings)"))
        self.images_label.setText(self.tr("Training images"))
        self.images_spin.setSpecialValueText(self.tr("all"))
        self.images_spin.setToolTip(
            self.tr("Train on only this many training images: faster, a little less accurate")
        )
        self.setup_button.setText(self.tr("Set Up"))
        self.compare_button.setText(self.tr("Compare"))
        self.markdown_button.setText(self.tr("Export Markdown…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Network"), self.tr("Run"), self.tr("Epochs"), self.tr("Test accuracy")]
        )
        self.refresh()

    def refresh(self) -> None:
        """The exercise chosen, with the results of the runs kept so far."""
        item = self.exercise
        self.title.setText(translate(CONTEXT, item.title))
        dataset = dataset_info(item.dataset).title
        look = translate(CONTEXT, item.look)
        if item.presets:
            networks = ", ".join(item.presets)
            look += "\n\n" + self.tr("Trains: {0} on {1}.").format(networks, dataset)
        self.look_label.setText(look)
        trains = bool(item.presets)
        for widget in (self.recipe_label, self.recipe_box, self.images_label, self.images_spin,
                       self.train_button, self.compare_button, self.table,
                       self.results_label):  # fmt: skip
            widget.setVisible(trains)
        self.train_button.setText(self.tr("Train All ({0} runs)").format(len(item.presets)))
        self.found = findings(item, self.training.runs, self.recipe, translate) if trains else []
        self.results_label.setText(
            self.tr("Your results: {0}").format(summary(self.found, translate))
        )
        self.table.setRowCount(len(self.found))
        rows = self.table.verticalHeader().defaultSectionSize() * len(self.found)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + rows + 2 * self.table.frameWidth() + 2)
        for row, found in enumerate(self.found):
            run = found.run
            cells = [found.label, run.name if run else self.tr("not trained yet"),
                     str(run.epochs) if run else "",
                     f"{100 * run.accuracy:.2f} %" if run else ""]  # fmt: skip
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.compare_button.setEnabled(any(f.run is not None for f in self.found))

    @property
    def shown_results(self) -> str:
        """The results line as shown (for tests)."""
        return self.results_label.text()

    # -- actions -----------------------------------------------------------------------------
    def runs_options(self) -> list[dict]:
        """The options of each run the exercise trains, in order."""
        item = self.exercise
        images = {"train_images": self.images_spin.value()} if self.images_spin.value() else {}
        return [
            {"architecture": preset, "dataset": item.dataset, "recipe": self.recipe} | images
            for preset in item.presets
        ]

    def _set_up(self) -> None:
        if not self.exercise.presets:
            self.look.emit(self.exercise.key)
            return
        self.set_up.emit(self.runs_options()[0])

    def _train_all(self) -> None:
        self.train_all.emit(self.runs_options())

    def _compare(self) -> None:
        runs = [f.run for f in self.found if f.run is not None]
        if runs:
            self.compare.emit(runs)

    def export(self, path: str | Path) -> Path:
        """The exercise sheet with the results: Markdown for ``.md``, else CSV."""
        path = Path(path)
        runs, recipe = self.training.runs, self.recipe
        text = (
            sheet_markdown(runs, recipe, translate)
            if path.suffix.lower() in (".md", ".markdown")
            else sheet_csv(runs, recipe, translate)
        )
        path.write_text(text, encoding="utf-8")
        return path

    def _export_dialog(self, kind: str) -> None:
        name = "lenet-exercises." + kind
        pattern = self.tr("Markdown (*.md)") if kind == "md" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Exercises"), str(Path.home() / name), pattern
        )
        if path:
            try:
                self.export(path)
            except OSError as exc:
                self.problem.emit(str(exc))
