"""How long a run will take, before it starts.

:func:`measure_rates` times a few real steps of the very network, batch size, optimiser and
augmentation of a configuration on its device (a fraction of a second), and one evaluation batch;
:func:`estimate_seconds` turns those rates and the dataset's size into the run's wall time, the
evaluation after every epoch included. Nothing is guessed from tables: a rate measured on this
machine holds for this machine.
"""

from __future__ import annotations

import gzip
import math
import time
from dataclasses import dataclass
from pathlib import Path

from lenet_desktop.data.datasets import dataset_info, find_file
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.specs import resolve_spec
from lenet_desktop.specs.geometry import INPUT_SHAPE

# What a run spends besides its steps and evaluations: copying the data to the device,
# calibrating, the final evaluation's reliability figures.
SETUP_S = 1.5
EVAL_BATCH = 1024


@dataclass(frozen=True)
class Rates:
    """Images a second: ``train`` (optimiser steps, augmentation included) and ``evaluate``."""

    train: float
    evaluate: float


def measure_rates(config, seconds: float = 0.25) -> Rates:
    """Time ``config``'s network in training (at least three steps, about ``seconds``) and in
    evaluation, on random images, as :func:`~lenet_desktop.training.loop.train` runs it."""
    import torch  # deferred: NumPy, torch
    import torch.nn.functional as F  # deferred: NumPy, torch

    from lenet_desktop.nn import fast_ops  # deferred: NumPy, torch
    from lenet_desktop.nn.device import resolve_device  # deferred: NumPy, torch
    from lenet_desktop.training.batches import augment_batch  # deferred: NumPy, torch
    from lenet_desktop.training.loop import _optimizer  # deferred: Pillow, NumPy, SciPy, torch

    info = dataset_info(config.dataset)
    device = resolve_device(config.device)
    spec = resolve_spec(config.architecture, len(info.classes))
    network = new_model(spec or config.architecture, info).network.to(device).train()
    optimizer = _optimizer(config, network)
    generator = torch.Generator(device=device).manual_seed(0)
    batch = torch.rand(config.batch_size, *INPUT_SHAPE, generator=generator, device=device)
    target = torch.randint(0, len(info.classes), (config.batch_size,), device=device)

    def step() -> None:
        images = augment_batch(batch, generator, info.augmentation) if config.augment else batch
        loss = F.cross_entropy(fast_ops.forward(network, images), target)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        float(loss.detach())  # waits for the device, as the loop does

    step()  # the first step pays for allocations the others do not
    count, started = 0, time.perf_counter()
    while count < 3 or time.perf_counter() - started < seconds:
        step()
        count += 1
    train_rate = count * config.batch_size / (time.perf_counter() - started)
    network.eval()
    images = torch.rand(EVAL_BATCH, *INPUT_SHAPE, generator=generator, device=device)
    with torch.no_grad():
        network(images)
        started = time.perf_counter()
        float(network(images).sum())
        evaluate_rate = EVAL_BATCH / max(time.perf_counter() - started, 1e-6)
    return Rates(train_rate, evaluate_rate)


def images_per_epoch(config, train_count: int) -> int:
    """The images one epoch steps through: the slice, less the hold-out, in whole batches."""
    images = min(config.train_images or train_count, train_count)
    images -= int(round(images * config.holdout))
    batch = min(config.batch_size, images)
    return (images // batch) * batch if batch > 0 else 0


def estimate_seconds(config, train_count: int, test_count: int, rates: Rates | float) -> float:
    """The wall time of a run of ``config`` on ``train_count`` training and ``test_count``
    test images at ``rates`` (a float: the training rate, evaluation taken as 3× faster)."""
    if not isinstance(rates, Rates):
        rates = Rates(rates, 3 * rates)
    per_epoch = images_per_epoch(config, train_count) / max(rates.train, 1e-9)
    per_epoch += test_count / max(rates.evaluate, 1e-9)
    return SETUP_S + config.epochs * per_epoch


def duration_text(seconds: float) -> tuple[str, dict]:
    """A duration as a template (marked in context ``"durations"``) and its values, rounded as a
    person says it: "about 40 s", "about 3 min", "about 1 h 20 min"."""
    if not math.isfinite(seconds):
        return QT_TRANSLATE_NOOP("durations", "unknown"), {}
    if seconds < 20:  # (a short run: seconds matter, 1 epoch and 3 are told apart)
        return QT_TRANSLATE_NOOP("durations", "about {s} s"), {"s": max(1, round(seconds))}
    if seconds < 90:
        return QT_TRANSLATE_NOOP("durations", "about {s} s"), {"s": max(1, 5 * round(seconds / 5))}
    minutes = round(seconds / 60)
    if minutes < 60:
        return QT_TRANSLATE_NOOP("durations", "about {m} min"), {"m": minutes}
    return QT_TRANSLATE_NOOP("durations", "about {h} h {m} min"), {
        "h": minutes // 60,
        "m": minutes % 60,
    }


def dataset_sizes(folder, info) -> tuple[int, int] | None:
    """How many training and test images ``folder`` holds for ``info``, read from the IDX
    headers alone (a few bytes); None when the files are not there or not IDX."""

    if not folder:
        return None
    sizes = []
    for stem in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte"):
        path = find_file(Path(folder).expanduser(), stem, info)
        if path is None:
            return None
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rb") as handle:
                header = handle.read(8)
        except (OSError, EOFError, gzip.BadGzipFile):
            return None
        if len(header) < 8:
            return None
        sizes.append(int.from_bytes(header[4:8], "big"))
    return sizes[0], sizes[1]
