"""Stepping through a run's epochs in the real (offscreen) window: moving the epoch slider one
epoch puts that epoch's network in use, runs the drawing through it and updates every view —
the probabilities, the 28×28 input, every feature map, the kernels, the answer and the curves'
mark — and paints them.

    python -m benchmarks.epoch_switch [--epochs 10] [--moves 200] [--json]

A run of ``--epochs`` epochs is trained first on 1,024 MNIST digits (a few seconds; kept in a
temporary runs folder), then the slider is moved one epoch at a time, forward to the end and
back, ``--moves`` times. ``epoch_switch_first_p95_ms``: the first visit of each epoch (its file
read, its network built); ``epoch_switch_p95_ms``: every move after those.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import draw_seven, open_window, percentile


def kept_run(epochs: int, root: Path):
    """A run of ``epochs`` epochs on 1,024 MNIST digits, kept with its epochs in ``root``."""
    from lenet_desktop.data.datasets import MNIST, candidate_folders, load_dataset
    from lenet_desktop.training.batches import take_slice
    from lenet_desktop.training.config import TrainConfig
    from lenet_desktop.training.job import run_training
    from lenet_desktop.training.runs import RunStore

    folders = [p for p in candidate_folders(MNIST) if p.is_dir()]
    if not folders:
        raise SystemExit("no MNIST files found ($LENET_DATA or ../shared/datasets)")
    train_split, test_split = load_dataset(folders[0], MNIST)
    splits = (take_slice(train_split, 1024, 0), take_slice(test_split, 500, 0))
    config = TrainConfig(dataset="mnist", architecture="modern", epochs=epochs, seed=0)
    outcome = run_training(config, splits=splits, store=RunStore(root))
    if outcome.run is None:
        raise SystemExit(f"the run was not kept: {outcome.keep_error}")
    return outcome.run


def measure(epochs: int = 10, moves: int = 200) -> dict:

    root = Path(tempfile.mkdtemp(prefix="lenet-epochs-"))
    os.environ["LENET_RUNS"] = str(root)
    started = time.perf_counter()
    run = kept_run(epochs, root)
    training_s = time.perf_counter() - started

    app, window = open_window()
    draw_seven(window)
    panel = window.training
    panel.show()
    panel.training.refresh_runs()
    panel.tabs.setCurrentIndex(2)  # Results: its slider
    stepper = panel.results.epochs
    stepper.set_run(panel.training.run_of(run.id))
    app.processEvents()

    last = stepper.slider.maximum()
    path = list(range(last + 1)) + list(range(last - 1, 0, -1))  # there and back
    first, warm = [], []
    for move in range(len(path) + moves):
        epoch = path[move % len(path)]
        cold = move <= last
        start = time.perf_counter()
        stepper.show_epoch(epoch)  # as the slider moved there
        app.processEvents()  # every view repaints what changed
        (first if cold else warm).append((time.perf_counter() - start) * 1000)
        if window.session.model.training.get("live", {}).get("epoch") != epoch:
            raise RuntimeError(f"epoch {epoch} was not shown")
    stepper.leave()
    window.close()
    return {
        "epoch_switch_p50_ms": round(statistics.median(warm), 2),
        "epoch_switch_p95_ms": round(percentile(warm, 95), 2),
        "epoch_switch_first_p95_ms": round(percentile(first, 95), 2),
        "epochs_stepped": last + 1,
        "moves": len(warm),
        "run_training_s": round(training_s, 1),
        "device": str(window.session.predictor.device),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.epochs, args.moves)
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"epoch switch ({result['epochs_stepped']} epochs, {result['moves']} moves, "
        f"{result['device']}): p50 {result['epoch_switch_p50_ms']} ms, p95 "
        f"{result['epoch_switch_p95_ms']} ms; first visit of an epoch p95 "
        f"{result['epoch_switch_first_p95_ms']} ms"
    )


if __name__ == "__main__":
    main()
