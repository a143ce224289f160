"""The main window: draw on the canvas and see what LeNet sees.

Data flows one way: canvas (or an opened picture, or a test sample) → engine preprocessing →
one forward pass → the views. The window is painted before torch and pyqtgraph are imported;
:meth:`MainWindow.finish_startup` then builds the views and loads the model in a worker thread.
"""

from __future__ import annotations

import random
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from .canvas import Canvas

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.ppm *.pgm"
MODEL_SUFFIX = ".safetensors"
# Dropped or pasted files with these endings are meant as models: they go to the model loader,
# which refuses pickles (.pt, .pth, .ckpt, .pkl) with a message saying why.
MODEL_SUFFIXES = (MODEL_SUFFIX, ".pt", ".pth", ".ckpt", ".pkl")
RECENT_LIMIT = 8
SHIPPED = ("mnist", "fashion-mnist")


class ModelLoader(QObject):
    """Loads a model file and prepares it on a device, in a worker thread.

    Results wait in :attr:`results` and only the request's name crosses threads in the
    signal (PySide6 mis-counts references of Python objects sent through queued signals).
    """

    loaded = Signal(str)  # the name or path asked for; its Predictor is in results
    failed = Signal(str, str)  # message, the name or path asked for

    def __init__(self) -> None:
        super().__init__()
        self.results: dict[str, object] = {}
        self._lock = threading.Lock()

    def take(self, name_or_path: str):
        with self._lock:
            return self.results.pop(name_or_path, None)

    @Slot(str, str)
    def load(self, name_or_path: str, device: str) -> None:
        from ..inference import Predictor
        from ..model_files import load_model

        try:
            predictor = Predictor(load_model(name_or_path), device or None)
        except ValueError as exc:  # ModelFileError, or a device that is not here
            self.failed.emit(str(exc), name_or_path)
            return
        except Exception as exc:  # a model that breaks the forward pass: still only a message
            self.failed.emit(f"{name_or_path}: {exc}", name_or_path)
            return
        with self._lock:
            self.results[name_or_path] = predictor
        self.loaded.emit(name_or_path)


