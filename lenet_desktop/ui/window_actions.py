"""What the main window's menus do, and where the window opens: the part of
:class:`~lenet_desktop.ui.main_window.MainWindow` that acts on the views it placed (a mixin; the
window places the views, the menus and the docks)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect
from PySide6.QtWidgets import QFileDialog, QMainWindow

from lenet_desktop.ui.translation import install_translator

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSplitter, QTabWidget

    from lenet_desktop.session import Session
    from lenet_desktop.ui.dock_layout import DockLayout
    from lenet_desktop.ui.sources.inputs import InputSources
    from lenet_desktop.ui.sources.model_loader import ModelLoader
    from lenet_desktop.ui.tools.spec_editor import SpecEditor
    from lenet_desktop.ui.training.panel import TrainingPanel
    from lenet_desktop.ui.views.feature_maps import FeatureMapsView
    from lenet_desktop.ui.views.status_bar import StatusBarView

FIRST_SIZE = (1280, 800)  # the first window, where the screen allows


class WindowActions(QMainWindow):
    """The menus' commands of the main window; what they act on, the window places."""

    session: Session
    settings: QSettings
    tabs: QTabWidget
    splitter: QSplitter
    status: StatusBarView
    loader: ModelLoader
    inputs: InputSources
    menu_actions: dict[str, QAction]
    training: TrainingPanel | None
    maps: FeatureMapsView
    editor: SpecEditor
    docks: DockLayout
    _views_built: bool

    # -- geometry ----------------------------------------------------------------------------------
    def _restore_geometry(self, available: QRect | None = None) -> None:
        """The window where the learner left it, or 1280×800 — never larger than the screen's
        available area (``available``; default: the screen's, without its task bar)."""
        geometry = self.settings.value("geometry")
        # A stale or damaged settings store must never stop the window from opening.
        if not isinstance(geometry, (QByteArray, bytes)) or not self.restoreGeometry(geometry):
            self.resize(*FIRST_SIZE)
        screen = self.screen()
        area = available or (screen.availableGeometry() if screen is not None else None)
        if area is None or area.isEmpty():
            return
        frame = self.frameGeometry().size() - self.geometry().size()  # the title bar's share
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(
                area.left() + (area.width() - width - frame.width()) // 2,
                area.top() + (area.height() - height - frame.height()) // 2,
            )

    # -- what the menus do -------------------------------------------------------------------------
    def _tab(self, index: int) -> None:
        if self._views_built:
            self.tabs.setCurrentIndex(index)

    def show_maps(self) -> None:
        self._tab(0)

    def show_kernels(self) -> None:
        self._tab(1)

    def show_table(self) -> None:
        self._tab(2)

    def toggle_training(self) -> None:
        if self.training is not None:
            if self.training.isVisible():
                self.training.hide()
            else:
                self.docks.show(self.training)

    def reset_layout(self) -> None:
        """*View ▸ Reset Layout*: the docks and panes as at first, for this window's size."""
        if self._views_built:
            self.docks.reset()

    def train_spec(self, path: str) -> None:
        """The editor's *Train This*: the Training panel, set to the spec, shown."""
        assert self.training is not None  # the editor exists once the views are built
        self.training.use_spec_file(path)
        if not self.training.isVisible():
            self.toggle_training()

    def set_up_look(self, key: str) -> None:
        """An exercise to look at (the Exercises tab's *Set Up*, its set-up in
        :class:`~lenet_desktop.training.exercises.Exercise`): its model opened, a test image
        of one class pinned beside one of another, in the Feature maps tab."""
        from lenet_desktop.training.exercises import exercise  # (deferred: not for first paint)

        item = exercise(key)
        if item.model is None:
            return

        def ready(*_) -> None:
            model = self.session.model
            if model is None or model.dataset.name != item.dataset:
                return
            self.session.model_changed.disconnect(ready)
            self.session.unpin()
            classes = model.dataset.classes
            if item.pinned in classes and self.inputs.random_sample(classes.index(item.pinned)):
                self.menu_actions["pin"].setChecked(True)
                if item.beside in classes:
                    self.inputs.random_sample(classes.index(item.beside))
            self.tabs.setCurrentWidget(self.maps)

        self.session.model_changed.connect(ready)
        model = self.session.model
        if model is not None and model.dataset.name == item.dataset:
            ready()
        else:
            self.loader.load(item.model)

    def toggle_pin(self, on: bool) -> None:
        if on and self.session.pinned is None:
            if self.session.pin() is None:
                self.menu_actions["pin"].setChecked(False)
        elif not on:
            self.session.unpin()

    def toggle_attribution(self, on: bool) -> None:
        method = "gradcam" if self.menu_actions["gradcam"].isChecked() else "saliency"
        self.session.set_attribution(method if on else None)

    def use_gradcam(self, on: bool) -> None:
        if self.session.attribution_method is not None:
            self.session.set_attribution("gradcam" if on else "saliency")

    def show_sandbox(self) -> None:
        from lenet_desktop.ui.tools.sandbox import show_sandbox  # deferred: NumPy

        show_sandbox(self)

    def set_presentation(self, on: bool) -> None:
        """Larger type and larger maps, for a projector."""
        from lenet_desktop.ui.tools.export import presentation  # deferred: off the first paint

        presentation(self.session, self.settings, on)

    def _describe_weights(self, path: str, state: dict, spec) -> None:
        self.editor.describe_weights(path, state, spec)
        self.tabs.setCurrentWidget(self.editor)

    def show_code(self) -> None:
        """The model in use as the PyTorch code that builds it (Architecture tab)."""
        from lenet_desktop.specs.code import pytorch_code  # (deferred, too)
        from lenet_desktop.ui.tools.code_view import show_code  # deferred: off the first paint

        model = self.session.model
        if model is None:
            return
        if model.spec is None:
            self.session.report(
                QCoreApplication.translate(
                    "MainWindow",
                    "LeNet-5 has layers of its own, not plain nn layers: no code to show.",
                )
            )
            return
        info = model.dataset
        code = pytorch_code(
            model.spec, len(info.classes), "weights.params", info.mean, info.std, model.temperature
        )
        show_code(self, model.title, code)

    def export_weights(self) -> None:
        """Model ▸ Export Weights for a Notebook…: the state dict the code's network loads."""
        from lenet_desktop.files.notebook import NotebookError, export_weights  # (deferred, too)

        if self.session.predictor is None:  # (not while the first answers come from NumPy)
            return
        model = self.session.predictor.bundle
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Export Weights for a Notebook"),
            str(Path.home() / "weights.params"),
            QCoreApplication.translate(
                "MainWindow",
                "PyTorch parameters (*.params *.pt *.pth);;safetensors (*.safetensors)",
            ),
        )
        if not path:
            return
        try:
            written = export_weights(model, path)
        except NotebookError as exc:
            self.session.report(exc)
            return
        self.status.showMessage(
            QCoreApplication.translate("MainWindow", "Wrote {0}").format(written), 8000
        )

    def export_view(self) -> None:
        from lenet_desktop.ui.tools.export import export_dialog  # deferred: off the first paint

        export_dialog(self, self.splitter)

    def choose_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        install_translator(code)

    def show_about(self) -> None:
        from lenet_desktop.ui.tools.about import show_about  # deferred: off the first paint

        show_about(self, self.session)
