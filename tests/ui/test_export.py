"""Export and presentation mode (ui/tools/export.py): PNG and SVG of the view; larger type and
maps, and back."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication
from strokes import SEVEN, draw


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
