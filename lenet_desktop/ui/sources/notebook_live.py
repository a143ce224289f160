"""The source "Live from your notebook": the window listens for a notebook's network
(``live.watch(net)``) and follows it — a view of :class:`~lenet_desktop.live.follower.
NotebookFollower`.

The receiver's thread hands what arrives to a bridge, which moves it to the window's thread,
newest network first (older copies still waiting are skipped; their metrics are kept). The dock
says which network is shown (name, step, how long ago, training or evaluating), how the app
read it (its layers as the notebook runs them, the dataset and the input's scaling), the
metrics the notebook logged as curves, *Keep a copy…* and *Stop following*."""

from __future__ import annotations

import threading
import time
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.live.follower import Followed, NotebookFollower
from lenet_desktop.live.receiver import LiveError, Receiver, Update
from lenet_desktop.session import Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, error_text, model_architecture_title

COLOURS = ((70, 130, 200), (230, 120, 30), (60, 160, 90), (180, 60, 160), (120, 120, 120))
DOUBT_COLOUR = "#b03030"
DOCK_HEIGHT = 260  # the dock's height when it opens, at most a third of the window


class Bridge(QObject):
    """From the receiver's thread to the window's: ``arrived`` is emitted there (queued), and
    :meth:`take` gives what waits, older networks reduced to their metrics."""

    arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._waiting: list[Update | LiveError] = []

    def put(self, item: Update | LiveError) -> None:  # any thread
        with self._lock:
            self._waiting.append(item)
        self.arrived.emit()

    def take(self) -> list[Update | LiveError]:
        with self._lock:
            items, self._waiting = self._waiting, []
        last = max(
            (i for i, item in enumerate(items) if isinstance(item, Update) and item.state),
            default=-1,
        )
        return [
            Update(item.header, None, item.received_at)
            if isinstance(item, Update) and item.state is not None and i != last
            else item
            for i, item in enumerate(items)
        ]


