"""Real people's handwriting: read right, or honestly doubted.

    python -m benchmarks.real_digits                 # the table
    python -m benchmarks.real_digits --json          # one JSON object (its keys join
                                                     # python -m benchmarks --json)
    python -m benchmarks.real_digits --folder DIR --model FILE
    python -m benchmarks.real_digits --scores        # energy vs. probability vs. Mahalanobis
    python -m benchmarks.real_digits --stroke-widths # the training digits' stroke widths

Reads every picture of ``../shared/real_digits`` (or ``--folder``: pictures whose file name
starts with their digit, in any sub-folder; a ``manifest.csv`` and a README table of kinds are
used when there) exactly as ``lenet-desktop predict --json`` does, and reports:

* accuracy overall and by kind (photo of paper, digital drawing, 28×28 / tiny);
* wrong answers given with more than 90 % confidence;
* "unsure" raised on the right and on the wrong answers, and "unlike training" alone;
* the confusions (true → read);
* the same doubt on a set of non-digits from ``tests/helpers/nondigits.py`` (letters, dots, bars,
  scribbles drawn as a hand would): the share flagged (unsure, which includes unlike
  training) and the share "unlike training".

The pictures are a development set for measuring: never for training or for choosing a
threshold. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

FOLDER = REPO.parent / "shared" / "real_digits"
SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
CONFIDENT = 0.9
NONDIGITS_EACH = 60
KINDS = ("photo of paper", "digital drawing", "28x28 / tiny")


def kinds_from_readme(folder: Path) -> dict[str, str]:
    """Repository → kind, from the README's table (``| owner/name | n | kind | … |``)."""
    readme = folder / "README.md"
    if not readme.is_file():
        return {}
    found = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and "/" in cells[0] and cells[2] in KINDS:
            found[cells[0].replace("/", "__")] = cells[2]
    return found


def pictures(folder: Path) -> list[tuple[Path, int, str]]:
    """(path, label, kind) of every picture whose name starts with a digit."""
    kinds = kinds_from_readme(folder)
    listed: list[Path] = []
    manifest = folder / "manifest.csv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as handle:
            listed = [folder / row["path"] for row in csv.DictReader(handle)]
    else:
        listed = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    out = []
    for path in listed:
        if not re.match(r"\d", path.name):
            continue
        repository = path.parent.name
        kind = kinds.get(repository) or _guess_kind(path)
        out.append((path, int(path.name[0]), kind))
    return out


def _guess_kind(path: Path) -> str:
    from PIL import Image

    with Image.open(path) as picture:
        if max(picture.size) <= 32:
            return "28x28 / tiny"
        return "digital drawing" if picture.mode in ("RGBA", "LA", "P", "1") else "photo of paper"


def read_all(model, items) -> list[dict]:
    """Each picture as ``predict`` reads it; ``number``: what the window answers instead when
    it reads the picture as a whole number (issue 40), else None."""
    from lenet_desktop.analysis.number import read_number
    from lenet_desktop.analysis.reading import read

    rows = []
    for item, label, kind in items:
        picture = item if not isinstance(item, Path) else _load(item)
        number = read_number(model, picture)
        reading = read(model, picture)
        if reading.prediction is None or reading.doubt is None:
            rows.append({"label": label, "kind": kind, "read": None, "confidence": 0.0,
                         "unsure": True, "unlike": True, "notes": [], "number": None})  # fmt: skip
            continue
        rows.append(
            {
                "label": label,
                "kind": kind,
                "read": reading.prediction.index,
                "confidence": reading.prediction.confidence,
                "unsure": reading.doubt.unsure,
                "unlike": bool(reading.doubt.unlike_training),
                "notes": [note.kind for note in reading.notes],
                "name": str(item) if isinstance(item, Path) else "",
                "number": None if number is None else number.text,
            }
        )
    return rows


def _load(path: Path):
    from lenet_desktop.data.pictures import load_image

    return load_image(path)


