"""Every speed figure of LeNet Desktop in one run, each part in a fresh process.

    python -m benchmarks            # a table, with the targets
    python -m benchmarks --json     # one JSON object
    python -m benchmarks --only training,startup

Parts: ``startup`` (first paint, first prediction, memory), ``canvas`` (canvas update end to
end), ``during-training`` (canvas update while the Training panel trains), ``training`` (the
engine's loop, the notes' naive pipeline, time to 90 % on Fashion-MNIST), ``real-digits`` (real
handwriting read right or honestly doubted, and non-digits flagged), ``epoch-switch`` (moving
the epoch slider one epoch: every view updated), ``live`` (a notebook followed live: the
cost of ``live.watch`` to its loop, a copy's way to the window), ``numbers`` (whole numbers
read digit by digit). Figures are printed, never
asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys

PARTS = {
    "startup": ["benchmarks.startup"],
    "canvas": ["benchmarks.canvas_update", "--updates", "500"],
    "explain": ["benchmarks.canvas_update", "--updates", "500", "--explain"],
    "during-training": ["benchmarks.canvas_update", "--updates", "500", "--during-training"],
    "training": ["benchmarks.training"],
    "real-digits": ["benchmarks.real_digits"],
    "epoch-switch": ["benchmarks.epoch_switch"],
    "live": ["benchmarks.live"],
    "numbers": ["benchmarks.numbers"],
}

# key: (what it is, unit, target, "max" when lower is better / "min" when higher is better)
TARGETS = {
    "canvas_update_p50_ms": ("canvas update, median", "ms", None, "max"),
    "canvas_update_p95_ms": ("canvas update, 95th percentile", "ms", 8, "max"),
    "update_explained_p50_ms": (
        "canvas update, explanation panel + attribution, median",
        "ms",
        None,
        "max",
    ),
    "update_explained_p95_ms": (
        "canvas update, explanation panel + attribution, p95",
        "ms",
        16,
        "max",
    ),
    "train_samples_per_s": ("engine training, plain", "samples/s", 25_000, "min"),
    "train_aug_samples_per_s": ("engine training, augmented", "samples/s", 15_000, "min"),
    "naive_samples_per_s": (
        "notes' pipeline (torchvision + ToTensor + DataLoader)",
        "samples/s",
        None,
        "min",
    ),  # fmt: skip
    "train_speedup": ("engine over notes' pipeline", "×", 4, "min"),
    "plain_torch_samples_per_s": (
        "plain PyTorch done right (data in one tensor, batches by index)",
        "samples/s",
        None,
        "min",
    ),
    "train_vs_plain_torch": ("engine over plain PyTorch done right", "×", 1.5, "min"),
    "book_run_s": ("the D2L book's run (10 epochs, Fashion-MNIST)", "s", None, "max"),
    "book_samples_per_s": ("the D2L book's run, training rate", "samples/s", None, "min"),
    "book_plain_torch_samples_per_s": (
        "the book's network and optimiser in plain PyTorch done right",
        "samples/s",
        None,
        "min",
    ),
    "book_vs_plain_torch": ("the book's run over plain PyTorch done right", "×", 1.5, "min"),
    "seconds_to_90_fashion": ("to 90 % Fashion-MNIST test accuracy", "s", 12, "max"),
    "first_paint_s": ("launch to window painted", "s", 0.5, "max"),
    "first_prediction_s": ("launch to first prediction shown", "s", 1.0, "max"),
    "rss_mb": ("memory after start (RSS)", "MB", 700, "max"),
    "update_p95_during_training_ms": ("canvas update while training, p95", "ms", 16, "max"),
    "real_digits_accuracy": ("real handwriting read right (share)", "", 0.99, "min"),
    "real_digits_confident_wrong": ("real handwriting wrong above 90 % confidence", "", 0, "max"),
    "real_digits_unsure_on_right": ("'unsure' on right answers (share)", "", 0.05, "max"),
    "real_digits_unsure_on_wrong": ("'unsure' on wrong answers (share)", "", 0.75, "min"),
    "nondigit_flagged": ("non-digits flagged (share, tests/helpers/nondigits.py)", "", 0.8, "min"),
    "epoch_switch_p95_ms": ("epoch slider, one epoch on: every view updated, p95", "ms", 50, "max"),
    "epoch_switch_first_p95_ms": (
        "epoch slider, an epoch's first visit (file read), p95",
        "ms",
        None,
        "max",
    ),
    "live_overhead_pct": ("the book's loop with live.watch against without", "%", 5, "max"),
    "live_latency_p95_ms": (
        "a notebook's copy to the window's probabilities, p95",
        "ms",
        250,
        "max",
    ),
    "number_accuracy_apart": ("4-digit numbers, digits apart, read whole", "", 0.97, "min"),
    "number_accuracy_touching": ("4-digit numbers, one touching pair, read whole", "", 0.85, "min"),
    "number_accuracy_mixed": ("2–8-digit numbers, digits apart, read whole", "", None, "min"),
    "digit_accuracy": ("the numbers' digits read right", "", None, "min"),
    "single_digit_changed": ("single digits the number path changes", "", 0, "max"),
    "number_read_p95_ms": ("reading a 4-digit number, p95", "ms", 50, "max"),
}


def run_part(name: str) -> dict:
    command = [sys.executable, "-m", *PARTS[name], "--json"]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"benchmark part {name!r} failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def met(key: str, value) -> str:
    _, _, target, sense = TARGETS[key]
    if target is None:
        return ""
    if value is None:  # nothing to measure (no wrong answer to be unsure of)
        return "n/a"
    ok = value <= target if sense == "max" else value >= target
    return "yes" if ok else "no"


def table(result: dict) -> str:
    rows = [("key", "what", "measured", "target", "met")]
    for key, (what, unit, target, sense) in TARGETS.items():
        if key not in result:
            continue
        value = result[key]
        shown = "—" if value is None else f"{value:,} {unit}"
        goal = "" if target is None else f"{'≤' if sense == 'max' else '≥'} {target:,} {unit}"
        rows.append((key, what, shown, goal, met(key, value)))
    widths = [max(len(str(row[i])) for row in rows) for i in range(5)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only", help=f"comma-separated parts to run (of: {', '.join(PARTS)}); default all"
    )
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(PARTS)
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        parser.error(f"unknown part(s): {', '.join(unknown)}")
    result: dict = {}
    for name in names:
        if not args.json:
            print(f"running {name}…", file=sys.stderr, flush=True)
        result.update(run_part(name))
    result["machine"] = {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(table(result))


if __name__ == "__main__":
    main()
