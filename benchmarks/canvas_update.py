"""One canvas update end to end in the real (offscreen) window: the drawing is read,
preprocessed, run through the network with every activation recorded, and every view —
28×28 input, probabilities, feature maps — updated and painted.

    python -m benchmarks.canvas_update [--updates 500] [--model mnist] [--json]
    python -m benchmarks.canvas_update --during-training   # while the Training panel trains
    python -m benchmarks.canvas_update --baseline f69cb2e  # before and after, in one run
    python -m benchmarks.canvas_update --explain   # without, then with the explanation panel
                                                   # open on a C3 cell and attribution on
    python -m benchmarks.canvas_update --number    # writing "2026", segment by segment: once
                                                   # a second digit is down, every update
                                                   # reads the whole number

``--baseline REV`` measures the drawing path of the commit REV (checked out into a temporary
worktree, measured by its own copy of this benchmark) and of the working tree, alternately,
twice each, so a change is compared with what came before on the same machine at the same time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import open_window, percentile


def _number_segments(text: str = "2026", pieces: int = 6) -> list[list[tuple[float, float]]]:
    """The strokes of ``text`` as short segments, in writing order (fractions of the paper)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from helpers.number_strokes import number_strokes

    segments = []
    for stroke in number_strokes(text):
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
            for k in range(pieces):
                a, b = k / pieces, (k + 1) / pieces
                segments.append([(x0 + a * (x1 - x0), y0 + a * (y1 - y0)),
                                 (x0 + b * (x1 - x0), y0 + b * (y1 - y0))])  # fmt: skip
    return segments


def measure(
    updates: int = 500,
    model: str = "mnist",
    during_training: bool = False,
    explain: bool = False,
    number: bool = False,
) -> dict:
    """Time ``updates`` canvas updates, each after a new stroke segment; milliseconds. With
    ``during_training``, the Training panel trains ``modern`` on Fashion-MNIST meanwhile."""

    app, window = open_window(model)
    canvas = window.canvas
    samples_per_s = None
    if explain:
        from lenet_desktop.session import Unit

        window.session.select(Unit("C3", 4, 5, 5))  # the panel opens on a C3 cell
        window.menu_actions["attribution"].setChecked(True)
        app.processEvents()
    if during_training:
        from lenet_desktop.data.datasets import FASHION_MNIST, candidate_folders

        panel = window.training
        form = panel.form
        form.widgets["dataset"].setCurrentIndex(form.widgets["dataset"].findData("fashion-mnist"))
        folders = [p for p in candidate_folders(FASHION_MNIST) if p.is_dir()]
        form.folder_edit.setText(str(folders[0]) if folders else "")
        form.widgets["epochs"].setValue(100)
        if not panel.start():
            raise RuntimeError(panel.status.message.text())
        progress = panel.training
        while (progress.progress is None or progress.progress.step < 5) and panel.busy:
            app.processEvents()
    times = []
    segments = _number_segments() if number else []
    numbers_read = 0
    for i in range(updates + 20):
        if number:
            if i % len(segments) == 0:
                canvas.clear()
                app.processEvents()
            canvas.draw_polyline(segments[i % len(segments)])
        else:
            if i % 60 == 0:
                canvas.clear()
                app.processEvents()
            t = (i % 60) / 60
            # A curling stroke, one short segment per update, as a hand moves between frames.
            canvas.draw_polyline(
                [
                    (0.3 + 0.4 * t, 0.2 + 0.6 * abs(0.5 - t)),
                    (0.32 + 0.4 * t, 0.22 + 0.6 * abs(0.5 - t)),
                ]
            )
        start = time.perf_counter()
        window.session.draw(canvas.to_array())  # read, preprocess, forward, every view
        app.processEvents()  # every view repaints what changed
        # (the explanation and the attribution are computed off the window's thread by the
        # Analyst, the latest input winning: the stroke does not wait for them; their count
        # is reported below)
        times.append((time.perf_counter() - start) * 1000)
        numbers_read += window.session.result.number is not None and i >= 20
    times = times[20:]  # warm-up
    if explain:
        while window.analyst.busy:
            app.processEvents()
    if during_training:
        last = panel.training.progress
        samples_per_s = round(last.samples_per_s) if last is not None else None
        panel.stop_and_wait()
    window.close()
    prefix = "update_during_training" if during_training else "canvas_update"
    prefix = "update_explained" if explain else prefix
    prefix = "update_number" if number else prefix
    result = {
        f"{prefix}_p50_ms": round(statistics.median(times), 2),
        f"{prefix}_p95_ms": round(percentile(times, 95), 2),
        f"{prefix}_mean_ms": round(statistics.fmean(times), 2),
        "updates": len(times),
        "model": model,
        "device": str(window.session.predictor.device),
    }
    if number:
        result["updates_reading_a_number"] = int(numbers_read)
    if explain:
        result["analyses"] = window.analyst.computed  # explanation + attribution, off-thread
    if during_training:
        result["update_p95_during_training_ms"] = result["update_during_training_p95_ms"]
        result["training_samples_per_s"] = samples_per_s
    return result


