"""Temperature scaling and the calibration measures, on the shipped models' real logits."""

from __future__ import annotations

import pytest
import torch

from lenet_desktop.analysis.calibration import (
    calibration,
    draw_reliability,
    fit_temperature,
    logits_of,
)
from lenet_desktop.files.model_files import load_model


def test_ece_and_nll_by_hand():
    # Two images, both predicted class 0 with confidence 0.9 (logit gap ln 9), one right.
    gap = torch.log(torch.tensor(9.0, dtype=torch.float64))
    logits = torch.tensor([[gap, 0.0], [gap, 0.0]], dtype=torch.float64)
    report = calibration(logits, torch.tensor([0, 1]))
    assert report.accuracy == 0.5
    assert report.mean_confidence == pytest.approx(0.9)
    assert report.ece == pytest.approx(0.4)  # one bin: |0.5 − 0.9|
    assert report.nll == pytest.approx(
        (-torch.log(torch.tensor(0.9)) - torch.log(torch.tensor(0.1))).item() / 2, rel=1e-6
    )
    assert sum(b.count for b in report.bins) == 2


def test_a_fitted_temperature_recovers_the_one_that_made_the_data():
    generator = torch.Generator().manual_seed(0)
    true_logits = torch.randn(4000, 10, generator=generator, dtype=torch.float64) * 3
    labels = torch.multinomial(torch.softmax(true_logits, 1), 1, generator=generator).squeeze(1)
    # The "network" is over-confident by a factor 2.5: T should come out near 2.5.
    temperature = fit_temperature(true_logits * 2.5, labels)
    assert temperature == pytest.approx(2.5, rel=0.1)
    before = calibration(true_logits * 2.5, labels)
    after = calibration(true_logits * 2.5, labels, temperature)
    assert after.ece < before.ece and after.nll < before.nll
    assert after.accuracy == before.accuracy  # the top class never changes


def test_the_shipped_model_is_calibrated_on_its_test_split(mnist_splits, tmp_path):
    _, test = mnist_splits
    bundle = load_model("mnist")
    logits = logits_of(bundle.network, test, bundle.dataset.mean, bundle.dataset.std)
    shown = calibration(logits, test.labels, bundle.temperature)
    assert shown.accuracy >= 0.99
    path = draw_reliability({"T = 1": calibration(logits, test.labels), "shipped": shown},
                            tmp_path / "reliability.png")  # fmt: skip
    assert path.stat().st_size > 1000
