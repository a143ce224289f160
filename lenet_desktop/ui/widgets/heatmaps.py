"""Heatmaps of many small arrays: one band per layer, every channel a tile, one colour scale per
band (shared by every input shown side by side), painted directly with QPainter.

A band's values are coloured into one mosaic image at one pixel per value and drawn scaled by a
whole factor, so every value is a crisp square and tiles never shrink below ``MIN_TILE`` pixels:
a band wraps onto more lines, and the view grows taller (it lives in a scroll area), instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lenet_desktop.ui.widgets.colours import LUT, colour_index, nice_levels, to_qimage

MIN_TILE = 24  # smallest tile side on screen, in pixels
GAP = 1  # values of blank between tiles in a mosaic
BAR_WIDTH = 58  # the colour bar and its numbers
MARGIN = 6


@dataclass
class Band:
    """One layer's row of the view.

    ``shape``: ``(C, H, W)`` maps or ``(F,)`` a vector. ``grid``: (rows, columns) to lay the
    ``C`` tiles out as a fixed table (kernels: output × input maps) instead of wrapping.
    ``missing``: tile indices drawn as absent (LeNet-5's C3 connections that do not exist).
    """

    key: str
    title: str
    shape: tuple[int, ...]
    grid: tuple[int, int] | None = None
    missing: frozenset[int] = frozenset()
    captions: tuple[str, ...] = ()

    @property
    def is_vector(self) -> bool:
        return len(self.shape) == 1 or (len(self.shape) == 3 and self.shape[1:] == (1, 1))

    @property
    def count(self) -> int:
        return self.shape[0]


@dataclass
class _Placed:
    """Where a band sits: its title line, and for each input the mosaic's rectangle."""

    band: Band
    top: int
    height: int
    scale: int  # screen pixels per value
    columns: int  # tiles (or vector cells) per line
    tile: tuple[int, int]  # (height, width) of one tile in values
    blocks: list[QRect] = field(default_factory=list)


class MosaicView(QWidget):
    """Bands of heatmaps for one or more inputs side by side. ``hovered``/``clicked``/
    ``double_clicked`` carry (band key, input index, tile, row, column) or None; row and column
    are None for vectors."""

    hovered = Signal(object)
    clicked = Signal(object)
    double_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bands: list[Band] = []
        self.values: dict[str, list[np.ndarray | None]] = {}
        self.levels: dict[str, tuple[float, float]] = {}
        self.headers: list[str] = []
        self.highlight: tuple | None = None
        self.zoom = 1.0
        self._placed: list[_Placed] = []
        self._images: dict[tuple[str, int], QImage] = {}
        self._laid_for = -1
        self._bar = to_qimage(LUT[np.arange(255, -1, -1, dtype=np.int16)].reshape(256, 1, 4))

    # -- content ---------------------------------------------------------------------------------
    def set_bands(self, bands: list[Band]) -> None:
        self.bands = list(bands)
        self.values = {}
        self.levels = {}
        self._images = {}
        self.highlight = None
        self._relayout()

    def painted_texts(self) -> list[str]:
        """The titles and captions this view draws (for tests that read the whole window)."""
        return [band.title for band in self.bands] + list(self.headers)

    def set_headers(self, headers: list[str]) -> None:
        """Captions above each input's column (two inputs compared); empty for one input."""
        if list(headers) != self.headers:
            self.headers = list(headers)
            self._relayout()

    def set_values(self, values: dict[str, list[np.ndarray | None]]) -> None:
        """Each band's arrays, one per input (all the band's shape; None: nothing to show for
        that input); one colour scale per band."""
        inputs = max((len(v) for v in values.values()), default=1)
        relayout = inputs != self._inputs()
        self.values = {
            k: [None if a is None else np.asarray(a, dtype=np.float32) for a in v]
            for k, v in values.items()
        }
        changed_bars = []
        for key, arrays in self.values.items():
            shown = [a for a in arrays if a is not None and a.size]
            low = min(float(a.min()) for a in shown) if shown else 0.0
            high = max(float(a.max()) for a in shown) if shown else 1.0
            levels = nice_levels(low, high)
            if self.levels.get(key) != levels:
                changed_bars.append(key)
            self.levels[key] = levels
        self._images = {}
        if relayout:
            self._relayout()
            return
        # Repaint the mosaics, and a colour bar only when its scale moved: titles and bars are
        # text, the dearest thing to draw, and they rarely change while a stroke grows.
        for placed in self._placed:
            for block in placed.blocks:
                self.update(block)
            if placed.band.key in changed_bars:
                self.update(self._bar_rect(placed))

    def set_highlight(self, where: tuple | None) -> None:
        """Outline one value: (band key, input index, tile, row, column)."""
        if where != self.highlight:
            self.highlight = where
            self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.5, zoom)
        self._relayout()

    def _inputs(self) -> int:
        return max((len(v) for v in self.values.values()), default=max(1, len(self.headers)))

    # -- layout ----------------------------------------------------------------------------------
    def _title_height(self) -> int:
        return self.fontMetrics().height() + 4

    def _place(self, band: Band, top: int, width: int) -> _Placed:
        inputs = self._inputs()
        spare = max(40, (width - BAR_WIDTH - 2 * MARGIN - (inputs - 1) * 12) // inputs)
        minimum = int(MIN_TILE * self.zoom)
        if band.is_vector:
            count = band.count
            scale = max(int(9 * self.zoom), min(int(16 * self.zoom), spare // max(1, count)))
            lines = math.ceil(count / max(1, min(count, spare // scale)))
            columns = math.ceil(count / lines)
            size = (lines * scale, columns * scale)
            tile = (1, 1)
        else:
            _, h, w = band.shape
            lowest = max(1, math.ceil(minimum / max(h, w)))  # tiles at least MIN_TILE wide
            highest = max(lowest, int(3 * self.zoom))
            if band.grid is not None:
                lines, columns = band.grid
                fits = spare // max(1, columns * (w + GAP))
            else:
                # The largest scale that keeps every tile on one line, if any does.
                fits = (spare + GAP) // max(1, band.count * (w + GAP))
            scale = max(lowest, min(highest, fits))
            if band.grid is None:
                widest = max(1, min(band.count, (spare + GAP * scale) // ((w + GAP) * scale)))
                lines = math.ceil(band.count / widest)
                columns = math.ceil(band.count / lines)  # lines of equal length
            size = (
                lines * (h + GAP) * scale - GAP * scale,
                columns * (w + GAP) * scale - GAP * scale,
            )
            tile = (h, w)
        title = self._title_height()
        caption = self._title_height() if self.headers and len(self.headers) > 1 else 0
        placed = _Placed(band, top, title + caption + size[0] + 10, scale, columns, tile)
        left = MARGIN
        for _ in range(inputs):
            placed.blocks.append(QRect(left, top + title + caption, size[1], size[0]))
            left += size[1] + 12
        return placed

    def _relayout(self) -> None:
        width = max(self.width(), 200)
        top = MARGIN
        self._placed = []
        for band in self.bands:
            placed = self._place(band, top, width)
            self._placed.append(placed)
            top += placed.height
        self._laid_for = width
        self._images = {}
        widest = max((p.blocks[-1].right() for p in self._placed if p.blocks), default=0)
        self.setMinimumWidth(min(widest + BAR_WIDTH + MARGIN, 4000) if self.bands else 0)
        self.setFixedHeight(top + MARGIN)
        self.update()

    def resizeEvent(self, event) -> None:
        if self.width() != self._laid_for:
            self._relayout()
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(420, self.height())

    # -- painting --------------------------------------------------------------------------------
    def _mosaic(self, placed: _Placed, values: np.ndarray, levels) -> np.ndarray:
        """One band's values for one input as an RGBA image, one pixel per value, gaps (and
        missing tiles) transparent."""
        band = placed.band
        index = colour_index(values, levels)
        if band.is_vector:
            flat = index.reshape(-1)
            lines = math.ceil(flat.size / placed.columns)
            grid = np.full(lines * placed.columns, -1, dtype=np.int16)
            grid[: flat.size] = flat
            return LUT[grid.reshape(lines, placed.columns)]
        count, h, w = values.shape
        columns = placed.columns
        lines = math.ceil(count / columns)
        padded = np.full((lines * columns, h + GAP, w + GAP), -1, dtype=np.int16)
        padded[:count, :h, :w] = index
        for tile in band.missing:
            padded[tile, :h, :w] = -1
        tiles = padded.reshape(lines, columns, h + GAP, w + GAP).transpose(0, 2, 1, 3)
        grid = tiles.reshape(lines * (h + GAP), columns * (w + GAP))[: -GAP or None, : -GAP or None]
        return LUT[grid]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText)
        exposed = event.region()
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
        for placed in self._placed:
            band = placed.band
            if not exposed.intersects(QRect(0, placed.top, self.width(), placed.height)):
                continue
            title_line = QRect(0, placed.top, self.width(), self._title_height())
            if exposed.intersects(title_line):
                painter.setPen(text)
                painter.drawText(MARGIN, placed.top + self.fontMetrics().ascent() + 1, band.title)
            arrays = self.values.get(band.key, [])
            levels = self.levels.get(band.key, (0.0, 1.0))
            for index, rect in enumerate(placed.blocks):
                if not exposed.intersects(rect.adjusted(0, -self._title_height(), 0, 0)):
                    continue
                if len(self.headers) > 1 and index < len(self.headers):
                    painter.setPen(dim)
                    painter.drawText(rect.left(), rect.top() - 4, self.headers[index])
                array = arrays[index] if index < len(arrays) else None
                if array is None:
                    painter.fillRect(rect, self.palette().color(QPalette.ColorRole.AlternateBase))
                    continue
                image = self._images.get((band.key, index))
                if image is None:
                    image = to_qimage(self._mosaic(placed, array, levels))
                    self._images[(band.key, index)] = image
                painter.drawImage(QRect(rect.topLeft(), image.size() * placed.scale), image)
                for tile in band.missing:
                    painter.setPen(QPen(dim, 1, Qt.PenStyle.DotLine))
                    painter.drawRect(self._tile_rect(placed, index, tile).adjusted(0, 0, -1, -1))
            if exposed.intersects(self._bar_rect(placed)):
                self._paint_bar(painter, placed, levels, small, text)
            self._paint_highlight(painter, placed)
        painter.end()

    def _bar_rect(self, placed: _Placed) -> QRect:
        top = placed.blocks[0].top() if placed.blocks else placed.top
        height = max(24, min(placed.blocks[0].height() if placed.blocks else 24, 120))
        left = placed.blocks[-1].right() + 8 if placed.blocks else MARGIN
        return QRect(left, top - 2, BAR_WIDTH, height + 6)

    def _paint_bar(self, painter: QPainter, placed: _Placed, levels, font, colour) -> None:
        area = self._bar_rect(placed)
        top, height, left = area.top() + 2, area.height() - 6, area.left()
        painter.drawImage(QRect(left, top, 8, height), self._bar)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(left + 11, top + painter.fontMetrics().ascent() - 2, f"{levels[1]:.3g}")
        painter.drawText(left + 11, top + height, f"{levels[0]:.3g}")
        painter.setFont(self.font())

    def _paint_highlight(self, painter: QPainter, placed: _Placed) -> None:
        if self.highlight is None or self.highlight[0] != placed.band.key:
            return
        _, index, tile, row, col = self.highlight
        if index >= len(placed.blocks):
            return
        rect = self._cell_rect(placed, index, tile, row, col)
        painter.setPen(QPen(QColor(255, 60, 60), 2))
        painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _tile_rect(self, placed: _Placed, index: int, tile: int) -> QRect:
        block = placed.blocks[index]
        s, (h, w) = placed.scale, placed.tile
        line, column = divmod(tile, placed.columns)
        return QRect(
            block.left() + column * (w + GAP) * s, block.top() + line * (h + GAP) * s, w * s, h * s
        )

    def _cell_rect(self, placed: _Placed, index: int, tile: int, row, col) -> QRect:
        s = placed.scale
        if placed.band.is_vector:
            line, column = divmod(tile, placed.columns)
            block = placed.blocks[index]
            return QRect(block.left() + column * s, block.top() + line * s, s, s)
        tile_rect = self._tile_rect(placed, index, tile)
        return QRect(tile_rect.left() + (col or 0) * s, tile_rect.top() + (row or 0) * s, s, s)

    # -- the mouse -------------------------------------------------------------------------------
    def hit(self, point: QPoint) -> tuple | None:
        """(band key, input index, tile, row, column) under ``point``, or None."""
        for placed in self._placed:
            if not placed.top <= point.y() < placed.top + placed.height:
                continue
            for index, block in enumerate(placed.blocks):
                if not block.contains(point):
                    continue
                x, y = point.x() - block.left(), point.y() - block.top()
                s = placed.scale
                if placed.band.is_vector:
                    tile = (y // s) * placed.columns + x // s
                    if tile < placed.band.count:
                        return (placed.band.key, index, tile, None, None)
                    return None
                h, w = placed.tile
                line, py = divmod(y // s, h + GAP)
                column, px = divmod(x // s, w + GAP)
                tile = line * placed.columns + column
                if py < h and px < w and column < placed.columns and tile < placed.band.count:
                    if tile in placed.band.missing:
                        return None
                    return (placed.band.key, index, tile, py, px)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.hovered.emit(self.hit(event.position().toPoint()))

    def leaveEvent(self, event) -> None:
        self.hovered.emit(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.hit(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position().toPoint())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(hit)
