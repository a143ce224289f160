"""The status bar (ui/views/status_bar.py): the hover readout follows the input and the model."""

from __future__ import annotations

from helpers.strokes import SEVEN, draw, load_model


def test_the_hover_readout_follows_the_input_and_the_model(window, qtbot):
    draw(window, SEVEN)
    window.maps.mosaics.hovered.emit(("C1", 0, 0, 10, 10))
    first = window.status.hover_label.text()
    assert "C1" in first and "row 10" in first
    window.canvas.clear()
    draw(window, [[(0.5, 0.15), (0.5, 0.85)]])
    # The readout shows the value for the new input, not the old one.
    value = float(window.session.prediction.activations["C1"][0, 10, 10])
    assert f"{value:.4g}"[:4] in window.status.hover_label.text()
    load_model(window, qtbot, "fashion-mnist")
    assert window.status.hover_label.text() == ""
