"""Screenshots of the real window after drawing, in English and in Simplified Chinese.

Run under a virtual screen from the repository root:

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/make_screenshots.py

Writes docs/screenshot-en.png and docs/screenshot-zh_CN.png (Chinese needs a CJK font, e.g.
Debian's fonts-noto-cjk), and docs/training-en.png: the Training panel mid-training on the
MNIST subset (found through $LENET_DATA or ../shared/datasets).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from lenet_desktop.ui.app import create_app, install_translator
from lenet_desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
SEVEN = [(0.28, 0.22), (0.72, 0.22), (0.46, 0.8)]
SEVEN_BAR = [(0.38, 0.52), (0.62, 0.52)]


def shoot(language: str, path: Path) -> None:
    app = QApplication.instance()
    install_translator(language)
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model="mnist", settings=store)
    window.resize(1360, 820)
    window.show()

    def draw() -> None:
        window.canvas.draw_polyline(SEVEN)
        window.canvas.draw_polyline(SEVEN_BAR)
        QTimer.singleShot(300, finish)

    def finish() -> None:
        app.processEvents()
        window.grab().save(str(path))
        print(
            f"wrote {path}: {window.session.prediction.label} "
            f"{100 * window.session.prediction.confidence:.1f} %"
        )
        window.close()
        app.quit()

    window.ready.connect(lambda: QTimer.singleShot(300, draw))
    QTimer.singleShot(0, window.finish_startup)
    app.exec()


def shoot_training(path: Path) -> None:
    """The Training panel in the middle of its second epoch, live view on."""
    app = QApplication.instance()
    install_translator("en")
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model="mnist", settings=store)
    window.resize(1360, 1000)
    window.show()

    def train() -> None:
        panel = window.training
        panel.show()
        panel.epochs_spin.setValue(3)
        panel.start()
        window.canvas.draw_polyline(SEVEN)
        window.canvas.draw_polyline(SEVEN_BAR)
        QTimer.singleShot(250, wait)

    def wait() -> None:
        panel = window.training
        epochs = [p for p in panel.history if p.phase == "epoch"]
        steps = [p for p in panel.history if p.phase == "step" and p.epoch == 2]
        if epochs and len(steps) > 12 or not panel.busy:
            app.processEvents()
            window.grab().save(str(path))
            print(f"wrote {path}")
            panel.stop_and_wait()
            window.close()
            app.quit()
        else:
            QTimer.singleShot(250, wait)

    window.ready.connect(lambda: QTimer.singleShot(300, train))
    QTimer.singleShot(0, window.finish_startup)
    app.exec()


def main() -> int:
    create_app()
    for language in sys.argv[1:] or ["en", "zh_CN", "training"]:
        if language == "training":
            shoot_training(OUT / "training-en.png")
        else:
            shoot(language, OUT / f"screenshot-{language}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
