"""The real window under pytest-qt: draw, and see the network's answer."""

from __future__ import annotations

import pytest
from strokes import ONE, SEVEN, ZERO, stroke

from lenet_desktop.ui.app import MainWindow


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(760, 420)
    window.show()
    qtbot.waitExposed(window)
    window.load_engine()
    assert window.predictor is not None
    return window


@pytest.mark.parametrize(("strokes", "digit"), [(ONE, "1"), (SEVEN, "7"), (ZERO, "0")])
def test_drawn_digits_are_recognised(window, strokes, digit):
    for points in strokes:
        stroke(window.canvas, points)
    prepared, prediction = window.predictor.predict_image(window.canvas.to_array())
    assert prediction.label == digit
    assert f"<h1>{digit}</h1>" in window.answer.text()


def test_undo_and_clear(window):
    stroke(window.canvas, ONE[0])
    assert not window.canvas.is_blank()
    window.canvas.undo()
    assert window.canvas.is_blank()
    window.canvas.redo()
    assert not window.canvas.is_blank()
    window.canvas.clear()
    assert window.canvas.is_blank()
    assert "<h1>" not in window.answer.text()
