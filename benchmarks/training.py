"""Training speed on the full Fashion-MNIST (60,000 images), ``modern``, batch 256.

- ``train_samples_per_s`` / ``train_aug_samples_per_s``: one epoch of the engine's loop
  (``lenet_desktop.training.job.run_training``, the loop) without and with augmentation,
  evaluation excluded;
- ``naive_samples_per_s``: the pipeline of the study notes (D2L's ``train_ch6``) — torchvision's
  ``FashionMNIST`` with ``ToTensor``, a shuffling ``DataLoader``, the same network, optimiser and
  batch size — and ``train_speedup``, the engine's plain rate over it;
- ``plain_torch_samples_per_s``: "plain PyTorch done right", the peer a good PyTorch user would
  write — the same network and optimiser, the training split already in one tensor, batches cut
  by index from a random permutation, ``torch.set_num_threads`` set, no per-image Python — and
  ``train_vs_plain_torch``, the engine's plain rate over it (the median of three rounds, each an
  epoch of both);
- ``seconds_to_90_fashion``: wall time from the start of a run of the engine to the end of the
  first epoch whose test accuracy reaches 90 %;
- ``book_run_s`` / ``book_samples_per_s``: the D2L chapter's own run (``train --book``: the
  sigmoid LeNet, SGD at 0.9, batch 256, 10 epochs of all 60,000 images), from the data in memory
  to the evaluated model, and its training rate; ``book_vs_plain_torch``, that rate over plain
  PyTorch done right for the same network and optimiser.

    python -m benchmarks.training [--json] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

# The recipe that reaches 90 % soonest here (tried: models/README.md): SGD + one-cycle, plain.
TO_90 = {"epochs": 3, "optimizer": "sgd", "lr": 0.2, "augment": False}


def threads() -> int:
    return os.cpu_count() or 1


def fashion_folder(data: str | None = None) -> Path:
    from lenet_desktop.data.datasets import FASHION_MNIST, candidate_folders

    places = [Path(data)] if data else candidate_folders(FASHION_MNIST)
    for place in places:
        if (place / "train-images-idx3-ubyte.gz").is_file() or (
            place / "train-images-idx3-ubyte"
        ).is_file():
            return place
    raise SystemExit(
        "Fashion-MNIST not found: pass --data FOLDER (the four IDX files) or set LENET_DATA"
    )


def engine_rate(folder: Path, augment: bool) -> float:
    """Samples per second of one epoch of the engine's loop (evaluation not counted)."""
    from lenet_desktop.data.datasets import FASHION_MNIST, load_dataset
    from lenet_desktop.training.job import run_training
    from lenet_desktop.training.loop import TrainConfig

    train_split, test_split = load_dataset(folder, FASHION_MNIST)
    config = TrainConfig(
        dataset="fashion-mnist", epochs=1, optimizer="sgd", lr=0.2, augment=augment,
        threads=threads(),
    )  # fmt: skip
    result = run_training(config, splits=(train_split, test_split), keep=False).result
    return result.history[0]["samples_per_s"]


