"""Opening models: the shipped ones (Ctrl+1, Ctrl+2, …), a file, the recent files. A model is
read and prepared in a worker thread and put in the session when it is ready; the model in use
stays until then, and stays if the new one fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from lenet_desktop.files.model_files import (
    DEFAULT_MODEL,
    SUFFIX,
    NotOurModelError,
    load_model,
    save_model,
    shipped_models,
)
from lenet_desktop.files.notebook import PICKLE_SUFFIXES
from lenet_desktop.files.trying import NothingFits, find, import_trial
from lenet_desktop.paths.places import inside, slug, user_folder
from lenet_desktop.session import Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.tasks import Runner
from lenet_desktop.ui.translation import architecture_title, error_text, found_text

RECENT_LIMIT = 8
FOUND_MS = 20_000  # how long the status bar says what a notebook's weights were found to be


def _load(name_or_path: str, device: str):
    """In the worker thread: the model file read and prepared on the device. A notebook's
    weights (no code run) are tried on the app's test images
    (:mod:`lenet_desktop.files.trying`): the network they clearly are is imported; when
    several read about as well, or none better than chance, what was found, for the learner to
    choose from."""
    from lenet_desktop.nn.inference import Predictor  # torch: deferred, off the first paint

    suffix = Path(name_or_path).suffix.lower()
    if suffix in PICKLE_SUFFIXES:
        return _try_notebook(name_or_path, None, device)
    try:
        return Predictor(load_model(name_or_path), device or None)
    except NotOurModelError as exc:  # no metadata of ours: a notebook's bare state dict, maybe
        try:
            return _try_notebook(name_or_path, None, device)
        except NothingFits:
            raise exc from None


def _try_notebook(path: str, candidate, device: str):
    """In the worker thread: a notebook's file tried (only ``candidate`` when given): the
    imported model (``Imported``) when one network is clearly it, else ``Notebook``."""
    finding = find(path, candidate)
    if finding.verdict in ("clear", "likeliest"):
        return _keep(path, import_trial(path, finding.best, finding), device, finding)
    return Notebook(path, finding)


class Notebook:
    """A notebook's weights file and what trying them found (from the worker thread)."""

    def __init__(self, path: str, finding) -> None:
        self.path, self.finding = path, finding

    @property
    def state(self) -> dict:
        return self.finding.weights.state


class Imported:
    """A notebook's network put in use: the model file it is kept as, the predictor, and
    what trying it found (None when the learner chose it)."""

    def __init__(self, kept: str, predictor, finding=None) -> None:
        self.kept, self.predictor, self.finding = kept, predictor, finding


def _keep(path: str, bundle, device: str, finding=None):
    """In the worker thread: a notebook's imported network kept as a model file in the
    per-user models folder (so it reopens with no questions), and prepared on the device."""
    folder = user_folder("models")
    folder.mkdir(parents=True, exist_ok=True)
    kept = save_model(bundle, inside(folder, f"{slug(Path(path).stem, 'notebook')}{SUFFIX}"))
    from lenet_desktop.nn.inference import Predictor  # torch: deferred, off the first paint

    return Imported(str(kept), Predictor(bundle, device or None), finding)


