"""Feature maps and kernels as heatmaps: one row per layer, every channel a small tile, one
colour scale per layer with its colour bar (pyqtgraph)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

GAP = 1  # pixels of blank between tiles
ROW_WIDTH = 300.0  # the width a mosaic is laid out for, in screen pixels
COLOURS = pg.colormap.get("viridis")
LUT = np.vstack([COLOURS.getLookupTable(nPts=256, alpha=True), [0, 0, 0, 0]]).astype(np.uint8)


def nice_levels(low: float, high: float) -> tuple[float, float]:
    """Widen (low, high) to round numbers (steps of 1, 2 or 5 × 10ⁿ, four or so per range),
    so a layer's colour scale stays put while a stroke grows and its bar need not be redrawn."""
    span = max(high - low, 1e-6)
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    return math.floor(low / step) * step, math.ceil(high / step) * step


def colourize(image: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """A float image (NaN = gap) → RGBA uint8 through the viridis table, gaps transparent."""
    low, high = levels
    scaled = (image - low) * (255.0 / (high - low))
    # NaN gaps become index -1: the last, transparent entry of LUT.
    index = np.clip(np.nan_to_num(scaled, nan=-1.0), -1, 255).astype(np.int16)
    return LUT[index]


@dataclass(frozen=True)
class Tiles:
    """How a layer's ``(N, H, W)`` stack is laid out: ``columns`` tiles per row."""

    count: int
    height: int
    width: int
    columns: int

    @property
    def rows(self) -> int:
        return math.ceil(self.count / self.columns)

    @property
    def shape(self) -> tuple[int, int]:
        """(width, height) of the whole mosaic in pixels; pyqtgraph images are (x, y)."""
        return (self.columns * (self.width + GAP) - GAP, self.rows * (self.height + GAP) - GAP)

    def locate(self, x: float, y: float) -> tuple[int, int, int] | None:
        """Mosaic pixel → (tile, row, column) inside that tile, or None in a gap/outside."""
        if x < 0 or y < 0:
            return None
        col, px = divmod(int(x), self.width + GAP)
        row, py = divmod(int(y), self.height + GAP)
        tile = row * self.columns + col
        if px >= self.width or py >= self.height or col >= self.columns or tile >= self.count:
            return None
        return tile, py, px


def tiles_for(shape: tuple[int, ...], max_columns: int = 8) -> Tiles:
    """Tiles for a ``(C, H, W)`` activation (or ``(N, k, k)`` kernels)."""
    count, height, width = shape
    columns = min(count, max_columns if height > 1 else 12)
    return Tiles(count, height, width, max(1, columns))


def mosaic(stack: np.ndarray, tiles: Tiles) -> np.ndarray:
    """``(N, H, W)`` → one ``(width, height)`` image (x first, as pyqtgraph wants), NaN gaps."""
    rows = tiles.rows
    padded = np.full(
        (rows * tiles.columns, tiles.height + GAP, tiles.width + GAP), np.nan, dtype=np.float32
    )
    padded[: tiles.count, : tiles.height, : tiles.width] = stack
    grid = padded.reshape(rows, tiles.columns, tiles.height + GAP, tiles.width + GAP)
    image = grid.transpose(0, 2, 1, 3).reshape(
        rows * (tiles.height + GAP), tiles.columns * (tiles.width + GAP)
    )
    return image[: tiles.shape[1], : tiles.shape[0]].T


class ColourBar(pg.GraphicsLayout):
    """A layer's colour scale: the gradient with its top and bottom values. Lighter than
    pyqtgraph's ColorBarItem, whose axis re-lays itself out on every change of range."""

    def __init__(self) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.layout.setSpacing(0)
        self.high = self.addLabel("", row=0, col=0, size="7pt")
        view = self.addViewBox(row=1, col=0, enableMouse=False, invertY=True)
        view.setMenuEnabled(False)
        gradient = np.linspace(255, 0, 64).astype(np.int16).reshape(1, 64)
        view.addItem(pg.ImageItem(LUT[gradient]))
        view.setRange(xRange=(0, 1), yRange=(0, 64), padding=0)
        view.setFixedWidth(10)
        self.low = self.addLabel("", row=2, col=0, size="7pt")
        for label in (self.high, self.low):
            label.setMaximumHeight(14)
        self.setMaximumWidth(44)
        self.setMinimumWidth(44)

    def set_levels(self, levels: tuple[float, float]) -> None:
        self.high.setText(f"{levels[1]:.3g}")
        self.low.setText(f"{levels[0]:.3g}")


class LayerMosaics(pg.GraphicsLayoutWidget):
    """Rows of heatmap mosaics. ``hovered`` carries a description of the value under the mouse;
    ``picked`` carries (layer title, one tile's ``(H, W)`` values) when a tile is clicked."""

    hovered = Signal(str)
    picked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(None)
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.ci.setSpacing(4)
        self._rows: dict[str, tuple[Tiles, pg.ImageItem, ColourBar, pg.LabelItem]] = {}
        self._data: dict[str, np.ndarray] = {}
        self._levels: dict[str, tuple[float, float]] = {}
        self._titles: dict[str, str] = {}
        self.scene().sigMouseMoved.connect(self._on_move)
        self.scene().sigMouseClicked.connect(self._on_click)

    def set_layers(self, layers: list[tuple]) -> None:
        """Build one row per layer: (key, title, (N, H, W) shape[, tiles per row]), in
        data-flow order."""
        self.ci.clear()
        self._rows.clear()
        self._data.clear()
        self._levels.clear()
        self._titles = {layer[0]: layer[1] for layer in layers}
        total = 0.0
        for row, (key, title, shape, *columns) in enumerate(layers):
            tiles = tiles_for(shape)
            if columns:
                tiles = Tiles(shape[0], shape[1], shape[2], columns[0])
            label = self.ci.addLabel(title, row=2 * row, col=0, colspan=2, justify="left")
            view = self.ci.addViewBox(
                row=2 * row + 1, col=0, lockAspect=True, enableMouse=False, invertY=True
            )
            view.setMenuEnabled(False)
            image = pg.ImageItem(np.zeros((*tiles.shape, 4), dtype=np.uint8))
            view.addItem(image)
            view.setRange(xRange=(0, tiles.shape[0]), yRange=(0, tiles.shape[1]), padding=0.02)
            # As tall as the mosaic is at the panel's usual width, so rows sit close together.
            width, height = tiles.shape
            fitted = max(24.0, min(260.0, ROW_WIDTH * height / width))
            view.setMinimumHeight(fitted)
            view.setMaximumHeight(fitted)
            total += fitted + 28
            bar = ColourBar()
            self.ci.addItem(bar, row=2 * row + 1, col=1)
            self._rows[key] = (tiles, image, bar, label)
        self.ci.layout.setColumnStretchFactor(0, 1)
        self.ci.layout.setColumnStretchFactor(1, 0)
        self.setMinimumHeight(int(total))

    def show_values(self, values: dict[str, np.ndarray]) -> None:
        """Show each layer's ``(N, H, W)`` values, each layer on its own colour scale."""
        for key, stack in values.items():
            row = self._rows.get(key)
            if row is None:
                continue
            tiles, image, bar, _ = row
            levels = nice_levels(float(stack.min()), float(stack.max()))
            image.setImage(colourize(mosaic(stack, tiles), levels), autoLevels=False)
            if self._levels.get(key) != levels:
                bar.set_levels(levels)
                self._levels[key] = levels
            self._data[key] = stack

    def _hit(self, scene_pos: QPointF) -> tuple[str, int, int, int] | None:
        for key, (tiles, image, _, _) in self._rows.items():
            if not image.sceneBoundingRect().contains(scene_pos):
                continue
            point = image.mapFromScene(scene_pos)
            where = tiles.locate(point.x(), point.y())
            if where is not None and key in self._data:
                return (key, *where)
        return None

    def _on_move(self, scene_pos: QPointF) -> None:
        hit = self._hit(scene_pos)
        if hit is None:
            return
        key, tile, y, x = hit
        value = float(self._data[key][tile, y, x])
        self.hovered.emit(f"{self._titles[key]} · #{tile} · ({y}, {x}) = {value:.4f}")

    def _on_click(self, event) -> None:
        hit = self._hit(event.scenePos())
        if hit is not None:
            key, tile, _, _ = hit
            self.picked.emit(f"{self._titles[key]} · #{tile}", self._data[key][tile])


class TileDialog(QDialog):
    """One map or kernel enlarged, with its values written in each pixel when it is small."""

    def __init__(self, title: str, values: np.ndarray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        view = pg.GraphicsLayoutWidget()
        box = view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        low, high = float(values.min()), float(values.max())
        image = pg.ImageItem(values.T.astype(np.float32), levels=(low, max(high, low + 1e-6)))
        image.setLookupTable(COLOURS.getLookupTable(nPts=256))
        box.addItem(image)
        height, width = values.shape
        if height * width <= 400:
            for y in range(height):
                for x in range(width):
                    text = pg.TextItem(f"{values[y, x]:.2f}", anchor=(0.5, 0.5), color="w")
                    text.setPos(x + 0.5, y + 0.5)
                    box.addItem(text)
        bar = pg.ColorBarItem(
            values=(low, max(high, low + 1e-6)), colorMap=COLOURS, interactive=False
        )
        bar.setImageItem(image)
        view.addItem(bar)
        layout.addWidget(view)
        summary = QLabel(
            f"{height}×{width} · min {low:.4f} · max {high:.4f} · mean {float(values.mean()):.4f}"
        )
        layout.addWidget(summary)
        self.resize(520, 480)
