"""The Training panel's loose ends a learner hit (issue: "everything a learner tripped over",
item 3): each as it happened, on real data."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def train(panel, qtbot, folder, epochs=1, live=True) -> str:
    panel.form.folder_edit.setText(str(folder))
    panel.form.live_box.setChecked(live)
    panel.form.widgets["epochs"].setValue(epochs)
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        assert panel.start()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    return ended.args[0]


def test_a_stale_gallery_image_after_a_cancelled_run_does_nothing_wrong(window, panel, qtbot,
                                                                         small_mnist):  # fmt: skip
    assert train(panel, qtbot, small_mnist) == "finished"
    stale = panel.results.gallery.images.item(0)
    assert stale is not None
    index = stale.data(0x0100)
    # a second run, cancelled at once: nothing of the first may look current
    panel.form.widgets["epochs"].setValue(50)
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        panel.start()
        panel.cancel()
    assert ended.args == ["cancelled"]
    assert panel.results.result is None and panel.results.gallery.images.count() == 0
    assert panel.results.confusion.rowCount() == 0
    assert panel.results.result_label.text().startswith(
        "The run was cancelled after 0 of 50 epochs"
    )
    assert not panel.results.use_button.isEnabled() and not panel.results.save_button.isEnabled()
    before = window.session.result
    panel.results.gallery_clicked(stale)  # the thumbnail a learner still had under the mouse
    assert window.session.result is before and index is not None


def test_the_progress_bar_says_when_a_run_was_cancelled_or_failed(
    window, panel, qtbot, small_mnist, tmp_path
):
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(50)
    with qtbot.waitSignal(panel.ended, timeout=60_000):
        panel.start()
        qtbot.waitUntil(lambda: panel.training.progress is not None, timeout=60_000)
        panel.cancel()
    assert panel.status.progress.format() == "cancelled" and panel.status.progress.value() == 0
    assert "epoch" not in panel.status.progress.text()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    empty = tmp_path / "empty"
    empty.mkdir()
    panel.form.folder_edit.setText(str(empty))
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        panel.start()
    assert ended.args == ["failed"]
    assert (
        panel.status.progress.format() == "failed"
        and "starting" not in panel.status.progress.text()
    )


def test_a_model_chosen_during_a_run_stays_after_cancelling(window, panel, qtbot, small_mnist):
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(50)
    with qtbot.waitSignal(panel.live_model, timeout=120_000):  # live view is showing the run
        panel.start()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.shipped_actions["fashion-mnist"].trigger()  # Ctrl+2 mid-run
    # the next epoch's model arrives: it must not take the model back
    done = len(panel.training.epochs)
    qtbot.waitUntil(lambda: len(panel.training.epochs) > done, timeout=60_000)
    assert window.session.model.dataset.name == "fashion-mnist"
    with qtbot.waitSignal(panel.ended, timeout=10_000):
        panel.cancel()
    assert window.session.model.dataset.name == "fashion-mnist"
    assert window.settings.value("model") == "fashion-mnist"
    assert window.loader.shipped_actions["fashion-mnist"].isChecked()


def test_use_this_model_says_that_it_is_in_use(window, panel, qtbot, small_mnist):
    assert train(panel, qtbot, small_mnist, live=True) == "finished"
    panel.results.use_button.click()
    assert window.session.model.network is panel.results.result.bundle.network
    assert panel.results.use_button.text() == "In use ✓"
    assert "in use" in panel.status.message.text()
    assert window.session.model.source.startswith("trained modern")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load("mnist")
    assert panel.results.use_button.text() == "Use this model"


def test_the_training_options_are_remembered(window, panel, qtbot, small_mnist):
    from lenet_desktop.ui.training.panel import TrainingPanel

    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("d2l")
    )
    panel.form.widgets["optimizer"].setCurrentIndex(panel.form.widgets["optimizer"].findData("sgd"))
    panel.form.widgets["lr"].setValue(0.5)
    panel.form.widgets["batch_size"].setValue(128)
    panel.form.widgets["augment"].setChecked(False)
    assert train(panel, qtbot, small_mnist, epochs=1) == "finished"
    settings: QSettings = window.settings
    again = TrainingPanel(window.training_session, settings)  # as after a restart
    assert again.form.widgets["architecture"].currentData() == "d2l"
    assert again.form.widgets["optimizer"].currentData() == "sgd"
    assert again.form.widgets["lr"].value() == 0.5
    assert (
        again.form.widgets["batch_size"].value() == 128
        and again.form.widgets["epochs"].value() == 1
    )
    assert not again.form.widgets["augment"].isChecked()
    assert again.form.folder_edit.text() == str(small_mnist)
    again.deleteLater()


def test_the_results_show_a_reliability_diagram(window, panel, qtbot, small_mnist):
    assert train(panel, qtbot, small_mnist) == "finished"
    report = panel.results.result.calibration
    assert report is not None and report.count == 300
    bars = [
        i
        for i in panel.results.reliability.getPlotItem().items
        if type(i).__name__ == "BarGraphItem"
    ]
    assert len(bars) == 1
    assert "ECE" in panel.results.reliability.getPlotItem().titleLabel.text
    # the tooltip explains each bar: its images add up to the 300 test images
    lines = panel.results.reliability.toolTip().splitlines()
    assert lines and sum(int(line.split(": ")[1].split()[0]) for line in lines) == 300


def test_the_books_run_in_the_panel_matches_the_command_line(window, panel, qtbot, small_mnist,
                                                             tmp_path, capsys):  # fmt: skip
    """D2L Book Settings sets the chapter's run; the same run (same seed, a small slice of
    MNIST, two epochs) gives the same test accuracy in the panel and from `train --book`."""
    import json

    from lenet_desktop.cli import main

    panel.book_settings()
    config = panel.form.config()
    assert (config.architecture, config.optimizer, config.momentum, config.lr) == (
        "d2l",
        "sgd",
        0.0,
        0.9,
    )
    assert (config.schedule, config.batch_size, config.epochs, config.init) == (
        "constant",
        256,
        10,
        "xavier",
    )
    assert (config.augment, config.weight_decay, config.holdout) == (False, 0.0, 0.0)
    assert config.dataset == "fashion-mnist"
    panel.form.widgets["dataset"].setCurrentIndex(panel.form.widgets["dataset"].findData("mnist"))
    panel.form.widgets["seed"].setValue(3)
    assert train(panel, qtbot, small_mnist, epochs=2, live=False) == "finished"
    in_panel = panel.results.result.evaluation.accuracy
    out = str(tmp_path / "book.safetensors")
    code = main(["train", "--book", "--dataset", "mnist", "--data", str(small_mnist),
                 "--epochs", "2", "--seed", "3", "--out", out, "--json"])  # fmt: skip
    assert code == 0
    from_cli = json.loads(capsys.readouterr().out.splitlines()[-1])["test_accuracy"]
    assert in_panel == from_cli


def test_the_form_is_train_configs_fields_with_its_defaults(window):
    """Every option TrainConfig offers is in the form (the loss and label smoothing among
    them), starting from TrainConfig's own defaults; D2L Book Settings is TrainConfig.book()."""
    from dataclasses import fields

    from lenet_desktop.training.loop import TrainConfig
    from lenet_desktop.ui.training.panel import TrainingPanel

    settings = QSettings(window.settings.fileName() + ".fresh", QSettings.Format.IniFormat)
    fresh = TrainingPanel(window.training_session, settings)
    form = fresh.form
    offered = {f.name for f in fields(TrainConfig) if f.metadata.get("form", True)}
    assert set(form.widgets) == offered and {"loss", "label_smoothing"} <= offered
    defaults = TrainConfig()
    for name, value in form.values().items():
        expected = getattr(defaults, name)
        assert value == (defaults.learning_rate if expected is None else expected), name
    form.widgets["loss"].setCurrentIndex(form.widgets["loss"].findData("map"))
    fresh.book_settings()
    book = TrainConfig.book()
    assert all(form.value(n) == getattr(book, n) for n in offered - {"seed"})
    fresh.deleteLater()


