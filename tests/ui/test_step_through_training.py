"""Issue 38: every epoch of a run kept, and the window steps through them — the probabilities
of a fixed drawing are those `lenet-desktop predict --model RUN --epoch K` prints, the kernels
are that epoch's, the curves mark it, and leaving the slider gives the learner's model back."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers.drawing import redraw

from lenet_desktop.cli import main
from lenet_desktop.files.model_files import load_model

RESULTS_TAB, RUNS_TAB = 2, 3


@pytest.fixture
def seven_file(tmp_path, mnist_splits):
    _, test = mnist_splits
    index = int(np.flatnonzero(test.labels.numpy() == 7)[0])
    path = tmp_path / "seven.png"
    redraw(test.images[index].numpy(), canvas=(400, 400), size=280, centre=(200, 200)).save(path)
    return path


@pytest.fixture
def trained(window, panel, qtbot, small_mnist):
    """A 3-epoch run of the panel, finished, its Results tab shown."""
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(3)
    with qtbot.waitSignal(panel.ended, timeout=180_000) as ended:
        assert panel.start()
    assert ended.args == ["finished"]
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert panel.tabs.currentIndex() == RESULTS_TAB
    return panel.training.outcome.run


def predicted(capsys, run, epoch, image) -> list[float]:
    argv = ["predict", "--model", run.id, "--epoch", str(epoch), "--json", str(image)]
    assert main(argv) == 0
    return list(json.loads(capsys.readouterr().out)["probabilities"].values())


def test_the_slider_shows_each_epoch_as_predict_reads_it(
    window, panel, qtbot, trained, seven_file, capsys
):
    assert trained.epochs_kept == 4
    before = window.session.predictor
    assert window.inputs.open_image(str(seven_file))
    stepper = panel.results.epochs
    assert stepper.slider.isEnabled() and stepper.slider.maximum() == 3
    for epoch in (0, 1, 2, 3):
        stepper.slider.setValue(epoch)
        if epoch == 3:  # the slider starts at the last epoch: ▶ there shows it
            stepper.step(1)
        shown = window.chart.values
        expected = predicted(capsys, trained, epoch, seven_file)
        assert np.allclose(shown, expected, atol=1e-6), epoch
        # the kernels tab shows that epoch's kernels
        weights = load_model(trained.epoch_path(epoch)).network.state_dict()["C1.weight"]
        stack, _ = window.kernels._kernels["C1"]
        assert np.allclose(stack.reshape(weights.shape), weights.numpy())
        # labelled in the answer area, marked on the curves, said by the slider
        assert f"Epoch {epoch} of 3" in window.answer.answer.text()
        assert f"Epoch {epoch} of 3" in stepper.label.text()
        assert all(m.isVisible() and m.value() == epoch for m in panel.curves.marks)
    # a kernel's history: every epoch side by side, the shown one framed
    dialog = window.kernels.enlarge(("C1", 0, 2, 0, 0))
    assert type(dialog).__name__ == "KernelHistoryDialog"
    assert [epoch for epoch, _ in dialog.strip.history] == [0, 1, 2, 3]
    assert dialog.strip.shown == 3
    dialog.close()
    # leaving the slider (another tab) gives the learner's model back
    panel.tabs.setCurrentIndex(0)
    assert window.session.predictor is before
    assert "Epoch" not in window.answer.answer.text()
    assert not any(m.isVisible() for m in panel.curves.marks)
    # and the enlarged kernel is a kernel again
    dialog = window.kernels.enlarge(("C1", 0, 2, 0, 0))
    assert type(dialog).__name__ == "MapDialog"
    dialog.close()


def test_play_and_back_to_my_model(window, panel, qtbot, trained):
    before = window.session.predictor
    stepper = panel.results.epochs
    stepper.play_button.click()
    qtbot.waitUntil(lambda: not stepper.play_button.isChecked(), timeout=10_000)
    assert stepper.slider.value() == 3 and window.session.model.training["live"]["epoch"] == 3
    stepper.step(-1)
    assert window.session.model.training["live"]["epoch"] == 2
    assert stepper.leave_button.isEnabled()
    stepper.leave_button.click()
    assert window.session.predictor is before and not stepper.leave_button.isEnabled()


def test_the_runs_tab_steps_through_a_kept_run(window, panel, qtbot, trained):
    before = window.session.predictor
    panel.tabs.setCurrentIndex(RUNS_TAB)
    runs = panel.runs_view
    row = [run.id for run in runs.runs].index(trained.id)
    runs.table.selectRow(row)
    assert runs.epochs.run is not None and runs.epochs.run.id == trained.id
    runs.epochs.slider.setValue(1)
    assert window.session.model.training["live"]["epoch"] == 1
    assert panel.curves.run_id == trained.id
    # choosing another model while stepping: it stays, and the stepping ends
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load("fashion-mnist")
    assert panel.training.shown is None and not runs.epochs.leave_button.isEnabled()
    panel.tabs.setCurrentIndex(0)
    assert window.session.model.dataset.name == "fashion-mnist"
    assert window.session.predictor is not before


def test_a_run_without_epochs_says_so(window, panel, trained):
    import shutil

    shutil.rmtree(trained.folder / "epochs")
    panel.training.refresh_runs()
    panel.tabs.setCurrentIndex(RUNS_TAB)
    runs = panel.runs_view
    runs.table.selectRow([run.id for run in runs.runs].index(trained.id))
    assert not runs.epochs.slider.isEnabled()
    assert "none kept" in runs.epochs.label.text()


def test_a_damaged_epoch_is_said_not_raised(window, panel, trained):
    before = window.session.predictor
    trained.epoch_path(1).write_bytes(b"\x00" * 64)
    panel.results.epochs.slider.setValue(1)
    assert window.session.predictor is before
    assert "epoch-001.safetensors" in panel.status.message.text()
    panel.results.epochs.slider.setValue(2)  # the others still step
    assert window.session.model.training["live"]["epoch"] == 2
