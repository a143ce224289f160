"""The Exercises tab and the runs that explain themselves, in the real window: an exercise set
up and trained from the tab, its results filled in and compared by name; a diverged run's hint
and one-click fix in English and Chinese; a cancelled run's Results tab; the time estimate;
the Runs tab usable docked at 1280×800."""

from __future__ import annotations

import re

from helpers.texts import english_words
from PySide6.QtWidgets import QApplication

from lenet_desktop.training.recipes import QUICK_BY_FAMILY


def _wait_idle(panel, qtbot) -> None:
    qtbot.waitUntil(lambda: not panel.busy and not panel.training.queue, timeout=240_000)


def test_the_pooling_exercise_is_set_up_trained_filled_in_and_compared(window, panel, qtbot):
    """Max vs average pooling from the Exercises tab: both Quick runs trained (on a slice of
    Fashion-MNIST), the results line filled in from them, the comparison showing both names."""
    view = panel.exercises
    panel.tabs.setCurrentWidget(view)
    view.select("pooling")
    assert view.shown_results.endswith("not trained yet")
    view.recipe_box.setCurrentIndex(view.recipe_box.findData("quick"))
    view.setup_button.click()
    assert (panel.form.value("architecture"), panel.form.value("dataset")) == (
        "d2l",
        "fashion-mnist",
    )
    assert (
        panel.form.recipe == "quick" and panel.form.value("lr") == QUICK_BY_FAMILY["sigmoid"]["lr"]
    )
    panel.form.live_box.setChecked(False)
    view.images_spin.setValue(2000)
    view.train_button.click()
    _wait_idle(panel, qtbot)
    assert panel.training.state.value == "finished", panel.status.message.text()
    names = [run.name for run in panel.runs_view.runs]
    assert names == ["d2l · Quick · 2000 images", "d2l-maxpool · Quick · 2000 images"]
    results = view.shown_results
    assert re.search(r"avg pool \d+\.\d % · max pool \d+\.\d %, 5 epochs each", results), results
    accuracies = [run.accuracy for run in panel.runs_view.runs]
    assert all(a > 0.5 for a in accuracies), accuracies  # Quick learns, even on a slice
    view.compare_button.click()
    comparison = panel.runs_view.comparison
    qtbot.waitExposed(comparison)
    legend = comparison.loss_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == names
    assert all(name in comparison.windowTitle() for name in names)
    assert [c.title.text().split("</span> ")[-1] for c in comparison.columns[:2]] == names
    text = view.export(window.settings.fileName() + ".md").read_text(encoding="utf-8")
    assert "d2l-maxpool · Quick · 2000 images" in text and "Replace average pooling" in text
    comparison.close()


def test_a_diverged_run_says_why_and_fixes_it_in_english_and_chinese(window, panel, qtbot,
                                                                     small_mnist):  # fmt: skip
    from lenet_desktop.ui.app import install_translator

    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("d2l-relu")
    )
    panel.form.apply_recipe("book")
    panel.form.widgets["dataset"].setCurrentIndex(panel.form.widgets["dataset"].findData("mnist"))
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(2)
    panel.form.live_box.setChecked(False)
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        assert panel.start()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert ended.args == ["failed"]
    assert "ReLU networks want a smaller rate — try 0.1" in panel.status.message.text()
    assert "ReLU networks want a smaller rate" in panel.status.hint.text()
    assert panel.status.fix_button.isVisibleTo(panel) and panel.status.fix_button.text() == (
        "Use learning rate 0.1"
    )
    assert panel.results.result_label.text().startswith("The run failed:")
    assert "progress" not in panel.results.result_label.text()
    try:
        install_translator("zh_CN")
        QApplication.processEvents()
        for label in (panel.status.hint, panel.status.fix_button):
            assert not english_words(label.text()), label.text()
            assert "0.1" in label.text()
    finally:
        install_translator("en")
        QApplication.processEvents()
    panel.status.fix_button.click()
    assert panel.form.value("lr") == 0.1 and not panel.status.fix_button.isVisibleTo(panel)


def test_a_sigmoid_run_at_chance_offers_the_quick_recipe(window, panel, qtbot, small_mnist):
    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("d2l-maxpool")
    )
    panel.form.apply_recipe("book")
    panel.form.widgets["dataset"].setCurrentIndex(panel.form.widgets["dataset"].findData("mnist"))
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(1)
    panel.form.live_box.setChecked(False)
    with qtbot.waitSignal(panel.ended, timeout=120_000):
        assert panel.start()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert "sigmoid networks learn slowly at first" in panel.status.hint.text()
    assert panel.status.fix_button.text() == "Use the Quick recipe"
    assert panel.runs_view.table.item(0, 7).text() == "at chance"
    panel.status.fix_button.click()
    assert panel.form.recipe == "quick" and panel.form.value("optimizer") == "adamw"
    assert panel.form.value("architecture") == "d2l-maxpool"


def test_after_a_cancel_the_results_tab_says_so(window, panel, qtbot, mnist_dir):
    panel.form.widgets["epochs"].setValue(50)
    panel.form.live_box.setChecked(False)
    with qtbot.waitSignal(panel.status.progress.valueChanged, timeout=60_000):
        assert panel.start()
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        panel.cancel()
    assert ended.args == ["cancelled"]
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    text = panel.results.result_label.text()
    assert text.startswith("The run was cancelled after 0 of 50 epochs"), text


def test_the_time_is_estimated_before_train(window, panel, qtbot):
    panel.form.widgets["epochs"].setValue(2)
    qtbot.waitUntil(
        lambda: panel.estimate.label.text().startswith("Estimated time"), timeout=30_000
    )
    short = panel.estimate.seconds
    assert "× 2 epochs" in panel.estimate.label.text()
    panel.form.widgets["epochs"].setValue(20)
    qtbot.waitUntil(lambda: "× 20 epochs" in panel.estimate.label.text(), timeout=30_000)
    assert panel.estimate.seconds > 5 * short


def test_the_runs_tab_is_usable_docked_at_1280x800(window, panel, qtbot, small_mnist):
    """Docked, the runs list shows several rows (the charts are in their own window)."""
    window.resize(1280, 800)
    panel.tabs.setCurrentWidget(panel.runs_view)
    QApplication.processEvents()
    table = panel.runs_view.table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows >= 4, rows
    assert panel.runs_view.compare_button.isVisibleTo(window)


def test_the_sweater_and_coat_exercise_is_set_up_in_the_main_view(window, panel, qtbot):
    """The chapter's last exercise is one to look at: Set Up opens the Fashion-MNIST model with
    a random pullover pinned and a coat beside it, in the Feature maps tab."""
    view = panel.exercises
    view.select("activations")
    assert not view.train_button.isVisible()
    with qtbot.waitSignal(window.session.pinned_changed, timeout=30_000):
        view.setup_button.click()
    qtbot.waitUntil(lambda: window.session.result.input is not None, timeout=10_000)
    model = window.session.model
    assert model.dataset.name == "fashion-mnist"
    classes = model.dataset.classes
    assert window.session.pinned.input.label == classes.index("Pullover")
    assert window.session.result.input.label == classes.index("Coat")
    assert window.tabs.currentWidget() is window.maps
