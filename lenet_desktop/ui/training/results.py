"""The Results tab of the last run, a view of the training session: a finished run's test
accuracy, confusion matrix, reliability diagram and wrong test images, its epochs to step
through (:mod:`epochs`), "Use this model" and "Save as…"; what happened to a run that left no
results."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lenet_desktop.training.loop import TrainResult

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.files.model_files import SUFFIX
from lenet_desktop.session import Input
from lenet_desktop.training.session import RunState, TrainingSession
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.training.epochs import EpochStepper
from lenet_desktop.ui.training.gallery import Gallery
from lenet_desktop.ui.training.reliability import ReliabilityPlot
from lenet_desktop.ui.translation import error_text
from lenet_desktop.ui.widgets.confusion import ConfusionTable
from lenet_desktop.ui.widgets.emphasis import ERROR, emphasise


class Results(QWidget):
    """``result`` (a TrainResult) and ``test_split`` of the run shown, None before one ends.
    ``said(text, error)``: what the learner should read."""

    said = Signal(str, bool)

    def __init__(self, training: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.session = training.session
        self.result: TrainResult | None = None
        self.test_split = None
        self.name: str | None = None  # the kept run's name
        self.ended: str | None = None  # what happened to a run that left no results
        layout = QVBoxLayout(self)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.epochs = EpochStepper(training)
        self.epochs.problem.connect(lambda text: self.said.emit(text, True))
        layout.addWidget(self.epochs)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.confusion = ConfusionTable()
        self.confusion.setMinimumSize(320, 200)
        split.addWidget(self.confusion)
        self.reliability = ReliabilityPlot()
        split.addWidget(self.reliability)
        self.gallery = Gallery()
        self.gallery.images.itemClicked.connect(self.gallery_clicked)
        split.addWidget(self.gallery)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_result)
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        follow(self, training.state_changed, self._state_changed)
        follow(self, self.session.model_changed, lambda _: self.show_use_button())

    def _state_changed(self, state: RunState) -> None:
        training = self.training
        if state is RunState.PREPARING:
            self.clear()
        elif state is RunState.FINISHED and training.outcome is not None:
            outcome = training.outcome
            name = outcome.run.name if outcome.run is not None else None
            self.show_result(outcome.result, outcome.test_split, name)
            self.epochs.set_run(outcome.run)
        elif state is RunState.CANCELLED:
            done = len(training.epochs)
            total = training.config.epochs if training.config is not None else 0
            self.show_ended(
                lambda: self.tr(
                    "The run was cancelled after {0} of {1} epochs; nothing was kept."
                ).format(done, total)
            )
        elif state is RunState.FAILED:
            error = training.error or ValueError()
            self.show_ended(
                lambda: self.tr("The run failed: {0} Nothing was kept.").format(error_text(error))
            )

    def retranslate(self) -> None:
        self.epochs.retranslate()
        self.gallery.retranslate()
        self.reliability.retranslate()
        self.show_use_button()
        self.save_button.setText(self.tr("Save as…"))
        self.confusion.retranslate()
        if self.result is not None:
            self._show_result_label()
        elif callable(self.ended):  # said again in the new language
            self.result_label.setText(self.ended())
        elif self.ended is None:
            self.result_label.setText(self.tr("No results yet: train a model."))

    def clear(self) -> None:
        """A new run: nothing of the last one may look current."""
        self.result, self.test_split, self.name, self.ended = None, None, None, None
        self.result_label.setText(self.tr("No results yet: the run is going."))
        self.confusion.clear_matrix()
        self.reliability.show_report(None)
        self.gallery.clear()
        self.epochs.set_run(None)
        self.use_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.show_use_button()

    def show_ended(self, text) -> None:
        """A run that ended without results (cancelled, failed): ``text`` says what happened
        (or a function that says it in the window's language, asked again after a switch)."""
        self.clear()
        self.ended = text
        self.result_label.setText(text() if callable(text) else text)
        emphasise(self.result_label, ERROR)

    def show_result(self, result, test_split, name: str | None = None) -> None:
        self.result, self.test_split, self.name, self.ended = result, test_split, name, None
        emphasise(self.result_label)
        evaluation, classes = result.evaluation, result.bundle.dataset.classes
        self._show_result_label()
        self.confusion.show_matrix(evaluation.confusion, classes)
        self.reliability.show_report(result.calibration)
        self.gallery.show_mistakes(evaluation, test_split, classes)
        self.use_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.show_use_button()

    def _show_result_label(self) -> None:
        if self.result is None:
            return
        evaluation = self.result.evaluation
        text = self.tr("Test accuracy: {0:.2f} % ({1} wrong of {2})").format(
            100 * evaluation.accuracy, len(evaluation.misclassified), evaluation.count
        )
        if self.name:
            text = self.tr(
                "Run “{0}” · {1} · confusion matrix: rows true, columns predicted"
            ).format(self.name, text)
        self.result_label.setText(text)

    def show_use_button(self) -> None:
        if self.result is not None and self.training.trained_in_use():
            self.use_button.setText(self.tr("In use ✓"))
        else:
            self.use_button.setText(self.tr("Use this model"))

    def use_result(self) -> None:
        """Put the trained model in use, calibrated (the gallery's verdicts are its own)."""
        if self.result is None:
            return
        bundle = self.result.bundle
        source = self.tr("trained {0} ({1})").format(bundle.architecture, bundle.dataset.name)
        self.training.use_trained(source)
        self.show_use_button()
        self.said.emit(self.tr("The trained model is in use in the main view."), False)

    def gallery_clicked(self, item: QListWidgetItem) -> None:
        """Show a misclassified test image in the main view, through the trained model that got
        it wrong."""
        if self.result is None or self.test_split is None:
            return
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.use_result()
        bundle = self.session.model
        assert bundle is not None
        self.session.show(
            Input(
                "sample",
                self.test_split.images[index].numpy(),
                dataset=bundle.dataset.name,
                label=int(self.test_split.labels[index]),
                index=index,
            )
        )

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Model"),
            str(Path.home() / f"lenet{SUFFIX}"),
            self.tr("LeNet Desktop models (*{0})").format(SUFFIX),
        )
        if path:
            self.save(path)

    def save(self, path: str) -> bool:
        # deferred: off the first paint
        from lenet_desktop.files.model_files import ModelFileError, save_model

        if self.result is None:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        try:
            save_model(self.result.bundle, path)
        except ModelFileError as exc:
            self.said.emit(error_text(exc), True)
            return False
        self.said.emit(self.tr("Saved {0}").format(path), False)
        return True
