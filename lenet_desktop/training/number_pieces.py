"""Training the number reader's checker (:mod:`lenet_desktop.analysis.checker`): a network
that tells one whole digit from the other things a segmentation cuts out of a number.

    python -m lenet_desktop.training.number_pieces [--numbers 6000] [--epochs 10] [--out PATH]

Numbers of two to five digits are made from the **training** split's digits (never the test
split, which the benchmark's numbers come from), each digit on its own layer so every pixel
knows its digit: each digit ±12 % in size, gaps from touching (moved together until the inks
meet, sometimes a pixel or two further) to 8 pixels, a vertical jitter and a slant (shear up to
±0.3), the whole enlarged 3–8× as a drawing on the canvas is. Each picture goes through the
same cleaning and segmentation as a drawing (:func:`~lenet_desktop.analysis.segmentation.
candidates`, every part cut as a part the checker doubts would be), and every candidate is
labelled: one digit's — when at least PURE of its ink is that digit's and it holds at least
WHOLE of that digit's ink — or *not one digit*. The network is the ``modern`` preset with
eleven outputs; the file records how it was made.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

from lenet_desktop.analysis.checker import NOT_ONE_DIGIT, checker_path
from lenet_desktop.analysis.segmentation import candidates
from lenet_desktop.data.datasets import MNIST, candidate_folders, load_split
from lenet_desktop.data.preprocessing import cleaning, frame_ink, to_array
from lenet_desktop.nn.bundle import new_model

PURE = 0.9  # this much of a candidate's ink from one digit …
WHOLE = 0.85  # … and this much of that digit's ink in it: that digit; else not one digit
LAYER_INK = 0.1  # a layer's pixel above this is its digit's


def _crop(digit: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(digit.max(axis=1) > 30)
    cols = np.flatnonzero(digit.max(axis=0) > 30)
    return digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _resized(crop: np.ndarray, scale: float) -> np.ndarray:
    height = max(2, round(crop.shape[0] * scale))
    width = max(1, round(crop.shape[1] * scale))
    picture = Image.fromarray(crop).resize((width, height), Image.Resampling.BILINEAR)
    return np.asarray(picture, dtype=np.float32) / 255.0


def _touching_shift(left: np.ndarray, right: np.ndarray, dy: int) -> int:
    """How many columns ``right`` (placed ``dy`` rows below ``left``'s top, flush after it)
    must move left for the two inks to meet in some row; 0 when no row holds both."""
    best = None
    for row in range(left.shape[0]):
        other = row - dy
        if not 0 <= other < right.shape[0]:
            continue
        a = np.flatnonzero(left[row] > LAYER_INK)
        b = np.flatnonzero(right[other] > LAYER_INK)
        if a.size and b.size:
            distance = (left.shape[1] - 1 - a[-1]) + b[0] + 1
            best = distance if best is None else min(best, distance)
    return max(0, (best or 1) - 1)


def number_layers(digits: list[np.ndarray], rng: np.random.Generator) -> np.ndarray:
    """Digits ``(28, 28) uint8`` set on one slanted line, enlarged 3–8× as a drawing on a
    canvas is: ``(K, H, W) uint8``, each digit's ink (light on dark) on its own layer."""
    crops = [_resized(_crop(d), float(rng.uniform(0.88, 1.12))) for d in digits]
    tops = [int(rng.integers(-3, 4)) for _ in crops]
    xs = [0]
    for k in range(1, len(crops)):
        previous, crop = crops[k - 1], crops[k]
        x = xs[-1] + previous.shape[1]
        if rng.random() < 0.35:
            dy = (tops[k] - crop.shape[0] // 2) - (tops[k - 1] - previous.shape[0] // 2)
            x -= _touching_shift(previous, crop, dy) + int(rng.integers(0, 3))
        else:
            x += int(rng.integers(1, 9))
        xs.append(x)
    height, margin = 48, 12
    width = xs[-1] + crops[-1].shape[1] + 2 * margin
    shear = float(rng.uniform(-0.3, 0.3))
    enlarge = int(rng.integers(3, 9))
    size = (width * enlarge, height * enlarge)
    layers = np.zeros((len(crops), size[1], size[0]), dtype=np.uint8)
    for k, (crop, x, top) in enumerate(zip(crops, xs, tops)):
        flat = np.zeros((height, width), dtype=np.float32)
        y = max(0, height // 2 + top - crop.shape[0] // 2)
        part = flat[y : y + crop.shape[0], margin + x : margin + x + crop.shape[1]]
        part[...] = crop[: part.shape[0], : part.shape[1]]
        layer = Image.fromarray(flat, mode="F").transform(
            (width, height),
            Image.Transform.AFFINE,
            (1, shear, -shear * height / 2, 0, 1, 0),
            resample=Image.Resampling.BILINEAR,
        )
        layer = layer.resize(size, Image.Resampling.BILINEAR)
        layers[k] = (255 * np.asarray(layer).clip(0, 1)).astype(np.uint8)
    return layers


def labelled_candidates(
    layers: np.ndarray, labels: list[int]
) -> tuple[list[np.ndarray], list[int]]:
    """The candidates the segmentation cuts from the number on ``layers`` (as a drawing: dark
    ink on white, reduced and cleaned as the window does), each framed 28×28 with its label
    (10: not one digit)."""
    picture = 255 - layers.max(axis=0)
    ink = cleaning(to_array(picture), handwriting=True, line=True).ink
    reduced = np.stack([to_array(layer) for layer in layers]).astype(np.float32) / 255
    if ink.shape != reduced.shape[1:]:
        return [], []
    owner = np.where(reduced.max(axis=0) > LAYER_INK, reduced.argmax(axis=0), -1)
    totals = [float(ink[owner == k].sum()) for k in range(len(layers))]
    framed: list[np.ndarray] = []
    targets: list[int] = []
    found = candidates(ink, _every_part)  # every part cut as a doubted one may be
    if found is None:
        whole = frame_ink(ink, "mnist")
        if whole is not None and len(labels) == 1:
            framed.append(whole)
            targets.append(labels[0])
        return framed, targets
    for candidate in found.runs:
        weights = np.where(candidate.mask, ink, 0.0)
        total = float(weights.sum())
        masses = [float(weights[owner == k].sum()) for k in range(len(layers))]
        k = int(np.argmax(masses))
        one = total > 0 and masses[k] >= PURE * total and masses[k] >= WHOLE * totals[k]
        framed.append(candidate.framed)
        targets.append(labels[k] if one else 10)
    return framed, targets


def _every_part(framed: np.ndarray) -> np.ndarray:
    return np.ones(len(framed), dtype=bool)


def make_examples(
    images: np.ndarray, labels: np.ndarray, numbers: int, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Framed candidates ``(N, 28, 28) float32`` and their labels from ``numbers`` numbers
    made of ``images``; the digits themselves are added as examples too."""
    rng = np.random.default_rng(seed)
    framed: list[np.ndarray] = []
    targets: list[int] = []
    for _ in range(numbers):
        picks = rng.integers(0, len(images), size=int(rng.integers(2, 6)))
        layers = number_layers([images[i] for i in picks], rng)
        more, marks = labelled_candidates(layers, [int(labels[i]) for i in picks])
        framed += more
        targets += marks
    for image, label in zip(images, labels):
        whole = frame_ink(_crop(image).astype(np.float32) / 255.0, "mnist")
        if whole is not None:
            framed.append(whole)
            targets.append(int(label))
    return np.stack(framed).astype(np.float32), np.asarray(targets, dtype=np.int64)


def train_checker(
    framed: np.ndarray, targets: np.ndarray, epochs: int = 10, seed: int = 0, log=print
):
    """The checker: the ``modern`` preset with eleven outputs trained on the examples (Adam,
    batch 256, a cosine schedule, the loss weighted so both kinds weigh the same)."""
    import torch  # deferred: torch

    torch.manual_seed(seed)
    info = replace(
        MNIST,
        name="number-pieces",
        title="number pieces",
        classes=(*MNIST.classes, NOT_ONE_DIGIT),
        outliers=None,
        styles=None,
    )
    bundle = new_model("modern", info)
    network = bundle.network.train()
    inputs = torch.from_numpy((framed - np.float32(info.mean)) / np.float32(info.std))[:, None]
    answers = torch.from_numpy(targets)
    share = float((targets == 10).mean())
    weights = torch.full((11,), 0.5 / max(1e-6, 1 - share))
    weights[10] = 0.5 / max(1e-6, share)
    loss_of = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.Adam(network.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = epochs * ((len(inputs) + 255) // 256)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=4e-3, total_steps=steps)
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        order = torch.randperm(len(inputs), generator=generator)
        total = 0.0
        for start in range(0, len(order), 256):
            batch = order[start : start + 256]
            optimizer.zero_grad()
            loss = loss_of(network(inputs[batch]), answers[batch])
            loss.backward()
            optimizer.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        log(f"epoch {epoch + 1}/{epochs}: loss {total / len(inputs):.4f}")
    network.eval()
    return bundle


def main(argv: list[str] | None = None) -> None:
    from lenet_desktop.files.model_files import save_model  # late-bound: a test replaces it

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", type=int, default=6000)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=checker_path())
    args = parser.parse_args(argv)
    folders = [p for p in candidate_folders(MNIST) if p.is_dir()]
    if not folders:
        raise SystemExit("no MNIST files found ($LENET_DATA or ../shared/datasets)")
    train = load_split(folders[0], MNIST, "train")
    started = time.perf_counter()
    framed, targets = make_examples(
        np.asarray(train.images), np.asarray(train.labels), args.numbers, args.seed
    )
    print(
        f"{len(targets)} examples, {int((targets == 10).sum())} not one digit "
        f"({time.perf_counter() - started:.0f} s)"
    )
    bundle = train_checker(framed, targets, args.epochs, args.seed)
    bundle.training = {
        "made_by": "lenet_desktop.training.number_pieces",
        "numbers": args.numbers,
        "epochs": args.epochs,
        "seed": args.seed,
        "examples": len(targets),
        "not_one_digit": int((targets == 10).sum()),
        "split": "train",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(bundle, args.out)
    print(f"saved {args.out} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
