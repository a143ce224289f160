"""Retraining in the background: a dock that puts together the options (options_form), the
live curves (curves), the log, the results (results) and the kept runs (runs_view), and owns
the worker's QThread from start to end.

With Live view on, the session shows the newest weights after every epoch (live_view's rule).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from lenet_desktop.session import Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.training.controls import ControlsColumn
from lenet_desktop.ui.training.curves import CURVE_POINTS, Curves
from lenet_desktop.ui.training.live_view import LiveView
from lenet_desktop.ui.training.options_form import OptionsForm
from lenet_desktop.ui.training.planning import RunPlanning
from lenet_desktop.ui.training.results import Results
from lenet_desktop.ui.training.status import RunStatus
from lenet_desktop.ui.training.time_estimate import TimeEstimate
from lenet_desktop.ui.training.worker import TrainingWorker
from lenet_desktop.ui.translation import Retranslating, error_text, translate

__all__ = ["CURVE_POINTS", "TrainingPanel"]

RESULTS_TAB = 2
STOP_WAIT_MS = 700  # closing waits this long for a run to stop, then leaves it to the exit


def _part(path: str) -> property:
    """A read-only attribute that follows ``path`` through the panel's parts."""

    def get(panel):
        for name in path.split("."):
            panel = panel[name] if isinstance(panel, dict) else getattr(panel, name)
        return panel

    return property(get)


