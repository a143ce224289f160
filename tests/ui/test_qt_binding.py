"""The Qt binding itself must not corrupt Python: a long drawing session makes millions of
Qt calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.update()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.update()
        label.setText("x")
    # Python ≥ 3.12 makes None immortal (its count never moves); on 3.11 a binding that
    # forgets to add a reference when it returns None bleeds 2000 references here.
    assert abs(sys.getrefcount(None) - before) < 100


def test_python_objects_cross_threads_through_queued_signals(qtbot):
    """The rule the model loader and the training worker follow (ui/tasks.py): engine objects
    travel through queued ``Signal(object)``. 20,000 of them, from a worker thread: every one
    arrives, in order, and every one is freed once the receiver lets go (review defect 3)."""
    import gc
    import weakref

    from PySide6.QtCore import QObject, QThread, Signal, Slot

    class Payload:
        def __init__(self, index: int) -> None:
            self.index = index
            self.data = bytearray(512)

    sent: list[weakref.ref] = []

    class Worker(QObject):
        item = Signal(object)
        done = Signal()

        @Slot()
        def run(self) -> None:
            for index in range(20_000):
                payload = Payload(index)
                sent.append(weakref.ref(payload))
                self.item.emit(payload)
            self.done.emit()

    class Receiver(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.received: list[int] = []

        @Slot(object)
        def take(self, payload) -> None:
            self.received.append(payload.index)

    worker, receiver, thread = Worker(), Receiver(), QThread()
    worker.moveToThread(thread)
    worker.item.connect(receiver.take)
    thread.started.connect(worker.run)
    with qtbot.waitSignal(worker.done, timeout=60_000):
        thread.start()
    qtbot.waitUntil(lambda: len(receiver.received) == 20_000, timeout=30_000)
    thread.quit()
    thread.wait()
    gc.collect()
    assert receiver.received == list(range(20_000))
    assert sum(ref() is not None for ref in sent) == 0


def test_a_task_answers_in_the_callers_thread(qtbot):
    """ui/tasks.py runs the function in its worker thread and the answer in the caller's."""
    import threading

    from PySide6.QtCore import QObject

    from lenet_desktop.ui.tasks import Runner

    owner = QObject()
    runner = Runner(owner)
    threads: dict[str, int] = {}
    answers: list = []

    def work() -> str:
        threads["work"] = threading.get_ident()
        return "result"

    def done(result) -> None:
        threads["done"] = threading.get_ident()
        answers.append(result)

    runner.run(work, done, answers.append)
    runner.run(lambda: 1 / 0, answers.append, answers.append)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    runner.stop()
    assert answers[0] == "result" and isinstance(answers[1], ZeroDivisionError)
    assert threads["done"] == threading.get_ident() != threads["work"]
