"""The probability of every class as horizontal bars, the top class highlighted. Painted
directly: an update costs a fraction of a millisecond, and every class always fits."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lenet_desktop.session import Result, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, class_names

TOP = QColor(230, 120, 30)
OTHERS = QColor(70, 130, 200)


class ProbabilityChart(Retranslating, QWidget):
    """Follows the session. Clicking a class emits ``class_clicked(index)`` and marks it."""

    class_clicked = Signal(int)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.raw_classes: tuple[str, ...] = ()
        self.classes: tuple[str, ...] = ()
        self.values = np.zeros(0)
        self.marked: int | None = None
        self._top = -1
        self._shown = False
        if session is not None:
            follow(
                self, session.model_changed, lambda p: self.set_classes(p.bundle.dataset.classes)
            )
            follow(self, session.previewed, self._previewed)
            follow(self, session.predicted, self._predicted)

    def retranslate(self) -> None:
        self.classes = class_names(self.raw_classes)
        self.setMinimumHeight(self.minimum_height())
        self.update()

    def _previewed(self, header) -> None:
        if header is not None:
            self.set_classes(header.dataset.classes)

    def _predicted(self, result: Result) -> None:
        prediction = result.prediction
        self.show_probabilities(None if prediction is None else prediction.probabilities)

    def set_classes(self, classes: tuple[str, ...]) -> None:
        """The dataset's class names (English; shown translated)."""
        self.raw_classes = tuple(classes)
        self.values = np.zeros(len(classes))
        self._top, self._shown, self.marked = -1, False, None
        self.retranslate()

    def show_probabilities(self, probabilities: np.ndarray | None) -> None:
        """``(num_classes,)`` summing to 1, or None to clear."""
        n = len(self.classes)
        self._shown = probabilities is not None
        self.values = np.zeros(n) if probabilities is None else np.asarray(probabilities, float)
        self._top = int(self.values.argmax()) if self._shown and n else -1
        self.update()

    def mark(self, index: int | None) -> None:
        self.marked = index
        self.update()

    def row_height(self) -> int:
        return self.fontMetrics().height() + 1  # (a laptop's screen: ten rows must fit)

    def minimum_height(self) -> int:
        return self.row_height() * max(len(self.classes), 2)

    def sizeHint(self) -> QSize:
        return QSize(260, int(self.row_height() * 1.6) * max(len(self.classes), 10))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.minimum_height())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        n = len(self.classes)
        if n and event.button() == Qt.MouseButton.LeftButton:
            index = int(event.position().y() / (self.height() / n))
            if 0 <= index < n:
                self.mark(index)
                self.class_clicked.emit(index)

    def painted_texts(self) -> list[str]:
        """The labels this view draws (for tests that read the whole window)."""
        return list(self.classes)

    def paintEvent(self, event) -> None:
        n = len(self.classes)
        if not n:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        metrics = painter.fontMetrics()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        name_width = min(
            self.width() // 2, max(metrics.horizontalAdvance(c) for c in self.classes) + 8
        )
        percent_width = metrics.horizontalAdvance("100.0 %") + 6
        bar_left = name_width
        bar_span = max(10, self.width() - bar_left - percent_width)
        row = self.height() / n
        bar_height = max(2.0, min(row * 0.7, 22.0))
        for i, (name, value) in enumerate(zip(self.classes, self.values, strict=True)):
            top = i * row
            painter.setPen(text_colour)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width - 6)
            painter.drawText(
                QRectF(0, top, name_width - 6, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            width = float(value) * bar_span
            if width > 0:
                painter.fillRect(
                    QRectF(bar_left, top + (row - bar_height) / 2, width, bar_height),
                    TOP if i == self._top else OTHERS,
                )
            if self._shown:
                painter.drawText(
                    QRectF(bar_left + width + 4, top, percent_width + 4, row),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    f"{100 * float(value):.1f} %",
                )
            if i == self.marked:
                painter.setPen(QPen(QColor(255, 60, 60), 2))
                painter.drawRect(QRectF(1, top + 1, self.width() - 2, row - 2))
        painter.end()
