"""Retraining in the background: a dock with the options, the worker in a QThread, live curves,
and the results (confusion matrix, the test images the model gets wrong, "Use this model",
"Save as…").

With Live view on, the session shows the newest weights after every epoch; if the run is
cancelled or fails, the model that was in use comes back — unless the learner chose another
model meanwhile, which then stays.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.files.model_files import SUFFIX
from lenet_desktop.options import (
    ARCHITECTURES,
    DATASET_NAMES,
    DEFAULT_LR,
    INITS,
    OPTIMIZERS,
    SCHEDULES,
)
from lenet_desktop.session import Input, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.training.worker import TrainingWorker
from lenet_desktop.ui.translation import Retranslating, architecture_title, class_name, error_text
from lenet_desktop.ui.widgets.confusion import ConfusionTable
from lenet_desktop.ui.widgets.device_box import DeviceBox

GALLERY_LIMIT = 200
CURVE_POINTS = 1000  # points per run in the live curves, however long the run


# The share of the training split kept out to calibrate the probabilities (TrainConfig's).
HOLDOUT = 0.05


def thumbnail(pixels: np.ndarray, size: int = 56) -> QIcon:
    """A dataset image (28×28 uint8, light on dark) as an icon, shown dark on light."""
    data = np.ascontiguousarray(255 - pixels)
    image = QImage(data.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(image).scaled(size, size))


class TrainingPanel(Retranslating, QDockWidget):
    """The Training dock. ``busy`` is True while a run is going on."""

    started = Signal()
    ended = Signal(str)  # "finished", "cancelled" or "failed"
    live_model = Signal(object)  # a snapshot after an epoch, put in use (live view on)

    def __init__(self, session: Session, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.session = session
        self.settings = settings
        self.thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self.result = None
        self.test_split = None
        self.last_progress = None
        self.epochs_done: list = []  # the Progress of each finished epoch of the current run
        self._previous = None  # the predictor in use when the run started
        self._snapshots: list = []  # the live-view models this run put in use
        self._live_paused = False
        self._points: dict[str, list] = {}
        self._stride = 1
        self._last_plot = 0.0
        self._cancel_asked = 0.0
        self._build()
        self._restore_options()
        self.retranslate()
        follow(self, session.model_changed, self._model_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.dataset_box = QComboBox()
        for name in DATASET_NAMES:
            self.dataset_box.addItem(name, name)
        self.dataset_box.currentIndexChanged.connect(self._dataset_changed)
        self.folder_edit = QLineEdit()
        self.browse_button = QToolButton()
        self.browse_button.setText("…")
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.download_box = QCheckBox()
        self.arch_box = QComboBox()
        for name in ARCHITECTURES:
            self.arch_box.addItem(name, name)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 500)
        self.epochs_spin.setValue(5)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(2, 8192)
        self.batch_spin.setValue(256)
        self.optimizer_box = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_box.addItem(name, name)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1e6)
        self.lr_spin.setSingleStep(0.001)
        self.lr_spin.setValue(DEFAULT_LR["adamw"])
        self.optimizer_box.activated.connect(self._optimizer_changed)
        self.momentum_spin = QDoubleSpinBox()
        self.momentum_spin.setRange(0.0, 0.99)
        self.momentum_spin.setSingleStep(0.1)
        self.momentum_spin.setValue(0.9)
        self.schedule_box = QComboBox()
        for name in SCHEDULES:
            self.schedule_box.addItem(name, name)
        self.init_box = QComboBox()
        for name in INITS:
            self.init_box.addItem(name, name)
        self.decay_spin = QDoubleSpinBox()
        self.decay_spin.setDecimals(5)
        self.decay_spin.setRange(0.0, 1.0)
        self.decay_spin.setSingleStep(0.0001)
        self.decay_spin.setValue(5e-4)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.book_button = QPushButton()
        self.book_button.clicked.connect(self.book_settings)
        # The share of the training split kept out to fit the temperature (the book: none).
        self.holdout_spin = QDoubleSpinBox()
        self.holdout_spin.setDecimals(1)
        self.holdout_spin.setRange(0.0, 50.0)
        self.holdout_spin.setSingleStep(1.0)
        self.holdout_spin.setSuffix(" %")
        self.holdout_spin.setValue(100 * HOLDOUT)
        self.augment_box = QCheckBox()
        self.augment_box.setChecked(True)
        self.device_box = DeviceBox()
        self.live_box = QCheckBox()
        self.live_box.setChecked(True)
        form = QFormLayout()
        self.form_labels = {}
        for key, widget in (
            ("dataset", self.dataset_box),
            ("folder", folder_row),
            ("download", self.download_box),
            ("arch", self.arch_box),
            ("epochs", self.epochs_spin),
            ("batch", self.batch_spin),
            ("optimizer", self.optimizer_box),
            ("lr", self.lr_spin),
            ("momentum", self.momentum_spin),
            ("schedule", self.schedule_box),
            ("init", self.init_box),
            ("decay", self.decay_spin),
            ("seed", self.seed_spin),
            ("holdout", self.holdout_spin),
            ("augment", self.augment_box),
            ("device", self.device_box),
            ("live", self.live_box),
        ):
            label = QLabel()
            self.form_labels[key] = label
            form.addRow(label, widget)
        self.train_button = QPushButton()
        self.train_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        form.insertRow(0, self.book_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        controls = QWidget()
        layout = QVBoxLayout(controls)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        # The options scroll rather than make the dock (and the window) taller than a screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(controls)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for box in (self.dataset_box, self.arch_box, self.optimizer_box, self.device_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
        self._controls, self._controls_scroll = controls, scroll

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_curves(), "")
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.tabs.addTab(self.log_view, "")
        self.tabs.addTab(self._build_results(), "")
        from lenet_desktop.ui.training.runs_view import RunsView

        self.runs_view = RunsView()
        self.runs_view.open_run.connect(self._open_run)
        self.runs_view.problem.connect(lambda text: self._say(text, error=True))
        self.tabs.addTab(self.runs_view, "")
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(scroll)
        row.addWidget(self.tabs, 1)
        body.setMinimumHeight(160)
        self.setWidget(body)

    def _build_curves(self) -> QWidget:
        curves = QWidget()
        layout = QHBoxLayout(curves)
        layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setBackground(None)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setBackground(None)
        self.acc_plot.setYRange(0, 1)
        self.train_acc_curve = self.acc_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.test_acc_curve = self.acc_plot.plot(
            pen=pg.mkPen((230, 120, 30), width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=(230, 120, 30),
        )
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumSize(160, 120)
            layout.addWidget(plot)
        return curves

    def _build_results(self) -> QWidget:
        results = QWidget()
        layout = QVBoxLayout(results)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.confusion = ConfusionTable()
        self.confusion.setMinimumSize(320, 200)
        split.addWidget(self.confusion)
        self.reliability = pg.PlotWidget()
        self.reliability.setBackground(None)
        self.reliability.setMinimumSize(180, 180)
        # both axes 0–1 whatever the widget's shape (a locked aspect showed −1…2 when wide)
        self.reliability.setMouseEnabled(x=False, y=False)
        self.reliability.hideButtons()
        self.reliability.setXRange(0, 1, padding=0.02)
        self.reliability.setYRange(0, 1, padding=0.02)
        split.addWidget(self.reliability)
        gallery_box = QWidget()
        gallery_layout = QVBoxLayout(gallery_box)
        gallery_layout.setContentsMargins(0, 0, 0, 0)
        self.gallery_label = QLabel()
        self.gallery_label.setWordWrap(True)
        gallery_layout.addWidget(self.gallery_label)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(48, 48))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.gallery.itemClicked.connect(self._gallery_clicked)
        gallery_layout.addWidget(self.gallery)
        split.addWidget(gallery_box)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_result)
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        return results

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        for key, text in {
            "dataset": self.tr("Dataset"),
            "folder": self.tr("Folder"),
            "download": self.tr("Download"),
            "arch": self.tr("Architecture"),
            "epochs": self.tr("Epochs"),
            "batch": self.tr("Batch size"),
            "optimizer": self.tr("Optimiser"),
            "lr": self.tr("Learning rate"),
            "momentum": self.tr("Momentum (SGD)"),
            "schedule": self.tr("Schedule"),
            "init": self.tr("Initialisation"),
            "decay": self.tr("Weight decay"),
            "seed": self.tr("Seed"),
            "holdout": self.tr("Held out to calibrate"),
            "augment": self.tr("Augmentation"),
            "device": self.tr("Device"),
            "live": self.tr("Live view"),
        }.items():
            self.form_labels[key].setText(text)
        self.download_box.setText(self.tr("if missing"))
        self.book_button.setText(self.tr("D2L Book Settings"))
        self.book_button.setToolTip(
            self.tr(
                "The LeNet chapter's own run: d2l, SGD lr 0.9 without momentum, constant rate, "
                "batch 256, 10 epochs, Xavier initialisation, no augmentation, on Fashion-MNIST"
            )
        )
        schedules = {"onecycle": self.tr("one-cycle"), "cosine": self.tr("cosine"),
                     "constant": self.tr("constant")}  # fmt: skip
        for i in range(self.schedule_box.count()):
            self.schedule_box.setItemText(i, schedules.get(self.schedule_box.itemData(i), ""))
        inits = {"default": self.tr("PyTorch default"), "xavier": self.tr("Xavier (as the book)")}
        for i in range(self.init_box.count()):
            self.init_box.setItemText(i, inits.get(self.init_box.itemData(i), ""))
        self.download_box.setToolTip(
            self.tr("Download the dataset with torchvision if the folder does not hold it")
        )
        self.augment_box.setText(self.tr("random affine"))
        self.augment_box.setToolTip(
            self.tr(
                "Random small rotations, scalings and shifts of each batch (and flips for garments)"
            )
        )
        self.holdout_spin.setToolTip(
            self.tr(
                "Training images kept out of training; when it ends, a temperature is fitted on "
                "them so that the probabilities are honest (0: no temperature, as in the book)"
            )
        )
        self.live_box.setText(self.tr("after each epoch"))
        self.live_box.setToolTip(
            self.tr(
                "Show the newest weights in the main view after each epoch: watch the maps form"
            )
        )
        self.folder_edit.setPlaceholderText(self.tr("folder with the four IDX files"))
        for i, name in enumerate(ARCHITECTURES):
            self.arch_box.setItemText(i, f"{name} — {architecture_title(name)}")
        self.train_button.setText(self.tr("Train"))
        self.cancel_button.setText(self.tr("Cancel"))
        tabs = (self.tr("Curves"), self.tr("Log"), self.tr("Results"), self.tr("Runs"))
        for index, text in enumerate(tabs):
            self.tabs.setTabText(index, text)
        self.loss_plot.setTitle(self.tr("Training loss"))
        self.acc_plot.setTitle(self.tr("Accuracy (blue: training, orange: test)"))
        self.gallery_label.setText(self.tr("Misclassified test images (click to inspect):"))
        self.reliability.setLabel("bottom", self.tr("confidence"))
        self.reliability.setLabel("left", self.tr("accuracy"))
        self._show_use_button()
        self.save_button.setText(self.tr("Save as…"))
        self.confusion.retranslate()
        if self.result is not None:
            self._show_result_label()
        self._fit_controls()

    def _fit_controls(self) -> None:
        """The options' column is as wide as its widest row in this language, never cut."""
        for widget in self._controls.findChildren(QWidget):
            widget.ensurePolished()
        self._controls.layout().activate()
        scrollbar = self._controls_scroll.verticalScrollBar().sizeHint().width()
        width = self._controls.minimumSizeHint().width() + scrollbar + 8
        self._controls_scroll.setFixedWidth(min(max(width, 240), 460))

    def showEvent(self, event) -> None:
        self._fit_controls()  # now styled: the final sizes are known
        super().showEvent(event)

    def set_devices(self) -> None:
        self.device_box.fill(self._option("device", ""))

    # -- options -----------------------------------------------------------------------------
    def _option(self, key: str, default):
        value = self.settings.value(f"training/{key}", default)
        try:
            return type(default)(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def _restore_options(self) -> None:
        """The options of the last run (or the defaults), so a learner need not set them again."""
        arch = self._option("arch", "")
        if isinstance(arch, str) and arch.endswith(".toml") and os.path.isfile(arch):
            self.use_spec_file(arch)
        for box, key in (
            (self.dataset_box, "dataset"),
            (self.arch_box, "arch"),
            (self.optimizer_box, "optimizer"),
            (self.schedule_box, "schedule"),
            (self.init_box, "init"),
        ):
            box.setCurrentIndex(max(0, box.findData(self._option(key, box.currentData()))))
        self.momentum_spin.setValue(float(self._option("momentum", 0.9)))
        self.decay_spin.setValue(float(self._option("weight_decay", 5e-4)))
        self.seed_spin.setValue(int(self._option("seed", 0)))
        self.holdout_spin.setValue(float(self._option("holdout", 100 * HOLDOUT)))
        self.epochs_spin.setValue(self._option("epochs", self.epochs_spin.value()))
        self.batch_spin.setValue(self._option("batch_size", self.batch_spin.value()))
        self.lr_spin.setValue(self._option("lr", DEFAULT_LR[self.optimizer_box.currentData()]))
        for box, key in (
            (self.augment_box, "augment"),
            (self.live_box, "live"),
            (self.download_box, "download"),
        ):
            box.setChecked(
                self._option(key, "true" if box.isChecked() else "") in ("true", "1", True)
            )
        self.folder_edit.setText(self._option("folder", ""))
        if not self.folder_edit.text():
            self._dataset_changed()

    def _save_options(self) -> None:
        for key, value in {
            "dataset": self.dataset_box.currentData(),
            "arch": self.arch_box.currentData(),
            "optimizer": self.optimizer_box.currentData(),
            "epochs": self.epochs_spin.value(),
            "batch_size": self.batch_spin.value(),
            "lr": self.lr_spin.value(),
            "momentum": self.momentum_spin.value(),
            "schedule": self.schedule_box.currentData(),
            "init": self.init_box.currentData(),
            "weight_decay": self.decay_spin.value(),
            "seed": self.seed_spin.value(),
            "holdout": self.holdout_spin.value(),
            "augment": "true" if self.augment_box.isChecked() else "",
            "live": "true" if self.live_box.isChecked() else "",
            "download": "true" if self.download_box.isChecked() else "",
            "folder": self.folder_edit.text().strip(),
            "device": self.device_box.device(),
        }.items():
            self.settings.setValue(f"training/{key}", value)

    def book_settings(self) -> None:
        """The D2L chapter's own run: its network, plain SGD at 0.9, constant, batch 256,
        10 epochs, Xavier, no augmentation, no weight decay, no hold-out (on Fashion-MNIST)."""
        from lenet_desktop.training.loop import BOOK_SETTINGS

        book = BOOK_SETTINGS
        self.dataset_box.setCurrentIndex(self.dataset_box.findData("fashion-mnist"))
        self.arch_box.setCurrentIndex(self.arch_box.findData(book["architecture"]))
        self.optimizer_box.setCurrentIndex(self.optimizer_box.findData(book["optimizer"]))
        self.lr_spin.setValue(book["lr"])
        self.momentum_spin.setValue(book["momentum"])
        self.schedule_box.setCurrentIndex(self.schedule_box.findData(book["schedule"]))
        self.init_box.setCurrentIndex(self.init_box.findData(book["init"]))
        self.decay_spin.setValue(book["weight_decay"])
        self.batch_spin.setValue(book["batch_size"])
        self.epochs_spin.setValue(book["epochs"])
        self.augment_box.setChecked(book["augment"])
        self.holdout_spin.setValue(100 * book["holdout"])
        self._say(self.tr("D2L book settings: d2l, SGD lr 0.9 without momentum, constant, "
                          "batch 256, 10 epochs, Xavier, no augmentation."))  # fmt: skip

    def use_spec_file(self, path: str) -> None:
        """Train the network a spec file describes (the editor's *Train This*)."""
        index = self.arch_box.findData(path)
        if index < 0:
            self.arch_box.addItem(self.tr("{0} (your spec)").format(Path(path).stem), path)
            index = self.arch_box.count() - 1
        self.arch_box.setCurrentIndex(index)

    def _optimizer_changed(self) -> None:
        self.lr_spin.setValue(DEFAULT_LR[self.optimizer_box.currentData()])

    def _dataset_changed(self) -> None:
        from lenet_desktop.data.datasets import dataset_info, find_folder

        found = find_folder(dataset_info(self.dataset_box.currentData()))
        if found is not None:
            self.folder_edit.setText(str(found))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dataset folder"), self.folder_edit.text() or str(Path.home())
        )
        if folder:
            self.folder_edit.setText(folder)

    def config(self):
        """The options as a TrainConfig; ValueError with a plain message if one is off."""
        from lenet_desktop.training.loop import TrainConfig

        folder = self.folder_edit.text().strip()
        if not self.download_box.isChecked() and not folder:
            raise ValueError(self.tr("Choose the dataset folder, or tick Download."))
        if folder and not self.download_box.isChecked() and not os.path.isdir(folder):
            raise ValueError(self.tr("{0}: no such folder").format(folder))
        return TrainConfig(
            dataset=self.dataset_box.currentData(),
            architecture=self.arch_box.currentData(),
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            optimizer=self.optimizer_box.currentData(),
            lr=self.lr_spin.value(),
            momentum=self.momentum_spin.value(),
            schedule=self.schedule_box.currentData(),
            init=self.init_box.currentData(),
            weight_decay=self.decay_spin.value(),
            seed=self.seed_spin.value(),
            holdout=self.holdout_spin.value() / 100,
            augment=self.augment_box.isChecked(),
            device=self.device_box.device() or None,
            # Leave one core to the window on a CPU: drawing must stay smooth.
            threads=max(1, (os.cpu_count() or 2) - 1),
        )

    # -- running -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A run is going, or its thread has ended but the panel has not yet tidied up after
        it (a new run must not start in between: the old run's tidying would take its worker)."""
        return self.worker is not None or (self.thread is not None and self.thread.isRunning())

    def start(self) -> bool:
        if self.busy:
            return False
        try:
            config = self.config()
        except ValueError as exc:
            self._say(error_text(exc), error=True)
            return False
        self._save_options()
        self._clear_results()
        self.last_progress, self.epochs_done = None, []
        self._points = {"x": [], "loss": [], "train": [], "test_x": [], "test": []}
        self._stride = 1
        for curve in (self.loss_curve, self.train_acc_curve, self.test_acc_curve):
            curve.setData([], [])
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self._say(self.tr("Training {0} on {1}…").format(config.architecture, config.dataset))
        self._previous, self._snapshots = self.session.predictor, []
        self._live_paused = False
        self.worker = TrainingWorker(
            config, self.folder_edit.text().strip(), self.download_box.isChecked()
        )
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.epoch_model.connect(self._epoch_model)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.log.connect(self._log)
        # quit() is thread-safe: call it from the worker's thread, so a window waiting for
        # the thread (closing) does not have to process events for it to end.
        for signal in (self.worker.succeeded, self.worker.failed, self.worker.cancelled):
            signal.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        thread = self.thread
        self.thread.finished.connect(lambda: self._thread_finished(thread))
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.thread.start()
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
        if not self.thread.wait(timeout_ms):
            return False
        self._thread_finished()  # now, not when the event loop next runs (closing)
        return True

    def confirm_stop(self) -> bool:
        """Ask whether to stop a running training to close the window."""
        answer = QMessageBox.question(
            self,
            self.tr("Training is running"),
            self.tr("A training is running. Stop it and close the window?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_for_exit(self) -> bool:
        """The window is closing: ask first if a run is going, then stop it. False: stay open."""
        if not self.busy:
            return True
        if not self.confirm_stop():
            return False
        return self.stop_and_wait()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b; font-weight: bold;" if error else "")
        self.message.setText(text)
        self._log(text)

    @Slot(str)
    def _log(self, text: str) -> None:
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    @Slot(object)
    def _progressed(self, progress) -> None:
        self.last_progress = progress
        total = progress.epochs * progress.steps
        done = (progress.epoch - 1) * progress.steps + progress.step
        self._stride = max(1, -(-total // CURVE_POINTS))  # ceil: never more than the limit
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        eta = time.strftime("%M:%S", time.gmtime(max(0.0, progress.eta_s)))
        self.progress.setFormat(
            self.tr("epoch {0}/{1} · %p% · ETA {2} · {3:,.0f} samples/s").format(
                progress.epoch, progress.epochs, eta, progress.samples_per_s
            )
        )
        points = self._points
        if progress.phase == "epoch":
            self.epochs_done.append(progress)
            points["test_x"].append(float(progress.epoch))
            points["test"].append(progress.test_accuracy)
            self._log(
                self.tr("epoch {0}: loss {1:.4f}, training {2:.2f} %, test {3:.2f} %").format(
                    progress.epoch,
                    progress.loss,
                    100 * progress.accuracy,
                    100 * progress.test_accuracy,
                )
            )
        elif done % self._stride == 0:
            points["x"].append(progress.epoch - 1 + progress.step / progress.steps)
            points["loss"].append(progress.loss)
            points["train"].append(progress.accuracy)
        now = time.perf_counter()
        if progress.phase == "epoch" or now - self._last_plot > 0.2:  # five redraws a second
            self._last_plot = now
            self.loss_curve.setData(points["x"], points["loss"])
            self.train_acc_curve.setData(points["x"], points["train"])
            self.test_acc_curve.setData(points["test_x"], points["test"])

    def _model_changed(self, predictor) -> None:
        """A model the learner chose during a run stays: live view stops replacing it, and a
        cancel will not bring back the one from before the run."""
        self._show_use_button()
        ours = any(predictor.bundle is s for s in self._snapshots)
        if self.busy and not ours and not self._live_paused and self._previous is not None:
            self._live_paused = True
            self._previous = None
            self._say(self.tr("Live view paused for this run: you chose another model."))

    @Slot(object)
    def _epoch_model(self, bundle) -> None:
        if self.live_box.isChecked() and not self._live_paused:
            self._snapshots.append(bundle)
            self.session.use_bundle(bundle)
            self.live_model.emit(bundle)

    def _restore_previous(self) -> None:
        """After a cancel or a failure: the model in use before the run comes back, if what is
        in use now is one of this run's live snapshots (a model the learner chose stays)."""
        previous, self._previous = self._previous, None
        if previous is not None and any(self.session.model is s for s in self._snapshots):
            self.session.use(previous)
        self._snapshots = []

    @Slot(object, object)
    def _succeeded(self, result, test_split) -> None:
        self.result, self.test_split = result, test_split
        self._previous, self._snapshots = None, []
        evaluation = result.evaluation
        self._say(
            self.tr("Done: {0:.2f} % of {1} test images right in {2:.0f} s.").format(
                100 * evaluation.accuracy, evaluation.count, result.seconds
            )
        )
        self._show_result_label()
        self.confusion.show_matrix(evaluation.confusion, result.bundle.dataset.classes)
        self._show_reliability(result.calibration)
        self._show_gallery(evaluation, test_split, result.bundle.dataset.classes)
        self.use_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._show_use_button()
        self._keep(result)
        self.tabs.setCurrentIndex(2)
        self.ended.emit("finished")

    def _show_reliability(self, report) -> None:
        """Each confidence bin's accuracy (bars) against the diagonal of honest probabilities."""
        plot = self.reliability
        plot.clear()
        if report is None:
            return
        plot.plot(
            [0, 1], [0, 1], pen=pg.mkPen((150, 150, 150), width=1, style=Qt.PenStyle.DashLine)
        )
        filled = [b for b in report.bins if b.count]
        most = max((b.count for b in filled), default=1)
        # a bar of few images is pale: its height says little (log scale, the top bin holds most)
        brushes = [
            pg.mkBrush(31, 119, 180, int(40 + 160 * np.log1p(b.count) / np.log1p(most)))
            for b in filled
        ]
        plot.addItem(
            pg.BarGraphItem(
                x0=[b.low for b in filled],
                x1=[b.high for b in filled],
                y0=0,
                y1=[b.accuracy for b in filled],
                brushes=brushes,
                pen=(31, 119, 180),
            )
        )
        plot.setToolTip(
            "\n".join(
                self.tr("confidence {0:.2f}–{1:.2f}: {2} images, accuracy {3:.1f} %").format(
                    b.low, b.high, b.count, 100 * b.accuracy
                )
                for b in filled
            )
        )
        plot.setTitle(
            self.tr("Reliability: ECE {0:.2f} % at temperature {1:.3g}").format(
                100 * report.ece, report.temperature
            ),
            size="9pt",  # a long line, in a plot a third of a small window wide
        )

    def _keep(self, result) -> None:
        """Keep the finished run (record and weights) and tick it in the Runs tab."""
        from lenet_desktop.training.runs import RunError

        try:
            run = self.runs_view.store.save(result)
        except RunError as exc:
            self._log(error_text(exc))
            return
        self._log(self.tr("Kept as run “{0}” (Runs tab).").format(run.name))
        self.runs_view.refresh(tick=run.id)

    def _open_run(self, bundle) -> None:
        """A kept run's model, put in use in the main view."""
        try:
            self.session.use_bundle(bundle)
        except ValueError as exc:
            self._say(error_text(exc), error=True)

    @Slot(object)
    def _failed(self, error) -> None:
        self._say(self.tr("Training failed: {0}").format(error_text(error)), error=True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("failed"))
        self._restore_previous()
        self.ended.emit("failed")

    @Slot()
    def _cancelled(self) -> None:
        waited = time.perf_counter() - self._cancel_asked if self._cancel_asked else 0.0
        self._say(self.tr("Training cancelled after {0:.2f} s; nothing was kept.").format(waited))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("cancelled"))
        self._restore_previous()
        self.ended.emit("cancelled")

    @Slot()
    def _thread_finished(self, thread: QThread | None = None) -> None:
        if thread is not None and thread is not self.thread:
            return  # a late signal from a run already tidied up after
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        # Python owns the worker: it is freed here, in the window's thread, after its own
        # thread has ended (a deleteLater in the worker thread raced with Python's reference).
        self.worker = None

    # -- results -----------------------------------------------------------------------------
    def _clear_results(self) -> None:
        """A new run: nothing of the last one may look current."""
        self.result, self.test_split = None, None
        self.result_label.setText(self.tr("No results yet: the run is going."))
        self.confusion.clear_matrix()
        self._show_reliability(None)
        self.reliability.setTitle("")
        self.gallery.clear()
        self.use_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._show_use_button()

    def _show_result_label(self) -> None:
        evaluation = self.result.evaluation
        self.result_label.setText(
            self.tr("Test accuracy: {0:.2f} % ({1} wrong of {2})").format(
                100 * evaluation.accuracy, len(evaluation.misclassified), evaluation.count
            )
        )

    def _show_gallery(self, evaluation, test_split, classes) -> None:
        self.gallery.clear()
        for index in evaluation.misclassified[:GALLERY_LIMIT]:
            truth = class_name(classes[int(test_split.labels[index])])
            guess = class_name(classes[evaluation.predictions[index]])
            item = QListWidgetItem(thumbnail(test_split.images[index].numpy()), "")
            item.setToolTip(self.tr("#{0}: true {1}, predicted {2}").format(index, truth, guess))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.gallery.addItem(item)

    def _trained_in_use(self) -> bool:
        model = self.session.model
        return (
            self.result is not None
            and model is not None
            and model.network is self.result.bundle.network
        )

    def _show_use_button(self) -> None:
        if self._trained_in_use():
            self.use_button.setText(self.tr("In use ✓"))
        else:
            self.use_button.setText(self.tr("Use this model"))

    def use_result(self) -> None:
        """Put the trained model in use (the gallery's verdicts are its own)."""
        if self.result is None:
            return
        bundle = self.result.bundle
        if not self._trained_in_use():
            self.session.use_bundle(
                dataclasses.replace(
                    bundle,
                    source=self.tr("trained {0} ({1})").format(
                        bundle.architecture, bundle.dataset.name
                    ),
                )
            )
        self._show_use_button()
        self._say(self.tr("The trained model is in use in the main view."))

    def _gallery_clicked(self, item: QListWidgetItem) -> None:
        """Show a misclassified test image in the main view, through the trained model that got
        it wrong."""
        if self.result is None or self.test_split is None:
            return
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.use_result()
        bundle = self.result.bundle
        self.session.show(
            Input(
                "sample",
                self.test_split.images[index].numpy(),
                dataset=bundle.dataset.name,
                label=int(self.test_split.labels[index]),
                index=index,
            )
        )

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Model"),
            str(Path.home() / f"lenet{SUFFIX}"),
            self.tr("LeNet Desktop models (*{0})").format(SUFFIX),
        )
        if path:
            self.save(path)

    def save(self, path: str) -> bool:
        from lenet_desktop.files.model_files import ModelFileError, save_model

        if self.result is None:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        try:
            save_model(self.result.bundle, path)
        except ModelFileError as exc:
            self._say(error_text(exc), error=True)
            return False
        self._say(self.tr("Saved {0}").format(path))
        return True