class TrainingPanel(RunPlanning, Retranslating, QDockWidget):
    """The Training dock. ``busy`` is True while a run is going on."""

    started = Signal()
    ended = Signal(str)  # "finished", "cancelled" or "failed"
    live_model = Signal(object)  # a snapshot after an epoch, put in use (live view on)
    look_requested = Signal(str)  # an exercise to look at (the window sets it up)

    # its parts' widgets (and the run shown), as the window's code and tests know them
    dataset_box = _part("form.widgets.dataset")
    arch_box = _part("form.widgets.architecture")
    epochs_spin = _part("form.widgets.epochs")
    batch_spin = _part("form.widgets.batch_size")
    optimizer_box = _part("form.widgets.optimizer")
    lr_spin = _part("form.widgets.lr")
    seed_spin = _part("form.widgets.seed")
    augment_box = _part("form.widgets.augment")
    folder_edit = _part("form.folder_edit")
    download_box = _part("form.download_box")
    device_box = _part("form.device_box")
    live_box = _part("form.live_box")
    recipe_box = _part("form.widgets.recipe")
    train_button = _part("column.train_button")
    cancel_button = _part("column.cancel_button")
    progress = _part("status.progress")
    message = _part("status.message")
    hint = _part("status.hint")
    fix_button = _part("status.fix_button")
    estimate_label = _part("estimate.label")
    log_view = _part("status.log_view")
    loss_curve = _part("curves.loss_curve")
    test_acc_curve = _part("curves.test_acc_curve")
    result = _part("results.result")
    test_split = _part("results.test_split")
    result_label = _part("results.result_label")
    confusion = _part("results.confusion")
    reliability = _part("results.reliability")
    gallery = _part("results.gallery.images")
    use_button = _part("results.use_button")
    save_button = _part("results.save_button")

    def __init__(self, session: Session, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.session = session
        self.settings = settings
        self.worker_thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self.last_progress = None
        self.epochs_done: list = []  # the Progress of each finished epoch of the current run
        self.live = LiveView(session)
        self._cancel_asked = 0.0
        self.queue: list[dict] = []  # options of the runs to train after this one
        self.last_end = ""  # how the last run ended
        self._build()
        self.form.restore()
        self.retranslate()
        follow(self, session.model_changed, self._model_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = OptionsForm(self.settings)
        self.form.recipe_applied.connect(self._recipe_applied)
        self.status = RunStatus(self)
        self.status.fix.connect(self.apply_fix)
        self._log = self.status.log
        self.estimate = TimeEstimate(self.form, lambda: self.busy, self)
        self.visibilityChanged.connect(self._shown_or_hidden)
        self.column = ControlsColumn(self.form, self.status, self.estimate.label)
        self.column.train_button.clicked.connect(self.start)
        self.column.cancel_button.clicked.connect(self.cancel)
        self._controls_scroll, self._controls = self.column, self.column.widget()
        self.curves = Curves()
        self.results = Results(self.session)
        self.results.said.connect(self._say)
        from lenet_desktop.ui.training.runs_view import RunsView

        self.runs_view = RunsView()
        self.runs_view.open_run.connect(self._open_run)
        self.runs_view.problem.connect(lambda text: self._say(text, error=True))
        from lenet_desktop.ui.training.exercises_view import ExercisesView

        self.exercises = ExercisesView(self.runs_view)
        self.exercises.set_up.connect(self.set_up)
        self.exercises.train_all.connect(self.train_queue)
        self.exercises.compare.connect(self.runs_view.open_comparison)
        self.exercises.look.connect(self.look_requested)
        self.exercises.problem.connect(lambda text: self._say(text, error=True))
        self.tabs = QTabWidget()
        for tab in (self.curves, self.status.log_view, self.results, self.runs_view,
                    self.exercises):  # fmt: skip
            self.tabs.addTab(tab, "")
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(self.column)
        row.addWidget(self.tabs, 1)
        body.setMinimumHeight(130)  # with the explanation tabbed beside it at 1024×700
        self.setWidget(body)

    def _say(self, text, error: bool = False) -> None:
        """The message under the progress bar, scrolled into sight (never cut at the dock's
        edge on a short screen)."""
        self.status.say(text, error)
        column = getattr(self, "column", None)
        if column is not None:
            QTimer.singleShot(0, lambda: column.ensureWidgetVisible(self.status.message))

    def _shown_or_hidden(self, shown: bool) -> None:
        if shown:
            self.estimate.schedule()  # the estimate waits while the panel is hidden

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        self.form.retranslate()
        tabs = (self.tr("Curves"), self.tr("Log"), self.tr("Results"), self.tr("Runs"),
                self.tr("Exercises"))  # fmt: skip
        for index, text in enumerate(tabs):
            self.tabs.setTabText(index, text)
        self.curves.retranslate()
        self.results.retranslate()
        self.status.retranslate()
        self.estimate.schedule()
        self.column.retranslate()  # last: the options' width in this language

    def set_devices(self) -> None:
        self.form.restore_device()

    # -- options -----------------------------------------------------------------------------
    def book_settings(self) -> None:
        """The D2L chapter's own run: its network, plain SGD at 0.9, constant, batch 256,
        10 epochs, Xavier, no augmentation, no weight decay, no hold-out (on Fashion-MNIST)."""
        self.form.apply_book()

    def use_spec_file(self, path: str) -> None:
        """Train the network a spec file describes (the editor's *Train This*)."""
        self.form.add_spec(path)

    def config(self):
        """The options as a TrainConfig; ValueError with a plain message if one is off."""
        return self.form.config()

    # -- the results -------------------------------------------------------------------------
    def save(self, path: str) -> bool:
        return self.results.save(path)

    def _gallery_clicked(self, item) -> None:
        self.results.gallery_clicked(item)

    # -- running -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A run is going, or its thread has ended but the panel has not yet tidied up after
        it (a new run must not start in between: the old run's tidying would take its worker)."""
        return self.worker is not None or (
            self.worker_thread is not None and self.worker_thread.isRunning()
        )

    def start(self) -> bool:
        if self.busy:
            return False
        try:
            config = self.config()
        except ValueError as exc:
            self._say(error_text(exc), error=True)
            return False
        self.form.save()
        self.status.show_diagnosis(None)
        self.results.clear()
        self.last_progress, self.epochs_done = None, []
        self.curves.reset()
        self.status.reset(self.tr("starting…"))
        self._say(self.tr("Training {0} on {1}…").format(config.architecture, config.dataset))
        self.live.begin()
        self.worker = TrainingWorker(
            config, self.folder_edit.text().strip(), self.download_box.isChecked()
        )
        previous = self.worker_thread
        if previous is not None and previous.isFinished():
            previous.deleteLater()  # one QThread a run, freed when the next one starts
        self.worker_thread = QThread(self)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.epoch_model.connect(self._epoch_model)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.log.connect(self._log)
        # quit() is thread-safe: call it from the worker's thread, so a window waiting for
        # the thread (closing) does not have to process events for it to end.
        for signal in (self.worker.succeeded, self.worker.failed, self.worker.cancelled):
            signal.connect(self.worker_thread.quit, Qt.ConnectionType.DirectConnection)
        # a bound slot of this panel (it lives in the window's thread), so Qt queues the call
        # there; a lambda would run in the ending thread itself
        self.worker_thread.finished.connect(self._thread_ended)
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.worker_thread.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self._cancel_asked = time.perf_counter()
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Cancelling…"))

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Cancel and wait for the thread to end (closing the window)."""
        if not self.busy:
            return True
        self.cancel()
        thread = self.worker_thread
        if thread is not None and not thread.wait(timeout_ms):
            return False
        self._thread_finished()  # now, not when the event loop next runs (closing)
        return True

    def confirm_stop(self) -> bool:
        """Ask whether to stop a running training to close the window. A run that ends while
        the question is open answers it: there is nothing left to stop."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Training is running"),
            self.tr("A training is running. Stop it and close the window?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        ended = []

        def run_ended(_how: str) -> None:
            ended.append(True)
            box.done(QMessageBox.StandardButton.Yes)

        self.ended.connect(run_ended)
        try:
            answer = box.exec()
        finally:
            self.ended.disconnect(run_ended)
        return bool(ended) or answer == QMessageBox.StandardButton.Yes

    def close_for_exit(self) -> bool:
        """The window is closing: ask first if a run is going, then stop it. False: stay open.
        The window closes within a second: a run still finishing a step or an evaluation then
        is left to end with the process (nothing of it is written)."""
        if not self.busy:
            return True
        if not self.confirm_stop():
            return False
        if not self.stop_and_wait(STOP_WAIT_MS):
            from lenet_desktop.ui.tasks import linger

            if self.worker_thread is not None:
                linger(self.worker_thread)
        return True

    @Slot(object)
    def _progressed(self, progress) -> None:
        self.last_progress = progress
        if progress.diagnosis is not None:
            self.status.show_diagnosis(progress.diagnosis)
        if progress.phase == "epoch":
            self.epochs_done.append(progress)
        self.status.step(progress)
        self.curves.add(progress)

    def _model_changed(self, predictor) -> None:
        """A model the learner chose during a run stays (live_view's rule)."""
        self.results.show_use_button()
        if self.live.model_changed(predictor, self.busy):
            self._say(self.tr("Live view paused for this run: you chose another model."))

    @Slot(object)
    def _epoch_model(self, bundle) -> None:
        if self.live_box.isChecked() and self.live.show(bundle):
            self.live_model.emit(bundle)

    @Slot(object, object)
    def _succeeded(self, result, test_split) -> None:
        self.live.finish()
        evaluation = result.evaluation
        self._say(
            lambda: self.tr("Done: {0:.2f} % of {1} test images right in {2:.0f} s.").format(
                100 * evaluation.accuracy, evaluation.count, result.seconds
            )
        )
        self.status.show_diagnosis(result.diagnosis)
        run, line = self.runs_view.keep(result, translate)  # and tick it in the Runs tab
        self.results.show_result(result, test_split, run.name if run is not None else None)
        self._log(line)
        if run is None:  # said where the learner looks, not only in the log
            self._say(line, error=True)
        self.tabs.setCurrentIndex(RESULTS_TAB)
        self.last_end = "finished"
        self.ended.emit("finished")

    def _open_run(self, bundle) -> None:
        """A kept run's model, put in use in the main view."""
        try:
            self.session.use_bundle(bundle)
        except ValueError as exc:
            self._say(error_text(exc), error=True)

    def _ended_badly(self, word) -> None:
        self.status.reset(word)
        self.live.restore()

    @Slot(object)
    def _failed(self, error) -> None:
        self._say(lambda: self.tr("Training failed: {0}").format(error_text(error)), error=True)
        self.status.show_diagnosis(getattr(error, "diagnosis", None))
        self.results.show_ended(
            lambda: self.tr("The run failed: {0} Nothing was kept.").format(error_text(error))
        )
        self._ended_badly(lambda: self.tr("failed"))
        self.queue = []
        self.last_end = "failed"
        self.ended.emit("failed")

    @Slot()
    def _cancelled(self) -> None:
        waited = time.perf_counter() - self._cancel_asked if self._cancel_asked else 0.0
        done = len(self.epochs_done)
        total = self.worker.config.epochs if self.worker is not None else 0
        ran = self.last_progress.elapsed_s if self.last_progress is not None else 0.0
        self._say(
            lambda: self.tr(
                "Training cancelled after {0} of {1} epochs ({2:.1f} s of training); it "
                "stopped {3:.2f} s after Cancel was pressed. Nothing was kept."
            ).format(done, total, ran, waited)
        )
        self.results.show_ended(
            lambda: self.tr(
                "The run was cancelled after {0} of {1} epochs; nothing was kept."
            ).format(done, total)
        )
        self._ended_badly(lambda: self.tr("cancelled"))
        self.queue = []
        self.last_end = "cancelled"
        self.ended.emit("cancelled")

    @Slot()
    @Slot()
    def _thread_ended(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            self._thread_finished(thread)
            if thread is not self.worker_thread:
                thread.deleteLater()  # an earlier run's thread: freed once it has ended

    def _thread_finished(self, thread: QThread | None = None) -> None:
        if thread is not None and thread is not self.worker_thread:
            return  # a late signal from a run already tidied up after
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        # Python owns the worker: it is freed here, in the window's thread, after its own
        # thread has ended (a deleteLater in the worker thread raced with Python's reference).
        self.worker = None
        if self.queue and self.last_end == "finished":
            QTimer.singleShot(0, self._next_in_queue)
        else:
            self.estimate.schedule()