def plain_torch_rate(folder: Path, book: bool = False, warm_up: int = 5) -> float:
    """Samples per second of "plain PyTorch done right" over one epoch after a warm-up: the
    benchmark's ``modern`` run, or (``book``) the D2L chapter's — its sigmoid network with
    Xavier's initialisation and SGD at 0.9."""
    import torch
    import torch.nn.functional as F

    from lenet_desktop.data.datasets import FASHION_MNIST, load_dataset
    from lenet_desktop.nn.models import build_model, initialize_weights

    torch.set_num_threads(threads())
    train_split, _ = load_dataset(folder, FASHION_MNIST)
    images, labels = train_split.images, train_split.labels  # (N, 28, 28) uint8, (N,)
    mean, std = FASHION_MNIST.mean, FASHION_MNIST.std
    torch.manual_seed(0)
    if book:
        net = initialize_weights(build_model("d2l"), "xavier").train()
        optimizer = torch.optim.SGD(net.parameters(), lr=0.9)
    else:
        net = build_model("modern").train()
        optimizer = torch.optim.SGD(
            net.parameters(), lr=0.2, momentum=0.9, nesterov=True, weight_decay=5e-4
        )
    batch = 256
    order = torch.randperm(len(labels))
    steps = len(labels) // batch
    seen, started = 0, time.perf_counter()
    for step in range(steps):
        if step == warm_up:
            seen, started = 0, time.perf_counter()
        index = order[step * batch : (step + 1) * batch]
        x = (images[index].unsqueeze(1).float() / 255.0 - mean) / std
        y = labels[index]
        loss = F.cross_entropy(net(x), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        seen += batch
    return seen / (time.perf_counter() - started)


def book_run(folder: Path) -> tuple[float, float, float]:
    """The D2L book's run on Fashion-MNIST: (wall seconds, training samples/s, test accuracy)."""
    from lenet_desktop.data.datasets import FASHION_MNIST, load_dataset
    from lenet_desktop.training.job import run_training
    from lenet_desktop.training.loop import TrainConfig

    train_split, test_split = load_dataset(folder, FASHION_MNIST)
    config = TrainConfig.book(threads=threads())
    started = time.perf_counter()
    result = run_training(config, splits=(train_split, test_split), keep=False).result
    seconds = time.perf_counter() - started
    rate = sum(h["samples_per_s"] for h in result.history) / len(result.history)
    return seconds, rate, result.evaluation.accuracy


def seconds_to_90(folder: Path) -> tuple[float | None, list[float]]:
    """Seconds from the start of training (data already in memory) to the end of the first
    epoch at ≥ 90 % test accuracy, and the per-epoch accuracies seen."""
    from lenet_desktop.data.datasets import FASHION_MNIST, load_dataset
    from lenet_desktop.training.job import Reports, run_training
    from lenet_desktop.training.loop import TrainConfig, TrainingCancelled

    train_split, test_split = load_dataset(folder, FASHION_MNIST)
    config = TrainConfig(dataset="fashion-mnist", threads=threads(), **TO_90)
    accuracies: list[float] = []
    reached: list[float] = []
    started = time.perf_counter()

    def progress(p) -> None:
        if p.phase == "epoch":
            accuracies.append(p.test_accuracy)
            if p.test_accuracy >= 0.9 and not reached:
                reached.append(time.perf_counter() - started)

    with contextlib.suppress(TrainingCancelled):  # stopped once 90 % is reached
        reports = Reports(progress=progress, should_stop=lambda: bool(reached))
        run_training(config, splits=(train_split, test_split), reports=reports, keep=False)
    return (reached[0] if reached else None), accuracies


def _torchvision_root(folder: Path) -> Path:
    """A temporary root laid out as torchvision's FashionMNIST expects (raw, unzipped)."""
    root = Path(tempfile.mkdtemp(prefix="lenet-bench-"))
    raw = root / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):  # fmt: skip
        if (folder / name).is_file():
            shutil.copyfile(folder / name, raw / name)
        else:
            with gzip.open(folder / f"{name}.gz") as src, open(raw / name, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return root


def naive_rate(folder: Path, batches: int = 60, workers: int = 0) -> float:
    """Samples per second of the notes' pipeline, over ``batches`` batches after a warm-up."""
    import torch
    import torch.nn.functional as F
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    from lenet_desktop.nn.models import build_model

    torch.set_num_threads(threads())
    root = _torchvision_root(folder)
    try:
        dataset = datasets.FashionMNIST(
            str(root), train=True, transform=transforms.ToTensor(), download=False
        )
        loader = DataLoader(dataset, batch_size=256, shuffle=True, num_workers=workers)
        torch.manual_seed(0)
        net = build_model("modern")
        optimizer = torch.optim.SGD(
            net.parameters(), lr=0.2, momentum=0.9, nesterov=True, weight_decay=5e-4
        )
        net.train()
        warm_up, seen, started = 5, 0, 0.0
        total_loss = correct = 0.0
        for i, (x, y) in enumerate(loader):
            if i == warm_up:
                started, seen = time.perf_counter(), 0
            if i == warm_up + batches:
                break
            logits = net(x)
            loss = F.cross_entropy(logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            with torch.no_grad():  # D2L's Accumulator: loss sum, correct count, samples
                total_loss += float(loss) * x.shape[0]
                correct += float((logits.argmax(1) == y).sum())
            seen += x.shape[0]
        return seen / (time.perf_counter() - started)
    finally:
        shutil.rmtree(root, ignore_errors=True)


ROUNDS = 3  # the engine and its plain peer, one epoch each, alternately


def measure(data: str | None = None) -> dict:
    folder = fashion_folder(data)
    naive = naive_rate(folder)
    # On a shared machine the rate drifts by ±15 % within a minute: the engine and its peer
    # run alternately, and the ratio is the median of each round's.
    rounds = [(plain_torch_rate(folder), engine_rate(folder, augment=False)) for _ in range(ROUNDS)]
    peer = statistics.median(p for p, _ in rounds)
    plain = statistics.median(e for _, e in rounds)
    ratio = statistics.median(e / p for p, e in rounds)
    augmented = engine_rate(folder, augment=True)
    to_90, accuracies = seconds_to_90(folder)
    book_peer_before = plain_torch_rate(folder, book=True)
    book_s, book_rate, book_accuracy = book_run(folder)
    book_peer = (book_peer_before + plain_torch_rate(folder, book=True)) / 2
    return {
        "train_samples_per_s": round(plain),
        "train_aug_samples_per_s": round(augmented),
        "naive_samples_per_s": round(naive),
        "train_speedup": round(plain / naive, 2),
        "plain_torch_samples_per_s": round(peer),
        "train_vs_plain_torch": round(ratio, 2),
        "train_vs_plain_torch_rounds": [round(e / p, 2) for p, e in rounds],
        "book_run_s": round(book_s, 1),
        "book_samples_per_s": round(book_rate),
        "book_plain_torch_samples_per_s": round(book_peer),
        "book_vs_plain_torch": round(book_rate / book_peer, 2),
        "book_test_accuracy": round(book_accuracy, 4),
        "seconds_to_90_fashion": None if to_90 is None else round(to_90, 1),
        "to_90_test_accuracies": [round(a, 4) for a in accuracies],
        "threads": threads(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with Fashion-MNIST's four IDX files")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.data)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
