"""Memory is estimated before it is spent (issue 24, case 8): a network whose activations and
gradients at the chosen batch size would pass a quarter of the machine's memory is refused by
`train`, with the estimate, before anything is allocated."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lenet_desktop.specs import SpecError, spec_from_toml
from lenet_desktop.specs.planning import check_memory, memory_budget, training_memory

WIDE = """
[[layers]]
type = "conv"
channels = 4096
kernel = 3
padding = 1
[[layers]]
type = "relu"
[[layers]]
type = "flatten"
[[layers]]
type = "linear"
features = 10
"""


def test_the_estimate_counts_activations_gradients_and_parameters():
    spec = spec_from_toml(WIDE)
    one = training_memory(spec, 1, 10)
    # C1 and its ReLU: 4096×28×28 values each, twice (value and gradient), float32
    assert one > 4 * 2 * 2 * 4096 * 28 * 28
    assert training_memory(spec, 256, 10) > 20 * one


def test_a_4096_channel_spec_is_refused_with_the_estimate():
    with pytest.raises(SpecError, match=r"needs about [\d,]+ MB of memory") as caught:
        check_memory(spec_from_toml(WIDE), 256, 10)
    assert caught.value.index == 0  # the editor marks C1's row
    assert check_memory(spec_from_toml(WIDE), 1, 10) <= memory_budget()


def test_train_refuses_it_with_exit_2_and_no_traceback(tmp_path, mnist_dir):
    spec = tmp_path / "wide.toml"
    spec.write_text(WIDE)
    out = tmp_path / "wide.safetensors"
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "train", "--dataset", "mnist", "--data",
         str(mnist_dir), "--arch", str(spec), "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "MB of memory" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_the_editor_marks_the_layer_that_would_not_fit(window, tmp_path):
    path = tmp_path / "wide.toml"
    path.write_text(WIDE)
    editor = window.editor
    editor.open(path)
    assert editor.error is not None and editor.error.index == 0
    assert "MB of memory" in editor.message.text()
    assert not editor.train_button.isEnabled()
