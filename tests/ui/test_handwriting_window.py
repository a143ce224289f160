"""Issue 35 in the window: digits drawn with the thinnest brush are read right, and letters,
a dot, a bar and a scribble drawn on the canvas are flagged beside the answer."""

from __future__ import annotations

import pytest
from helpers.nondigits import LETTER_STROKES, WINDOW_LETTERS
from helpers.strokes import draw

# Large digits as a learner draws them, in fractions of the paper.
THIN_DIGITS = {
    "7": [[(0.2, 0.15), (0.8, 0.15), (0.62, 0.4), (0.45, 0.88)]],
    "9": [
        [
            (0.68, 0.28),
            (0.55, 0.14),
            (0.38, 0.16),
            (0.3, 0.3),
            (0.36, 0.45),
            (0.52, 0.48),
            (0.66, 0.38),
            (0.68, 0.28),
            (0.66, 0.6),
            (0.62, 0.88),
        ],
    ],  # fmt: skip
    # an open 4: the two strokes do not meet at the top
    "4": [[(0.42, 0.12), (0.25, 0.55), (0.78, 0.55)], [(0.62, 0.3), (0.62, 0.9)]],
}
# Things that are not digits: the seven letters, a dot, a bar and a scribble.
DOT = [[(0.5, 0.5), (0.505, 0.505)]]
BAR = [[(0.2, 0.5), (0.8, 0.48)]]
SCRIBBLE = [[(0.3, 0.3), (0.7, 0.35), (0.32, 0.5), (0.72, 0.55), (0.35, 0.7), (0.6, 0.25),
             (0.55, 0.8), (0.3, 0.45), (0.75, 0.7)]]  # fmt: skip


def _letter(name: str) -> list[list[tuple[float, float]]]:
    """The letter's strokes in the middle 70 % of the paper."""
    return [
        [(0.15 + 0.7 * x, 0.15 + 0.7 * y) for x, y in points] for points in LETTER_STROKES[name]
    ]


@pytest.mark.parametrize("digit", sorted(THIN_DIGITS))
def test_a_large_digit_drawn_with_the_thinnest_brush_reads_right(window, digit):
    panel = window.canvas_panel
    panel.brush_slider.setValue(panel.brush_slider.minimum())
    assert window.canvas.brush_width == 6
    draw(window, THIN_DIGITS[digit])
    result = window.session.result
    assert result.prediction.label == digit
    # no faint ghost: the network's input reaches full strength, like the training digits
    assert float(result.prepared.image.max()) == pytest.approx(1.0)


def test_non_digits_drawn_on_the_canvas_are_flagged_beside_the_answer(window):
    things = {name: _letter(name) for name in WINDOW_LETTERS}
    things |= {"dot": DOT, "bar": BAR, "scribble": SCRIBBLE}
    window.canvas_panel.brush_slider.setValue(24)
    flagged = []
    for name, strokes in things.items():
        window.canvas_panel.clear()
        draw(window, strokes)
        result = window.session.result
        assert result.prediction is not None, name
        shown = window.answer.answer.text()
        if result.unsure:
            # said beside the answer, and why in the notes
            assert "⚠" in shown, name
            assert any(note.kind in ("unlike", "unsure") for note in result.notes), name
            flagged.append(name)
        else:
            assert "⚠" not in shown, name
    assert len(flagged) >= 8, f"flagged only {flagged}"


def test_a_digit_drawn_as_usual_is_not_doubted(window):
    window.canvas_panel.brush_slider.setValue(36)
    draw(window, THIN_DIGITS["7"])
    result = window.session.result
    assert result.prediction.label == "7" and not result.unsure
    assert "⚠" not in window.answer.answer.text()
