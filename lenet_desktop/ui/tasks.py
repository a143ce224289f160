"""Work off the window's thread: one function run in a QThread, its result or its error sent
back through a signal.

The rule for anything crossing threads, here and in the training worker: engine objects (a
Predictor, a ModelBundle, a Progress, a TrainResult, an exception) travel through queued
``Signal(object)`` connections, and the receiving thread owns them from then on. A stress test
(tests/ui/test_qt_binding.py) sends tens of thousands of objects this way and checks that every
one arrives and is freed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot


class Task(QObject):
    """Runs ``function()`` once in its thread; ``done(result)`` or ``failed(exception)``."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], object]) -> None:
        super().__init__()
        self.function = function

    @Slot()
    def run(self) -> None:
        try:
            result = self.function()
        except Exception as exc:  # every failure is the caller's to report, in plain words
            self.failed.emit(exc)
        else:
            self.done.emit(result)


class _Reply(QObject):
    """Lives in the caller's thread, so the task's answer is handled there (a plain Python
    callable connected to a worker's signal would run in the worker's thread)."""

    def __init__(self, done: Callable, failed: Callable, finished: Callable) -> None:
        super().__init__()
        self._done, self._failed, self._finished = done, failed, finished

    @Slot(object)
    def done(self, result: object) -> None:
        self._finished(self)
        self._done(result)

    @Slot(object)
    def failed(self, error: object) -> None:
        self._finished(self)
        self._failed(error)


class Runner(QObject):
    """Runs tasks one after another in one worker thread that lives as long as its parent."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self._pending: dict[_Reply, Task] = {}
        self.worker_thread.start()

    def run(self, function: Callable[[], object], done: Callable, failed: Callable) -> Task:
        """Run ``function`` in the worker thread; ``done(result)`` or ``failed(error)`` is then
        called in this thread."""
        task = Task(function)
        reply = _Reply(done, failed, self._forget)
        task.moveToThread(self.worker_thread)
        task.done.connect(reply.done, Qt.ConnectionType.QueuedConnection)
        task.failed.connect(reply.failed, Qt.ConnectionType.QueuedConnection)
        self._pending[reply] = task  # Python keeps both until the answer has come
        QMetaObject.invokeMethod(task, "run", Qt.ConnectionType.QueuedConnection)
        return task

    def _forget(self, reply: _Reply) -> None:
        self._pending.pop(reply, None)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def stop(self, timeout_ms: int = 3000) -> bool:
        """End the worker thread once its current task is done (closing the window), waiting
        at most ``timeout_ms``; a thread still busy then (a stalled download) is left to
        :func:`linger` so the process can still exit cleanly."""
        self.worker_thread.quit()
        if self.worker_thread.wait(timeout_ms):
            return True
        linger(self.worker_thread)
        return False


_LINGERING: list[QThread] = []


def linger(thread: QThread) -> None:
    """A thread that did not end in time: kept referenced (Qt aborts the process when a
    running QThread is destroyed) until the process exits."""
    thread.setParent(None)
    _LINGERING.append(thread)


def lingering() -> bool:
    """Whether a worker is still running at exit (then the app ends with ``os._exit``, the
    settings already written, instead of waiting for it)."""
    return any(thread.isRunning() for thread in _LINGERING)
