"""Opening a notebook's weights in the window (issues 25 and 36): the books' networks and a
learner's class, trained, open with no question (found by trying them); a file two networks
read alike asks, with their scores; a whole pickled network or a pickle payload is refused in
one line, nothing run, the model in use kept; Edit as Spec… never leaves the window waiting."""

from __future__ import annotations

import os

import pytest
import torch
from helpers.notebook_nets import book_lenet
from helpers.strokes import SEVEN, draw


@pytest.mark.parametrize("kind", ["params", "checkpoint", "safetensors"])
@pytest.mark.parametrize("name", ["en", "zh", "mine"])
def test_open_model_on_a_notebook_file_shows_that_network_with_no_question(
    window, qtbot, notebook_files, name, kind
):
    """Issue 36: found by trying it on the app's test images, opened with no dialog; the maps
    and the probabilities are that network's, and it is kept for Recent Models."""
    net, paths = notebook_files[name]
    draw(window, SEVEN)
    with qtbot.waitSignal(window.loader.loaded, timeout=60_000):
        window.loader.load(str(paths[kind]))
    assert getattr(window.loader, "import_dialog", None) is None  # no question asked
    session = window.session
    assert session.model.dataset.name == "fashion-mnist"
    assert (session.model.dataset.mean, session.model.dataset.std) == (0.0, 1.0)  # ToTensor
    x = torch.tensor(session.result.prepared.image).reshape(1, 1, 28, 28)
    with torch.no_grad():
        expected = torch.softmax(net(x), dim=1)[0].numpy()
    assert abs(session.prediction.probabilities - expected).max() < 1e-5
    activations = session.prediction.activations
    first = next(iter(activations))
    with torch.no_grad():
        conv = net.net[0] if name == "en" else net[0] if name == "zh" else net.conv1
        c1 = conv(x)[0].numpy()
    assert abs(activations[first] - c1).max() < 1e-4  # the maps: its own C1
    assert "Found by trying it" in window.status.currentMessage()
    kept = window.loader.recent()[0]
    assert kept.endswith(".safetensors") and os.path.exists(kept)  # reopens, no questions


def test_a_file_two_networks_read_alike_opens_the_dialog_with_their_scores(
    window, qtbot, tmp_path, fashion_dir
):
    from helpers.notebook_nets import tanh_lenet, train

    from lenet_desktop.data.datasets import FASHION_MNIST, load_split

    split = load_split(fashion_dir, FASHION_MNIST, "train")
    torch.manual_seed(7)
    tanh = train(tanh_lenet(), split.images, split.labels, 200,
                 lambda p: torch.optim.SGD(p, lr=0.1), batch=64)  # fmt: skip
    params = tmp_path / "tanh.params"
    torch.save(tanh.state_dict(), params)
    before = window.session.predictor
    window.loader.load(str(params))
    qtbot.waitUntil(
        lambda: getattr(window.loader, "import_dialog", None) is not None, timeout=60_000
    )
    dialog = window.loader.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    shown = dialog.shown
    assert len(shown) >= 2 and all("% of 500 test images" in line for line in shown)
    assert "tanh" in shown[0]
    assert window.session.predictor is before  # nothing changed while the learner chooses
    draw(window, SEVEN)
    dialog.list.setCurrentRow(0)
    chosen = dialog.trials[0]
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        dialog.accept()
    model = window.session.model
    assert model.training["architecture"] == chosen.candidate.name
    assert model.training["scale"] == chosen.scale and model.dataset.name == chosen.dataset


def test_a_whole_pickled_network_is_refused_in_one_line_and_the_model_kept(window, qtbot, tmp_path):
    from helpers.notebook_nets import MyLeNet

    whole = tmp_path / "whole.pt"
    torch.save(MyLeNet(), whole)
    before = window.session.predictor
    with qtbot.waitSignal(window.loader.failed, timeout=30_000) as failed:
        window.loader.load(str(whole))
    message = failed.args[0]
    assert "whole network object" in message and "\n" not in message
    assert "weights_only" not in message
    assert window.session.predictor is before
    assert "whole network object" in window.answer.error.text()


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
    assert "evil.pt" in failed.args[0] and "nothing in it ran" in failed.args[0]
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
    """Untrained weights: the dialog says so; Edit as Spec… describes them in the editor."""
    params = tmp_path / "lenet.params"
    torch.manual_seed(3)
    torch.save(book_lenet().state_dict(), params)
    window.loader.load(str(params))
    qtbot.waitUntil(
        lambda: getattr(window.loader, "import_dialog", None) is not None, timeout=60_000
    )
    first = window.loader.import_dialog
    qtbot.waitUntil(first.isVisible)
    assert "untrained" in first.intro.text()
    first.edit_button.click()
    editor = window.editor
    assert window.tabs.currentWidget() is editor
    assert "fit this network" in editor.message.text()
    editor.set_value(0, "kernel", 3)  # C1 5×5 → 3×3: the file's weights no longer fit
    assert "do not fit" in editor.message.text() and "6×1×5×5" in editor.message.text()
    assert not editor.weights_button.isEnabled()
    editor.set_value(0, "kernel", 5)
    assert editor.weights_button.isEnabled()
    editor.weights_button.click()  # still untrained: tried again, and the learner asked
    qtbot.waitUntil(lambda: window.loader.import_dialog is not first, timeout=60_000)
    dialog = window.loader.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        dialog.accept()
    assert [name for name, _ in window.session.predictor.layers][0] == "C1"


def test_edit_as_spec_at_start_up_never_leaves_the_window_waiting(qtbot, settings, tmp_path):
    """Opened with a notebook's file that asks (untrained weights), Edit as Spec… must not leave
    "Loading the model…": the default model comes, and the editor has the weights."""
    from lenet_desktop.ui.app import create_app
    from lenet_desktop.ui.main_window import MainWindow

    params = tmp_path / "fresh.params"
    torch.manual_seed(4)
    torch.save(book_lenet().state_dict(), params)
    create_app()
    window = MainWindow(model=str(params), settings=settings)
    window.show()
    try:
        window.finish_startup()
        qtbot.waitUntil(
            lambda: getattr(window.loader, "import_dialog", None) is not None, timeout=60_000
        )
        dialog = window.loader.import_dialog
        qtbot.waitUntil(dialog.isVisible)
        with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
            dialog.edit_button.click()
        assert window.session.model is not None
        assert "Loading" not in window.answer.answer.text()
        assert window.tabs.currentWidget() is window.editor
    finally:
        window.close()
