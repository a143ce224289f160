"""Retraining in the background through the real Training panel, on real data."""

from __future__ import annotations

from helpers.strokes import SEVEN, stroke

from lenet_desktop.files.model_files import load_model, shipped_models


def test_a_real_training_through_the_panel(window, panel, qtbot, tmp_path):
    before = window.session.predictor
    panel.form.widgets["epochs"].setValue(2)
    live_labels = []
    panel.live_model.connect(lambda _: live_labels.append(window.answer.answer.text()))
    with qtbot.waitSignal(panel.ended, timeout=180_000) as ended:
        assert panel.start()
        assert panel.busy
        stroke(window.canvas, SEVEN[0])  # the window keeps working meanwhile
        assert window.session.prediction is not None
    assert ended.args == ["finished"]
    # while it trained, the main view said whose answer it was (issue 37: no silent swap)
    # (epoch 0: the network as initialised, before the first step)
    assert [label.count("Live view: epoch 0 of 2 · modern") for label in live_labels[:1]] == [1]
    assert len(live_labels) == 3 and "Live view: epoch 1 of 2 · modern" in live_labels[1]
    assert all("not kept" in label for label in live_labels)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)

    # both epochs reported, and the curves got points
    assert [p.epoch for p in panel.training.epochs] == [1, 2]
    assert len(panel.curves.loss_curve.getData()[0]) > 10
    assert len(panel.curves.test_acc_curve.getData()[0]) == 2
    assert panel.status.progress.value() == panel.status.progress.maximum()

    # far better than chance, with a confusion matrix and the wrong ones to look at
    evaluation = panel.results.result.evaluation
    assert evaluation.accuracy > 0.9
    assert sum(map(sum, evaluation.confusion)) == 2000
    assert panel.results.gallery.images.count() == min(len(evaluation.misclassified), 200)

    # the run is over: the model from before it is back, unmarked (not the last epoch's)
    assert window.session.predictor is before
    assert "Live view" not in window.answer.answer.text()

    if panel.results.gallery.images.count():
        item = panel.results.gallery.images.item(0)
        panel.results.gallery.images.itemClicked.emit(item)
        assert window.session.result.input.kind == "sample"
        assert "true label" in window.answer.answer.text()

    panel.results.use_button.click()
    assert window.session.model.network is panel.results.result.bundle.network
    # calibrated as the run calibrated it
    assert window.session.model.temperature == panel.results.result.bundle.temperature != 1.0
    saved = tmp_path / "mine.safetensors"
    assert panel.results.save(str(saved))
    assert load_model(saved).training["test_accuracy"] == evaluation.accuracy


def test_cancel_stops_the_run_and_keeps_the_model(window, panel, qtbot):
    before = window.session.predictor
    shipped = shipped_models()["mnist"].read_bytes()
    panel.form.widgets["epochs"].setValue(50)
    with qtbot.waitSignal(panel.live_model, timeout=120_000):  # one epoch, so live view ran
        panel.start()
    qtbot.waitUntil(lambda: window.session.predictor is not before, timeout=5000)
    with qtbot.waitSignal(panel.ended, timeout=5000) as ended:
        panel.column.cancel_button.click()
        qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert ended.args == ["cancelled"]
    assert panel.training.progress.epoch < 50  # it stopped mid-run, not at the end
    assert window.session.predictor is before  # restored
    assert shipped_models()["mnist"].read_bytes() == shipped
    assert panel.results.result is None and not panel.results.use_button.isEnabled()


def test_a_failing_training_shows_why_and_keeps_the_model(window, panel, qtbot):
    before = window.session.predictor
    shipped = shipped_models()["mnist"].read_bytes()
    panel.form.widgets["optimizer"].setCurrentIndex(panel.form.widgets["optimizer"].findData("sgd"))
    panel.form.widgets["lr"].setValue(1e6)
    panel.form.widgets["epochs"].setValue(3)
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        panel.start()
    assert ended.args == ["failed"]
    assert "learning rate" in panel.status.message.text()
    assert window.session.predictor is before
    assert shipped_models()["mnist"].read_bytes() == shipped


def test_a_damaged_dataset_is_named(window, panel, qtbot, tmp_path, mnist_dir):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(mnist_dir, broken)
    (broken / "train-labels-idx1-ubyte.gz").write_bytes(b"\x1f\x8b garbage")
    panel.form.folder_edit.setText(str(broken))
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        panel.start()
    assert ended.args == ["failed"]
    assert "train-labels-idx1-ubyte.gz" in panel.status.message.text()


def test_bad_options_are_refused_before_starting(panel, tmp_path):
    panel.form.folder_edit.setText(str(tmp_path / "nowhere"))
    assert not panel.start()
    assert "no such folder" in panel.status.message.text()
    assert not panel.busy


def test_closing_the_window_mid_training_stops_cleanly(window, panel, qtbot, monkeypatch):
    panel.form.widgets["epochs"].setValue(50)
    panel.start()
    qtbot.waitUntil(lambda: panel.training.progress is not None, timeout=60_000)
    asked = []
    monkeypatch.setattr(panel, "confirm_stop", lambda: asked.append(1) or True)
    thread = panel.worker_thread
    window.close()
    assert asked == [1]
    assert thread.isFinished() and not panel.busy


def test_download_offline_is_a_plain_message(window, panel, qtbot, tmp_path, monkeypatch):
    import torchvision

    # torchvision's real download code, pointed at a closed local port: a machine offline.
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", ["http://127.0.0.1:9/"])
    before = window.session.predictor
    panel.form.folder_edit.setText(str(tmp_path / "downloads"))
    panel.form.download_box.setChecked(True)
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        assert panel.start()
    assert ended.args == ["failed"]
    assert "could not download MNIST" in panel.status.message.text()
    assert window.session.predictor is before
    stroke(window.canvas, SEVEN[0])  # still usable
    assert window.session.prediction is not None


def test_the_panels_texts_are_whole(window, panel, qtbot):
    """Issue 28, row 10: the progress bar's text fits on one line of the bar, the device box
    shows its whole item, a long message wraps whole."""
    from PySide6.QtWidgets import QApplication

    window.resize(1920, 1080)
    panel.form.widgets["epochs"].setValue(50)
    panel.form.live_box.setChecked(False)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.training.progress is not None, timeout=60_000)
    QApplication.processEvents()
    bar = panel.status.progress
    assert bar.fontMetrics().horizontalAdvance(bar.text()) <= bar.width() - 8, bar.text()
    for box in (panel.form.device_box, window.status.device_box):
        text_width = box.fontMetrics().horizontalAdvance(box.currentText())
        assert text_width + 24 <= box.width(), (box.currentText(), box.width())
    panel.cancel()
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    panel.status.message.setText("Live view paused for this run: you chose another model.")
    QApplication.processEvents()
    message = panel.status.message
    assert message.height() >= message.heightForWidth(message.width())


def test_a_run_that_ends_while_closing_is_asked_answers_the_question(window, panel, qtbot):
    """Issue 28, row 16: the "stop training?" question goes away when the run ends under it;
    answering Yes closes the window within a second."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    panel.form.widgets["epochs"].setValue(50)
    panel.form.live_box.setChecked(False)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.training.progress is not None, timeout=60_000)
    QTimer.singleShot(300, lambda: panel.ended.emit("finished"))  # as if the run ended now
    assert panel.confirm_stop()  # answered by the run's end, no click

    def answer_yes() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())  # fmt: skip
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, answer_yes)
    started = time.perf_counter()
    assert panel.close_for_exit()
    assert time.perf_counter() - started < 1.2
