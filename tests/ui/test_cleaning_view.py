"""Handwriting from anywhere, in the window: a note-app page opened reads right and the cleaning
view shows its lines as removed; a tiny faint digit gets the notes that say so, in English and
Chinese."""

from __future__ import annotations

import numpy as np
from helpers.pages import draw_template, write_digit
from helpers.strokes import SEVEN, draw
from PIL import Image


def _page(digit: np.ndarray, kind: str, side: int, grey: int = 30, seed: int = 2) -> Image.Image:
    page = np.full((380, 420, 3), (250, 244, 222), dtype=np.float32)
    if kind:
        draw_template(page, kind, np.random.default_rng(seed))
    write_digit(page, digit, top=150, left=180, side=side, ink=(grey,) * 3)
    return Image.fromarray(page.round().astype(np.uint8), "RGB")


def test_a_template_page_opened_reads_right_and_shows_its_lines_removed(
    window, qtbot, tmp_path, mnist_splits
):
    _, test = mnist_splits
    view = window.cleaning_view
    for index in (0, 1, 2):
        path = tmp_path / f"page{index}.png"
        _page(test.images[index].numpy(), "margin", 170).save(path)
        assert window.inputs.open_image(str(path))
        prediction = window.session.prediction
        assert prediction is not None and prediction.index == int(test.labels[index])
        assert view.isVisible()
        assert view.showing == "after"
        shown = view.shown_pixels()
        red = (shown[..., 0] > 180) & (shown[..., 1] < 120) & (shown[..., 2] < 120)
        assert red.sum() > 150  # the ruled lines and the margin, removed, in red
        assert "lines of the paper were found and removed" in window.answer.shown_notes
    after = view.shown_pixels()
    view.show_before(True)
    assert view.showing == "before"
    before = view.shown_pixels()
    assert before.shape == after.shape and not np.array_equal(before, after)
    assert tuple(np.median(before.reshape(-1, 3), axis=0)) == (250, 244, 222)  # the cream page
    assert window.cleaning_view.picture.pixmap() is not None
    view.show_before(False)
    draw(window, SEVEN)  # a drawing has nothing to show
    assert not view.isVisible()


def test_a_tiny_faint_digit_says_so_in_english_and_chinese(window, qtbot, tmp_path, mnist_splits):
    from lenet_desktop.ui.app import install_translator

    _, test = mnist_splits
    path = tmp_path / "tiny.png"
    _page(test.images[0].numpy(), "", 14, grey=180).save(path)
    assert window.inputs.open_image(str(path))
    notes = window.answer.shown_notes
    assert "draw or photograph it larger" in notes and "faint" in notes
    assert window.answer.notes.text()
    try:
        install_translator("zh_CN")
        qtbot.waitUntil(lambda: "像素" in window.answer.shown_notes)
        chinese = window.answer.shown_notes
        assert "像素" in chinese and "墨迹很淡" in chinese
        assert "larger" not in chinese
        assert window.cleaning_view.title.text() == "图片是怎样读取的"
    finally:
        install_translator("en")
    draw(window, SEVEN)
    assert "larger" not in window.answer.shown_notes
