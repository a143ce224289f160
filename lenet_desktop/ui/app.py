"""Starting the app: the QApplication, its translations and palette, and the main window.

Only Qt is imported before the window is on screen; torch and pyqtgraph follow right after the
first paint.
"""

from __future__ import annotations

import contextlib
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
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from lenet_desktop.qt_check import check_platform_plugin
from lenet_desktop.ui.main_window import MainWindow
from lenet_desktop.ui.translation import install_translator, resources_dir

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


def preload_engine() -> None:
    """Import torch and the engine in a background thread while Qt builds and paints the
    window; the window's own imports then find them loaded (Python's import lock makes a
    half-done import wait, never run twice)."""

    def load() -> None:
        # Any failure is the window's own import's to report, in its thread.
        with contextlib.suppress(Exception):
            from lenet_desktop import session  # noqa: F401 - imported for later
            from lenet_desktop.analysis import layer_table  # noqa: F401
            from lenet_desktop.nn import inference  # noqa: F401

    threading.Thread(target=load, name="preload-engine", daemon=True).start()


def run_app(model: str | None = None, device: str | None = None) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    preload_engine()
    app = create_app()
    store = settings()
    language = store.value("language", "system")
    install_translator(language if language in ("system", "en", "zh_CN") else "system")
    window = MainWindow(model, device, store)
    FirstPaint(window, then=window.finish_startup)
    window.show()
    status = app.exec()
    from lenet_desktop.ui.tasks import lingering

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
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def smoke_test(model: str | None = None, device: str | None = None) -> int:
    """Open the real window offscreen, draw the built-in seven, print what the network says,
    and exit: 0 when it reads a 7, 1 otherwise (checks an install or a frozen bundle)."""
    import json
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    preload_engine()
    app = create_app()
    store = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LeNet Desktop", "smoke-test"
    )
    window = MainWindow(model or "mnist", device, store)
    first_paint = FirstPaint(window, then=window.finish_startup)
    window.show()
    outcome = {"status": 1}

    def draw() -> None:
        for points in SAMPLE_SEVEN:
            window.canvas.draw_polyline(list(points))
        app.processEvents()  # the prediction is on screen
        prediction = window.session.prediction
        result = {
            "label": prediction.label if prediction else None,
            "confidence": prediction.confidence if prediction else None,
            "model": window.session.model.title if window.session.model else None,
            "device": str(window.session.predictor.device) if window.session.predictor else None,
            # Unix times, for `python -m benchmarks` to measure start-up from outside.
            "painted_at": first_paint.at,
            "predicted_at": time.time(),
            "rss_mb": resident_mb(),
        }
        print(json.dumps(result), flush=True)
        outcome["status"] = 0 if result["label"] == "7" else 1
        window.close()
        app.quit()

    def failed(message: str) -> None:
        print(json.dumps({"error": message}), flush=True)
        window.close()
        app.quit()

    window.ready.connect(draw)
    window.loader.failed.connect(failed)
    QTimer.singleShot(120_000, app.quit)  # never hang a CI job
    app.exec()
    return outcome["status"]
