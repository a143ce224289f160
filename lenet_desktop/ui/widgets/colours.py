"""The colours of every map view: viridis (a perceptually even colour map, readable in grey and by
most colour-blind eyes), the levels a map is coloured between, a legible text colour on a tile,
and a NumPy RGBA array as a QImage."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor, QImage


def _viridis() -> np.ndarray:
    """The viridis colour table, 256 × RGBA, plus a transparent entry for gaps (index -1)."""
    import pyqtgraph as pg  # deferred: off the first paint

    table = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=True)
    return np.vstack([table, [0, 0, 0, 0]]).astype(np.uint8)


LUT = _viridis()


def nice_levels(low: float, high: float) -> tuple[float, float]:
    """Widen (low, high) to round numbers (steps of 1, 2 or 5 × 10ⁿ, four or so per range),
    so a layer's colour scale stays put while a stroke grows."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return (0.0, 1.0)
    span = max(high - low, 1e-6)
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    return math.floor(low / step) * step, math.ceil(high / step) * step


def colourize(image: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """A float image (NaN = gap) → RGBA uint8 through the viridis table, gaps transparent."""
    return LUT[colour_index(image, levels)]


def colour_index(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """Values → indices into LUT (0–255; NaN → -1, the transparent entry)."""
    low, high = levels
    scaled = (values - low) * (255.0 / max(high - low, 1e-12))
    index = np.clip(scaled, 0, 255, out=scaled).astype(np.int16)
    index[np.isnan(values)] = -1
    return index


def text_colour(rgba: np.ndarray) -> QColor:
    """Black or white, whichever reads better on the colour ``rgba``."""
    r, g, b = (float(v) for v in rgba[:3])
    return QColor(0, 0, 0) if 0.299 * r + 0.587 * g + 0.114 * b > 140 else QColor(255, 255, 255)


def to_qimage(rgba: np.ndarray) -> QImage:
    height, width = rgba.shape[:2]
    data = np.ascontiguousarray(rgba)
    return QImage(data.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
