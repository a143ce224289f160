"""Starting the app: the QApplication, its translations and palette, and the main window.

Only Qt and NumPy are imported before the window is on screen. Right after the first paint the
model file's NumPy forward pass answers drawings (:meth:`ModelLoader.preview`); torch and the
engine are imported in a background thread meanwhile, and then the heavier views are built
and torch's model takes over (:meth:`MainWindow.finish_startup`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from lenet_desktop.messages import LANGUAGES
from lenet_desktop.qt_check import check_platform_plugin
from lenet_desktop.ui.main_window import MainWindow
from lenet_desktop.ui.translation import install_translator, resources_dir

# What :meth:`MainWindow.finish_startup` and the model loader import (torch, pyqtgraph and the
# views drawn with them): at start-up they are imported in a background thread first
# (:func:`lenet_desktop.ui.app.preload_engine`), so the main thread never waits on them.
HEAVY_MODULES = (
    "lenet_desktop.nn.inference",
    "lenet_desktop.files.notebook",
    "lenet_desktop.nn.anatomy",
    "lenet_desktop.ui.tools.spec_editor",
    "lenet_desktop.training.session",
    "lenet_desktop.ui.training.panel",
    "lenet_desktop.ui.views.architecture",
    "lenet_desktop.ui.views.feature_maps",
    "lenet_desktop.ui.views.input_view",
    "lenet_desktop.ui.views.kernels",
    "lenet_desktop.ui.views.rbf",
    "lenet_desktop.ui.views.cleaning_view",
    "lenet_desktop.ui.analyst",
    "lenet_desktop.ui.views.explain_panel",
    "lenet_desktop.ui.views.overlays",
    "lenet_desktop.ui.dock_layout",
    "lenet_desktop.ui.sources.notebook_live",
)

ORGANIZATION = "LeNet Desktop"
APPLICATION = "LeNet Desktop"


def apply_palette(app: QApplication) -> None:
    """Fusion style with a light or dark palette, following the system's colour scheme."""
    app.setStyle("Fusion")
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette = QPalette()
    if dark:
        for role, colour in (
            (QPalette.ColorRole.Window, QColor(45, 45, 48)),
            (QPalette.ColorRole.WindowText, QColor(230, 230, 230)),
            (QPalette.ColorRole.Base, QColor(30, 30, 32)),
            (QPalette.ColorRole.AlternateBase, QColor(50, 50, 54)),
            (QPalette.ColorRole.Text, QColor(230, 230, 230)),
            (QPalette.ColorRole.Button, QColor(55, 55, 58)),
            (QPalette.ColorRole.ButtonText, QColor(230, 230, 230)),
            (QPalette.ColorRole.Highlight, QColor(70, 130, 200)),
            (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
            (QPalette.ColorRole.ToolTipBase, QColor(60, 60, 64)),
            (QPalette.ColorRole.ToolTipText, QColor(230, 230, 230)),
        ):
            palette.setColor(role, colour)
    else:
        palette = app.style().standardPalette()
    app.setPalette(palette)


def settings() -> QSettings:
    """The per-user settings store; a damaged one is set aside so the app starts on defaults."""
    store = QSettings(ORGANIZATION, APPLICATION)
    if store.status() != QSettings.Status.NoError:
        path = Path(store.fileName())
        if path.exists():
            path.replace(path.with_suffix(path.suffix + ".damaged"))
        store = QSettings(ORGANIZATION, APPLICATION)
    return store


def create_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Qt aborts (a core dump) when its platform plugin cannot load: say instead, in one
        # line, which packages to install, and exit with status 1.
        problem = check_platform_plugin()
        if problem:
            print(problem, file=sys.stderr, flush=True)
            raise SystemExit(1)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # (a QCoreApplication would have no windows)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    icon = resources_dir() / "icons" / "lenet-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _: apply_palette(app))
    return app


class _Then(QObject):
    """Calls ``then`` in the thread it lives in (the main one) when ``done`` is emitted from
    another."""

    done = Signal()

    def __init__(self, parent: QObject, then) -> None:
        super().__init__(parent)
        self._then = then
        self.done.connect(self._call)  # queued: the emitter is another thread

    @Slot()
    def _call(self) -> None:
        self._then()


def preload_engine(window: QObject, then) -> threading.Thread:
    """Import torch, pyqtgraph and the views drawn with them (HEAVY_MODULES) in a background
    thread, then call ``then`` in the main thread (MainWindow.finish_startup, whose own imports
    then find them loaded: Python's import lock makes a half-done import wait, never run
    twice). The main thread stays free for the window meanwhile: it paints and answers from
    NumPy. (Importing these modules creates no QObject: nothing of Qt's lives in that thread.)"""
    call = _Then(window, then)

    def load() -> None:
        for name in HEAVY_MODULES:
            # Any failure is the window's own import's to report, in its thread.
            with contextlib.suppress(Exception):
                importlib.import_module(name)
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            call.done.emit()

    thread = threading.Thread(target=load, name="preload-engine", daemon=True)
    thread.start()
    return thread


def start(window: MainWindow) -> None:
    """After the first paint: the model's first answers from NumPy, then torch and the rest
    of the window, imported in the background (from the next turn of the event loop, so the
    events queued now — the preview's own repaint, a drawing already made — come first).
    While torch loads, the main thread shares the interpreter with the import: an answer
    takes about 15 ms instead of 5, and the main thread is never blocked for the import's
    whole second or two."""
    window.loader.preview()
    QTimer.singleShot(0, lambda: preload_engine(window, window.finish_startup))


def run_app(model: str | None = None, device: str | None = None) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    app = create_app()
    store = settings()
    language = store.value("language", "system")
    install_translator(language if language in ("system", *LANGUAGES) else "system")
    window = MainWindow(model, device, store)
    FirstPaint(window, then=lambda: start(window))
    window.show()
    status = app.exec()
    from lenet_desktop.ui.tasks import lingering  # deferred: off the first paint

    if lingering():  # a worker that would not stop (a stalled download): end now, cleanly
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status


# A seven, as fractions of the canvas: the built-in sample drawing of the smoke test.
# a 7 with a cross-bar, in fractions of the canvas (x, y)
SAMPLE_SEVEN = ([(0.3, 0.22), (0.72, 0.22), (0.46, 0.8)], [(0.38, 0.52), (0.62, 0.52)])


class FirstPaint(QObject):
    """Notes the Unix time ``window`` is first painted, then calls ``then`` (once) from the
    event loop — so the heavy imports of ``finish_startup`` wait until the window is on screen.
    A window that is never painted (minimised, hidden) still starts after ``fallback_ms``."""

    def __init__(self, window: QWidget, then=None, fallback_ms: int = 2000) -> None:
        super().__init__(window)
        self.at: float | None = None
        self._then = then
        window.installEventFilter(self)
        if then is not None:
            QTimer.singleShot(fallback_ms, self._start)

    def _start(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.time()
            QTimer.singleShot(0, self._start)  # after this paint is done
        return False


def resident_mb() -> float | None:
    """This process's resident memory in MiB (peak on systems without /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import resource  # (POSIX only)
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def smoke_test(model: str | None = None, device: str | None = None) -> int:
    """Open the real window offscreen, draw the built-in seven as soon as the window answers
    (from NumPy, before torch is loaded), wait for torch's model, print what both said and
    exit: 0 when both read a 7, 1 otherwise (checks an install or a frozen bundle)."""
    import json  # deferred: off the first paint
    import os  # deferred: off the first paint

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_app()
    store = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LeNet Desktop", "smoke-test"
    )
    window = MainWindow(model or "mnist", device, store)
    first_paint = FirstPaint(window, then=lambda: start(window))
    window.show()
    outcome = {"status": 1}
    first: dict = {}

    def draw() -> None:
        if first:
            return
        for points in SAMPLE_SEVEN:
            window.canvas.draw_polyline(list(points))
        app.processEvents()  # the prediction is on screen
        prediction = window.session.prediction
        first.update(
            label=prediction.label if prediction else None,
            by="numpy" if window.session.previewing else "torch",
            at=time.time(),  # Unix times, for `python -m benchmarks` to measure from outside
        )

    def finish() -> None:
        draw()  # (when torch's model came first)
        prediction = window.session.prediction
        result = {
            "label": prediction.label if prediction else None,
            "confidence": prediction.confidence if prediction else None,
            "model": window.session.model.title if window.session.model else None,
            "device": str(window.session.predictor.device) if window.session.predictor else None,
            "first_label": first["label"],
            "first_by": first["by"],
            "painted_at": first_paint.at,
            "predicted_at": first["at"],
            "ready_at": time.time(),  # torch's model in use, the maps drawn
            "rss_mb": resident_mb(),
        }
        print(json.dumps(result), flush=True)
        outcome["status"] = 0 if result["label"] == result["first_label"] == "7" else 1
        window.close()
        app.quit()

    def failed(message: str) -> None:
        print(json.dumps({"error": message}), flush=True)
        window.close()
        app.quit()

    # Queued: the session emits these from inside its own update, which must end first.
    window.answering.connect(lambda: QTimer.singleShot(0, draw))
    window.ready.connect(lambda: QTimer.singleShot(0, finish))
    window.loader.failed.connect(failed)
    QTimer.singleShot(120_000, app.quit)  # never hang a CI job
    app.exec()
    return outcome["status"]
