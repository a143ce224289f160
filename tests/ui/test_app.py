"""The real window under pytest-qt: draw, open, drop, paste, switch models, see the maps."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.drawing import redraw
from helpers.strokes import ONE, SEVEN, ZERO, stroke
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from lenet_desktop.cli import main
from lenet_desktop.data.datasets import FASHION_MNIST


def draw(window, strokes):
    for points in strokes:
        stroke(window.canvas, points)


@pytest.mark.parametrize(("strokes", "digit"), [(ONE, "1"), (SEVEN, "7"), (ZERO, "0")])
def test_drawn_digits_are_the_top_class(window, strokes, digit):
    draw(window, strokes)
    prediction = window.session.prediction
    assert prediction is not None and prediction.label == digit
    chart = window.chart
    assert chart.classes[int(chart.values.argmax())] == digit
    assert chart.values.sum() == pytest.approx(1.0, abs=1e-4)
    assert f">{digit}</span>" in window.answer.answer.text()


def test_predictions_update_while_drawing(window, qtbot):
    """Mid-stroke (button still down), the session already has the partial drawing."""
    from helpers.strokes import press_and_move

    press_and_move(window.canvas, [(0.5, 0.15), (0.5, 0.5)])
    qtbot.waitUntil(lambda: window.session.result.prepared is not None
                    and window.session.result.prepared.image.any(), timeout=1000)  # fmt: skip


def test_undo_redo_and_clear(window, qtbot):
    draw(window, ONE)
    assert window.session.prediction.label == "1"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.is_blank() and window.session.prediction is None
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.prediction.label == "1"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.canvas.is_blank() and window.session.prediction is None
    draw(window, SEVEN)
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert window.canvas.is_blank()


def test_eraser_removes_ink(window):
    draw(window, ONE)
    window.menu_actions["eraser"].trigger()
    stroke(window.canvas, ONE[0])
    window.menu_actions["eraser"].trigger()
    assert window.canvas.to_array().min() > 100


@pytest.fixture
def digit_file(tmp_path, mnist_splits):
    _, test = mnist_splits
    index = int(np.flatnonzero(test.labels.numpy() == 4)[0])
    path = tmp_path / "four.png"
    redraw(test.images[index].numpy(), canvas=(640, 480), size=300, centre=(420, 250)).save(path)
    return path


def test_open_image(window, digit_file):
    assert window.inputs.open_image(str(digit_file))
    assert window.session.prediction.label == "4"


def test_drop_image_file(window, digit_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(digit_file))])
    event = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.session.prediction.label == "4"


def test_paste_image(window, qtbot, digit_file):
    QGuiApplication.clipboard().setImage(QImage(str(digit_file)))
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.session.prediction.label == "4"


def test_unreadable_image_shows_an_error_and_keeps_the_drawing(window, tmp_path):
    draw(window, SEVEN)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG not really")
    assert not window.inputs.open_image(str(bad))
    assert window.answer.error.isVisible() and "broken.png" in window.answer.error.text()
    assert window.session.prediction.label == "7"


def test_switching_to_fashion_changes_class_names(window, qtbot):
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.shipped_actions["fashion-mnist"].trigger()
    assert window.chart.raw_classes == FASHION_MNIST.classes
    assert window.session.model.dataset.name == "fashion-mnist"
    assert window.inputs.random_sample()
    assert window.session.result.input.kind == "sample"
    assert "true label" in window.answer.answer.text()


def info_layers(capsys, model):
    import json

    assert main(["info", model, "--json"]) == 0
    return {layer["name"]: layer for layer in json.loads(capsys.readouterr().out)["layers"]}


def test_every_layer_shows_its_output_in_the_order_data_flows(window, capsys):
    draw(window, ZERO)
    layers = info_layers(capsys, "mnist")
    bands = window.maps.mosaics.bands
    assert [b.key for b in bands] == list(layers)  # flatten and batch norm included
    assert {"C1", "C1_bn", "S2", "C3", "S4", "flatten", "F5", "F6", "output"} <= set(layers)
    for band in bands:
        shape = tuple(layers[band.key]["output_shape"])
        assert band.shape == shape
        assert window.maps.mosaics.values[band.key][0].shape == shape
        assert band.title.startswith(f"{band.key} · ") and band.title.endswith(
            "×".join(map(str, shape))
        )
    assert bands[[b.key for b in bands].index("F5")].is_vector
    assert "batch normalisation" in bands[1].title
    # the architecture table is the one `info` prints
    table = window.architecture.table
    names = [table.item(r, 0).text() for r in range(table.rowCount() - 1)]
    assert names == list(layers)
    assert [table.item(r, 2).text() for r in range(len(names))] == [
        "×".join(map(str, layers[n]["output_shape"])) for n in names
    ]


def test_kernels_are_shown_for_every_conv_layer_as_output_by_input(window):
    bands = {b.key: b for b in window.kernels.mosaics.bands}
    assert list(bands) == ["C1", "C3"]
    assert bands["C3"].shape == (96, 5, 5) and bands["C3"].grid == (16, 6)


def test_damaged_model_shows_an_error_and_keeps_the_current_model(window, qtbot, tmp_path):
    draw(window, SEVEN)
    broken = tmp_path / "damaged.safetensors"
    broken.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all}")
    with qtbot.waitSignal(window.loader.failed, timeout=30_000) as failed:
        window.loader.load(str(broken))
    assert "damaged.safetensors" in failed.args[0]
    assert window.answer.error.isVisible()
    assert "damaged.safetensors" in window.answer.error.text()
    assert window.session.model.source == "mnist"
    window.session.refresh()
    assert window.session.prediction.label == "7"


def test_settings_are_kept(window, settings, qtbot):
    window.canvas_panel.brush_slider.setValue(50)
    window.close()
    settings.sync()
    assert int(settings.value("brush")) == 50
    assert settings.value("model") == "mnist"


def test_the_window_speaks_chinese_and_english(window):
    from lenet_desktop.ui.app import install_translator

    try:
        assert install_translator("zh_CN") == "zh_CN"
        QApplication.processEvents()  # Qt posts LanguageChange to every window
        assert window.menus["file"].title() == "文件(&F)"
        assert window.tabs.tabText(0) == "特征图"
        assert "画" in window.answer.answer.text()
        assert window.training.column.train_button.text() == "开始训练"
    finally:
        install_translator("en")
        QApplication.processEvents()
    assert window.menus["file"].title() == "&File"
    assert window.tabs.tabText(0) == "Feature maps"


def test_a_damaged_settings_store_starts_on_defaults(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from lenet_desktop.ui.main_window import MainWindow

    path = tmp_path / "damaged.ini"
    path.write_bytes(
        b"\x00\xff[General]\ngeometry=@ByteArray(garbage\nmodel=/gone.safetensors\n"
        b"brush=banana\ndevice=cuda:7\nrecent_models=3\n"
    )
    store = QSettings(str(path), QSettings.Format.IniFormat)
    window = MainWindow(settings=store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.finish_startup()  # the stale model fails, the shipped one takes its place
    assert window.session.model.source == "mnist"
    assert window.answer.error.isVisible()
    assert window.session.device == ""
    window.close()


def test_changing_the_device_keeps_an_in_memory_model(window):
    import dataclasses

    from lenet_desktop.data.datasets import MNIST
    from lenet_desktop.nn.bundle import new_model

    trained = dataclasses.replace(new_model("d2l", MNIST), source="trained d2l (mnist)")
    window.session.use_bundle(trained)
    box = window.status.device_box
    box.setCurrentIndex(box.findData("cpu"))
    box.activated.emit(box.currentIndex())
    assert window.session.model is trained
    assert str(window.session.predictor.device) == "cpu"
    assert not window.answer.error.isVisible()
