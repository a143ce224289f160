"""A kept run as data (:class:`Run`, or :class:`DamagedRun` when its record cannot be used),
its table row (:func:`comparison_rows`, :func:`comparison_csv`), and what its ``run.json`` may
hold, checked before anything uses it: types, ranges,
sizes and nesting depth. A record that fails is a value ("damaged: why"), never an exception
in a view, the Runs tab or ``lenet-desktop runs``.

Plain Python. The JSON is parsed with its numbers checked (``1e999`` is not a number here) and
its nesting bounded, so neither an overflow nor a recursion error escapes.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lenet_desktop.messages import printable

FORMAT = "lenet-desktop-run/1"
RECORD = "run.json"  # in a run's folder: the record
MODEL = "model.safetensors"  # its final model
EPOCHS = "epochs"  # the folder of its epochs' models
MAX_DEPTH = 8  # the deepest a record nests: {config: {…}} or {history: [{…}]}
MAX_EPOCHS = 100_000
MAX_CLASSES = 1000
MAX_TEXT = 400
MAX_CURVE = 2000  # points of the loss curve
DIAGNOSES = ("chance", "overfit", "diverged")


class Damaged(ValueError):
    """Why a record cannot be used (English; the value shown beside the damaged run)."""


def _depth(text: str) -> int:
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Damaged(f"the number {text} is out of range")
    return value


def parse(text: str) -> dict[str, Any]:
    """The record's JSON → a checked dict (Damaged with the reason)."""
    if _depth(text) > MAX_DEPTH:
        raise Damaged(f"nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(
            text,
            parse_float=_finite,
            parse_constant=lambda name: _finite(name),
        )
    except Damaged:
        raise
    except (ValueError, RecursionError) as exc:
        raise Damaged(f"not JSON ({exc})") from None
    return check(data)


