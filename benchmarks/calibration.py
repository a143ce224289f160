"""How well one temperature calibrates a model, judged on training data only: the figure used
to choose the shipped recipe (never the test split).

    python -m benchmarks.calibration models/fashion-mnist.safetensors other.safetensors
    python -m benchmarks.calibration mnist --data ../shared/datasets/mnist-subset

For each model file, the hold-out slice its training kept out of the training split (the same
seeded choice ``train`` made, from the file's training record) is run through the network, and:

* ``ece_at_1``: the ECE (15 bins) before temperature scaling;
* ``ece_in_sample``: the ECE after fitting T on the whole slice, i.e. the best one temperature
  can do for this model; a model whose miscalibration is not a plain scale (label smoothing
  bends the reliability curve) keeps a large figure here;
* ``ece_cross_fitted``: T fitted on one half of the slice, the ECE measured on the other half,
  averaged over both halves of ``--repeats`` random splits: what to expect on unseen images
  (slightly pessimistic: each measurement has half the images, so more binning noise);
* the range of the temperatures fitted on the halves, and the slice's accuracy.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

from lenet_desktop.analysis.calibration import calibration, fit_temperature, logits_of  # noqa: E402
from lenet_desktop.data.datasets import find_folder, load_split  # noqa: E402
from lenet_desktop.files.model_files import load_model  # noqa: E402
from lenet_desktop.training.batches import split_holdout  # noqa: E402


def measure(model: str, data: str | None, repeats: int) -> dict:
    bundle = load_model(model)
    config = bundle.training.get("config", {})
    share, seed = float(config.get("holdout", 0.0)), int(config.get("seed", 0))
    folder = find_folder(bundle.dataset, data)
    if folder is None:
        raise SystemExit(f"{model}: no {bundle.dataset.name} data found; pass --data DIR")
    _, held = split_holdout(load_split(folder, bundle.dataset, "train"), share, seed)
    if held is None:
        raise SystemExit(f"{model}: its training kept no hold-out slice (holdout {share})")
    logits = logits_of(bundle.network, held, bundle.dataset.mean, bundle.dataset.std)
    labels = held.labels
    count = len(labels)
    generator = torch.Generator().manual_seed(123)
    fitted: list[tuple[float, float]] = []
    for _ in range(repeats):
        order = torch.randperm(count, generator=generator)
        halves = order[: count // 2], order[count // 2 :]
        for fit, check in (halves, halves[::-1]):
            t = fit_temperature(logits[fit], labels[fit])
            fitted.append((t, calibration(logits[check], labels[check], t).ece))
    whole = fit_temperature(logits, labels)
    return {
        "model": model,
        "holdout_images": count,
        "holdout_accuracy": round(calibration(logits, labels, 1.0).accuracy, 4),
        "temperature": round(whole, 3),
        "ece_at_1": round(calibration(logits, labels, 1.0).ece, 4),
        "ece_in_sample": round(calibration(logits, labels, whole).ece, 4),
        "ece_cross_fitted": round(sum(e for _, e in fitted) / len(fitted), 4),
        "temperature_range": [
            round(min(t for t, _ in fitted), 3),
            round(max(t for t, _ in fitted), 3),
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+", help="shipped model names or .safetensors files")
    parser.add_argument("--data", help="the dataset folder (found automatically when left out)")
    parser.add_argument("--repeats", type=int, default=5, help="random half splits")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    for model in args.models:
        figures = measure(model, args.data, args.repeats)
        if args.json:
            print(json.dumps(figures))
            continue
        print(
            f"{figures['model']}: {figures['holdout_images']} held-out images, "
            f"accuracy {figures['holdout_accuracy']:.2%}, T {figures['temperature']}; "
            f"ECE at T=1 {figures['ece_at_1']:.2%}, in-sample {figures['ece_in_sample']:.2%}, "
            f"cross-fitted {figures['ece_cross_fitted']:.2%} "
            f"(T {figures['temperature_range'][0]}–{figures['temperature_range'][1]})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
