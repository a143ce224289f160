"""The training session: what a run is, as one plain-Python object that the Training panel's
views follow (as the inference :class:`~lenet_desktop.session.Session` is for the main view).

It owns the run going on (its state, its options, its progress, the epochs done), the queue of
runs to train after it, the live-view rule, the outcome of the last run (the trained model and
the run kept with every epoch), the kept runs, and the epoch being stepped through. Nothing here
knows about Qt or threads: :meth:`TrainingSession.start` returns a :class:`Job` that the window
runs in a worker thread (the command line and tests call :meth:`Job.run` directly), and the
job's reports come back through :meth:`Job.run`'s ``deliver`` — in the window, a queued Qt
signal, so that every event of this session is emitted in the window's thread.

Events (psygnal): ``state_changed(RunState)``, ``progressed(Progress)``,
``logged(template, values)`` (a line of the job's, English, translated by the window in the
context ``"TrainingJob"``), ``ended(RunState)`` (finished, cancelled or failed: :attr:`outcome`
or :attr:`error` says more), ``runs_changed()`` (the kept runs were read again) and
``epoch_shown(run or None, epoch or None)`` (stepping through a run's epochs, or back to the
learner's model), ``live_shown(bundle)`` (an epoch put in the main view by live view) and
``live_paused()`` (the learner chose another model during a run: it stays).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from enum import Enum
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from lenet_desktop.data.datasets import DatasetError
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.training.run_record import Run
from lenet_desktop.training.runs import RunError, RunStore

if TYPE_CHECKING:
    from collections.abc import Callable

    from lenet_desktop.nn.bundle import ModelBundle
    from lenet_desktop.nn.inference import Predictor
    from lenet_desktop.session import Session
    from lenet_desktop.training.config import TrainConfig
    from lenet_desktop.training.job import Outcome
    from lenet_desktop.training.loop import Progress

# the epochs' predictors kept in memory while stepping (each a quarter of a megabyte for LeNet)
EPOCH_CACHE = 256


class RunState(Enum):
    IDLE = "idle"
    PREPARING = "preparing"  # reading or downloading the data, measuring the estimate
    TRAINING = "training"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"


RUNNING = (RunState.PREPARING, RunState.TRAINING)


class LiveRule:
    """Live view's rule: during a run the main view shows the newest weights after every epoch,
    marked as such in the answer area; when the run ends — finished, cancelled or failed — the
    model that was in use comes back, unless the learner chose another model meanwhile, which
    then stays (and live view stops for that run). No silent swap: a finished run's model is
    put in use only by :meth:`TrainingSession.use_trained`, calibrated as the run calibrated
    it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.previous: Predictor | None = None  # the predictor in use when the run started
        self.snapshots: list = []  # the models this run put in use
        self.paused = False

    def begin(self) -> None:
        self.previous, self.snapshots, self.paused = self.session.predictor, [], False

    def show(self, bundle) -> bool:
        """Put an epoch's snapshot in use, unless live view is paused; whether it was."""
        if self.paused:
            return False
        self.snapshots.append(bundle)
        self.session.use_bundle(bundle)
        return True

    def ours(self, bundle) -> bool:
        return any(bundle is s for s in self.snapshots)

    def model_changed(self, predictor, running: bool) -> bool:
        """A model in use changed; True when that pauses live view now (the learner chose it:
        it stays, and the end of the run will not bring back the one from before)."""
        ours = self.ours(predictor.bundle)
        if running and not ours and not self.paused and self.previous is not None:
            self.paused, self.previous = True, None
            return True
        return False

    def restore(self) -> None:
        """The run ended: the model in use before it comes back, if what is in use now is one
        of this run's snapshots."""
        previous, self.previous = self.previous, None
        if previous is not None and any(self.session.model is s for s in self.snapshots):
            self.session.use(previous)
        self.snapshots = []


