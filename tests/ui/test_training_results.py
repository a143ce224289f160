"""The Training panel's results: the gallery of mistakes shown through the model that made them,
and a bounded record of a long run."""

from __future__ import annotations


def test_a_gallery_image_is_shown_through_the_model_that_got_it_wrong(window, panel, qtbot,
                                                                      small_mnist):  # fmt: skip
    """Live view off: the model in use is still the shipped one when training ends; a click on
    a misclassified image shows the trained model's own (wrong) verdict (defect 2)."""
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.live_box.setChecked(False)
    panel.form.widgets["epochs"].setValue(1)
    with qtbot.waitSignal(panel.ended, timeout=120_000):
        panel.start()
    assert window.session.model.source == "mnist"
    evaluation = panel.results.result.evaluation
    assert panel.results.gallery.images.count() > 0
    item = panel.results.gallery.images.item(0)
    index = item.data(0x0100)  # Qt.UserRole
    panel.results.gallery.images.itemClicked.emit(item)
    assert window.session.model.network is panel.results.result.bundle.network
    shown = window.session.prediction
    assert shown.index == evaluation.predictions[index] != window.session.result.true_label


def test_the_panel_keeps_a_bounded_record_of_a_long_run(window, panel, qtbot, small_mnist):
    """Defect 8: 512 steps an epoch, two epochs; the curves keep at most ~1000 points and the
    panel keeps one Progress per epoch, not one per step."""
    from lenet_desktop.ui.training.panel import CURVE_POINTS

    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.live_box.setChecked(False)
    panel.form.widgets["batch_size"].setValue(2)
    panel.form.widgets["epochs"].setValue(2)
    with qtbot.waitSignal(panel.ended, timeout=180_000):
        panel.start()
    assert len(panel.training.epochs) == 2
    # (progress comes at most 20 times a second, and the curve keeps at most CURVE_POINTS)
    assert 10 < len(panel.curves.points["x"]) <= CURVE_POINTS + 1
    assert not hasattr(panel, "history")
