"""Runs kept and compared in the Training panel: two short runs appear in the list after the
window is opened again, named by what they changed; their comparison window overlays their loss
(per step) and accuracy, shows their matrices and kernels side by side under their names; they
can be renamed, exported, opened and deleted."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from lenet_desktop.ui.main_window import MainWindow


def _run(panel, qtbot) -> None:
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        assert panel.start(), panel.status.message.text()
    assert ended.args == ["finished"]
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)  # the worker thread has ended


def test_two_runs_are_kept_across_a_restart_and_compared(
    window, panel, qtbot, small_mnist, settings, tmp_path
):
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(2)
    panel.form.live_box.setChecked(False)
    _run(panel, qtbot)
    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("d2l")
    )
    _run(panel, qtbot)
    assert len(panel.runs_view.runs) == 2

    # A new window (as after a restart) lists both.
    again = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.ready, timeout=30_000):
        again.finish_startup()
    view = again.training.runs_view
    assert [r.architecture for r in view.runs] == ["modern", "d2l"]

    # named by what changed from the defaults
    assert [r.name for r in view.runs] == ["modern · 2 epochs", "d2l · 2 epochs"]

    view.tick([r.id for r in view.runs])
    comparison = view.open_comparison()
    qtbot.waitExposed(comparison)
    items = comparison.loss_plot.getPlotItem().listDataItems()
    steps = len(view.runs[0].curve)
    assert steps >= 6  # per step: a point for each of the 3 steps of each epoch
    assert len(items) == 2 and all(len(i.getData()[0]) == steps for i in items)
    assert len(comparison.acc_plot.getPlotItem().listDataItems()) == 2
    for column, run in zip(comparison.columns, view.runs, strict=False):
        assert column.isVisibleTo(comparison) and column.matrix.rowCount() == 10
        assert run.name in column.title.text()
        assert len(column.kernels.bands) == 1 and run.name in column.kernels.bands[0].title
    assert not comparison.columns[2].isVisibleTo(comparison)
    assert "Training loss" in comparison.loss_plot.getPlotItem().titleLabel.text

    # The legend shows the names the learner gives.
    view.table.item(1, 0).setText("sigmoid and average pooling")
    assert view.runs[1].name == "sigmoid and average pooling"
    legend = comparison.loss_plot.getPlotItem().legend
    assert "sigmoid and average pooling" in [label.text for _, label in legend.items]

    text = view.export_csv(tmp_path / "runs.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["architecture"] for r in rows] == ["modern", "d2l"]

    view.table.selectRow(1)
    with qtbot.waitSignal(again.session.model_changed, timeout=10_000):
        view.open_selected()
    assert again.session.model.architecture == "d2l"

    view.delete([view.runs[0].id])
    assert [r.architecture for r in view.runs] == ["d2l"]
    assert view.table.item(0, 0).checkState() == Qt.CheckState.Checked
    again.close()
