"""The worker object that runs one training job in its own QThread (Qt's worker-object pattern).

The job (:class:`lenet_desktop.training.session.Job`) is the engine's; this object only carries
its reports across threads: each becomes a ``report(name, values)`` signal, queued to the
window's thread, where the panel hands it to the training session. The window cancels through
the session (the job's stop event, which the training loop checks before every step).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class TrainingWorker(QObject):
    """``report(name, values)``: one of the job's reports (see ``TrainingSession.receive``);
    ``done()`` once the job has ended, whatever the way."""

    report = Signal(str, object)
    done = Signal()

    def __init__(self, job) -> None:
        super().__init__()
        self.job = job

    @Slot()
    def run(self) -> None:
        try:
            self.job.run(lambda name, *values: self.report.emit(name, values))
        finally:
            self.done.emit()
