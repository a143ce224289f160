"""A painted sheet of small number grids, operators and lines of text, flowing left to right and
wrapping: how the explanation panel and the convolution sandbox write out arithmetic.

Painted rather than built from widgets or HTML: a C3 unit has six 5×5 patches, kernels and
products (450 numbers), and the sheet is refilled on every drawing update; laying out a few
rectangles costs well under a millisecond, a rich-text table of that size several.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QLine, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PADDED = QColor(200, 200, 200)
MARK = QColor(230, 40, 40)
GAP = 8


@dataclass
class Grid:
    """``cells``: rows of texts; ``shade``: the same shape of values in [−1, 1] (colour: red
    positive, blue negative; None: none); ``padded``: cells drawn grey (padding);
    ``marked``: cells outlined; ``caption`` above; ``header``: column titles."""

    cells: list[list[str]]
    caption: str = ""
    shade: np.ndarray | None = None
    padded: np.ndarray | None = None
    marked: set[tuple[int, int]] = field(default_factory=set)
    header: list[str] = field(default_factory=list)
    key: str = ""  # names the grid for hover (e.g. "output")


@dataclass
class Text:
    """A line of text the width of the sheet (wrapped); ``strong``: bold."""

    text: str
    strong: bool = False


@dataclass
class Row:
    """Grids and short texts (operators, sums) side by side, wrapping when the sheet is narrow."""

    items: list[Grid | str]


Block = Text | Row


def signed_shade(values: np.ndarray) -> np.ndarray:
    """Values → [−1, 1] by the largest magnitude (all zeros stay 0)."""
    values = np.asarray(values, dtype=np.float64)
    peak = float(np.abs(values[np.isfinite(values)]).max(initial=0.0))
    return np.nan_to_num(values / peak) if peak > 0 else np.zeros_like(values)


def telling_digits(values: np.ndarray, least: int = 2, most: int = 6) -> int:
    """The fewest decimals (``least`` to ``most``) that write every different value of
    ``values`` differently: a max-pool window's 0.0207 and 0.0198 are not both "0.02"."""
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)].ravel()
    distinct = np.unique(np.round(finite, most))
    for digits in range(least, most + 1):
        if len({f"{v:.{digits}f}" for v in distinct}) == len(distinct):
            return digits
    return most


def number_cells(values: np.ndarray, digits: int = 2) -> list[list[str]]:
    return [[_short(v, digits) for v in row] for row in np.atleast_2d(values)]


def _short(value: float, digits: int) -> str:
    if not np.isfinite(value):
        return "−∞" if value < 0 else "∞"
    if float(value).is_integer() and abs(value) < 1e6:
        return str(int(value))
    return signed(value, digits)


