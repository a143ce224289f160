"""The epoch slider: step through a kept run's epochs (0 = the weights as initialised), each put
in the main view — the maps, the probabilities, the kernels and every explanation of the
current drawing are then those of that epoch — labelled there as such. ◀ ▶ (or the arrow keys)
move one epoch, ▶ Play walks through them all; *Back to my model* (or leaving the tab) gives
the learner's model back. A view of the training session: it asks it to show an epoch and
follows what it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from lenet_desktop.training.run_record import Run
from lenet_desktop.training.session import TrainingSession
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, error_text

PLAY_MS = 700  # one epoch a step of the play button


class EpochStepper(Retranslating, QWidget):
    """Steps through ``run`` (set with :meth:`set_run`). ``problem(text)``: an epoch that could
    not be read."""

    problem = Signal(str)

    def __init__(self, training: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.run: Run | None = None
        self.label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.valueChanged.connect(self._moved)
        self.back_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        for button in (self.back_button, self.next_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("◀") * 3 + 12)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play)
        self.leave_button = QPushButton()
        self.leave_button.clicked.connect(training.leave_epochs)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._tick)
        for key, move in ((Qt.Key.Key_Left, -1), (Qt.Key.Key_Right, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda move=move: self.step(move))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.back_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.play_button)
        row.addWidget(self.leave_button)
        follow(self, training.epoch_shown, self._shown)
        follow(self, training.state_changed, lambda _: self._enable())
        self.retranslate()
        self.set_run(None)

    def retranslate(self) -> None:
        self.back_button.setToolTip(self.tr("The epoch before (←)"))
        self.next_button.setToolTip(self.tr("The epoch after (→)"))
        self.play_button.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))
        self.leave_button.setText(self.tr("Back to My Model"))
        self.leave_button.setToolTip(
            self.tr("Put the model you had before stepping through the epochs back in use")
        )
        self._label()

    # -- the run -----------------------------------------------------------------------------
    def set_run(self, run: Run | None) -> None:
        """The run to step through (None: nothing to step through). The slider goes to its
        last epoch without showing it: moving it shows an epoch."""
        if run is not None and self.run is not None and run.id == self.run.id:
            self.run = run
            return
        self.run = run
        kept = run.epochs_kept if run is not None else 0
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, kept - 1))
        self.slider.setValue(max(0, kept - 1))
        self.slider.blockSignals(False)
        shown = self.training.shown
        if shown is not None and (run is None or shown.run.id != run.id):
            self.training.leave_epochs()
        self._enable()
        self._label()

    @property
    def epochs(self) -> int:
        return self.run.epochs_kept if self.run is not None else 0

    @property
    def stepping(self) -> bool:
        shown = self.training.shown
        return shown is not None and self.run is not None and shown.run.id == self.run.id

    def _enable(self) -> None:
        usable = self.epochs > 1 and not self.training.busy
        for widget in (self.slider, self.back_button, self.next_button, self.play_button):
            widget.setEnabled(usable)
        self.leave_button.setEnabled(self.stepping)
        if not usable:
            self.play_button.setChecked(False)
        self._label()

    def _label(self) -> None:
        if self.run is None:
            text = self.tr("Epochs: no run to step through")
        elif self.epochs == 0:
            text = self.tr("Epochs: none kept for this run")
        elif self.training.busy:
            text = self.tr("Epochs: wait for the run to end")
        else:
            text = self.tr("Epoch {0} of {1}").format(self.slider.value(), self.epochs - 1)
        self.label.setText(text)

    # -- moving ------------------------------------------------------------------------------
    def step(self, move: int) -> None:
        """One epoch on (1) or back (−1); at either end the epoch there is shown."""
        if not self.slider.isEnabled():
            return
        value = self.slider.value()
        target = min(max(value + move, 0), self.slider.maximum())
        if target == value:
            self._moved(value)
        else:
            self.slider.setValue(target)

    def show_epoch(self, epoch: int) -> None:
        """Put epoch ``epoch`` in the main view (and the slider there)."""
        if self.slider.value() != epoch:
            self.slider.setValue(epoch)  # shows it
        else:
            self._moved(epoch)

    def _moved(self, epoch: int) -> None:
        self._label()
        if self.run is None or self.training.busy:
            return
        from lenet_desktop.files.model_files import ModelFileError  # deferred: off the first paint
        from lenet_desktop.training.runs import RunError  # deferred: off the first paint

        try:
            self.training.show_epoch(self.run, epoch)
        except (RunError, ModelFileError) as exc:
            self.problem.emit(error_text(exc))

    def _shown(self, run, epoch) -> None:
        if run is not None and self.run is not None and run.id == self.run.id:
            if self.slider.value() != epoch:
                self.slider.blockSignals(True)
                self.slider.setValue(epoch)
                self.slider.blockSignals(False)
        elif run is None:
            self.play_button.setChecked(False)
        self._enable()

    def _play(self, on: bool) -> None:
        if on:
            if self.slider.value() >= self.epochs - 1:
                self.slider.setValue(0)  # from the start
            else:
                self._moved(self.slider.value())
            self.timer.start()
        else:
            self.timer.stop()
        self.retranslate()

    def _tick(self) -> None:
        if self.slider.value() >= self.epochs - 1:
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)

    def leave(self) -> None:
        """The learner left the slider (another tab, the panel hidden): their model back."""
        self.play_button.setChecked(False)
        if self.stepping:
            self.training.leave_epochs()
