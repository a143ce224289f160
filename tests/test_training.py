"""The training loop on real data: it learns, it stops when asked, it never keeps a bad model."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from lenet_desktop.data.datasets import DATASETS, Split
from lenet_desktop.training.batches import augment_batch
from lenet_desktop.training.loop import TrainConfig, TrainingCancelled, TrainingFailed, train


def small(split: Split, n: int) -> Split:
    return Split(split.images[:n], split.labels[:n])


def test_a_short_run_beats_chance_by_far(mnist_splits):
    train_split, test_split = mnist_splits
    seen = []
    result = train(
        TrainConfig(dataset="mnist", epochs=2, seed=0),
        train_split,
        test_split,
        progress=seen.append,
    )
    assert result.evaluation.accuracy > 0.9  # chance is 0.1
    assert result.evaluation.count == 2000
    steps = [p for p in seen if p.phase == "step"]
    epochs = [p for p in seen if p.phase == "epoch"]
    assert [p.epoch for p in epochs] == [1, 2]
    assert [(p.epoch, p.step) for p in steps] == sorted((p.epoch, p.step) for p in steps)
    per_epoch = 7600 // 256  # 5 % of the 8,000 kept out to calibrate
    # at most 20 reports a second, and always each epoch's first and last step
    assert {(1, 1), (1, per_epoch), (2, 1), (2, per_epoch)} <= {(p.epoch, p.step) for p in steps}
    assert len(steps) <= 2 * per_epoch and all(p.steps == per_epoch for p in steps)
    assert all(p.samples_per_s > 0 for p in steps)
    assert epochs[-1].test_accuracy == result.evaluation.accuracy
    # The temperature was fitted on the 400 held-out training images, never the test split.
    assert result.bundle.training["holdout_size"] == 400
    assert result.bundle.temperature == pytest.approx(
        result.bundle.training["temperature"], abs=1e-4
    )
    assert result.bundle.temperature != 1.0
    # (the temperature minimises the held-out NLL, not the ECE: over 400 images the ECE may
    # move by an image or two either way — CI once saw 1.08 % → 1.26 %)
    before, after = (result.bundle.training[f"holdout_ece_{k}"] for k in ("before", "after"))
    assert after <= before + 0.005, (before, after)
    assert result.bundle.training["test_accuracy"] == result.evaluation.accuracy
    assert [h["epoch"] for h in result.history] == [1, 2]


@pytest.mark.parametrize("architecture", ["d2l", "lenet5"])
def test_other_architectures_learn(mnist_splits, architecture):
    train_split, test_split = mnist_splits
    config = TrainConfig(
        dataset="mnist",
        architecture=architecture,
        epochs=3,
        batch_size=128,
        optimizer="adam",
        lr=1e-2,
        augment=False,
    )
    result = train(config, train_split, small(test_split, 500))
    assert result.evaluation.accuracy > 0.6


def test_cancel_stops_within_one_step(mnist_splits):
    train_split, test_split = mnist_splits
    steps = []
    calls = 0

    def should_stop():
        nonlocal calls
        calls += 1
        return calls > 5

    with pytest.raises(TrainingCancelled):
        train(
            TrainConfig(dataset="mnist", epochs=3),
            train_split,
            test_split,
            progress=lambda p: steps.append(p) if p.phase == "step" else None,
            should_stop=should_stop,
        )
    assert calls == 6  # asked before every step: five steps ran, the sixth did not
    assert steps and max(p.step for p in steps) <= 5


def test_nan_loss_is_a_clear_failure(mnist_splits):
    train_split, test_split = mnist_splits
    config = TrainConfig(dataset="mnist", epochs=1, optimizer="sgd", lr=1e6)
    with pytest.raises(TrainingFailed, match="(NaN|infinite).*learning rate"):
        train(config, small(train_split, 2048), small(test_split, 100))


def test_augmentation_keeps_shape_range_and_ink():
    images = torch.zeros(64, 1, 28, 28)
    images[:, :, 8:20, 10:18] = 1.0
    generator = torch.Generator().manual_seed(0)
    for strength in (info.augmentation for info in DATASETS):
        out = augment_batch(images, generator, strength)
        assert out.shape == images.shape
        assert out.min() >= 0 and out.max() <= 1
        ink = out.sum((1, 2, 3)) / images.sum((1, 2, 3))
        thin, thick = strength.stroke  # a thinner pen loses ink, a thicker one gains it
        low, high = 0.7 * (1 + min(thin, 0.0)), 1.4 * (1 + max(thick, 0.0))
        assert ((ink > low) & (ink < high)).all()  # moved, scaled and re-inked, not lost
        assert not torch.equal(out[0], out[1])


def test_stroke_width_augmentation_thins_and_thickens():
    import dataclasses

    from lenet_desktop.data.datasets import NO_AUGMENTATION

    images = torch.zeros(8, 1, 28, 28)
    images[:, :, 8:20, 12:15] = 1.0  # a 3 px stroke
    generator = torch.Generator().manual_seed(0)
    thicker = augment_batch(images, generator, dataclasses.replace(NO_AUGMENTATION, stroke=(1, 1)))
    thinner = augment_batch(
        images, generator, dataclasses.replace(NO_AUGMENTATION, stroke=(-1, -1))
    )
    assert (thicker > 0.5).sum((1, 2, 3)).min() > 1.5 * 36  # 5 px wide (and taller)
    assert (thinner > 0.5).sum((1, 2, 3)).max() < 0.5 * 36  # 1 px wide


def test_bad_options_are_refused():
    with pytest.raises(ValueError):
        TrainConfig(architecture="vgg")
    with pytest.raises(ValueError):
        TrainConfig(epochs=0)
    with pytest.raises(ValueError):
        TrainConfig(lr=-1.0)
    with pytest.raises(ValueError):
        TrainConfig(dataset="cifar10")


RANGED = [f for f in dataclasses.fields(TrainConfig) if "range" in f.metadata]


@pytest.mark.parametrize("item", RANGED, ids=[f.name for f in RANGED])
def test_every_range_is_the_one_the_form_offers(item):
    """One home for every range (issue 41): the form's bounds are the option's ``range``, and a
    run is refused just outside it and accepted at both ends."""
    low, high = item.metadata["range"]
    for value in (low, high):
        assert getattr(TrainConfig(**{item.name: value}), item.name) == value
    step = 1 if isinstance(low, int) else max(abs(low), abs(high)) * 1e-3
    for value in (low - step, high + step):
        with pytest.raises(ValueError, match=rf"{item.name.replace('_', ' ')} must be from"):
            TrainConfig(**{item.name: value})


@pytest.mark.parametrize("images", [512, 1024, 2048])
def test_very_short_runs_train(mnist_splits, images):
    train_split, test_split = mnist_splits
    result = train(
        TrainConfig(dataset="mnist", epochs=1), small(train_split, images), small(test_split, 100)
    )
    assert 0.0 <= result.evaluation.accuracy <= 1.0