class Job:
    """One run to do, as :meth:`TrainingSession.start` asked for it. :meth:`run` does it in
    the calling thread (the window's worker thread, or the caller's) and hands every report to
    ``deliver(name, *values)``, which must call :meth:`TrainingSession.receive` with the same
    arguments in the session's thread (directly, when that is the calling thread)."""

    def __init__(
        self, training: TrainingSession, config: TrainConfig, data: str | None, download: bool
    ) -> None:
        self.training, self.config, self.data, self.download = training, config, data, download
        self.stop = threading.Event()

    def run(self, deliver: Callable[..., None] | None = None, splits=None) -> None:
        # deferred: Pillow, NumPy, SciPy, torch
        from lenet_desktop.training.job import Reports, run_training

        # deferred: Pillow, NumPy, SciPy, torch
        from lenet_desktop.training.loop import TrainingCancelled, TrainingFailed

        send = deliver or self.training.receive
        reports = Reports(
            log=lambda template, values: send("logged", template, values),
            progress=lambda progress: send("progressed", progress),
            epoch=lambda bundle, number: send("epoch", bundle, number),
            should_stop=self.stop.is_set,
        )
        try:
            outcome = run_training(
                self.config,
                self.data,
                download=self.download,
                splits=splits,
                reports=reports,
                store=self.training.store,
                translate=self.training.translate,
            )
        except TrainingCancelled:
            send("cancelled")
        except (DatasetError, TrainingFailed, ValueError) as exc:
            send("failed", exc)
        except Exception as exc:  # out of memory, a device error: still only a message
            send(
                "failed",
                LocalizedError(
                    QT_TRANSLATE_NOOP("errors", "{kind}: {detail}"),
                    kind=type(exc).__name__,
                    detail=exc,
                ),
            )
        else:
            send("finished", outcome)


@dataclasses.dataclass(frozen=True)
class Shown:
    """The epoch being stepped through: ``run``'s epoch ``epoch`` of ``run.epochs_kept``."""

    run: Run
    epoch: int


