"""The session's analysis jobs (the explanation of the selected value, the attribution map)
run in a worker thread, so a stroke's probabilities and maps never wait for them; while one
runs, only the latest request waits behind it (the latest input wins)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from lenet_desktop.analysis.live import KINDS, Job, Outcome
from lenet_desktop.session import Session
from lenet_desktop.ui.tasks import Runner


class Analyst(QObject):
    """Becomes ``session.runner``; ``computed`` counts the jobs finished (tests, benchmark)."""

    def __init__(self, session: Session, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = Runner(self)
        self.computed = 0
        # the latest request of each kind waiting behind the running job
        self._waiting: dict[str, tuple[Job, Callable[[Outcome], None]]] = {}
        session.runner = self.submit

    def submit(self, job: Job, deliver: Callable[[Outcome], None]) -> None:
        if self.runner.busy:
            self._waiting[job.kind] = (job, deliver)  # replaces an older one of its kind
        else:
            self._start(job, deliver)

    @property
    def busy(self) -> bool:
        return self.runner.busy or bool(self._waiting)

    def _start(self, job: Job, deliver: Callable[[Outcome], None]) -> None:
        self.runner.run(job, lambda outcome: self._done(outcome, deliver), self._failed)

    def _done(self, outcome: Outcome, deliver: Callable[[Outcome], None]) -> None:
        self.computed += 1
        deliver(outcome)
        self._next()

    def _failed(self, error: object) -> None:
        self.session.report(error if isinstance(error, BaseException) else str(error))
        self._next()

    def _next(self) -> None:
        for kind in KINDS:  # an explanation first: it is cheap, and the panel waits for it
            if kind in self._waiting:
                job, deliver = self._waiting.pop(kind)
                self._start(job, deliver)
                return

    def stop(self) -> None:
        """Stop taking jobs and end the worker thread (closing the window)."""
        self._waiting.clear()
        if self.session.runner == self.submit:
            self.session.runner = None
        self.runner.stop()
