"""Reading whole numbers: test digits of MNIST composed into numbers, read by the shipped model
through the over-segmentation of :mod:`lenet_desktop.analysis.number`.

    python -m benchmarks.numbers [--count 200] [--json]

The generator (``tests/helpers/number_pictures.py``) crops each test digit to its ink and sets them
left to right on one line: ``apart`` with gaps of 2–6 pixels (at the digits' 28-pixel
scale), ``touching`` with one neighbouring pair moved together until their ink touches. Every
number gets a random slant (shear up to ±0.2) and a vertical jitter per digit, and is enlarged
6× as a drawing (dark ink on white). Figures: whole-number accuracy of 4-digit numbers apart
and with one touching pair (``number_accuracy_apart``, ``number_accuracy_touching``), of
2–8-digit numbers, per-digit accuracy, single digits the number path would change
(``single_digit_changed``: 0 means a single digit reads exactly as before), and the time to
read a 4-digit number.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from benchmarks.common import report

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from helpers.number_pictures import compose  # noqa: E402 - the generator, tests/helpers/number_pictures.py


def measure(count: int = 200, seed: int = 0) -> dict:
    from lenet_desktop.analysis.number import read_number
    from lenet_desktop.analysis.reading import read
    from lenet_desktop.data.datasets import MNIST, candidate_folders, load_split
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    folders = [p for p in candidate_folders(MNIST) if p.is_dir()]
    if not folders:
        raise SystemExit("no MNIST files found ($LENET_DATA or ../shared/datasets)")
    test = load_split(folders[0], MNIST, "test")
    images, labels = np.asarray(test.images), np.asarray(test.labels)
    from lenet_desktop.nn.device import use_one_thread

    use_one_thread()  # as the window reads: one image at a time on one thread
    predictor = Predictor(load_model("mnist"), "cpu")
    rng = np.random.default_rng(seed)
    figures: dict = {}
    timings: list[float] = []
    digits_right = digits_total = 0
    for kind, touching, lengths in (
        ("apart", False, [4]),
        ("touching", True, [4]),
        ("mixed", False, [2, 3, 4, 5, 6, 7, 8]),
    ):
        right = 0
        for _ in range(count):
            length = int(rng.choice(lengths))
            picks = rng.integers(0, len(images), size=length)
            truth = "".join(str(int(labels[i])) for i in picks)
            picture = compose([images[i] for i in picks], touching, rng)
            start = time.perf_counter()
            reading = read_number(predictor, picture)
            if length == 4:
                timings.append((time.perf_counter() - start) * 1000)
            if reading is None:
                reading = read(predictor, picture)
                text = reading.prediction.label if reading.prediction is not None else ""
            else:
                text = reading.text
            right += text == truth
            if len(text) == len(truth):
                digits_right += sum(a == b for a, b in zip(text, truth))
            digits_total += len(truth)
        figures[f"number_accuracy_{kind}"] = round(right / count, 4)
    figures["digit_accuracy"] = round(digits_right / digits_total, 4)
    changed = 0
    singles = min(count * 2, len(images))
    for index in range(singles):
        picture = Image.fromarray(255 - images[index]).resize((168, 168), Image.Resampling.BILINEAR)
        changed += read_number(predictor, picture) is not None
    figures["single_digit_changed"] = changed
    figures["single_digits_checked"] = singles
    ordered = sorted(timings)
    figures["number_read_p50_ms"] = round(statistics.median(ordered), 1)
    figures["number_read_p95_ms"] = round(ordered[int(0.95 * (len(ordered) - 1))], 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.count)
    report(figures, args.json)


if __name__ == "__main__":
    main()
