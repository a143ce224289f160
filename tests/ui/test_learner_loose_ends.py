"""What a learner tripped over in an afternoon with the app (issue 13), each checked in the real
window: one preprocessing path, readable maps and kernels, the batch-norm and vector rows, small
drawings and filled garments, a fully Chinese window, messages that do not go stale, test images
found (or offered) on any install, a sample of a chosen class, and the teacher's tools."""

from __future__ import annotations

import json

import numpy as np
import pytest
from drawing import redraw
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from strokes import SEVEN, stroke
from texts import english_words, readable_texts

from lenet_desktop.cli import main as cli
from lenet_desktop.ui.widgets.map_dialog import MapDialog


def _load(window, qtbot, name: str) -> None:
    if window.session.model is not None and window.session.model.dataset.name == name:
        return
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load(name)


def _draw(window, strokes) -> None:
    for points in strokes:
        stroke(window.canvas, points)


# -- one preprocessing path (13.2) -------------------------------------------------------------


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


# -- what a learner could not read (13.4) and the hidden steps (13.5) ---------------------------


def test_every_map_opens_as_a_numbered_table_that_fits_its_numbers(window, qtbot):
    _draw(window, SEVEN)
    maps = window.maps
    shown = window.session.prediction.activations
    for key, tile in (("C1", 3), ("S2", 0), ("input", 0)):
        if key not in shown:
            continue
        dialog = maps.enlarge((key, 0, tile, 0, 0))
        qtbot.addWidget(dialog)
        table = dialog.table
        height, width = shown[key].shape[-2:]
        assert (table.rowCount(), table.columnCount()) == (height, width)
        expected = shown[key].reshape(-1, height, width)[tile]
        assert float(table.item(5, 7).text()) == pytest.approx(float(expected[5, 7]), abs=0.005)
        # Rows and columns numbered from 0; every number fits its cell.
        assert table.verticalHeaderItem(0) is None or table.verticalHeaderItem(0).text() == "0"
        metrics = table.fontMetrics()
        widest = max(metrics.horizontalAdvance(table.item(y, x).text())
                     for y in range(height) for x in range(width))  # fmt: skip
        assert table.horizontalHeader().sectionSize(0) > widest
        dialog.close()


def test_batch_norm_and_the_fully_connected_layers_have_their_own_rows(window):
    _draw(window, SEVEN)
    bands = {band.key: band for band in window.maps.mosaics.bands}
    prediction = window.session.prediction
    # modern: C1 → BN → ReLU → S2 …; each step its own row, titled for what it does.
    order = [band.key for band in window.maps.mosaics.bands]
    assert order == list(prediction.activations)
    bn = [key for key in order if "batch normalisation" in bands[key].title]
    assert len(bn) >= 2, order
    assert order.index(bn[0]) == order.index("C1") + 1
    for key, units in (("F5", 120), ("F6", 84), ("output", 10)):
        assert bands[key].is_vector and bands[key].count == units, key
    # The BN row shows BN's own output (not ReLU(BN)): negatives included.
    assert window.maps.mosaics.values[bn[0]][0].min() < 0
    assert np.array_equal(
        window.maps.mosaics.values[bn[0]][0], prediction.activations[bn[0]].reshape(6, 28, 28)
    )


def test_kernels_say_which_output_and_input_map_they_join(window):
    kernels = window.kernels
    c3 = next(band for band in kernels.mosaics.bands if band.key == "C3")
    assert c3.grid == (16, 6)
    kernels.mosaics.hovered.emit(("C3", 0, 15 * 6 + 5, 2, 3))
    text = kernels.readout.text()
    assert "output map 15" in text and "input map 5" in text, text


# -- drawing small, and garments (13.6) ---------------------------------------------------------


def test_a_small_digit_in_a_corner_is_read(window):
    small_seven = [[(0.06 + x * 0.22, 0.06 + y * 0.22) for x, y in SEVEN[0]]]
    _draw(window, small_seven)
    assert window.session.prediction.label == "7"
    assert "px" in window.canvas_panel.brush_label.text()


def test_the_fill_tool_makes_a_garment_solid(window, qtbot):
    _load(window, qtbot, "fashion-mnist")
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


# -- a fully Chinese window (13.7) --------------------------------------------------------------


def test_every_text_of_the_chinese_window_is_chinese(window, qtbot):
    from lenet_desktop.ui.app import install_translator

    window.training.show()
    try:
        assert install_translator("zh_CN") == "zh_CN"
        QApplication.processEvents()
        for name in ("mnist", "fashion-mnist"):
            _load(window, qtbot, name)
            assert window.inputs.random_sample()
            _draw(window, SEVEN) if name == "mnist" else None
            window.maps.enlarge(("C1", 0, 0, 0, 0))
            QApplication.processEvents()
            english = []
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    for where, text in readable_texts(widget):
                        if english_words(text):
                            english.append((name, where, text, english_words(text)))
            assert not english, "\n".join(map(str, english))
            for dialog in window.findChildren(MapDialog):
                dialog.close()
        # Errors too: a clipboard with no image, a dataset not found.
        QGuiApplication.clipboard().clear()
        window.inputs.paste()
        assert not english_words(window.answer.error.text()), window.answer.error.text()
    finally:
        install_translator("en")
        QApplication.processEvents()


