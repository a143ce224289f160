"""The main window: places the views, the menus and the docks, nothing more.

Every view follows the session (:class:`lenet_desktop.session.Session`): the canvas and the
input sources put inputs in it, the model loader puts models in it, and the views redraw when it
says something changed. The window is painted before torch is imported, and answers drawings
from the model file's NumPy forward pass (:meth:`ModelLoader.preview`) while torch loads;
:meth:`MainWindow.finish_startup` then builds the heavier views and loads the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from lenet_desktop.files.model_files import DEFAULT_MODEL
from lenet_desktop.messages import LANGUAGES as SPOKEN
from lenet_desktop.session import Session
from lenet_desktop.specs.geometry import INPUT_SHAPE, shape_text
from lenet_desktop.ui import actions
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.sources.canvas_panel import CanvasPanel
from lenet_desktop.ui.sources.inputs import InputSources
from lenet_desktop.ui.sources.model_loader import ModelLoader
from lenet_desktop.ui.translation import Retranslating, translate
from lenet_desktop.ui.views.answer import AnswerView
from lenet_desktop.ui.views.probability_chart import ProbabilityChart
from lenet_desktop.ui.views.status_bar import StatusBarView
from lenet_desktop.ui.window_actions import WindowActions

LANGUAGES = {"system": None, **SPOKEN}  # the Language menu: the system's, then each one
if TYPE_CHECKING:
    from lenet_desktop.ui.sources.notebook_live import NotebookLive
    from lenet_desktop.ui.training.panel import TrainingPanel


class MainWindow(Retranslating, WindowActions):
    """Canvas, the network's input image, the answer and probabilities, and tabs of feature
    maps, kernels and the architecture; the Training panel docks below."""

    ready = Signal()  # the first model is in use (torch's: every view follows it)
    answering = Signal()  # the window answers drawings (from NumPy while torch loads, or torch)

    def __init__(
        self, model: str | None = None, device: str | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.session = Session(device or self._setting("device", ""))
        self.training: TrainingPanel | None = None
        self.notebook: NotebookLive | None = None
        self._views_built = False
        self._ready = False  # the first model is in use
        self._answering = False
        self.canvas_panel = CanvasPanel(self.settings)
        self.canvas = self.canvas_panel.canvas  # an input and a view, wired to the session here
        self.canvas.drawn.connect(self.session.draw)
        self.canvas.digit_chosen.connect(self.session.show_digit)
        follow(self.canvas, self.session.predicted, self.canvas.show_result)
        self.loader = ModelLoader(self.session, self.settings, self)
        self.inputs = InputSources(self.session, self.settings, self, self.loader.load)

        self.sees_label = QLabel()
        self.middle = QWidget()
        self.middle_layout = QVBoxLayout(self.middle)
        self.middle_layout.setContentsMargins(4, 4, 4, 4)
        self.middle_layout.setSpacing(2)  # (on a laptop's screen every pixel of height counts)
        self.answer = AnswerView(self.session)
        self.chart = ProbabilityChart(self.session)
        for widget, stretch in ((self.sees_label, 0), (self.answer, 0), (self.chart, 1)):
            self.middle_layout.addWidget(widget, stretch)
        self.tabs = QTabWidget()
        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.loading_label, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("MainSplitter")
        for pane, stretch in ((self.canvas_panel, 3), (self.middle, 2), (self.tabs, 4)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
            self.splitter.setCollapsible(self.splitter.count() - 1, False)
        self.splitter.setSizes([360, 240, 420])  # proportions; the splitter scales them
        self.setCentralWidget(self.splitter)
        self.status = StatusBarView(self.session)
        self.setStatusBar(self.status)

        self.menus, self.menu_actions = actions.build(self, self.menuBar())
        self.canvas_panel.eraser_button.toggled.connect(self.menu_actions["eraser"].setChecked)
        self.canvas_panel.fill_button.toggled.connect(self.menu_actions["fill"].setChecked)
        self.menu_actions["training"].setEnabled(False)
        self.menu_actions["notebook"].setEnabled(False)
        self.loader.build_menus(self.menus["model"], self.menu_actions["export_weights"])
        self.inputs.build_class_menu(self.menus["file"], self.menu_actions["export_view"])
        self._build_language_menu()
        # (said in the model's own place in the status bar: a temporary message over it
        # was drawn on top of "Model: …")
        self.loader.loading.connect(self.status.show_loading)
        self.loader.loaded.connect(lambda _: self.status.show_model())
        self.loader.failed.connect(self._model_kept)
        follow(self, self.session.model_changed, self._first_model)
        follow(self, self.session.previewed, self._first_answer)
        follow(
            self,
            self.session.pinned_changed,
            lambda p: self.menu_actions["pin"].setChecked(p is not None),
        )
        self.setAcceptDrops(True)
        self.retranslate()
        self._restore_geometry()
        self.loader.load(model or self._setting("model", DEFAULT_MODEL))

    def _model_kept(self, _message: str) -> None:
        """A model could not be opened (or the learner declined it): the status bar names the
        one in use again, and says so."""
        self.status.show_model()
        if self.session.model is not None:
            self.status.showMessage(self.tr("The current model is still in use."), 8000)

    def _setting(self, key: str, default: str) -> str:
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    def _build_language_menu(self) -> None:
        self.language_menu = self.menus["view"].addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        current = self._setting("language", "system")
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name or "")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_actions[code] = action

    def retranslate(self) -> None:
        """Every string the window itself shows (each view translates its own)."""
        self.setWindowTitle(self.tr("LeNet Desktop"))
        self.sees_label.setText(
            self.tr("What the network sees ({0}):").format(shape_text(INPUT_SHAPE[1:]))
        )
        self.loading_label.setText(self.tr("Loading the model…"))
        actions.retranslate(self.menus, self.menu_actions)
        self.loader.retranslate()
        self.inputs.retranslate()
        self.language_menu.setTitle(self.tr("Language"))
        self.language_actions["system"].setText(self.tr("System Language"))
        if self._views_built:
            titles = {
                self.maps: self.tr("Feature maps"),
                self.kernels: self.tr("Kernels"),
                self.architecture: self.tr("Architecture"),
                self.editor: self.tr("Architecture Editor"),
                self.rbf: self.tr("LeNet-5 Output"),
            }
            for index in range(self.tabs.count()):
                tab = self.tabs.widget(index)
                title = titles.get(tab) if tab is not None else None
                if title is not None:
                    self.tabs.setTabText(index, title)
        else:
            self.tabs.setTabText(0, self.tr("Loading"))

    # -- start-up --------------------------------------------------------------------------------
    def finish_startup(self) -> None:
        """Import the engine and the plotting library, build the heavier views, load the model.
        (Once: later calls do nothing.)"""
        if self._views_built:
            return
        from lenet_desktop.nn.device import use_one_thread  # deferred: torch
        from lenet_desktop.ui.tools.spec_editor import SpecEditor  # deferred: off the first paint
        from lenet_desktop.ui.training.panel import TrainingPanel  # deferred: pyqtgraph

        # deferred: off the first paint
        from lenet_desktop.ui.views.architecture import ArchitectureView
        from lenet_desktop.ui.views.feature_maps import FeatureMapsView  # deferred: pyqtgraph
        from lenet_desktop.ui.views.input_view import InputView  # deferred: off the first paint
        from lenet_desktop.ui.views.kernels import KernelsView  # deferred: pyqtgraph
        from lenet_desktop.ui.views.rbf import RBFView  # deferred: pyqtgraph

        use_one_thread()
        self.input_view = InputView(self.session)
        self.input_view.hovered.connect(self.status.show_input_hover)
        self.middle_layout.insertWidget(1, self.input_view, 1)
        # deferred: off the first paint
        from lenet_desktop.ui.views.cleaning_view import CleaningView

        self.cleaning_view = CleaningView(self.session)
        self.middle_layout.insertWidget(2, self.cleaning_view, 0)
        self.maps, self.kernels = FeatureMapsView(self.session), KernelsView(self.session)
        self.architecture = ArchitectureView(self.session)
        self.rbf = RBFView(self.session)
        self.editor = SpecEditor(self.session, self.settings)
        from lenet_desktop.ui.analyst import Analyst  # deferred: off the first paint

        # deferred: off the first paint
        from lenet_desktop.ui.views.explain_panel import ExplainPanel

        # deferred: off the first paint
        from lenet_desktop.ui.views.overlays import AttributionOverlay, FieldOutlines

        self.analyst = Analyst(self.session, self)  # explanations and attribution, off-thread
        self.explain_panel = ExplainPanel(self.session, self)  # hidden until a value is clicked
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.explain_panel)
        self.explain_panel.hide()
        self.chart.class_clicked.connect(self.explain_panel.select_class)
        self.outlines = FieldOutlines(self.session, self.input_view, self.canvas, self)
        self.attribution = AttributionOverlay(self.session, self.input_view, self.canvas, self)
        self.toggle_attribution(self.menu_actions["attribution"].isChecked())
        self.tabs.clear()
        for view in (self.maps, self.kernels, self.architecture, self.editor, self.rbf):
            self.tabs.addTab(view, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.rbf), self.rbf.applies)
        self.rbf.applies_changed.connect(
            lambda on: self.tabs.setTabVisible(self.tabs.indexOf(self.rbf), on)
        )
        self._views_built = True
        self.status.fill_devices()
        from lenet_desktop.training.session import TrainingSession  # deferred: off the first paint

        self.training_session = TrainingSession(self.session, translate=translate)
        self.kernels.history = self.training_session.kernel_history  # while stepping
        training = self.training = TrainingPanel(self.training_session, self.settings, self)
        training.set_devices(self.session.devices())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, training)
        training.hide()
        from lenet_desktop.ui.dock_layout import DockLayout  # deferred: off the first paint

        self.docks = DockLayout(self, self.splitter, self.settings, self.explain_panel, training)
        self.explain_panel.wanted.connect(lambda: self.docks.show(self.explain_panel))
        self.editor.train_requested.connect(self.train_spec)
        training.look_requested.connect(self.set_up_look)
        self.architecture.code_requested.connect(self.show_code)
        self.loader.edit_as_spec.connect(self._describe_weights)
        self.editor.weights_requested.connect(self.loader.import_with)
        self.menu_actions["training"].setEnabled(True)
        # deferred: pyqtgraph, torch
        from lenet_desktop.ui.sources.notebook_live import NotebookLive

        self.notebook = NotebookLive(self.session, self)  # a notebook's network, as it trains
        self.notebook.listen()
        self.menu_actions["notebook"].setEnabled(True)
        self.docks.restore()
        self.retranslate()
        self.loader.start()

    def _first_model(self, predictor) -> None:
        self._first_answer(predictor.bundle)
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _first_answer(self, model) -> None:
        if model is not None and not self._answering:
            self._answering = True
            self.answering.emit()

    # -- drops and closing -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.inputs.open_mime(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:
        if self.training is not None and not self.training.close_for_exit():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        if self._views_built:
            self.docks.save()
        self.settings.setValue("device", self.session.device)
        self.loader.stop()
        self.inputs.stop()
        if self.training is not None:
            self.training.estimate.stop()
        if self._views_built:
            self.analyst.stop()
        if self.notebook is not None:
            self.notebook.close()
        super().closeEvent(event)
