"""Where inputs come from (ui/sources/inputs.py): one preprocessing path for open, drop, paste
and `predict`; test images found or offered on any install; a sample of a chosen class."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers.drawing import redraw
from helpers.strokes import load_model
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from lenet_desktop.cli import main as cli


@pytest.fixture
def pictures(tmp_path, mnist_splits):
    """Test digits saved the ways a learner's files come: grey PNG, RGB JPEG, ink on a
    transparent PNG, a palette GIF, a 16-bit PNG, light ink on a dark BMP."""
    _, test = mnist_splits
    rng = np.random.default_rng(3)
    files = []
    for n, (mode, suffix, dark) in enumerate(
        [("L", "png", True), ("RGB", "jpg", True), ("RGBA", "png", True), ("P", "gif", True),
         ("I;16", "png", True), ("RGB", "bmp", False), ("L", "webp", True)]
    ):  # fmt: skip
        index = int(rng.integers(len(test)))
        base = "RGBA" if mode == "RGBA" else "RGB"
        picture = redraw(test.images[index].numpy(), size=220, dark_on_light=dark, mode=base)
        if mode == "P":
            picture = picture.convert("P", palette=Image.Palette.ADAPTIVE)
        elif mode == "I;16":
            picture = Image.fromarray(np.asarray(picture.convert("L"), np.uint16) * 257)
        elif mode == "L":
            picture = picture.convert("L")
        path = tmp_path / f"digit{n}.{suffix}"
        picture.save(path)
        files.append(path)
    return files


def test_a_file_gives_the_same_input_through_open_drop_paste_and_predict(window, pictures, capsys):
    for path in pictures:
        assert window.inputs.open_image(str(path)), path
        opened = window.session.result
        inputs = {"open": opened.prepared.image}

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        window.dropEvent(
            QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        )  # fmt: skip
        inputs["drop"] = window.session.result.prepared.image

        QGuiApplication.clipboard().setImage(QImage(str(path)))
        assert window.inputs.paste(), path
        inputs["paste image"] = window.session.result.prepared.image

        files = QMimeData()
        files.setUrls([QUrl.fromLocalFile(str(path))])
        QGuiApplication.clipboard().setMimeData(files)
        assert window.inputs.paste(), path
        inputs["paste file"] = window.session.result.prepared.image

        assert cli(["predict", "--model", "mnist", "--json", "--show-input", str(path)]) == 0
        answer = json.loads(capsys.readouterr().out)
        inputs["predict"] = np.asarray(answer["input"], dtype=np.float32)
        for how, image in inputs.items():
            # The command line prints the input rounded to 4 decimals.
            tolerance = 6e-5 if how == "predict" else 0.0
            assert np.abs(image - opened.prepared.image).max() <= tolerance, (path.name, how)
        assert answer["label"] == opened.prediction.label, path.name


def _answer_next_box(button_text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])

    QTimer.singleShot(50, click)


def test_missing_test_images_are_offered_a_folder_and_remembered(
    window, qtbot, tmp_path, monkeypatch, mnist_dir, settings
):
    import lenet_desktop.data.datasets as datasets
    from lenet_desktop.ui.sources import inputs as inputs_module

    # An installed package: no ../shared beside it, no download folder, no $LENET_DATA.
    monkeypatch.setattr(datasets, "candidate_folders", lambda info: [tmp_path / "nothing"])
    monkeypatch.setattr(
        inputs_module.QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_dir)
    )
    _answer_next_box("Choose Folder…")
    assert window.inputs.random_sample()
    assert window.session.result.input.kind == "sample"
    assert settings.value("data/mnist") == str(mnist_dir)
    # Next time (a new start included) the folder is used without asking.
    window.inputs._splits.clear()
    assert window.inputs.random_sample()


def test_missing_test_images_can_be_downloaded_from_the_question(
    window, qtbot, tmp_path, monkeypatch, mnist_dir, settings
):
    import shutil

    import lenet_desktop.data.datasets as datasets
    import lenet_desktop.data.download as downloading

    def fake_download(info, root=None):  # torchvision's layout, without the network
        raw = tmp_path / "downloads" / "MNIST" / "raw"
        raw.mkdir(parents=True)
        for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
            shutil.copy(mnist_dir / name, raw / name)
        return tmp_path / "downloads"

    monkeypatch.setattr(datasets, "candidate_folders", lambda info: [tmp_path / "nothing"])
    monkeypatch.setattr(downloading, "download", fake_download)
    _answer_next_box("Download")
    window.inputs.random_sample()
    qtbot.waitUntil(lambda: window.session.result.input is not None
                    and window.session.result.input.kind == "sample", timeout=20_000)  # fmt: skip
    assert settings.value("data/mnist") == str(tmp_path / "downloads")


def test_a_random_test_sample_of_a_chosen_class(window, qtbot):
    load_model(window, qtbot, "fashion-mnist")
    menu = window.inputs.class_menu
    names = [action.text() for action in menu.actions()]
    assert names[4] == "Coat" and names[2] == "Pullover"
    for _ in range(3):
        menu.actions()[4].trigger()
        assert window.session.result.true_label == 4
    assert "Coat" in window.answer.answer.text()


def test_a_test_sample_runs_one_forward_pass_and_never_shows_a_stale_input(window):
    """Defect 4: one event for one sample, and what it carries is the sample itself."""
    results = []
    window.session.predicted.connect(results.append)
    assert window.inputs.random_sample()
    window.session.predicted.disconnect(results.append)
    assert len(results) == 1
    result = results[0]
    assert result.input.kind == "sample"
    expected = np.asarray(result.input.pixels, dtype=np.float32) / 255.0
    np.testing.assert_array_equal(result.prepared.image, expected)
    # the canvas shows that sample, and showing it did not count as a drawing
    assert window.session.result is result
    assert (window.canvas.to_array() < 128).any()
