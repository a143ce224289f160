"""The D2L chapter's own run: plain SGD (momentum 0) at a constant 0.9, batches of 256, 10 epochs,
Xavier-initialised weights, no augmentation, no weight decay, on the whole training split."""

from __future__ import annotations

import json
import math
import os

import pytest
import torch

from lenet_desktop.cli import main, parse_arguments
from lenet_desktop.data.datasets import Split
from lenet_desktop.nn.models import build_model, initialize_weights
from lenet_desktop.training import loop as training
from lenet_desktop.training.loop import BOOK_SETTINGS, TrainConfig, train


def test_the_book_settings_are_the_books():
    config = TrainConfig.book()
    assert config.dataset == "fashion-mnist"
    assert (config.architecture, config.optimizer, config.momentum, config.lr) == (
        "d2l", "sgd", 0.0, 0.9,
    )  # fmt: skip
    assert (config.schedule, config.batch_size, config.epochs, config.init) == (
        "constant", 256, 10, "xavier",
    )  # fmt: skip
    assert (config.augment, config.weight_decay, config.holdout) == (False, 0.0, 0.0)
    # the command line's --book gives the same, and options given beside it still count
    argv = ["train", "--dataset", "fashion-mnist", "--data", ".", "--out", "x", "--book"]
    args = parse_arguments(argv)[1]
    assert {k: getattr(args, k) for k in BOOK_SETTINGS} == BOOK_SETTINGS
    assert parse_arguments([*argv, "--epochs", "3"])[1].epochs == 3
    # --recipe book is the same, for any network
    relu = parse_arguments([*argv[:-1], "--recipe", "book", "--arch", "d2l-relu"])[1]
    assert (relu.architecture, relu.lr, relu.optimizer, relu.recipe) == (
        "d2l-relu",
        0.9,
        "sgd",
        "book",
    )


def test_plain_sgd_at_a_constant_rate():
    config = TrainConfig.book()
    network = build_model("d2l")
    optimizer = training._optimizer(config, network)
    group = optimizer.param_groups[0]
    assert (group["momentum"], group["nesterov"], group["lr"], group["weight_decay"]) == (
        0.0, False, 0.9, 0.0,
    )  # fmt: skip
    scheduler = training._scheduler(config, optimizer, total_steps=100)
    rates = []
    for _ in range(100):
        optimizer.step()
        scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
    assert set(rates) == {0.9}
    # the default recipes keep Nesterov momentum 0.9
    group = training._optimizer(TrainConfig(optimizer="sgd"), network).param_groups[0]
    assert (group["momentum"], group["nesterov"]) == (0.9, True)


def xavier_std(weight: torch.Tensor) -> float:
    """The standard deviation of Xavier's uniform distribution for ``weight``."""
    receptive = weight[0, 0].numel() if weight.dim() > 2 else 1
    fan_in, fan_out = weight.shape[1] * receptive, weight.shape[0] * receptive
    return math.sqrt(6.0 / (fan_in + fan_out)) / math.sqrt(3.0)


def test_a_book_run_starts_from_xavier_weights(mnist_splits):
    train_split, test_split = mnist_splits
    tiny = Split(train_split.images[:256], train_split.labels[:256])
    test = Split(test_split.images[:64], test_split.labels[:64])
    # one step at a negligible rate: the weights are still the ones it started from
    result = train(TrainConfig.book(dataset="mnist", epochs=1, lr=1e-5), tiny, test)
    network = result.bundle.network
    for name in ("C3", "F5", "F6"):
        weight = getattr(network, name).weight.detach()
        assert weight.std().item() == pytest.approx(xavier_std(weight), rel=0.08), name
    # PyTorch's default draws F5 (400 → 120) with a far smaller spread: ±1/√400
    default = build_model("d2l").F5.weight.detach()
    assert default.std().item() < 0.6 * xavier_std(default)
    again = initialize_weights(build_model("d2l"), "xavier").F5.weight.detach()
    assert again.std().item() == pytest.approx(xavier_std(again), rel=0.05)


@pytest.mark.slow
def test_the_books_run_on_fashion_mnist_ends_between_70_and_86_percent(
    capsys, tmp_path, fashion_dir, request
):
    """Minutes on a GPU, a quarter of an hour on a laptop's CPU: runs when asked for
    (``pytest -m slow`` or ``LENET_SLOW=1``)."""
    if "slow" not in (request.config.option.markexpr or "") and not os.environ.get("LENET_SLOW"):
        pytest.skip("the book's full run: ask for it with -m slow or LENET_SLOW=1")
    argv = ["train", "--book", "--dataset", "fashion-mnist", "--data", str(fashion_dir)]
    code = main([*argv, "--json", "--out", str(tmp_path / "book.safetensors")])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["epoch"] for line in lines[:-1]] == list(range(1, 11))
    assert 0.70 <= lines[-1]["test_accuracy"] <= 0.86
