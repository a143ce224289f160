"""The main window: draw on the canvas, see the network's answer.

The window is shown before torch is imported; the engine and the model load right after the
first paint.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from .canvas import Canvas


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Canvas on the left; on the right what the network sees and what it answers."""

    def __init__(self, model: str | None = None, device: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(tr("LeNet Desktop"))
        self.predictor = None
        self._model_name = model
        self._device = device

        self.canvas = Canvas()
        self.input_view = QLabel()
        self.input_view.setFixedSize(168, 168)
        self.input_view.setStyleSheet("background: black;")
        self.answer = QLabel(tr("Loading the model…"))
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setMinimumWidth(220)

        side = QVBoxLayout()
        side.addWidget(QLabel(tr("What the network sees (28×28):")))
        side.addWidget(self.input_view)
        side.addWidget(self.answer)
        side.addStretch(1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side)
        self.setCentralWidget(central)

        edit = self.menuBar().addMenu(tr("&Edit"))
        for text, keys, slot in (
            (tr("&Undo"), QKeySequence.StandardKey.Undo, self.canvas.undo),
            (tr("&Redo"), QKeySequence("Ctrl+Shift+Z"), self.canvas.redo),
            (tr("&Clear"), QKeySequence(Qt.Key.Key_Escape), self.canvas.clear),
        ):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            edit.addAction(action)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        about = QAction(tr("&About LeNet Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(16)
        self._refresh.timeout.connect(self.update_prediction)
        self.canvas.stroked.connect(self._refresh.start)
        self.canvas.finished.connect(self.update_prediction)
        self.statusBar().showMessage(tr("Starting…"))

    def load_engine(self) -> None:
        """Import torch and load the model (after the window is on screen)."""
        from ..inference import Predictor
        from ..model_files import load_default_model, load_model

        try:
            bundle = load_model(self._model_name) if self._model_name else load_default_model()
            self.predictor = Predictor(bundle, self._device)
        except ValueError as exc:  # ModelFileError, or a device that is not here
            self.answer.setText(tr("Could not load the model."))
            QMessageBox.critical(self, tr("LeNet Desktop"), str(exc))
            return
        bundle = self.predictor.bundle
        self.statusBar().showMessage(
            tr("Model: {0} · device: {1}").format(bundle.title, self.predictor.device)
        )
        self.answer.setText(tr("Draw a digit on the canvas."))
        self.update_prediction()

    def update_prediction(self) -> None:
        if self.predictor is None:
            return
        prepared, prediction = self.predictor.predict_image(self.canvas.to_array())
        pixels = (prepared.image * 255).astype("uint8")
        image = QImage(pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.input_view.setPixmap(
            QPixmap.fromImage(image).scaled(
                168,
                168,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
        if prediction is None:
            self.answer.setText(tr("Draw a digit on the canvas."))
            return
        ranked = prediction.probabilities.argsort()[::-1]
        lines = [f"<h1>{prediction.label}</h1>"]
        for i in ranked[:5]:
            lines.append(f"{prediction.classes[i]}: {100 * prediction.probabilities[i]:.1f} %")
        self.answer.setText("<br>".join(lines))

    def show_about(self) -> None:
        import torch

        QMessageBox.about(
            self,
            tr("About LeNet Desktop"),
            tr("LeNet Desktop {0}<br>PyTorch {1}").format(__version__, torch.__version__),
        )


def run_app(model: str | None = None, device: str | None = None) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LeNet Desktop")
    app.setOrganizationName("LeNet Desktop")
    window = MainWindow(model, device)
    window.resize(760, 420)
    window.show()
    QTimer.singleShot(0, window.load_engine)
    return app.exec()
