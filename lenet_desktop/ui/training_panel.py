"""Retraining in the background: a dock with the options, a worker object in a QThread that
runs the engine's training loop, live curves, and the results (confusion matrix, the test
images the model gets wrong, "Use this model", "Save as…").

The worker talks to the window only through signals; cancelling sets an event the training
loop checks before every step.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal, Slot
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
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..options import (
    ARCHITECTURE_TITLES,
    ARCHITECTURES,
    DATASET_NAMES,
    DEFAULT_LR,
    OPTIMIZERS,
)
from .heatmaps import LUT

GALLERY_LIMIT = 200


class TrainingWorker(QObject):
    """Runs one training in its thread. Signals carry engine objects (Progress, ModelBundle,
    TrainResult) to the window; ``stop`` is set from the window to cancel."""

    progressed = Signal(object)
    epoch_model = Signal(object)
    succeeded = Signal(object, object)  # TrainResult, the test Split
    failed = Signal(str)
    cancelled = Signal()
    log = Signal(str)

    def __init__(self, config, folder: str, download: bool) -> None:
        super().__init__()
        self.config, self.folder, self.download = config, folder, download
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        from ..datasets import DatasetError, dataset_info, download, load_dataset
        from ..training import TrainingCancelled, TrainingFailed, train

        info = dataset_info(self.config.dataset)
        try:
            folder = self.folder
            if self.download:
                self.log.emit(self.tr("Downloading {0}…").format(info.title))
                folder = str(download(info, folder or None))
            self.log.emit(self.tr("Reading {0} from {1}").format(info.title, folder))
            train_split, test_split = load_dataset(folder, info)
            self.log.emit(
                self.tr("{0} training and {1} test images").format(
                    len(train_split), len(test_split)
                )
            )
            result = train(
                self.config,
                train_split,
                test_split,
                self.progressed.emit,
                self.stop.is_set,
                self.epoch_model.emit,
            )
        except TrainingCancelled:
            self.cancelled.emit()
        except (DatasetError, TrainingFailed, ValueError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # out of memory, a device error: still only a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result, test_split)


def thumbnail(pixels: np.ndarray, size: int = 56) -> QIcon:
    """A dataset image (28×28 uint8, light on dark) as an icon, shown dark on light."""
    data = np.ascontiguousarray(255 - pixels)
    image = QImage(data.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(image).scaled(size, size))


class TrainingPanel(QDockWidget):
    """The Training dock. ``busy`` is True while a run is going on."""

    started = Signal()
    ended = Signal(str)  # "finished", "cancelled" or "failed"
    use_model = Signal(object)  # a ModelBundle the user chose to use
    live_model = Signal(object)  # a snapshot after an epoch (when live view is on)
    show_sample = Signal(object, str, int)  # pixels (28×28 uint8), true label, test index

    def __init__(self, parent: QWidget | None = None, data_folder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.thread: QThread | None = None
        self.worker: TrainingWorker | None = None
        self.result = None
        self.test_split = None
        self.history = []
        self._last_plot = 0.0
        self._cancel_asked = 0.0
        self._build(data_folder)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------
    def _build(self, data_folder: str) -> None:
        body = QWidget()
        outer = QHBoxLayout(body)
        controls = QWidget()
        controls.setMaximumWidth(460)
        layout = QVBoxLayout(controls)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(controls)
        form = QFormLayout()
        self.dataset_box = QComboBox()
        for name in DATASET_NAMES:
            self.dataset_box.addItem(name, name)
        self.dataset_box.currentIndexChanged.connect(self._dataset_changed)
        self.folder_edit = QLineEdit(data_folder)
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
        self.lr_spin.setValue(0.01)
        self.optimizer_box.currentIndexChanged.connect(self._optimizer_changed)
        self.augment_box = QCheckBox()
        self.augment_box.setChecked(True)
        self.device_box = QComboBox()
        self.live_box = QCheckBox()
        self.live_box.setChecked(True)
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
            ("augment", self.augment_box),
            ("device", self.device_box),
            ("live", self.live_box),
        ):
            label = QLabel()
            self.form_labels[key] = label
            form.addRow(label, widget)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.train_button = QPushButton()
        self.train_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.tabs = QTabWidget()
        curves = QWidget()
        curves_layout = QVBoxLayout(curves)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setBackground(None)
        self.loss_plot.addLegend(offset=(-5, 5))
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setBackground(None)
        self.acc_plot.addLegend(offset=(-5, -5))
        self.acc_plot.setYRange(0, 1)
        self.train_acc_curve = self.acc_plot.plot(pen=pg.mkPen((70, 130, 200), width=2))
        self.test_acc_curve = self.acc_plot.plot(
            pen=pg.mkPen((230, 120, 30), width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=(230, 120, 30),
        )
        curves_layout.addWidget(self.loss_plot)
        curves_layout.addWidget(self.acc_plot)
        self.tabs.addTab(curves, "")
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.tabs.addTab(self.log_view, "")

        results = QWidget()
        results_layout = QVBoxLayout(results)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        results_layout.addWidget(self.result_label)
        split = QSplitter(Qt.Orientation.Vertical)
        self.confusion_plot = pg.PlotWidget()
        self.confusion_plot.setBackground(None)
        self.confusion_plot.setMouseEnabled(False, False)
        self.confusion_plot.getPlotItem().invertY(True)
        self.confusion_plot.setAspectLocked(True)
        self.confusion_image = pg.ImageItem()
        self.confusion_plot.addItem(self.confusion_image)
        self._confusion_texts: list[pg.TextItem] = []
        split.addWidget(self.confusion_plot)
        gallery_box = QWidget()
        gallery_layout = QVBoxLayout(gallery_box)
        gallery_layout.setContentsMargins(0, 0, 0, 0)
        self.gallery_label = QLabel()
        gallery_layout.addWidget(self.gallery_label)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(48, 48))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.gallery.itemClicked.connect(self._gallery_clicked)
        gallery_layout.addWidget(self.gallery)
        split.addWidget(gallery_box)
        results_layout.addWidget(split, 1)
        result_buttons = QHBoxLayout()
        self.use_button = QPushButton()
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(lambda: self.use_model.emit(self.result.bundle))
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_dialog)
        result_buttons.addWidget(self.use_button)
        result_buttons.addWidget(self.save_button)
        results_layout.addLayout(result_buttons)
        self.tabs.addTab(results, "")
        outer.addWidget(self.tabs, 1)
        self.setWidget(body)
        self._optimizer_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        labels = {
            "dataset": self.tr("Dataset"),
            "folder": self.tr("Folder"),
            "download": self.tr("Download"),
            "arch": self.tr("Architecture"),
            "epochs": self.tr("Epochs"),
            "batch": self.tr("Batch size"),
            "optimizer": self.tr("Optimiser"),
            "lr": self.tr("Learning rate"),
            "augment": self.tr("Augmentation"),
            "device": self.tr("Device"),
            "live": self.tr("Live view"),
        }
        for key, text in labels.items():
            self.form_labels[key].setText(text)
        self.download_box.setText(self.tr("download with torchvision if missing"))
        self.augment_box.setText(self.tr("random affine (and flips for garments)"))
        self.live_box.setText(self.tr("show the newest weights after each epoch"))
        self.folder_edit.setPlaceholderText(self.tr("folder with the four IDX files"))
        for i, name in enumerate(ARCHITECTURES):
            self.arch_box.setItemText(i, f"{name} — {ARCHITECTURE_TITLES[name]}")
        self.train_button.setText(self.tr("Train"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.tabs.setTabText(0, self.tr("Curves"))
        self.tabs.setTabText(1, self.tr("Log"))
        self.tabs.setTabText(2, self.tr("Results"))
        self.loss_plot.setTitle(self.tr("Training loss"))
        self.acc_plot.setTitle(self.tr("Accuracy (blue: training, orange: test)"))
        self.confusion_plot.setTitle(self.tr("Confusion matrix (rows: true, columns: predicted)"))
        self.gallery_label.setText(self.tr("Misclassified test images (click to inspect):"))
        self.use_button.setText(self.tr("Use this model"))
        self.save_button.setText(self.tr("Save as…"))

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_devices(self, devices: list[str], current: str = "") -> None:
        self.device_box.clear()
        self.device_box.addItem("auto", "")
        for name in devices:
            self.device_box.addItem(name, name)
        self.device_box.setCurrentIndex(max(0, self.device_box.findData(current)))

    # -- options -----------------------------------------------------------------------------
    def _optimizer_changed(self) -> None:
        self.lr_spin.setValue(DEFAULT_LR[self.optimizer_box.currentData()])

    def _dataset_changed(self) -> None:
        from ..datasets import candidate_folders, dataset_info

        info = dataset_info(self.dataset_box.currentData())
        for place in candidate_folders(info):
            if (place / "t10k-labels-idx1-ubyte.gz").exists() or (
                place / "t10k-labels-idx1-ubyte"
            ).exists():
                self.folder_edit.setText(str(place))
                return

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dataset folder"), self.folder_edit.text() or str(Path.home())
        )
        if folder:
            self.folder_edit.setText(folder)

    def config(self):
        """The options as a TrainConfig; ValueError with a plain message if one is off."""
        from ..training import TrainConfig

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
            augment=self.augment_box.isChecked(),
            device=self.device_box.currentData() or None,
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
            self._say(str(exc), error=True)
            return False
        self.result = None
        self.use_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._points = {"x": [], "loss": [], "train": [], "test_x": [], "test": []}
        self.history = []
        self.loss_curve.setData([], [])
        self.train_acc_curve.setData([], [])
        self.test_acc_curve.setData([], [])
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self._say(self.tr("Training {0} on {1}…").format(config.architecture, config.dataset))
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

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b; font-weight: bold;" if error else "")
        self.message.setText(text)
        self._log(text)

    @Slot(str)
    def _log(self, text: str) -> None:
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    @Slot(object)
    def _progressed(self, progress) -> None:
        self.history.append(progress)
        total = progress.epochs * progress.steps
        done = (progress.epoch - 1) * progress.steps + progress.step
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        eta = time.strftime("%M:%S", time.gmtime(max(0.0, progress.eta_s)))
        self.progress.setFormat(
            self.tr("epoch {0}/{1} · %p% · ETA {2} · {3:,.0f} samples/s").format(
                progress.epoch, progress.epochs, eta, progress.samples_per_s
            )
        )
        position = progress.epoch - 1 + progress.step / progress.steps
        points = self._points
        if progress.phase == "epoch":
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
        else:
            points["x"].append(position)
            points["loss"].append(progress.loss)
            points["train"].append(progress.accuracy)
        now = time.perf_counter()
        if progress.phase == "epoch" or now - self._last_plot > 0.2:  # five redraws a second
            self._last_plot = now
            self.loss_curve.setData(points["x"], points["loss"])
            self.train_acc_curve.setData(points["x"], points["train"])
            self.test_acc_curve.setData(points["test_x"], points["test"])

    @Slot(object)
    def _epoch_model(self, bundle) -> None:
        if self.live_box.isChecked():
            self.live_model.emit(bundle)

    @Slot(object, object)
    def _succeeded(self, result, test_split) -> None:
        self.result, self.test_split = result, test_split
        evaluation = result.evaluation
        self._say(
            self.tr("Done: {0:.2f} % of {1} test images right in {2:.0f} s.").format(
                100 * evaluation.accuracy, evaluation.count, result.seconds
            )
        )
        self.result_label.setText(
            self.tr("Test accuracy: {0:.2f} % ({1} wrong of {2})").format(
                100 * evaluation.accuracy, len(evaluation.misclassified), evaluation.count
            )
        )
        self._show_confusion(np.asarray(evaluation.confusion), result.bundle.classes)
        self._show_gallery(evaluation, test_split, result.bundle.classes)
        self.use_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.tabs.setCurrentIndex(2)
        self.ended.emit("finished")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._say(self.tr("Training failed: {0}").format(message), error=True)
        self.ended.emit("failed")

    @Slot()
    def _cancelled(self) -> None:
        waited = time.perf_counter() - self._cancel_asked if self._cancel_asked else 0.0
        self._say(self.tr("Training cancelled after {0:.2f} s; nothing was kept.").format(waited))
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
    def _show_confusion(self, confusion: np.ndarray, classes: tuple[str, ...]) -> None:
        rows = confusion.sum(1, keepdims=True).clip(min=1)
        share = confusion / rows
        index = (share * 255).round().astype(np.int16)
        self.confusion_image.setImage(LUT[index].transpose(1, 0, 2))
        for text in self._confusion_texts:
            self.confusion_plot.removeItem(text)
        self._confusion_texts = []
        for t in range(confusion.shape[0]):
            for p in range(confusion.shape[1]):
                if confusion[t, p]:
                    colour = "k" if share[t, p] > 0.6 else "w"
                    text = pg.TextItem(str(int(confusion[t, p])), anchor=(0.5, 0.5), color=colour)
                    text.setPos(p + 0.5, t + 0.5)
                    self.confusion_plot.addItem(text)
                    self._confusion_texts.append(text)
        ticks = [(i + 0.5, c if len(c) <= 3 else c[:3]) for i, c in enumerate(classes)]
        self.confusion_plot.getAxis("bottom").setTicks([ticks])
        self.confusion_plot.getAxis("left").setTicks([ticks])

    def _show_gallery(self, evaluation, test_split, classes) -> None:
        self.gallery.clear()
        for index in evaluation.misclassified[:GALLERY_LIMIT]:
            truth = classes[int(test_split.labels[index])]
            guess = classes[evaluation.predictions[index]]
            item = QListWidgetItem(thumbnail(test_split.images[index].numpy()), "")
            item.setToolTip(self.tr("#{0}: true {1}, predicted {2}").format(index, truth, guess))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.gallery.addItem(item)

    def _gallery_clicked(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        classes = self.result.bundle.classes
        pixels = self.test_split.images[index].numpy()
        self.show_sample.emit(pixels, classes[int(self.test_split.labels[index])], index)

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Model"),
            str(Path.home() / "lenet.safetensors"),
            self.tr("LeNet Desktop models (*.safetensors)"),
        )
        if path:
            self.save(path)

    def save(self, path: str) -> bool:
        from ..model_files import ModelFileError, save_model

        if not path.endswith(".safetensors"):
            path += ".safetensors"
        try:
            save_model(self.result.bundle, path)
        except ModelFileError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Saved {0}").format(path))
        return True