class NotebookDock(Retranslating, QDockWidget):
    """What the window shows of the notebook it follows."""

    def __init__(self, follower: NotebookFollower, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebook")
        self.follower = follower
        self.listen_error: BaseException | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{DOUBT_COLOUR}")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:gray")
        self.note.hide()  # until there is something to say
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layers = QLabel()
        self.layers.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.layers.setFont(mono)
        self.layers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.layers)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(48)  # on a laptop's screen the dock gives way
        self.plot = pg.PlotWidget()
        self.plot.setBackground(None)
        self.plot.setMinimumSize(160, 60)
        self.legend = self.plot.addLegend(offset=(-10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}
        buttons = QHBoxLayout()
        self.keep = QPushButton()
        self.keep.clicked.connect(self.keep_copy)
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggle)
        buttons.addWidget(self.keep)
        buttons.addWidget(self.toggle)
        buttons.addStretch(1)
        for widget in (self.status, self.how, self.error, self.note, self.help):
            layout.addWidget(widget)
        shown = QHBoxLayout()
        shown.addWidget(scroll, 3)
        shown.addWidget(self.plot, 2)
        layout.addLayout(shown, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._age)
        follow(self, follower.followed, self._followed)
        follow(self, follower.failed, self._failed)
        follow(self, follower.noted, self._noted)
        follow(self, follower.metrics_changed, self._metrics)
        self.retranslate()
        if follower.last_note is not None:
            self._noted(follower.last_note)
        self._metrics()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Live from Your Notebook"))
        self.keep.setText(self.tr("Keep a Copy…"))
        self.help.setText(
            self.tr(
                "Add one line before your training loop, then train as the book does:"
                "<pre>from lenet_desktop import live\nlive.watch(net)</pre>"
                "The window then shows your network on your drawing as it learns."
            )
        )
        self._followed(self.follower.shown)
        self._failed(self.follower.error)

    # -- the follower's events ---------------------------------------------------------------------
    def _followed(self, shown: Followed | None) -> None:
        following = self.follower.following
        self.toggle.setText(self.tr("Stop Following") if following else self.tr("Follow Again"))
        self.toggle.setEnabled(not following or shown is not None)
        self.keep.setEnabled(shown is not None)
        self.help.setVisible(self.follower.latest is None)
        if shown is None:
            self.timer.stop()
            if self.listen_error is not None:
                self.status.setText(
                    self.tr("The window cannot listen for notebooks: {0}").format(
                        error_text(self.listen_error)
                    )
                )
            elif following:
                self.status.setText(self.tr("Waiting for your notebook…"))
            else:
                self.status.setText(
                    self.tr("Not following your notebook (Follow Again shows its newest network)")
                )
            self.how.clear()
            return
        self._age()
        self.timer.start()
        self.how.setText(self._how(shown))
        self.layers.setText(
            "\n".join(f"{number:>2}  {text}" for number, text in enumerate(shown.network.texts, 1))
        )
        self.layers.setToolTip(self.tr("The layers as your notebook's forward pass runs them"))

    def _age(self) -> None:
        shown = self.follower.shown
        if shown is None:
            return
        age = max(0.0, time.time() - shown.update.taken_at)
        mode = self.tr("training") if shown.update.mode == "train" else self.tr("evaluating")
        self.status.setText(
            "<b>● {}</b> · {} · {} · {}".format(
                escape(shown.name),
                self.tr("step {0}").format(f"{shown.step:,}"),
                self.tr("{0:.1f} s ago").format(age)
                if age < 60
                else self.tr("{0:.0f} min ago").format(age / 60),
                mode,
            )
        )

    def _how(self, shown: Followed) -> str:
        record = shown.bundle.training.get("notebook", {})
        dataset = shown.bundle.dataset
        known = {
            "named": self.tr("named by your notebook"),
            "pixels": self.tr("told from the pixels it was trained on"),
            "assumed": self.tr("assumed: your notebook did not say"),
        }.get(record.get("dataset_from"), "")
        parts = [
            self.tr("Network: {0}").format(escape(model_architecture_title(shown.bundle))),
            self.tr("Dataset: {0} ({1})").format(dataset.title, known),
        ]
        if record.get("scale") == "unit":
            parts.append(self.tr("Input: pixels 0–1, as ToTensor() gives them"))
        else:
            parts.append(
                self.tr("Input: (pixel − {0:.4g}) / {1:.4g}").format(dataset.mean, dataset.std)
            )
        if shown.network.softmax_dropped:
            parts.append(self.tr("its final softmax is the app's (the same probabilities)"))
        if str(record.get("structure", "")).startswith("modules"):
            parts.append(
                self.tr(
                    "its forward pass could not be traced: the layers are its modules in "
                    "the order they were defined"
                )
            )
        return " · ".join(parts)

    def _failed(self, error: LiveError | None) -> None:
        self.error.setVisible(error is not None)
        self.error.setText("" if error is None else error_text(error))

    def _noted(self, error: LiveError) -> None:
        self.note.show()
        self.note.setText(self.tr("{0} ({1})").format(error_text(error), time.strftime("%H:%M:%S")))

    def _metrics(self) -> None:
        for name, points in self.follower.metrics.items():
            curve = self.curves.get(name)
            if curve is None:
                colour = COLOURS[len(self.curves) % len(COLOURS)]
                curve = self.plot.plot(pen=pg.mkPen(colour, width=2), name=name)
                self.curves[name] = curve
            curve.setData([p[0] for p in points], [p[1] for p in points])
        for name in [n for n in self.curves if n not in self.follower.metrics]:
            self.plot.removeItem(self.curves.pop(name))
            self.legend.removeItem(name)

    # -- the learner's buttons ---------------------------------------------------------------------
    def _toggle(self) -> None:
        if self.follower.following:
            self.follower.stop()
        else:
            self.follower.resume()
            self._followed(self.follower.shown)

    def keep_copy(self) -> None:
        shown = self.follower.shown
        if shown is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Keep a Copy of the Notebook's Network"),
            f"{shown.name}-step{shown.step}.safetensors",
            self.tr("Model files (*.safetensors)"),
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        try:
            saved = self.follower.keep_copy(path)
        except (LiveError, OSError, ValueError) as exc:
            self.note.setText(error_text(exc) if isinstance(exc, LiveError) else str(exc))
            self.note.show()
            return
        self.note.setText(self.tr("Kept: {0}").format(str(saved)))
        self.note.show()


class NotebookLive(QObject):
    """The window's notebook source: the follower, its receiver and its dock (built when a
    notebook first sends, or when the learner opens it: nothing of it at start-up)."""

    def __init__(self, session: Session, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.follower = NotebookFollower(session)
        self.bridge = Bridge(self)
        self.bridge.arrived.connect(self._drain)
        self.receiver: Receiver | None = None
        self.listen_error: BaseException | None = None
        self._dock: NotebookDock | None = None

    @property
    def dock(self) -> NotebookDock:
        if self._dock is None:
            from PySide6.QtCore import Qt  # deferred: off the first paint

            dock = self._dock = NotebookDock(self.follower, self.window)
            dock.listen_error = self.listen_error
            dock.retranslate()
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
        return self._dock

    def listen(self) -> None:
        """Start listening (a failure is said in the dock, never raised)."""
        try:
            self.receiver = Receiver(self.bridge.put, self.bridge.put).start()
        except Exception as exc:  # noqa: BLE001 - no port, a folder of another user's…
            self.listen_error = exc

    def close(self) -> None:
        if self.receiver is not None:
            self.receiver.close()
            self.receiver = None

    def _drain(self) -> None:
        for item in self.bridge.take():
            if isinstance(item, LiveError):
                self.follower.note(item)
                continue
            first = item.state is not None and self._dock is None
            self.follower.receive(item)
            if first:  # the first network: the dock comes into sight
                self.toggle()

    def toggle(self) -> None:
        from PySide6.QtCore import Qt  # deferred: off the first paint

        dock = self.dock
        dock.setVisible(not dock.isVisible())
        if dock.isVisible():
            dock.raise_()
            # a strip at the bottom: the canvas, the answer and the maps keep the window
            height = min(DOCK_HEIGHT, self.window.height() // 3)
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
