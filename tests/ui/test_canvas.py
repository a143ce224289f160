"""The canvas (ui/widgets/canvas.py): a small digit in a corner is read; the fill tool makes a
garment solid."""

from __future__ import annotations

from helpers.strokes import SEVEN, draw, load_model, stroke
from PySide6.QtCore import Qt


def test_a_small_digit_in_a_corner_is_read(window):
    small_seven = [[(0.06 + x * 0.22, 0.06 + y * 0.22) for x, y in SEVEN[0]]]
    draw(window, small_seven)
    assert window.session.prediction.label == "7"
    assert "px" in window.canvas_panel.brush_label.text()


def test_the_fill_tool_makes_a_garment_solid(window, qtbot):
    load_model(window, qtbot, "fashion-mnist")
    assert "fill" in window.answer.answer.text().lower()  # the prompt says so
    outline = [(0.3, 0.2), (0.7, 0.2), (0.7, 0.85), (0.3, 0.85), (0.3, 0.2)]
    stroke(window.canvas, outline)
    before = int((window.canvas.to_array() < 128).sum())
    window.menu_actions["fill"].trigger()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.canvas_point(
        0.5, 0.5).toPoint())  # fmt: skip
    pixels = window.canvas.to_array()
    after = int((pixels < 128).sum())
    assert after > 2 * before
    assert pixels[pixels.shape[0] // 2, pixels.shape[1] // 2] < 128  # the inside is ink now
    window.canvas.undo()
    assert int((window.canvas.to_array() < 128).sum()) == before


def test_fill_ends_on_clear_and_never_floods_a_blank_canvas(window, qtbot):
    window.menu_actions["fill"].trigger()
    assert window.canvas.filling
    window.menu_actions["clear"].trigger()  # Esc
    assert not window.canvas.filling and not window.canvas_panel.fill_button.isChecked()
    window.canvas_panel.fill_button.setChecked(True)
    point = window.canvas.canvas_point(0.5, 0.5)
    assert not window.canvas.fill_at(point)  # a blank canvas: no outline to fill inside
    assert window.canvas.is_blank()


def test_a_fill_leaves_no_seam_inside_its_outline(window, qtbot):
    """Issue 28, row 3: the outline's soft inner edge is inked with the fill: inside the
    outline's outer edge every pixel is ink, no faint line between outline and fill."""
    from scipy import ndimage

    outline = [(0.3, 0.2), (0.7, 0.2), (0.7, 0.85), (0.3, 0.85), (0.3, 0.2)]
    stroke(window.canvas, outline)
    window.canvas_panel.fill_button.setChecked(True)
    assert window.canvas.fill_at(window.canvas.canvas_point(0.5, 0.5))
    pixels = window.canvas.to_array()
    shape = ndimage.binary_fill_holes(pixels < 128)
    inside = ndimage.binary_erosion(shape, iterations=3)  # away from the outer soft edge
    assert int(pixels[inside].max()) <= 30, int(pixels[inside].max())  # ink everywhere
    paper = ~ndimage.binary_dilation(shape, iterations=3)
    assert int(pixels[paper].min()) == 255  # and nothing leaked out onto the paper