def _text(data: dict, key: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise Damaged(f"{key} must be text of at most {MAX_TEXT} characters")
    return value


def _number(value: Any, key: str, low: float = 0.0, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Damaged(f"{key} must be a number, not {type(value).__name__}")
    if not (math.isfinite(value) and low <= value <= high):
        raise Damaged(f"{key} = {value} is out of range ({low:g} to {high:g})")
    return float(value)


def _whole(value: Any, key: str, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise Damaged(f"{key} must be a whole number from 0 to {high}")
    return value


def check(data: Any) -> dict[str, Any]:
    """A parsed record checked field by field (Damaged with the first reason found)."""
    if not isinstance(data, dict):
        raise Damaged("not a run record (a JSON object)")
    if data.get("format") != FORMAT:
        raise Damaged("not a run record (no run format)")
    for key in ("name", "created", "dataset", "architecture"):
        _text(data, key)
    if not data["name"].strip():
        raise Damaged("the run has no name")
    _whole(data.get("parameters"), "parameters", 10**10)
    classes = data.get("classes")
    if (
        not isinstance(classes, list)
        or not 1 <= len(classes) <= MAX_CLASSES
        or not all(isinstance(c, str) and len(c) <= MAX_TEXT for c in classes)
    ):
        raise Damaged("classes must be a list of class names")
    config = data.get("config", {})
    if not isinstance(config, dict) or len(config) > 200:
        raise Damaged("config must be a table of at most 200 options")
    for key, value in config.items():
        if not (value is None or isinstance(value, (str, int, float, bool))):
            raise Damaged(f"config option {key} must be a plain value")
    history = data.get("history", [])
    if not isinstance(history, list) or len(history) > MAX_EPOCHS:
        raise Damaged(f"history must be a list of at most {MAX_EPOCHS} epochs")
    for n, epoch in enumerate(history, 1):
        if not isinstance(epoch, dict):
            raise Damaged(f"history entry {n} is not a table")
        _number(epoch.get("epoch", n), f"history {n} epoch", 0, MAX_EPOCHS)
        _number(epoch.get("loss"), f"history {n} loss")
        for key in ("train_accuracy", "test_accuracy"):
            _number(epoch.get(key), f"history {n} {key}", 0.0, 1.0)
        for key in ("seconds", "samples_per_s"):
            if key in epoch:
                _number(epoch[key], f"history {n} {key}")
    _number(data.get("accuracy"), "accuracy", 0.0, 1.0)
    confusion = data.get("confusion", [])
    if confusion:
        size = len(classes)
        if (
            not isinstance(confusion, list)
            or len(confusion) != size
            or not all(isinstance(row, list) and len(row) == size for row in confusion)
        ):
            raise Damaged(f"the confusion matrix must be {size}×{size}, one row per class")
        for row in confusion:
            for value in row:
                _whole(value, "a confusion count", 10**9)
    for key in ("seconds", "samples_per_s"):
        if key in data:
            _number(data[key], key)
    curve = data.get("curve", [])
    if not isinstance(curve, list) or len(curve) > MAX_CURVE:
        raise Damaged(f"curve must be a list of at most {MAX_CURVE} points")
    for n, point in enumerate(curve, 1):
        if not (isinstance(point, list) and len(point) == 2):
            raise Damaged(f"curve point {n} must be [epochs, loss]")
        _number(point[0], f"curve point {n} epochs", 0, MAX_EPOCHS)
        _number(point[1], f"curve point {n} loss")
    if data.get("diagnosis") not in (None, *DIAGNOSES):
        raise Damaged(f"diagnosis must be one of {', '.join(DIAGNOSES)}")
    return data


@dataclass(frozen=True)
class Run:
    """One kept run. ``history``: one dict per epoch (``epoch``, ``loss``, ``train_accuracy``,
    ``test_accuracy``, ``seconds``, ``samples_per_s``); ``confusion[t][p]`` counts test images
    of true class t predicted as p."""

    id: str
    name: str
    created: str
    dataset: str
    architecture: str
    parameters: int
    classes: tuple[str, ...]
    config: dict = field(default_factory=dict)
    history: tuple[dict, ...] = ()
    accuracy: float = 0.0
    confusion: tuple[tuple[int, ...], ...] = ()
    seconds: float = 0.0
    samples_per_s: float = 0.0
    # the loss along the run: (epochs done, loss) pairs, several per epoch
    curve: tuple[tuple[float, float], ...] = ()
    diagnosis: str | None = None  # what its figures said went wrong: "chance", "overfit"
    folder: Path = Path()

    @property
    def model_path(self) -> Path:
        return self.folder / MODEL

    @property
    def epochs(self) -> int:
        return len(self.history)

    @property
    def epochs_kept(self) -> int:
        """How many of its epochs can be stepped through: the weights as initialised (epoch 0)
        and after epochs 1, 2, … as long as none is missing (0: none kept, an older run)."""
        return epochs_kept(self.folder)

    def epoch_path(self, epoch: int) -> Path:
        """Epoch ``epoch``'s model file (an int: the name is made here, never taken from a
        file)."""
        return self.folder / EPOCHS / epoch_name(int(epoch))

    @property
    def recipe(self) -> str:
        return str(self.config.get("recipe", "custom"))

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "id": self.id,
            "name": self.name,
            "created": self.created,
            "dataset": self.dataset,
            "architecture": self.architecture,
            "parameters": self.parameters,
            "classes": list(self.classes),
            "config": self.config,
            "history": list(self.history),
            "accuracy": self.accuracy,
            "confusion": [list(row) for row in self.confusion],
            "seconds": self.seconds,
            "samples_per_s": self.samples_per_s,
            "curve": [list(point) for point in self.curve],
            "diagnosis": self.diagnosis,
        }


def epoch_name(epoch: int) -> str:
    return f"epoch-{epoch:03d}.safetensors"


def epochs_kept(folder: Path) -> int:
    """The number of consecutive epoch files from epoch 0 in ``folder``'s ``epochs`` (links are
    not followed: a run's epochs are its own files)."""
    epochs = folder / EPOCHS
    try:
        if epochs.is_symlink():
            return 0
        names = {
            entry.name for entry in epochs.iterdir() if entry.is_file() and not entry.is_symlink()
        }
    except OSError:
        return 0
    count = 0
    while epoch_name(count) in names:
        count += 1
    return count


@dataclass(frozen=True)
class DamagedRun:
    """A folder of the runs folder whose record cannot be used: listed (greyed, with the
    reason) and deletable, never opened. ``id`` is the folder's name."""

    id: str
    folder: Path
    reason: str

    @property
    def shown_id(self) -> str:
        return printable(self.id)


def from_json(data: dict, folder: Path) -> Run:
    """A checked record (:func:`check`) as a Run, addressed by its folder."""
    return Run(
        id=folder.name,
        name=printable(str(data["name"])),
        created=printable(str(data["created"])),
        dataset=printable(str(data["dataset"])),
        architecture=printable(str(data["architecture"])),
        parameters=int(data["parameters"]),
        classes=tuple(printable(str(c)) for c in data["classes"]),
        config=dict(data.get("config", {})),
        history=tuple(dict(h) for h in data.get("history", [])),
        accuracy=float(data["accuracy"]),
        confusion=tuple(tuple(int(v) for v in row) for row in data.get("confusion", [])),
        seconds=float(data.get("seconds", 0.0)),
        samples_per_s=float(data.get("samples_per_s", 0.0)),
        curve=tuple((float(x), float(y)) for x, y in data.get("curve", [])),
        diagnosis=data.get("diagnosis"),
        folder=folder,
    )


COLUMNS = (
    "name",
    "dataset",
    "architecture",
    "parameters",
    "epochs",
    "test_accuracy",
    "seconds",
    "samples_per_s",
    "created",
)


def comparison_rows(runs: list[Run]) -> list[dict[str, Any]]:
    """One row per run: what the comparison table shows and the CSV holds."""
    return [
        {
            "name": run.name,
            "dataset": run.dataset,
            "architecture": run.architecture,
            "parameters": run.parameters,
            "epochs": run.epochs,
            "test_accuracy": round(run.accuracy, 4),
            "seconds": round(run.seconds, 1),
            "samples_per_s": round(run.samples_per_s),
            "created": run.created,
        }
        for run in runs
    ]


def comparison_csv(runs: list[Run]) -> str:
    """The comparison table as CSV text (a header line, then one line per run)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(comparison_rows(runs))
    return printable(out.getvalue())
