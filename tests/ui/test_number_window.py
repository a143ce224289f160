"""Issue 40 in the window: "2026" written on the real canvas is read as 2026 with four boxes;
choosing the 0 puts the 0's 28×28 input, maps, probabilities and explanations in the views;
a single 7 is read as before."""

from __future__ import annotations

import re

import numpy as np
from helpers.number_strokes import number_strokes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lenet_desktop.session import Unit


def write(window, text: str) -> None:
    window.canvas.clear()
    for stroke in number_strokes(text):
        window.canvas.draw_polyline(stroke)
    QApplication.processEvents()


def test_2026_is_read_and_each_digit_can_be_looked_into(window, qtbot):
    write(window, "2026")
    result = window.session.result
    assert result.number is not None and result.number.text == "2026"
    assert len(window.canvas.digit_boxes) == 4
    assert "2026" in re.sub("<[^>]+>", "", window.answer.answer.text())  # the answer
    # click the 0's tab on the canvas
    tab = window.canvas.digit_tab(1)
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=tab.center())
    shown = window.session.result
    zero = shown.number.digits[1]
    assert shown.digit == 1 and shown.prediction.label == "0"
    assert np.allclose(window.input_view.values, zero.prepared.image)
    assert np.array_equal(shown.prediction.activations["C1"], zero.prediction.activations["C1"])
    assert np.allclose(window.chart.values, zero.prediction.probabilities)
    window.session.select(Unit("C1", 0, 14, 14))
    qtbot.waitUntil(lambda: window.explain_panel.explanation is not None, timeout=10_000)
    explained = window.explain_panel.explanation
    assert explained.recorded == float(zero.prediction.activations["C1"][0, 14, 14])
    # → shows the next digit, ← the one before
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.session.result.digit == 2
    qtbot.keyClick(window.canvas, Qt.Key.Key_Left)
    assert window.session.result.digit == 1
    # a digit in the answer is a link too
    window.answer._link("digit:3")
    assert window.session.result.prediction.label == "6"


def test_a_single_seven_is_read_as_before(window):
    write(window, "7")
    result = window.session.result
    assert result.number is None and window.canvas.digit_boxes == []
    assert result.prediction.label == "7"
    before = window.session._run(result.input)  # the same answer as the single-digit path
    assert np.allclose(before.prediction.probabilities, result.prediction.probabilities)


def test_a_picture_of_a_number_takes_the_same_path(window, tmp_path, mnist_splits):
    from helpers.number_pictures import compose

    _, test = mnist_splits
    labels, images = test.labels.numpy(), test.images.numpy()
    digits = [images[int(np.flatnonzero(labels == int(c))[2])] for c in "307"]
    path = tmp_path / "307.png"
    compose(digits, False, np.random.default_rng(3)).save(path)
    assert window.inputs.open_image(str(path))
    result = window.session.result
    assert result.number is not None and result.number.text == "307"
    assert len(window.canvas.digit_boxes) == 3
    ink = window.canvas.to_array() < 128  # the whole number on the canvas, not one digit
    columns = np.flatnonzero(ink.any(axis=0))
    assert columns[-1] - columns[0] > 0.6 * ink.shape[1]
