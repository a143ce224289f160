"""Export and presentation mode (ui/tools/export.py): PNG and SVG of the view; larger type and
maps, and back."""

from __future__ import annotations

import pytest
from helpers.strokes import SEVEN, draw
from PIL import Image
from PySide6.QtWidgets import QApplication


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_the_current_view_exports_as_png_and_svg(window, tmp_path, suffix):
    from lenet_desktop.ui.tools.export import export_widget

    draw(window, SEVEN)
    for name, widget in (("maps", window.maps), ("chart", window.chart)):
        path = export_widget(widget, tmp_path / f"{name}.{suffix}")
        data = path.read_bytes()
        if suffix == "png":
            with Image.open(path) as im:
                assert im.size[0] >= widget.width() and im.size[1] > 20
        else:
            assert b"<svg" in data and len(data) > 1000


def test_presentation_mode_enlarges_type_and_maps_and_comes_back(window):
    font = window.font().pointSizeF()
    zoom = window.maps.mosaics.zoom
    window.menu_actions["presentation"].trigger()
    QApplication.processEvents()
    assert window.font().pointSizeF() >= 1.3 * font
    assert window.maps.mosaics.zoom > zoom
    window.menu_actions["presentation"].trigger()
    QApplication.processEvents()
    assert window.font().pointSizeF() == font
    assert window.maps.mosaics.zoom == zoom


def test_svg_export_keeps_every_glyph_chinese_included(window, tmp_path):
    """Issue 28, row 6: text is written as outlines: no <text> left, and the drawing rendered
    by another program's reader (Qt's SVG renderer here) shows the same glyphs as the screen."""
    import numpy as np
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QLabel

    from lenet_desktop.ui.tools.export import export_widget

    label = QLabel("卷积 5×5 · 最大汇聚 C3")
    label.resize(260, 40)
    label.show()
    QApplication.processEvents()
    path = export_widget(label, tmp_path / "text.svg")
    text = path.read_text(encoding="utf-8")
    assert "<text" not in text and "<path" in text
    image = QImage(label.size(), QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    QSvgRenderer(str(path)).render(painter)
    painter.end()
    shown = label.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)

    def ink_columns(img) -> np.ndarray:
        data = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), -1)
        return (data[:, : img.width()] < 128).any(axis=0)

    drawn, screen = ink_columns(image), ink_columns(shown)
    assert drawn.sum() > 0.8 * screen.sum()  # every glyph there (no gaps, no missing Chinese)
    assert (drawn & screen).sum() > 0.8 * screen.sum()  # and where the screen has it
    label.close()
