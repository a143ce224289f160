"""Retraining in the background: a dock of views of the training session
(:class:`lenet_desktop.training.session.TrainingSession`) — the options (options_form), the
live curves (curves), the log, the results with the epoch slider (results), the kept runs
(runs_view) and the exercises — and the worker's QThread, which runs the session's job.

The session owns what a run is (its state, progress, epochs, queue, the live-view rule and the
kept run); this dock turns the learner's clicks into its calls and its events into words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QMessageBox, QTabWidget, QWidget

from lenet_desktop.training.session import RunState, TrainingSession
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.training.controls import ControlsColumn
from lenet_desktop.ui.training.curves import CURVE_POINTS, Curves
from lenet_desktop.ui.training.exercises_view import ExercisesView
from lenet_desktop.ui.training.options_form import OptionsForm
from lenet_desktop.ui.training.planning import RunPlanner
from lenet_desktop.ui.training.results import Results
from lenet_desktop.ui.training.runs_view import RunsView
from lenet_desktop.ui.training.status import RunStatus
from lenet_desktop.ui.training.time_estimate import TimeEstimate
from lenet_desktop.ui.training.worker import TrainingWorker
from lenet_desktop.ui.translation import Retranslating, error_text, translate

__all__ = ["CURVE_POINTS", "TrainingPanel"]

RESULTS_TAB, RUNS_TAB = 2, 3
STOP_WAIT_MS = 700  # closing waits this long for a run to stop, then leaves it to the exit


class TrainingPanel(Retranslating, QDockWidget):
    """The Training dock. ``busy`` is True while a run is going on."""

    started = Signal()
    ended = Signal(str)  # "finished", "cancelled" or "failed"
    look_requested = Signal(str)  # an exercise to look at (the window sets it up)
    live_model = Signal(object)  # an epoch put in the main view by live view

    def __init__(
        self, training: TrainingSession, settings: QSettings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.training = training
        self.session = training.session
        self.settings = settings
        self.worker_thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self._build()
        self.form.restore()
        self.retranslate()
        follow(self, training.state_changed, self._state_changed)
        follow(self, training.progressed, self._progressed)
        follow(self, training.logged, self._logged)
        follow(self, training.live_paused, self._live_paused)
        follow(self, training.live_shown, self.live_model.emit)
        follow(self, self.session.model_changed, lambda _: self.results.show_use_button())
        training.refresh_runs()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        training = self.training
        self.form = OptionsForm(self.settings)
        self.status = RunStatus(self)
        self.planner = RunPlanner(self.form, self.status, self._say, self)
        self.status.fix.connect(self.planner.apply_fix)
        self.estimate = TimeEstimate(self.form, lambda: self.busy, self)
        self.visibilityChanged.connect(self._shown_or_hidden)
        self.column = ControlsColumn(self.form, self.status, self.estimate.label)
        self.column.train_button.clicked.connect(self.start)
        self.column.cancel_button.clicked.connect(self.cancel)
        self.curves = Curves(training)
        self.results = Results(training)
        self.results.said.connect(self._say)
        self.runs_view = RunsView(training)
        self.runs_view.problem.connect(lambda text: self._say(text, error=True))
        self.exercises = ExercisesView(training)
        self.exercises.set_up.connect(self.planner.set_up)
        self.exercises.train_all.connect(self.train_queue)
        self.exercises.compare.connect(self.runs_view.open_comparison)
        self.exercises.look.connect(self.look_requested)
        self.exercises.problem.connect(lambda text: self._say(text, error=True))
        self.tabs = QTabWidget()
        for tab in (self.curves, self.status.log_view, self.results, self.runs_view,
                    self.exercises):  # fmt: skip
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_changed)
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
        else:
            self._leave_epochs()

    def _tab_changed(self, index: int) -> None:
        """Leaving the tab of the slider in use gives the learner's model back."""
        for tab, stepper in ((RESULTS_TAB, self.results.epochs), (RUNS_TAB, self.runs_view.epochs)):
            if index != tab:
                stepper.leave()

    def _leave_epochs(self) -> None:
        self.results.epochs.leave()
        self.runs_view.epochs.leave()

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

    def set_devices(self, devices: list[str]) -> None:
        self.form.restore_device(devices)

    # -- options -----------------------------------------------------------------------------
    def book_settings(self) -> None:
        """The D2L chapter's own run: its network, plain SGD at 0.9, constant, batch 256,
        10 epochs, Xavier, no augmentation, no weight decay, no hold-out (on Fashion-MNIST)."""
        self.form.apply_book()

    def use_spec_file(self, path: str) -> None:
        """Train the network a spec file describes (the editor's *Train This*)."""
        self.form.add_spec(path)

    def set_up(self, options: dict) -> None:
        self.planner.set_up(options)

    # -- running -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A run is going, or its thread has ended but the panel has not yet tidied up after
        it (a new run must not start in between: the old run's tidying would take its worker)."""
        return (
            self.training.busy
            or self.worker is not None
            or (self.worker_thread is not None and self.worker_thread.isRunning())
        )

    def start(self) -> bool:
        if self.busy:
            return False
        try:
            config = self.form.config()
        except ValueError as exc:
            self._say(error_text(exc), error=True)
            return False
        self.form.save()
        self.status.show_diagnosis(None)
        self.status.reset(self.tr("starting…"))
        self._say(self.tr("Training {0} on {1}…").format(config.architecture, config.dataset))
        self.training.live_view = self.form.live_box.isChecked()
        job = self.training.start(
            config, self.form.folder_edit.text().strip() or None, self.form.download_box.isChecked()
        )
        self.worker = TrainingWorker(job)
        previous = self.worker_thread
        if previous is not None and previous.isFinished():
            previous.deleteLater()  # one QThread a run, freed when the next one starts
        self.worker_thread = QThread(self)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        # queued to this (the window's) thread, where the session lives
        self.worker.report.connect(self._report)
        # quit() is thread-safe: call it from the worker's thread, so a window waiting for
        # the thread (closing) does not have to process events for it to end.
        self.worker.done.connect(self.worker_thread.quit, Qt.ConnectionType.DirectConnection)
        # a bound slot of this panel (it lives in the window's thread), so Qt queues the call
        # there; a lambda would run in the ending thread itself
        self.worker_thread.finished.connect(self._thread_ended)
        self._enable_buttons()
        self.worker_thread.start()
        self.started.emit()
        return True

    @Slot(str, object)
    def _report(self, name: str, values: tuple) -> None:
        self.training.receive(name, *values)

    def cancel(self) -> None:
        if self.training.cancel():
            self.column.cancel_button.setEnabled(False)
            self._say(self.tr("Cancelling…"))

    def train_queue(self, runs: list[dict]) -> bool:
        """Train one run after another, each with its options (``runs``: TrainConfig option
        dicts, set in the form in turn); a failed or cancelled run ends the queue."""
        if self.busy or not runs:
            return False
        self.training.queue = [dict(options) for options in runs]
        return self._next_in_queue()

    def _next_in_queue(self) -> bool:
        if self.busy:
            return False
        options = self.training.next_in_queue()
        if options is None:
            return False
        self.planner.set_up(options)
        started = self.start()
        if not started:
            self.training.queue = []
        return started

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Cancel and wait for the thread to end (closing the window)."""
        if not self.busy:
            return True
        self.cancel()
        thread = self.worker_thread
        if thread is not None and not thread.wait(timeout_ms):
            return False
        # the job's last reports (its end among them), now, not when the event loop next runs
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        self._thread_finished()
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
            from lenet_desktop.ui.tasks import linger  # deferred: off the first paint

            if self.worker_thread is not None:
                linger(self.worker_thread)
        return True

    # -- the session's events, in words ------------------------------------------------------
    def _progressed(self, progress) -> None:
        if progress.diagnosis is not None:
            self.status.show_diagnosis(progress.diagnosis)
        self.status.step(progress)

    def _logged(self, template: str, values: dict) -> None:
        self.status.log(translate("TrainingJob", template).format(**values))

    def _live_paused(self) -> None:
        self._say(self.tr("Live view paused for this run: you chose another model."))

    def _enable_buttons(self) -> None:
        self.column.train_button.setEnabled(not self.busy)
        self.column.cancel_button.setEnabled(self.busy and self.training.busy)

    def _state_changed(self, state: RunState) -> None:
        self._enable_buttons()
        training = self.training
        if state is RunState.FINISHED:
            self._finished()
        elif state is RunState.CANCELLED:
            done, total = len(training.epochs), training.config.epochs if training.config else 0
            ran = training.progress.elapsed_s if training.progress is not None else 0.0
            waited = training.cancel_waited
            self._say(
                lambda: self.tr(
                    "Training cancelled after {0} of {1} epochs ({2:.1f} s of training); it "
                    "stopped {3:.2f} s after Cancel was pressed. Nothing was kept."
                ).format(done, total, ran, waited)
            )
            self.status.reset(lambda: self.tr("cancelled"))
        elif state is RunState.FAILED:
            error = training.error or ValueError()
            self._say(lambda: self.tr("Training failed: {0}").format(error_text(error)), True)
            self.status.show_diagnosis(getattr(error, "diagnosis", None))
            self.status.reset(lambda: self.tr("failed"))
        if state in (RunState.FINISHED, RunState.CANCELLED, RunState.FAILED):
            self.ended.emit(state.value)

    def _finished(self) -> None:
        outcome = self.training.outcome
        assert outcome is not None
        result, evaluation = outcome.result, outcome.result.evaluation
        self._say(
            lambda: self.tr("Done: {0:.2f} % of {1} test images right in {2:.0f} s.").format(
                100 * evaluation.accuracy, evaluation.count, result.seconds
            )
        )
        self.status.show_diagnosis(result.diagnosis)
        if outcome.run is not None:
            self.status.log(self.tr("Kept as run “{0}” (Runs tab).").format(outcome.run.name))
        else:  # said where the learner looks, not only in the log
            reason = error_text(outcome.keep_error) if outcome.keep_error else ""
            self._say(self.tr("The run was not kept: {0}").format(reason), error=True)
        if outcome.epochs_error is not None:
            self.status.log(self.tr("Its epochs were not kept: {0}").format(outcome.epochs_error))
        self.tabs.setCurrentIndex(RESULTS_TAB)

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
        # Python owns the worker: it is freed here, in the window's thread, after its own
        # thread has ended (a deleteLater in the worker thread raced with Python's reference).
        self.worker = None
        self._enable_buttons()
        if self.training.queue and self.training.state is RunState.FINISHED:
            QTimer.singleShot(0, self._next_in_queue)
        else:
            self.estimate.schedule()
