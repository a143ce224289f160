"""A notebook followed live: what ``live.watch(net)`` costs the learner's loop, and how soon
the window shows a copy of the weights.

    python -m benchmarks.live [--rounds 3] [--images 16384] [--json]

``live_overhead_pct``: the Chinese book's LeNet and train_ch6's loop (SGD, batches of 256, 3
epochs) on Fashion-MNIST images, with ``live.watch(net)`` against without, while
``lenet-desktop watch`` receives in a process of its own (every half second a copy is taken,
signed, sent, read and its network built there, on the same two cores); the medians of
``--rounds`` alternating rounds.
``live_latency_p95_ms``: the real (offscreen) window follows the same loop, run in another
process with a copy every 0.1 s; from a copy's taking in the notebook to the window's
probabilities of the drawing updated (the follower's event, after the session ran the drawing
through the new network and every view took its values).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import draw_seven, open_window, percentile, report


def notebook(images: int, epochs: int, watch: bool, every: float = 0.5) -> dict:
    command = [sys.executable, "-m", "benchmarks.live_notebook", "--images", str(images)]
    command += ["--epochs", str(epochs), "--every", str(every)] + (["--watch"] if watch else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def overhead(rounds: int, images: int) -> dict:
    receiver = subprocess.Popen(
        [sys.executable, "-m", "lenet_desktop", "watch", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        from lenet_desktop.live import channel

        deadline = time.monotonic() + 60
        while not channel.endpoints() and time.monotonic() < deadline:
            time.sleep(0.05)
        plain, watched, sent = [], [], 0
        for _ in range(rounds):
            plain.append(notebook(images, 3, watch=False)["seconds"])
            figures = notebook(images, 3, watch=True)
            watched.append(figures["seconds"])
            sent += figures["sent"]
    finally:
        receiver.terminate()
        receiver.wait(10)
    without, with_ = statistics.median(plain), statistics.median(watched)
    return {
        "live_overhead_pct": round(100 * (with_ - without) / without, 2),
        "live_loop_without_s": round(without, 2),
        "live_loop_with_s": round(with_, 2),
        "live_copies_sent": sent,
    }


def latency(images: int) -> dict:
    app, window = open_window()
    draw_seven(window)
    delays: list[float] = []

    def shown(followed) -> None:
        if followed is not None and window.session.result.prediction is not None:
            delays.append(1000 * (time.time() - followed.update.taken_at))

    window.notebook.follower.followed.connect(shown)
    command = [sys.executable, "-m", "benchmarks.live_notebook", "--images", str(images)]
    process = subprocess.Popen(
        [*command, "--epochs", "3", "--watch", "--every", "0.1"], stdout=subprocess.PIPE
    )
    while process.poll() is None:
        app.processEvents()
        time.sleep(0.002)
    end = time.monotonic() + 2
    while time.monotonic() < end:  # the last copy
        app.processEvents()
        time.sleep(0.002)
    window.close()
    if not delays:
        raise RuntimeError("no copy reached the window")
    return {
        "live_latency_p50_ms": round(statistics.median(delays), 1),
        "live_latency_p95_ms": round(percentile(delays, 95), 1),
        "live_updates_shown": len(delays),
    }


def measure(rounds: int = 3, images: int = 16384) -> dict:
    os.environ.setdefault("LENET_DESKTOP_LIVE_DIR", tempfile.mkdtemp(prefix="lenet-live-"))
    return overhead(rounds, images) | latency(images)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--images", type=int, default=16384)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.rounds, args.images)
    report(figures, args.json)


if __name__ == "__main__":
    main()
