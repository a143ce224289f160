"""Runs kept and compared in the Training panel: two short runs appear in the list after the
window is opened again, overlay in one chart, show their matrices and kernels side by side,
and can be renamed, exported, opened and deleted."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from lenet_desktop.ui.main_window import MainWindow


def _run(panel, qtbot) -> None:
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        assert panel.start(), panel.message.text()
    assert ended.args == ["finished"]
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)  # the worker thread has ended


def test_two_runs_are_kept_across_a_restart_and_compared(
    window, panel, qtbot, small_mnist, settings, tmp_path
):
    panel.folder_edit.setText(str(small_mnist))
    panel.epochs_spin.setValue(2)
    panel.live_box.setChecked(False)
    _run(panel, qtbot)
    panel.arch_box.setCurrentIndex(panel.arch_box.findData("d2l"))
    _run(panel, qtbot)
    assert len(panel.runs_view.runs) == 2

    # A new window (as after a restart) lists both.
    again = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.ready, timeout=30_000):
        again.finish_startup()
    view = again.training.runs_view
    assert [r.architecture for r in view.runs] == ["modern", "d2l"]

    view.tick([r.id for r in view.runs])
    items = view.loss_plot.getPlotItem().listDataItems()
    assert len(items) == 2 and all(len(i.getData()[0]) == 2 for i in items)
    assert len(view.acc_plot.getPlotItem().listDataItems()) == 2
    assert view.pair.isVisibleTo(view) and view.pair_matrices[1].rowCount() == 10
    assert len(view.pair_kernels.bands) == 2

    # The legend shows the names the learner gives.
    view.table.item(1, 0).setText("sigmoid and average pooling")
    assert view.runs[1].name == "sigmoid and average pooling"
    legend = view.loss_plot.getPlotItem().legend
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