def test_dataset_errors_and_titles_are_translated(window, qtbot, tmp_path, monkeypatch):
    import lenet_desktop.data.datasets as datasets
    from lenet_desktop.data.datasets import DatasetError, find_test_split
    from lenet_desktop.ui.app import install_translator
    from lenet_desktop.ui.translation import error_text

    try:
        install_translator("zh_CN")
        QApplication.processEvents()
        monkeypatch.setattr(datasets, "candidate_folders", lambda info: [tmp_path / "none"])
        with pytest.raises(DatasetError) as caught:
            find_test_split(window.session.model.dataset, tmp_path)
        text = error_text(caught.value)
        assert not english_words(text), text
        assert "--data" not in text
        # The architecture table's "total" row after switching language at run time.
        table_texts = [t for _, t in readable_texts(window.architecture)]
        assert not any("total" in t.lower() for t in table_texts), table_texts
    finally:
        install_translator("en")
        QApplication.processEvents()


# -- messages that go stale (13.8) ---------------------------------------------------------------


def test_an_error_goes_away_with_the_next_drawing(window):
    QGuiApplication.clipboard().clear()
    assert not window.inputs.paste()
    assert window.answer.error.isVisible()
    assert "clipboard" in window.answer.error.text()
    _draw(window, SEVEN)
    assert not window.answer.error.isVisible()
    QGuiApplication.clipboard().clear()
    window.inputs.paste()
    window.canvas.clear()
    assert not window.answer.error.isVisible()


def test_the_hover_readout_follows_the_input_and_the_model(window, qtbot):
    _draw(window, SEVEN)
    window.maps.mosaics.hovered.emit(("C1", 0, 0, 10, 10))
    first = window.status.hover_label.text()
    assert "C1" in first and "row 10" in first
    window.canvas.clear()
    _draw(window, [[(0.5, 0.15), (0.5, 0.85)]])
    # The readout shows the value for the new input, not the old one.
    value = float(window.session.prediction.activations["C1"][0, 10, 10])
    assert f"{value:.4g}"[:4] in window.status.hover_label.text()
    _load(window, qtbot, "fashion-mnist")
    assert window.status.hover_label.text() == ""


# -- test images on a non-editable install (13.9) -----------------------------------------------


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

    def fake_download(info, root=None):  # torchvision's layout, without the network
        raw = tmp_path / "downloads" / "MNIST" / "raw"
        raw.mkdir(parents=True)
        for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
            shutil.copy(mnist_dir / name, raw / name)
        return tmp_path / "downloads"

    monkeypatch.setattr(datasets, "candidate_folders", lambda info: [tmp_path / "nothing"])
    monkeypatch.setattr(datasets, "download", fake_download)
    _answer_next_box("Download")
    window.inputs.random_sample()
    qtbot.waitUntil(lambda: window.session.result.input is not None
                    and window.session.result.input.kind == "sample", timeout=20_000)  # fmt: skip
    assert settings.value("data/mnist") == str(tmp_path / "downloads")


# -- a sample of a chosen class (13.10) ----------------------------------------------------------


def test_a_random_test_sample_of_a_chosen_class(window, qtbot):
    _load(window, qtbot, "fashion-mnist")
    menu = window.inputs.class_menu
    names = [action.text() for action in menu.actions()]
    assert names[4] == "Coat" and names[2] == "Pullover"
    for _ in range(3):
        menu.actions()[4].trigger()
        assert window.session.result.true_label == 4
    assert "Coat" in window.answer.answer.text()


# -- teacher tools (13.11) ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_the_current_view_exports_as_png_and_svg(window, tmp_path, suffix):
    from lenet_desktop.ui.tools.export import export_widget

    _draw(window, SEVEN)
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


# -- two inputs side by side (the exercise's sweater and coat) ----------------------------------


def test_a_pinned_sweater_and_a_coat_show_their_maps_side_by_side(window, qtbot):
    _load(window, qtbot, "fashion-mnist")
    menu = window.inputs.class_menu.actions()
    menu[2].trigger()  # Pullover
    window.menu_actions["pin"].trigger()
    menu[4].trigger()  # Coat
    mosaics = window.maps.mosaics
    headers = mosaics.headers
    assert len(headers) == 2
    assert "Coat" in headers[0] and "Pullover" in headers[1]
    for key in ("C1", "S2", "C3"):
        current, pinned = mosaics.values[key]
        assert current.shape == pinned.shape and not np.array_equal(current, pinned)
        both = np.concatenate([current.ravel(), pinned.ravel()])
        low, high = mosaics.levels[key]  # one colour scale for both
        assert low <= both.min() and high >= both.max()
    window.menu_actions["pin"].trigger()
    assert mosaics.headers == []