class TrainingSession:
    """See the module's description. ``translate(context, text)`` names kept runs in the
    learner's language."""

    state_changed = Signal(object)
    progressed = Signal(object)
    logged = Signal(str, dict)
    ended = Signal(object)
    runs_changed = Signal()
    epoch_shown = Signal(object, object)
    live_paused = Signal()
    live_shown = Signal(object)

    def __init__(
        self,
        session: Session,
        store: RunStore | None = None,
        translate: Callable[[str, str], str] | None = None,
    ) -> None:
        self.session = session
        self.store = store or RunStore()
        self.translate = translate
        self.state = RunState.IDLE
        self.job: Job | None = None
        self.config: TrainConfig | None = None
        self.progress: Progress | None = None  # the last report of the run
        self.epochs: list[Progress] = []  # each finished epoch's report
        self.outcome: Outcome | None = None  # the last finished run
        self.error: Exception | None = None  # why the last run failed
        self.queue: list[dict] = []  # the options of the runs to train after this one
        self.live_view = True  # whether epochs are shown in the main view as they end
        self.live = LiveRule(session)
        self.cancel_asked = 0.0  # perf_counter() when Cancel was pressed
        self.cancel_waited = 0.0  # how long the run took to stop after that
        self.runs: list[Run] = []
        self.damaged: list = []
        self.shown: Shown | None = None
        self._before: Predictor | None = None  # the learner's model while stepping
        self._epochs: OrderedDict[tuple[str, int], Predictor] = OrderedDict()
        session.model_changed.connect(self._model_changed)

    # -- a run ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.state in RUNNING

    def _set(self, state: RunState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)

    def start(self, config: TrainConfig, data: str | None = None, download: bool = False) -> Job:
        """A new run of ``config`` on the dataset in the folder ``data`` (downloaded there
        first with ``download``): the job to run (RuntimeError while another is going)."""
        if self.busy:
            raise RuntimeError("a run is going on")
        self.leave_epochs()
        self.config, self.progress, self.epochs = config, None, []
        self.outcome, self.error = None, None
        self.cancel_asked = self.cancel_waited = 0.0
        self.live.begin()
        self.job = Job(self, config, data, download)
        self._set(RunState.PREPARING)
        return self.job

    def cancel(self) -> bool:
        """Ask the run to stop before its next step; whether there was one to stop."""
        if self.job is None or not self.busy or self.job.stop.is_set():
            return False
        self.cancel_asked = time.perf_counter()
        self.job.stop.set()
        return True

    def receive(self, name: str, *values: Any) -> None:
        """A report of the job (in the session's thread): ``logged``, ``progressed``,
        ``epoch``, ``finished``, ``failed`` or ``cancelled``."""
        getattr(self, f"_on_{name}")(*values)

    def _on_logged(self, template: str, values: dict) -> None:
        self.logged.emit(template, values)

    def _on_progressed(self, progress: Progress) -> None:
        if not self.busy:
            return  # a late report of a run that has ended
        self.progress = progress
        if progress.phase == "epoch":
            self.epochs.append(progress)
        self._set(RunState.TRAINING)
        self.progressed.emit(progress)

    def _on_epoch(self, bundle: ModelBundle, number: int) -> None:
        if self.busy and self.live_view and self.live.show(bundle):
            self.live_shown.emit(bundle)

    def _end(self, state: RunState) -> None:
        self.live.restore()
        if self.cancel_asked:
            self.cancel_waited = time.perf_counter() - self.cancel_asked
        self.job = None
        if state is not RunState.FINISHED:
            self.queue = []  # a failed or cancelled run ends the queue
        self._set(state)
        self.ended.emit(state)

    def _on_finished(self, outcome: Outcome) -> None:
        self.outcome = outcome
        if outcome.run is not None:
            self.refresh_runs()
        self._end(RunState.FINISHED)

    def _on_failed(self, error: Exception) -> None:
        self.error = error
        self._end(RunState.FAILED)

    def _on_cancelled(self) -> None:
        self._end(RunState.CANCELLED)

    def run(self, config: TrainConfig, data: str | None = None, splits=None) -> RunState:
        """Train ``config`` here and now (no thread: scripts, tests); how it ended."""
        self.start(config, data).run(splits=splits)
        return self.state

    def next_in_queue(self) -> dict | None:
        """The options of the next queued run, taken off the queue (None: it is empty)."""
        return self.queue.pop(0) if self.queue and not self.busy else None

    def use_trained(self, source: str | None = None) -> bool:
        """Put the last finished run's model in use, calibrated as the run calibrated it
        (``source``: how the status bar names it); False when there is none."""
        if self.outcome is None:
            return False
        bundle = self.outcome.result.bundle
        if not self.trained_in_use():
            self.leave_epochs()
            if source:
                bundle = dataclasses.replace(bundle, source=source)
            self.session.use_bundle(bundle)
        return True

    def trained_in_use(self) -> bool:
        predictor = self.session.predictor
        return (
            self.outcome is not None
            and predictor is not None
            and predictor.bundle.network is self.outcome.result.bundle.network
        )

    def _model_changed(self, predictor) -> None:
        """A model the learner chose during a run stays (the live rule); one chosen while
        stepping ends the stepping, and stays."""
        if self.live.model_changed(predictor, self.busy):
            self.live_paused.emit()
        if self.shown is not None and not self._stepped(predictor):
            self.shown, self._before = None, None
            self.epoch_shown.emit(None, None)

    # -- the kept runs -------------------------------------------------------------------------
    def refresh_runs(self) -> None:
        self.runs, self.damaged = self.store.scan()
        self.runs_changed.emit()

    def rename_run(self, run_id: str, name: str) -> None:
        """RunError when it cannot be renamed; the runs are read again either way."""
        try:
            self.store.rename(run_id, name)
        finally:
            self.refresh_runs()

    def delete_runs(self, run_ids: list[str]) -> list[RunError]:
        """Delete runs (a run being stepped through first gives the learner's model back);
        the errors of those that could not be deleted."""
        if self.shown is not None and self.shown.run.id in run_ids:
            self.leave_epochs()
        errors = []
        for run_id in run_ids:
            try:
                self.store.delete(run_id)
            except RunError as exc:
                errors.append(exc)
        self._epochs = OrderedDict((k, v) for k, v in self._epochs.items() if k[0] not in run_ids)
        self.refresh_runs()
        return errors

    def use_run(self, run_id: str) -> None:
        """Put a kept run's model in use in the main view (RunError, ModelFileError or
        ValueError when it cannot be; the model in use then stays)."""
        bundle = self.store.load_model(run_id)
        self.leave_epochs()
        self.session.use_bundle(bundle)

    def run_of(self, run_id: str) -> Run | None:
        return next((run for run in self.runs if run.id == run_id), None)

    # -- stepping through a run's epochs -------------------------------------------------------
    def show_epoch(self, run: Run, epoch: int) -> None:
        """Put ``run``'s epoch ``epoch`` in the main view, labelled as such (the first call
        keeps the learner's model to come back to: :meth:`leave_epochs`). RunError or
        ModelFileError when it cannot be read; the model in use then stays. Ignored while a
        run trains: the main view is the live view's then."""
        if self.busy:
            return
        predictor = self.epoch_predictor(run, epoch)
        if self.shown is None:
            self._before = self.session.predictor
        self.shown = Shown(run, int(epoch))
        if self.session.predictor is not predictor:
            self.session.use(predictor)
        self.epoch_shown.emit(run, int(epoch))

    def leave_epochs(self) -> None:
        """Stop stepping: the model the learner had comes back."""
        if self.shown is None:
            return
        before, self._before, self.shown = self._before, None, None
        if before is not None and self._stepped(self.session.predictor):
            self.session.use(before)
        self.epoch_shown.emit(None, None)

    def epoch_predictor(self, run: Run, epoch: int) -> Predictor:
        """Epoch ``epoch`` of ``run``, ready to use (read once, then kept in memory)."""
        from lenet_desktop.nn.inference import Predictor  # deferred: Pillow, NumPy, SciPy, torch

        key = (run.id, int(epoch))
        predictor = self._epochs.get(key)
        if predictor is not None:
            self._epochs.move_to_end(key)
            return predictor
        bundle = self.store.load_epoch(run.id, int(epoch))
        live = dict(bundle.training.get("live") or {})
        live.update(run=run.name, epochs=run.epochs_kept - 1, epoch=int(epoch))
        bundle = dataclasses.replace(
            bundle,
            training=dict(bundle.training, live=live),
            source=f"{run.name} · {int(epoch)}/{run.epochs_kept - 1}",  # (no words to translate)
        )
        predictor = Predictor(bundle, self.session.device or None)
        predictor.anatomy  # noqa: B018 - computed once, here, not at each step
        self._epochs[key] = predictor
        while len(self._epochs) > EPOCH_CACHE:
            self._epochs.popitem(last=False)
        return predictor

    def kernel_history(self, layer: str, output: int, input_map: int) -> list | None:
        """While stepping: the kernel (``layer``, output map, input map) at every kept epoch of
        the run shown, as (epoch, 2-D array) pairs; None when not stepping."""
        if self.shown is None:
            return None
        run, history = self.shown.run, []
        for epoch in range(run.epochs_kept):
            for kernels in self.epoch_predictor(run, epoch).anatomy.kernels:
                if kernels.layer == layer:
                    history.append((epoch, kernels.weights[output, input_map]))
        return history

    def _stepped(self, predictor) -> bool:
        return predictor is not None and any(predictor is p for p in self._epochs.values())