class MainWindow(QMainWindow):
    """Canvas, the 28×28 input, probabilities, feature maps, kernels and the layer table."""

    ready = Signal()  # the first model is in use
    model_changed = Signal(str)
    model_failed = Signal(str)
    _load_requested = Signal(str, str)

    def __init__(
        self, model: str | None = None, device: str | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.predictor = None
        self.last_prediction = None
        self.last_prepared = None
        self._sample = None  # (index, true label, Preprocessed) while a test sample is shown
        self._test_splits: dict = {}
        self._requested_model = model or self._setting("model", "mnist")
        self._device = device or self._setting("device", "")
        self._views_built = False
        self._map_keys: list[str] = []

        self.canvas = Canvas()
        self.canvas.brush_width = float(self._setting("brush", 36.0, float))
        self.canvas.stroked.connect(self._on_stroke)
        self.canvas.finished.connect(self._on_canvas_finished)
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(16)  # at most one update per display frame while drawing
        self._throttle.timeout.connect(self.refresh)

        self._build_layout()
        self._build_actions()
        self.setAcceptDrops(True)
        self.retranslate()
        geometry = self.settings.value("geometry")
        # A stale or damaged settings store must never stop the window from opening.
        if not isinstance(geometry, (QByteArray, bytes)) or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    # -- settings ----------------------------------------------------------------------------
    def _setting(self, key: str, default, kind=str):
        value = self.settings.value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    # -- layout ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.brush_label = QLabel()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(8, 80)
        self.canvas.brush_width = min(80.0, max(8.0, self.canvas.brush_width))
        self.brush_slider.setValue(int(self.canvas.brush_width))
        self.brush_slider.valueChanged.connect(self._set_brush)
        self.eraser_button = QToolButton()
        self.eraser_button.setCheckable(True)
        self.eraser_button.toggled.connect(self._set_eraser)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(self.canvas.clear)
        tools = QHBoxLayout()
        tools.addWidget(self.brush_label)
        tools.addWidget(self.brush_slider, 1)
        tools.addWidget(self.eraser_button)
        tools.addWidget(self.clear_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addLayout(tools)

        self.sees_label = QLabel()
        self.answer = QLabel()
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setWordWrap(True)
        # A fixed height: a new answer must not re-lay out (and repaint) the whole column.
        self.answer.setFixedHeight(84)
        self.answer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error_label.hide()
        self.middle = QWidget()
        self.middle_layout = QVBoxLayout(self.middle)
        self.middle_layout.addWidget(self.error_label)
        self.middle_layout.addWidget(self.sees_label)
        self.middle_layout.addWidget(self.answer)
        self.middle_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.loading_label, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.middle)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 4)
        self.setCentralWidget(splitter)

        self.model_label = QLabel()
        self.hover_label = QLabel()
        self.device_box = QComboBox()
        self.device_box.activated.connect(self._device_chosen)
        self.statusBar().addWidget(self.model_label)
        self.statusBar().addWidget(self.hover_label, 1)
        self.device_caption = QLabel()
        self.statusBar().addPermanentWidget(self.device_caption)
        self.statusBar().addPermanentWidget(self.device_box)

    def _action(self, menu, shortcut, slot, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_image_action = self._action(
            self.file_menu, QKeySequence.StandardKey.Open, self.open_image_dialog
        )
        self.paste_action = self._action(self.file_menu, QKeySequence.StandardKey.Paste, self.paste)
        self.sample_action = self._action(self.file_menu, "Ctrl+R", self.random_sample)
        self.file_menu.addSeparator()
        self.open_model_action = self._action(
            self.file_menu, "Ctrl+Shift+O", self.open_model_dialog
        )
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, QKeySequence.StandardKey.Quit, self.close)

        self.edit_menu = bar.addMenu("")
        self.undo_action = self._action(
            self.edit_menu, QKeySequence.StandardKey.Undo, self.canvas.undo
        )
        self.redo_action = self._action(self.edit_menu, "Ctrl+Shift+Z", self.canvas.redo)
        self.clear_action = self._action(self.edit_menu, "Esc", self.canvas.clear)
        self.clear_action.setShortcuts([QKeySequence("Esc"), QKeySequence("Delete")])
        self.eraser_action = self._action(
            self.edit_menu, "E", self.eraser_button.setChecked, checkable=True
        )
        self.eraser_button.toggled.connect(self.eraser_action.setChecked)
        self.thicker_action = self._action(
            self.edit_menu, "]", lambda: self.brush_slider.setValue(self.brush_slider.value() + 4)
        )
        self.thinner_action = self._action(
            self.edit_menu, "[", lambda: self.brush_slider.setValue(self.brush_slider.value() - 4)
        )

        self.model_menu = bar.addMenu("")
        self.model_group = QActionGroup(self)
        self.shipped_actions = {}
        for index, name in enumerate(SHIPPED):
            action = self._action(
                self.model_menu,
                f"Ctrl+{index + 1}",
                lambda checked=False, n=name: self.load_model(n),
            )
            action.setCheckable(True)
            self.model_group.addAction(action)
            self.shipped_actions[name] = action

        self.view_menu = bar.addMenu("")
        self.maps_action = self._action(self.view_menu, "F2", lambda: self._show_tab(0))
        self.kernels_action = self._action(self.view_menu, "F3", lambda: self._show_tab(1))
        self.table_action = self._action(self.view_menu, "F4", lambda: self._show_tab(2))
        self.training_action = self._action(self.view_menu, "Ctrl+T", self.toggle_training)
        self.training_action.setEnabled(False)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code in ("system", "en", "zh_CN"):
            action = self._action(
                self.language_menu, None, lambda checked=False, c=code: self._choose_language(c)
            )
            action.setCheckable(True)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        current = self._setting("language", "system")
        self.language_actions.get(current, self.language_actions["system"]).setChecked(True)

        self.help_menu = bar.addMenu("")
        self.about_action = self._action(
            self.help_menu, QKeySequence.StandardKey.HelpContents, self.show_about
        )
        self._rebuild_recent()

    def retranslate(self) -> None:
        """Every user-visible string, so a language switch can redo them all."""
        self.setWindowTitle(self.tr("LeNet Desktop"))
        self.brush_label.setText(self.tr("Brush"))
        self.eraser_button.setText(self.tr("Eraser"))
        self.eraser_button.setToolTip(self.tr("Erase instead of drawing (E)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc)"))
        self.sees_label.setText(self.tr("What the network sees (28×28):"))
        self.loading_label.setText(self.tr("Loading the model…"))
        self.device_caption.setText(self.tr("Device:"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_image_action.setText(self.tr("&Open Image…"))
        self.paste_action.setText(self.tr("&Paste Image"))
        self.sample_action.setText(self.tr("&Random Test Sample"))
        self.open_model_action.setText(self.tr("Open &Model…"))
        self.recent_menu.setTitle(self.tr("Recent Models"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.clear_action.setText(self.tr("&Clear"))
        self.eraser_action.setText(self.tr("&Eraser"))
        self.thicker_action.setText(self.tr("Thicker Brush"))
        self.thinner_action.setText(self.tr("Thinner Brush"))
        self.model_menu.setTitle(self.tr("&Model"))
        self.shipped_actions["mnist"].setText(self.tr("MNIST digits (shipped)"))
        self.shipped_actions["fashion-mnist"].setText(self.tr("Fashion-MNIST garments (shipped)"))
        self.view_menu.setTitle(self.tr("&View"))
        self.maps_action.setText(self.tr("Feature Maps"))
        self.kernels_action.setText(self.tr("Kernels"))
        self.table_action.setText(self.tr("Architecture"))
        self.training_action.setText(self.tr("&Training…"))
        self.language_menu.setTitle(self.tr("Language"))
        self.language_actions["system"].setText(self.tr("System Language"))
        self.language_actions["en"].setText("English")
        self.language_actions["zh_CN"].setText("简体中文")
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About LeNet Desktop"))
        if self._views_built:
            self.tabs.setTabText(0, self.tr("Feature maps"))
            self.tabs.setTabText(1, self.tr("Kernels"))
            self.tabs.setTabText(2, self.tr("Architecture"))
            self.maps_hint.setText(
                self.tr(
                    "Every channel of every conv and pool layer and its "
                    "activation, one colour scale per layer. Hover for a "
                    "value, click to enlarge."
                )
            )
            self.kernels_hint.setText(
                self.tr("The learned kernels: one row per output map, one column per input map.")
            )
            self.table.set_headers(
                [
                    self.tr("Layer"),
                    self.tr("Type"),
                    self.tr("Output shape"),
                    self.tr("Parameters"),
                    self.tr("Size ⌊(n − k + 2p + s) / s⌋"),
                ]
            )
            self._show_model_facts()
        else:
            self.tabs.setTabText(0, self.tr("Loading"))
        self._show_answer()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- start-up ----------------------------------------------------------------------------
    def finish_startup(self) -> None:
        """Import the engine and the plotting library, build the views, load the model.
        (Once: later calls do nothing.)"""
        if self._views_built:
            return
        from .heatmaps import LayerMosaics
        from .views import ArchitectureTable, InputView, ProbabilityChart

        self.input_view = InputView()
        self.chart = ProbabilityChart()
        self.chart.setMinimumHeight(240)
        self.middle_layout.insertWidget(2, self.input_view)
        self.middle_layout.insertWidget(4, self.chart, 1)

        self.maps = LayerMosaics()
        self.kernels = LayerMosaics()
        self.table = ArchitectureTable()
        self.maps_hint, self.kernels_hint = QLabel(), QLabel()
        self.tabs.clear()
        for mosaics, hint in ((self.maps, self.maps_hint), (self.kernels, self.kernels_hint)):
            hint.setWordWrap(True)
            mosaics.hovered.connect(self.hover_label.setText)
            mosaics.picked.connect(self._enlarge)
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(2, 2, 2, 2)
            layout.addWidget(hint)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(mosaics)
            layout.addWidget(scroll, 1)
            self.tabs.addTab(page, "")
        self.table_facts = QLabel()
        self.table_facts.setWordWrap(True)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.addWidget(self.table_facts)
        table_layout.addWidget(self.table, 1)
        self.tabs.addTab(table_page, "")
        self._views_built = True

        import torch

        from ..device import available_devices

        # One image at a time is too small to share among threads: waking a second thread
        # costs more than it saves. This sets the GUI thread only; a trainer thread keeps its own.
        torch.set_num_threads(1)
        devices = available_devices()
        if self._device not in devices:
            self._device = ""  # a device from another machine's settings: choose again
        self.device_box.addItem("auto", "")
        for name in devices:
            self.device_box.addItem(name, name)
        index = self.device_box.findData(self._device)
        self.device_box.setCurrentIndex(max(0, index))

        from .training_panel import TrainingPanel

        self.training = TrainingPanel(self)
        self.training.set_devices(available_devices(), self._device)
        self.training._dataset_changed()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.training)
        self.training.hide()
        self.training.started.connect(self._training_started)
        self.training.ended.connect(self._training_ended)
        self.training.live_model.connect(lambda bundle: self.use_bundle(bundle))
        self.training.use_model.connect(self._use_trained)
        self.training.show_sample.connect(self.show_sample)
        self.training_action.setEnabled(True)
        self._before_training = None

        self._thread = QThread(self)
        self._loader = ModelLoader()
        self._loader.moveToThread(self._thread)
        self._load_requested.connect(self._loader.load)
        self._loader.loaded.connect(self._model_loaded)
        self._loader.failed.connect(self._model_failed)
        self._thread.start()
        self.retranslate()
        self.load_model(self._requested_model)

    # -- models ------------------------------------------------------------------------------
    def load_model(self, name_or_path: str) -> None:
        """Load a shipped model or a file in the worker thread; the current model stays in use
        until the new one is ready, and stays if it fails."""
        self.statusBar().showMessage(self.tr("Loading {0}…").format(name_or_path))
        self._load_requested.emit(str(name_or_path), self._device or "")

    @Slot(str)
    def _model_loaded(self, name_or_path: str) -> None:
        predictor = self._loader.take(name_or_path)
        if predictor is None:
            return
        first = self.predictor is None
        self.predictor = predictor
        self._sample = None
        if not getattr(self, "_fallback", False):
            self.error_label.hide()  # (after a fallback, the reason stays on screen)
        self._fallback = False
        bundle = predictor.bundle
        self.settings.setValue("model", name_or_path)
        if name_or_path not in SHIPPED:
            self._remember_recent(name_or_path)
        for name, action in self.shipped_actions.items():
            action.setChecked(bundle.source == name)
        self._rebuild_model_views()
        self.statusBar().clearMessage()
        self.refresh()
        self.model_changed.emit(bundle.source)
        if first:
            self.ready.emit()

    @Slot(str, str)
    def _model_failed(self, message: str, name_or_path: str) -> None:
        self.error_label.setText(self.tr("Could not open the model: {0}").format(message))
        self.error_label.show()
        self.statusBar().showMessage(self.tr("The current model is still in use."), 8000)
        if self.predictor is None and name_or_path != "mnist":
            self._fallback = True
            self.load_model("mnist")  # a stale setting must not leave the window empty
        self.model_failed.emit(message)

    def _rebuild_model_views(self) -> None:
        from ..layer_table import layer_table, shape_text, total_parameters
        from ..models import conv_kernels

        predictor = self.predictor
        network = predictor.network
        rows = layer_table(network)
        self._rows = rows
        self._total = total_parameters(network)
        shapes = {row.name: row.output_shape for row in rows}
        kinds = {row.name: row.kind for row in rows}
        self._map_keys = [
            name
            for name in predictor.recorded
            if kinds[name] in ("conv", "pool", "activation") and len(shapes[name]) == 3
        ]
        self.maps.set_layers(
            [
                (name, f"{name} · {shape_text(shapes[name])}", shapes[name])
                for name in self._map_keys
            ]
        )
        kernel_layers, kernel_values = [], {}
        for name, module in network.named_children():
            weights = conv_kernels(module)
            if weights is None:
                continue
            out_maps, in_maps, k, _ = weights.shape
            stack = weights.float().cpu().numpy().reshape(out_maps * in_maps, k, k)
            kernel_layers.append(
                (name, f"{name} · {out_maps}×{in_maps}×{k}×{k}", stack.shape, in_maps)
            )
            kernel_values[name] = stack
        self.kernels.set_layers(kernel_layers)
        self.kernels.show_values(kernel_values)
        self.chart.set_classes(predictor.bundle.classes)
        self.table.show_rows(rows, self._total, self.tr("total"))
        self.device_box.setCurrentIndex(max(0, self.device_box.findData(self._device)))
        self._show_model_facts()

    def _show_model_facts(self) -> None:
        if self.predictor is None:
            return
        bundle = self.predictor.bundle
        from ..options import ARCHITECTURE_TITLES

        self.model_label.setText(
            self.tr("Model: {0} · {1}").format(
                bundle.title, ARCHITECTURE_TITLES.get(bundle.architecture, bundle.architecture)
            )
        )
        accuracy = bundle.training.get("test_accuracy")
        facts = self.tr("{0} — {1} parameters; input 1×28×28; p = padding per side.").format(
            ARCHITECTURE_TITLES.get(bundle.architecture, bundle.architecture), self._total
        )
        if accuracy is not None:
            facts += " " + self.tr("Test accuracy: {0:.2f} %.").format(100 * accuracy)
        self.table_facts.setText(facts)
        self.device_caption.setToolTip(str(self.predictor.device))

    def use_bundle(self, bundle) -> None:
        """Put a model that is already in memory (a training snapshot or result) in use."""
        from ..inference import Predictor

        try:
            self.predictor = Predictor(bundle, self._device or None)
        except ValueError as exc:
            self._show_input_error(str(exc))
            return
        self._sample = None
        self._rebuild_model_views()
        self.refresh()
        self.model_changed.emit(bundle.source)

    def _use_trained(self, bundle) -> None:
        import dataclasses

        self._before_training = None  # the user chose it: it stays
        self.use_bundle(
            dataclasses.replace(
                bundle,
                source=self.tr("trained {0} ({1})").format(bundle.architecture, bundle.dataset),
            )
        )

    def _training_started(self) -> None:
        self._before_training = self.predictor

    def _training_ended(self, how: str) -> None:
        previous = self._before_training
        if (
            how in ("cancelled", "failed")
            and previous is not None
            and self.predictor is not previous
        ):
            self.predictor = previous
            self._rebuild_model_views()
            self.refresh()
            self.model_changed.emit(previous.bundle.source)
        self._before_training = None

    def toggle_training(self) -> None:
        if self._views_built:
            self.training.setVisible(not self.training.isVisible())
            if self.training.isVisible():
                self.training.raise_()

    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Model"),
            str(Path.home()),
            self.tr("LeNet Desktop models (*.safetensors);;All files (*)"),
        )
        if path:
            self.load_model(path)

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self._recent() if p != path]
        self.settings.setValue("recent_models", [path, *recent][:RECENT_LIMIT])
        self._rebuild_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent_models", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if isinstance(v, str)]

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.load_model(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def _device_chosen(self, index: int) -> None:
        self._device = self.device_box.itemData(index) or ""
        self.settings.setValue("device", self._device)
        if self.predictor is not None:
            # The model is already in memory (it may be a training result with no file):
            # move it to the new device rather than reading it again.
            self.use_bundle(self.predictor.bundle)

    # -- inputs ------------------------------------------------------------------------------
    def _on_stroke(self) -> None:
        self._sample = None
        if not self._throttle.isActive():
            self._throttle.start()

    def _on_canvas_finished(self) -> None:
        if not getattr(self, "_placing_sample", False):
            self._sample = None
        self._throttle.stop()
        self.refresh()

    def show_picture(self, picture) -> bool:
        """Put a picture (Pillow image or array) on the canvas as ink on paper."""
        from ..preprocessing import ink_map, to_array

        try:
            ink = ink_map(to_array(picture))
        except (ValueError, OSError) as exc:
            self._show_input_error(str(exc))
            return False
        except MemoryError:
            self._show_input_error(self.tr("The picture is too large for the memory left."))
            return False
        if not ink.any():
            self._show_input_error(self.tr("The picture is blank: no drawing found."))
            return False
        self.error_label.hide()
        self.canvas.set_ink(ink)
        return True

    def open_image(self, path: str) -> bool:
        from ..preprocessing import ImageReadError, load_image

        try:
            picture = load_image(path)
        except ImageReadError as exc:
            self._show_input_error(str(exc))
            return False
        return self.show_picture(picture)

    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Image"),
            str(Path.home()),
            self.tr("Images ({0});;All files (*)").format(IMAGE_FILTER),
        )
        if path:
            self.open_image(path)

    def paste(self) -> bool:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is not None and mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return self.open_path(url.toLocalFile())
        image = clipboard.image()
        if image.isNull():
            self._show_input_error(self.tr("The clipboard holds no image."))
            return False
        return self.show_picture(qimage_to_array(image))

    def open_path(self, path: str) -> bool:
        """A dropped or pasted file: a model file opens as the model, anything else as an
        image."""
        if path.lower().endswith(MODEL_SUFFIXES):
            self.load_model(path)
            return True
        return self.open_image(path)

    def random_sample(self) -> None:
        """Show a random test image of the model's dataset with its true label."""
        if self.predictor is None:
            return
        from ..datasets import DatasetError, dataset_info, find_test_split

        bundle = self.predictor.bundle
        try:
            info = dataset_info(bundle.dataset)
            split = self._test_splits.get(info.name)
            if split is None:
                split = find_test_split(info, self._setting(f"data/{info.name}", "") or None)
                self._test_splits[info.name] = split
        except (DatasetError, ValueError) as exc:
            self._show_input_error(str(exc))
            return
        index = random.randrange(len(split))
        self.show_sample(
            split.images[index].numpy(), bundle.classes[int(split.labels[index])], index
        )

    def show_sample(self, pixels, label: str, index: int) -> None:
        """Show a dataset image exactly as the network saw it in training, with its label."""
        from ..preprocessing import dataset_sample

        bundle = self.predictor.bundle
        self._placing_sample = True
        try:
            self.canvas.set_ink(pixels / 255.0, smooth=False)
        finally:
            self._placing_sample = False
        self._sample = (index, label, dataset_sample(pixels, bundle.mean, bundle.std))
        self.error_label.hide()
        self.refresh()

    def _show_input_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        for url in mime.urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                event.acceptProposedAction()
                return
        if mime.hasImage():
            self.show_picture(qimage_to_array(QImage(mime.imageData())))
            event.acceptProposedAction()

    # -- the hot path ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Preprocess what is on the canvas, run one forward pass, update every view."""
        if self.predictor is None:
            return
        if self._sample is not None:
            prepared = self._sample[2]
        else:
            prepared = self.predictor.preprocess(self.canvas.to_array())
        prediction = None if prepared.empty else self.predictor.predict(prepared.tensor)
        self.last_prepared, self.last_prediction = prepared, prediction
        self.input_view.show_image(prepared.image)
        self.chart.show_probabilities(None if prediction is None else prediction.probabilities)
        if prediction is not None:
            self.maps.show_values({k: prediction.activations[k] for k in self._map_keys})
        self._show_answer()

    def _show_answer(self) -> None:
        if self.predictor is None:
            self.answer.setText(self.tr("Loading the model…"))
            return
        prediction = self.last_prediction
        kind = (
            self.tr("a digit") if self.predictor.bundle.dataset == "mnist" else self.tr("a garment")
        )
        if prediction is None:
            self.answer.setText(self.tr("Draw {0} on the canvas.").format(kind))
            return
        text = self.tr(
            "<span style='font-size:28pt; font-weight:bold'>{0}</span> {1:.1f} %"
        ).format(prediction.label, 100 * prediction.confidence)
        if self._sample is not None:
            index, label, _ = self._sample
            verdict = "✓" if label == prediction.label else "✗"
            text += "<br>" + self.tr("Test sample #{0} · true label: {1} {2}").format(
                index, label, verdict
            )
        self.answer.setText(text)

    # -- small things ------------------------------------------------------------------------
    def _set_brush(self, value: int) -> None:
        self.canvas.brush_width = float(value)
        self.settings.setValue("brush", value)

    def _set_eraser(self, on: bool) -> None:
        self.canvas.erasing = on

    def _show_tab(self, index: int) -> None:
        if self._views_built:
            self.tabs.setCurrentIndex(index)

    def _enlarge(self, title: str, values) -> None:
        from .heatmaps import TileDialog

        dialog = TileDialog(title, values, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _choose_language(self, code: str) -> None:
        from .app import install_translator

        self.settings.setValue("language", code)
        install_translator(code)

    def show_about(self) -> None:
        import platform

        import numpy
        import PySide6
        import torch
        import torchvision

        device = str(self.predictor.device) if self.predictor is not None else "—"
        QMessageBox.about(
            self,
            self.tr("About LeNet Desktop"),
            self.tr(
                "<h3>LeNet Desktop {0}</h3><p>Draw a digit or a garment and see what LeNet "
                "sees.</p><p>PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · "
                "Python {5}</p><p>Device: {6}</p>"
            ).format(
                __version__,
                torch.__version__,
                torchvision.__version__,
                PySide6.__version__,
                numpy.__version__,
                platform.python_version(),
                device,
            ),
        )

    def confirm_stop_training(self) -> bool:
        """Ask whether to stop a running training to close the window."""
        answer = QMessageBox.question(
            self,
            self.tr("Training is running"),
            self.tr("A training is running. Stop it and close the window?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:
        training = getattr(self, "training", None)
        if training is not None and training.busy:
            if not self.confirm_stop_training():
                event.ignore()
                return
            training.stop_and_wait()
        self.settings.setValue("geometry", self.saveGeometry())
        thread = getattr(self, "_thread", None)
        if thread is not None:
            thread.quit()
            thread.wait(5000)
        super().closeEvent(event)


def qimage_to_array(image: QImage):
    """A QImage as an ``(H, W, 4) uint8`` RGBA array (alpha kept, so transparency counts)."""
    import numpy as np

    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(rgba.constBits(), dtype=np.uint8)
    rows = data.reshape(rgba.height(), rgba.bytesPerLine())
    return rows[:, : rgba.width() * 4].reshape(rgba.height(), rgba.width(), 4).copy()