def summary(rows: list[dict], nondigit_rows: list[dict]) -> dict:
    right = [r for r in rows if r["read"] == r["label"]]
    wrong = [r for r in rows if r["read"] != r["label"]]
    by_kind = {}
    for kind in sorted({r["kind"] for r in rows}):
        those = [r for r in rows if r["kind"] == kind]
        by_kind[kind] = {
            "pictures": len(those),
            "accuracy": round(sum(r["read"] == r["label"] for r in those) / len(those), 4),
        }
    confusions = Counter(f"{r['label']}→{r['read']}" for r in wrong)
    notes = Counter(kind for r in rows for kind in r["notes"])
    flagged = [r for r in nondigit_rows if r["unsure"]]
    unlike = [r for r in nondigit_rows if r["unlike"]]
    per_kind = {}
    for kind in sorted({r["kind"] for r in nondigit_rows}):
        those = [r for r in nondigit_rows if r["kind"] == kind]
        per_kind[kind] = round(sum(r["unsure"] for r in those) / len(those), 4)
    return {
        "real_digits_pictures": len(rows),
        "real_digits_accuracy": round(len(right) / max(len(rows), 1), 4),
        # the window's answer: a whole number when it reads the picture as one (issue 40)
        "real_digits_read_as_number": sum(r["number"] is not None for r in rows),
        "real_digits_window_accuracy": round(
            sum(
                (r["number"] == str(r["label"]))
                if r["number"] is not None
                else r["read"] == r["label"]
                for r in rows
            )
            / max(len(rows), 1),
            4,
        ),
        "real_digits_wrong": len(wrong),
        "real_digits_confident_wrong": sum(r["confidence"] > CONFIDENT for r in wrong),
        "real_digits_unsure_on_right": round(
            sum(r["unsure"] for r in right) / max(len(right), 1), 4
        ),
        # (None when nothing was wrong: there is no share to give)
        "real_digits_unsure_on_wrong": (
            round(sum(r["unsure"] for r in wrong) / len(wrong), 4) if wrong else None
        ),
        "real_digits_unlike_on_right": round(
            sum(r["unlike"] for r in right) / max(len(right), 1), 4
        ),
        "real_digits_by_kind": by_kind,
        "real_digits_confusions": dict(confusions.most_common()),
        "real_digits_notes": dict(notes.most_common()),
        "real_digits_wrong_pictures": [
            {
                "picture": r["name"],
                "read": r["read"],
                "confidence": round(r["confidence"], 4),
                "unsure": r["unsure"],
                "unlike": r["unlike"],
            }
            for r in wrong
        ],  # fmt: skip
        "nondigit_pictures": len(nondigit_rows),
        "nondigit_flagged": round(len(flagged) / max(len(nondigit_rows), 1), 4),
        "nondigit_unlike": round(len(unlike) / max(len(nondigit_rows), 1), 4),
        "nondigit_flagged_by_kind": per_kind,
        "nondigit_read_as_number": sum(r.get("number") is not None for r in nondigit_rows),
    }


def nondigit_items(each: int, seed: int) -> list:
    from helpers.nondigits import nondigits

    return [(picture, -1, kind) for kind, picture in nondigits(each, seed)]


def stroke_widths(folder: Path | None) -> dict:
    """The stroke widths of the MNIST subset's training digits (28×28, the engine's estimator)."""
    from lenet_desktop.data.datasets import MNIST, find_test_split, load_split
    from lenet_desktop.data.strokes import stroke_width

    place = folder or (REPO.parent / "shared" / "datasets" / "mnist-subset")
    try:
        split = load_split(place, MNIST, "train")
    except Exception:  # noqa: BLE001 - any folder problem: the test split found elsewhere
        split = find_test_split(MNIST)
    images = split.images.numpy().astype(np.float32) / 255.0
    widths = np.array([stroke_width(image) for image in images])
    marks = (1, 5, 10, 25, 50, 75, 90, 95, 99)
    return {
        "stroke_width_images": len(widths),
        "stroke_width_percentiles": {
            str(p): round(float(v), 2) for p, v in zip(marks, np.percentile(widths, marks))
        },
    }


