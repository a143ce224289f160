"""The review's defects, each as a learner would meet it (review findings 2, 4, 5, 6, 8)."""

from __future__ import annotations

import numpy as np

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import new_model, save_model
from lenet_desktop.ui.app import create_app
from lenet_desktop.ui.main_window import MainWindow


def test_a_gallery_image_is_shown_through_the_model_that_got_it_wrong(window, panel, qtbot,
                                                                      small_mnist):  # fmt: skip
    """Live view off: the model in use is still the shipped one when training ends; a click on
    a misclassified image shows the trained model's own (wrong) verdict (defect 2)."""
    panel.folder_edit.setText(str(small_mnist))
    panel.live_box.setChecked(False)
    panel.epochs_spin.setValue(1)
    with qtbot.waitSignal(panel.ended, timeout=120_000):
        panel.start()
    assert window.session.model.source == "mnist"
    evaluation = panel.result.evaluation
    assert panel.gallery.count() > 0
    item = panel.gallery.item(0)
    index = item.data(0x0100)  # Qt.UserRole
    panel.gallery.itemClicked.emit(item)
    assert window.session.model.network is panel.result.bundle.network
    shown = window.session.prediction
    assert shown.index == evaluation.predictions[index] != window.session.result.true_label


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


def test_a_model_asked_for_before_start_up_finishes_is_loaded(qtbot, settings):
    """Defect 5: Ctrl+2 pressed while the window is still starting."""
    create_app()
    window = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.loader.shipped_actions["fashion-mnist"].trigger()  # before finish_startup
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.finish_startup()
    qtbot.waitUntil(lambda: window.session.model.dataset.name == "fashion-mnist", timeout=30_000)
    assert "Loading" not in window.status.currentMessage()
    assert "Loading" not in window.answer.answer.text()
    window.close()


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


def test_the_panel_keeps_a_bounded_record_of_a_long_run(window, panel, qtbot, small_mnist):
    """Defect 8: 512 steps an epoch, two epochs; the curves keep at most ~1000 points and the
    panel keeps one Progress per epoch, not one per step."""
    from lenet_desktop.ui.training.panel import CURVE_POINTS

    panel.folder_edit.setText(str(small_mnist))
    panel.live_box.setChecked(False)
    panel.batch_spin.setValue(2)
    panel.epochs_spin.setValue(2)
    with qtbot.waitSignal(panel.ended, timeout=180_000):
        panel.start()
    assert len(panel.epochs_done) == 2
    assert 100 < len(panel.curves.points["x"]) <= CURVE_POINTS + 1
    assert not hasattr(panel, "history")
