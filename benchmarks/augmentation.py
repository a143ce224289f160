"""Choose the shipped MNIST model's augmentation on held-out training digits, never the test split.

    python -m benchmarks.augmentation --out /tmp/recipes            # train and judge each recipe
    python -m benchmarks.augmentation --judge models/mnist.safetensors /tmp/recipes/*.safetensors

Each recipe is the shipped recipe (models/README.md: ``modern``, 60 epochs, SGD lr 0.2, label
smoothing 0.1, seed 0, 5 % held out) with another :class:`Augmentation` for the digits. Every
model is judged on the 400 training digits its training kept out (the same seeded slice), as
they are and rendered the ways learners bring digits (tests/helpers/pages.py and
tests/helpers/photos.py: note-app pages, a thick marker, faint pencil in a shadow, phone
photos, a clean canvas), through the app's own preprocessing. Printed: accuracy per set, their
mean, and the held-out ECE after the model's temperature. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from lenet_desktop.data.datasets import MNIST, Augmentation, find_folder, load_split  # noqa: E402

# The recipe before issue 26 (affine only); MNIST.augmentation is now "milder".
SHIPPED = dataclasses.replace(MNIST.augmentation, stroke=(0.0, 0.0), elastic_px=0.0)
RECIPES = {
    "affine": SHIPPED,
    "affine+stroke": dataclasses.replace(SHIPPED, stroke=(-0.5, 1.0)),
    "affine+stroke+elastic": dataclasses.replace(SHIPPED, stroke=(-0.5, 1.0), elastic_px=0.8),
    "stronger": dataclasses.replace(SHIPPED, stroke=(-0.7, 1.5), elastic_px=1.2),
    "milder": dataclasses.replace(SHIPPED, stroke=(-0.3, 0.6), elastic_px=0.5),
}
SETS = ("digits", "canvas", "ruled", "squared", "dotted", "margin", "marker", "pencil", "photo")


def held_out(folder: str, bundle):
    """The training digits ``bundle``'s training kept out (its record's share and seed)."""
    from lenet_desktop.training.batches import split_holdout

    config = bundle.training.get("config", {})
    share, seed = float(config.get("holdout", 0.05)), int(config.get("seed", 0))
    _, held = split_holdout(load_split(folder, MNIST, "train"), share, seed)
    return held


def pictures(kind: str, images: np.ndarray, labels: np.ndarray, n: int, seed: int):
    from helpers.drawing import redraw
    from helpers.pages import page_set
    from helpers.photos import photo

    rng = np.random.default_rng(seed)
    if kind == "photo":
        picks = rng.choice(len(labels), size=n, replace=False)
        return [photo(images[i], rng) for i in picks], [int(labels[i]) for i in picks]
    if kind == "canvas":
        picks = rng.choice(len(labels), size=n, replace=False)
        out = []
        for i in picks:
            size = int(rng.integers(120, 380))
            centre = (int(rng.integers(size // 2 + 5, 560 - size // 2 - 5)),) * 2
            out.append(redraw(images[i], canvas=(560, 560), size=size, centre=centre, mode="L"))
        return out, [int(labels[i]) for i in picks]
    return page_set(kind, images, labels, n, seed)


def judge(paths: list[str], folder: str, n: int) -> None:
    from lenet_desktop.analysis.calibration import calibration, logits_of
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    # The pictures come from the digits every model kept out (the smallest slice: 5 %).
    smallest = min((load_model(p) for p in paths), key=lambda b: b.training["config"]["holdout"])
    common = held_out(folder, smallest)
    images, labels = common.images.numpy(), common.labels.numpy()
    sets = {kind: pictures(kind, images, labels, n, seed=7) for kind in SETS[1:]}
    header = f"{'model':42s} {'digits':>7s} " + " ".join(f"{k:>7s}" for k in SETS[1:])
    print(header + "   mean    ECE")
    for path in paths:
        bundle = load_model(path)
        held = held_out(folder, bundle)
        logits = logits_of(bundle.network, held, MNIST.mean, MNIST.std)
        digits = float((logits.argmax(1) == held.labels).float().mean())
        ece = calibration(logits, held.labels, bundle.temperature).ece
        predictor = Predictor(bundle, "cpu")
        scores = []
        for kind in SETS[1:]:
            pics, truth = sets[kind]
            right = 0
            for picture, label in zip(pics, truth):
                prepared = predictor.preprocess(picture)
                if prepared.tensor is not None:
                    with torch.inference_mode():
                        right += int(bundle.network(prepared.tensor).argmax()) == label
            scores.append(right / len(truth))
        mean = float(np.mean(scores))
        cells = " ".join(f"{100 * s:6.1f}%" for s in scores)
        name = Path(path).name
        print(f"{name:42s} {100 * digits:6.2f}% {cells} {100 * mean:6.1f}% {100 * ece:5.2f}%")


def train_recipes(
    out: Path, folder: str, epochs: int, names: list[str], holdout: float
) -> list[str]:
    from lenet_desktop.data.datasets import load_dataset
    from lenet_desktop.files.model_files import save_model
    from lenet_desktop.training import loop
    from lenet_desktop.training.config import TrainConfig
    from lenet_desktop.training.job import run_training

    out.mkdir(parents=True, exist_ok=True)
    train_split, test_split = load_dataset(folder, MNIST)
    paths = []
    original = loop.dataset_info
    for name in names:
        recipe: Augmentation = RECIPES[name]
        info = dataclasses.replace(MNIST, augmentation=recipe)
        loop.dataset_info = lambda _name, info=info: info  # type: ignore[assignment]
        config = TrainConfig(
            dataset="mnist", architecture="modern", epochs=epochs, optimizer="sgd",
            lr=0.2, label_smoothing=0.1, seed=0, holdout=holdout,
        )  # fmt: skip
        started = time.perf_counter()
        result = run_training(config, splits=(train_split, test_split), keep=False).result
        loop.dataset_info = original
        path = out / f"{name}.safetensors"
        save_model(result.bundle, path)
        print(f"{name}: trained in {time.perf_counter() - started:.0f} s -> {path}", flush=True)
        paths.append(str(path))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the mnist-subset folder (default: found as the app does)")
    parser.add_argument("--out", type=Path, default=Path("recipes"), help="where models go")
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--recipes", nargs="*", default=list(RECIPES)[1:], choices=list(RECIPES))
    parser.add_argument("--pictures", type=int, default=100, help="pictures per set")
    parser.add_argument("--judge", nargs="*", help="only judge these model files")
    parser.add_argument(
        "--holdout", type=float, default=0.05,
        help="training digits kept out to judge on (0.2 tells recipes apart more surely)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    folder = args.data or find_folder(MNIST, None)
    if folder is None:
        raise SystemExit("no mnist-subset found; pass --data DIR")
    torch.set_num_threads(2)
    paths = args.judge or train_recipes(
        args.out, str(folder), args.epochs, args.recipes, args.holdout
    )
    judge(paths, str(folder), args.pictures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