def test_remembered_options_that_are_off_give_way_to_the_defaults(window, tmp_path):
    from lenet_desktop.training.loop import TrainConfig
    from lenet_desktop.ui.training.panel import TrainingPanel

    settings = QSettings(str(tmp_path / "edited.ini"), QSettings.Format.IniFormat)
    for key, value in {"epochs": "many", "batch_size": 1, "holdout": 5.0, "lr": "nan",
                       "optimizer": "lbfgs", "architecture": str(tmp_path / "gone.toml"),
                       "augment": "perhaps", "label_smoothing": 2, "seed": 1.5,
                       "loss": "hinge", "momentum": "0.5"}.items():  # fmt: skip
        settings.setValue(f"training/{key}", value)
    panel = TrainingPanel(window.training_session, settings)
    values, defaults = panel.form.values(), TrainConfig()
    assert values["momentum"] == 0.5  # a good value is kept
    for name in ("epochs", "batch_size", "holdout", "optimizer", "architecture", "augment",
                 "label_smoothing", "seed", "loss"):  # fmt: skip
        assert values[name] == getattr(defaults, name), name
    assert values["lr"] == defaults.learning_rate
    panel.deleteLater()


def test_the_recipe_box_says_what_was_changed_after_it(window, panel):
    """Issue 28, row 15: after the Book recipe, a changed option shows in the recipe box (the
    note of the old "D2L Book Settings" button stayed whatever was changed)."""
    panel.form.apply_recipe("book")
    assert panel.form.widgets["recipe"].currentText() == "Book (the chapter's settings)"
    panel.form.widgets["epochs"].setValue(3)
    assert panel.form.widgets["recipe"].currentText().endswith("changed: Epochs")
    panel.form.widgets["epochs"].setValue(10)
    assert panel.form.widgets["recipe"].currentText() == "Book (the chapter's settings)"


