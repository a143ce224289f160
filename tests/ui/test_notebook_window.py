"""Opening a notebook's weights in the window (issue 25): the book-style .params → the
candidates dialog → that network's maps and probabilities, kept as a model file in Recent; a
.pt with a pickle payload → refused, nothing run, the model in use kept."""

from __future__ import annotations

import os

import torch
from notebook_nets import book_lenet
from strokes import SEVEN, draw


def test_a_book_style_params_file_opens_through_the_candidates_dialog(window, qtbot, tmp_path):
    torch.manual_seed(1)
    net = book_lenet().eval()
    params = tmp_path / "lenet.params"
    torch.save(net.state_dict(), params)
    draw(window, SEVEN)
    window.loader.load(str(params))
    qtbot.waitUntil(lambda: getattr(window.loader, "import_dialog", None) is not None)
    dialog = window.loader.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    offered = [dialog.arch_box.itemData(i) for i in range(dialog.arch_box.count())]
    assert offered[0] == "d2l" and "d2l-maxpool" in offered  # the book's first
    dialog.dataset_box.setCurrentIndex(dialog.dataset_box.findData("fashion-mnist"))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        dialog.accept()
    session = window.session
    assert session.model.architecture == "d2l" and session.model.dataset.name == "fashion-mnist"
    assert (session.model.dataset.mean, session.model.dataset.std) == (0.0, 1.0)  # ToTensor
    # the maps and the probabilities are that network's, on the input the window shows
    x = torch.tensor(session.result.prepared.image).reshape(1, 1, 28, 28)
    with torch.no_grad():
        expected = torch.softmax(net(x), dim=1)[0].numpy()
    assert abs(session.prediction.probabilities - expected).max() < 1e-5
    assert [b.key for b in window.maps.mosaics.bands][0] == "C1"
    kept = window.loader.recent()[0]
    assert kept.endswith("lenet.safetensors") and os.path.exists(kept)  # reopens, no questions


def test_a_pickle_payload_is_refused_and_the_model_kept(window, qtbot, tmp_path):
    ran = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {ran}",))

    evil = tmp_path / "evil.pt"
    torch.save({"0.weight": Payload()}, evil)
    before = window.session.predictor
    with qtbot.waitSignal(window.loader.failed, timeout=30_000) as failed:
        window.loader.load(str(evil))
    assert "evil.pt" in failed.args[0] and "nothing in this pickle ran" in failed.args[0]
    assert not ran.exists()
    assert window.session.predictor is before


def test_show_pytorch_code_and_export_weights_for_a_notebook(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from lenet_desktop.ui.tools.code_view import CodeDialog

    window.architecture.code_button.click()
    dialog = window.findChild(CodeDialog)
    assert dialog is not None and "net = nn.Sequential(" in dialog.code
    assert "# C1 → 6×28×28" in dialog.code and "load_state_dict" in dialog.code
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == dialog.code
    editor_dialog = window.editor.show_code()
    assert editor_dialog is not None and "nn.Sequential(" in editor_dialog.code
    out = tmp_path / "weights.params"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.menu_actions["export_weights"].trigger()
    state = torch.load(out, weights_only=True)
    assert list(state)[:2] == ["0.weight", "0.bias"]


def test_edit_as_spec_says_which_layer_the_weights_do_not_fit(window, qtbot, tmp_path):
    params = tmp_path / "lenet.params"
    torch.save(book_lenet().state_dict(), params)
    window.loader.load(str(params))
    qtbot.waitUntil(lambda: getattr(window.loader, "import_dialog", None) is not None)
    first = window.loader.import_dialog
    qtbot.waitUntil(first.isVisible)
    first.edit_button.click()
    editor = window.editor
    assert window.tabs.currentWidget() is editor
    assert "fit this network" in editor.message.text()
    editor.set_value(0, "kernel", 3)  # C1 5×5 → 3×3: the file's weights no longer fit
    assert "do not fit" in editor.message.text() and "6×1×5×5" in editor.message.text()
    assert not editor.weights_button.isEnabled()
    editor.set_value(0, "kernel", 5)
    assert editor.weights_button.isEnabled()
    editor.weights_button.click()
    dialog = window.loader.import_dialog
    assert dialog is not first
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        dialog.accept()
    assert [name for name, _ in window.session.predictor.layers][0] == "C1"
