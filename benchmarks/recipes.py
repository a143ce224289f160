"""The Quick recipe: every preset's test accuracy and wall time, and how its settings were chosen.

    python -m benchmarks.recipes [--dataset fashion-mnist] [--json]   # every preset's Quick run
    python -m benchmarks.recipes --choose                              # choose the rates

Every preset is trained once with its Quick recipe (``lenet-desktop train --recipe quick``'s
settings) on the dataset's full training split, from loading the data to the evaluated model;
the table gives the test accuracy, the wall time and the Book recipe's estimated time beside it.

``--choose`` picks each family's peak rate (``training.recipes.QUICK_BY_FAMILY``) from a few
candidates, trained on the training split minus a seeded 10 % and scored on that 10 %: the test
split is never looked at. Figures depend on the machine; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import time

from benchmarks.training import threads

CANDIDATE_RATES = (0.003, 0.01, 0.03, 0.1)
# one preset per family, the one the chapter starts from
REPRESENTATIVES = {"sigmoid": "d2l", "relu": "d2l-relu", "normalised": "modern", "lenet5": "lenet5"}


def _data(dataset: str):
    from lenet_desktop.data.datasets import dataset_info, find_folder, load_dataset

    info = dataset_info(dataset)
    folder = find_folder(info)
    if folder is None:
        raise SystemExit(f"{info.title} not found: set LENET_DATA to a folder holding it")
    return info, load_dataset(folder, info)


def choose(dataset: str) -> dict:
    """Each family's candidate rates scored on held-out training images; the best of each."""
    from lenet_desktop.training.batches import split_holdout
    from lenet_desktop.training.job import run_training
    from lenet_desktop.training.loop import TrainConfig, TrainingFailed
    from lenet_desktop.training.recipes import recipe_settings

    _, (train_split, _test) = _data(dataset)
    fit, held = split_holdout(train_split, 0.1, seed=2026)
    chosen: dict = {}
    for family, preset in REPRESENTATIVES.items():
        scores = {}
        for lr in CANDIDATE_RATES:
            settings = recipe_settings("quick", preset) | {"lr": lr, "holdout": 0.0}
            config = TrainConfig(dataset=dataset, threads=threads(), **settings)
            started = time.perf_counter()
            try:
                accuracy = run_training(
                    config, splits=(fit, held), keep=False
                ).result.evaluation.accuracy
            except TrainingFailed:
                accuracy = 0.0
            scores[lr] = accuracy
            print(
                f"{family:10s} {preset:10s} lr {lr:<6g} held-out accuracy {100 * accuracy:6.2f} %"
                f"  ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
        best = max(scores, key=lambda lr: scores[lr])
        chosen[family] = {"lr": best, "held_out_accuracy": round(scores[best], 4), "tried": scores}
    return chosen


def table(dataset: str) -> list[dict]:
    """Every preset's Quick run on ``dataset``: test accuracy, wall time, the Book estimate."""
    from lenet_desktop.options import ARCHITECTURES
    from lenet_desktop.training.estimate import estimate_seconds, measure_rates
    from lenet_desktop.training.job import run_training
    from lenet_desktop.training.loop import TrainConfig
    from lenet_desktop.training.recipes import family, recipe_settings

    info, (train_split, test_split) = _data(dataset)
    rows = []
    for preset in ARCHITECTURES:
        config = TrainConfig(dataset=dataset, threads=threads(), **recipe_settings("quick", preset))
        started = time.perf_counter()
        result = run_training(config, splits=(train_split, test_split), keep=False).result
        wall = time.perf_counter() - started
        book = TrainConfig(dataset=dataset, threads=threads(), **recipe_settings("book", preset))
        book_s = estimate_seconds(book, len(train_split), len(test_split), measure_rates(book))
        rows.append(
            {
                "preset": preset,
                "family": family(preset, len(info.classes)),
                "lr": config.learning_rate,
                "epochs": config.epochs,
                "images": min(config.train_images or len(train_split), len(train_split)),
                "test_accuracy": round(result.evaluation.accuracy, 4),
                "wall_s": round(wall, 1),
                "book_estimate_s": round(book_s),
                "diagnosis": result.diagnosis.kind if result.diagnosis else None,
            }
        )
        print(f"{preset:14s} {100 * result.evaluation.accuracy:6.2f} %  {wall:5.1f} s", flush=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.recipes", description=__doc__)
    parser.add_argument("--dataset", default="fashion-mnist")
    parser.add_argument("--choose", action="store_true", help="choose each family's rate")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(threads())
    if args.choose:
        chosen = choose(args.dataset)
        print(json.dumps(chosen, indent=1))
        return
    rows = table(args.dataset)
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"\nQuick recipe on {args.dataset}, {threads()} CPU threads:\n")
    print("| preset | family | lr | epochs × images | test accuracy | wall time | Book, est. |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| `{r['preset']}` | {r['family']} | {r['lr']:g} | {r['epochs']} × {r['images']:,} "
            f"| {100 * r['test_accuracy']:.1f} % | {r['wall_s']:.0f} s "
            f"| {r['book_estimate_s'] / 60:.0f} min |"
        )


if __name__ == "__main__":
    main()