def compare_scores(model, rows_pictures, nondigit_pictures) -> dict:
    """Energy, the largest probability and the Mahalanobis distance of the penultimate layer's
    features (Lee et al. 2018: class means and one shared covariance, fitted on the training
    split), each with its threshold at the 99th percentile of the held-out images' scores:
    the share of real digits (right answers) and of non-digits above it, and the AUROC
    between the two."""
    import torch

    from lenet_desktop.analysis.doubt import UNLIKE_QUANTILE, energy
    from lenet_desktop.data.datasets import find_test_split, load_split
    from lenet_desktop.training.batches import split_holdout

    bundle = model.bundle
    info = bundle.dataset
    network = model.network
    children = list(network.children())
    place = REPO.parent / "shared" / "datasets" / info.folder_name
    train = load_split(place, info, "train") if place.is_dir() else find_test_split(info)
    seed = int(bundle.training.get("config", {}).get("seed", 0)) if bundle.training else 0
    share = float(bundle.training.get("config", {}).get("holdout", 0.05)) or 0.05
    train, held = split_holdout(train, share, seed)
    assert held is not None

    def features(batch: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
        with torch.inference_mode():
            x = batch.to(model.device)
            for layer in children[:-1]:
                x = layer(x)
            return x.flatten(1).double().cpu().numpy(), children[-1](x).double().cpu().numpy()

    def of_split(split) -> tuple[np.ndarray, np.ndarray]:
        x = (split.images.unsqueeze(1).float() / 255.0 - info.mean) / info.std
        return features(x)

    def of_pictures(items) -> tuple[np.ndarray, np.ndarray]:
        tensors = []
        for item, _label, _kind in items:
            picture = _load(item) if isinstance(item, Path) else item
            prepared = model.preprocess(picture)
            if prepared.tensor is not None:
                tensors.append(prepared.tensor)
        return features(torch.cat(tensors))

    train_f, _ = of_split(train)
    held_f, held_l = of_split(held)
    real_f, real_l = of_pictures(rows_pictures)
    labels = np.array([label for _, label, _ in rows_pictures])
    right = real_l.argmax(1) == labels[: len(real_l)]
    non_f, non_l = of_pictures(nondigit_pictures)
    classes = train.labels.numpy()
    means = np.stack([train_f[classes == c].mean(0) for c in range(len(info.classes))])
    centred = train_f - means[classes]
    covariance = centred.T @ centred / len(centred)
    precision = np.linalg.pinv(covariance + 1e-6 * np.eye(len(covariance)))

    def mahalanobis(f: np.ndarray) -> np.ndarray:
        d = f[:, None, :] - means[None]
        return np.einsum("nci,ij,ncj->nc", d, precision, d).min(1)

    def largest(logits: np.ndarray) -> np.ndarray:
        z = logits / bundle.temperature
        z = z - z.max(1, keepdims=True)
        p = np.exp(z)
        return -(p / p.sum(1, keepdims=True)).max(1)

    scores = {
        "energy": lambda f, lg: energy(lg, bundle.temperature),
        "probability": lambda f, lg: largest(lg),
        "mahalanobis": lambda f, lg: mahalanobis(f),
    }
    out = {}
    for name, score in scores.items():
        held_s, real_s, non_s = score(held_f, held_l), score(real_f, real_l), score(non_f, non_l)
        threshold = float(np.quantile(held_s, UNLIKE_QUANTILE))
        both = np.concatenate([real_s[right], non_s])
        truth = np.concatenate([np.zeros(int(right.sum())), np.ones(len(non_s))])
        out[name] = {
            "real_right_above": round(float((real_s[right] > threshold).mean()), 4),
            "nondigit_above": round(float((non_s > threshold).mean()), 4),
            "auroc": round(_auroc(both, truth), 4),
        }
    return {"scores": out}


def _auroc(scores: np.ndarray, truth: np.ndarray) -> float:
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    positives = truth == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / max(n_pos * n_neg, 1))


def _share(value: float | None) -> str:
    return "— (none wrong)" if value is None else f"{100 * value:.1f} %"


def table(result: dict) -> str:
    lines = [
        f"real digits: {result['real_digits_pictures']} pictures",
        f"  accuracy                      {100 * result['real_digits_accuracy']:.2f} % "
        f"({result['real_digits_wrong']} wrong)",
    ]
    for kind, figures in result["real_digits_by_kind"].items():
        lines.append(f"    {kind:<27} {100 * figures['accuracy']:.2f} % of {figures['pictures']}")
    lines += [
        f"  wrong above 90 % confidence   {result['real_digits_confident_wrong']}",
        f"  unsure on right answers       {100 * result['real_digits_unsure_on_right']:.1f} %",
        f"  unsure on wrong answers       {_share(result['real_digits_unsure_on_wrong'])}",
        f"  unlike training, right ones   {100 * result['real_digits_unlike_on_right']:.1f} %",
        f"  confusions (true→read)        {result['real_digits_confusions'] or '—'}",
        f"  picture notes                 {result['real_digits_notes'] or '—'}",
        f"non-digits: {result['nondigit_pictures']} pictures (tests/helpers/nondigits.py)",
        f"  flagged (unsure)              {100 * result['nondigit_flagged']:.1f} % "
        f"{result['nondigit_flagged_by_kind']}",
        f"  unlike training               {100 * result['nondigit_unlike']:.1f} %",
    ]
    for wrong in result["real_digits_wrong_pictures"]:
        lines.append(f"  wrong: {wrong}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="the pictures' folder")
    parser.add_argument("--model", default="mnist", help="a shipped model's name or a file")
    parser.add_argument("--nondigits", type=int, default=NONDIGITS_EACH,
                        help="non-digit pictures of each kind")  # fmt: skip
    parser.add_argument("--seed", type=int, default=2026, help="the non-digits' seed")
    parser.add_argument("--scores", action="store_true",
                        help="also compare energy, probability and Mahalanobis scores")  # fmt: skip
    parser.add_argument("--stroke-widths", action="store_true",
                        help="only the training digits' stroke widths")  # fmt: skip
    args = parser.parse_args()

    if args.stroke_widths:
        result = stroke_widths(None)
        print(json.dumps(result) if args.json else json.dumps(result, indent=2))
        return
    import torch

    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    torch.set_num_threads(2)
    model = Predictor(load_model(args.model), "cpu")
    items = pictures(args.folder)
    if not items:
        raise SystemExit(f"{args.folder}: no pictures named <digit>…")
    others = nondigit_items(args.nondigits, args.seed)
    result = summary(read_all(model, items), read_all(model, others))
    if args.scores:
        result |= compare_scores(model, items, others)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(table(result))
        if args.scores:
            print(json.dumps(result["scores"], indent=2))


if __name__ == "__main__":
    main()
