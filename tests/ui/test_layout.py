"""The window fits ordinary screens: at 1024×700, 1280×800, 1600×1000 and 1920×1080 and at 2×
scaling, with no dock, the explanation panel, the Training panel or both, in English and in
Chinese, every class's probability is on screen, feature-map tiles stay at least 24 px (the
maps scroll instead), no button or label is clipped, the architecture table's cells are whole,
and the canvas shows the whole drawing after a resize.

With LENET_SCREENSHOTS=DIR each case also saves a screenshot there
(docs/make_screenshots.py --layouts runs this under Xvfb).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers.layout import DOCKS, LANGUAGES, SIZES, fully_visible, open_window, problems
from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication

SHOTS = os.environ.get("LENET_SCREENSHOTS")
CASES = [(size, docks, language) for size in SIZES for docks in DOCKS for language in LANGUAGES]


def _name(size, docks, language) -> str:
    return f"{size[0]}x{size[1]}-{docks}-{language}"


@pytest.mark.parametrize(("size", "docks", "language"), CASES, ids=[_name(*c) for c in CASES])
def test_the_window_fits(qtbot, settings, size, docks, language):
    """Every size × every combination of docks × both languages."""
    from lenet_desktop.ui.app import install_translator

    window = open_window(size, docks, settings, language)
    qtbot.addWidget(window)
    try:
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / f"{_name(size, docks, language)}.png"))
        assert problems(window, size) == []
    finally:
        window.close()
        install_translator("en")


DOWN = [(size, language) for size in SIZES[:-1] for language in LANGUAGES]


@pytest.mark.parametrize(
    ("size", "language"), DOWN, ids=[f"{s[0]}x{s[1]}-{lang}" for s, lang in DOWN]
)
def test_the_window_fits_when_resized_down_with_both_docks(qtbot, settings, size, language):
    """Issue 37: from 1920×1080 with both docks open (the explanation at the right) and a
    photo's cleaning view shown, down to each smaller size: the answer and the ten classes
    stay on screen, nothing is clipped."""
    from helpers.layout import open_resized

    from lenet_desktop.ui.app import install_translator

    window = open_resized(size, settings, language)
    qtbot.addWidget(window)
    try:
        if SHOTS:
            name = f"down-{size[0]}x{size[1]}-both-{language}.png"
            window.grab().save(str(Path(SHOTS) / name))
        assert fully_visible(window.answer.answer), "the answer is cut"
        assert problems(window, size) == []
    finally:
        window.close()
        install_translator("en")


SCALED = [(docks, language) for docks in DOCKS for language in LANGUAGES]


@pytest.mark.parametrize(("docks", "language"), SCALED, ids=[f"{d}-{lang}" for d, lang in SCALED])
def test_the_window_fits_at_twice_the_scale(docks, language):
    """A 2560×1600 screen at 200 %: 1280×800 logical pixels (Qt's scale set before start)."""
    args = [
        sys.executable,
        str(Path(__file__).resolve().parents[1] / "helpers" / "layout.py"),
        "1280x800",
        docks,
    ]
    args += ["--language", language]
    if SHOTS:
        args += ["--shot", str(Path(SHOTS) / f"2x-{docks}-{language}.png")]
    env = dict(os.environ, QT_SCALE_FACTOR="2")
    done = subprocess.run(args, capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["scale"] == 2.0
    assert report["problems"] == []


def ink_box(image) -> QRect:
    """The bounding box of dark pixels in a grabbed widget."""
    qimage = image.toImage().convertToFormat(image.toImage().Format.Format_Grayscale8)
    data = np.frombuffer(qimage.constBits(), np.uint8).reshape(qimage.height(), -1)
    data = data[:, : qimage.width()]
    rows = np.flatnonzero((data < 80).any(axis=1))
    cols = np.flatnonzero((data < 80).any(axis=0))
    return QRect(
        int(cols[0]), int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)
    )


def test_resizing_keeps_the_whole_drawing_on_the_canvas(qtbot, settings):
    """The drawing is scaled with the window, never cropped: after shrinking and growing the
    window, the ink on screen is where the paper's ink maps to, whole."""
    window = open_window((1400, 900), False, settings)
    qtbot.addWidget(window)
    canvas = window.canvas
    paper = canvas.to_array()
    rows = np.flatnonzero((paper < 128).any(axis=1))
    cols = np.flatnonzero((paper < 128).any(axis=0))
    for size in ((1024, 700), (1920, 1080), (1100, 760)):
        window.resize(*size)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        shown = ink_box(canvas.grab())
        frame = canvas.paper_rect()
        scale = frame.width() / paper.shape[1]
        expected = QRect(
            round(frame.x() + cols[0] * scale), round(frame.y() + rows[0] * scale),
            round((cols[-1] - cols[0] + 1) * scale), round((rows[-1] - rows[0] + 1) * scale),
        )  # fmt: skip
        assert abs(shown.left() - expected.left()) <= 3, (size, shown, expected)
        assert abs(shown.right() - expected.right()) <= 3, (size, shown, expected)
        assert abs(shown.top() - expected.top()) <= 3, (size, shown, expected)
        assert abs(shown.bottom() - expected.bottom()) <= 3, (size, shown, expected)
    window.close()


def test_the_first_window_fits_a_laptops_screen(qtbot, settings):
    """Issue 37: on a 1366×768 screen (its task bar taking 40 px) the first window is no
    taller or wider than the screen's available area."""
    from lenet_desktop.ui.app import create_app
    from lenet_desktop.ui.main_window import MainWindow
    from lenet_desktop.ui.window_actions import FIRST_SIZE

    create_app()
    window = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(window)
    available = QRect(0, 0, 1366, 728)
    window._restore_geometry(available)
    assert window.width() <= 1366 and window.height() <= 728
    big = QRect(0, 0, 2560, 1400)
    window._restore_geometry(big)  # a large screen keeps the first size
    assert (window.width(), window.height()) == FIRST_SIZE
    window.close()


def test_the_enlarged_map_is_never_wider_than_its_window(qtbot, settings):
    from helpers.layout import open_window

    from lenet_desktop.ui.widgets.map_dialog import MapDialog

    window = open_window((1366, 768), "none", settings)
    qtbot.addWidget(window)
    values = window.session.prediction.activations["C1"][0]  # a 28×28 map
    dialog = MapDialog("C1 · map 0", values, window.maps)
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    assert all(not dialog.table.item(r, c).text().startswith("-")
               for r in range(28) for c in range(28))  # fmt: skip
    dialog.close()
    window.close()
