"""A run's default name: the preset it came from and what is different — "d2l · C1 kernel 3",
"d2l · ReLU · lr 0.1", "d2l-maxpool · Quick" — computed from its spec and its options.

The network is compared with its preset layer by layer (the spec's name says which preset it
was edited from; a spec of another name is compared with the closest preset); the options are
compared with the recipe they started from (the defaults for the learner's own settings). The
words are English, marked for translation in context ``"run names"``; a window passes Qt's
``translate`` so the name is kept in the learner's language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from typing import Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.options import DEFAULT_LR
from lenet_desktop.specs.layer_types import SPEC_TYPES
from lenet_desktop.specs.planning import layer_names
from lenet_desktop.specs.presets import PRESET_LAYERS, is_preset, preset_spec
from lenet_desktop.training.config import TrainConfig
from lenet_desktop.training.recipes import recipe_settings

CONTEXT = "run names"
SEPARATOR = " · "
MAX_PARTS = 4  # differences named; more are summed up as "+N changes"

# Layer attributes, as a name says them.
ATTRIBUTES = {
    "kernel": QT_TRANSLATE_NOOP("run names", "kernel"),
    "channels": QT_TRANSLATE_NOOP("run names", "channels"),
    "padding": QT_TRANSLATE_NOOP("run names", "padding"),
    "stride": QT_TRANSLATE_NOOP("run names", "stride"),
    "features": QT_TRANSLATE_NOOP("run names", "features"),
}
# Layer types, as a name says them: each row's ``short`` (specs.layer_types).
TYPES = {name: row.short or name for name, row in SPEC_TYPES.items()}
# The book's settings are the chapter's reference and go unsaid, as do the defaults.
RECIPE_WORDS = {"quick": QT_TRANSLATE_NOOP("run names", "Quick")}
# Options a name mentions when they differ from the recipe's, and how.
OPTION_WORDS = {
    "dataset": "{value}",
    "lr": QT_TRANSLATE_NOOP("run names", "lr {value}"),
    "epochs": QT_TRANSLATE_NOOP("run names", "{value} epochs"),
    "train_images": QT_TRANSLATE_NOOP("run names", "{value} images"),
    "batch_size": QT_TRANSLATE_NOOP("run names", "batch {value}"),
    "optimizer": "{value}",
    "momentum": QT_TRANSLATE_NOOP("run names", "momentum {value}"),
    "schedule": "{value}",
    "init": QT_TRANSLATE_NOOP("run names", "{value} init"),
    "weight_decay": QT_TRANSLATE_NOOP("run names", "weight decay {value}"),
    "label_smoothing": QT_TRANSLATE_NOOP("run names", "label smoothing {value}"),
    "loss": QT_TRANSLATE_NOOP("run names", "{value} loss"),
    "augment": QT_TRANSLATE_NOOP("run names", "augmentation {value}"),
    "holdout": QT_TRANSLATE_NOOP("run names", "hold-out {value}"),
    "seed": QT_TRANSLATE_NOOP("run names", "seed {value}"),
}


def identity(_context: str, text: str) -> str:
    return text


def _say(translate, template: str, **values: Any) -> str:
    try:
        return translate(CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def _value_text(translate, value: Any) -> str:
    if isinstance(value, bool):
        word = (
            QT_TRANSLATE_NOOP("run names", "on") if value else QT_TRANSLATE_NOOP("run names", "off")
        )
        return _say(translate, word)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _closest_preset(layers) -> str:
    def distance(preset: str) -> int:
        theirs = PRESET_LAYERS[preset]
        same = sum(a == b for a, b in zip(layers[:-1], theirs[:-1], strict=False))
        return max(len(layers), len(theirs)) - same

    return min(PRESET_LAYERS, key=distance)


def network_changes(spec, translate=identity) -> tuple[str, list[str]]:
    """The preset ``spec`` came from and how it differs, as words: ("d2l", ["C1 kernel 3"])."""
    origin = spec.name if spec.name in PRESET_LAYERS else _closest_preset(spec.layers)
    base = preset_spec(origin, spec.layers[-1].features or 10)
    mine, theirs = list(spec.layers), list(base.layers)
    changes: list[str] = []
    # one activation (or pooling) swapped for another everywhere: said once ("ReLU")
    if len(mine) == len(theirs):
        swaps = {(b.type, a.type) for a, b in zip(mine, theirs, strict=True) if a.type != b.type}
        for old, new in sorted(swaps):
            changes.append(_say(translate, TYPES.get(new, new)))
            mine = [
                replace(layer, type=old) if layer.type == new else layer for layer in mine
            ]  # so that the attribute comparison below sees them as the preset's
        names = layer_names(spec)
        last = len(mine) - 1
        for index, (name, a, b) in enumerate(zip(names, mine, theirs, strict=True)):
            said = [
                f"{_say(translate, word)} {getattr(a, attribute)}"
                for attribute, word in ATTRIBUTES.items()
                if not (attribute == "features" and index == last)
                and getattr(a, attribute, None) is not None
                and getattr(a, attribute, None) != getattr(b, attribute, None)
            ]
            if said:  # one layer's changes together: "C1 kernel 3, padding 1"
                changes.append(f"{name} {', '.join(said)}")
    else:
        count_mine = Counter(layer.type for layer in mine)
        count_theirs = Counter(layer.type for layer in theirs)
        for type_ in sorted(set(count_mine) | set(count_theirs)):
            delta = count_mine[type_] - count_theirs[type_]
            if delta and SPEC_TYPES[type_].kind not in ("activation", "flatten"):
                word = _say(translate, TYPES.get(type_, type_))
                changes.append(f"{'+' if delta > 0 else '−'}{abs(delta)} {word}")
        if not changes:
            changes.append(_say(translate, QT_TRANSLATE_NOOP("run names", "other layers")))
    return origin, changes


def option_changes(config: dict, translate=identity, images: int | None = None) -> list[str]:
    """How ``config`` (a TrainConfig as a dict) differs from the recipe it names, for a run on
    ``images`` training images (the Quick recipe's batch size follows them)."""
    recipe = config.get("recipe", "custom")
    defaults: dict[str, Any] = {f.name: f.default for f in fields(TrainConfig)}
    base = defaults | recipe_settings(recipe, config.get("architecture"), images)
    if base.get("lr") is None:
        base["lr"] = DEFAULT_LR.get(str(config.get("optimizer", base["optimizer"])))
    changes = []
    if recipe in RECIPE_WORDS:
        changes.append(_say(translate, RECIPE_WORDS[recipe]))
    for key, word in OPTION_WORDS.items():
        if key not in config or key == "dataset":
            continue
        value, expected = config[key], base.get(key)
        if value is None:  # the optimiser's default rate
            continue
        if key == "lr" and value is not None and expected is not None:
            if abs(float(value) - float(expected)) <= 1e-12 * abs(float(expected)):
                continue
        elif value == expected:
            continue
        if key == "epochs" and value == 1:
            word = QT_TRANSLATE_NOOP("run names", "1 epoch")
        changes.append(_say(translate, word, value=_value_text(translate, value)))
    return changes


def run_name(config: dict, spec=None, translate=identity, images: int | None = None) -> str:
    """The default name of a run of ``config`` (a TrainConfig as a dict) on the network
    ``spec`` (None: LeNet-5, or the preset ``config["architecture"]``) and ``images``
    training images (the slice, hold-out included)."""
    architecture = str(config.get("architecture", ""))
    if spec is not None and not (spec.name == architecture and _is_preset(spec)):
        origin, parts = network_changes(spec, translate)
    else:
        origin, parts = architecture or "lenet5", []
    parts += option_changes(config, translate, images)
    if len(parts) > MAX_PARTS:
        extra = len(parts) - (MAX_PARTS - 1)
        parts = parts[: MAX_PARTS - 1] + [
            _say(translate, QT_TRANSLATE_NOOP("run names", "+{count} changes"), count=extra)
        ]
    return SEPARATOR.join([origin, *parts])


def _is_preset(spec) -> bool:
    return is_preset(spec)


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… when a run already has it."""
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"
