"""The kernels view (ui/views/kernels.py): which output and input map each kernel joins."""

from __future__ import annotations


def test_kernels_say_which_output_and_input_map_they_join(window):
    kernels = window.kernels
    c3 = next(band for band in kernels.mosaics.bands if band.key == "C3")
    assert c3.grid == (16, 6)
    kernels.mosaics.hovered.emit(("C3", 0, 15 * 6 + 5, 2, 3))
    text = kernels.readout.text()
    assert "output map 15" in text and "input map 5" in text, text