def test_another_datasets_folder_does_not_stay_when_the_dataset_changes(window, panel,
                                                                        monkeypatch):  # fmt: skip
    """MNIST's folder holds files of the same names as Fashion-MNIST's: switching the dataset
    with no folder found for it empties the folder (never trains digits as garments)."""
    import lenet_desktop.data.datasets as datasets

    assert panel.form.folder_edit.text()  # the MNIST subset's
    monkeypatch.setattr(datasets, "find_folder", lambda info, preferred=None: None)
    panel.form.widgets["dataset"].setCurrentIndex(
        panel.form.widgets["dataset"].findData("fashion-mnist")
    )
    assert panel.form.folder_edit.text() == ""
    panel.form.download_box.setChecked(False)
    assert not panel.start() and "Choose the dataset folder" in panel.status.message.text()


def test_a_language_switch_says_the_results_and_the_messages_again(
    window, panel, qtbot, small_mnist
):
    """Issue 37: what was said before a switch to Chinese is said again in Chinese — the
    Results tab of a cancelled run, the message under the bar, the bar's word."""
    from lenet_desktop.ui.app import install_translator

    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(50)
    with qtbot.waitSignal(panel.ended, timeout=60_000):
        panel.start()
        qtbot.waitUntil(lambda: panel.training.progress is not None, timeout=60_000)
        panel.cancel()
    message = panel.status.message.text()
    assert "Training cancelled after 0 of 50 epochs" in message
    assert "s of training" in message and "after Cancel was pressed" in message
    try:
        install_translator("zh_CN")
        qtbot.waitUntil(lambda: "取消" in panel.results.result_label.text(), timeout=5000)
        assert "训练在完成" in panel.status.message.text()
        assert panel.status.progress.format() != "cancelled"
    finally:
        install_translator("en")
    qtbot.waitUntil(
        lambda: panel.results.result_label.text().startswith("The run was cancelled after 0 of 50"),
        timeout=5000,
    )


def test_the_estimate_tells_one_epoch_from_three(window, panel, qtbot, small_mnist):
    panel.form.folder_edit.setText(str(small_mnist))
    estimate = panel.estimate
    panel.form.widgets["epochs"].setValue(1)
    qtbot.waitUntil(lambda: "1 epoch on" in estimate.label.text(), timeout=60_000)
    one = estimate.seconds
    panel.form.widgets["epochs"].setValue(3)
    qtbot.waitUntil(lambda: "3 epochs on" in estimate.label.text(), timeout=60_000)
    assert estimate.seconds > one
    assert "1 epochs" not in estimate.label.text()
