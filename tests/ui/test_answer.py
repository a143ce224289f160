"""The answer (ui/views/answer.py): an error goes away with the next drawing."""

from __future__ import annotations

from helpers.strokes import SEVEN, draw
from PySide6.QtGui import QGuiApplication

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import save_model
from lenet_desktop.nn.bundle import new_model


def test_an_error_goes_away_with_the_next_drawing(window):
    QGuiApplication.clipboard().clear()
    assert not window.inputs.paste()
    assert window.answer.error.isVisible()
    assert "clipboard" in window.answer.error.text()
    draw(window, SEVEN)
    assert not window.answer.error.isVisible()
    QGuiApplication.clipboard().clear()
    window.inputs.paste()
    window.canvas.clear()
    assert not window.answer.error.isVisible()


def test_the_prompt_comes_from_the_datasets_own_description(window, qtbot, tmp_path):
    """Defect 6: a model of a dataset the app does not know asks for its own classes."""
    from dataclasses import replace

    letters = replace(MNIST, name="letters", title="Letters", classes=("A", "B", "C"))
    path = save_model(new_model("modern", letters), tmp_path / "letters.safetensors")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load(str(path))
    window.canvas.clear()
    text = window.answer.answer.text()
    assert "A, B, C" in text and "garment" not in text and "digit" not in text
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load("fashion-mnist")
    assert "garment" in window.answer.answer.text()


def test_a_stale_error_is_cleared_by_the_next_thing_that_works(window, qtbot, tmp_path):
    """Issue 28, row 7: an error stays only until the next action that works — a drawing, a
    picture, a model opened — and is not in the export afterwards."""
    from helpers.strokes import load_model

    window.session.report("could not open the model /tmp/x.safetensors")
    assert window.answer.error.isVisible()
    load_model(window, qtbot, "fashion-mnist")
    assert not window.answer.error.isVisible() and window.session.error is None
    window.session.report("could not open the model /tmp/x.safetensors")
    window.inputs.random_sample()
    assert not window.answer.error.isVisible()


def test_presentation_mode_enlarges_the_error_line_too(window):
    """Issue 28, row 14: the red error line follows the window's type size."""
    from PySide6.QtWidgets import QApplication

    window.session.report("something went wrong")
    size = window.answer.error.font().pointSizeF()
    assert window.answer.error.font().bold()
    window.menu_actions["presentation"].trigger()
    QApplication.processEvents()
    try:
        assert window.answer.error.font().pointSizeF() >= 1.3 * size
        assert window.answer.error.font().pointSizeF() == window.answer.answer.font().pointSizeF()
    finally:
        window.menu_actions["presentation"].trigger()
