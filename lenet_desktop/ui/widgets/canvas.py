"""The drawing canvas: dark ink on white paper, after Qt's Scribble example.

Mouse, pen (pressure sets the width; the pen's eraser end erases) and touch all draw; the Fill
tool fills an outline (garments are filled shapes). The paper is a fixed-resolution square image
shown scaled to the widget, so the whole drawing is always visible, strokes stay sharp on HiDPI
screens and the network always gets the same picture size.

The canvas is an input and a view, and knows no session: what the learner draws it gives out as
pixels (``drawn``, at most once per display frame while a stroke moves), a digit of a number the
learner picks as its index (``digit_chosen``), and it shows the result it is given
(:meth:`show_result`): a picture or a test sample put in use elsewhere, to be drawn over, and a
number's boxes. The window wires it to the session.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
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
FRAME_MS = 16  # at most one update of the views per display frame while a stroke moves


class Canvas(QWidget):
    """A square drawing surface. ``stroked`` is emitted while a stroke moves; ``finished`` when
    the learner's edit is done (a stroke ends, undo, redo, clear, a fill); ``drawn`` with the
    drawing's pixels after either (at most once a frame while a stroke moves). Showing a picture
    (:meth:`set_ink`) emits none: it is a view of an input that is already in use.
    ``digit_chosen``: the learner clicked a number's digit, or moved to one with ←/→."""

    stroked = Signal()
    finished = Signal()
    resized = Signal()
    drawn = Signal(object)  # (H, W) uint8, dark ink on white: what :meth:`to_array` gives
    digit_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No WA_StaticContents: the paper is scaled to the widget, so a resize repaints it all.
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.brush_width = 36.0  # in paper pixels (the paper is RESOLUTION wide)
        self.erasing = False
        self.filling = False
        self.outline: QRectF | None = None  # a region to mark, in paper pixels
        self.overlay: tuple[QImage, QRectF] | None = None  # a heatmap over a paper region
        self._image = self._blank()
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None
        self._shown_input = None
        # a number's digits (paper pixels) and which one the views show
        self.digit_boxes: list[QRectF] = []
        self.digit_shown = 0
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(FRAME_MS)
        self._throttle.timeout.connect(self._send)
        self.stroked.connect(self._stroked)
        self.finished.connect(self._finished)

    # -- what it gives out, what it is shown ---------------------------------------------------
    def _stroked(self) -> None:
        if not self._throttle.isActive():
            self._throttle.start()

    def _finished(self) -> None:
        self._throttle.stop()
        self._send()

    def _send(self) -> None:
        self.drawn.emit(self.to_array())

    def show_result(self, result) -> None:
        """What the network made of the input in use (a session's ``Result``): a picture or a
        sample is shown as ink to draw over, a number's digits are boxed."""
        source = result.input
        number = getattr(result, "number", None)
        boxes = []
        if number is not None and source is not None and source.kind == "drawing":
            boxes = [QRectF(d.box[1], d.box[0], d.box[3] - d.box[1], d.box[2] - d.box[0])
                     for d in number.digits]  # fmt: skip
        elif number is not None and number.ink is not None:  # a picture: its ink fitted in
            fit, where = self._fitted(number.ink.shape)
            boxes = [
                QRectF(
                    where.x() + d.box[1] / number.scale * fit,
                    where.y() + d.box[0] / number.scale * fit,
                    (d.box[3] - d.box[1]) / number.scale * fit,
                    (d.box[2] - d.box[0]) / number.scale * fit,
                )
                for d in number.digits
            ]
        if boxes != self.digit_boxes or result.digit != self.digit_shown:
            self.digit_boxes, self.digit_shown = boxes, result.digit
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if boxes else Qt.FocusPolicy.NoFocus)
            self.update()
        if source is None or source is self._shown_input or source.kind == "drawing":
            return
        self._shown_input = source
        if source.kind == "sample":
            self.set_ink(np.asarray(source.pixels) / 255.0, smooth=False)
        elif number is not None and number.ink is not None:
            self.set_ink(number.ink)  # the whole number's ink, not the digit shown
        elif result.prepared is not None and result.prepared.cleaning is not None:
            self.set_ink(result.prepared.cleaning.ink)  # what was read as ink, template removed

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

    @staticmethod
    def _fitted(shape: tuple[int, ...]) -> tuple[float, QRectF]:
        """How :meth:`set_ink` fits an ink map of ``shape`` on the paper: its scale, and
        where it lies (paper pixels)."""
        height, width = shape[:2]
        scale = 0.9 * RESOLUTION / max(width, height)
        target = QRectF(0, 0, width * scale, height * scale)
        target.moveCenter(QPointF(RESOLUTION / 2, RESOLUTION / 2))
        return scale, target

    def set_ink(self, ink: np.ndarray, smooth: bool = True) -> None:
        """Show an ink map (``(H, W)`` float in [0, 1], 1 = ink) on fresh paper, fitted into the
        square with its aspect kept. Undo brings the previous drawing back."""
        height, width = ink.shape
        pixels = np.ascontiguousarray(255 - np.clip(ink, 0, 1) * 255, dtype=np.uint8)
        source = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
        scale, target = self._fitted(ink.shape)
        self._remember()
        self._image.fill(PAPER)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        painter.drawImage(target, source)
        painter.end()
        self.update()

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
    def fill_at(self, point: QPointF) -> bool:
        """Fill the paper region around ``point`` (widget coordinates) with ink, as a paint
        program's bucket does: the outline drawn around it stops the fill. A region that
        reaches the paper's edge is outside every outline and is not filled."""
        from scipy import ndimage  # deferred: SciPy

        spot = self._to_paper(point)
        x, y = int(spot.x()), int(spot.y())
        if not (0 <= x < RESOLUTION and 0 <= y < RESOLUTION):
            return False
        paper = self.to_array() > 128
        if not paper[y, x]:
            return False
        regions, _ = ndimage.label(paper)
        region = regions == regions[y, x]
        if region[0].any() or region[-1].any() or region[:, 0].any() or region[:, -1].any():
            return False  # it reaches the edge: outside every outline (a blank canvas too)
        self._remember()
        pixels = self.to_array()
        pixels[region] = INK.red()
        # The outline's soft inner edge (its antialiased pixels, darker than the paper but
        # not ink) would stay as a faint seam between the outline and the fill: it is inked
        # too, up to two pixels out, but only where there is already some ink (never paper).
        ring = ndimage.binary_dilation(region, iterations=2) & ~region & (pixels < 250)
        pixels[ring] = np.minimum(pixels[ring], INK.red())
        self._image = QImage(pixels.data, RESOLUTION, RESOLUTION, RESOLUTION,
                             QImage.Format.Format_Grayscale8).copy()  # fmt: skip
        self.update()
        self.finished.emit()
        return True

    # -- a number's digits -----------------------------------------------------------------------
    def digit_tab(self, index: int) -> QRect:
        """The tab above digit ``index``'s box (widget coordinates): clicking it shows that
        digit in the views (clicking the paper draws)."""
        box = self._paper_to_widget(self.digit_boxes[index])
        side = max(16, self.fontMetrics().height() + 4)
        return QRect(box.center().x() - side // 2, box.top() - side - 2, side, side)

    def _digit_at(self, point: QPointF) -> int | None:
        for index in range(len(self.digit_boxes)):
            if self.digit_tab(index).contains(point.toPoint()):
                return index
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(event.key())
        if step is not None and self.digit_boxes:
            self.digit_chosen.emit(min(max(self.digit_shown + step, 0), len(self.digit_boxes) - 1))
            return
        super().keyPressEvent(event)

    def _paint_digits(self, painter: QPainter) -> None:
        for index, rect in enumerate(self.digit_boxes):
            shown = index == self.digit_shown
            colour = QColor(230, 120, 30) if shown else QColor(70, 130, 200)
            painter.setPen(QPen(colour, 3 if shown else 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._paper_to_widget(rect))
            tab = self.digit_tab(index)
            painter.fillRect(tab, colour)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, str(index + 1))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.digit_boxes:
            index = self._digit_at(event.position())
            if index is not None:
                self.digit_chosen.emit(index)
                return
        if event.button() == Qt.MouseButton.LeftButton:
            self._eraser_tip = False
            if self.filling:
                self.fill_at(event.position())
                return
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
            points = event.points()  # type: ignore[attr-defined]  # a QTouchEvent here
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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

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
        if self.overlay is not None:  # cut at the paper's edge, as the outline is
            image, where = self.overlay
            painter.save()
            painter.setClipRect(paper)
            painter.drawImage(QRectF(self._paper_to_widget(where)), image)
            painter.restore()
        painter.setPen(QColor(170, 170, 170))
        painter.drawRect(paper.adjusted(0, 0, -1, -1))
        if self.outline is not None:
            painter.setPen(QPen(QColor(230, 40, 40), 2))
            painter.drawRect(self._paper_to_widget(self.outline))
        if self.digit_boxes:
            self._paint_digits(painter)
        painter.end()

    def set_overlay(self, image: QImage | None, rect: QRectF | None) -> None:
        """Draw ``image`` (e.g. an input-sized heatmap) stretched over ``rect`` of the paper (paper
        pixels); None for either: no overlay."""
        self.overlay = None if image is None or rect is None else (image, rect)
        self.update()

    def set_outline(self, rect: QRectF | None) -> None:
        """Mark a region of the paper (paper pixels), e.g. a unit's receptive field; what lies
        past the paper's edge is cut off (none of it on the paper: no outline)."""
        if rect is not None:
            paper = QRectF(0, 0, self._image.width(), self._image.height())
            rect = rect.intersected(paper)
            if rect.isEmpty():
                rect = None
        self.outline = rect
        self.update()
