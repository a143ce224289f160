"""How a run is going, in words: the progress bar (epoch, share done, ETA, speed), the message
under it, what the run's figures say went wrong (a diagnosis, with its one-click fix) and the
Log tab's lines."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QPushButton

from lenet_desktop.ui.translation import diagnosis_fix_text, diagnosis_text
from lenet_desktop.ui.widgets.emphasis import ERROR, HINT, emphasise


class RunStatus(QObject):
    """``progress``, ``message``, ``hint`` and ``fix_button`` and ``log_view``, placed by the
    panel. ``fix(options)`` when the learner takes a diagnosis's fix."""

    fix = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        emphasise(self.hint, HINT)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self._fix)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.diagnosis = None
        self._said = None
        self._word = None
        self.show_diagnosis(None)
        self.reset("")

    def show_diagnosis(self, diagnosis) -> None:
        """What went wrong and its fix, translated (None: nothing is wrong); logged once."""
        if diagnosis is not None and diagnosis != self.diagnosis:
            self.log(diagnosis_text(diagnosis))
        self.diagnosis = diagnosis
        self.hint.setVisible(diagnosis is not None)
        self.fix_button.setVisible(diagnosis is not None and bool(diagnosis.fix))
        self.retranslate()

    def retranslate(self) -> None:
        if self.diagnosis is not None:
            self.hint.setText(diagnosis_text(self.diagnosis))
            self.fix_button.setText(diagnosis_fix_text(self.diagnosis))
        # what was said before a language switch, said again in the new language
        if callable(self._said):
            self.message.setText(self._said())
        if callable(self._word):
            self.progress.setFormat(self._word())

    def _fix(self) -> None:
        if self.diagnosis is not None:
            self.fix.emit(dict(self.diagnosis.fix))

    def reset(self, word) -> None:
        """An empty bar saying ``word`` ("starting…", "failed", "cancelled"; a function that
        gives it is asked again after a language switch)."""
        self._word = word
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(word() if callable(word) else word)

    @Slot(str, bool)
    def say(self, text, error: bool = False) -> None:
        """The message under the bar (red when something went wrong), logged too. ``text``:
        the words, or a function that gives them in the window's language (so that a language
        switch says them again in the new one)."""
        self._said = text
        words = text() if callable(text) else text
        emphasise(self.message, ERROR if error else None, bold=error)
        self.message.setText(words)
        self.log(words)

    @Slot(str)
    def log(self, text: str) -> None:
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    def step(self, progress) -> None:
        """A Progress: the bar moves; a finished epoch is logged."""
        self.progress.setRange(0, progress.epochs * progress.steps)
        self.progress.setValue((progress.epoch - 1) * progress.steps + progress.step)
        eta = time.strftime("%M:%S", time.gmtime(max(0.0, progress.eta_s)))
        # short enough for the bar in the narrow options column (one line, never cut); the
        # whole of it in the tooltip
        self.progress.setFormat(
            self.tr("epoch {0}/{1} · %p% · ETA {2}").format(progress.epoch, progress.epochs, eta)
        )
        self.progress.setToolTip(
            self.tr("epoch {0}/{1} · ETA {2} · {3:,.0f} samples/s").format(
                progress.epoch, progress.epochs, eta, progress.samples_per_s
            )
        )
        if progress.phase == "epoch":
            self.log(
                self.tr("epoch {0}: loss {1:.4f}, training {2:.2f} %, test {3:.2f} %").format(
                    progress.epoch,
                    progress.loss,
                    100 * progress.accuracy,
                    100 * progress.test_accuracy,
                )
            )
