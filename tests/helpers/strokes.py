"""Mouse strokes as a person makes them: press, move with the button held, release."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget


def _send(widget: QWidget, kind: QEvent.Type, point: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, point, widget.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def stroke(widget: QWidget, points: list[tuple[float, float]], steps: int = 12) -> None:
    """Draw through ``points`` given as fractions (0–1) of the canvas's paper."""
    press_and_move(widget, points, steps)
    end = widget.canvas_point(*points[-1])
    _send(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


ONE = [[(0.5, 0.15), (0.5, 0.85)]]
SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]
ZERO = [
    [
        (0.5, 0.15),
        (0.7, 0.3),
        (0.72, 0.6),
        (0.55, 0.85),
        (0.4, 0.85),
        (0.28, 0.6),
        (0.3, 0.3),
        (0.5, 0.15),
    ]
]


def press_and_move(widget: QWidget, points: list[tuple[float, float]], steps: int = 12) -> None:
    """Start a stroke and move through ``points`` without releasing the button."""
    path = [widget.canvas_point(x, y) for x, y in points]
    held = Qt.MouseButton.LeftButton
    _send(widget, QEvent.Type.MouseButtonPress, path[0], held)
    for start, end in zip(path, path[1:]):
        for i in range(1, steps + 1):
            t = i / steps
            point = QPointF(
                start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t
            )
            _send(widget, QEvent.Type.MouseMove, point, held)


def draw(window, strokes: list[list[tuple[float, float]]]) -> None:
    """Draw ``strokes`` on the window's canvas, one mouse stroke each."""
    for points in strokes:
        stroke(window.canvas, points)


def load_model(window, qtbot, name: str) -> None:
    """Put the shipped model ``name`` in use (no wait when it already is)."""
    if window.session.model is not None and window.session.model.dataset.name == name:
        return
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load(name)
