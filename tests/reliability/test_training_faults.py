"""Faults around training: damaged datasets, cancels at random moments, absurd learning rates,
folders that cannot be written and a disk that fills up while saving. Each ends with a plain
message; the model in use and any model file already on disk stay as they were."""

from __future__ import annotations

import errno
import gzip
import os
import random
import shutil
import struct

import pytest
from helpers.strokes import stroke
from reliability.test_hostile_images import SEVEN

from lenet_desktop.cli import main
from lenet_desktop.files.model_files import load_model


def damage(folder, fault: str) -> str:
    """Damage a copy of the MNIST subset; returns the file the message must name."""
    labels = folder / "train-labels-idx1-ubyte.gz"
    images = folder / "train-images-idx3-ubyte.gz"
    if fault == "missing":
        labels.unlink()
        return "train-labels-idx1-ubyte"
    if fault == "truncated-gzip":
        data = images.read_bytes()
        images.write_bytes(data[: len(data) // 3])
        return images.name
    if fault == "wrong-magic":
        raw = bytearray(gzip.decompress(labels.read_bytes()))
        raw[:4] = struct.pack(">I", 2051)  # an image file's magic in a label file
        labels.write_bytes(gzip.compress(bytes(raw)))
        return labels.name
    if fault == "count-mismatch":
        raw = gzip.decompress(labels.read_bytes())
        labels.write_bytes(gzip.compress(raw[: 8 + 5000]))  # 5000 labels for 8000 images
        return labels.name
    raise AssertionError(fault)


FAULTS = ["missing", "truncated-gzip", "wrong-magic", "count-mismatch"]


@pytest.fixture
def broken_copy(tmp_path, mnist_dir):
    def make(fault):
        folder = tmp_path / fault
        shutil.copytree(mnist_dir, folder)
        return folder, damage(folder, fault)

    return make


@pytest.mark.parametrize("fault", FAULTS)
def test_a_damaged_dataset_is_named_before_training_starts(window, panel, qtbot, broken_copy,
                                                          fault):  # fmt: skip
    folder, named = broken_copy(fault)
    before = window.session.predictor
    panel.form.folder_edit.setText(str(folder))
    with qtbot.waitSignal(panel.ended, timeout=60_000) as ended:
        panel.start()
    assert ended.args == ["failed"]
    assert named in panel.status.message.text(), panel.status.message.text()
    assert panel.training.progress is None  # not a single step ran
    assert window.session.predictor is before


@pytest.mark.parametrize("fault", FAULTS)
def test_train_command_names_the_damaged_file(broken_copy, tmp_path, capsys, fault):
    folder, named = broken_copy(fault)
    out = tmp_path / "new.safetensors"
    code = main(
        ["train", "--dataset", "mnist", "--data", str(folder), "--epochs", "1", "--out", str(out)]
    )
    assert code == 1
    assert named in capsys.readouterr().err
    assert not out.exists()


def test_cancelling_at_random_moments_many_times(window, panel, qtbot):
    before = window.session.predictor
    stroke(window.canvas, SEVEN[0])
    label = window.session.prediction.label
    panel.form.widgets["epochs"].setValue(50)
    moments = random.Random(8).sample(range(0, 1500), 8)  # milliseconds after starting
    for moment in [0, *moments]:
        assert panel.start()
        qtbot.wait(moment)
        panel.column.cancel_button.click()
        qtbot.waitUntil(lambda: not panel.busy, timeout=3000)
        assert panel.worker_thread.isFinished()
        assert window.session.predictor is before  # the live view's snapshots are undone
        assert panel.column.train_button.isEnabled()
        window.session.refresh()  # the window is usable
        assert window.session.prediction.label == label


def test_an_absurd_learning_rate_is_stopped_with_a_reason(window, panel, qtbot):
    before = window.session.predictor
    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("lenet5")
    )
    panel.form.widgets["optimizer"].setCurrentIndex(panel.form.widgets["optimizer"].findData("sgd"))
    panel.form.widgets["lr"].setValue(panel.form.widgets["lr"].maximum())
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        panel.start()
    assert ended.args == ["failed"]
    assert "learning rate" in panel.status.message.text()
    assert window.session.predictor is before


def test_train_command_refuses_an_unwritable_output_before_training(tmp_path, capsys, mnist_dir):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for out in (a_file / "model.safetensors", tmp_path / "gone" / "model.safetensors", tmp_path):
        code = main(
            [
                "train",
                "--dataset",
                "mnist",
                "--data",
                str(mnist_dir),
                "--epochs",
                "1",
                "--out",
                str(out),
            ]
        )
        assert code == 1
        err = capsys.readouterr().err
        assert "cannot" in err or "no such folder" in err, err
        assert "epoch" not in err  # refused before any training


class DiskFull:
    """A file whose writes stop half-way with ENOSPC, as on a full disk."""

    def __init__(self, real):
        self.real = real

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()

    def write(self, data):
        self.real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_saving_never_damages_the_previous_file(window, panel, qtbot, tmp_path, monkeypatch):
    import lenet_desktop.files.model_files as model_files

    panel.form.widgets["epochs"].setValue(1)
    with qtbot.waitSignal(panel.ended, timeout=180_000) as ended:
        panel.start()
    assert ended.args == ["finished"]
    target = tmp_path / "mine.safetensors"
    assert panel.results.save(str(target))
    previous = target.read_bytes()

    real_fdopen = os.fdopen
    monkeypatch.setattr(model_files.os, "fdopen", lambda *a, **k: DiskFull(real_fdopen(*a, **k)))
    assert not panel.results.save(str(target))
    assert "No space left on device" in panel.status.message.text()
    monkeypatch.undo()

    def fsync_fails(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(model_files.os, "fsync", fsync_fails)
    assert not panel.results.save(str(target))
    monkeypatch.undo()

    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert not panel.results.save(str(a_file / "mine.safetensors"))
    assert "cannot write here" in panel.status.message.text()

    assert target.read_bytes() == previous  # byte for byte
    assert not list(tmp_path.glob(".mine.safetensors*"))  # no temporary file left behind
    assert load_model(target).training["epochs"] == 1
    window.session.refresh()  # still usable
