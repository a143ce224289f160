"""What a kept run's ``run.json`` may hold, checked before anything uses it: types, ranges,
sizes and nesting depth. A record that fails is a value ("damaged: why"), never an exception
in a view, the Runs tab or ``lenet-desktop runs``.

Plain Python. The JSON is parsed with its numbers checked (``1e999`` is not a number here) and
its nesting bounded, so neither an overflow nor a recursion error escapes.
"""

from __future__ import annotations

import json
import math
from typing import Any

FORMAT = "lenet-desktop-run/1"
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