class ModelLoader(QObject):
    """``loading(name)`` when a load starts, ``loaded(name)`` when the model is in use,
    ``failed(message)`` when it could not be used."""

    loading = Signal(str)
    loaded = Signal(str)
    failed = Signal(str)
    # a notebook's weights to describe as a spec in the editor: (path, state dict, first spec)
    edit_as_spec = Signal(str, object, object)

    def __init__(self, session: Session, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.runner: Runner | None = None
        self.pending: list[str] = []
        self._fallback_error: str | None = None  # why the default model came instead
        self.shipped_actions: dict[str, QAction] = {}
        self.recent_menu: QMenu | None = None
        self._group = QActionGroup(self)
        follow(self, session.model_changed, lambda p: self._check(p.bundle.source))
        follow(self, session.previewed, lambda h: self._check(h.source if h else ""))

    # -- loading ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker thread and load what was asked for before it was there."""
        if self.runner is None:
            self.runner = Runner(self)
        pending, self.pending = self.pending, []
        for name in pending[-1:]:
            self.load(name)

    def preview(self) -> None:
        """Before torch is loaded (start-up): the model asked for answers from its file's NumPy
        forward pass (:mod:`lenet_desktop.nn.numpy_forward`) until it is loaded. Nothing when
        the file cannot be run so: torch's load then says what is wrong with it."""
        if self.session.predictor is not None or not self.pending:
            return
        # deferred: off the first paint
        from lenet_desktop.files.model_files import load_numpy_model

        try:
            preview = load_numpy_model(self.pending[-1])
        except (ValueError, OSError):  # ModelFileError, UnsupportedModel: torch's load says
            return
        self.session.preview(preview)

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()

    def load(self, name_or_path: str) -> None:
        """Load a shipped model or a file; asked before start-up ends, it waits for it."""
        name = str(name_or_path)
        self.loading.emit(name)
        if self.runner is None:
            self.pending.append(name)
            return
        device = self.session.device
        self.runner.run(
            lambda: _load(name, device),
            lambda predictor: self._loaded(name, predictor),
            lambda error: self._failed(name, error),
        )

    def _loaded(self, name: str, predictor) -> None:
        if isinstance(predictor, Notebook):
            self._ask(predictor)
            return
        found = None
        if isinstance(predictor, Imported):
            name, found, predictor = predictor.kept, predictor.finding, predictor.predictor
        self.session.use(predictor)
        if self._fallback_error is not None:  # why this model and not the one asked for
            self.session.report(self._fallback_error)
            self._fallback_error = None
        self.settings.setValue("model", name)
        if name not in shipped_models():
            self.remember(name)
        self.loaded.emit(name)
        if found is not None:  # what trying the notebook's weights found, said once
            bar = getattr(self.window, "statusBar", None)
            if bar is not None:
                bar().showMessage(found_text(found), FOUND_MS)

    def _ask(self, notebook: Notebook) -> None:
        """Several networks read the test images about as well, or none better than chance:
        the learner chooses (non-blocking, each one's score shown), then it is imported."""
        # deferred: off the first paint
        from lenet_desktop.ui.sources.import_dialog import ImportDialog

        finding = notebook.finding
        self.import_dialog = ImportDialog(Path(notebook.path).name, finding, self.window)
        self.import_dialog.chosen.connect(lambda trial: self._import(notebook.path, trial))
        self.import_dialog.rejected.connect(self._declined)
        self.import_dialog.edit_requested.connect(
            lambda: self.edit_as_spec.emit(notebook.path, notebook.state, self._first_spec(finding))
        )
        self.import_dialog.open()

    @staticmethod
    def _first_spec(finding):
        """The spec the editor starts from: the best candidate's, or the book's network."""
        if finding.trials:
            return finding.best.candidate.spec
        from lenet_desktop.specs import preset_spec  # deferred: off the first paint

        return preset_spec("d2l")

    def _declined(self) -> None:
        """The learner closed the dialog (or went to the editor): nothing was opened. With no
        model in use yet the window must not wait for one: the default model comes."""
        self.failed.emit("")
        if self.session.predictor is None:
            self.load(DEFAULT_MODEL)

    def import_with(self, path: str, candidate) -> None:
        """The editor's network for a notebook's weights: its dataset and scaling found by
        trying it (asked only when not clear), then imported."""
        assert self.runner is not None
        device = self.session.device
        self.loading.emit(path)
        self.runner.run(
            lambda: _try_notebook(path, candidate, device),
            lambda done: self._loaded(path, done),
            lambda error: self._failed(path, error),
        )

    def _import(self, path: str, trial) -> None:
        """The network the learner chose for a notebook's weights, imported and put in use."""
        assert self.runner is not None
        device = self.session.device
        self.runner.run(
            lambda: _keep(path, import_trial(path, trial), device),
            lambda kept: self._loaded(kept.kept, kept),
            lambda error: self._failed(path, error),
        )

    def _failed(self, name: str, error: BaseException) -> None:
        message = error_text(error) if isinstance(error, ValueError) else f"{name}: {error}"
        text = self.tr("Could not open the model: {0}").format(message)
        self.session.report(text)
        self.failed.emit(message)
        if self.session.predictor is None:
            self.session.preview(None)  # its answers were of a model that cannot be used
        if self.session.predictor is None and name != DEFAULT_MODEL:
            self._fallback_error = text  # said again once the default model is in use
            self.load(DEFAULT_MODEL)  # a stale setting must not leave the window empty

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open Model"),
            str(Path.home()),
            self.tr(
                "LeNet Desktop models (*{0});;Notebook weights (*.params *.pt *.pth "
                "*.safetensors);;All files (*)"
            ).format(SUFFIX),
        )
        if path:
            self.load(path)

    # -- menus -----------------------------------------------------------------------------------
    def build_menus(self, model_menu: QMenu, before: QAction) -> None:
        """The Model menu's Recent Models, then the shipped models (Ctrl+1, Ctrl+2, …), put
        before ``before`` (after *Open Model…*)."""
        self.recent_menu = QMenu(model_menu)
        model_menu.insertMenu(before, self.recent_menu)
        model_menu.insertSeparator(before)
        for index, name in enumerate(shipped_models()):
            action = QAction(self)
            action.setCheckable(True)
            if index < 9:
                action.setShortcut(f"Ctrl+{index + 1}")
            action.triggered.connect(lambda checked=False, n=name: self.load(n))
            self._group.addAction(action)
            model_menu.insertAction(before, action)
            self.shipped_actions[name] = action
        self._rebuild_recent()

    def retranslate(self) -> None:
        # deferred: off the first paint
        from lenet_desktop.files.model_files import ModelFileError, read_model_file

        for name, action in self.shipped_actions.items():
            try:
                fields = read_model_file(shipped_models()[name])[1]
                title = self.tr("{0} · {1} (shipped)").format(
                    fields["dataset"].title, architecture_title(fields["architecture"])
                )
            except (ModelFileError, KeyError):
                title = name
            action.setText(title)
        if self.recent_menu is not None:
            self.recent_menu.setTitle(self.tr("Recent Models"))

    def _check(self, source: str) -> None:
        for name, action in self.shipped_actions.items():
            action.setChecked(source == name)

    def recent(self) -> list[str]:
        value = self.settings.value("recent_models", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            return []
        return [str(v) for v in value if isinstance(v, str)]

    def remember(self, path: str) -> None:
        recent = [p for p in self.recent() if p != path]
        self.settings.setValue("recent_models", [path, *recent][:RECENT_LIMIT])
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.load(p))
        self.recent_menu.setEnabled(bool(self.recent()))