def signed(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, its minus a real minus sign, and never "−0.00": a
    value that rounds to zero is written without a sign."""
    text = f"{value:.{digits}f}"
    if text.startswith("-"):
        text = text[1:] if float(text) == 0.0 else "−" + text[1:]
    return text


def _operator(item) -> bool:
    """An item that joins the grids around it (⊙, =, +)."""
    return isinstance(item, str) and item.strip() in ("⊙", "=", "+", "×")


class NumberSheet(QWidget):
    """Shows blocks (:class:`Text`, :class:`Row` of :class:`Grid` and strings).
    ``hovered(key, row, col)`` tells which cell of a keyed grid the mouse is over (key "" for
    none)."""

    hovered = Signal(str, int, int)
    clicked = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.blocks: list[Block] = []
        self._placed: list[tuple[QRect, object]] = []
        self._height = 40
        self._laid_for = -1
        # Per grid (by identity) its size and cell geometry, measured once per set_blocks: the
        # layout, every paint and every hover use them (measuring 450 texts is the costly part).
        self._sizes: dict[int, tuple[QSize, int, int, int]] = {}
        self._fonts: tuple[QFont, QFontMetrics] | None = None
        self._advances: dict[int, list[list[int]]] = {}  # each cell text's width, per grid

    # -- what callers use --------------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._sizes, self._advances = {}, {}
        self._laid_for = -1
        self._layout()
        self.update()

    def painted_texts(self) -> list[str]:
        texts = []
        for block in self.blocks:
            if isinstance(block, Text):
                texts.append(block.text)
            else:
                for item in block.items:
                    if isinstance(item, str):
                        texts.append(item)
                    else:
                        texts += [item.caption, *item.header]
        return [t for t in texts if t]

    def grids(self) -> list[Grid]:
        return [
            i for b in self.blocks if isinstance(b, Row) for i in b.items if isinstance(i, Grid)
        ]

    # -- layout ------------------------------------------------------------------------------------
    def _cell_font(self) -> tuple[QFont, QFontMetrics]:
        """The numbers' font (a little smaller than the sheet's) and its metrics."""
        if self._fonts is None:
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
            self._fonts = font, QFontMetrics(font)
        return self._fonts

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fonts, self._sizes, self._advances, self._laid_for = None, {}, {}, -1
            self._layout()
        super().changeEvent(event)

    def _grid_size(self, grid: Grid) -> tuple[QSize, int, int, int]:
        known = self._sizes.get(id(grid))
        if known is None:
            known = self._sizes[id(grid)] = self._measure(grid)
        return known

    def _measure(self, grid: Grid) -> tuple[QSize, int, int, int]:
        metrics = self.fontMetrics()
        cell_metrics = self._cell_font()[1]
        advances = [[cell_metrics.horizontalAdvance(t) for t in row] for row in grid.cells]
        self._advances[id(grid)] = advances
        header = [cell_metrics.horizontalAdvance(t) for t in grid.header]
        cell_w = max((a for row in [*advances, header] for a in row), default=10) + 8
        cell_h = cell_metrics.height() + 4
        columns = max((len(r) for r in grid.cells), default=0)
        caption_h = metrics.height() + 2 if grid.caption else 0
        header_h = cell_h if grid.header else 0
        width = max(columns * cell_w, metrics.horizontalAdvance(grid.caption))
        return (
            QSize(width, caption_h + header_h + len(grid.cells) * cell_h),
            cell_w,
            cell_h,
            (caption_h + header_h),
        )

    def _layout(self) -> None:
        width = max(200, self.width())
        if self._laid_for == width:
            return
        metrics = self.fontMetrics()
        placed: list[tuple[QRect, object]] = []
        y = 4
        for block in self.blocks:
            if isinstance(block, Text):
                rect = metrics.boundingRect(
                    QRect(4, y, width - 8, 10_000), Qt.TextFlag.TextWordWrap, block.text
                )
                rect.setWidth(width - 8)
                placed.append((rect, block))
                y = rect.bottom() + 6
                continue
            x, line_h = 4, 0
            sizes = [
                QSize(metrics.horizontalAdvance(item) + 4, metrics.height())
                if isinstance(item, str)
                else self._grid_size(item)[0]
                for item in block.items
            ]
            for index, (item, size) in enumerate(zip(block.items, sizes)):
                # An operator ("⊙", "=") starts a line with what follows it: never left dangling
                # at the end of a line.
                needed = size.width()
                if _operator(item) and index + 1 < len(sizes):
                    needed += GAP + sizes[index + 1].width()
                if x > 4 and x + needed > width - 4:
                    x, y, line_h = 4, y + line_h + GAP, 0
                rect = QRect(x, y, size.width(), size.height())
                placed.append((rect, item))
                x += size.width() + GAP
                line_h = max(line_h, size.height())
            y += line_h + GAP + 4
        self._placed = placed
        self._laid_for = width
        if y + 4 != self._height:  # a new height only: relaying the scroll area costs
            self._height = y + 4
            self.setMinimumHeight(self._height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(420, self._height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    # -- painting ----------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        self._layout()
        painter = QPainter(self)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        bold = QFont(self.font())
        bold.setBold(True)
        for rect, item in self._placed:
            if not rect.intersects(event.rect()):
                continue
            painter.setPen(text_colour)
            if isinstance(item, Text):
                painter.setFont(bold if item.strong else self.font())
                painter.drawText(rect, Qt.TextFlag.TextWordWrap, item.text)
            elif isinstance(item, str):
                painter.setFont(self.font())
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, item)
            elif isinstance(item, Grid):
                self._paint_grid(painter, rect, item, text_colour)
        painter.end()

    def _paint_grid(self, painter: QPainter, rect: QRect, grid: Grid, text_colour) -> None:
        _, cell_w, cell_h, top = self._grid_size(grid)
        if grid.caption:
            painter.setFont(self.font())
            painter.drawText(QRect(rect.x(), rect.y(), rect.width(), top), 0, grid.caption)
        cell_font, cell_metrics = self._cell_font()
        painter.setFont(cell_font)
        y0 = rect.y() + top
        if grid.header:
            for c, title in enumerate(grid.header):
                painter.drawText(
                    QRect(rect.x() + c * cell_w, y0 - cell_h, cell_w, cell_h),
                    Qt.AlignmentFlag.AlignCenter,
                    title,
                )
        x0 = rect.x()
        rows, columns = len(grid.cells), max((len(r) for r in grid.cells), default=0)
        for r, row in enumerate(grid.cells):
            for c in range(len(row)):
                cell = QRect(x0 + c * cell_w, y0 + r * cell_h, cell_w, cell_h)
                if grid.padded is not None and grid.padded[r, c]:
                    painter.fillRect(cell, QBrush(PADDED, Qt.BrushStyle.Dense5Pattern))
                elif grid.shade is not None and grid.shade[r, c] != 0:
                    v = float(grid.shade[r, c])
                    colour = QColor(220, 60, 40) if v > 0 else QColor(40, 90, 220)
                    colour.setAlpha(int(150 * min(1.0, abs(v))))
                    painter.fillRect(cell, colour)
        # Grid lines in one call; then the numbers.
        painter.setPen(QPen(QColor(150, 150, 150), 1))
        lines = [
            QLine(x0 + c * cell_w, y0, x0 + c * cell_w, y0 + rows * cell_h)
            for c in range(columns + 1)
        ]
        lines += [QLine(x0, y0 + r * cell_h, x0 + columns * cell_w, y0 + r * cell_h)
                  for r in range(rows + 1)]  # fmt: skip
        painter.drawLines(lines)
        painter.setPen(QPen(MARK, 2))
        for r, c in grid.marked:
            painter.drawRect(
                QRect(x0 + c * cell_w + 1, y0 + r * cell_h + 1, cell_w - 2, cell_h - 2)
            )
        # The numbers, centred from their measured widths: drawText at a point skips the text
        # layout that a rectangle and alignment would do for each of (up to) 450 cells.
        painter.setPen(text_colour)
        baseline = (cell_h - cell_metrics.height()) // 2 + cell_metrics.ascent()
        advances = self._advances[id(grid)]
        for r, row in enumerate(grid.cells):
            y = y0 + r * cell_h + baseline
            for c, text in enumerate(row):
                painter.drawText(x0 + c * cell_w + (cell_w - advances[r][c]) // 2, y, text)

    # -- the mouse ---------------------------------------------------------------------------------
    def cell_at(self, point: QPoint) -> tuple[str, int, int]:
        for rect, item in self._placed:
            if isinstance(item, Grid) and item.key and rect.contains(point):
                _, cell_w, cell_h, top = self._grid_size(item)
                r, c = (point.y() - rect.y() - top) // cell_h, (point.x() - rect.x()) // cell_w
                if 0 <= r < len(item.cells) and 0 <= c < len(item.cells[r]):
                    return item.key, r, c
        return "", -1, -1

    def cell_centre(self, key: str, row: int, col: int) -> QPoint | None:
        """Where cell (row, col) of the grid named ``key`` is drawn (for tests)."""
        self._layout()
        for rect, item in self._placed:
            if isinstance(item, Grid) and item.key == key:
                _, cell_w, cell_h, top = self._grid_size(item)
                return QPoint(
                    rect.x() + col * cell_w + cell_w // 2,
                    rect.y() + top + row * cell_h + cell_h // 2,
                )
        return None

    def mouseMoveEvent(self, event) -> None:
        self.hovered.emit(*self.cell_at(event.position().toPoint()))

    def mousePressEvent(self, event) -> None:
        key, row, col = self.cell_at(event.position().toPoint())
        if key and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(key, row, col)

    def leaveEvent(self, event) -> None:
        self.hovered.emit("", -1, -1)
        super().leaveEvent(event)
