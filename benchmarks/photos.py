"""Photos of digits on paper, and the drawing path: accuracy and preprocessing time, before and
after, in one run.

    python -m benchmarks.photos                  # before = 9b081ba, after = the working tree
    python -m benchmarks.photos --baseline REV --photos 400 --seed 2024

"Before" is ``lenet_desktop/data/preprocessing.py`` as commit REV had it (``git show``,
imported from a temporary file); "after" is the one in this tree. Both feed the same shipped
MNIST model.

* Accuracy on ``--photos`` phone photos (tests/photos.py: uneven light, shadows, ruled lines,
  blue or black ink, noise, JPEG) and on as many clean test digits re-drawn large and
  off-centre (tests/drawing.py ``redraw``, as tests/test_shipped_models.py makes them).
* Time per ``preprocess`` call (median of many, the two versions alternating) for a canvas-like
  drawing (black strokes on white, ``(400, 400)`` and the canvas's own ``(560, 560) uint8``)
  and for a 640 px photo.

Figures are printed, never asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

BASELINE = "9b081ba"


def baseline_module(rev: str) -> ModuleType:
    """The preprocessing module of commit ``rev`` as a module of its own (it lived at
    ``lenet_desktop/preprocessing.py`` before the engine had folders)."""
    for where in ("lenet_desktop/data/preprocessing.py", "lenet_desktop/preprocessing.py"):
        done = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{rev}:{where}"], capture_output=True, text=True
        )
        if done.returncode == 0:
            source = done.stdout
            break
    else:
        raise SystemExit(f"{rev}: no preprocessing module found")
    path = Path(tempfile.mkdtemp(prefix="lenet-photos-")) / f"preprocessing_{rev}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(f"preprocessing_{rev}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def canvas_drawing(side: int) -> np.ndarray:
    """A "5" drawn with the canvas's round 36-px brush (scaled to ``side``), gray uint8."""
    from PIL import Image, ImageDraw

    picture = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(picture)
    s = side / 560
    width = round(36 * s)
    points = [(380, 120), (200, 120), (180, 270), (300, 250), (390, 330), (360, 440), (170, 440)]
    draw.line([(x * s, y * s) for x, y in points], fill=0, width=width, joint="curve")
    for x, y in points:
        r = width / 2
        draw.ellipse((x * s - r, y * s - r, x * s + r, y * s + r), fill=0)
    return np.asarray(picture).copy()


def redrawn_digits(test, count: int) -> tuple[list, list[int]]:
    from drawing import redraw

    rng = np.random.default_rng(7)
    indices = rng.choice(len(test), size=count, replace=False)
    pictures, labels = [], []
    for i in indices:
        width, height = int(rng.integers(300, 700)), int(rng.integers(300, 600))
        box = int(rng.integers(120, min(width, height) - 40))
        cx = int(rng.integers(box // 2 + 10, width - box // 2 - 10))
        cy = int(rng.integers(box // 2 + 10, height - box // 2 - 10))
        pictures.append(
            redraw(test.images[i].numpy(), canvas=(width, height), size=box, centre=(cx, cy))
        )
        labels.append(int(test.labels[i]))
    return pictures, labels


def accuracy(module: ModuleType, predictor, pictures, labels) -> float:
    info = predictor.bundle.dataset
    correct = 0
    for picture, label in zip(pictures, labels):
        prepared = module.preprocess(picture, info.convention, info.mean, info.std)
        if prepared.tensor is not None:
            correct += predictor.predict(prepared.tensor).index == label
    return correct / len(labels)


def per_call(modules: dict[str, ModuleType], picture, repeats: int) -> dict[str, float]:
    """Median milliseconds per ``preprocess(picture)``, the modules alternating."""
    times: dict[str, list[float]] = {name: [] for name in modules}
    for _ in range(repeats):
        for name, module in modules.items():
            start = time.perf_counter()
            module.preprocess(picture)
            times[name].append(time.perf_counter() - start)
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=BASELINE, metavar="REV")
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)

    import torch
    from photos import photo, photo_set

    from lenet_desktop.data import preprocessing
    from lenet_desktop.data.datasets import MNIST, load_dataset
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    torch.set_num_threads(1)
    modules = {f"before ({args.baseline})": baseline_module(args.baseline), "after": preprocessing}
    predictor = Predictor(load_model("mnist"), "cpu")
    folder = REPO.parent / "shared" / "datasets" / "mnist-subset"
    _, test = load_dataset(folder, MNIST)

    started = time.perf_counter()
    photos, photo_labels = photo_set(args.photos, seed=args.seed, folder=str(folder))
    drawn, drawn_labels = redrawn_digits(test, args.photos)
    print(
        f"{args.photos} photos (seed {args.seed}) and {args.photos} re-drawn digits made in "
        f"{time.perf_counter() - started:.1f} s; model: shipped mnist, cpu, 1 thread"
    )
    print(f"\n{'accuracy':<34}" + "".join(f"{name:>18}" for name in modules))
    for title, pictures, labels in (
        (f"phone photos ({args.photos})", photos, photo_labels),
        (f"re-drawn test digits ({args.photos})", drawn, drawn_labels),
    ):
        row = [accuracy(module, predictor, pictures, labels) for module in modules.values()]
        print(f"{title:<34}" + "".join(f"{100 * a:>17.2f}%" for a in row))

    big_photo = photo(test.images[0].numpy(), np.random.default_rng(1))
    big_photo = big_photo.resize((640, 480))
    cases = {
        "canvas drawing 400×400 (L array)": canvas_drawing(400),
        "canvas drawing 560×560 (L array)": canvas_drawing(560),
        "photo 640×480 (RGB JPEG)": big_photo,
    }
    print(f"\n{'ms per preprocess (median)':<34}" + "".join(f"{name:>18}" for name in modules))
    for title, picture in cases.items():
        row = per_call(modules, picture, args.repeats)
        print(f"{title:<34}" + "".join(f"{row[name]:>18.3f}" for name in modules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
