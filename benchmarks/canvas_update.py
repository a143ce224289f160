"""One canvas update end to end in the real (offscreen) window: the drawing is read,
preprocessed, run through the network with every activation recorded, and every view —
28×28 input, probabilities, feature maps — updated and painted.

    python -m benchmarks.canvas_update [--updates 500] [--model mnist] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def measure(updates: int = 500, model: str = "mnist") -> dict:
    """Time ``updates`` canvas updates, each after a new stroke segment; milliseconds."""
    from PySide6.QtCore import QSettings

    from lenet_desktop.ui.app import create_app
    from lenet_desktop.ui.main_window import MainWindow

    app = create_app()
    store = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model=model, settings=store)
    window.resize(1360, 820)
    window.show()
    loaded = []
    window.ready.connect(lambda: loaded.append(True))
    window.finish_startup()
    deadline = time.perf_counter() + 60
    while not loaded and time.perf_counter() < deadline:
        app.processEvents()
    if not loaded:
        raise RuntimeError("the model did not load")
    canvas = window.canvas
    times = []
    for i in range(updates + 20):
        if i % 60 == 0:
            canvas.clear()
            app.processEvents()
        t = (i % 60) / 60
        # A curling stroke, one short segment per update, as a hand moves between frames.
        canvas.draw_polyline(
            [(0.3 + 0.4 * t, 0.2 + 0.6 * abs(0.5 - t)), (0.32 + 0.4 * t, 0.22 + 0.6 * abs(0.5 - t))]
        )
        start = time.perf_counter()
        window.refresh()
        app.processEvents()  # every view repaints what changed
        times.append((time.perf_counter() - start) * 1000)
    times = times[20:]  # warm-up
    window.close()
    return {
        "canvas_update_p50_ms": round(statistics.median(times), 2),
        "canvas_update_p95_ms": round(percentile(times, 95), 2),
        "canvas_update_mean_ms": round(statistics.fmean(times), 2),
        "updates": len(times),
        "model": model,
        "device": str(window.predictor.device),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--model", default="mnist")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.updates, args.model)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"canvas update, {result['updates']} updates, model {result['model']}, "
            f"device {result['device']}: p50 {result['canvas_update_p50_ms']} ms, "
            f"p95 {result['canvas_update_p95_ms']} ms, "
            f"mean {result['canvas_update_mean_ms']} ms"
        )


if __name__ == "__main__":
    main()
