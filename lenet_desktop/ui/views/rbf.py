"""LeNet-5's output as the paper drew it: F6's 84 outputs as a 7×12 picture beside each class's
fixed ±1 bitmap, with the squared Euclidean distance between them; the nearest class (the
answer) highlighted. Shown only for a model with an RBF output."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from lenet_desktop.nn.anatomy import RBFCodes
from lenet_desktop.session import Result, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, class_name
from lenet_desktop.ui.widgets.colours import LUT, colour_index, to_qimage

CELL = 9  # pixels per code cell at zoom 1


class RBFPicture(QWidget):
    """The painted comparison: F6 as 7×12, then one column per class."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shape = (12, 7)  # rows, columns of one code (the model's own comes with it)
        self.levels = (-1.0, 1.0)
        self.codes = np.zeros((0, *self.shape), dtype=np.float32)
        self.classes: tuple[str, ...] = ()
        self.f6: np.ndarray | None = None
        self.distances: np.ndarray | None = None
        self.f6_title = ""

    def set_model(
        self,
        codes: np.ndarray,
        shape: tuple[int, int],
        levels: tuple[float, float],
        classes: tuple[str, ...],
    ) -> None:
        self.shape, self.levels = shape, levels
        self.codes = codes.reshape(len(codes), *shape).astype(np.float32)
        self.classes = classes
        self.resize(self.sizeHint())
        self.update()

    def set_values(self, f6: np.ndarray | None, distances: np.ndarray | None) -> None:
        self.f6 = None if f6 is None else f6.reshape(self.shape)
        self.distances = distances
        self.update()

    def painted_texts(self) -> list[str]:
        return [self.f6_title, *(class_name(c) for c in self.classes)]

    def _column(self) -> int:
        metrics = self.fontMetrics()
        titles = [self.f6_title, *(class_name(c) for c in self.classes)]
        widest = max((metrics.horizontalAdvance(t) for t in titles), default=0)
        return max(
            self.shape[1] * CELL + 16,
            metrics.horizontalAdvance("00000.0") + 12,
            min(widest, 140) + 10,
        )

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        columns = 1 + len(self.classes)
        return QSize(columns * self._column() + 24, self.shape[0] * CELL + 3 * line + 24)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        line = self.fontMetrics().height()
        column = self._column()
        top = line + 6
        nearest = int(np.argmin(self.distances)) if self.distances is not None else -1
        # F6 on the squashing function's range, the codes on ±1: one scale for both.
        levels = self.levels
        rows, cols = self.shape
        pictures = [(self.f6_title, self.f6)] + [
            (class_name(c), self.codes[i]) for i, c in enumerate(self.classes)
        ]
        for n, (title, values) in enumerate(pictures):
            left = 8 + n * column + (column - cols * CELL) // 2
            painter.setPen(text)
            painter.drawText(
                QRectF(8 + n * column, 0, column, line + 4),
                Qt.AlignmentFlag.AlignCenter,
                self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, column - 4),
            )
            rect = QRectF(left, top, cols * CELL, rows * CELL)
            if values is not None:
                image = to_qimage(LUT[colour_index(np.asarray(values, np.float32), levels)])
                painter.drawImage(rect, image)
            painter.setPen(QPen(text, 1))
            painter.drawRect(rect)
            if n and self.distances is not None:
                painter.drawText(
                    QRectF(8 + n * column, top + rows * CELL + 4, column, line + 4),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{float(self.distances[n - 1]):.1f}",
                )
            if n - 1 == nearest:
                painter.setPen(QPen(QColor(230, 60, 40), 3))
                painter.drawRect(rect.adjusted(-3, -3, 3, 3))
        painter.end()


class RBFView(Retranslating, QWidget):
    """Follows the session; ``applies`` is False for a model without an RBF output."""

    applies_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.applies = False
        self.codes: RBFCodes | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.picture = RBFPicture()
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        follow(self, session.model_changed, self._model_changed)
        follow(self, session.predicted, self._predicted)
        self.retranslate()
        if session.predictor is not None:
            self._model_changed(session.predictor)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "LeNet-5's output layer compares F6's 84 outputs, drawn as a 7×12 picture "
                "(left), with a fixed ±1 bitmap of each class: y = Σ (x − w)², the squared "
                "distance, is written under each. The nearest class is the answer (framed)."
            )
        )
        self.picture.f6_title = self.tr("F6 (84 = 7×12)")
        self.picture.resize(self.picture.sizeHint())
        self.picture.update()

    def _model_changed(self, predictor) -> None:
        self.codes = predictor.anatomy.rbf
        applies = self.codes is not None
        if self.codes is not None:
            self.picture.set_model(
                self.codes.codes,
                self.codes.shape,
                self.codes.levels,
                predictor.bundle.dataset.classes,
            )
        if applies != self.applies:
            self.applies = applies
            self.applies_changed.emit(applies)
        self._predicted(self.session.result)

    def _predicted(self, result: Result) -> None:
        prediction = result.prediction
        codes = self.codes if self.applies else None
        if codes is None or prediction is None or codes.source not in prediction.activations:
            self.picture.set_values(None, None)
            return
        self.picture.set_values(prediction.activations[codes.source], -prediction.logits)
