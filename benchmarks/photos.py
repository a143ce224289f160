"""Handwriting from anywhere, and the drawing path: accuracy and preprocessing time, before and
after, in one run.

    python -m benchmarks.photos                  # before = 3c7e132, after = the working tree
    python -m benchmarks.photos --baseline REV --photos 400 --seed 2024

"Before" is ``lenet_desktop/data/preprocessing.py`` and ``models/mnist.safetensors`` as commit
REV had them (``git show``, from temporary files); "after" is this tree's. The middle column
is this tree's preprocessing with REV's model, to tell the two changes apart.

* Accuracy on ``--photos`` pictures of MNIST-subset test digits in each way a learner brings
  them: phone photos (tests/helpers/photos.py: uneven light, shadows, ruled lines, blue or
  black ink, noise, JPEG), clean digits re-drawn large and off-centre
  (tests/helpers/drawing.py ``redraw``), clean note-app pages with a template (ruled, squared,
  dotted, margin), a thick marker on ruled paper and faint pencil photographed in a shadow
  (tests/helpers/pages.py); and, when scikit-learn is installed, the UCI handwritten digits
  (43 other writers, 8×8) drawn large on a canvas.
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

BASELINE = "3c7e132"


def _git_source(rev: str, *places: str) -> str | None:
    for where in places:
        done = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{rev}:{where}"], capture_output=True, text=True
        )
        if done.returncode == 0:
            return done.stdout
    return None


def _load_source(name: str, source: str) -> ModuleType:
    path = Path(tempfile.mkdtemp(prefix="lenet-photos-")) / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up while it loads)
    spec.loader.exec_module(module)
    return module


def baseline_module(rev: str) -> ModuleType:
    """The preprocessing module of commit ``rev`` as a module of its own (it lived at
    ``lenet_desktop/preprocessing.py`` before the engine had folders), with that commit's own
    cleaning and stroke modules where it had them (not this tree's)."""
    tag = rev.replace("-", "_").replace("~", "_").replace("^", "_")
    source = _git_source(
        rev, "lenet_desktop/data/preprocessing.py", "lenet_desktop/preprocessing.py"
    )
    if source is None:
        raise SystemExit(f"{rev}: no preprocessing module found")
    for part in ("strokes", "cleaning"):
        own = _git_source(rev, f"lenet_desktop/data/{part}.py")
        if own is None:
            continue
        for other in ("strokes",):  # the cleaning module measures strokes too
            own = own.replace(
                f"from lenet_desktop.data.{other} import", f"from {other}_{tag} import"
            )
        _load_source(f"{part}_{tag}", own)
        source = source.replace(
            f"from lenet_desktop.data.{part} import", f"from {part}_{tag} import"
        )
    return _load_source(f"preprocessing_{tag}", source)


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
    from helpers.drawing import redraw

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


def baseline_model(rev: str) -> str:
    """The shipped MNIST model of commit ``rev``, as a temporary file."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{rev}:models/mnist.safetensors"], capture_output=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{rev}: no models/mnist.safetensors")
    path = Path(tempfile.mkdtemp(prefix="lenet-photos-")) / f"mnist_{rev}.safetensors"
    path.write_bytes(done.stdout)
    return str(path)


def uci_digits(count: int, seed: int) -> tuple[list, list[int]] | None:
    """The UCI handwritten digits (scikit-learn's copy: 8×8, 0–16), each drawn large (160 px,
    bicubic) as dark ink on a white 300×300 canvas; None without scikit-learn."""
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        return None
    from PIL import Image

    digits = load_digits()
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(digits.target), size=min(count, len(digits.target)), replace=False)
    pictures = []
    for i in picks:
        small = (digits.images[i] / 16.0 * 255).astype(np.uint8)
        big = np.asarray(Image.fromarray(small).resize((160, 160), Image.Resampling.BICUBIC))
        canvas = np.full((300, 300), 255, dtype=np.uint8)
        canvas[70:230, 70:230] = 255 - big
        pictures.append(canvas)
    return pictures, [int(digits.target[i]) for i in picks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=BASELINE, metavar="REV")
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)

    import torch
    from helpers.pages import TEMPLATES, page_set
    from helpers.photos import photo, photo_set

    from lenet_desktop.data import preprocessing
    from lenet_desktop.data.datasets import MNIST, load_dataset
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    torch.set_num_threads(1)
    old = baseline_module(args.baseline)
    modules = {f"before ({args.baseline})": old, "after": preprocessing}
    old_model = Predictor(load_model(baseline_model(args.baseline)), "cpu")
    new_model = Predictor(load_model("mnist"), "cpu")
    columns = (
        (f"before ({args.baseline})", old, old_model),
        ("new cleaning, old model", preprocessing, old_model),
        ("after", preprocessing, new_model),
    )
    folder = REPO.parent / "shared" / "datasets" / "mnist-subset"
    _, test = load_dataset(folder, MNIST)
    images, labels = test.images.numpy(), test.labels.numpy()

    started = time.perf_counter()
    n = args.photos
    sets = [
        (f"phone photos ({n})", *photo_set(n, seed=args.seed, folder=str(folder))),
        (f"re-drawn test digits ({n})", *redrawn_digits(test, n)),
    ]
    for kind in (*TEMPLATES, "marker", "pencil"):
        title = {"marker": "thick marker", "pencil": "faint pencil, shadow"}.get(kind, kind)
        sets.append((f"{title} ({n})", *page_set(kind, images, labels, n, seed=args.seed)))
    uci = uci_digits(n, args.seed)
    if uci is not None:
        sets.append((f"UCI digits on a canvas ({len(uci[1])})", *uci))
    print(
        f"{len(sets)} sets of MNIST-subset test digits (seed {args.seed}) made in "
        f"{time.perf_counter() - started:.1f} s; cpu, 1 thread"
    )
    print(f"\n{'accuracy':<34}" + "".join(f"{name:>26}" for name, _, _ in columns))
    for title, pictures, truth in sets:
        row = [accuracy(module, model, pictures, truth) for _, module, model in columns]
        print(f"{title:<34}" + "".join(f"{100 * a:>25.2f}%" for a in row))

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
