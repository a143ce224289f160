"""Odd, damaged and malicious pictures through every way in: `predict`, Open, drop, paste.

Each gives the digit it shows, "blank", or one clear message naming the file — never a
traceback, never a hang, and the drawing already on the canvas stays when a picture fails.
"""

from __future__ import annotations

import json

import pytest
from helpers.strokes import stroke
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from lenet_desktop.cli import main
from lenet_desktop.ui.app import resident_mb

SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]
CASES = [
    "truncated.png", "truncated.jpg", "corrupt.png", "random.png", "notes.jpg", "empty.png",
    "folder.png", "sixteen-bit.png", "palette.png", "cmyk.jpg", "exif-rotated.jpg",
    "animated.gif", "one-pixel.png", "one-dark-pixel.bmp", "transparent.png",
    "ink-on-transparent.png", "bomb.png",
]  # fmt: skip


def test_every_case_is_made(hostile):
    _, cases = hostile
    assert sorted(cases) == sorted(CASES)


@pytest.mark.parametrize("name", CASES)
def test_predict_command(hostile, capsys, name):
    folder, cases = hostile
    expected = cases[name]
    code = main(["predict", "--json", str(folder / name)])
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == str(folder / name)
    if expected.startswith("error: "):
        assert code == 1
        assert expected.removeprefix("error: ") in record["error"]
        assert name in record["error"]  # the message names the file
    elif expected == "empty":
        assert code == 1 and record["error"] == "empty"
    else:
        assert code == 0 and record["label"] == expected


def open_file(window, path):
    window.inputs.open_image(str(path))


def drop_file(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def paste_file(window, path):
    mime = QMimeData()  # what a file manager puts on the clipboard for "Copy"
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    QGuiApplication.clipboard().setMimeData(mime)
    window.inputs.paste()


@pytest.mark.parametrize("way", [open_file, drop_file, paste_file], ids=["open", "drop", "paste"])
def test_the_window_takes_every_case(window, hostile, way):
    folder, cases = hostile
    stroke(window.canvas, SEVEN[0])
    for name in CASES:
        expected = cases[name]
        before = window.session.prediction.label
        drawing = window.canvas.to_array().copy()
        way(window, folder / name)
        QGuiApplication.processEvents()
        message = window.answer.error.text()
        if expected.startswith("error: ") or expected == "empty":
            assert window.answer.error.isVisibleTo(window), name
            words = "blank" if expected == "empty" else expected.removeprefix("error: ")
            assert words in message, (name, message)
            assert "Traceback" not in message
            # Nothing lost: the drawing and its prediction are as they were.
            assert (window.canvas.to_array() == drawing).all(), name
            assert window.session.prediction.label == before, name
        else:
            assert not window.answer.error.isVisibleTo(window), (name, message)
            assert window.session.prediction.label == expected, name


def test_a_decompression_bomb_is_refused_without_decoding(window, hostile):
    folder, _ = hostile
    before = resident_mb()
    for _ in range(3):
        assert not window.inputs.open_image(str(folder / "bomb.png"))
    assert "too large" in window.answer.error.text()
    # 30000 × 30000 grey pixels would be 900 MB decoded; nothing near that was allocated.
    assert resident_mb() - before < 50