def compare(revision: str, updates: int) -> dict:
    """p50/p95 of REV and of the working tree, each the median of two alternating runs."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", revision], cwd=repo, capture_output=True, text=True
    ).stdout.strip()
    if not commit:
        raise SystemExit(f"unknown revision {revision!r}")
    base = Path(tempfile.gettempdir()) / f"lenet-baseline-{commit}"
    if not base.is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(base), commit], cwd=repo,
                       check=True, capture_output=True)  # fmt: skip
    runs: dict[str, list[dict]] = {commit: [], "working tree": []}
    for _ in range(2):
        for name, folder in ((commit, base), ("working tree", repo)):
            env = dict(os.environ, PYTHONPATH=str(folder))
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.canvas_update", "--json", "--updates",
                 str(updates)], cwd=folder, env=env, capture_output=True, text=True,
            )  # fmt: skip
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            if done.returncode or not lines:
                raise SystemExit(f"{name}: the benchmark failed\n{done.stderr[-2000:]}")
            runs[name].append(json.loads(lines[-1]))
    return {
        name: {
            key: round(statistics.median(r[key] for r in results), 2)
            for key in ("canvas_update_p50_ms", "canvas_update_p95_ms")
        }
        for name, results in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--model", default="mnist")
    parser.add_argument(
        "--during-training",
        action="store_true",
        help="train modern on Fashion-MNIST in the panel meanwhile",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="measure without, then with the explanation panel on a C3 cell and attribution on",
    )
    parser.add_argument(
        "--number",
        action="store_true",
        help='write "2026" segment by segment (the whole number read on every update)',
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", metavar="REV", help="also measure this commit, alternately")
    args = parser.parse_args()
    if args.baseline:
        report = compare(args.baseline, args.updates)
        if args.json:
            print(json.dumps(report))
        for name, figures in report.items():
            print(f"{name}: p50 {figures['canvas_update_p50_ms']} ms, "
                  f"p95 {figures['canvas_update_p95_ms']} ms")  # fmt: skip
        return
    if args.explain:
        import subprocess
        import sys

        plain = measure(args.updates, args.model)
        # A fresh process for the second half: one QApplication per process.
        done = subprocess.run(
            [sys.executable, "-c", "import json; from benchmarks.canvas_update import measure; "
             f"print(json.dumps(measure({args.updates}, {args.model!r}, explain=True)))"],
            capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
        )  # fmt: skip
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode or not lines:
            raise SystemExit(f"the explained run failed\n{done.stderr[-2000:]}")
        result = {**plain, **json.loads(lines[-1])}
        if args.json:
            print(json.dumps(result))
            return
        for what, prefix in (("plain", "canvas_update"), ("explained", "update_explained")):
            print(f"{what}: p50 {result[prefix + '_p50_ms']} ms, p95 {result[prefix + '_p95_ms']} "
                  f"ms, mean {result[prefix + '_mean_ms']} ms")  # fmt: skip
        print(
            f"explanations + attribution maps computed off-thread: {result['analyses']} for "
            f"{result['updates']} updates"
        )
        return
    result = measure(args.updates, args.model, args.during_training, number=args.number)
    if args.json:
        print(json.dumps(result))
        return
    prefix = "update_during_training" if args.during_training else "canvas_update"
    what = "canvas update during training" if args.during_training else "canvas update"
    if args.number:
        prefix, what = "update_number", 'canvas update writing "2026"'
        print(f"updates that read a whole number: {result['updates_reading_a_number']}")
    print(
        f"{what}, {result['updates']} updates, model {result['model']}, "
        f"device {result['device']}: p50 {result[prefix + '_p50_ms']} ms, "
        f"p95 {result[prefix + '_p95_ms']} ms, mean {result[prefix + '_mean_ms']} ms"
    )
    if args.during_training:
        print(f"the trainer meanwhile: {result['training_samples_per_s']} samples/s")


if __name__ == "__main__":
    main()
