"""The drawing canvas: dark ink on white paper, like the Scribble example of Qt."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PAPER = QColor(255, 255, 255)
INK = QColor(20, 20, 20)
HISTORY = 50


class Canvas(QWidget):
    """A square drawing surface. ``stroked`` is emitted while a stroke moves, ``finished`` when
    it ends or the picture changes otherwise (undo, redo, clear)."""

    stroked = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None, side: int = 280) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(side, side)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.brush_width = 18.0
        self._image = self._blank(side)
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None

    @staticmethod
    def _blank(side: int) -> QImage:
        image = QImage(side, side, QImage.Format.Format_Grayscale8)
        image.fill(PAPER)
        return image

    # -- what the rest of the app reads ------------------------------------------------------
    def to_array(self) -> np.ndarray:
        """The drawing as ``(H, W) uint8``, dark ink on white."""
        image = self._image
        data = np.frombuffer(image.constBits(), dtype=np.uint8)
        stride = image.bytesPerLine()
        return data.reshape(image.height(), stride)[:, : image.width()].copy()

    def is_blank(self) -> bool:
        return bool(self.to_array().min() == 255)

    # -- editing -----------------------------------------------------------------------------
    def _remember(self) -> None:
        self._undo.append(self._image.copy())
        del self._undo[:-HISTORY]
        self._redo.clear()

    def clear(self) -> None:
        if self.is_blank():
            return
        self._remember()
        self._image.fill(PAPER)
        self.update()
        self.finished.emit()

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self._image)
            self._image = self._undo.pop()
            self.update()
            self.finished.emit()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._image)
            self._image = self._redo.pop()
            self.update()
            self.finished.emit()

    def paper_rect(self) -> QRect:
        """The square, centred area of the widget where the paper is shown."""
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_image(self, point: QPointF) -> QPointF:
        paper = self.paper_rect()
        scale = self._image.width() / max(1, paper.width())
        return QPointF((point.x() - paper.x()) * scale, (point.y() - paper.y()) * scale)

    def _draw_to(self, point: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(
            INK,
            self.brush_width,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(pen)
        if self._last is None:
            painter.drawPoint(point)
        else:
            painter.drawLine(self._last, point)
        painter.end()
        self._last = point
        self.update()

    # -- Qt events ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._remember()
            self._last = None
            self._draw_to(self._to_image(event.position()))
            self.stroked.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._last is not None:
            self._draw_to(self._to_image(event.position()))
            self.stroked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._last is not None:
            self._last = None
            self.finished.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper_rect()
        painter.drawImage(paper, self._image)
        painter.setPen(QColor(190, 190, 190))
        painter.drawRect(paper.adjusted(0, 0, -1, -1))
        painter.end()

    def canvas_point(self, x: float, y: float) -> QPointF:
        """Widget coordinates of a point given as fractions (0–1) of the paper."""
        paper = self.paper_rect()
        return QPointF(paper.x() + x * (paper.width() - 1), paper.y() + y * (paper.height() - 1))
