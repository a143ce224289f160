"""The drawing canvas: dark ink on white paper, after Qt's Scribble example.

Mouse, pen (pressure sets the width; the pen's eraser end erases) and touch all draw. The paper
is a fixed-resolution square image shown scaled, so strokes stay sharp on HiDPI screens and the
network always gets the same picture size.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

PAPER = QColor(255, 255, 255)
INK = QColor(20, 20, 20)
RESOLUTION = 560  # paper pixels per side
HISTORY = 50


class Canvas(QWidget):
    """A square drawing surface. ``stroked`` is emitted while a stroke moves; ``finished`` when
    it ends or the picture changes otherwise (undo, redo, clear, a loaded picture)."""

    stroked = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.brush_width = 36.0  # in paper pixels (the paper is RESOLUTION wide)
        self.erasing = False
        self._image = self._blank()
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None

    @staticmethod
    def _blank() -> QImage:
        image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        image.fill(PAPER)
        return image

    # -- what the rest of the app reads ------------------------------------------------------
    def to_array(self) -> np.ndarray:
        """The drawing as ``(H, W) uint8``, dark ink on white."""
        image = self._image
        data = np.frombuffer(image.constBits(), dtype=np.uint8)
        return data.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()

    def is_blank(self) -> bool:
        return bool(self.to_array().min() == 255)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

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

    def set_ink(self, ink: np.ndarray, smooth: bool = True) -> None:
        """Replace the paper with an ink map (``(H, W)`` float in [0, 1], 1 = ink), fitted into
        the square with its aspect kept (an undoable edit)."""
        height, width = ink.shape
        pixels = np.ascontiguousarray(255 - np.clip(ink, 0, 1) * 255, dtype=np.uint8)
        source = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
        scale = 0.9 * RESOLUTION / max(width, height)
        target = QRectF(0, 0, width * scale, height * scale)
        target.moveCenter(QPointF(RESOLUTION / 2, RESOLUTION / 2))
        self._remember()
        self._image.fill(PAPER)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        painter.drawImage(target, source)
        painter.end()
        self.update()
        self.finished.emit()

    def draw_polyline(self, points: list[tuple[float, float]]) -> None:
        """Draw one stroke through points given as fractions (0–1) of the paper (a built-in
        sample drawing, scripted screenshots)."""
        self._remember()
        self._last = None
        for x, y in points:
            self._draw_to(QPointF(x * RESOLUTION, y * RESOLUTION), 1.0)
        self._last = None
        self.finished.emit()

    def paper_rect(self) -> QRect:
        """The square, centred area of the widget where the paper is shown."""
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_paper(self, point: QPointF) -> QPointF:
        paper = self.paper_rect()
        scale = RESOLUTION / max(1, paper.width())
        return QPointF((point.x() - paper.x()) * scale, (point.y() - paper.y()) * scale)

    def canvas_point(self, x: float, y: float) -> QPointF:
        """Widget coordinates of a point given as fractions (0–1) of the paper."""
        paper = self.paper_rect()
        return QPointF(paper.x() + x * (paper.width() - 1), paper.y() + y * (paper.height() - 1))

    def _begin(self, point: QPointF, pressure: float = 1.0) -> None:
        self._remember()
        self._last = None
        self._draw_to(self._to_paper(point), pressure)
        self.stroked.emit()

    def _move(self, point: QPointF, pressure: float = 1.0) -> None:
        if self._last is not None:
            self._draw_to(self._to_paper(point), pressure)
            self.stroked.emit()

    def _end(self) -> None:
        if self._last is not None:
            self._last = None
            self.finished.emit()

    def _draw_to(self, point: QPointF, pressure: float) -> None:
        width = self.brush_width * (0.35 + 0.65 * max(0.0, min(1.0, pressure)))
        colour = PAPER if self.erasing or self._eraser_tip else INK
        if self.erasing or self._eraser_tip:
            width *= 1.5
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                colour,
                width,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        if self._last is None:
            painter.drawPoint(point)
        else:
            painter.drawLine(self._last, point)
        painter.end()
        # Repaint only the strip the segment touched.
        start = self._last or point
        pad = width / 2 + 2
        dirty = QRectF(start, point).normalized().adjusted(-pad, -pad, pad, pad)
        self._last = point
        self.update(self._paper_to_widget(dirty))

    _eraser_tip = False

    def _paper_to_widget(self, rect: QRectF) -> QRect:
        paper = self.paper_rect()
        scale = paper.width() / RESOLUTION
        return QRectF(
            paper.x() + rect.x() * scale,
            paper.y() + rect.y() * scale,
            rect.width() * scale,
            rect.height() * scale,
        ).toAlignedRect()

    # -- Qt events ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._eraser_tip = False
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        self._eraser_tip = event.pointerType() == QPointingDevice.PointerType.Eraser
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and event.buttons():
            self._move(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            points = event.points()
            if points:
                where = points[0].position()
                self._eraser_tip = False
                if kind == QEvent.Type.TouchBegin:
                    self._begin(where, points[0].pressure() or 1.0)
                elif kind == QEvent.Type.TouchUpdate:
                    self._move(where, points[0].pressure() or 1.0)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper_rect()
        # Scale only the part of the paper that needs repainting (a stroke touches a strip).
        exposed = event.rect().intersected(paper)
        scale = RESOLUTION / max(1, paper.width())
        source = QRectF(
            (exposed.x() - paper.x()) * scale,
            (exposed.y() - paper.y()) * scale,
            exposed.width() * scale,
            exposed.height() * scale,
        )
        painter.drawImage(QRectF(exposed), self._image, source)
        painter.setPen(QColor(170, 170, 170))
        painter.drawRect(paper.adjusted(0, 0, -1, -1))
        painter.end()
