"""Start-up as a user meets it: ``python -m lenet_desktop --smoke-test`` in a fresh process
(the real window, offscreen; the shipped MNIST model; the built-in drawing of a 7 as soon as the
model is in).

- ``first_paint_s``: from launching the process to the window's first paint;
- ``first_prediction_s``: from launching to the 7's prediction on screen (the window answers
  from the model file's NumPy forward pass while torch loads);
- ``ready_s``: from launching to torch's model in use, the feature maps drawn;
- ``rss_mb``: the process's resident memory at that moment.

Each figure is the median of ``--runs`` launches (default 3).

    python -m benchmarks.startup [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def launch() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the smoke test failed ({done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    return {
        "first_paint_s": result["painted_at"] - started,
        "first_prediction_s": result["predicted_at"] - started,
        "ready_s": result["ready_at"] - started,
        "rss_mb": result["rss_mb"],
    }


def measure(runs: int = 3) -> dict:
    launches = [launch() for _ in range(runs)]
    result = {
        key: round(statistics.median(run[key] for run in launches), 2)
        for key in ("first_paint_s", "first_prediction_s", "ready_s", "rss_mb")
    }
    result["startup_runs"] = runs
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
